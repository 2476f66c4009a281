package media

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzRead feeds Read arbitrary bytes, with the true size, an unknown size
// and a size that lies: it must not panic, must stay within its limits and
// must say the same with the true size whether the reader splits the
// stream or not.
func FuzzRead(f *testing.F) {
	for _, path := range mediaFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, int64(0))
		if len(b) > 600 {
			f.Add(b[:600], int64(0)) // cut
		}
	}
	f.Add(amrFile(false, 7, 8, 15), int64(0))
	f.Add(silkFile(true, true, 3, 4), int64(0))
	f.Add(append([]byte("ID3\x04\x00\x10\x00\x00\x00\x01"), 0xFF, 0xFB, 0x90, 0x64), int64(5))
	f.Add(append(ftypMP4, boxSized("moov", 1<<30, mvhd(1000, 2000))...), int64(-1))
	f.Fuzz(func(t *testing.T, data []byte, sizeDelta int64) {
		lim := Limits{MaxBoxes: 2000, MaxSttsEntries: 1000, MaxMeta: 4096, MaxProblems: 8}
		in, err := Read(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			if !errors.Is(err, ErrNotMedia) {
				t.Fatalf("error from a bytes.Reader: %v", err)
			}
		} else {
			check(t, in, lim)
			again, err := Read(&oneByte{data}, int64(len(data)), lim)
			if err != nil || again.Duration != in.Duration || len(again.Problems) != len(in.Problems) {
				t.Fatalf("byte by byte: %v %v %d, whole: %v %d", err, again.Duration, len(again.Problems), in.Duration, len(in.Problems))
			}
		}
		// A size that lies (or is unknown): anything but a panic or an
		// unbounded result.
		size := int64(len(data)) + sizeDelta
		if sizeDelta < -1<<40 || sizeDelta > 1<<40 {
			size = -1
		}
		if in, err := Read(bytes.NewReader(data), size, lim); err == nil {
			check(t, in, lim)
		}
	})
}

func check(t *testing.T, in *Info, lim Limits) {
	t.Helper()
	if in.Duration < 0 || (in.Duration != 0 && !in.DurationKnown) {
		t.Fatalf("duration %v known %v", in.Duration, in.DurationKnown)
	}
	if in.Kind != Audio && in.Kind != Video {
		t.Fatalf("kind %q", in.Kind)
	}
	if len(in.Problems) > lim.MaxProblems || len(in.Tracks) > DefaultLimits.MaxTracks {
		t.Fatalf("%d problems, %d tracks", len(in.Problems), len(in.Tracks))
	}
	for _, p := range in.Problems {
		if p.Zh() == "" {
			t.Fatalf("problem %q not in the catalogue", p.Code)
		}
	}
	if in.CreatedSource == "" && !in.Created.IsZero() {
		t.Fatalf("created %v without a source", in.Created)
	}
	if in.FrameRateDen < 0 || in.FrameRateNum < 0 {
		t.Fatalf("frame rate %d/%d", in.FrameRateNum, in.FrameRateDen)
	}
}
