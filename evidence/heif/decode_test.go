package heif

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"testing"
)

func decodeOK(t *testing.T, data []byte) (image.Image, *Info) {
	t.Helper()
	img, in, err := Decode(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return img, in
}

func TestEngine(t *testing.T) {
	// The dossier must come out the same on every machine: the embedded
	// WebAssembly decoder, not whatever libheif.so the host has.
	if e := Engine(); e != "wasm" {
		t.Fatalf("decoding with %s; build with -tags nodynamic so that the embedded decoder is used", e)
	}
}

func TestDecodeTestdata(t *testing.T) {
	for _, tt := range []struct {
		file string
		w, h int
	}{{"photo.heic", 320, 240}, {"burst.heic", 160, 120}, {"alpha.heic", 128, 96}} {
		t.Run(tt.file, func(t *testing.T) {
			img, _ := decodeOK(t, readTestdata(t, tt.file))
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("bounds %v, want %d×%d", b, tt.w, tt.h)
			}
		})
	}
}

// TestDecodeDeterministic decodes the same file twice and compares every
// pixel.
func TestDecodeDeterministic(t *testing.T) {
	for _, data := range [][]byte{readTestdata(t, "photo.heic"), gridFile(t).bytes()} {
		a, _ := decodeOK(t, data)
		b, _ := decodeOK(t, data)
		if !samePixels(a, b) {
			t.Fatal("two decodes of one file differ")
		}
	}
}

// TestDecodePicture: the photo is ffmpeg's testsrc2, whose top-left corner
// is not black and whose picture is not flat; a decoder that returned
// zeros or garbage would fail this.
func TestDecodePicture(t *testing.T) {
	img, _ := decodeOK(t, readTestdata(t, "photo.heic"))
	if _, ok := img.(*image.YCbCr); !ok {
		t.Fatalf("decoded a %T, want YCbCr from 4:2:0 HEVC", img)
	}
	var distinct = map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 8 {
		for x := b.Min.X; x < b.Max.X; x += 8 {
			r, g, bb, _ := img.At(x, y).RGBA()
			distinct[color.RGBA{uint8(r >> 12), uint8(g >> 12), uint8(bb >> 12), 0}] = true
		}
	}
	if len(distinct) < 20 {
		t.Errorf("only %d distinct colours in the decoded picture", len(distinct))
	}
}

// TestDecodeGrid: each quarter of the decoded grid is the tile decoded on
// its own (cropped at the right and bottom). libheif converts a grid's
// tiles on their way into the output, so the colours differ a little; a
// tile in the wrong place or missing differs almost everywhere.
func TestDecodeGrid(t *testing.T) {
	img, in := decodeOK(t, gridFile(t).bytes())
	if b := img.Bounds(); b.Dx() != 300 || b.Dy() != 200 || in.Tiles != 4 {
		t.Fatalf("grid decodes to %v (%d tiles)", b, in.Tiles)
	}
	p := burstPictures(t)
	var tiles []image.Image
	for _, pic := range p {
		tile, _ := decodeOK(t, (&bFile{brand: "heic", compat: []string{"mif1", "heic"}, primary: 1, items: []bItem{pic.item(1)}}).bytes())
		tiles = append(tiles, tile)
	}
	match := func(q int, tile image.Image) float64 {
		ox, oy := (q%2)*160, (q/2)*120
		n, ok := 0, 0
		for y := 0; y < 120 && oy+y < 200; y += 3 {
			for x := 0; x < 160 && ox+x < 300; x += 3 {
				n++
				if near(img.At(ox+x, oy+y), tile.At(x, y), 24) {
					ok++
				}
			}
		}
		return float64(ok) / float64(n)
	}
	for q, own := range []int{0, 1, 2, 2} {
		if m := match(q, tiles[own]); m < 0.9 {
			t.Errorf("quarter %d: %.0f%% of pixels match its tile", q, 100*m)
		}
		if m := match(q, tiles[(own+1)%3]); m > 0.5 {
			t.Errorf("quarter %d: %.0f%% of pixels match another tile", q, 100*m)
		}
	}
}

// TestDecodeTransforms: Decode applies irot and imir, so the picture comes
// out upright and the EXIF orientation must not be applied again.
func TestDecodeTransforms(t *testing.T) {
	plain, _ := decodeOK(t, rotated(t, 0, -1))
	W, H := plain.Bounds().Dx(), plain.Bounds().Dy()
	for _, tt := range []struct {
		angle, axis int
		// where stored pixel (x, y) lands
		at func(x, y int) (int, int)
	}{
		{1, -1, func(x, y int) (int, int) { return y, W - 1 - x }},         // 90° anticlockwise
		{3, -1, func(x, y int) (int, int) { return H - 1 - y, x }},         // 90° clockwise
		{2, -1, func(x, y int) (int, int) { return W - 1 - x, H - 1 - y }}, // 180°
		{0, 0, func(x, y int) (int, int) { return x, H - 1 - y }},          // imir 0: top and bottom exchanged
		{0, 1, func(x, y int) (int, int) { return W - 1 - x, y }},          // imir 1: left and right exchanged
		{1, 0, func(x, y int) (int, int) { return y, x }},                  // 90° anticlockwise, then top-bottom: transpose
	} {
		img, in := decodeOK(t, rotated(t, tt.angle, tt.axis))
		if img.Bounds().Dx() != in.DisplayWidth() || img.Bounds().Dy() != in.DisplayHeight() {
			t.Fatalf("irot %d imir %d: bounds %v, display %d×%d", tt.angle, tt.axis, img.Bounds(), in.DisplayWidth(), in.DisplayHeight())
		}
		bad := 0
		for y := 0; y < H; y += 7 {
			for x := 0; x < W; x += 7 {
				dx, dy := tt.at(x, y)
				if !near(img.At(dx, dy), plain.At(x, y), 24) {
					bad++
				}
			}
		}
		// Chroma is subsampled, so a turned picture may differ slightly at
		// colour edges; a wrong turn differs almost everywhere.
		if bad > (W/7)*(H/7)/20 {
			t.Errorf("irot %d imir %d: %d sampled pixels are not where the transform puts them", tt.angle, tt.axis, bad)
		}
	}
}

func TestDecodeRefuses(t *testing.T) {
	pic := burstPictures(t)[0]
	f := &bFile{brand: "heic", primary: 1, items: []bItem{pic.item(1)}}
	f.items[0].props[1] = ispe(50000, 50000)
	if _, _, err := Decode(f.bytes(), DefaultLimits); !errors.Is(err, ErrTooLarge) {
		t.Errorf("50000×50000: %v", err)
	}
	if _, _, err := Decode(readTestdata(t, "photo.heic"), Limits{MaxPixels: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over MaxPixels: %v", err)
	}
	av1 := &bFile{brand: "avif", primary: 1, items: []bItem{{id: 1, typ: "av01", data: []byte{0}, props: []bProp{ispe(10, 10)}}}}
	if _, in, err := Decode(av1.bytes(), DefaultLimits); !errors.Is(err, ErrUnsupported) || in == nil || in.Width != 10 {
		t.Errorf("AVIF: %v %+v", err, in)
	}
	// The HEVC data cut short: the decoder fails, and says so.
	g := &bFile{brand: "heic", primary: 1, items: []bItem{pic.item(1)}}
	g.items[0].data = g.items[0].data[:len(g.items[0].data)/3]
	if _, _, err := Decode(g.bytes(), DefaultLimits); err == nil {
		t.Errorf("truncated HEVC decoded without error")
	}
}

func samePixels(a, b image.Image) bool {
	ya, ok1 := a.(*image.YCbCr)
	yb, ok2 := b.(*image.YCbCr)
	if ok1 && ok2 {
		return ya.Rect == yb.Rect && bytes.Equal(ya.Y, yb.Y) && bytes.Equal(ya.Cb, yb.Cb) && bytes.Equal(ya.Cr, yb.Cr)
	}
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if !sameColor(a.At(x, y), b.At(x, y)) {
				return false
			}
		}
	}
	return true
}

func sameColor(a, b color.Color) bool { return near(a, b, 0) }

func near(a, b color.Color, tol int) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	d := func(x, y uint32) bool {
		v := int(x>>8) - int(y>>8)
		return v <= tol && v >= -tol
	}
	return d(r1, r2) && d(g1, g2) && d(b1, b2) && d(a1, a2)
}
