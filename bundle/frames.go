package bundle

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
	"github.com/casebundle/casebundle/templates"
)

// Contact sheets. A video is shown in the dossier by frames taken at even
// times (at most media.MaxFrames, one per second of a short clip), each
// labelled with its offset. ffmpeg takes them during the build, from the
// copy staged in data/, never from the user's file. The frames are a view
// for the reader of the dossier: they are not evidence, are written
// nowhere but into the PDF, and the caption says that the file in data/
// is the evidence. For one file and one ffmpeg they are the same bytes on
// every run. Without ffmpeg each video carries a video_frames_unavailable
// note that says how to install it; a frame ffmpeg cannot take is a
// video_frames_failed warning. Neither stops the build.

// findFFmpeg is the ffmpeg a build uses: Options.FFmpeg (--ffmpeg) when
// given, else $CASEBUNDLE_FFMPEG, else PATH.
func (o *Options) findFFmpeg() (string, error) {
	if o.FFmpeg != "" {
		p, err := exec.LookPath(o.FFmpeg)
		if err != nil {
			return "", &media.FFmpegMissingError{Err: err}
		}
		return p, nil
	}
	return media.FindFFmpeg()
}

// checkFFmpeg refuses a --ffmpeg that names no program: asked for
// explicitly, its absence is a wrong request, not a note.
func checkFFmpeg(path string) error {
	if path == "" {
		return nil
	}
	if _, err := exec.LookPath(path); err != nil {
		return &UsageError{Msg: fmt.Sprintf("--ffmpeg %s: %v", path, unwrapPath(err)),
			Hint: "give the path of an ffmpeg program (apt-get install ffmpeg, brew install ffmpeg), or leave --ffmpeg out to use the one on PATH"}
	}
	return nil
}

// frameCount is how many frames a video of duration d gets: one per
// second of a short clip, at most media.MaxFrames.
func frameCount(d time.Duration) int {
	return min(media.MaxFrames, max(1, int(d/time.Second)))
}

// takeFrames makes the contact sheet of every video among items from its
// staged copy under dataDir, and records on each video why it has none.
// In a check (dataDir "") nothing is taken, but a missing ffmpeg is noted
// all the same, so that check and build report the same findings.
func (b *build) takeFrames(ctx context.Context, items []*evidence.Item, dataDir string) error {
	var videos []*evidence.Item
	for _, it := range items {
		if it != nil && it.Kind == evidence.KindVideo && it.Media != nil && it.SHA256 != "" {
			videos = append(videos, it)
		}
	}
	if len(videos) == 0 {
		return nil
	}
	ffmpeg, err := b.opt.findFFmpeg()
	if err != nil {
		for _, it := range videos {
			it.Add(evidence.CodeVideoNoFFmpeg)
		}
		return nil
	}
	if dataDir == "" {
		return nil
	}
	b.frames = map[string][]media.Frame{}
	for _, it := range videos {
		if !it.Media.DurationKnown || it.Media.Duration <= 0 {
			it.Add(evidence.CodeVideoFramesFailed, errors.New("the file records no duration to take frames at"))
			continue
		}
		staged := filepath.Join(dataDir, filepath.FromSlash(it.Path))
		frames, err := media.ContactSheet(ctx, ffmpeg, staged, it.Media.Duration, frameCount(it.Media.Duration))
		if err := ctx.Err(); err != nil {
			return err
		}
		if err != nil {
			// The staged copy lies in a temporary folder whose name
			// changes from run to run: name the file as the bundle does.
			msg := strings.ReplaceAll(err.Error(), staged, "data/"+it.Path)
			it.Add(evidence.CodeVideoFramesFailed, errors.New(msg))
			continue
		}
		b.frames[it.Path] = frames
	}
	return nil
}

// attachFrames hands the contact sheets to the dossier's exhibits.
func (b *build) attachFrames(d *templates.Dossier) {
	for i := range d.Exhibits {
		if it := d.Exhibits[i].Item; it != nil {
			d.Exhibits[i].Frames = b.frames[it.Path]
		}
	}
}

// mediaEvent is the chronology line of a recording's or a video's
// creation time.
func mediaEvent(e Exhibit) (zh, en string) {
	it := e.Item
	long := ""
	if it.Media != nil && it.Media.DurationKnown {
		long = media.FormatOffset(it.Media.Duration)
	}
	if it.Kind == evidence.KindVideo {
		if long == "" {
			return "视频文件记录的创建时间：" + e.Title, "Video created (as the file records): " + e.Title
		}
		return fmt.Sprintf("视频文件记录的创建时间：%s（时长 %s）", e.Title, long), fmt.Sprintf("Video created (as the file records): %s (%s long)", e.Title, long)
	}
	if long == "" {
		return "录音文件记录的创建时间：" + e.Title, "Recording created (as the file records): " + e.Title
	}
	return fmt.Sprintf("录音文件记录的创建时间：%s（时长 %s）", e.Title, long), fmt.Sprintf("Recording created (as the file records): %s (%s long)", e.Title, long)
}
