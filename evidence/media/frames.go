package media

import (
	"fmt"
)

// AMR (RFC 4867 storage format, "#!AMR\n" and "#!AMR-WB\n") and the SILK
// files of WeChat voice messages ("#!SILK_V3", after a 0x02 byte in the
// files WeChat writes). Both are counted frame by frame to the end; every
// frame is 20 ms.

// Payload bytes after the one-byte frame header, by frame type; -1 for a
// reserved type.
var (
	amrNBSize = [16]int{12, 13, 15, 17, 19, 20, 26, 31, 5, 6, 5, 5, -1, -1, -1, 0}
	amrWBSize = [16]int{17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0}
)

func readAMR(s *source, in *Info) error {
	in.Kind, in.Channels = Audio, 1
	magic := s.peek(12)
	sizes := amrNBSize
	switch {
	case hasPrefix(magic, "#!AMR\n"):
		in.Container, in.Codecs, in.SampleRate = "amr", []string{"amr_nb"}, 8000
		_, _ = s.skip(6)
	case hasPrefix(magic, "#!AMR-WB\n"):
		in.Container, in.Codecs, in.SampleRate = "amr-wb", []string{"amr_wb"}, 16000
		sizes = amrWBSize
		_, _ = s.skip(9)
	default:
		// "#!AMR_MC1.0\n" and "#!AMR-WB_MC1.0\n": multichannel, not read.
		in.Container = "amr"
		in.problem(ProblemBadHeader, 0, fmt.Sprintf("unsupported AMR header %q", magic))
		return nil
	}
	var frames int64
	for {
		start := s.pos
		c, err := s.u8()
		if err != nil {
			if isEOF(err) {
				break
			}
			return err
		}
		n := sizes[(c>>3)&0xF]
		if c&0x83 != 0 || n < 0 {
			in.problem(ProblemLostSync, start, fmt.Sprintf("frame header byte 0x%02x", c))
			break
		}
		if _, err := s.skip(int64(n)); err != nil {
			if err := endOr(in, err, start); err != nil {
				return err
			}
			break
		}
		frames++
	}
	in.Duration, in.DurationKnown = frames20ms(frames), true
	return nil
}

// silkMaxFrame is the largest packet the SILK SDK decoder accepts
// (MAX_BYTES_PER_FRAME × MAX_INPUT_FRAMES in its test decoder).
const silkMaxFrame = 1024 * 5

func readSILK(s *source, in *Info) error {
	in.Kind, in.Container, in.Codecs, in.Channels = Audio, "silk", []string{"silk"}, 1
	if p := s.peek(1); len(p) == 1 && p[0] == 0x02 {
		_, _ = s.skip(1)
	}
	if _, err := s.skip(9); err != nil {
		return endOr(in, err, 0)
	}
	var frames int64
	for {
		start := s.pos
		n, err := s.u16le()
		if err != nil {
			if isEOF(err) {
				if s.pos != start {
					in.problem(ProblemTruncated, start, "the file ends inside a frame length")
				}
				break
			}
			return err
		}
		if int16(n) < 0 {
			break // 0xFFFF ends the stream in the SDK's encoder output
		}
		if int(n) > silkMaxFrame {
			in.problem(ProblemLostSync, start, fmt.Sprintf("frame of %d bytes", n))
			break
		}
		if _, err := s.skip(int64(n)); err != nil {
			if err := endOr(in, err, start); err != nil {
				return err
			}
			break
		}
		frames++
	}
	in.Duration, in.DurationKnown = frames20ms(frames), true
	return nil
}
