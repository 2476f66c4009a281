package media

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// probe is the part of ffprobe's JSON the comparison uses.
type probe struct {
	Format struct {
		Duration string            `json:"duration"`
		Tags     map[string]string `json:"tags"`
	} `json:"format"`
	Streams []struct {
		CodecType    string `json:"codec_type"`
		CodecName    string `json:"codec_name"`
		CodecTag     string `json:"codec_tag_string"`
		Width        int    `json:"width"`
		Height       int    `json:"height"`
		SampleRate   string `json:"sample_rate"`
		Channels     int    `json:"channels"`
		AvgFrameRate string `json:"avg_frame_rate"`
		SideData     []struct {
			Rotation int `json:"rotation"`
		} `json:"side_data_list"`
	} `json:"streams"`
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no ffmpeg runs; the parser is still tested on testdata/")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install ffmpeg); the parser is still tested on testdata/ by TestGolden and TestSamples", tool)
		}
	}
}

func ffmpeg(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("ffmpeg", append([]string{"-nostdin", "-v", "error", "-y", "-threads", "1"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg %v: %v\n%s", args, err, out)
	}
}

func ffprobe(t *testing.T, file string) probe {
	t.Helper()
	out, err := exec.Command("ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", "-show_streams", file).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", file, err)
	}
	var p probe
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAgainstFFprobe makes real files of every format with ffmpeg and
// compares what Read finds with ffprobe: duration within one frame or
// packet, codecs, size, frame rate, rate and channels, rotation and the
// creation time.
func TestAgainstFFprobe(t *testing.T) {
	needTools(t, "ffmpeg", "ffprobe")
	dir := t.TempDir()
	video := func(rate string) []string {
		return []string{"-f", "lavfi", "-i", "testsrc=size=96x64:rate=" + rate, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"}
	}
	x264 := []string{"-c:v", "libx264", "-preset", "ultrafast"}
	ms := time.Millisecond
	tests := []struct {
		file string
		args []string
		tol  time.Duration // one frame or one packet
	}{
		{"faststart.mp4", cat(video("30000/1001"), "-t", "1", x264, "-c:a", "aac", "-metadata", "creation_time=2025-11-03T06:05:12Z", "-movflags", "+faststart"), 34 * ms},
		{"moovend.mp4", cat(video("25"), "-t", "0.8", x264, "-c:a", "aac", "-metadata", "creation_time=2024-02-29T23:59:59Z"), 40 * ms},
		{"hevc.mp4", cat(video("24000/1001"), "-t", "1", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:pools=1:frame-threads=1", "-tag:v", "hvc1", "-an"), 42 * ms},
		{"screen.mov", cat(video("60"), "-t", "0.6", x264, "-c:a", "aac", "-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.creationdate=2025-11-03T14:05:12+0800", "-metadata", "com.apple.quicktime.location.ISO6709=+22.5431+114.0579+010.000/"), 17 * ms},
		{"located.mov", cat(video("30"), "-t", "0.5", x264, "-an", "-metadata", "location=+22.5431+114.0579/", "-metadata", "creation_time=2025-06-01T00:00:00Z"), 34 * ms},
		{"dated.m4a", []string{"-f", "lavfi", "-i", "sine=sample_rate=16000", "-t", "1.2", "-c:a", "aac", "-metadata", "date=2025-11-03T14:05:12+0800"}, 64 * ms},
		{"clip.3gp", []string{"-f", "lavfi", "-i", "testsrc=size=176x144:rate=15", "-f", "lavfi", "-i", "sine=sample_rate=8000", "-t", "0.8", "-c:v", "h263", "-c:a", "aac", "-ac", "1", "-metadata", "creation_time=2025-01-02T03:04:05Z"}, 67 * ms},
		{"call.m4a", []string{"-f", "lavfi", "-i", "sine=sample_rate=44100", "-ac", "2", "-t", "1.7", "-c:a", "aac", "-metadata", "creation_time=2025-11-03T06:05:12Z"}, 24 * ms},
		{"cbr.mp3", []string{"-f", "lavfi", "-i", "sine=sample_rate=44100", "-t", "1.7", "-c:a", "libmp3lame", "-b:a", "128k", "-write_xing", "0"}, 27 * ms},
		{"vbr.mp3", []string{"-f", "lavfi", "-i", "sine=sample_rate=48000", "-ac", "2", "-t", "1.7", "-c:a", "libmp3lame", "-q:a", "5"}, 24 * ms},
		{"adts.aac", []string{"-f", "lavfi", "-i", "sine=sample_rate=16000", "-t", "1.1", "-c:a", "aac"}, 64 * ms},
		{"pcm.wav", []string{"-f", "lavfi", "-i", "sine=sample_rate=44100", "-ac", "2", "-t", "1.1", "-c:a", "pcm_s16le"}, ms},
		{"voice.opus", []string{"-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "1.1", "-c:a", "libopus"}, 27 * ms},
		{"tone.ogg", []string{"-f", "lavfi", "-i", "sine=sample_rate=22050", "-t", "1.1", "-c:a", "libvorbis"}, 47 * ms},
		{"voice.amr", nil, 20 * ms},
		{"voice-wb.amr", nil, 20 * ms},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if tt.args == nil {
				b, _ := os.ReadFile(filepath.Join("testdata", tt.file))
				os.WriteFile(path, b, 0o644)
			} else {
				ffmpeg(t, append(tt.args, path)...)
			}
			in := readFile(t, path)
			p := ffprobe(t, path)
			want, err := strconv.ParseFloat(p.Format.Duration, 64)
			if err != nil {
				t.Fatalf("ffprobe duration %q", p.Format.Duration)
			}
			if filepath.Ext(tt.file) == ".amr" {
				// ffprobe estimates a raw AMR file's duration from its
				// bitrate; its packet count is the exact measure.
				out, err := exec.Command("ffprobe", "-v", "quiet", "-count_packets", "-select_streams", "a:0",
					"-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path).Output()
				n, err2 := strconv.Atoi(string(bytes.TrimSpace(out)))
				if err != nil || err2 != nil {
					t.Fatalf("ffprobe -count_packets: %v %v %q", err, err2, out)
				}
				t.Logf("%s: ffprobe estimates %s s from the bitrate, counts %d packets", tt.file, p.Format.Duration, n)
				want = float64(n) * 0.020
			}
			diff := in.Duration - time.Duration(want*float64(time.Second))
			t.Logf("%s: duration %v, ffprobe %s s, diff %v; codecs %v; %dx%d %s; %d Hz %d ch; created %v (%s, zone known %v)",
				tt.file, in.Duration, p.Format.Duration, diff, in.Codecs, in.Width, in.Height, in.FrameRate, in.SampleRate, in.Channels, in.Created.Format(time.RFC3339), in.CreatedSource, in.CreatedZoneKnown)
			if diff < -tt.tol || diff > tt.tol {
				t.Errorf("duration %v, ffprobe %s s: more than %v apart", in.Duration, p.Format.Duration, tt.tol)
			}
			bmff := in.Tracks != nil
			var codecs []string
			audioSeen, videoSeen := false, false
			for _, s := range p.Streams {
				c := s.CodecName
				if bmff {
					c = s.CodecTag
				}
				codecs = append(codecs, c)
				switch s.CodecType {
				case "video":
					if videoSeen {
						continue
					}
					videoSeen = true
					if in.Width != s.Width || in.Height != s.Height {
						t.Errorf("%dx%d, ffprobe %dx%d", in.Width, in.Height, s.Width, s.Height)
					}
					if r := fmt.Sprintf("%d/%d", in.FrameRateNum, in.FrameRateDen); r != s.AvgFrameRate {
						t.Errorf("frame rate %s (%s), ffprobe %s", r, in.FrameRate, s.AvgFrameRate)
					}
					rot := 0
					for _, sd := range s.SideData {
						rot = (360 - sd.Rotation) % 360 // ffprobe counts counterclockwise
					}
					if in.Rotation != rot {
						t.Errorf("rotation %d, ffprobe %d clockwise", in.Rotation, rot)
					}
				case "audio":
					if audioSeen {
						continue
					}
					audioSeen = true
					if strconv.Itoa(in.SampleRate) != s.SampleRate || in.Channels != s.Channels {
						t.Errorf("%d Hz %d channels, ffprobe %s Hz %d", in.SampleRate, in.Channels, s.SampleRate, s.Channels)
					}
				}
			}
			if fmt.Sprint(codecs) != fmt.Sprint(in.Codecs) {
				t.Errorf("codecs %v, ffprobe %v", in.Codecs, codecs)
			}
			if wantKind := map[bool]Kind{true: Video, false: Audio}[videoSeen]; in.Kind != wantKind {
				t.Errorf("kind %s, want %s", in.Kind, wantKind)
			}
			if v, ok := p.Format.Tags["com.apple.quicktime.creationdate"]; ok {
				if in.CreatedWritten != v || in.CreatedSource != SourceQuickTime || !in.CreatedZoneKnown {
					t.Errorf("created %q from %s, ffprobe %q", in.CreatedWritten, in.CreatedSource, v)
				}
			} else if v, ok := p.Format.Tags["creation_time"]; ok {
				ct, err := time.Parse(time.RFC3339Nano, v)
				if err != nil || !ct.Equal(in.Created) || in.CreatedSource != SourceMvhd {
					t.Errorf("created %v from %s, ffprobe %q", in.Created, in.CreatedSource, v)
				}
			} else if v, ok := p.Format.Tags["date"]; ok {
				if in.CreatedWritten != v || in.CreatedSource != SourceUdta || !in.CreatedZoneKnown {
					t.Errorf("created %q from %s, ffprobe date %q", in.CreatedWritten, in.CreatedSource, v)
				}
			} else if !in.Created.IsZero() {
				t.Errorf("created %v, ffprobe has none", in.Created)
			}
			loc, ok := p.Format.Tags["com.apple.quicktime.location.ISO6709"]
			if !ok {
				loc = p.Format.Tags["location"]
			}
			if in.Location != loc || (loc != "") != in.HasLocation {
				t.Errorf("location %q (%v), ffprobe %q", in.Location, in.HasLocation, loc)
			}
			if len(in.Problems) > 0 {
				t.Errorf("problems %v", in.Problems)
			}
		})
	}
}

func cat(parts ...any) []string {
	var out []string
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			out = append(out, v)
		case []string:
			out = append(out, v...)
		}
	}
	return out
}

// TestContactSheet takes frames of a real video twice and compares the
// bytes, and checks the count, the offsets and the width.
func TestContactSheet(t *testing.T) {
	needTools(t, "ffmpeg")
	ff, err := FindFFmpeg()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wide := filepath.Join(dir, "wide.mp4")
	ffmpeg(t, "-f", "lavfi", "-i", "testsrc=size=640x360:rate=10", "-t", "1.3", "-c:v", "libx264", "-preset", "ultrafast", wide)
	in := readFile(t, wide)
	a, err := ContactSheet(t.Context(), ff, wide, in.Duration, 20)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ContactSheet(t.Context(), ff, wide, in.Duration, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != MaxFrames {
		t.Fatalf("%d frames, want %d", len(a), MaxFrames)
	}
	for i := range a {
		if !bytes.Equal(a[i].PNG, b[i].PNG) {
			t.Errorf("frame %d differs between two runs", i)
		}
		if a[i].Width != FrameWidth || a[i].Height != 270 {
			t.Errorf("frame %d is %dx%d, want 480x270", i, a[i].Width, a[i].Height)
		}
		if want := FrameOffsets(in.Duration, 12)[i]; a[i].Offset != want {
			t.Errorf("frame %d at %v, want %v", i, a[i].Offset, want)
		}
		if i > 0 && bytes.Equal(a[i].PNG, a[i-1].PNG) {
			t.Errorf("frames %d and %d are the same picture", i-1, i)
		}
	}
	// A small video keeps its size; a portrait one is turned upright.
	small := readFile(t, "testdata/iphone.mov")
	fr, err := ContactSheet(t.Context(), ff, "testdata/iphone.mov", small.Duration, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(fr) != 2 || fr[0].Width != 64 || fr[0].Height != 48 {
		t.Errorf("iphone.mov: %d frames, first %dx%d, want 2 of 64x48 (48x64 turned by 90°)", len(fr), fr[0].Width, fr[0].Height)
	}
	if _, err := ContactSheet(t.Context(), ff, filepath.Join(dir, "missing.mp4"), time.Second, 3); err == nil {
		t.Error("no error for a missing file")
	}
	if _, err := ContactSheet(t.Context(), ff, wide, 0, 3); err == nil {
		t.Error("no error for a zero duration")
	}
}
