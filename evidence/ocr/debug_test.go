package ocr

import (
	"os"
	"strings"
	"testing"
)

// TestDebugRows prints the rows and fields of the captured pages named by
// $OCR_DEBUG (a substring), for working on the field finder.
func TestDebugRows(t *testing.T) {
	want := os.Getenv("OCR_DEBUG")
	if want == "" {
		t.Skip("set OCR_DEBUG to a screenshot name")
	}
	for _, c := range loadCaptured(t) {
		if !strings.Contains(c.name, want) {
			continue
		}
		p := NewPage(c.meta.Prep, c.passes)
		t.Logf("== %s kind=%s (%s)", c.name, p.Kind, p.KindReason)
		for _, l := range p.Lines {
			t.Logf("p%d %4d,%4d %4dx%3d c%3d %s", l.Pass, l.Box.X, l.Box.Y, l.Box.W, l.Box.H, l.Conf, l.Text)
		}
		for _, f := range p.Fields {
			t.Logf("  %s %q label=%q pass=%d agree=%d conf=%d", f.Name, f.Value, f.Label, f.Pass, f.Agree, f.Conf)
		}
	}
}
