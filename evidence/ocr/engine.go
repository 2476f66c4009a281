package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// EnvTesseract names the environment variable that points to the
// tesseract program when no explicit path is given.
const EnvTesseract = "CASEBUNDLE_TESSERACT"

// InstallHint says how to install the engine, in both languages.
const InstallHint = "安装 Tesseract 与简体中文语言包 / install Tesseract with Simplified Chinese: " +
	"Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim; " +
	"macOS (Homebrew): brew install tesseract tesseract-lang"

// ErrNotInstalled is matched (errors.Is) by the error Find returns when
// there is no usable tesseract program.
var ErrNotInstalled = errors.New("tesseract is not installed")

// NotInstalledError says which program was looked for and why it is not
// usable; its message ends with InstallHint.
type NotInstalledError struct {
	Path string // the path or name tried
	Err  error
}

func (e *NotInstalledError) Error() string {
	return fmt.Sprintf("OCR engine %s not usable: %v. %s", e.Path, e.Err, InstallHint)
}

func (e *NotInstalledError) Unwrap() []error { return []error{ErrNotInstalled, e.Err} }

// MissingLanguageError says that tesseract runs but lacks a language a
// pass needs (chi_sim in practice).
type MissingLanguageError struct {
	Lang string
	Have []string
}

func (e *MissingLanguageError) Error() string {
	hint := "Debian/Ubuntu: sudo apt-get install tesseract-ocr-" + strings.ReplaceAll(e.Lang, "_", "-") +
		"; macOS: brew install tesseract-lang"
	return fmt.Sprintf("tesseract has no %s language data (it has %s). %s",
		e.Lang, strings.Join(e.Have, ", "), hint)
}

// Pass is one run of the engine over the page.
type Pass struct {
	Lang string `json:"lang"`
	PSM  int    `json:"psm"`
	// Contrast, when above 1, maps the page's background to white and
	// darkens grey by this power for this pass, so that light grey text
	// (chat time stamps, labels) survives the engine's threshold. It also
	// thickens strokes (Q read as O), so one pass has it and one not.
	Contrast float64 `json:"contrast,omitempty"`
}

// Settings are everything that decides what a page reads as, besides the
// image and the engine's version: the passes and the preprocessing. They
// are part of the cache key and recorded in manifest.json.
type Settings struct {
	Passes []Pass `json:"passes"`
	// Grayscale is how colour becomes grey: "luma" (Rec. 601).
	Grayscale string `json:"grayscale"`
	// FlattenColour turns coloured regions (chat bubbles, the orange
	// transfer bubble) into dark text on a light background.
	FlattenColour bool `json:"flatten_colour"`
	// InvertDark inverts a page whose mean brightness is below DarkBelow
	// (0-255): dark-mode text becomes dark on light.
	InvertDark bool `json:"invert_dark"`
	DarkBelow  int  `json:"dark_below"`
	// MaxWidth scales wider pages down to it (tablets, 2x captures).
	// Phone widths are read as they are: scaling 1284-wide pages to 1170
	// saved no engine time and read no better (measured on 12 pages).
	// Pages are never scaled up: the 720-wide copies read as well as the
	// originals, and upscaling is slower.
	MaxWidth int `json:"max_width"`
	// ThreadLimit is OMP_THREAD_LIMIT of every engine process: unset,
	// Tesseract's threads fight over the cores and a page takes 3-4 times
	// longer. Parallelism comes from one process per core instead.
	ThreadLimit int `json:"omp_thread_limit"`
}

// DefaultSettings are the settings measured best on phone screenshots:
// a sparse-text pass in Chinese and English (IDs, amounts, times, names)
// and a block pass in Chinese alone (labels, and 年/月/日 that the mixed
// pass reads as Latin letters), both on the page inverted when dark.
func DefaultSettings() Settings {
	return Settings{
		Passes:        []Pass{{Lang: "chi_sim+eng", PSM: 11}, {Lang: "chi_sim", PSM: 6, Contrast: 3}},
		Grayscale:     "luma",
		FlattenColour: true,
		InvertDark:    true,
		DarkBelow:     100,
		MaxWidth:      1600,
		ThreadLimit:   1,
	}
}

// Engine is a tesseract program that was found and checked.
type Engine struct {
	// Path is the program run (absolute when found on PATH). It is not
	// part of Info: it differs between machines and does not change results.
	Path      string
	Version   string   // "5.3.0"
	Languages []string // sorted, as --list-langs prints them
	Settings  Settings

	// capture, when not nil, collects each pass's raw TSV by the shot
	// name in the context (tests only).
	captureMu sync.Mutex
	capture   map[string][][]byte
}

// Info is what manifest.json records about the engine: deterministic, no
// paths.
type Info struct {
	Engine    string   `json:"engine"`
	Version   string   `json:"version"`
	Languages []string `json:"languages"`
	Settings  Settings `json:"settings"`
}

// Info returns the engine's description for manifest.json.
func (e *Engine) Info() Info {
	return Info{Engine: "tesseract", Version: e.Version, Languages: e.Languages, Settings: e.Settings}
}

// Find locates tesseract and checks it: path if given (a --tesseract
// flag), else $CASEBUNDLE_TESSERACT, else "tesseract" on PATH. It runs
// `tesseract --version` and `--list-langs`, and fails with a
// *NotInstalledError (errors.Is ErrNotInstalled) when the program is
// missing or not Tesseract 4 or later, or a *MissingLanguageError when a
// language of the default passes is missing.
func Find(path string) (*Engine, error) {
	name := path
	if name == "" {
		name = os.Getenv(EnvTesseract)
	}
	if name == "" {
		name = "tesseract"
	}
	exe, err := exec.LookPath(name)
	if err != nil {
		return nil, &NotInstalledError{Path: name, Err: err}
	}
	ctx := context.Background()
	out, err := runSmall(ctx, exe, "--version")
	if err != nil {
		return nil, &NotInstalledError{Path: exe, Err: err}
	}
	ver, err := parseVersion(out)
	if err != nil {
		return nil, &NotInstalledError{Path: exe, Err: err}
	}
	out, err = runSmall(ctx, exe, "--list-langs")
	if err != nil {
		return nil, &NotInstalledError{Path: exe, Err: err}
	}
	e := &Engine{Path: exe, Version: ver, Languages: parseLangs(out), Settings: DefaultSettings()}
	if err := e.checkLangs(); err != nil {
		return nil, err
	}
	return e, nil
}

// checkLangs reports the first language of the passes the engine lacks.
func (e *Engine) checkLangs() error {
	have := map[string]bool{}
	for _, l := range e.Languages {
		have[l] = true
	}
	for _, p := range e.Settings.Passes {
		for _, l := range strings.Split(p.Lang, "+") {
			if !have[l] {
				return &MissingLanguageError{Lang: l, Have: e.Languages}
			}
		}
	}
	return nil
}

// runSmall runs a short command and returns stdout and stderr together
// (tesseract 4 printed its version on stderr), at most 64 KB.
func runSmall(ctx context.Context, exe string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var buf limitedBuffer
	buf.max = 64 << 10
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s: %w: %s", exe, strings.Join(args, " "), err, firstLine(buf.Bytes()))
	}
	return buf.Bytes(), nil
}

var reVersion = regexp.MustCompile(`(?m)^tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?\S*`)

// parseVersion reads "tesseract 5.3.0" (or "tesseract v5.0.0-alpha…")
// from --version output and requires major version 4 or later (the LSTM
// engine the language data is made for).
func parseVersion(out []byte) (string, error) {
	m := reVersion.FindSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("cannot read the version from %q", firstLine(out))
	}
	major, _ := strconv.Atoi(string(m[1]))
	if major < 4 {
		return "", fmt.Errorf("tesseract %s.%s is too old (4 or later is needed)", m[1], m[2])
	}
	v := string(m[1]) + "." + string(m[2])
	if len(m[3]) > 0 {
		v += "." + string(m[3])
	}
	return v, nil
}

// parseLangs reads --list-langs output: a header line, then one language
// per line.
func parseLangs(out []byte) []string {
	var langs []string
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.Contains(l, " ") || strings.HasSuffix(l, ":") {
			continue
		}
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return s
}

// limitedBuffer keeps at most max bytes and remembers that it overflowed.
type limitedBuffer struct {
	bytes.Buffer
	max      int
	overflow bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); len(p) > room {
		b.overflow = true
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// runPass runs one pass over an encoded image given on stdin and parses
// the TSV it prints.
func (e *Engine) runPass(ctx context.Context, img []byte, p Pass, index int) ([]Word, error) {
	cmd := exec.CommandContext(ctx, e.Path, "stdin", "stdout", "-l", p.Lang, "--psm", strconv.Itoa(p.PSM), "tsv")
	limit := e.Settings.ThreadLimit
	if limit <= 0 {
		limit = 1
	}
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT="+strconv.Itoa(limit))
	// After a cancel kills the engine, do not wait long for a child that
	// still holds its pipes.
	cmd.WaitDelay = time.Second
	cmd.Stdin = bytes.NewReader(img)
	stdout := &limitedBuffer{max: MaxTSVBytes + 1}
	stderr := &limitedBuffer{max: 16 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("tesseract pass %d (%s, psm %d): %w: %s", index, p.Lang, p.PSM, err, firstLine(stderr.Bytes()))
	}
	if stdout.overflow {
		return nil, fmt.Errorf("tesseract pass %d: output over %d bytes", index, MaxTSVBytes)
	}
	if e.capture != nil {
		if name, ok := ctx.Value(captureKey{}).(string); ok {
			e.captureMu.Lock()
			for len(e.capture[name]) <= index {
				e.capture[name] = append(e.capture[name], nil)
			}
			e.capture[name][index] = append([]byte(nil), stdout.Bytes()...)
			e.captureMu.Unlock()
		}
	}
	words, err := ParseTSV(stdout.Bytes())
	if err != nil {
		return nil, fmt.Errorf("tesseract pass %d: %w", index, err)
	}
	for i := range words {
		words[i].Pass = index
	}
	return words, nil
}

var _ io.Writer = (*limitedBuffer)(nil)

// captureKey is the context key of the capture name (tests only).
type captureKey struct{}
