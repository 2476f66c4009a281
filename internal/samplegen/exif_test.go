package samplegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/rwcarlsen/goexif/exif"
)

var exifCases = []struct {
	name string
	ex   EXIF
}{
	{"phone with zone and GPS", EXIF{
		DateTimeOriginal: "2025:11:04 09:30:12", OffsetTimeOriginal: "+08:00",
		Make: "Xiaomi", Model: "Redmi Note 12", Orientation: 6,
		GPS: &GPS{Lat: 31.2295, Lon: 121.5260},
	}},
	{"zone unknown, no GPS", EXIF{
		DateTimeOriginal: "2025:11:03 14:20:01",
		Make:             "Xiaomi", Model: "Redmi Note 12", Orientation: 1,
	}},
	{"south-west, negative offset", EXIF{
		DateTimeOriginal: "2024:02:29 23:59:59", OffsetTimeOriginal: "-03:30",
		Make: "Apple", Model: "iPhone 15 Pro", Orientation: 8,
		GPS: &GPS{Lat: -33.8568, Lon: -70.6483},
	}},
	{"date only", EXIF{DateTimeOriginal: "2000:01:01 00:00:00"}},
}

func TestJPEGWithEXIFSegment(t *testing.T) {
	img := NumberedScreenshot(3, 320, 240)
	for _, tc := range exifCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := JPEGWithEXIF(img, tc.ex)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF, 0xE1}) {
				t.Fatalf("file starts % x, want SOI then APP1", b[:4])
			}
			if string(b[6:12]) != "Exif\x00\x00" {
				t.Errorf("APP1 starts %q, want Exif\\0\\0", b[6:12])
			}
			dec, err := jpeg.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if dec.Bounds().Size() != img.Bounds().Size() {
				t.Errorf("decoded size %v, want %v", dec.Bounds().Size(), img.Bounds().Size())
			}
			again, err := JPEGWithEXIF(img, tc.ex)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, again) {
				t.Error("two calls gave different bytes")
			}
		})
	}
}

// TestJPEGWithEXIFGoexif reads every field back with the EXIF library
// casebundle uses.
func TestJPEGWithEXIFGoexif(t *testing.T) {
	img := NumberedScreenshot(4, 320, 240)
	for _, tc := range exifCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := JPEGWithEXIF(img, tc.ex)
			if err != nil {
				t.Fatal(err)
			}
			x, err := exif.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("goexif: %v", err)
			}
			str := func(name exif.FieldName) string {
				tag, err := x.Get(name)
				if err != nil {
					if exif.IsTagNotPresentError(err) {
						return ""
					}
					t.Fatalf("%s: %v", name, err)
				}
				s, err := tag.StringVal()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return s
			}
			for name, want := range map[exif.FieldName]string{
				exif.Make:               tc.ex.Make,
				exif.Model:              tc.ex.Model,
				exif.DateTime:           tc.ex.DateTimeOriginal,
				exif.DateTimeOriginal:   tc.ex.DateTimeOriginal,
				exif.DateTimeDigitized:  tc.ex.DateTimeOriginal,
				exif.OffsetTimeOriginal: tc.ex.OffsetTimeOriginal,
			} {
				if got := str(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			ver, err := x.Get(exif.ExifVersion)
			if err != nil || string(ver.Val) != "0232" {
				t.Errorf("ExifVersion = %v (%v), want 0232", ver, err)
			}
			orient, err := x.Get(exif.Orientation)
			if tc.ex.Orientation == 0 {
				if err == nil {
					t.Errorf("Orientation present, want none")
				}
			} else if n, err2 := orient.Int(0); err != nil || err2 != nil || n != tc.ex.Orientation {
				t.Errorf("Orientation = %d (%v %v), want %d", n, err, err2, tc.ex.Orientation)
			}
			for name, want := range map[exif.FieldName]int{exif.PixelXDimension: 320, exif.PixelYDimension: 240} {
				tag, err := x.Get(name)
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if n, _ := tag.Int(0); n != want {
					t.Errorf("%s = %d, want %d", name, n, want)
				}
			}
			lat, lon, err := x.LatLong()
			if tc.ex.GPS == nil {
				if err == nil {
					t.Errorf("LatLong = %v, %v, want no GPS", lat, lon)
				}
				return
			}
			if err != nil {
				t.Fatalf("LatLong: %v", err)
			}
			if math.Abs(lat-tc.ex.GPS.Lat) > 1e-9 || math.Abs(lon-tc.ex.GPS.Lon) > 1e-9 {
				t.Errorf("LatLong = %v, %v, want %v, %v", lat, lon, tc.ex.GPS.Lat, tc.ex.GPS.Lon)
			}
			// The rationals themselves: degrees/1, minutes/1, seconds/100.
			for name, deg := range map[exif.FieldName]float64{exif.GPSLatitude: tc.ex.GPS.Lat, exif.GPSLongitude: tc.ex.GPS.Lon} {
				tag, err := x.Get(name)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want := dms(math.Abs(deg))
				for i := 0; i < 3; i++ {
					n, d, err := tag.Rat2(i)
					if err != nil || n != int64(want[i][0]) || d != int64(want[i][1]) {
						t.Errorf("%s[%d] = %d/%d (%v), want %d/%d", name, i, n, d, err, want[i][0], want[i][1])
					}
				}
			}
		})
	}
}

// TestJPEGWithEXIFExiftool reads every field back with ExifTool, the
// reference reader, and has it validate the structure.
func TestJPEGWithEXIFExiftool(t *testing.T) {
	exiftool, err := exec.LookPath("exiftool")
	if err != nil {
		t.Skip("exiftool not installed (Debian: libimage-exiftool-perl)")
	}
	img := NumberedScreenshot(5, 320, 240)
	dir := t.TempDir()
	for i, tc := range exifCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := JPEGWithEXIF(img, tc.ex)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, fmt.Sprintf("%d.jpg", i))
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			got := runExiftool(t, exiftool, p)
			want := map[string]any{
				"IFD0:Make":                  tc.ex.Make,
				"IFD0:Model":                 tc.ex.Model,
				"IFD0:ModifyDate":            tc.ex.DateTimeOriginal,
				"ExifIFD:DateTimeOriginal":   tc.ex.DateTimeOriginal,
				"ExifIFD:CreateDate":         tc.ex.DateTimeOriginal,
				"ExifIFD:OffsetTimeOriginal": tc.ex.OffsetTimeOriginal,
				"ExifIFD:ExifVersion":        "0232",
				"ExifIFD:ExifImageWidth":     float64(320),
				"ExifIFD:ExifImageHeight":    float64(240),
				"ExifTool:Validate":          "0 0 0",
			}
			if tc.ex.Orientation != 0 {
				want["IFD0:Orientation"] = float64(tc.ex.Orientation)
			}
			if g := tc.ex.GPS; g != nil {
				want["Composite:GPSLatitude"] = g.Lat
				want["Composite:GPSLongitude"] = g.Lon
				want["GPS:GPSLatitudeRef"] = map[bool]string{true: "N", false: "S"}[g.Lat >= 0]
				want["GPS:GPSLongitudeRef"] = map[bool]string{true: "E", false: "W"}[g.Lon >= 0]
			}
			for k, w := range want {
				g, ok := got[k]
				if w == "" {
					if ok {
						t.Errorf("%s = %v, want absent", k, g)
					}
					continue
				}
				if wf, isF := w.(float64); isF {
					if gf, _ := g.(float64); math.Abs(gf-wf) > 1e-9 {
						t.Errorf("%s = %v, want %v", k, g, w)
					}
					continue
				}
				if g != w {
					t.Errorf("%s = %v, want %v", k, g, w)
				}
			}
			if tc.ex.Orientation == 0 {
				if g, ok := got["IFD0:Orientation"]; ok {
					t.Errorf("IFD0:Orientation = %v, want absent", g)
				}
			}
		})
	}
}

func runExiftool(t *testing.T, exiftool, path string) map[string]any {
	t.Helper()
	out, err := exec.Command(exiftool, "-j", "-n", "-G1", "-a", "-validate", "-warning",
		"-IFD0:all", "-ExifIFD:all", "-GPS:all", "-Composite:GPSLatitude", "-Composite:GPSLongitude", path).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v", path, err)
	}
	var res []map[string]any
	if err := json.Unmarshal(out, &res); err != nil || len(res) != 1 {
		t.Fatalf("exiftool output %s: %v", out, err)
	}
	if w, ok := res[0]["ExifTool:Warning"]; ok {
		t.Errorf("exiftool warns: %v", w)
	}
	return res[0]
}

func TestJPEGWithEXIFErrors(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for name, ex := range map[string]EXIF{
		"no date":         {},
		"ISO date":        {DateTimeOriginal: "2025-11-04T09:30:12"},
		"bad offset":      {DateTimeOriginal: "2025:11:04 09:30:12", OffsetTimeOriginal: "+8"},
		"orientation 9":   {DateTimeOriginal: "2025:11:04 09:30:12", Orientation: 9},
		"latitude 91":     {DateTimeOriginal: "2025:11:04 09:30:12", GPS: &GPS{Lat: 91}},
		"longitude -181":  {DateTimeOriginal: "2025:11:04 09:30:12", GPS: &GPS{Lon: -181}},
		"huge make field": {DateTimeOriginal: "2025:11:04 09:30:12", Make: string(make([]byte, 70000))},
	} {
		if _, err := JPEGWithEXIF(img, ex); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestStoreRotated checks every orientation end to end: the stored pixels,
// turned upright by a reader that applies the EXIF orientation
// (imaging.AutoOrientation), match the picture that was drawn.
func TestStoreRotated(t *testing.T) {
	// An asymmetric picture: quadrants of different colours, wider than tall.
	upright := image.NewRGBA(image.Rect(0, 0, 96, 64))
	quad := [4][3]uint8{{220, 30, 30}, {30, 200, 30}, {30, 30, 220}, {230, 230, 40}}
	for y := 0; y < 64; y++ {
		for x := 0; x < 96; x++ {
			q := quad[(y/32)*2+x/48]
			i := upright.PixOffset(x, y)
			upright.Pix[i], upright.Pix[i+1], upright.Pix[i+2], upright.Pix[i+3] = q[0], q[1], q[2], 255
		}
	}
	for o := 1; o <= 8; o++ {
		stored := StoreRotated(upright, o)
		if o >= 5 && stored.Bounds().Dx() != 64 {
			t.Errorf("orientation %d: stored %v, want the sides swapped", o, stored.Bounds())
		}
		b, err := JPEGWithEXIF(stored, EXIF{DateTimeOriginal: "2025:11:04 09:30:12", Orientation: o})
		if err != nil {
			t.Fatal(err)
		}
		shown, err := imaging.Decode(bytes.NewReader(b), imaging.AutoOrientation(true))
		if err != nil {
			t.Fatal(err)
		}
		if d := meanDiff(shown, upright); d > 6 {
			t.Errorf("orientation %d: upright view differs from the drawing by %.1f per channel", o, d)
		}
	}
}

// meanDiff is the mean absolute difference per channel over a grid of
// sample pixels (every pixel of a small image), or 255 when the sizes differ.
func meanDiff(a, b image.Image) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 255
	}
	var sum, n float64
	ab, bb := a.Bounds(), b.Bounds()
	step := max(1, ab.Dx()/200)
	for y := 0; y < ab.Dy(); y += step {
		for x := 0; x < ab.Dx(); x += step {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			sum += math.Abs(float64(r1>>8)-float64(r2>>8)) + math.Abs(float64(g1>>8)-float64(g2>>8)) + math.Abs(float64(b1>>8)-float64(b2>>8))
			n += 3
		}
	}
	return sum / n
}

func TestDMS(t *testing.T) {
	tests := []struct {
		deg  float64
		want [3][2]uint32
	}{
		{31.2295, [3][2]uint32{{31, 1}, {13, 1}, {4620, 100}}},
		{121.5260, [3][2]uint32{{121, 1}, {31, 1}, {3360, 100}}},
		{0, [3][2]uint32{{0, 1}, {0, 1}, {0, 100}}},
		{89.99999999, [3][2]uint32{{90, 1}, {0, 1}, {0, 100}}}, // rounds up across minutes and degrees
	}
	for _, tt := range tests {
		got := dms(tt.deg)
		for i := range 3 {
			if got[i] != tt.want[i] {
				t.Errorf("dms(%v) = %v, want %v", tt.deg, got, tt.want)
				break
			}
		}
	}
}
