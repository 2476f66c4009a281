package pdf

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestRenderPage(t *testing.T) {
	bin := tool(t, "pdftoppm")
	file := filepath.Join("testdata", "plain.pdf")
	a, err := RenderPage(context.Background(), "", file, 2, 50)
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderPage(context.Background(), bin, file, 2, 50)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same page differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	// A4 (595.28 x 841.89 pt) at 50 dpi: 413.4 x 584.7, rounded up.
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 414 || h != 585 {
		t.Errorf("size %dx%d, want 414x585", w, h)
	}
	if _, err := RenderPage(context.Background(), bin, file, 9, 50); err == nil {
		t.Error("page 9 of 2 rendered")
	}
	bad := filepath.Join(t.TempDir(), "bad.pdf")
	os.WriteFile(bad, []byte("not a pdf"), 0o644)
	if _, err := RenderPage(context.Background(), bin, bad, 1, 50); err == nil {
		t.Error("a broken file rendered")
	}
}

func TestRenderPageErrors(t *testing.T) {
	if _, err := RenderPage(context.Background(), "/nonexistent/pdftoppm", "x.pdf", 1, 100); !errors.Is(err, ErrRendererMissing) {
		t.Errorf("err = %v, want ErrRendererMissing", err)
	}
	if _, err := RenderPage(context.Background(), "", "x.pdf", 1, 5000); err == nil {
		t.Error("5000 dpi accepted")
	}
	if _, err := RenderPage(context.Background(), "", "x.pdf", 0, 100); err == nil {
		t.Error("page 0 accepted")
	}
}
