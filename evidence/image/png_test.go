package image

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func encodeTestPNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// interlacedPNG writes an Adam7-interlaced 8-bit grey PNG by hand: the
// standard library writes only non-interlaced ones.
func interlacedPNG(w, h int) []byte {
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw []byte
	for _, p := range passes {
		pw, ph := (w-p[0]+p[2]-1)/p[2], (h-p[1]+p[3]-1)/p[3]
		if pw <= 0 || ph <= 0 {
			continue
		}
		for y := range ph {
			raw = append(raw, 0)
			for x := range pw {
				raw = append(raw, byte(x*7+y*3))
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	var b bytes.Buffer
	b.Write(pngSig)
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		b.Write(n[:])
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.BigEndian.PutUint32(n[:], c.Sum32())
		b.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 0, 1
	chunk("IHDR", ihdr)
	// The image data in two IDAT chunks, as encoders split it.
	chunk("IDAT", z.Bytes()[:z.Len()/2])
	chunk("IDAT", z.Bytes()[z.Len()/2:])
	chunk("IEND", nil)
	return b.Bytes()
}

// fixCRCs rewrites the CRC of every whole chunk of a PNG, so that a damage
// to a chunk's data reaches what reads the data (the inflate of the image
// data) instead of stopping at the CRC.
func fixCRCs(b []byte) {
	for off := 8; off+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[off:]))
		if n < 0 || n > len(b)-off-12 {
			return
		}
		binary.BigEndian.PutUint32(b[off+8+n:], crc32.ChecksumIEEE(b[off+4:off+8+n]))
		off += 12 + n
	}
}

// pngForms are a PNG of every form the checker reads.
func pngForms(t testing.TB) map[string][]byte {
	shot, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(3, 60, 120))
	if err != nil {
		t.Fatal(err)
	}
	gray := image.NewGray(image.Rect(0, 0, 33, 17))
	pal2 := image.NewPaletted(image.Rect(0, 0, 37, 11), color.Palette{color.White, color.Black})
	pal := image.NewPaletted(image.Rect(0, 0, 21, 13), palette.Plan9)
	for i := range pal.Pix {
		pal.Pix[i], pal2.Pix[i%len(pal2.Pix)], gray.Pix[i%len(gray.Pix)] = byte(i), byte(i%2), byte(i)
	}
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	return map[string][]byte{
		"rgb 8":          shot,
		"rgb 16":         samplegen.PNG16(30, 20),
		"rgba":           samplegen.PNGAlpha(30, 20),
		"grey":           enc(gray),
		"paletted 1-bit": enc(pal2),
		"paletted 8-bit": enc(pal),
		"interlaced":     interlacedPNG(29, 19),
	}
}

// TestCheckPNGAgreesWithDecode: checkPNG accepts what image/png decodes and
// refuses what it refuses, on every PNG form and on thousands of truncated,
// bit-flipped and shortened copies, and of copies whose CRCs were fixed
// after the damage, so that the inflate meets it.
func TestCheckPNGAgreesWithDecode(t *testing.T) {
	forms := pngForms(t)
	rng := rand.New(rand.NewPCG(1, 2))
	mutations := 200
	if testing.Short() {
		mutations = 50
	}
	for name, src := range forms {
		if _, _, err := image.Decode(bytes.NewReader(src)); err != nil {
			t.Fatalf("%s: the sample does not decode: %v", name, err)
		}
		if err := Check(bytes.NewReader(src), "png"); err != nil {
			t.Errorf("%s: checkPNG refuses a good PNG: %v", name, err)
		}
		for i := range mutations {
			b := append([]byte(nil), src...)
			switch i % 4 {
			case 0:
				b = b[:rng.IntN(len(b))]
			case 1:
				b[8+rng.IntN(len(b)-8)] ^= 1 << rng.IntN(8)
			case 2:
				k := 8 + rng.IntN(len(b)-8)
				b = append(b[:k], b[min(len(b), k+1+rng.IntN(3)):]...)
			case 3:
				// A bit of the image data flipped, the CRC made good.
				b[8+33+rng.IntN(len(b)-8-33)] ^= 1 << rng.IntN(8)
				fixCRCs(b)
			}
			_, _, derr := image.Decode(bytes.NewReader(b))
			cerr := Check(bytes.NewReader(b), "png")
			if (derr == nil) != (cerr == nil) {
				t.Errorf("%s, mutation %d: image/png says %v, checkPNG says %v", name, i, derr, cerr)
			}
		}
	}
}

// FuzzCheckPNG: on any bytes, with the chunks' CRCs made good so that the
// damage reaches the inflate, checkPNG accepts exactly what image/png
// decodes (the inflate and the Adler-32 are not the standard library's).
func FuzzCheckPNG(f *testing.F) {
	for _, b := range pngForms(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b = append([]byte(nil), b...)
		fixCRCs(b)
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err == nil && int64(cfg.Width)*int64(cfg.Height) > 1<<20 {
			return // image/png would allocate the pixels
		}
		_, derr := png.Decode(bytes.NewReader(b))
		cerr := Check(bytes.NewReader(b), "png")
		if (derr == nil) != (cerr == nil) {
			t.Fatalf("image/png says %v, checkPNG says %v", derr, cerr)
		}
	})
}
