package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// ErrRendererMissing: pdftoppm (poppler-utils) is not installed. The
// dossier then shows the page's text and says how to get the tool.
var ErrRendererMissing = errors.New("pdf: pdftoppm not installed (Debian: apt-get install poppler-utils)")

// Render limits: a page is drawn at 30 to 600 dpi, and the PNG may not be
// larger than this.
const (
	MinDPI         = 30
	MaxDPI         = 600
	maxRenderBytes = 256 << 20
)

// RenderPage draws page (1-based) of the PDF file as PNG with poppler's
// pdftoppm, found at pdftoppmPath or, when that is empty, on PATH. The
// output is deterministic for the same file, page, dpi and poppler version
// (pdftoppm writes no time into the PNG). Cancel ctx to stop it.
func RenderPage(ctx context.Context, pdftoppmPath, file string, page, dpi int) ([]byte, error) {
	if page < 1 {
		return nil, fmt.Errorf("pdf: page %d", page)
	}
	if dpi < MinDPI || dpi > MaxDPI {
		return nil, fmt.Errorf("pdf: %d dpi outside %d-%d", dpi, MinDPI, MaxDPI)
	}
	bin := pdftoppmPath
	if bin == "" {
		p, err := exec.LookPath("pdftoppm")
		if err != nil {
			return nil, ErrRendererMissing
		}
		bin = p
	} else if _, err := exec.LookPath(bin); err != nil {
		return nil, ErrRendererMissing
	}
	// pdftoppm writes PNG only to a file (not to standard output): a
	// private temporary directory holds it. The file is an argument after
	// "--", so a name starting with "-" is a name.
	dir, err := os.MkdirTemp("", "casebundle-render-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	root := filepath.Join(dir, "page")
	pg := strconv.Itoa(page)
	cmd := exec.CommandContext(ctx, bin, "-png", "-r", strconv.Itoa(dpi), "-f", pg, "-l", pg, "-singlefile", "--", file, root)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 64 << 10}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("pdf: pdftoppm page %d: %v: %s", page, err, bytes.TrimSpace(stderr.Bytes()))
	}
	fi, err := os.Stat(root + ".png")
	if err != nil {
		return nil, fmt.Errorf("pdf: pdftoppm page %d gave no PNG: %s", page, bytes.TrimSpace(stderr.Bytes()))
	}
	if fi.Size() > maxRenderBytes {
		return nil, errRenderTooBig
	}
	out, err := os.ReadFile(root + ".png")
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(out, []byte("\x89PNG")) {
		return nil, fmt.Errorf("pdf: pdftoppm page %d: output is not a PNG", page)
	}
	return out, nil
}

type limitedWriter struct {
	w *bytes.Buffer
	n int
}

var errRenderTooBig = errors.New("pdf: rendered page too large")

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.w.Len()+len(p) > l.n {
		return 0, errRenderTooBig
	}
	return l.w.Write(p)
}
