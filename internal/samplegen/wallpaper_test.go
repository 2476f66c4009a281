package samplegen

import (
	"bytes"
	"crypto/sha256"
	"image"
	"image/png"
	"testing"
)

func pixelSum(img image.Image) [32]byte {
	return sha256.Sum256(img.(*image.RGBA).Pix)
}

// TestPhotoScreenshotDeterministic: the same i draws the same pixels, and
// another i other pixels, with and without the wallpaper.
func TestPhotoScreenshotDeterministic(t *testing.T) {
	w, h := testSize(IPhoneWidth, IPhoneHeight)
	for _, wallpaper := range []bool{false, true} {
		a, b := PhotoScreenshot(7, w, h, wallpaper), PhotoScreenshot(7, w, h, wallpaper)
		if pixelSum(a) != pixelSum(b) {
			t.Errorf("wallpaper %v: two draws of screenshot 7 differ", wallpaper)
		}
		if pixelSum(a) == pixelSum(PhotoScreenshot(8, w, h, wallpaper)) {
			t.Errorf("wallpaper %v: screenshots 7 and 8 are the same", wallpaper)
		}
		if got := a.Bounds(); got != image.Rect(0, 0, w, h) {
			t.Errorf("wallpaper %v: bounds %v, want %dx%d", wallpaper, got, w, h)
		}
	}
	if d := PhotoScreenshot(1, 0, 0, false).Bounds(); d.Dx() != IPhoneWidth || d.Dy() != IPhoneHeight {
		t.Errorf("default size %v, want %dx%d", d, IPhoneWidth, IPhoneHeight)
	}
}

// TestPhotoScreenshotWeight: the encoded PNGs weigh what the doc comment
// says, as real screenshots do: about 400 KB without a wallpaper, about
// 1 MB with one, an opaque 8-bit RGB PNG that image/png decodes.
func TestPhotoScreenshotWeight(t *testing.T) {
	if raceEnabled {
		t.Skip("the weight is measured at full size, too slow under -race; TestPhotoScreenshotDeterministic draws the same code")
	}
	for _, c := range []struct {
		wallpaper bool
		lo, hi    int
	}{{false, 300_000, 560_000}, {true, 800_000, 1_200_000}} {
		for _, i := range []int{2} {
			b, err := EncodePNG(PhotoScreenshot(i, 0, 0, c.wallpaper))
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < c.lo || len(b) > c.hi {
				t.Errorf("wallpaper %v, screenshot %d: %d bytes, want %d to %d", c.wallpaper, i, len(b), c.lo, c.hi)
			}
			if depth, ct := pngHeader(t, b); depth != 8 || ct != 2 {
				t.Errorf("wallpaper %v: bit depth %d colour type %d, want 8-bit RGB", c.wallpaper, depth, ct)
			}
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Errorf("wallpaper %v: %v", c.wallpaper, err)
			}
		}
	}
}
