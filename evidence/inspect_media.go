package evidence

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"github.com/casebundle/casebundle/evidence/media"
)

// isMedia reports content that evidence/media may read: what mimetype
// calls audio or video (or Ogg), and WeChat's SILK voice messages, which
// it does not know.
func isMedia(mt *mimetype.MIME, head []byte) bool {
	for m := mt; m != nil; m = m.Parent() {
		s := m.String()
		if strings.HasPrefix(s, "audio/") || strings.HasPrefix(s, "video/") || s == "application/ogg" {
			return true
		}
	}
	return bytes.HasPrefix(head, []byte("#!SILK_V3")) || bytes.HasPrefix(head, []byte("\x02#!SILK_V3"))
}

// inspectMedia reads the container of a recording or a video with
// evidence/media, in the same pass that hashes it: kind, duration,
// codecs, picture size and frame rate, and the creation time with its
// zone when the file records one. What is said in a recording is not read
// (nothing is transcribed). size is the file's length, or -1.
func inspectMedia(it *Item, head []byte, rest io.Reader, size int64) error {
	it.Kind = KindAudio
	if strings.HasPrefix(it.MIME, "video/") {
		it.Kind = KindVideo
	}
	in, err := media.Read(io.MultiReader(bytes.NewReader(head), rest), size, media.DefaultLimits)
	if errors.Is(err, media.ErrNotMedia) {
		it.Add(CodeMediaFormatUnsupported, it.MIME)
		return nil
	}
	if err != nil {
		return err
	}
	setMedia(it, in)
	return nil
}

func setMedia(it *Item, in *media.Info) {
	it.Media = in
	it.Kind = KindAudio
	if in.Kind == media.Video {
		it.Kind = KindVideo
	}
	if in.Container == "silk" && it.MIME == "application/octet-stream" {
		it.MIME = "audio/silk"
	}
	m := &it.Meta
	m.Format = in.Container
	if in.DurationKnown {
		m.DurationMS = in.Duration.Milliseconds()
	}
	m.Codecs = in.Codecs
	m.SampleRate, m.Channels = in.SampleRate, in.Channels
	if in.Kind == media.Video {
		m.Width, m.Height = in.Width, in.Height
		m.FrameRate, m.Rotation = in.FrameRate, in.Rotation
	}
	switch {
	case in.Make != "" && in.Model != "" && strings.HasPrefix(strings.ToLower(in.Model), strings.ToLower(in.Make)):
		m.Camera = in.Model
	default:
		m.Camera = strings.TrimSpace(in.Make + " " + in.Model)
	}
	if in.HasLocation {
		m.GPS = &GPS{Lat: in.Latitude, Lon: in.Longitude}
	}
	seen := map[string]bool{}
	for _, p := range in.Problems {
		if !seen[p.Code] {
			seen[p.Code] = true
			it.Add(CodeMediaDamaged, Text{Zh: p.Zh(), En: p.En()})
		}
	}
	if in.Created.IsZero() {
		it.Add(CodeMediaNoCreationTime)
		return
	}
	it.Captured = &Captured{Time: in.Created, ZoneKnown: in.CreatedZoneKnown, Source: "media"}
	m.TimeSource = in.CreatedSource
	switch {
	case !in.CreatedZoneKnown:
		m.CaptureZone = "unknown"
		it.Add(CodeMediaZoneUnknown, it.Captured.Local())
	case in.CreatedSource == media.SourceMvhd:
		m.CaptureZone = "+00:00" // seconds since 1904 in UTC, by the standard
	default:
		m.CaptureZone = writtenZone(in.CreatedWritten)
	}
}

var zoneRe = regexp.MustCompile(`(Z|[+-]\d\d:?\d\d)$`)

// writtenZone is the offset at the end of a date as the file wrote it,
// as "+08:00" ("Z" is "+00:00").
func writtenZone(v string) string {
	z := zoneRe.FindString(strings.TrimSpace(strings.TrimRight(v, "\x00")))
	switch {
	case z == "Z":
		return "+00:00"
	case len(z) == 5:
		return z[:3] + ":" + z[3:]
	}
	return z
}
