package media

import (
	"bytes"
	"fmt"
	"time"
)

// MPEG audio (.mp3, and layers 1 and 2) and AAC in ADTS frames (.aac),
// either of them possibly after an ID3v2 tag.

// mpegHeader is a decoded 4-byte MPEG audio frame header.
type mpegHeader struct {
	version  int // 1, 2, or 25 (MPEG 2.5)
	layer    int // 1, 2, 3
	bitrate  int // bit/s
	rate     int // Hz
	channels int
	frameLen int // bytes, header included
	samples  int // per frame
	sideInfo int // bytes of layer 3 side information
}

var mpegBitrates = [...][15]int{
	{0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
	{0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
	{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
	{0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2 L1
	{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2 L2, L3
}

var mpegRates = map[int][3]int{1: {44100, 48000, 32000}, 2: {22050, 24000, 16000}, 25: {11025, 12000, 8000}}

// parseMPEG decodes a frame header; free-format frames (bitrate index 0)
// are refused since their length cannot be known from the header.
func parseMPEG(p []byte) (mpegHeader, bool) {
	var h mpegHeader
	if len(p) < 4 || p[0] != 0xFF || p[1]&0xE0 != 0xE0 {
		return h, false
	}
	switch (p[1] >> 3) & 3 {
	case 0:
		h.version = 25
	case 2:
		h.version = 2
	case 3:
		h.version = 1
	default:
		return h, false
	}
	switch (p[1] >> 1) & 3 {
	case 1:
		h.layer = 3
	case 2:
		h.layer = 2
	case 3:
		h.layer = 1
	default:
		return h, false
	}
	bi, ri := int(p[2]>>4), int(p[2]>>2)&3
	if bi == 0 || bi == 15 || ri == 3 {
		return h, false
	}
	row := 0
	switch {
	case h.version == 1:
		row = h.layer - 1
	case h.layer == 1:
		row = 3
	default:
		row = 4
	}
	h.bitrate = mpegBitrates[row][bi] * 1000
	h.rate = mpegRates[h.version][ri]
	pad := int(p[2]>>1) & 1
	h.channels = 2
	if p[3]>>6 == 3 {
		h.channels = 1
	}
	switch {
	case h.layer == 1:
		h.samples = 384
		h.frameLen = (12*h.bitrate/h.rate + pad) * 4
	case h.layer == 2 || h.version == 1:
		h.samples = 1152
		h.frameLen = 144*h.bitrate/h.rate + pad
	default:
		h.samples = 576
		h.frameLen = 72*h.bitrate/h.rate + pad
	}
	if h.layer == 3 {
		switch {
		case h.version == 1 && h.channels == 2:
			h.sideInfo = 32
		case h.version == 1 || h.channels == 2:
			h.sideInfo = 17
		default:
			h.sideInfo = 9
		}
	}
	return h, h.frameLen >= 4
}

// adtsHeader is a decoded ADTS header (7 bytes, 9 with CRC).
type adtsHeader struct {
	rate, channels, frameLen, blocks int
}

var adtsRates = [...]int{96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350}

func parseADTS(p []byte) (adtsHeader, bool) {
	var h adtsHeader
	if len(p) < 7 || p[0] != 0xFF || p[1]&0xF6 != 0xF0 {
		return h, false
	}
	si := int(p[2]>>2) & 0xF
	if si >= len(adtsRates) {
		return h, false
	}
	h.rate = adtsRates[si]
	h.channels = int(p[2]&1)<<2 | int(p[3]>>6)
	h.frameLen = int(p[3]&3)<<11 | int(p[4])<<3 | int(p[5]>>5)
	h.blocks = int(p[6]&3) + 1
	hl := 7
	if p[1]&1 == 0 {
		hl = 9
	}
	return h, h.frameLen >= hl
}

// frameAt says whether a frame header of either kind starts p[i:], and
// its length.
func frameAt(p []byte, i int) (n int, adts bool, ok bool) {
	if h, ok := parseADTS(p[i:]); ok {
		return h.frameLen, true, true
	}
	if h, ok := parseMPEG(p[i:]); ok {
		return h.frameLen, false, true
	}
	return 0, false, false
}

// confirmed says whether a frame at p[i:] is followed by another of the
// same kind (or by the end of p, when the buffer is the whole rest).
func confirmed(p []byte, i int, all bool) bool {
	n, adts, ok := frameAt(p, i)
	if !ok {
		return false
	}
	j := i + n
	if j+4 > len(p) {
		return all && j <= len(p)
	}
	m, adts2, ok := frameAt(p, j)
	return ok && m > 0 && adts2 == adts
}

// looksMPEGAudio reports whether the stream starts with two MPEG audio or
// ADTS frames in a row (one header alone is too easily met in other data).
func looksMPEGAudio(s *source) bool {
	p := s.peek(8192)
	return len(p) >= 4 && confirmed(p, 0, len(p) < 8192)
}

func readMPEGAudio(s *source, in *Info) error {
	in.Kind, in.Container = Audio, "mp3"
	tagged := false
	for range 16 {
		p := s.peek(10)
		if len(p) < 10 || string(p[:3]) != "ID3" {
			break
		}
		tagged = true
		start := s.pos
		var n int64
		for _, c := range p[6:10] {
			if c >= 0x80 {
				in.problem(ProblemBadHeader, start, "ID3 size is not syncsafe")
			}
			n = n<<7 | int64(c&0x7F)
		}
		n += 10
		if p[5]&0x10 != 0 {
			n += 10 // footer
		}
		if r := s.remaining(); r >= 0 && n > r {
			in.problem(ProblemTagExceedsFile, start, fmt.Sprintf("ID3 tag of %d bytes, the file has %d", n, r))
			return s.skipAll()
		}
		if _, err := s.skip(n); err != nil {
			return endOr(in, err, start)
		}
	}
	// The first frame: within MaxSync bytes after the tag.
	var searched int64
	for {
		p := s.peek(64 << 10)
		if len(p) < 4 {
			in.problem(ProblemNoFrames, s.pos, "no audio frame after the ID3 tag")
			return nil
		}
		all := len(p) < 64<<10
		found := -1
		for i := 0; i+4 <= len(p) && searched+int64(i) < in.lim.MaxSync; i++ {
			if p[i] == 0xFF && confirmed(p, i, all) {
				found = i
				break
			}
		}
		if found >= 0 {
			if _, err := s.skip(int64(found)); err != nil {
				return endOr(in, err, s.pos)
			}
			break
		}
		step := int64(len(p) - 3)
		searched += step
		if searched >= in.lim.MaxSync || all {
			in.problem(ProblemNoFrames, s.pos, fmt.Sprintf("no audio frame in the %d bytes after the tag", searched))
			return nil
		}
		if _, err := s.skip(step); err != nil {
			return endOr(in, err, s.pos)
		}
	}
	if _, ok := parseADTS(s.peek(7)); ok {
		return readADTS(s, in)
	}
	_ = tagged
	return readMP3(s, in)
}

// endOr turns the end of the stream into a truncation problem.
func endOr(in *Info, err error, off int64) error {
	if isEOF(err) {
		in.problem(ProblemTruncated, off, "the file ends inside a frame or tag")
		return nil
	}
	return err
}

func readMP3(s *source, in *Info) error {
	start := s.pos
	p := s.peek(4096)
	h, _ := parseMPEG(p)
	in.Codecs = []string{[]string{"", "mp1", "mp2", "mp3"}[h.layer]}
	in.SampleRate, in.Channels = h.rate, h.channels
	frame := p[:min(len(p), h.frameLen)]
	// A Xing or Info frame (LAME) or a VBRI frame (Fraunhofer) counts the
	// frames of the file.
	frames := int64(-1)
	if x := 4 + h.sideInfo; h.layer == 3 && len(frame) >= x+12 {
		if tag := string(frame[x : x+4]); tag == "Xing" || tag == "Info" {
			flags := be32(frame[x+4:])
			if flags&1 != 0 {
				frames = int64(be32(frame[x+8:]))
			}
		}
	}
	if frames < 0 && len(frame) >= 36+18 && string(frame[36:40]) == "VBRI" {
		frames = int64(be32(frame[36+14:]))
	}
	switch {
	case frames >= 0:
		in.setDuration(uint64(frames)*uint64(h.samples), uint64(h.rate))
	case s.size >= start:
		// Constant bitrate: the audio bytes over the byte rate.
		in.setDuration(uint64(s.size-start)*8, uint64(h.bitrate))
	default:
		return countMP3(s, in, h)
	}
	return nil
}

// countMP3 counts frames when the file's size is not known.
func countMP3(s *source, in *Info, first mpegHeader) error {
	var samples uint64
	for {
		p := s.peek(4)
		if len(p) < 4 {
			break
		}
		h, ok := parseMPEG(p)
		if !ok {
			if !trailerTag(s.peek(8)) {
				in.problem(ProblemLostSync, s.pos, "no frame header where the previous frame ends")
			}
			break
		}
		if _, err := s.skip(int64(h.frameLen)); err != nil {
			if err := endOr(in, err, s.pos); err != nil {
				return err
			}
			break
		}
		samples += uint64(h.samples)
	}
	in.setDuration(samples, uint64(first.rate))
	return nil
}

// trailerTag reports an ID3v1, APE or Lyrics3 tag, which may end an MP3.
func trailerTag(p []byte) bool {
	return bytes.HasPrefix(p, []byte("TAG")) || bytes.HasPrefix(p, []byte("APETAGEX")) ||
		bytes.HasPrefix(p, []byte("LYRICS")) || bytes.HasPrefix(p, []byte("ID3"))
}

// readADTS counts the AAC samples of every ADTS frame to the end.
func readADTS(s *source, in *Info) error {
	in.Container = "aac"
	in.Codecs = []string{"aac"}
	first, _ := parseADTS(s.peek(7))
	in.SampleRate, in.Channels = first.rate, first.channels
	var samples uint64
	for {
		p := s.peek(7)
		if len(p) == 0 {
			break
		}
		h, ok := parseADTS(p)
		if !ok {
			if !trailerTag(s.peek(8)) {
				in.problem(ProblemLostSync, s.pos, "no ADTS header where the previous frame ends")
			}
			break
		}
		if _, err := s.skip(int64(h.frameLen)); err != nil {
			if err := endOr(in, err, s.pos); err != nil {
				return err
			}
			break
		}
		samples += uint64(h.blocks) * 1024
	}
	in.setDuration(samples, uint64(first.rate))
	return nil
}

func be32(p []byte) uint32 {
	return uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
}

// frames20ms is n frames of 20 ms.
func frames20ms(n int64) time.Duration { return time.Duration(n) * 20 * time.Millisecond }
