package heif_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/casebundle/casebundle/evidence/heif"
)

func ExampleProbeBytes() {
	data, err := os.ReadFile("testdata/photo.heic")
	if err != nil {
		panic(err)
	}
	in, err := heif.ProbeBytes(data, heif.DefaultLimits)
	if err != nil {
		panic(err)
	}
	fmt.Println(in.Brand, in.PrimaryType, in.Width, in.Height, in.Items, "images")
	fmt.Printf("Exif: %q...\n", in.Exif[:4])
	// Output:
	// heic hvc1 320 240 1 images
	// Exif: "MM\x00*"...
}

func ExampleDecode() {
	data, err := os.ReadFile("testdata/burst.heic")
	if err != nil {
		panic(err)
	}
	img, in, err := heif.Decode(data, heif.Limits{MaxPixels: 50_000_000})
	var tooLarge *heif.SizeError
	switch {
	case errors.As(err, &tooLarge):
		fmt.Println("not decoded:", tooLarge.Width, "×", tooLarge.Height)
	case err != nil:
		panic(err)
	}
	fmt.Println(img.Bounds().Dx(), img.Bounds().Dy(), "primary of", in.Items, "images")
	// Output:
	// 160 120 primary of 3 images
}
