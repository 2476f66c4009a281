package media

import (
	"errors"
	"fmt"
	"io"
	"math/bits"
	"time"
)

// ErrNotMedia is returned by Read for a stream that is none of the formats
// this package reads. Nothing has been decided about the file: the caller
// treats it as any other file.
var ErrNotMedia = errors.New("media: not a recognised audio or video file")

// Kind says whether a recording holds pictures.
type Kind string

// The kinds Read reports. A file with at least one video track is a video,
// even when it also holds sound.
const (
	Audio Kind = "audio"
	Video Kind = "video"
)

// Sources of Info.Created.
const (
	SourceMvhd      = "mvhd"      // ISO BMFF movie header, seconds since 1904 in UTC
	SourceQuickTime = "quicktime" // com.apple.quicktime.creationdate, zone as written
	SourceUdta      = "udta"      // ©day in moov/udta (iTunes style or QuickTime user data)
)

// Info is what Read found in a recording. Fields that the file does not
// record are zero; what was wrong with the file is in Problems.
type Info struct {
	// Container is the file format: "mp4", "mov", "3gp", "m4a", "mp3",
	// "aac" (ADTS), "amr", "amr-wb", "wav", "ogg", "silk".
	Container string `json:"container"`
	// Kind is Audio or Video.
	Kind Kind `json:"kind"`
	// Duration is the playing time, computed from the integers the file
	// records (ticks and a timescale, frames and a frame length), never
	// from floats. Zero when unknown (DurationKnown false).
	Duration      time.Duration `json:"duration_ns"`
	DurationKnown bool          `json:"duration_known"`
	// Codecs lists one codec per track in file order: the sample entry
	// fourcc in ISO BMFF ("avc1", "hvc1", "mp4a", "samr"), else the name
	// of the coding ("mp3", "aac", "amr_nb", "amr_wb", "pcm_s16le",
	// "opus", "vorbis", "silk").
	Codecs []string `json:"codecs"`
	// Width and Height are the coded size of the first video track in
	// pixels; Rotation is the clockwise turn (0, 90, 180, 270) the track
	// header asks a player to apply (an iPhone held upright records
	// 1920×1080 with Rotation 90).
	Width    int `json:"width,omitempty"`
	Height   int `json:"height,omitempty"`
	Rotation int `json:"rotation,omitempty"`
	// FrameRate is the first video track's average frame rate as a
	// decimal with at most three places ("30", "29.97", "23.976"), exactly
	// FrameRateNum/FrameRateDen (reduced) frames per second.
	FrameRate    string `json:"frame_rate,omitempty"`
	FrameRateNum int64  `json:"frame_rate_num,omitempty"`
	FrameRateDen int64  `json:"frame_rate_den,omitempty"`
	// Created is when the container says the recording was made, in UTC.
	// When CreatedZoneKnown is false the file wrote a wall-clock time
	// without a zone: Created then holds that reading in time.UTC and is
	// the phone's local time, not an instant. CreatedSource names the
	// field (SourceMvhd, SourceQuickTime, SourceUdta) and CreatedWritten is
	// the value as the file wrote it ("2025-11-03T14:05:12+0800"; for
	// mvhd the seconds since 1904 in decimal). A zero creation time in
	// mvhd means unknown and is not reported. When a file has both, the
	// QuickTime creationdate wins: it is the capture time with its zone,
	// whereas mvhd is rewritten by every export. MvhdCreated keeps mvhd's
	// time anyway, for the dossier to show both.
	Created          time.Time `json:"created,omitzero"`
	CreatedZoneKnown bool      `json:"created_zone_known,omitempty"`
	CreatedSource    string    `json:"created_source,omitempty"`
	CreatedWritten   string    `json:"created_written,omitempty"`
	MvhdCreated      time.Time `json:"mvhd_created,omitzero"`
	// SampleRate (Hz) and Channels of the first audio track. A SILK file
	// does not record its rate: SampleRate is then 0.
	SampleRate int `json:"sample_rate,omitempty"`
	Channels   int `json:"channels,omitempty"`
	// Location is the ISO 6709 string the phone wrote (©xyz or
	// com.apple.quicktime.location.ISO6709), e.g. "+31.2304+121.4737+004.000/",
	// and HasLocation says whether Latitude/Longitude were read from it.
	Location    string  `json:"location,omitempty"`
	HasLocation bool    `json:"has_location,omitempty"`
	Latitude    float64 `json:"latitude,omitempty"`
	Longitude   float64 `json:"longitude,omitempty"`
	// Make, Model and Software as the QuickTime metadata names them
	// (com.apple.quicktime.make, .model, .software), when present.
	Make     string `json:"make,omitempty"`
	Model    string `json:"model,omitempty"`
	Software string `json:"software,omitempty"`
	// Tracks lists the ISO BMFF tracks in file order (nil for the other
	// formats).
	Tracks []Track `json:"tracks,omitempty"`
	// Problems found in the container, in the order met; at most
	// Limits.MaxProblems, the last one then being ProblemTooMany.
	Problems []Problem `json:"problems,omitempty"`

	lim Limits
}

// Track is one trak box of an ISO BMFF file.
type Track struct {
	ID       uint32        `json:"id"`
	Handler  string        `json:"handler"` // "vide", "soun", "meta", "tmcd", …
	Codec    string        `json:"codec,omitempty"`
	Duration time.Duration `json:"duration_ns"`
	Width    int           `json:"width,omitempty"`
	Height   int           `json:"height,omitempty"`
	Samples  int64         `json:"samples,omitempty"`
}

// Limits bound the work Read does on a hostile file. Whatever the file
// claims, Read holds at most one MaxMeta-sized box in memory besides its
// fixed buffers (64 KiB of read-ahead, 1 MiB to read payloads through);
// the other limits bound time.
type Limits struct {
	// MaxDepth is the deepest box nesting walked (moov/trak/mdia/minf/stbl
	// is 5; iTunes metadata moov/udta/meta/ilst/©day/data is 6).
	MaxDepth int
	// MaxBoxes is how many boxes are looked at in all.
	MaxBoxes int
	// MaxTracks is how many trak boxes are read.
	MaxTracks int
	// MaxSttsEntries is how many time-to-sample entries of one track are
	// summed for the frame rate; beyond it the rate is not reported.
	MaxSttsEntries int64
	// MaxMeta is the largest metadata box (keys, ilst, ©xyz, ©day, and
	// the box prefixes read for headers) held in memory.
	MaxMeta int64
	// MaxSync is how far Read searches for the first MPEG audio frame
	// after an ID3 tag, and for the next Ogg page after garbage.
	MaxSync int64
	// MaxProblems bounds Info.Problems.
	MaxProblems int
}

// DefaultLimits fit any phone recording: 4 million stts entries are 38
// hours of 30 fps video with variable frame timing.
var DefaultLimits = Limits{
	MaxDepth:       16,
	MaxBoxes:       100_000,
	MaxTracks:      64,
	MaxSttsEntries: 4 << 20,
	MaxMeta:        1 << 20,
	MaxSync:        64 << 10,
	MaxProblems:    32,
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxBoxes > 0 {
		d.MaxBoxes = l.MaxBoxes
	}
	if l.MaxTracks > 0 {
		d.MaxTracks = l.MaxTracks
	}
	if l.MaxSttsEntries > 0 {
		d.MaxSttsEntries = l.MaxSttsEntries
	}
	if l.MaxMeta > 0 {
		d.MaxMeta = l.MaxMeta
	}
	if l.MaxSync > 0 {
		d.MaxSync = l.MaxSync
	}
	if l.MaxProblems > 0 {
		d.MaxProblems = l.MaxProblems
	}
	return d
}

// Read reads the container of the recording in r, a stream read once from
// its start (it never seeks). size is the file's length in bytes, or -1
// when unknown; it lets Read see a box or tag that claims more than the
// file holds without reading to the end.
//
// Read may read beyond what it examines (it buffers) and may stop before
// the end of r: a caller that hashes the stream drains r afterwards. It
// reads through a moov box at the end of the file and through an Ogg or
// AMR file to its end, since that is where the duration is.
//
// The error is ErrNotMedia when the start of r is none of the formats, or
// a read error of r (wrapped). A file that is recognised but damaged gives
// an Info with Problems and a nil error.
func Read(r io.Reader, size int64, lim Limits) (*Info, error) {
	s := newSource(r, size)
	info := &Info{lim: lim.orDefault()}
	p := s.peek(12)
	if s.err != nil {
		return nil, fmt.Errorf("media: read: %w", s.err.(readError).err)
	}
	var parse func(*source, *Info) error
	switch {
	case looksBMFF(p):
		parse = readBMFF
	case hasPrefix(p, "RIFF") && len(p) >= 12 && string(p[8:12]) == "WAVE":
		parse = readWAV
	case hasPrefix(p, "OggS"):
		parse = readOgg
	case hasPrefix(p, "#!AMR"):
		parse = readAMR
	case hasPrefix(p, "#!SILK_V3") || (len(p) > 9 && p[0] == 0x02 && string(p[1:10]) == "#!SILK_V3"):
		parse = readSILK
	case hasPrefix(p, "ID3") || looksMPEGAudio(s):
		parse = readMPEGAudio
	default:
		if s.err != nil {
			return nil, fmt.Errorf("media: read: %w", s.err.(readError).err)
		}
		return nil, ErrNotMedia
	}
	err := parse(s, info)
	if err == nil && s.err != nil {
		err = s.err
	}
	if err != nil {
		if errors.Is(err, ErrNotMedia) && s.err == nil {
			return nil, err
		}
		if s.err != nil {
			err = s.err
		}
		var re readError
		if errors.As(err, &re) {
			return nil, fmt.Errorf("media: read: %w", re.err)
		}
		return nil, err
	}
	return info, nil
}

func hasPrefix(p []byte, s string) bool {
	return len(p) >= len(s) && string(p[:len(s)]) == s
}

// problem records a problem, keeping at most MaxProblems.
func (in *Info) problem(code string, off int64, detail string) {
	max := in.lim.MaxProblems
	if max <= 0 {
		max = DefaultLimits.MaxProblems
	}
	switch {
	case len(in.Problems) < max-1:
		in.Problems = append(in.Problems, Problem{Code: code, Offset: off, Detail: detail})
	case len(in.Problems) == max-1:
		in.Problems = append(in.Problems, Problem{Code: ProblemTooMany, Offset: off, Detail: "further problems not listed"})
	}
}

// setDuration sets Duration to ticks/timescale seconds, exactly (rounded
// down to the nanosecond), unless it overflows.
func (in *Info) setDuration(ticks, timescale uint64) {
	d, ok := ticksToDuration(ticks, timescale)
	if !ok {
		in.problem(ProblemDurationRange, -1, fmt.Sprintf("%d/%d s", ticks, timescale))
		return
	}
	in.Duration, in.DurationKnown = d, true
}

// ticksToDuration converts ticks of 1/timescale s to a Duration without
// floating point. It fails for timescale 0 and beyond 290 years.
func ticksToDuration(ticks, timescale uint64) (time.Duration, bool) {
	if timescale == 0 {
		return 0, false
	}
	sec := ticks / timescale
	rem := ticks % timescale
	const maxSec = uint64(1<<63-1) / uint64(time.Second)
	if sec >= maxSec {
		return 0, false
	}
	// rem < timescale < 2^64; rem*1e9 may overflow uint64 for big
	// timescales, so split it.
	frac := mulDiv(rem, uint64(time.Second), timescale)
	return time.Duration(sec)*time.Second + time.Duration(frac), true
}

// mulDiv returns a*b/c for a < c, without overflow: a*b < c<<64, so the
// high word of the product is below c and Div64 cannot panic.
func mulDiv(a, b, c uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	q, _ := bits.Div64(hi, lo, c)
	return q
}
