package bundle

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/ocr"
)

// Reading screenshots (--ocr). In the stage step, after every item is read
// and before the case is analysed, each image that looks like a phone
// screen is read by Tesseract (evidence/ocr) and its page put on
// Item.OCR: in a build from the copy staged in data/, in a check from the
// original, which is only read. The pages go through the OCR cache, so a
// rebuild reads nothing twice. What was read is a machine's reading,
// never evidence: the cross-checks (crosscheck_ocr.go) link a screenshot
// to a transaction only on an exact, well-formed ID, and the dossier
// labels every value as read by machine.
//
//   - auto (the default): read when the engine is there; otherwise one
//     case-level ocr_unavailable note saying how to install it (only when
//     the case has a screenshot to read).
//   - on: a missing engine is a usage error (exit 2) before anything is
//     written.
//   - off: nothing is looked for and nothing changes.

// The values of Options.OCR; "" means OCRAuto.
const (
	OCRAuto = "auto"
	OCROn   = "on"
	OCROff  = "off"
)

// EnvOCRCache names the environment variable that sets the OCR cache
// folder when Options.OCRCache is empty (else os.UserCacheDir()/casebundle/ocr).
const EnvOCRCache = "CASEBUNDLE_OCR_CACHE"

// ocrEngine is the engine a build reads with, found once (a batch finds
// it once for all its cases).
type ocrEngine struct {
	engine *ocr.Engine // nil when OCR does not run
	// missing is why auto found no usable engine (nil when one was found
	// or OCR is off).
	missing error
	cache   *ocr.Cache // nil: read without caching
	// runs counts the pages the engine read (not the cached ones), for
	// tests and the benchmark.
	runs atomic.Int64
}

// ocrMode is the mode of the options with the blank value filled in.
func (o *Options) ocrMode() string {
	if o.OCR == "" {
		return blankValue("ocr")
	}
	return o.OCR
}

// checkTesseract refuses a --tesseract that names no program, as
// --ffmpeg is refused: asked for explicitly, its absence is a wrong
// request, not a note.
func checkTesseract(o *Options) error {
	if o.Tesseract == "" || o.ocrMode() == OCROff {
		return nil
	}
	if _, err := exec.LookPath(o.Tesseract); err != nil {
		return &UsageError{Msg: fmt.Sprintf("--tesseract %s: %v", o.Tesseract, unwrapPath(err)),
			Hint: "give the path of a tesseract program (" + ocr.InstallHint + "), or leave --tesseract out to use the one on PATH"}
	}
	return nil
}

// findOCR finds the engine the options ask for. With --ocr on an engine
// that cannot be used is a usage error (exit 2); with auto it is
// remembered for the note; with off nothing is looked for.
func (o *Options) findOCR() (*ocrEngine, error) {
	if o.ocrEngine != nil {
		return o.ocrEngine, nil
	}
	mode := o.ocrMode()
	if mode == OCROff {
		return &ocrEngine{}, nil
	}
	e, err := ocr.Find(o.Tesseract)
	if err != nil {
		if mode == OCROn {
			return nil, &UsageError{Msg: "--ocr on: " + err.Error(),
				Hint: "install the engine or point --tesseract or " + ocr.EnvTesseract + " at it; --ocr auto builds without it and says so"}
		}
		return &ocrEngine{missing: err}, nil
	}
	oe := &ocrEngine{engine: e}
	dir := o.OCRCache
	if dir == "" {
		dir = os.Getenv(EnvOCRCache)
	}
	if c, err := ocr.OpenCache(dir); err == nil {
		oe.cache = c
	} // a cache that cannot be opened costs time, never the build
	return oe, nil
}

// isScreen reports whether an item looks like a phone screenshot the
// engine reads: a PNG, JPEG or WebP image that decoded, upright as
// stored, portrait, 600 to 1600 pixels wide. HEIC photos are not read:
// the engine's decoder takes PNG, JPEG and WebP, and screenshots are
// saved as PNG (iPhone) or JPEG; a HEIC is a camera photo.
func isScreen(it *evidence.Item) bool {
	if it == nil || it.Kind != evidence.KindImage || it.SHA256 == "" || it.HasError() {
		return false
	}
	switch it.Meta.Format {
	case "png", "jpeg", "webp":
	default:
		return false
	}
	if it.Meta.Orientation > 1 {
		return false // a rotated photo: boxes would not fit the drawn image
	}
	w, h := it.Meta.Width, it.Meta.Height
	return w >= 600 && w <= 1600 && h*10 >= w*14
}

// readScreens reads every screenshot among items with one engine process
// per worker, from the staged copy under dataDir (a build) or the
// original (a check: paths[i] is items[i]'s file), through the cache. A
// page that cannot be read is an ocr_failed warning on its item;
// cancelling ctx stops the work and returns its error.
func (b *build) readScreens(ctx context.Context, items []*evidence.Item, dataDir string) error {
	oe := b.ocr
	var idx []int
	for i, it := range items {
		if isScreen(it) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 || oe == nil || oe.engine == nil {
		return nil
	}
	if s, ok := b.opt.Progress.(interface{ Stage(what string) }); ok {
		s.Stage("screenshots")
	}
	workers := b.opt.Workers
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(idx))
	pool := ocr.NewPool(oe.engine, workers, oe.cache)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				it := items[i]
				path := b.entries[i].abs
				if dataDir != "" {
					path = filepath.Join(dataDir, filepath.FromSlash(it.Path))
				}
				res := pool.ReadFile(ctx, path)
				if ctx.Err() != nil {
					continue
				}
				if !res.Cached && res.Err == nil {
					oe.runs.Add(1)
				}
				switch {
				case res.Err != nil:
					// Name the file as the bundle does: the staged copy
					// lies in a temporary folder whose name changes.
					msg := strings.ReplaceAll(res.Err.Error(), path, "data/"+it.Path)
					it.Add(evidence.CodeOCRFailed, errors.New(msg))
				case res.SHA256 != it.SHA256:
					// The file changed between reading and OCR: the page
					// would not be the evidence's.
					it.Add(evidence.CodeOCRFailed, errors.New("the file changed while it was read"))
				default:
					it.OCR = res.Page
				}
				b.opt.Progress.Add(1)
			}
		})
	}
feed:
	for _, i := range idx {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

// ocrNote is the case-level note of --ocr auto without an engine, when
// the case has a screenshot the engine would have read.
func (b *build) ocrNote(items []*evidence.Item) []evidence.Finding {
	if b.ocr == nil || b.ocr.missing == nil {
		return nil
	}
	for _, it := range items {
		if isScreen(it) {
			return []evidence.Finding{evidence.NewFinding(evidence.CodeOCRUnavailable, "tesseract", b.ocr.missing)}
		}
	}
	return nil
}

// ocrInfo is manifest.json's ocr object: the engine, its version,
// languages and settings; nil when OCR did not run.
func (b *build) ocrInfo() *ocr.Info {
	if b.ocr == nil || b.ocr.engine == nil {
		return nil
	}
	info := b.ocr.engine.Info()
	return &info
}

// ManifestOCR is what was read from a screenshot: the page kind and the
// fields, each with its confidence and box.
type ManifestOCR struct {
	PageKind string             `json:"page_kind"`
	Fields   []ManifestOCRField `json:"fields"`
}

// ManifestOCRField is one field read from a screenshot. Box is [x, y, w,
// h] in pixels of the image; Form is the ID form check of a transaction
// number (valid, invalid, unknown), "" for the other fields.
type ManifestOCRField struct {
	Name       string `json:"name"`
	Label      string `json:"label"`
	Value      string `json:"value"`
	Confidence int    `json:"confidence"`
	Box        [4]int `json:"box"`
	Form       string `json:"form"`
}

// manifestOCR converts a page for manifest.json (nil for no page).
func manifestOCR(p *ocr.Page) *ManifestOCR {
	if p == nil {
		return nil
	}
	m := &ManifestOCR{PageKind: string(p.Kind), Fields: []ManifestOCRField{}}
	for _, f := range p.Fields {
		mf := ManifestOCRField{Name: f.Name, Label: f.Label, Value: f.Value, Confidence: f.Conf,
			Box: [4]int{f.Box.X, f.Box.Y, f.Box.W, f.Box.H}}
		if f.Form != nil {
			mf.Form = f.Form.Form
		}
		m.Fields = append(m.Fields, mf)
	}
	return m
}
