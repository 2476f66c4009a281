package heif

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzProbe: Probe never panics, never reads outside the file, and a file
// it accepts is within the limits it was given.
func FuzzProbe(f *testing.F) {
	for _, n := range testFiles {
		f.Add(readTestdata(f, n))
	}
	f.Add(gridFile(f).bytes())
	f.Add(rotated(f, 1, 0))
	pic := burstPictures(f)[0]
	f.Add((&bFile{brand: "heic", primary: 1, items: []bItem{pic.item(1), {id: 2, typ: "Exif", data: exifData([]byte("II*\x00\x08\x00\x00\x00"))}},
		refs: []bRef{{"cdsc", 2, []uint32{1}}}}).bytes())
	lim := Limits{MaxPixels: 1 << 20, MaxMetaBytes: 1 << 16, MaxExifBytes: 1 << 12, MaxBoxes: 500, MaxItems: 64}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Probe(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			if in != nil {
				t.Fatalf("Info with error %v", err)
			}
			if !errors.Is(err, ErrNotHEIF) && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrUnsupported) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		if in.Width <= 0 || in.Height <= 0 || int64(in.Width)*int64(in.Height) > lim.MaxPixels || in.codedPixels > lim.MaxPixels {
			t.Fatalf("accepted %d×%d (coded %d)", in.Width, in.Height, in.codedPixels)
		}
		if int64(len(in.Exif)) > lim.MaxExifBytes || in.Items < 1 || in.Items > lim.MaxItems {
			t.Fatalf("Exif %d bytes, %d items", len(in.Exif), in.Items)
		}
		if in.Orientation < 1 || in.Orientation > 8 {
			t.Fatalf("orientation %d", in.Orientation)
		}
	})
}
