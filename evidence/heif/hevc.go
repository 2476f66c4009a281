package heif

import (
	"errors"
	"fmt"
)

// hevcSize is the picture size an HEVC sequence parameter set codes: the
// decoder allocates its frames at Coded size, before the conformance
// window crops it to the size shown.
type hevcSize struct {
	CodedW, CodedH     int
	CroppedW, CroppedH int
	Chroma             int // chroma_format_idc: 0 mono, 1 4:2:0, 2 4:2:2, 3 4:4:4
	BitDepth           int
}

// spsFromHvcC finds the first sequence parameter set (NAL type 33) in an
// hvcC property (HEVCDecoderConfigurationRecord) and reads the picture size
// from it. The size in ispe is what a file says; this is what the decoder
// will allocate, so Probe compares the two.
func spsFromHvcC(b []byte) (hevcSize, error) {
	r := newReader("hvcC", b)
	r.bytes(22) // version, profile, compatibility, constraints, level, ... lengthSizeMinusOne
	nArrays := int(r.u8())
	if r.err != nil {
		return hevcSize{}, r.err
	}
	for i := 0; i < nArrays; i++ {
		typ := r.u8() & 0x3f
		n := int(r.u16())
		for j := 0; j < n; j++ {
			l := int(r.u16())
			nal := r.bytes(l)
			if r.err != nil {
				return hevcSize{}, r.err
			}
			if typ == 33 {
				return parseSPS(nal)
			}
		}
	}
	if r.err != nil {
		return hevcSize{}, r.err
	}
	return hevcSize{}, fmt.Errorf("%w: hvcC holds no sequence parameter set", ErrCorrupt)
}

// bitReader reads an HEVC RBSP: the NAL payload with its emulation
// prevention bytes (00 00 03) removed.
type bitReader struct {
	b   []byte
	pos int // in bits
	err error
}

var errSPSShort = errors.New("sequence parameter set ends early")

func (br *bitReader) bit() uint32 {
	if br.err != nil {
		return 0
	}
	if br.pos >= len(br.b)*8 {
		br.err = errSPSShort
		return 0
	}
	v := uint32(br.b[br.pos/8]>>(7-br.pos%8)) & 1
	br.pos++
	return v
}

func (br *bitReader) bits(n int) uint32 {
	var v uint32
	for i := 0; i < n; i++ {
		v = v<<1 | br.bit()
	}
	return v
}

func (br *bitReader) skip(n int) {
	if br.err != nil {
		return
	}
	if br.pos+n > len(br.b)*8 {
		br.err = errSPSShort
		return
	}
	br.pos += n
}

// ue reads an unsigned Exp-Golomb code. A code longer than 31 leading
// zeros cannot be a valid value here and is refused.
func (br *bitReader) ue() uint32 {
	zeros := 0
	for br.bit() == 0 {
		if br.err != nil {
			return 0
		}
		zeros++
		if zeros > 31 {
			br.err = errors.New("Exp-Golomb code too long")
			return 0
		}
	}
	return (1<<zeros - 1) + br.bits(zeros)
}

func unescapeRBSP(nal []byte) []byte {
	out := make([]byte, 0, len(nal))
	zeros := 0
	for _, c := range nal {
		if zeros >= 2 && c == 3 {
			zeros = 0
			continue
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
		out = append(out, c)
	}
	return out
}

func parseSPS(nal []byte) (hevcSize, error) {
	if len(nal) < 3 {
		return hevcSize{}, fmt.Errorf("%w: sequence parameter set of %d bytes", ErrCorrupt, len(nal))
	}
	br := &bitReader{b: unescapeRBSP(nal[2:])} // after the 2-byte NAL header
	br.skip(4)                                 // sps_video_parameter_set_id
	maxSub := int(br.bits(3))                  // sps_max_sub_layers_minus1
	br.skip(1)                                 // temporal_id_nesting
	// profile_tier_level(1, maxSub)
	br.skip(88) // general profile space..general constraint flags
	br.skip(8)  // general_level_idc
	var profilePresent, levelPresent [8]bool
	for i := 0; i < maxSub; i++ {
		profilePresent[i] = br.bit() == 1
		levelPresent[i] = br.bit() == 1
	}
	if maxSub > 0 {
		br.skip(2 * (8 - maxSub))
	}
	for i := 0; i < maxSub; i++ {
		if profilePresent[i] {
			br.skip(88)
		}
		if levelPresent[i] {
			br.skip(8)
		}
	}
	br.ue() // sps_seq_parameter_set_id
	s := hevcSize{Chroma: int(br.ue())}
	if s.Chroma > 3 {
		return hevcSize{}, fmt.Errorf("%w: sequence parameter set has chroma format %d", ErrCorrupt, s.Chroma)
	}
	if s.Chroma == 3 {
		br.skip(1) // separate_colour_plane_flag
	}
	w, h := br.ue(), br.ue()
	subW, subH := 1, 1
	switch s.Chroma {
	case 1:
		subW, subH = 2, 2
	case 2:
		subW = 2
	}
	var cl, cr, ct, cb uint32
	if br.bit() == 1 { // conformance_window_flag
		cl, cr, ct, cb = br.ue(), br.ue(), br.ue(), br.ue()
	}
	s.BitDepth = int(br.ue()) + 8 // bit_depth_luma_minus8
	if br.err != nil {
		return hevcSize{}, fmt.Errorf("%w: %v", ErrCorrupt, br.err)
	}
	// ue values are below 2^32; the HEVC level limits keep real pictures
	// far below 2^16 on a side, so anything above 1<<20 is a lie.
	if w == 0 || h == 0 || w > 1<<20 || h > 1<<20 {
		return hevcSize{}, fmt.Errorf("%w: sequence parameter set codes a %d×%d picture", ErrCorrupt, w, h)
	}
	s.CodedW, s.CodedH = int(w), int(h)
	cropW := int64(subW) * (int64(cl) + int64(cr))
	cropH := int64(subH) * (int64(ct) + int64(cb))
	if cropW >= int64(w) || cropH >= int64(h) {
		return hevcSize{}, fmt.Errorf("%w: conformance window crops away the whole %d×%d picture", ErrCorrupt, w, h)
	}
	s.CroppedW, s.CroppedH = int(int64(w)-cropW), int(int64(h)-cropH)
	return s, nil
}
