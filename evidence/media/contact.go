package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// MaxFrames is the most frames ContactSheet takes.
const MaxFrames = 12

// FrameWidth is the width in pixels of the frames ContactSheet makes (a
// narrower video keeps its own width; the height follows the aspect).
const FrameWidth = 480

// maxFramePNG bounds the PNG ffmpeg may write for one frame: a 480 px wide
// frame of a very tall video is under 4 MiB.
const maxFramePNG = 16 << 20

// EnvFFmpeg names the environment variable that points to an ffmpeg
// binary, taking precedence over PATH.
const EnvFFmpeg = "CASEBUNDLE_FFMPEG"

// Frame is one picture of a contact sheet: the frame shown at Offset from
// the start of the video, as PNG.
type Frame struct {
	Offset time.Duration
	PNG    []byte
	Width  int
	Height int
}

// ErrNoFFmpeg is matched (errors.Is) by the error FindFFmpeg returns when
// there is no ffmpeg.
var ErrNoFFmpeg = errors.New("ffmpeg is not installed")

// FFmpegMissingError says that ffmpeg was not found and how to get it.
type FFmpegMissingError struct {
	// Env is the value of CASEBUNDLE_FFMPEG when it was set but does not
	// name a program, else "".
	Env string
	Err error
}

func (e *FFmpegMissingError) Error() string {
	where := "not on PATH and " + EnvFFmpeg + " is not set"
	if e.Env != "" {
		where = fmt.Sprintf("%s=%q is not a program", EnvFFmpeg, e.Env)
	}
	return fmt.Sprintf("ffmpeg is not installed (%s): install it with `apt-get install ffmpeg` (Debian, Ubuntu) or `brew install ffmpeg` (macOS)", where)
}

func (e *FFmpegMissingError) Unwrap() []error { return []error{ErrNoFFmpeg, e.Err} }

// FFmpegHintZh and FFmpegHintEn are the dossier's note where a contact
// sheet could not be made.
const (
	FFmpegHintZh = "未安装 ffmpeg，未生成视频截图。安装后重新生成即可：apt-get install ffmpeg 或 brew install ffmpeg。视频原件已原样保存在 data/ 中。"
	FFmpegHintEn = "ffmpeg is not installed, so no frames were taken. Install it (apt-get install ffmpeg or brew install ffmpeg) and build again. The video itself is kept unchanged in data/."
)

// FindFFmpeg returns the ffmpeg to use: $CASEBUNDLE_FFMPEG when set, else
// ffmpeg on PATH. The error is an *FFmpegMissingError.
func FindFFmpeg() (string, error) {
	if p := os.Getenv(EnvFFmpeg); p != "" {
		path, err := exec.LookPath(p)
		if err != nil {
			return "", &FFmpegMissingError{Env: p, Err: err}
		}
		return path, nil
	}
	path, err := exec.LookPath("ffmpeg")
	if err != nil {
		return "", &FFmpegMissingError{Err: err}
	}
	return path, nil
}

// FrameOffsets returns the n times (at most MaxFrames) at which
// ContactSheet takes frames: k·d/(n+1) for k = 1…n, so that the frames
// divide the video into n+1 equal parts and neither the first frame
// (often black) nor the last (often past the end) is taken. Offsets are
// rounded down to the millisecond, the precision of their labels.
func FrameOffsets(d time.Duration, n int) []time.Duration {
	n = min(n, MaxFrames)
	if n <= 0 || d <= 0 {
		return nil
	}
	out := make([]time.Duration, n)
	for k := range n {
		off := d / time.Duration(n+1) * time.Duration(k+1)
		out[k] = off.Truncate(time.Millisecond)
	}
	return out
}

// ContactSheet takes at most MaxFrames frames of videoFile at
// FrameOffsets(duration, n), each scaled to FrameWidth pixels wide, with
// the ffmpeg at ffmpegPath (see FindFFmpeg). The frames are a view of the
// video for the dossier; the file itself is the evidence. For one file
// and one ffmpeg the PNG bytes are the same on every run: ffmpeg runs
// single-threaded with bit-exact flags and no metadata. An error names the
// offset whose frame failed; ctx cancels ffmpeg.
func ContactSheet(ctx context.Context, ffmpegPath, videoFile string, duration time.Duration, n int) ([]Frame, error) {
	offs := FrameOffsets(duration, n)
	if len(offs) == 0 {
		return nil, fmt.Errorf("contact sheet of %s: duration %v, %d frames: nothing to take", videoFile, duration, n)
	}
	frames := make([]Frame, 0, len(offs))
	for _, off := range offs {
		f, err := grabFrame(ctx, ffmpegPath, videoFile, off)
		if err != nil {
			return nil, fmt.Errorf("contact sheet of %s: frame at %s: %w", videoFile, FormatOffset(off), err)
		}
		frames = append(frames, f)
	}
	return frames, nil
}

func grabFrame(ctx context.Context, ffmpegPath, videoFile string, off time.Duration) (Frame, error) {
	ss := strconv.FormatFloat(off.Seconds(), 'f', 3, 64)
	args := []string{
		"-nostdin", "-hide_banner", "-loglevel", "error",
		"-threads", "1", "-ss", ss, "-i", videoFile,
		"-frames:v", "1", "-an", "-sn", "-dn", "-map_metadata", "-1",
		"-vf", fmt.Sprintf("scale='min(%d,iw)':-2:flags=bicubic", FrameWidth),
		"-filter_threads", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
		"-f", "image2pipe", "-vcodec", "png", "-",
	}
	cmd := exec.CommandContext(ctx, ffmpegPath, args...)
	var out limitedBuffer
	out.max = maxFramePNG
	errBuf := &limitedBuffer{max: 4096, drop: true}
	cmd.Stdout = &out
	cmd.Stderr = errBuf
	if err := cmd.Run(); err != nil {
		if out.over {
			return Frame{}, fmt.Errorf("ffmpeg wrote more than %d bytes for one frame", maxFramePNG)
		}
		return Frame{}, fmt.Errorf("ffmpeg: %w: %s", err, bytes.TrimSpace(errBuf.Bytes()))
	}
	if out.Len() == 0 {
		return Frame{}, fmt.Errorf("ffmpeg gave no frame (is the offset past the end?) %s", bytes.TrimSpace(errBuf.Bytes()))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out.Bytes()))
	if err != nil {
		return Frame{}, fmt.Errorf("ffmpeg's frame is not a PNG: %w", err)
	}
	return Frame{Offset: off, PNG: out.Bytes(), Width: cfg.Width, Height: cfg.Height}, nil
}

// FormatOffset labels a frame: "m:ss.mmm", or "h:mm:ss.mmm" from an hour.
func FormatOffset(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	ms := int64(d / time.Millisecond)
	h, m, s, f := ms/3600000, ms/60000%60, ms/1000%60, ms%1000
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d.%03d", h, m, s, f)
	}
	return fmt.Sprintf("%d:%02d.%03d", m, s, f)
}

// limitedBuffer keeps at most max bytes; beyond, it fails the writer, or
// with drop set ignores the rest (for stderr, where the start is enough).
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
	drop bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		if b.drop {
			b.Buffer.Write(p[:max(0, b.max-b.Len())])
			return len(p), nil
		}
		return 0, errors.New("output too large")
	}
	return b.Buffer.Write(p)
}
