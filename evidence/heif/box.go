package heif

import (
	"encoding/binary"
	"fmt"
)

// box is one ISO BMFF box found inside a buffer: its type and its payload
// (the bytes after the header).
type box struct {
	typ  string
	body []byte
	// off is the offset of the box's header in the buffer it was found in.
	off int
}

// boxes splits buf into the boxes it holds, back to back, up to its end.
// Every box must fit inside buf: a size that runs past the end, or that is
// smaller than its own header, is an error. walker counts every box seen so
// that a file cannot make the parser visit more than Limits.MaxBoxes.
func (w *walker) boxes(buf []byte) ([]box, error) {
	var out []box
	for off := 0; off < len(buf); {
		if err := w.count(); err != nil {
			return nil, err
		}
		hdr, size, typ, err := boxHeader(buf[off:], uint64(len(buf)-off))
		if err != nil {
			return nil, err
		}
		out = append(out, box{typ: typ, body: buf[off+hdr : off+int(size)], off: off})
		off += int(size)
	}
	return out, nil
}

// boxHeader reads a box header from b, where remaining is how many bytes
// the enclosing container still holds from the start of b (b may be only
// the first bytes of them). It returns the header length and the whole
// box's size, which is checked to be at least the header and at most
// remaining.
func boxHeader(b []byte, remaining uint64) (hdr int, size uint64, typ string, err error) {
	if len(b) < 8 || remaining < 8 {
		return 0, 0, "", fmt.Errorf("%w: %d bytes left, too few for a box header", ErrCorrupt, min(uint64(len(b)), remaining))
	}
	size = uint64(binary.BigEndian.Uint32(b))
	typ = fourCC(b[4:8])
	hdr = 8
	switch size {
	case 0: // to the end of the container
		size = remaining
	case 1:
		if len(b) < 16 || remaining < 16 {
			return 0, 0, "", fmt.Errorf("%w: box %q has a 64-bit size cut short", ErrCorrupt, typ)
		}
		size = binary.BigEndian.Uint64(b[8:16])
		hdr = 16
	}
	if typ == "uuid" {
		hdr += 16
	}
	if size < uint64(hdr) {
		return 0, 0, "", fmt.Errorf("%w: box %q claims %d bytes, less than its own header", ErrCorrupt, typ, size)
	}
	if size > remaining {
		return 0, 0, "", fmt.Errorf("%w: box %q claims %d bytes but only %d remain", ErrCorrupt, typ, size, remaining)
	}
	return hdr, size, typ, nil
}

// fourCC renders a box or item type. Bytes outside printable ASCII are
// shown as '?' so that a hostile type cannot put control characters into a
// message.
func fourCC(b []byte) string {
	var s [4]byte
	for i := range s {
		c := b[i]
		if c < 0x20 || c > 0x7e {
			c = '?'
		}
		s[i] = c
	}
	return string(s[:])
}

// reader reads big-endian fields from a box body and remembers the first
// short read: every getter returns zero once the body is exhausted, and err
// says so. Callers check err once after a group of reads.
type reader struct {
	b   []byte
	off int
	err error
	// what names the box, for the error message.
	what string
}

func newReader(what string, b []byte) *reader { return &reader{b: b, what: what} }

func (r *reader) need(n int) bool {
	if r.err != nil {
		return false
	}
	if n < 0 || len(r.b)-r.off < n {
		r.err = fmt.Errorf("%w: box %q ends early (needs %d more bytes at %d of %d)", ErrCorrupt, r.what, n, r.off, len(r.b))
		return false
	}
	return true
}

func (r *reader) u8() uint8 {
	if !r.need(1) {
		return 0
	}
	v := r.b[r.off]
	r.off++
	return v
}

func (r *reader) u16() uint16 {
	if !r.need(2) {
		return 0
	}
	v := binary.BigEndian.Uint16(r.b[r.off:])
	r.off += 2
	return v
}

func (r *reader) u32() uint32 {
	if !r.need(4) {
		return 0
	}
	v := binary.BigEndian.Uint32(r.b[r.off:])
	r.off += 4
	return v
}

func (r *reader) u64() uint64 {
	if !r.need(8) {
		return 0
	}
	v := binary.BigEndian.Uint64(r.b[r.off:])
	r.off += 8
	return v
}

// uN reads an unsigned integer of n bytes, n being 0, 2, 4 or 8 (iloc's
// field sizes; ipma and iref use 2 or 4).
func (r *reader) uN(n int) uint64 {
	switch n {
	case 0:
		return 0
	case 2:
		return uint64(r.u16())
	case 4:
		return uint64(r.u32())
	case 8:
		return r.u64()
	}
	if r.err == nil {
		r.err = fmt.Errorf("%w: box %q uses a %d-byte field", ErrCorrupt, r.what, n)
	}
	return 0
}

func (r *reader) bytes(n int) []byte {
	if !r.need(n) {
		return nil
	}
	v := r.b[r.off : r.off+n]
	r.off += n
	return v
}

// cstring reads a NUL-terminated string; a string running to the end of
// the box without a NUL is accepted (some writers omit the last one).
func (r *reader) cstring() string {
	if r.err != nil {
		return ""
	}
	rest := r.b[r.off:]
	for i, c := range rest {
		if c == 0 {
			r.off += i + 1
			return string(rest[:i])
		}
	}
	r.off = len(r.b)
	return string(rest)
}

// fullBox reads the version and flags of a FullBox.
func (r *reader) fullBox() (version uint8, flags uint32) {
	v := r.u32()
	return uint8(v >> 24), v & 0xffffff
}

func (r *reader) rest() []byte {
	if r.err != nil {
		return nil
	}
	v := r.b[r.off:]
	r.off = len(r.b)
	return v
}
