package media

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFrameOffsets(t *testing.T) {
	s := time.Second
	tests := []struct {
		d    time.Duration
		n    int
		want []time.Duration
	}{
		{4 * s, 3, []time.Duration{s, 2 * s, 3 * s}},
		{10 * s, 1, []time.Duration{5 * s}},
		{1001 * time.Millisecond, 2, []time.Duration{333 * time.Millisecond, 667 * time.Millisecond}},
		{13 * s, 50, []time.Duration{s, 2 * s, 3 * s, 4 * s, 5 * s, 6 * s, 7 * s, 8 * s, 9 * s, 10 * s, 11 * s, 12 * s}},
		{0, 3, nil},
		{s, 0, nil},
		{s, -1, nil},
	}
	for _, tt := range tests {
		got := FrameOffsets(tt.d, tt.n)
		if len(got) != len(tt.want) {
			t.Errorf("%v, %d: %v, want %v", tt.d, tt.n, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%v, %d: %v, want %v", tt.d, tt.n, got, tt.want)
			}
		}
	}
}

func TestFormatOffset(t *testing.T) {
	tests := map[time.Duration]string{
		0:                                    "0:00.000",
		7500 * time.Millisecond:              "0:07.500",
		83*time.Second + 20*time.Millisecond: "1:23.020",
		3723 * time.Second:                   "1:02:03.000",
		-time.Second:                         "0:00.000",
	}
	for d, want := range tests {
		if got := FormatOffset(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

func TestFindFFmpegMissing(t *testing.T) {
	t.Setenv(EnvFFmpeg, "/nonexistent/ffmpeg")
	_, err := FindFFmpeg()
	var missing *FFmpegMissingError
	if !errors.Is(err, ErrNoFFmpeg) || !errors.As(err, &missing) || missing.Env != "/nonexistent/ffmpeg" {
		t.Fatalf("err %v", err)
	}
	for _, want := range []string{"apt-get install ffmpeg", "brew install ffmpeg", EnvFFmpeg} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	t.Setenv(EnvFFmpeg, "")
	t.Setenv("PATH", t.TempDir())
	if _, err := FindFFmpeg(); !errors.Is(err, ErrNoFFmpeg) || !strings.Contains(err.Error(), "not on PATH") {
		t.Errorf("empty PATH: %v", err)
	}
}
