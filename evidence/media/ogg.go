package media

import (
	"encoding/binary"
	"fmt"
)

// Ogg (RFC 3533) with Opus (RFC 7845) or Vorbis: the first page's packet
// names the codec, the granule position of the stream's last page is its
// length in samples (at 48 kHz for Opus, less the pre-skip).

func readOgg(s *source, in *Info) error {
	in.Kind, in.Container = Audio, "ogg"
	var (
		serial  uint32
		first         = true
		granule int64 = -1
		preSkip int64
		rate    int64
		pages   int
	)
	for {
		start := s.pos
		hdr, err := s.read(27)
		if err != nil {
			if len(hdr) == 0 && isEOF(err) {
				break
			}
			if err := endOr(in, err, start); err != nil {
				return err
			}
			break
		}
		if string(hdr[:4]) != "OggS" || hdr[4] != 0 {
			in.problem(ProblemLostSync, start, "no Ogg page where the previous one ends")
			break
		}
		pages++
		if pages > in.lim.MaxBoxes*10 {
			in.problem(ProblemTooManyBoxes, start, fmt.Sprintf("more than %d pages", pages-1))
			break
		}
		g := int64(binary.LittleEndian.Uint64(hdr[6:]))
		ser := binary.LittleEndian.Uint32(hdr[14:])
		segs, err := s.read(int(hdr[26]))
		if err != nil {
			if err := endOr(in, err, start); err != nil {
				return err
			}
			break
		}
		body := 0
		for _, n := range segs {
			body += int(n)
		}
		if first {
			first = false
			serial = ser
			p, err := s.read(body) // at most 255×255 bytes
			if err != nil {
				if err := endOr(in, err, start); err != nil {
					return err
				}
				break
			}
			switch {
			case len(p) >= 19 && string(p[:8]) == "OpusHead":
				in.Codecs = []string{"opus"}
				in.Channels = int(p[9])
				preSkip = int64(binary.LittleEndian.Uint16(p[10:]))
				rate = 48000
				in.SampleRate = 48000
			case len(p) >= 16 && string(p[:7]) == "\x01vorbis":
				in.Codecs = []string{"vorbis"}
				in.Channels = int(p[11])
				rate = int64(binary.LittleEndian.Uint32(p[12:]))
				in.SampleRate = int(rate)
			default:
				in.problem(ProblemBadHeader, start, "the first Ogg stream is neither Opus nor Vorbis")
			}
			continue
		}
		if ser == serial && g != -1 {
			granule = g
		}
		if _, err := s.skip(int64(body)); err != nil {
			if err := endOr(in, err, start); err != nil {
				return err
			}
			break
		}
	}
	if rate > 0 && granule >= preSkip {
		in.setDuration(uint64(granule-preSkip), uint64(rate))
	}
	return nil
}
