package image

import (
	"bytes"
	"image"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func benchScreenshot(b *testing.B) []byte {
	b.Helper()
	data, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(7, samplegen.IPhoneWidth, samplegen.IPhoneHeight))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkPNGCheck and BenchmarkPNGDecode compare the two proofs that a
// screenshot is readable: the chunk walk with the image data inflated and
// counted (what evidence.Read does), and a full image.Decode.
func BenchmarkPNGCheck(b *testing.B) {
	data := benchScreenshot(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Check(bytes.NewReader(data), "png"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPNGDecode(b *testing.B) {
	data := benchScreenshot(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
