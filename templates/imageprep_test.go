package templates

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestPrepareBytes(t *testing.T) {
	opaque := encodePNGBytes(t, screenshot(390, 844, color.RGBA{240, 240, 240, 255}, 1))
	jpg := rotatedJPEG(t)
	tests := []struct {
		name        string
		raw         []byte
		orientation int
		typ         string
		w, h        int
		passThrough bool
		fail        string
	}{
		{"opaque PNG passes through", opaque, 0, "png", 390, 844, true, ""},
		{"upright JPEG passes through", jpg, 1, "jpg", 800, 600, true, ""},
		{"JPEG orientation 6 turns upright", jpg, 6, "jpg", 600, 800, false, ""},
		{"JPEG orientation 3 keeps its shape", jpg, 3, "jpg", 800, 600, false, ""},
		{"16-bit PNG re-encoded", png16(t), 0, "png", 600, 400, false, ""},
		{"alpha PNG flattened", pngAlpha(t), 0, "png", 500, 500, false, ""},
		{"interlaced PNG re-encoded", pngInterlaced(t, 64, 48), 0, "png", 64, 48, false, ""},
		{"truncated PNG refused", opaque[:len(opaque)/2], 0, "", 0, 0, false, "truncated"},
		{"truncated JPEG refused", jpg[:len(jpg)/2], 0, "", 0, 0, false, "decode"},
		{"not an image", []byte("hello"), 0, "", 0, 0, false, "header"},
		{"50 megapixel bomb refused", pngHeaderOnly(10000, 10000), 0, "", 0, 0, false, "megapixels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			typ, w, h, data, err := prepareBytes(tc.raw, tc.orientation)
			if tc.fail != "" {
				var y *why
				if err == nil || !strings.Contains(err.Error(), tc.fail) || !errors.As(err, &y) || y.in(zhWords) == "" {
					t.Fatalf("err = %v, want one mentioning %q with a Chinese reason", err, tc.fail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if typ != tc.typ || w != tc.w || h != tc.h {
				t.Fatalf("got %s %d×%d, want %s %d×%d", typ, w, h, tc.typ, tc.w, tc.h)
			}
			if same := bytes.Equal(data, tc.raw); same != tc.passThrough {
				t.Fatalf("passed through = %v, want %v", same, tc.passThrough)
			}
			if tc.passThrough {
				return
			}
			// What gofpdf gets must be what it accepts: JPEG, or an opaque
			// 8-bit non-interlaced PNG.
			var img image.Image
			if typ == "png" {
				info, err := readPNG(data)
				if err != nil || info.depth != 8 || info.interlaced || info.trans || info.colorType == 4 || info.colorType == 6 {
					t.Fatalf("re-encoded PNG is %+v (%v)", info, err)
				}
				img, err = png.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
			} else {
				img, err = jpeg.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
			}
			if tc.orientation == 6 {
				// The red block at the top left of the stored image is at
				// the top right once turned 90° clockwise.
				r, g, b, _ := img.At(w-20, 20).RGBA()
				if r>>8 < 150 || g>>8 > 80 || b>>8 > 80 {
					t.Errorf("top right after orientation 6 is %d,%d,%d, want red", r>>8, g>>8, b>>8)
				}
			}
		})
	}
}

// pngHeaderOnly is the start of a PNG whose IHDR claims a huge image.
func pngHeaderOnly(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	b.Write([]byte{0, 0, 0, 13})
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}
