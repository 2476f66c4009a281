package bundle

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
)

// mediaCase is a case folder with an iPhone HEIC photo, a call recording
// (.m4a) and a short video (.mp4).
func mediaCase(t *testing.T) string {
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"../internal/samplegen/assets/IMG_4821.HEIC":          "照片/IMG_4821.HEIC",
		"../internal/samplegen/assets/call-20251103-1431.m4a": "录音/通话.m4a",
		"../evidence/media/testdata/faststart.mp4":            "视频/录屏.mp4",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(dst))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mt := time.Date(2025, 11, 4, 1, 0, 0, 0, time.UTC)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func itemByPath(m *Manifest, path string) *ManifestItem {
	for i := range m.Items {
		if m.Items[i].Path == path {
			return &m.Items[i]
		}
	}
	return nil
}

func itemCodes(fs []evidence.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// TestBuildMediaDeterministic builds a case of a HEIC photo, a recording
// and a video twice with one clock: every file of the two bundles is the
// same, frames included when ffmpeg is installed.
func TestBuildMediaDeterministic(t *testing.T) {
	dir := mediaCase(t)
	out := t.TempDir()
	var first map[string][]byte
	var res *Result
	for run := 0; run < 2; run++ {
		var err error
		res, err = Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(out, "b"+string(rune('0'+run))), Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, n := range []string{"dossier.pdf", "manifest.json", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"} {
			b, err := os.ReadFile(filepath.Join(res.Bundle, n))
			if err != nil {
				t.Fatal(err)
			}
			files[n] = b
		}
		if first == nil {
			first = files
			continue
		}
		for n, b := range files {
			if !bytes.Equal(b, first[n]) {
				t.Errorf("run %d: %s differs from run 0", run, n)
			}
		}
	}
	m := res.Manifest
	photo, call, video := itemByPath(m, "data/照片/IMG_4821.HEIC"), itemByPath(m, "data/录音/通话.m4a"), itemByPath(m, "data/视频/录屏.mp4")
	if photo == nil || call == nil || video == nil {
		t.Fatalf("items %+v", m.Items)
	}
	if photo.Kind != evidence.KindImage || photo.Meta.Format != "heic" || photo.Times.Captured != "2025-11-04T10:42:07Z" || photo.Meta.CaptureZone != "+08:00" {
		t.Errorf("photo %+v", photo)
	}
	if call.Kind != evidence.KindAudio || call.Meta.DurationMS != 20000 || call.Times.Captured != "2025-11-03T06:31:40Z" || call.Meta.TimeSource != "mvhd" {
		t.Errorf("recording %+v", call)
	}
	if video.Kind != evidence.KindVideo || video.Meta.DurationMS != 501 || video.Meta.FrameRate != "29.97" || video.Meta.Width != 64 {
		t.Errorf("video %+v", video)
	}
	// The frames are not evidence: data/ holds the three files only.
	var payload []string
	filepath.WalkDir(filepath.Join(res.Bundle, "data"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			payload = append(payload, p)
		}
		return nil
	})
	if len(payload) != 3 {
		t.Errorf("data/ holds %d files: %v", len(payload), payload)
	}
	var events []string
	for _, e := range res.Analysis.Events {
		events = append(events, e.TextZh)
	}
	if !slices.Contains(events, "录音文件记录的创建时间：通话（时长 0:20.000）") || !slices.Contains(events, "拍摄：IMG_4821") {
		t.Errorf("chronology %q", events)
	}
	if _, err := media.FindFFmpeg(); err != nil {
		if !slices.Contains(itemCodes(video.Findings), "video_frames_unavailable") {
			t.Errorf("no ffmpeg and no note on the video: %v", video.Findings)
		}
		t.Skipf("frames not checked: %v", err)
	}
	if len(video.Findings) != 0 {
		t.Errorf("video findings %v", video.Findings)
	}
	pdf := first["dossier.pdf"]
	if !bytes.Contains(pdf, []byte("/Width 64")) {
		t.Error("the video's frame is not in the dossier")
	}
}

// TestBuildWithoutFFmpeg: a video without ffmpeg still builds, with a
// note that says how to get the frames; check reports the same.
func TestBuildWithoutFFmpeg(t *testing.T) {
	t.Setenv(media.EnvFFmpeg, filepath.Join(t.TempDir(), "no-ffmpeg"))
	dir := mediaCase(t)
	res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(t.TempDir(), "b"), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	v := itemByPath(res.Manifest, "data/视频/录屏.mp4")
	if got := itemCodes(v.Findings); !slices.Equal(got, []string{"video_frames_unavailable"}) || v.Findings[0].Severity != evidence.Info ||
		!strings.Contains(v.Findings[0].MessageEn, "ffmpeg was not found") {
		t.Errorf("findings %+v", v.Findings)
	}
	a, err := Check(context.Background(), dir, Options{OCR: OCROff, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Exhibits {
		if e.Item.Path == "视频/录屏.mp4" && !slices.Equal(itemCodes(e.Item.Findings), []string{"video_frames_unavailable"}) {
			t.Errorf("check: %v", e.Item.Findings)
		}
	}
}

// TestFFmpegFlag: --ffmpeg naming no program is a wrong request (exit 2);
// naming ffmpeg, it is used.
func TestFFmpegFlag(t *testing.T) {
	dir := mediaCase(t)
	_, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(t.TempDir(), "b"), Now: testNow, FFmpeg: "/nonexistent/ffmpeg"})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "--ffmpeg /nonexistent/ffmpeg") {
		t.Fatalf("err %v", err)
	}
	p, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed")
	}
	t.Setenv(media.EnvFFmpeg, filepath.Join(t.TempDir(), "no-ffmpeg"))
	res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(t.TempDir(), "b"), Now: testNow, FFmpeg: p})
	if err != nil {
		t.Fatal(err)
	}
	if v := itemByPath(res.Manifest, "data/视频/录屏.mp4"); len(v.Findings) != 0 {
		t.Errorf("with --ffmpeg %s: %v", p, v.Findings)
	}
}

func TestFrameCount(t *testing.T) {
	for d, want := range map[time.Duration]int{0: 1, 500 * time.Millisecond: 1, 5 * time.Second: 5, 12 * time.Second: 12, time.Hour: 12} {
		if got := frameCount(d); got != want {
			t.Errorf("frameCount(%v) = %d, want %d", d, got, want)
		}
	}
}
