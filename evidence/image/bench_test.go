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

// BenchmarkPNGCheckPhoto is the check of a screenshot as heavy as a real
// one: a chat with a photo in it, about 400 KB (the flat one above is 70 KB
// and inflates faster, byte for byte).
func BenchmarkPNGCheckPhoto(b *testing.B) {
	data, err := samplegen.EncodePNG(samplegen.PhotoScreenshot(7, samplegen.IPhoneWidth, samplegen.IPhoneHeight, false))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Check(bytes.NewReader(data), "png"); err != nil {
			b.Fatal(err)
		}
	}
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
