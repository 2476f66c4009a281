package templates

import (
	"fmt"
	"image/color"
	"io"
	"testing"

	"github.com/casebundle/casebundle/evidence"
)

// BenchmarkRenderPNG renders a dossier of ten opaque phone screenshots,
// the common case, which passes the PNG bytes through to the PDF.
func BenchmarkRenderPNG(b *testing.B) {
	f := newFixture(b)
	for i := range 10 {
		img := screenshot(1170, 2532, color.RGBA{uint8(200 + i), 235, 240, 255}, i+1)
		f.add(fmt.Sprintf("截图/%02d.png", i+1), encodePNGBytes(b, img), evidence.KindImage, "image/png",
			fmt.Sprintf("截图%d", i+1), "证明转账经过", evidence.Meta{Format: "png", Width: 1170, Height: 2532, BitDepth: 8})
	}
	d := f.finish()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderTo(d, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
