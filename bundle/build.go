package bundle

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
	"github.com/casebundle/casebundle/templates"
)

// Version is the software version written into every bundle.
var Version = "0.1.0"

// Software is the agent string of bag-info.txt and manifest.json.
func Software() string { return "casebundle " + Version }

// Options control a build or a check.
type Options struct {
	// Out is the bundle folder to create; "" means DIR.bundle beside DIR.
	Out string
	// Now is the run's one clock (the --time flag, SOURCE_DATE_EPOCH or
	// the system clock), written into every file in UTC.
	Now time.Time
	// Purpose and Lang override case.yaml when not empty.
	Purpose, Lang string
	// Workers read files in parallel; 0 means one per CPU.
	Workers  int
	Limits   evidence.Limits
	Progress Progress
	// Stamp, when set, gets an RFC 3161 token over the manifest digest.
	Stamp Timestamper
	// Zip also writes OUT.zip beside the bundle folder.
	Zip bool
	// Redact masks the claimant's ID-card, phone and bank-card numbers
	// (and any such number) in the dossier's text; originals stay as they
	// are, and manifest.json says the dossier was redacted.
	Redact bool
	// Papers also writes the papers to file under papers/ (build
	// --papers): 起诉状, applications, evidence list, demand letter, police
	// report, electronic-data list and the complaint pack.
	Papers bool
	// VolumeSize is the largest dossier volume, in bytes; 0 means
	// DefaultVolumeSize. A larger dossier is split into dossier.pdf,
	// dossier-2.pdf, …; only a volume holding a single exhibit that is
	// larger on its own exceeds it.
	VolumeSize int64
	// FFmpeg is the ffmpeg that takes the frames of videos (--ffmpeg);
	// "" means $CASEBUNDLE_FFMPEG, else ffmpeg on PATH (frames.go).
	FFmpeg string
	// OCR is --ocr: "auto" (also ""), "on" or "off"; Tesseract the
	// engine (--tesseract; "" means $CASEBUNDLE_TESSERACT, else PATH);
	// OCRCache the cache folder ("" means $CASEBUNDLE_OCR_CACHE, else
	// os.UserCacheDir()/casebundle/ocr). See ocr.go.
	OCR, Tesseract, OCRCache string
	// ocrEngine is the engine found once for all the cases of a batch.
	ocrEngine *ocrEngine
}

// DefaultVolumeSize is the volume limit when none is given: 50 MB in
// decimal units (50,000,000 bytes), the upload cap of online filing
// systems, which count as disk makers do.
const DefaultVolumeSize = 50 * 1000 * 1000

// VolumeName is the file name of a dossier volume: dossier.pdf for volume
// 1, dossier-2.pdf, dossier-3.pdf, … after it.
func VolumeName(volume int) string {
	if volume <= 1 {
		return "dossier.pdf"
	}
	return fmt.Sprintf("dossier-%d.pdf", volume)
}

// Timestamper obtains a trusted timestamp over a SHA-256 digest.
type Timestamper interface {
	Stamp(ctx context.Context, digest []byte) (*ManifestTimestamp, []byte, error)
}

func (o *Options) fill() {
	if o.Now.IsZero() {
		o.Now = time.Unix(0, 0)
	}
	o.Now = o.Now.UTC().Truncate(time.Second)
	if o.Limits.MaxPixels == 0 {
		o.Limits = evidence.DefaultLimits
	}
	if o.Progress == nil {
		o.Progress = noProgress{}
	}
}

// UsageError is a build asked for wrongly (an existing bundle, an output
// inside the case folder): exit 2.
type UsageError struct {
	Msg, Hint string
}

func (e *UsageError) Error() string { return e.Msg }

// ExitCode is 2: wrong usage.
func (e *UsageError) ExitCode() int { return 2 }

// ErrorHint says what to do instead.
func (e *UsageError) ErrorHint() string { return e.Hint }

// validate refuses options no build can use: a purpose or language not
// in the value table, a negative number of workers.
func (o *Options) validate() error {
	if err := checkFlag("purpose", o.Purpose); err != nil {
		return err
	}
	if err := checkFlag("lang", o.Lang); err != nil {
		return err
	}
	if err := checkFFmpeg(o.FFmpeg); err != nil {
		return err
	}
	if err := checkFlag("ocr", o.OCR); err != nil {
		return err
	}
	if err := checkTesseract(o); err != nil {
		return err
	}
	return checkJobs(o.Workers, "files")
}

// Check reads every item of a case folder and runs every check, writing
// nothing: a build's resolve and stage without a bundle.
func Check(ctx context.Context, dir string, opt Options) (*Analysis, error) {
	b, err := resolve(dir, opt, false)
	if err != nil {
		return nil, err
	}
	if err := b.stage(ctx); err != nil {
		return nil, err
	}
	return b.a, nil
}

// Result is what a build made.
type Result struct {
	Bundle   string
	Dossier  string
	Manifest *Manifest
	Analysis *Analysis
}

// DefaultOut is where build writes without -o: DIR.bundle beside DIR.
func DefaultOut(dir string) string {
	clean := filepath.Clean(dir)
	if abs, err := filepath.Abs(clean); err == nil {
		clean = abs
	}
	return clean + ".bundle"
}

// Build seals a case folder into a BagIt bundle with its dossier. The
// bundle is written into a temporary folder beside the destination and
// renamed into place at the end, so the destination holds either nothing or
// a complete bundle. The case folder is only read.
//
// It runs in four stages: resolve (paths, case.yaml, defaults), stage (the
// temporary folder, every item read and copied, the case analysed), seal
// (manifests, timestamp, dossier) and commit (rename into place, zip).
// Check is resolve and stage without a bundle.
func Build(ctx context.Context, dir string, opt Options) (*Result, error) {
	b, err := resolve(dir, opt, true)
	if err != nil {
		return nil, err
	}
	defer b.cleanup()
	if err := b.stage(ctx); err != nil {
		return nil, err
	}
	if err := b.seal(ctx); err != nil {
		return nil, err
	}
	return b.commit(ctx)
}

// build is one run of Build or Check, filled in stage by stage.
type build struct {
	opt Options
	dir string // the case folder as given
	// out is the bundle folder as given (-o, else DIR.bundle) and absOut
	// its absolute path; both "" in a check, which writes nothing.
	out, absOut string

	// resolve
	c       *Case
	entries []entry
	skipped []evidence.Finding // what scan found but does not read

	ocr *ocrEngine // the OCR engine, found in resolve

	// stage: tmp is the temporary bundle folder ("" in a check, or once
	// committed).
	tmp string
	a   *Analysis

	// seal
	m *Manifest
	// frames are the contact sheets of the videos, by item path (frames.go).
	frames map[string][]media.Frame
}

// resolve checks the options and the paths (a bundle outside the case
// folder, never over an existing one), reads case.yaml, applies the flags
// and the defaults to it and lists the evidence files. It writes nothing.
func resolve(dir string, opt Options, withBundle bool) (*build, error) {
	opt.fill()
	if err := opt.validate(); err != nil {
		return nil, err
	}
	b := &build{opt: opt, dir: dir}
	var err error
	if b.ocr, err = b.opt.findOCR(); err != nil {
		return nil, err
	}
	if withBundle {
		if err := b.resolveOut(); err != nil {
			return nil, err
		}
	}
	c, err := ReadCase(filepath.Join(dir, CaseFile))
	if err != nil {
		return nil, err
	}
	if opt.Purpose != "" {
		c.Purpose = opt.Purpose
	}
	if opt.Lang != "" {
		c.Lang = opt.Lang
	}
	if c.Purpose == "" {
		c.Purpose = blankValue("purpose")
	}
	if c.Lang == "" {
		c.Lang = blankValue("lang")
	}
	b.c = c
	b.entries, b.skipped, err = scan(dir)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// resolveOut decides where the bundle goes and refuses a place inside the
// case folder or one that exists.
func (b *build) resolveOut() error {
	b.out = b.opt.Out
	if b.out == "" {
		b.out = DefaultOut(b.dir)
	}
	absDir, err := filepath.Abs(b.dir)
	if err != nil {
		return err
	}
	if b.absOut, err = filepath.Abs(b.out); err != nil {
		return err
	}
	if b.absOut == absDir || strings.HasPrefix(b.absOut, absDir+string(filepath.Separator)) {
		return &UsageError{Msg: fmt.Sprintf("the bundle %s would be inside the case folder %s", b.out, b.dir),
			Hint: "casebundle never writes into the case folder; choose -o outside it"}
	}
	if _, err := os.Lstat(b.absOut); err == nil {
		return &UsageError{Msg: fmt.Sprintf("%s already exists", b.out),
			Hint: "a bundle is never overwritten: remove it or choose another -o"}
	}
	if _, err := os.Lstat(ZipPath(b.absOut)); err == nil && b.opt.Zip {
		return &UsageError{Msg: fmt.Sprintf("%s already exists", ZipPath(b.out)),
			Hint: "a zip is never overwritten: remove it or choose another -o"}
	}
	return nil
}

// stage reads every item and analyses the case. In a build each item is
// copied, as it is read, into data/ of a new temporary folder beside the
// bundle; in a check nothing is written.
func (b *build) stage(ctx context.Context) error {
	dataDir := ""
	if b.absOut != "" {
		var err error
		if dataDir, err = b.makeTemp(); err != nil {
			return err
		}
	}
	items, err := readItems(b.entries, dataDir, b.opt.Workers, b.opt.Limits, b.opt.Progress)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := b.takeFrames(ctx, items, dataDir); err != nil {
		return err
	}
	if err := b.readScreens(ctx, items, dataDir); err != nil {
		return err
	}
	b.a = analyze(b.dir, b.c, items, append(b.skipped, b.ocrNote(items)...), b.opt.Now, b.ocrInfo() != nil)
	return nil
}

// makeTemp creates the temporary bundle folder with its data/ and returns
// the path of data/.
func (b *build) makeTemp() (string, error) {
	parent := filepath.Dir(b.absOut)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(b.absOut)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("create a temporary folder in %s: %w", parent, err)
	}
	b.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	dataDir := filepath.Join(tmp, "data")
	if err := os.Mkdir(dataDir, 0o755); err != nil {
		return "", err
	}
	return dataDir, nil
}

// cleanup removes the temporary folder of a build that did not commit, so
// a failed or interrupted build leaves nothing behind.
func (b *build) cleanup() {
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}

// seal writes everything beside data/ in the temporary folder: the
// payload manifest, its trusted timestamp (with Options.Stamp), the
// dossier volumes, manifest.json, bagit.txt, bag-info.txt and the tag
// manifest, each synced to disk.
func (b *build) seal(ctx context.Context) error {
	payload, err := b.payload()
	if err != nil {
		return err
	}
	manifestText := manifestLines(payload)
	digest := sha256.Sum256(manifestText)
	digestHex := hex.EncodeToString(digest[:])
	caseID := fmt.Sprintf("CB-%s-%s", b.opt.Now.Format("20060102"), strings.ToUpper(digestHex[:8]))

	tags := map[string][]byte{"manifest-sha256.txt": manifestText}
	tsInfo, tsDER, err := b.stamp(ctx, digest[:])
	if err != nil {
		return err
	}
	if tsDER != nil {
		tags["timestamp.tsr"] = tsDER
	}

	b.m = newManifest(b.a, caseID, b.opt.Now, digestHex, tsInfo)
	b.m.OCR = b.ocrInfo()
	volumes, err := b.drawDossier(payload, tags)
	if err != nil {
		return err
	}
	var mj bytes.Buffer
	enc := json.NewEncoder(&mj)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b.m); err != nil {
		return err
	}
	tags["manifest.json"] = mj.Bytes()
	tags["bagit.txt"] = []byte("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
	tags["bag-info.txt"] = bagInfo(payload, b.opt.Now, caseID, b.c.Title)
	if err := b.writeTags(tags, volumes); err != nil {
		return err
	}
	return syncDir(b.tmp)
}

// payload lists the bag's payload in path order: every copied item, and
// case.yaml itself, copied here.
func (b *build) payload() ([]payloadFile, error) {
	var payload []payloadFile
	for _, e := range b.a.Exhibits {
		if e.InBundle {
			payload = append(payload, payloadFile{path: "data/" + e.Item.Path, sha: e.Item.SHA256, size: e.Item.Size})
		}
	}
	if b.c.Present {
		pf, err := copyCaseFile(filepath.Join(b.dir, CaseFile), filepath.Join(b.tmp, "data", CaseFile))
		if err != nil {
			return nil, err
		}
		payload = append(payload, pf)
	}
	sort.Slice(payload, func(i, j int) bool { return payload[i].path < payload[j].path })
	return payload, nil
}

// stamp gets a trusted timestamp over digest when Options.Stamp is set. A
// failure is a *TSAError (exit 1), or the interrupt that caused it.
func (b *build) stamp(ctx context.Context, digest []byte) (*ManifestTimestamp, []byte, error) {
	if b.opt.Stamp == nil {
		return nil, nil, nil
	}
	info, der, err := b.opt.Stamp.Stamp(ctx, digest)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		var te *TSAError
		if !errors.As(err, &te) {
			err = &TSAError{URL: "(time-stamp authority)", Err: err}
		}
		return nil, nil, err
	}
	return info, der, nil
}

// drawDossier renders the dossier into the temporary folder as volumes of
// at most Options.VolumeSize, records the volumes and every exhibit's
// pages in the manifest, and returns the volumes' file names.
func (b *build) drawDossier(payload []payloadFile, tags map[string][]byte) ([]string, error) {
	d := dossierOf(b.a, b.m, b.tmp, payload)
	if b.opt.Papers {
		d.Papers = papersFacts(b.c) // build --papers: the checklist lists what they need
	}
	b.attachFrames(d)
	// The bar that counted the files read now counts the pages drawn.
	if s, ok := b.opt.Progress.(interface{ Stage(what string) }); ok {
		s.Stage("pages")
	}
	d.OnPage = func() { b.opt.Progress.Add(1) }
	if b.opt.Redact {
		redactDossier(d, b.c.Claimant)
	}
	volumeSize := b.opt.VolumeSize
	if volumeSize <= 0 {
		volumeSize = DefaultVolumeSize
	}
	volumes, layout, err := renderTo(b.tmp, d, volumeSize)
	if err != nil {
		return nil, fmt.Errorf("write the dossier: %w", err)
	}
	m := b.m
	m.Dossier = ManifestDossier{Volumes: volumes, Pages: layout.Volumes, Redacted: b.opt.Redact}
	for _, p := range layout.Placements {
		for i := range m.Items {
			if m.Items[i].Exhibit == p.Exhibit {
				m.Items[i].Volume, m.Items[i].Pages = p.Volume, [2]int{p.First, p.Last}
			}
		}
	}
	if err := addPapers(b.tmp, d, layout, m, tags); err != nil { // build --papers
		return nil, err
	}
	return volumes, nil
}

// writeTags writes the tag files in name order and the tag manifest over
// them and the dossier volumes.
func (b *build) writeTags(tags map[string][]byte, volumes []string) error {
	names := make([]string, 0, len(tags))
	for n := range tags {
		names = append(names, n)
	}
	sort.Strings(names)
	var tagLines []payloadFile
	for _, n := range names {
		if err := writeFileSync(filepath.Join(b.tmp, n), tags[n]); err != nil {
			return err
		}
		sum := sha256.Sum256(tags[n])
		tagLines = append(tagLines, payloadFile{path: n, sha: hex.EncodeToString(sum[:])})
	}
	for _, v := range volumes {
		sum, err := hashFile(filepath.Join(b.tmp, v))
		if err != nil {
			return err
		}
		tagLines = append(tagLines, payloadFile{path: v, sha: sum})
	}
	sort.Slice(tagLines, func(i, j int) bool { return tagLines[i].path < tagLines[j].path })
	return writeFileSync(filepath.Join(b.tmp, "tagmanifest-sha256.txt"), manifestLines(tagLines))
}

// commit renames the sealed folder into place, never over a bundle that
// appeared meanwhile, then writes the zip beside it with Options.Zip.
func (b *build) commit(ctx context.Context) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := renameNoReplace(b.tmp, b.absOut); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, &UsageError{Msg: fmt.Sprintf("%s already exists", b.out), Hint: "a bundle is never overwritten: remove it or choose another -o"}
		}
		return nil, fmt.Errorf("move the bundle into place at %s: %w", b.out, err)
	}
	b.tmp = "" // in place: nothing to clean up
	_ = syncDir(filepath.Dir(b.absOut))
	if b.opt.Zip {
		// The bundle is complete and in place; the zip is written beside
		// it the same way (temporary file, sync, rename).
		if err := writeZip(b.absOut, ZipPath(b.absOut), b.opt.Now); err != nil {
			return nil, err
		}
	}
	return &Result{Bundle: b.absOut, Dossier: filepath.Join(b.absOut, "dossier.pdf"), Manifest: b.m, Analysis: b.a}, nil
}

type payloadFile struct {
	path string // as in the bag: "data/..." or a tag file name
	sha  string
	size int64
}

// EncodePath writes a bag path as RFC 8493 asks: only CR, LF and % are
// percent-encoded.
func EncodePath(p string) string {
	if !strings.ContainsAny(p, "%\r\n") {
		return p
	}
	r := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	return r.Replace(p)
}

// DecodePath undoes EncodePath.
func DecodePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	r := strings.NewReplacer("%25", "%", "%0D", "\r", "%0d", "\r", "%0A", "\n", "%0a", "\n")
	return r.Replace(p)
}

// manifestLines writes "<sha256>  <path>\n" lines as sha256sum does.
func manifestLines(files []payloadFile) []byte {
	var b bytes.Buffer
	for _, f := range files {
		fmt.Fprintf(&b, "%s  %s\n", f.sha, EncodePath(f.path))
	}
	return b.Bytes()
}

func bagInfo(payload []payloadFile, now time.Time, caseID, title string) []byte {
	var total int64
	for _, p := range payload {
		total += p.size
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "Bagging-Date: %s\n", now.Format("2006-01-02"))
	fmt.Fprintf(&b, "Payload-Oxum: %d.%d\n", total, len(payload))
	fmt.Fprintf(&b, "Bag-Software-Agent: %s\n", Software())
	fmt.Fprintf(&b, "External-Identifier: %s\n", caseID)
	if t := strings.Join(strings.Fields(title), " "); t != "" {
		fmt.Fprintf(&b, "External-Description: %s\n", t)
	}
	return b.Bytes()
}

func copyCaseFile(src, dst string) (payloadFile, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return payloadFile{}, fmt.Errorf("read %s: %w", src, err)
	}
	if err := writeFileSync(dst, data); err != nil {
		return payloadFile{}, err
	}
	if st, err := os.Stat(src); err == nil {
		_ = os.Chtimes(dst, st.ModTime(), st.ModTime())
	}
	sum := sha256.Sum256(data)
	return payloadFile{path: "data/" + CaseFile, sha: hex.EncodeToString(sum[:]), size: int64(len(data))}, nil
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// renderTo draws the dossier into dir as volumes of at most limit bytes
// and returns their file names, volume 1 first.
func renderTo(dir string, d *templates.Dossier, limit int64) ([]string, *templates.Layout, error) {
	var names []string
	layout, err := templates.RenderVolumes(d, limit, func(volume int) (io.WriteCloser, error) {
		name := VolumeName(volume)
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		names = append(names, name)
		return syncCloser{f}, nil
	})
	return names, layout, err
}

// syncCloser syncs a file to disk before closing it.
type syncCloser struct{ *os.File }

func (f syncCloser) Close() error {
	err := f.File.Sync()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}
