package samplegen_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func ExampleScreenshot() {
	img := samplegen.Screenshot(samplegen.ScreenSpec{
		Kind:   samplegen.TransferReceipt,
		Width:  samplegen.AndroidWidth,
		Height: samplegen.AndroidHeight,
		Clock:  "21:14",
		Amount: "¥1,280.00",
	})
	b, err := samplegen.EncodePNG(img)
	if err != nil {
		panic(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%dx%d, PNG colour type %d\n", cfg.Width, cfg.Height, b[25])
	// Output: 1080x2340, PNG colour type 2
}

func ExampleJPEGWithEXIF() {
	photo := samplegen.StoreRotated(samplegen.StatementPhoto(), 6)
	b, err := samplegen.JPEGWithEXIF(photo, samplegen.EXIF{
		DateTimeOriginal:   "2025:11:04 09:30:12",
		OffsetTimeOriginal: "+08:00",
		Make:               "Xiaomi",
		Model:              "Redmi Note 12",
		Orientation:        6,
		GPS:                &samplegen.GPS{Lat: 31.2295, Lon: 121.5260},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("% X %q\n", b[:4], b[6:10])
	// Output: FF D8 FF E1 "Exif"
}

func ExampleHugePNG() {
	cfg, err := png.DecodeConfig(bytes.NewReader(samplegen.HugePNG()))
	fmt.Println(cfg.Width, cfg.Height, err)
	// Output: 50000 50000 <nil>
}
