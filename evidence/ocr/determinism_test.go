package ocr

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/casebundle/casebundle/internal/ocrshots"
)

// TestNewPageDeterministic assembles each captured page twice, the second
// time from its words in reverse order: the JSON must be identical.
func TestNewPageDeterministic(t *testing.T) {
	for _, c := range loadCaptured(t) {
		a, _ := json.Marshal(NewPage(c.meta.Prep, c.passes))
		rev := make([][]Word, len(c.passes))
		for i, ws := range c.passes {
			for j := len(ws) - 1; j >= 0; j-- {
				rev[i] = append(rev[i], ws[j])
			}
		}
		b, _ := json.Marshal(NewPage(c.meta.Prep, rev))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the page depends on the order of the words", c.name)
		}
	}
}

// TestReadDeterministic reads one screenshot twice with the real engine.
func TestReadDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs tesseract")
	}
	e := engineForTest(t)
	if !ocrshots.Available(ocrshots.NotoSans) {
		t.Skip("fonts-noto-cjk not installed")
	}
	s := ocrshots.Shot{Page: ocrshots.Pages()[2], Opt: ocrshots.Options{Width: 1080}}
	data, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	var out [2][]byte
	for i := range out {
		p, err := e.ReadBytes(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		out[i], _ = json.Marshal(p)
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two reads of the same image differ")
	}
}
