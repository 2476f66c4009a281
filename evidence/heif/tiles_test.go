package heif

import (
	"image"
	"testing"
)

// gridWith is the test grid (four tiles of 160×120 cut to 300×200) with
// extra properties on the grid item.
func gridWith(t *testing.T, props ...bProp) []byte {
	f := gridFile(t)
	g := &f.items[len(f.items)-1]
	g.props = append(g.props, props...)
	return f.bytes()
}

// TestDecodeTiledMatchesWhole: the grid pasted from its tiles and turned
// by Decode is the picture libheif makes of the whole file, for every
// transform, within the small colour differences of libheif's own grid
// conversion; a tile misplaced or a turn the wrong way differs almost
// everywhere.
func TestDecodeTiledMatchesWhole(t *testing.T) {
	for _, tt := range []struct {
		name  string
		props []bProp
	}{
		{"plain", nil},
		{"irot1", []bProp{{"irot", []byte{1}}}},
		{"irot2", []bProp{{"irot", []byte{2}}}},
		{"irot3", []bProp{{"irot", []byte{3}}}},
		{"imir0", []bProp{{"imir", []byte{0}}}},
		{"imir1", []bProp{{"imir", []byte{1}}}},
		{"irot1-imir0", []bProp{{"irot", []byte{1}}, {"imir", []byte{0}}}},
		{"irot3-imir1", []bProp{{"irot", []byte{3}}, {"imir", []byte{1}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := gridWith(t, tt.props...)
			in, err := ProbeBytes(data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if !in.tiled() {
				t.Fatal("the grid is not decoded tile by tile")
			}
			tiled, _, err := Decode(data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := decodeHEVC(data)
			if err != nil {
				t.Fatal(err)
			}
			if tiled.Bounds() != whole.Bounds() {
				t.Fatalf("tiled %v, whole %v", tiled.Bounds(), whole.Bounds())
			}
			b := tiled.Bounds()
			n, ok := 0, 0
			for y := 0; y < b.Dy(); y += 3 {
				for x := 0; x < b.Dx(); x += 3 {
					n++
					if near(tiled.At(x, y), whole.At(x, y), 24) {
						ok++
					}
				}
			}
			if float64(ok) < 0.9*float64(n) {
				t.Errorf("%d of %d sampled pixels match libheif's whole decode", ok, n)
			}
			again, _, err := Decode(data, DefaultLimits)
			if err != nil || !samePixels(tiled, again) {
				t.Errorf("a second tiled decode differs (%v)", err)
			}
		})
	}
}

// TestDecodeTiledExact: each quarter of the pasted grid is, plane by
// plane and byte for byte, its tile decoded on its own.
func TestDecodeTiledExact(t *testing.T) {
	img, _, err := Decode(gridWith(t), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	g := img.(*image.YCbCr)
	p := burstPictures(t)
	for q, own := range []int{0, 1, 2, 2} {
		tile, _ := decodeOK(t, (&bFile{brand: "heic", compat: []string{"mif1", "heic"}, primary: 1, items: []bItem{p[own].item(1)}}).bytes())
		ty := tile.(*image.YCbCr)
		x0, y0 := (q%2)*160, (q/2)*120
		for y := 0; y < 120 && y0+y < 200; y++ {
			for x := 0; x < 160 && x0+x < 300; x++ {
				if g.Y[(y0+y)*g.YStride+x0+x] != ty.Y[y*ty.YStride+x] {
					t.Fatalf("quarter %d: luma at (%d, %d) differs from its tile", q, x, y)
				}
				if g.Cb[((y0+y)/2)*g.CStride+(x0+x)/2] != ty.Cb[(y/2)*ty.CStride+x/2] ||
					g.Cr[((y0+y)/2)*g.CStride+(x0+x)/2] != ty.Cr[(y/2)*ty.CStride+x/2] {
					t.Fatalf("quarter %d: chroma at (%d, %d) differs from its tile", q, x, y)
				}
			}
		}
	}
}

// TestTiledNotTaken: a single picture, or a grid with alpha, goes to
// libheif whole.
func TestTiledNotTaken(t *testing.T) {
	for _, name := range []string{"photo.heic", "alpha.heic", "burst.heic"} {
		in, err := ProbeBytes(readTestdata(t, name), DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if in.tiled() {
			t.Errorf("%s would be decoded tile by tile", name)
		}
	}
}

func TestOrientYCbCr(t *testing.T) {
	// A 4×2 plane with distinct values, turned every way.
	src := image.NewYCbCr(image.Rect(0, 0, 4, 2), image.YCbCrSubsampleRatio420)
	for i := range src.Y {
		src.Y[i] = byte(i)
	}
	// Stored:   0 1 2 3
	//           4 5 6 7
	want := map[int][]byte{
		1: {0, 1, 2, 3, 4, 5, 6, 7},
		2: {3, 2, 1, 0, 7, 6, 5, 4},
		3: {7, 6, 5, 4, 3, 2, 1, 0},
		4: {4, 5, 6, 7, 0, 1, 2, 3},
		5: {0, 4, 1, 5, 2, 6, 3, 7},
		6: {4, 0, 5, 1, 6, 2, 7, 3},
		7: {7, 3, 6, 2, 5, 1, 4, 0},
		8: {3, 7, 2, 6, 1, 5, 0, 4},
	}
	for o := 1; o <= 8; o++ {
		d := orientYCbCr(src, o)
		var got []byte
		for y := 0; y < d.Rect.Dy(); y++ {
			got = append(got, d.Y[y*d.YStride:][:d.Rect.Dx()]...)
		}
		if string(got) != string(want[o]) {
			t.Errorf("orientation %d: %v, want %v", o, got, want[o])
		}
	}
}

// TestDecodeFirstPixels: gen2brain/heic freed the output buffer before
// copying it out, and the allocator wrote its links over the first 24
// bytes of the luma plane (third_party/heic carries the fix). The
// photo's first row is like its second; the links were values such as
// 248, 102, 2, 0.
func TestDecodeFirstPixels(t *testing.T) {
	for _, data := range [][]byte{readTestdata(t, "photo.heic"), oneTileOf(t)} {
		img, _ := decodeOK(t, data)
		y := img.(*image.YCbCr)
		for x := 0; x < 32; x++ {
			a, b := int(y.Y[x]), int(y.Y[y.YStride+x])
			if a-b > 24 || b-a > 24 {
				t.Fatalf("luma (%d, 0) is %d, (%d, 1) is %d: the first bytes are overwritten", x, a, x, b)
			}
		}
	}
}

func oneTileOf(t *testing.T) []byte {
	p := takePictures(t, readTestdata(t, "photo.heic"))[0]
	return oneTile(p.hvcC, int(p.w), int(p.h), p.data)
}
