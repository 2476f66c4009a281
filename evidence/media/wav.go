package media

import (
	"encoding/binary"
	"fmt"
)

// WAV: RIFF chunks; the fmt chunk gives the byte rate, the data chunk's
// size over it the duration.

var wavCodecs = map[uint16]string{
	3: "pcm_f32le", 6: "pcm_alaw", 7: "pcm_mulaw", 0x11: "adpcm_ima_wav", 0x55: "mp3",
}

func readWAV(s *source, in *Info) error {
	in.Kind, in.Container = Audio, "wav"
	if _, err := s.skip(12); err != nil {
		return endOr(in, err, 0)
	}
	var byteRate uint32
	sawFmt := false
	for chunks := 0; ; chunks++ {
		if chunks >= in.lim.MaxBoxes {
			in.problem(ProblemTooManyBoxes, s.pos, fmt.Sprintf("more than %d chunks", chunks))
			return nil
		}
		start := s.pos
		hdr, err := s.read(8)
		if err != nil {
			if len(hdr) == 0 && isEOF(err) {
				break
			}
			return endOr(in, err, start)
		}
		id := string(hdr[:4])
		size := int64(binary.LittleEndian.Uint32(hdr[4:]))
		if id == "data" {
			if !sawFmt {
				in.problem(ProblemBadHeader, start, "data chunk before the fmt chunk")
				return nil
			}
			if r := s.remaining(); r >= 0 && size > r {
				// 0xFFFFFFFF is written by recorders that never came back
				// to fix the size; anything else is a cut file.
				if size != 0xFFFFFFFF {
					in.problem(ProblemTruncated, start, fmt.Sprintf("data chunk of %d bytes, the file has %d", size, r))
				}
				size = r
			}
			if byteRate > 0 {
				in.setDuration(uint64(size), uint64(byteRate))
			}
			return nil // the rest is drained by the caller
		}
		if r := s.remaining(); r >= 0 && size > r {
			in.problem(ProblemBoxExceedsFile, start, fmt.Sprintf("chunk %q of %d bytes, the file has %d", id, size, r))
			return nil
		}
		if id == "fmt " {
			if size < 16 {
				in.problem(ProblemBadHeader, start, fmt.Sprintf("fmt chunk of %d bytes", size))
				return nil
			}
			p, err := s.read(int(min(size, 40)))
			if err != nil {
				return endOr(in, err, start)
			}
			size -= int64(len(p))
			tag := binary.LittleEndian.Uint16(p)
			in.Channels = int(binary.LittleEndian.Uint16(p[2:]))
			in.SampleRate = int(binary.LittleEndian.Uint32(p[4:]))
			byteRate = binary.LittleEndian.Uint32(p[8:])
			bits := binary.LittleEndian.Uint16(p[14:])
			if tag == 0xFFFE && len(p) >= 26 { // WAVE_FORMAT_EXTENSIBLE
				tag = binary.LittleEndian.Uint16(p[24:])
			}
			in.Codecs = []string{wavCodec(tag, bits)}
			if byteRate == 0 {
				in.problem(ProblemBadHeader, start, "byte rate 0 in the fmt chunk")
			}
			sawFmt = true
		}
		if _, err := s.skip(size + size&1); err != nil { // chunks are padded to even
			return endOr(in, err, start)
		}
	}
	in.problem(ProblemTruncated, s.pos, "no data chunk")
	return nil
}

func wavCodec(tag, bits uint16) string {
	if tag == 1 {
		if bits == 8 {
			return "pcm_u8"
		}
		return fmt.Sprintf("pcm_s%dle", bits)
	}
	if c, ok := wavCodecs[tag]; ok {
		return c
	}
	return fmt.Sprintf("wav_0x%04x", tag)
}
