package templates

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
)

// mediaDossier is a dossier of an iPhone HEIC photo (a grid turned
// upright by irot), a burst HEIC, a call recording, a video with a
// contact sheet and a video without one, each read by evidence.Read as
// bundle reads them.
func mediaDossier(t *testing.T, lang string) *Dossier {
	f := newFixture(t)
	f.d.Lang = lang
	add := func(src, rel, title string) *Exhibit {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		it, err := evidence.Read(rel, bytes.NewReader(data), nil, time.Time{}, evidence.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		ex := f.add(rel, data, it.Kind, it.MIME, title, "证明"+title, it.Meta)
		ex.Item.Captured, ex.Item.Media, ex.Item.Findings = it.Captured, it.Media, it.Findings
		return ex
	}
	add("../internal/samplegen/assets/IMG_4821.HEIC", "照片/IMG_4821.HEIC", "张珊的微信个人信息")
	add("../evidence/heif/testdata/burst.heic", "照片/burst.heic", "连拍照片")
	add("../internal/samplegen/assets/call-20251103-1431.m4a", "录音/通话.m4a", "与张三的通话录音")
	v := add("../evidence/media/testdata/iphone.mov", "视频/录屏.mov", "转账页面录屏")
	for k, off := range media.FrameOffsets(2*time.Second, 5) {
		img := image.NewRGBA(image.Rect(0, 0, 270, 480))
		for y := 0; y < 480; y++ {
			for x := 0; x < 270; x++ {
				img.Set(x, y, color.RGBA{uint8(40 * k), uint8(x), uint8(y / 2), 255})
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		v.Frames = append(v.Frames, media.Frame{Offset: off, PNG: buf.Bytes(), Width: 270, Height: 480})
	}
	nf := add("../evidence/media/testdata/faststart.mp4", "视频/无截图.mp4", "没有截图的视频")
	nf.Item.Add(evidence.CodeVideoNoFFmpeg)
	return f.finish()
}

// TestMediaExhibitGolden: the text of the photo, recording and video
// pages in both languages; `make golden` rewrites it.
func TestMediaExhibitGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out, lay := render(t, mediaDossier(t, lang))
			first := lay.Placements[0].First
			text := pdftotext(t, writeTemp(t, out), first, lay.Pages)
			golden := filepath.Join("testdata", "exhibit_media_"+lang+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run make golden to write it): %v", err)
			}
			if text != string(want) {
				t.Errorf("pdftotext output differs from %s (run make golden if the change is wanted):\n%s", golden, lineDiff(string(want), text))
			}
			again, _ := render(t, mediaDossier(t, lang))
			if !bytes.Equal(out, again) {
				t.Error("two renders of one dossier differ")
			}
		})
	}
}

// TestMediaExhibitPages checks what the text cannot show: the HEIC photo
// is embedded as a JPEG of its upright size (1536×2048, not the stored
// 2048×1536), the burst's caption names its 3 images, every frame of the
// contact sheet is embedded, and the pages say where to play the files
// and that the frames are not evidence.
func TestMediaExhibitPages(t *testing.T) {
	out, _ := render(t, mediaDossier(t, "zh"))
	if !bytes.Contains(out, []byte("/Width 1536\n/Height 2048")) && !bytes.Contains(out, []byte("/Width 1536 /Height 2048")) {
		t.Error("the HEIC photo is not embedded upright at 1536×2048")
	}
	if n := bytes.Count(out, []byte("/Width 270")); n != 5 {
		t.Errorf("%d frames of 270 px embedded, want 5", n)
	}
	text := pdftotext(t, writeTemp(t, out), 0, 0)
	for _, want := range []string{
		"文件共含 3 张图片，此处显示主图",
		"data/录音/通话.m4a",
		"未转写",
		"0:20.000",
		"16000 Hz",
		"2025-11-03 14:05:12 (UTC+8 北京时间)（QuickTime 创建日期，含时区）",
		"48 × 64 px（播放时顺时针旋转 90°）",
		"视频截图：5 帧",
		"不是证据；证据是 data/ 中的视频文件本身",
		"0:00.333",
		"卷宗中没有这段视频的截图",
		"未找到 ffmpeg",
	} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the pages do not say %q", want)
		}
	}
}
