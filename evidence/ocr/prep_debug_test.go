package ocr

import (
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/internal/ocrshots"
)

// TestDebugPrep writes the preprocessed image of the test screenshots
// named by $OCR_PREP (a substring) to $OCR_PREP_DIR, to look at.
func TestDebugPrep(t *testing.T) {
	want, dir := os.Getenv("OCR_PREP"), os.Getenv("OCR_PREP_DIR")
	if want == "" || dir == "" {
		t.Skip("set OCR_PREP and OCR_PREP_DIR")
	}
	for _, s := range ocrshots.Set(true) {
		if !strings.Contains(s.Name, want) {
			continue
		}
		data, err := s.Encode()
		if err != nil {
			t.Fatal(err)
		}
		img, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		g, prep, err := preprocess(img, DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		f, _ := os.Create(dir + "/" + s.Name + ".png")
		png.Encode(f, g)
		f.Close()
		t.Logf("%s %+v", s.Name, prep)
	}
}
