package evidence

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func readFile(t *testing.T, path string) *Item {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	it, err := Read(filepath.Base(path), f, nil, time.Time{}, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func codes(it *Item) []string {
	var out []string
	for _, f := range it.Findings {
		out = append(out, f.Code)
	}
	return out
}

func TestMediaItems(t *testing.T) {
	for _, tt := range []struct {
		file     string
		kind     Kind
		format   string
		ms       int64
		codecs   []string
		captured string
		zone     string
		source   string
		findings []string
	}{
		{"voice.m4a", KindAudio, "m4a", 500, []string{"mp4a"}, "2025-11-03T06:05:12Z", "+00:00", "mvhd", nil},
		{"iphone.mov", KindVideo, "mov", 0, nil, "2025-11-03T06:05:12Z", "+08:00", "quicktime", nil},
		{"faststart.mp4", KindVideo, "mp4", 501, []string{"avc1", "mp4a"}, "2025-11-03T06:05:12Z", "+00:00", "mvhd", nil},
		{"clip.3gp", KindVideo, "3gp", 400, []string{"s263", "mp4a"}, "", "", "", []string{"no_capture_metadata"}},
		{"cbr.mp3", KindAudio, "mp3", 576, []string{"mp3"}, "", "", "", []string{"no_capture_metadata"}},
		{"adts.aac", KindAudio, "aac", 640, []string{"aac"}, "", "", "", []string{"no_capture_metadata"}},
		{"voice.amr", KindAudio, "amr", 1000, []string{"amr_nb"}, "", "", "", []string{"no_capture_metadata"}},
		{"tone.wav", KindAudio, "wav", 250, []string{"pcm_s16le"}, "", "", "", []string{"no_capture_metadata"}},
		{"voice.opus", KindAudio, "ogg", 0, []string{"opus"}, "", "", "", []string{"no_capture_metadata"}},
		{"voice.silk", KindAudio, "silk", 1500, []string{"silk"}, "", "", "", []string{"no_capture_metadata"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			it := readFile(t, filepath.Join("media", "testdata", tt.file))
			m := it.Meta
			if it.Kind != tt.kind || m.Format != tt.format || it.Media == nil {
				t.Fatalf("kind %s, format %q, media %v", it.Kind, m.Format, it.Media != nil)
			}
			if tt.ms != 0 && m.DurationMS != tt.ms {
				t.Errorf("duration %d ms, want %d", m.DurationMS, tt.ms)
			}
			if tt.codecs != nil && !reflect.DeepEqual(m.Codecs, tt.codecs) {
				t.Errorf("codecs %v, want %v", m.Codecs, tt.codecs)
			}
			if got := it.Captured.String(); got != tt.captured || m.CaptureZone != tt.zone || m.TimeSource != tt.source {
				t.Errorf("captured %q zone %q source %q, want %q %q %q", got, m.CaptureZone, m.TimeSource, tt.captured, tt.zone, tt.source)
			}
			if !reflect.DeepEqual(codes(it), tt.findings) {
				t.Errorf("findings %v, want %v", codes(it), tt.findings)
			}
		})
	}
	mov := readFile(t, filepath.Join("media", "testdata", "iphone.mov"))
	if m := mov.Meta; m.Width != 48 || m.Height != 64 || m.FrameRate != "30" || m.Rotation != 90 ||
		m.Camera != "Apple iPhone 15" || m.GPS == nil || m.GPS.Lat != 31.2304 {
		t.Errorf("iphone.mov meta %+v", m)
	}
}
