package image_test

import (
	"bytes"
	"fmt"

	"github.com/casebundle/casebundle/evidence/image"
	"github.com/casebundle/casebundle/internal/samplegen"
)

func ExampleCheck() {
	good := samplegen.PNG16(4, 4)
	w, h, _ := image.Config(good)
	hdr, _ := image.ParsePNGHeader(good)
	fmt.Println(w, h, hdr.BitDepth, image.Check(bytes.NewReader(good), "png"))

	cut := samplegen.TruncatedPNG(20, 20)
	fmt.Println(image.Check(bytes.NewReader(cut), "png"))
	// Output:
	// 4 4 16 <nil>
	// unexpected end of data
}
