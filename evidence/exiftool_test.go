package evidence_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
)

// TestCaptureTimeMatchesExiftool reads every JPEG of the demo case and
// compares the capture time with what exiftool prints for the same file.
func TestCaptureTimeMatchesExiftool(t *testing.T) {
	if _, err := exec.LookPath("exiftool"); err != nil {
		t.Fatalf("exiftool is needed (Debian: libimage-exiftool-perl): %v", err)
	}
	files, _ := filepath.Glob("../testdata/democase/photos/*.jpg")
	if len(files) == 0 {
		t.Fatal("no JPEGs in the demo case")
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		it, err := evidence.Read(filepath.Base(p), bytes.NewReader(data), nil, time.Time{}, evidence.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("exiftool", "-s3", "-d", "%Y-%m-%dT%H:%M:%S", "-DateTimeOriginal", "-OffsetTimeOriginal", p).Output()
		if err != nil {
			t.Fatalf("exiftool %s: %v", p, err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		want := lines[0]
		if it.Captured == nil {
			t.Fatalf("%s: no capture time, exiftool says %s", p, want)
		}
		if got := it.Captured.Local(); !it.Captured.ZoneKnown && got != want {
			t.Errorf("%s: captured %s, exiftool %s", p, got, want)
		}
		if it.Captured.ZoneKnown {
			if len(lines) < 2 {
				t.Fatalf("%s: zone known but exiftool prints no OffsetTimeOriginal", p)
			}
			wt, err := time.Parse("2006-01-02T15:04:05-07:00", want+lines[1])
			if err != nil {
				t.Fatal(err)
			}
			if !wt.Equal(it.Captured.Time) {
				t.Errorf("%s: captured %s, exiftool %s%s", p, it.Captured.Time, want, lines[1])
			}
			if it.Meta.CaptureZone != lines[1] {
				t.Errorf("%s: zone %q, exiftool %q", p, it.Meta.CaptureZone, lines[1])
			}
		} else if len(lines) > 1 {
			t.Errorf("%s: zone unknown but exiftool prints OffsetTimeOriginal %s", p, lines[1])
		}
	}
}
