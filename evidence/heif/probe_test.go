package heif

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rwcarlsen/goexif/exif"
)

// readTIFF reads the tags the dossier uses from a TIFF blob with the
// repository's goexif, as the evidence package will.
func readTIFF(t *testing.T, tiff []byte) exiftoolTags {
	t.Helper()
	if tiff == nil {
		t.Fatal("no Exif blob")
	}
	x, err := exif.Decode(bytes.NewReader(tiff))
	if err != nil {
		t.Fatalf("goexif: %v", err)
	}
	str := func(n exif.FieldName) string {
		tag, err := x.Get(n)
		if err != nil {
			return ""
		}
		s, _ := tag.StringVal()
		return strings.TrimRight(s, "\x00")
	}
	var out exiftoolTags
	out.DateTimeOriginal = str(exif.DateTimeOriginal)
	out.OffsetTimeOriginal = str(exif.OffsetTimeOriginal)
	out.Make, out.Model = str(exif.Make), str(exif.Model)
	if tag, err := x.Get(exif.Orientation); err == nil {
		out.Orientation, _ = tag.Int(0)
	}
	out.GPSLatitude, out.GPSLongitude, _ = x.LatLong()
	return out
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestProbeTestdata(t *testing.T) {
	type summary struct {
		Brand, PrimaryType    string
		Items, Width, Height  int
		Orientation, BitDepth int
		HasAlpha              bool
	}
	tests := []struct {
		file string
		want summary
		exif bool
	}{
		{"photo.heic", summary{"heic", "hvc1", 1, 320, 240, 1, 8, false}, true},
		{"burst.heic", summary{"heic", "hvc1", 3, 160, 120, 1, 8, false}, false},
		{"alpha.heic", summary{"heic", "hvc1", 1, 128, 96, 1, 8, true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in, err := ProbeBytes(readTestdata(t, tt.file), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			got := summary{in.Brand, in.PrimaryType, in.Items, in.Width, in.Height, in.Orientation, in.BitDepth, in.HasAlpha}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if (in.Exif != nil) != tt.exif {
				t.Errorf("Exif blob of %d bytes, want one: %v", len(in.Exif), tt.exif)
			}
			if len(in.Warnings) > 0 {
				t.Errorf("warnings: %v", in.Warnings)
			}
		})
	}
}

// TestExifBlob reads the committed photo's Exif with goexif, without
// exiftool: these are the values exiftool wrote into it.
func TestExifBlob(t *testing.T) {
	in, err := ProbeBytes(readTestdata(t, "photo.heic"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	got := readTIFF(t, in.Exif)
	want := exiftoolTags{DateTimeOriginal: "2024:03:05 14:22:10", OffsetTimeOriginal: "+08:00", Orientation: 6,
		Make: "Apple", Model: "iPhone 15", GPSLatitude: 31.230416, GPSLongitude: 121.473701}
	if d := got.GPSLatitude - want.GPSLatitude; d > 1e-6 || d < -1e-6 {
		t.Errorf("latitude %v", got.GPSLatitude)
	}
	if d := got.GPSLongitude - want.GPSLongitude; d > 1e-6 || d < -1e-6 {
		t.Errorf("longitude %v", got.GPSLongitude)
	}
	got.GPSLatitude, got.GPSLongitude = want.GPSLatitude, want.GPSLongitude
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// built returns files made by the builder from the committed pictures.
func burstPictures(t testing.TB) []picture {
	return takePictures(t, readTestdata(t, "burst.heic"))
}

// gridFile is a 2×2 grid of the burst's 160×120 pictures (the last one
// twice), cropped to 300×200, with hidden tiles as an iPhone writes them.
func gridFile(t testing.TB) *bFile {
	p := burstPictures(t)
	f := &bFile{brand: "heic", compat: []string{"mif1", "heic"}, primary: 10}
	for i, pic := range []picture{p[0], p[1], p[2], p[2]} {
		it := pic.item(uint32(i + 1))
		it.hidden = true
		f.items = append(f.items, it)
	}
	f.items = append(f.items, bItem{id: 10, typ: "grid", data: gridData(2, 2, 300, 200), idat: true, props: []bProp{ispe(300, 200)}})
	f.refs = append(f.refs, bRef{"dimg", 10, []uint32{1, 2, 3, 4}})
	return f
}

// rotated is the photo's picture with irot (and imir when axis >= 0).
func rotated(t testing.TB, angle int, axis int) []byte {
	p := takePictures(t, readTestdata(t, "photo.heic"))[0]
	props := []bProp{{"irot", []byte{byte(angle)}}}
	if axis >= 0 {
		props = append(props, bProp{"imir", []byte{byte(axis)}})
	}
	f := &bFile{brand: "heic", compat: []string{"mif1", "heic"}, primary: 1, items: []bItem{p.item(1, props...)}}
	return f.bytes()
}

func TestProbeGrid(t *testing.T) {
	in, err := ProbeBytes(gridFile(t).bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if in.PrimaryType != "grid" || in.Width != 300 || in.Height != 200 || in.Tiles != 4 || in.Items != 1 {
		t.Errorf("got %+v", in)
	}
}

func TestProbeTransforms(t *testing.T) {
	tests := []struct {
		angle, axis int
		rot, mirror int
		orient      int
		w, h        int
	}{
		{0, -1, 0, 0, 1, 320, 240},
		{1, -1, 90, 0, 8, 240, 320},
		{2, -1, 180, 0, 3, 320, 240},
		{3, -1, 270, 0, 6, 240, 320},
		// imir 0 exchanges top and bottom, 1 left and right (as libheif).
		{0, 0, 0, 2, 4, 320, 240},
		{0, 1, 0, 1, 2, 320, 240},
		// Turned 90° anticlockwise the stored top-left corner is at the
		// bottom left; top and bottom exchanged, at the top left: transpose.
		{1, 0, 90, 2, 5, 240, 320},
		// Turned clockwise it is top right, then bottom right: transverse.
		{3, 0, 270, 2, 7, 240, 320},
		{1, 1, 90, 1, 7, 240, 320},
		{3, 1, 270, 1, 5, 240, 320},
	}
	for _, tt := range tests {
		in, err := ProbeBytes(rotated(t, tt.angle, tt.axis), DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if in.Rotation != tt.rot || in.Mirror != tt.mirror || in.Orientation != tt.orient ||
			in.DisplayWidth() != tt.w || in.DisplayHeight() != tt.h {
			t.Errorf("irot %d imir %d: got rotation %d mirror %d orientation %d %d×%d, want %d %d %d %d×%d",
				tt.angle, tt.axis, in.Rotation, in.Mirror, in.Orientation, in.DisplayWidth(), in.DisplayHeight(),
				tt.rot, tt.mirror, tt.orient, tt.w, tt.h)
		}
	}
}

// TestProbeRefuses: files whose sizes lie, loop or ask too much.
func TestProbeRefuses(t *testing.T) {
	pic := burstPictures(t)[0]
	single := func(mod func(f *bFile)) []byte {
		f := &bFile{brand: "heic", compat: []string{"mif1"}, primary: 1, items: []bItem{pic.item(1)}}
		mod(f)
		return f.bytes()
	}
	photo := readTestdata(t, "photo.heic")
	// setU32 overwrites 4 bytes at the first occurrence of marker plus at.
	setU32 := func(b []byte, marker string, at int, v uint32) []byte {
		b = bytes.Clone(b)
		i := bytes.Index(b, []byte(marker))
		if i < 0 {
			t.Fatalf("no %q", marker)
		}
		copy(b[i+at:], u32(v))
		return b
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
	}{
		{"empty", nil, DefaultLimits, ErrNotHEIF},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), DefaultLimits, ErrNotHEIF},
		{"mp4", append(mkBox("ftyp", []byte("isom"), u32(0), []byte("isomavc1")), mkBox("moov")...), DefaultLimits, ErrNotHEIF},
		{"50000x50000 ispe", single(func(f *bFile) { f.items[0].props[1] = ispe(50000, 50000) }), DefaultLimits, ErrTooLarge},
		{"ispe larger than the HEVC stream", single(func(f *bFile) { f.items[0].props[1] = ispe(pic.w, pic.h*4) }), DefaultLimits, ErrCorrupt},
		{"ispe smaller than the HEVC stream", single(func(f *bFile) { f.items[0].props[1] = ispe(pic.w/4, pic.h/4) }), DefaultLimits, ErrCorrupt},
		{"zero ispe", single(func(f *bFile) { f.items[0].props[1] = ispe(0, 10) }), DefaultLimits, ErrCorrupt},
		{"no ispe", single(func(f *bFile) { f.items[0].props = f.items[0].props[:1] }), DefaultLimits, ErrCorrupt},
		{"no hvcC", single(func(f *bFile) { f.items[0].props = f.items[0].props[1:] }), DefaultLimits, ErrCorrupt},
		{"primary missing", single(func(f *bFile) { f.primary = 7 }), DefaultLimits, ErrCorrupt},
		{"primary is Exif", single(func(f *bFile) { f.items[0].typ = "Exif" }), DefaultLimits, ErrCorrupt},
		{"meta box size past the file", setU32(photo, "meta", -4, 1<<30), DefaultLimits, ErrCorrupt},
		{"meta box size below its header", setU32(photo, "meta", -4, 3), DefaultLimits, ErrCorrupt},
		{"mdat size past the file", setU32(photo, "mdat", -4, 1<<31), DefaultLimits, ErrCorrupt},
		{"meta over MaxMetaBytes", photo, Limits{MaxMetaBytes: 64}, ErrTooLarge},
		{"boxes over MaxBoxes", photo, Limits{MaxBoxes: 5}, ErrTooLarge},
		{"iinf count lies", setU32(photo, "iinf", 6, 5), DefaultLimits, ErrCorrupt},
		{"iinf count over MaxItems", photo, Limits{MaxItems: 1}, ErrTooLarge},
		{"extent past the file", setU32(photo, "iloc", 26, 1<<30), DefaultLimits, ErrCorrupt},
		{"extent offset past the file", setU32(photo, "iloc", 16, 1<<31), DefaultLimits, ErrCorrupt},
		{"photo over MaxPixels", photo, Limits{MaxPixels: 320*240 - 1}, ErrTooLarge},
		{"grid over MaxPixels", func() []byte {
			f := gridFile(t)
			f.items[4].data = gridData(2, 2, 50000, 50000)
			f.items[4].props = []bProp{ispe(50000, 50000)}
			return f.bytes()
		}(), DefaultLimits, ErrTooLarge},
		{"grid output beyond its tiles", func() []byte {
			f := gridFile(t)
			f.items[4].data = gridData(2, 2, 400, 200)
			f.items[4].props = []bProp{ispe(400, 200)}
			return f.bytes()
		}(), DefaultLimits, ErrCorrupt},
		{"grid with a spare column", func() []byte {
			f := gridFile(t)
			f.items[4].data = gridData(2, 2, 100, 200)
			f.items[4].props = []bProp{ispe(100, 200)}
			return f.bytes()
		}(), DefaultLimits, ErrCorrupt},
		{"grid missing a tile", func() []byte {
			f := gridFile(t)
			f.refs[0].to = f.refs[0].to[:3]
			return f.bytes()
		}(), DefaultLimits, ErrCorrupt},
		{"grid of itself", func() []byte {
			f := gridFile(t)
			f.refs[0].to = []uint32{10, 10, 10, 10}
			return f.bytes()
		}(), DefaultLimits, ErrCorrupt},
		{"iden loop", func() []byte {
			f := gridFile(t)
			f.items = append(f.items, bItem{id: 20, typ: "iden", idat: true, props: []bProp{ispe(300, 200)}},
				bItem{id: 21, typ: "iden", idat: true, props: []bProp{ispe(300, 200)}})
			f.refs = append(f.refs, bRef{"dimg", 20, []uint32{21}}, bRef{"dimg", 21, []uint32{20}})
			f.primary = 20
			return f.bytes()
		}(), DefaultLimits, ErrCorrupt},
		{"grid data past idat", func() []byte {
			b := gridFile(t).bytes()
			i := bytes.Index(b, []byte("idat"))
			// shrink idat's declared content by cutting the box: the grid's
			// extent then points past it.
			out := bytes.Clone(b[:i+4])
			out = append(out, b[i+4:i+4+4]...)
			out = append(out, b[i+4+8:]...)
			copy(out[i-4:], u32(8+4))
			return out
		}(), DefaultLimits, ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := ProbeBytes(tt.data, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (info %+v), want %v", err, in, tt.want)
			}
		})
	}
}

func TestSizeError(t *testing.T) {
	pic := burstPictures(t)[0]
	f := &bFile{brand: "heic", primary: 1, items: []bItem{pic.item(1)}}
	f.items[0].props[1] = ispe(50000, 50000)
	_, err := ProbeBytes(f.bytes(), DefaultLimits)
	var se *SizeError
	if !errors.As(err, &se) || se.Width != 50000 || se.Height != 50000 || se.Limit != DefaultLimits.MaxPixels {
		t.Fatalf("err = %#v", err)
	}
}

// TestExifOffset: the Exif item's 4-byte header gives where the TIFF
// header starts; some writers count to an "Exif\0\0" prefix.
func TestExifOffset(t *testing.T) {
	pic := burstPictures(t)[0]
	tiff := []byte("MM\x00*\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00")
	tests := []struct {
		name string
		data []byte
		want []byte
		warn bool
	}{
		{"offset 0", exifData(tiff), tiff, false},
		{"offset 6 with Exif prefix", append(u32(6), append([]byte("Exif\x00\x00"), tiff...)...), tiff, false},
		{"offset 0 with Exif prefix", append(u32(0), append([]byte("Exif\x00\x00"), tiff...)...), tiff, false},
		{"offset 3 padding", append(u32(3), append([]byte{0, 0, 0}, tiff...)...), tiff, false},
		{"offset past the item", append(u32(1000), tiff...), nil, true},
		{"no TIFF", append(u32(0), []byte("not a tiff at all")...), nil, true},
		{"too short", []byte{0, 0}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &bFile{brand: "heic", primary: 1, items: []bItem{pic.item(1), {id: 2, typ: "Exif", data: tt.data}},
				refs: []bRef{{"cdsc", 2, []uint32{1}}}}
			in, err := ProbeBytes(f.bytes(), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(in.Exif, tt.want) || (len(in.Warnings) > 0) != tt.warn {
				t.Errorf("Exif %q warnings %v", in.Exif, in.Warnings)
			}
		})
	}
}

// TestItemsCount: thumbnails, alpha planes, tiles and hidden items are not
// images of their own.
func TestItemsCount(t *testing.T) {
	p := burstPictures(t)
	f := gridFile(t)
	// A thumbnail of the grid, and a second photo (a burst) with its own
	// alpha image.
	f.items = append(f.items, p[0].item(30), p[1].item(31), p[2].item(32,
		bProp{"auxC", append(full(0, 0), []byte("urn:mpeg:hevc:2015:auxid:1\x00")...)}))
	f.refs = append(f.refs, bRef{"thmb", 30, []uint32{10}}, bRef{"auxl", 32, []uint32{31}})
	in, err := ProbeBytes(f.bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if in.Items != 2 || in.HasAlpha {
		t.Errorf("Items %d HasAlpha %v, want 2 false", in.Items, in.HasAlpha)
	}
	f.primary = 31
	if in, err = ProbeBytes(f.bytes(), DefaultLimits); err != nil || !in.HasAlpha {
		t.Errorf("primary 31: %+v %v, want alpha", in, err)
	}
}

// TestProbeReaderAt: Probe reads the meta box and Exif, not the pictures.
func TestProbeReaderAt(t *testing.T) {
	data := readTestdata(t, "photo.heic")
	cr := &countingReader{r: bytes.NewReader(data)}
	if _, err := Probe(cr, int64(len(data)), DefaultLimits); err != nil {
		t.Fatal(err)
	}
	if cr.n > 2048 {
		t.Errorf("Probe read %d of %d bytes", cr.n, len(data))
	}
}

type countingReader struct {
	r *bytes.Reader
	n int
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += n
	return n, err
}
