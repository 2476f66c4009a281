package heif

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The files in testdata/ are made by this file's makeHEIC from a picture
// ffmpeg draws, encoded by heif-enc (libheif with x265) and tagged by
// exiftool, so that the parser is tested on real encoder output without
// the tools. `go test -run TestMakeTestdata -update ./evidence/heif`
// writes them again.
var update = flag.Bool("update", false, "rewrite testdata/*.heic with heif-enc, ffmpeg and exiftool")

// iphoneTags are the EXIF tags an iPhone 15 writes that the dossier uses.
var iphoneTags = []string{
	"-DateTimeOriginal=2024:03:05 14:22:10",
	"-OffsetTimeOriginal=+08:00",
	"-Orientation#=6",
	"-Make=Apple",
	"-Model=iPhone 15",
	"-GPSLatitude=31.230416", "-GPSLatitudeRef=N",
	"-GPSLongitude=121.473701", "-GPSLongitudeRef=E",
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH (Debian: apt-get install libheif-examples ffmpeg libimage-exiftool-perl)", tool)
		}
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// draw writes a picture of w×h drawn by one of ffmpeg's test sources.
func draw(t *testing.T, path, source string, w, h int, pixfmt string) {
	t.Helper()
	src := map[string]string{
		"testsrc2":   "testsrc2=size=%dx%d",
		"smptebars":  "smptebars=size=%dx%d",
		"mandelbrot": "mandelbrot=size=%dx%d",
		"alpha":      "color=c=0x3070c0@0.5:size=%dx%d,format=rgba,drawbox=x=8:y=8:w=40:h=30:color=red@1:t=fill",
	}[source]
	src = strings.Replace(strings.Replace(src, "%d", itoa(w), 1), "%d", itoa(h), 1)
	args := []string{"-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", src, "-frames:v", "1"}
	if pixfmt != "" {
		args = append(args, "-pix_fmt", pixfmt)
	}
	run(t, "ffmpeg", append(args, "-y", path)...)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// makeHEIC writes the named test file into dir and returns its path.
func makeHEIC(t *testing.T, dir, name string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	tmp := t.TempDir()
	switch name {
	case "photo.heic": // one picture with an iPhone's EXIF
		in := filepath.Join(tmp, "in.jpg")
		draw(t, in, "testsrc2", 320, 240, "")
		run(t, "heif-enc", "-q", "40", in, "-o", out)
		run(t, "exiftool", append([]string{"-q", "-overwrite_original"}, append(iphoneTags, out)...)...)
	case "burst.heic": // three pictures in one file, as a burst
		var ins []string
		for i, src := range []string{"testsrc2", "smptebars", "mandelbrot"} {
			in := filepath.Join(tmp, itoa(i)+".jpg")
			draw(t, in, src, 160, 120, "")
			ins = append(ins, in)
		}
		run(t, "heif-enc", append([]string{"-q", "40", "-o", out}, ins...)...)
	case "alpha.heic": // a picture with an alpha channel
		in := filepath.Join(tmp, "in.png")
		draw(t, in, "alpha", 128, 96, "rgba")
		run(t, "heif-enc", "-q", "40", in, "-o", out)
	default:
		t.Fatalf("no recipe for %s", name)
	}
	return out
}

var testFiles = []string{"photo.heic", "burst.heic", "alpha.heic"}

func TestMakeTestdata(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/")
	}
	needTools(t, "heif-enc", "ffmpeg", "exiftool")
	for _, n := range testFiles {
		makeHEIC(t, "testdata", n)
	}
}

// exiftoolTags is what exiftool -j -n says of a file.
type exiftoolTags struct {
	DateTimeOriginal   string
	OffsetTimeOriginal string
	Orientation        int
	Make, Model        string
	GPSLatitude        float64
	GPSLongitude       float64
	ImageWidth         int
	ImageHeight        int
}

func exiftool(t *testing.T, path string) exiftoolTags {
	t.Helper()
	out, err := exec.Command("exiftool", "-j", "-n", path).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v", path, err)
	}
	var tags []exiftoolTags
	if err := json.Unmarshal(out, &tags); err != nil || len(tags) != 1 {
		t.Fatalf("exiftool output %s: %v", out, err)
	}
	return tags[0]
}

// TestAgainstExiftool makes a fresh HEIC with the tools and checks that
// the Exif blob Probe returns says what exiftool reads from the file; then
// does the same for the committed copies.
func TestAgainstExiftool(t *testing.T) {
	needTools(t, "exiftool")
	paths := []string{filepath.Join("testdata", "photo.heic")}
	if _, err := exec.LookPath("heif-enc"); err == nil {
		if _, err := exec.LookPath("ffmpeg"); err == nil {
			paths = append(paths, makeHEIC(t, t.TempDir(), "photo.heic"))
		}
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			in, err := ProbeBytes(data, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			want := exiftool(t, p)
			got := readTIFF(t, in.Exif)
			if got.DateTimeOriginal != want.DateTimeOriginal || got.OffsetTimeOriginal != want.OffsetTimeOriginal ||
				got.Orientation != want.Orientation || got.Make != want.Make || got.Model != want.Model {
				t.Errorf("Exif blob says %+v\nexiftool says %+v", got, want)
			}
			if d := got.GPSLatitude - want.GPSLatitude; d > 1e-6 || d < -1e-6 {
				t.Errorf("latitude %v, exiftool %v", got.GPSLatitude, want.GPSLatitude)
			}
			if d := got.GPSLongitude - want.GPSLongitude; d > 1e-6 || d < -1e-6 {
				t.Errorf("longitude %v, exiftool %v", got.GPSLongitude, want.GPSLongitude)
			}
			if in.Width != want.ImageWidth || in.Height != want.ImageHeight {
				t.Errorf("size %d×%d, exiftool %d×%d", in.Width, in.Height, want.ImageWidth, want.ImageHeight)
			}
		})
	}
}
