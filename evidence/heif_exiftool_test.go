package evidence_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
)

// TestHEIFMatchesExiftool reads the HEIC samples and compares what the
// item says with exiftool: capture time and zone, camera, GPS, size and
// the rotation the file's irot asks for (exiftool's QuickTime Rotation,
// in degrees anticlockwise).
func TestHEIFMatchesExiftool(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Skipf("exiftool is needed (Debian: libimage-exiftool-perl): %v", err)
	}
	for _, name := range []string{"photo.heic", "burst.heic", "rotated.heic"} {
		p := filepath.Join("heif", "testdata", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		it, err := evidence.Read(name, bytes.NewReader(data), nil, time.Time{}, evidence.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("exiftool", "-j", "-n",
			"-DateTimeOriginal", "-OffsetTimeOriginal", "-Make", "-Model", "-GPSLatitude", "-GPSLongitude",
			"-ImageWidth", "-ImageHeight", "-QuickTime:Rotation", p).Output()
		if err != nil {
			t.Fatalf("exiftool %s: %v", p, err)
		}
		var x []struct {
			DateTimeOriginal, OffsetTimeOriginal, Make, Model string
			GPSLatitude, GPSLongitude                         *float64
			ImageWidth, ImageHeight, Rotation                 int
		}
		if err := json.Unmarshal(out, &x); err != nil || len(x) != 1 {
			t.Fatalf("exiftool output %s: %v", out, err)
		}
		e := x[0]
		if it.Kind != evidence.KindImage || it.Meta.Format != "heic" || it.Meta.Width != e.ImageWidth || it.Meta.Height != e.ImageHeight {
			t.Errorf("%s: kind %s format %s %d×%d, exiftool %d×%d", name, it.Kind, it.Meta.Format, it.Meta.Width, it.Meta.Height, e.ImageWidth, e.ImageHeight)
		}
		// irot turns anticlockwise; EXIF orientations 8, 3 and 6 are
		// those turns.
		if want := map[int]int{0: 1, 90: 8, 180: 3, 270: 6}[e.Rotation]; it.Meta.Orientation != want {
			t.Errorf("%s: orientation %d, exiftool's rotation %d° means %d", name, it.Meta.Orientation, e.Rotation, want)
		}
		switch {
		case e.DateTimeOriginal == "" && it.Captured != nil:
			t.Errorf("%s: captured %v, exiftool finds no time", name, it.Captured)
		case e.DateTimeOriginal != "":
			if it.Captured == nil {
				t.Fatalf("%s: no capture time, exiftool %s", name, e.DateTimeOriginal)
			}
			if e.OffsetTimeOriginal == "" {
				if it.Captured.ZoneKnown || it.Captured.Time.Format("2006:01:02 15:04:05") != e.DateTimeOriginal {
					t.Errorf("%s: captured %v, exiftool %s without zone", name, it.Captured, e.DateTimeOriginal)
				}
				break
			}
			wt, err := time.Parse("2006:01:02 15:04:05-07:00", e.DateTimeOriginal+e.OffsetTimeOriginal)
			if err != nil {
				t.Fatal(err)
			}
			if !it.Captured.ZoneKnown || !wt.Equal(it.Captured.Time) || it.Meta.CaptureZone != e.OffsetTimeOriginal {
				t.Errorf("%s: captured %v zone %q, exiftool %s", name, it.Captured, it.Meta.CaptureZone, wt)
			}
		}
		camera := e.Model
		if e.Make != "" && e.Model != "" {
			camera = e.Make + " " + e.Model
		}
		if it.Meta.Camera != camera {
			t.Errorf("%s: camera %q, exiftool %q", name, it.Meta.Camera, camera)
		}
		if (e.GPSLatitude == nil) != (it.Meta.GPS == nil) ||
			(e.GPSLatitude != nil && (math.Abs(*e.GPSLatitude-it.Meta.GPS.Lat) > 1e-5 || math.Abs(*e.GPSLongitude-it.Meta.GPS.Lon) > 1e-5)) {
			t.Errorf("%s: GPS %+v, exiftool %v %v", name, it.Meta.GPS, e.GPSLatitude, e.GPSLongitude)
		}
	}
}
