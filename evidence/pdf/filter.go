package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
)

// decodeStream undoes the stream's filters, refusing output larger than the
// per-stream limit or than what is left of the document's budget. Image
// filters (DCT, JPX, CCITT, JBIG2) are left encoded: nothing here reads
// images, and their bytes are returned as they are with ok=false.
func (r *reader) decodeStream(s *stream) (data []byte, err error) {
	filters, parms := r.filterList(s.dict)
	data = s.raw
	for i, f := range filters {
		var p dict
		if i < len(parms) {
			p = parms[i]
		}
		limit := r.lim.MaxStreamBytes
		if left := r.lim.MaxDecodedBytes - r.decoded; left < limit {
			limit = left
		}
		switch f {
		case "FlateDecode", "Fl":
			data, err = inflate(data, limit)
		case "ASCIIHexDecode", "AHx":
			data, err = asciiHex(data)
		case "ASCII85Decode", "A85":
			data, err = ascii85(data, limit)
		case "RunLengthDecode", "RL":
			data, err = runLength(data, limit)
		case "LZWDecode", "LZW":
			ec := true
			if v, ok := r.resolveInt(p["EarlyChange"]); ok && v == 0 {
				ec = false
			}
			data, err = lzwDecode(data, limit, ec)
		default:
			return nil, fmt.Errorf("unsupported filter %s", f)
		}
		if err != nil {
			if err == errTooBig {
				return nil, &LimitError{Limit: "MaxStreamBytes", Max: limit, What: "a stream decodes to more bytes than allowed (decompression bomb?)"}
			}
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if int64(len(data)) > limit {
			return nil, &LimitError{Limit: "MaxStreamBytes", Max: limit, What: "a stream decodes to more bytes than allowed"}
		}
		r.decoded += int64(len(data))
		if p != nil {
			if data, err = r.unpredict(data, p); err != nil {
				return nil, err
			}
		}
	}
	return data, nil
}

func (r *reader) filterList(d dict) ([]name, []dict) {
	var fs []name
	var ps []dict
	switch f := r.resolve(d["Filter"]).(type) {
	case name:
		fs = []name{f}
	case array:
		for _, x := range f {
			if n, ok := r.resolve(x).(name); ok {
				fs = append(fs, n)
			}
		}
	}
	switch p := r.resolve(d["DecodeParms"]).(type) {
	case dict:
		ps = []dict{p}
	case array:
		for _, x := range p {
			pd, _ := r.resolve(x).(dict)
			ps = append(ps, pd)
		}
	}
	return fs, ps
}

var errTooBig = fmt.Errorf("decoded data too large")

// readCapped reads at most limit bytes and reports errTooBig when more are
// there. A truncated deflate stream keeps what was decoded (many writers end
// streams sloppily) unless nothing at all came out.
func readCapped(rd io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rd, limit+1))
	if n > limit {
		return nil, errTooBig
	}
	if err != nil && buf.Len() == 0 {
		return nil, err
	}
	return buf.Bytes(), nil
}

func inflate(b []byte, limit int64) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		// Some writers omit the zlib header: try raw deflate.
		return readCapped(flate.NewReader(bytes.NewReader(b)), limit)
	}
	defer zr.Close()
	return readCapped(zr, limit)
}

func asciiHex(b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b)/2+1)
	var hi byte
	half := false
	for _, c := range b {
		if c == '>' {
			break
		}
		if isSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, fmt.Errorf("bad hex digit %q", c)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out, nil
}

func ascii85(b []byte, limit int64) ([]byte, error) {
	out := make([]byte, 0, len(b))
	var tuple uint64
	n := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if isSpace(c) {
			continue
		}
		if c == '~' {
			break
		}
		if c == 'z' && n == 0 {
			out = append(out, 0, 0, 0, 0)
			if int64(len(out)) > limit {
				return nil, errTooBig
			}
			continue
		}
		if c < '!' || c > 'u' {
			return nil, fmt.Errorf("bad ASCII85 byte %q", c)
		}
		tuple = tuple*85 + uint64(c-'!')
		n++
		if n == 5 {
			if tuple > 0xffffffff {
				return nil, fmt.Errorf("ASCII85 group out of range")
			}
			out = append(out, byte(tuple>>24), byte(tuple>>16), byte(tuple>>8), byte(tuple))
			tuple, n = 0, 0
		}
	}
	if n > 0 {
		if n == 1 {
			return nil, fmt.Errorf("ASCII85 ends with a single byte")
		}
		for k := n; k < 5; k++ {
			tuple = tuple*85 + 84
		}
		for k := 0; k < n-1; k++ {
			out = append(out, byte(tuple>>(24-8*k)))
		}
	}
	return out, nil
}

func runLength(b []byte, limit int64) ([]byte, error) {
	var out []byte
	for i := 0; i < len(b); {
		l := int(b[i])
		i++
		switch {
		case l == 128:
			return out, nil
		case l < 128:
			if i+l+1 > len(b) {
				return nil, fmt.Errorf("run past end")
			}
			out = append(out, b[i:i+l+1]...)
			i += l + 1
		default:
			if i >= len(b) {
				return nil, fmt.Errorf("run past end")
			}
			for k := 0; k < 257-l; k++ {
				out = append(out, b[i])
			}
			i++
		}
		if int64(len(out)) > limit {
			return nil, errTooBig
		}
	}
	return out, nil
}

// lzwDecode is the PDF variant of LZW (MSB first, codes of 9 to 12 bits,
// clear 256, end 257, code width raised one code early unless
// EarlyChange is 0). Go's compress/lzw lacks the early change.
func lzwDecode(b []byte, limit int64, early bool) ([]byte, error) {
	var out []byte
	table := make([][]byte, 258, 4096)
	for i := 0; i < 256; i++ {
		table[i] = []byte{byte(i)}
	}
	width := 9
	var bitBuf uint32
	bits := 0
	var prev []byte
	pos := 0
	for {
		for bits < width && pos < len(b) {
			bitBuf = bitBuf<<8 | uint32(b[pos])
			pos++
			bits += 8
		}
		if bits < width {
			return out, nil
		}
		code := int(bitBuf>>(bits-width)) & (1<<width - 1)
		bits -= width
		switch {
		case code == 256:
			table = table[:258]
			width = 9
			prev = nil
			continue
		case code == 257:
			return out, nil
		}
		var entry []byte
		switch {
		case code < len(table):
			entry = table[code]
		case code == len(table) && prev != nil:
			entry = append(append([]byte{}, prev...), prev[0])
		default:
			return nil, fmt.Errorf("bad LZW code %d", code)
		}
		out = append(out, entry...)
		if int64(len(out)) > limit {
			return nil, errTooBig
		}
		if prev != nil && len(table) < 4096 {
			ne := make([]byte, len(prev)+1)
			copy(ne, prev)
			ne[len(prev)] = entry[0]
			table = append(table, ne)
		}
		prev = entry
		n := len(table)
		if early {
			n++
		}
		switch {
		case n > 2047:
			width = 12
		case n > 1023:
			width = 11
		case n > 511:
			width = 10
		}
	}
}

// unpredict undoes a PNG or TIFF predictor (used by cross-reference streams).
func (r *reader) unpredict(b []byte, p dict) ([]byte, error) {
	pred, _ := r.resolveInt(p["Predictor"])
	if pred <= 1 {
		return b, nil
	}
	colors, ok := r.resolveInt(p["Colors"])
	if !ok || colors < 1 {
		colors = 1
	}
	bpc, ok := r.resolveInt(p["BitsPerComponent"])
	if !ok || bpc < 1 {
		bpc = 8
	}
	cols, ok := r.resolveInt(p["Columns"])
	if !ok || cols < 1 {
		cols = 1
	}
	if colors > 32 || bpc > 16 || cols > 1<<20 {
		return nil, fmt.Errorf("predictor parameters out of range")
	}
	bpp := (colors*bpc + 7) / 8
	rowLen := (colors*bpc*cols + 7) / 8
	if pred == 2 {
		if bpc != 8 {
			return nil, fmt.Errorf("TIFF predictor with %d bits per component", bpc)
		}
		out := append([]byte{}, b...)
		for row := 0; row+rowLen <= len(out); row += rowLen {
			for i := bpp; i < rowLen; i++ {
				out[row+i] += out[row+i-bpp]
			}
		}
		return out, nil
	}
	// PNG predictors: each row starts with its filter type byte.
	out := make([]byte, 0, len(b))
	prior := make([]byte, rowLen)
	for pos := 0; pos < len(b); pos += rowLen + 1 {
		if pos+1 > len(b) {
			break
		}
		ft := b[pos]
		end := pos + 1 + rowLen
		if end > len(b) {
			end = len(b)
		}
		row := make([]byte, rowLen)
		copy(row, b[pos+1:end])
		for i := 0; i < rowLen; i++ {
			var left, up, ul byte
			if i >= bpp {
				left = row[i-bpp]
				ul = prior[i-bpp]
			}
			up = prior[i]
			switch ft {
			case 0:
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, ul)
			default:
				return nil, fmt.Errorf("bad PNG filter type %d", ft)
			}
		}
		out = append(out, row...)
		prior = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
