package image

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// PNGHeader is what the IHDR chunk (and a look for tRNS) says about a PNG.
type PNGHeader struct {
	Width, Height int
	BitDepth      int
	ColorType     int
	Interlaced    bool
	// Alpha is true for colour types with an alpha channel and for a tRNS
	// chunk (seen before the first IDAT).
	Alpha bool
}

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// ParsePNGHeader reads the IHDR of a PNG from its first bytes and looks
// for a tRNS chunk before the image data.
func ParsePNGHeader(head []byte) (PNGHeader, error) {
	var h PNGHeader
	if !bytes.HasPrefix(head, pngSig) || len(head) < 33 {
		return h, errors.New("no PNG signature and header")
	}
	if string(head[12:16]) != "IHDR" {
		return h, errors.New("first chunk is not IHDR")
	}
	w := binary.BigEndian.Uint32(head[16:20])
	hh := binary.BigEndian.Uint32(head[20:24])
	if w == 0 || hh == 0 || w > 1<<31-1 || hh > 1<<31-1 {
		return h, fmt.Errorf("invalid size %d×%d", w, hh)
	}
	h.Width, h.Height = int(w), int(hh)
	h.BitDepth = int(head[24])
	h.ColorType = int(head[25])
	h.Interlaced = head[28] == 1
	h.Alpha = h.ColorType == 4 || h.ColorType == 6
	// Walk the chunks in head up to the first IDAT.
	for off := 8; off+8 <= len(head); {
		n := int(binary.BigEndian.Uint32(head[off : off+4]))
		typ := string(head[off+4 : off+8])
		if typ == "IDAT" || typ == "IEND" || n < 0 || n > len(head) {
			break
		}
		if typ == "tRNS" {
			h.Alpha = true
		}
		off += 12 + n
	}
	return h, nil
}

// checkPNG reads a whole PNG stream as image/png's decoder would, without
// unfiltering the rows or allocating the image: every chunk's CRC, the IHDR
// fields, the chunk order, a palette for a paletted image, the image data
// inflated to exactly the length the IHDR implies (every pass of an
// interlaced image) with a valid filter byte on every row, the zlib
// checksum, and IEND. A phone screenshot is checked in about a third of the
// time a decode takes, and without its 12 MB of pixels.
func checkPNG(r io.Reader) error {
	br := chunkBuffers.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() { br.Reset(nil); chunkBuffers.Put(br) }()
	cr := &chunkReader{r: br}
	if _, err := io.ReadFull(cr.r, cr.hdr[:8]); err != nil {
		return err
	}
	if !bytes.Equal(cr.hdr[:8], pngSig) {
		return errors.New("png: invalid format: not a PNG file")
	}
	typ, body, err := cr.small()
	if err != nil {
		return err
	}
	if typ != "IHDR" || len(body) != 13 {
		return errors.New("png: invalid format: first chunk is not a 13-byte IHDR")
	}
	rows, err := pngRows(body)
	if err != nil {
		return err
	}
	paletted := body[9] == 3
	seenPLTE, seenIDAT := false, false
	for {
		n, typ, err := cr.next()
		if err != nil {
			return err
		}
		switch typ {
		case "IDAT":
			if paletted && !seenPLTE {
				return errors.New("png: invalid format: chunk out of order (IDAT before PLTE)")
			}
			if seenIDAT {
				// image/png ignores IDAT chunks after the image data.
				if err := cr.skip(n); err != nil {
					return err
				}
				continue
			}
			seenIDAT = true
			cr.idat(n)
			if err := inflateRows(cr, rows); err != nil {
				return err
			}
			if err := cr.rest(); err != nil {
				return err
			}
			// The reader stopped inside the last IDAT of the run (or
			// just after it); the chunks that follow are read below.
		case "IEND":
			if err := cr.skip(n); err != nil {
				return err
			}
			if !seenIDAT {
				return errors.New("png: invalid format: no image data")
			}
			return nil
		default:
			if typ == "PLTE" {
				if n == 0 || n%3 != 0 || n > 256*3 {
					return errors.New("png: invalid format: bad PLTE length")
				}
				seenPLTE = true
			}
			if err := cr.skip(n); err != nil {
				return err
			}
		}
	}
}

// chunkBuffers are the buffered readers checkPNG reads a file through.
var chunkBuffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// pngRows returns the rows of the image data of an IHDR: for each pass
// (one, or seven when interlaced) the number of rows and the bytes in each,
// filter byte included.
func pngRows(ihdr []byte) ([][2]int64, error) {
	w := int64(binary.BigEndian.Uint32(ihdr[0:4]))
	h := int64(binary.BigEndian.Uint32(ihdr[4:8]))
	depth, ct := ihdr[8], ihdr[9]
	if w == 0 || h == 0 || w > 1<<31-1 || h > 1<<31-1 {
		return nil, fmt.Errorf("png: invalid format: size %d×%d", w, h)
	}
	channels := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
	ok := channels > 0
	switch depth {
	case 1, 2, 4:
		ok = ok && (ct == 0 || ct == 3)
	case 8:
	case 16:
		ok = ok && ct != 3
	default:
		ok = false
	}
	if !ok {
		return nil, fmt.Errorf("png: unsupported feature: bit depth %d, colour type %d", depth, ct)
	}
	if ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1 {
		return nil, errors.New("png: unsupported feature: compression, filter or interlace method")
	}
	bits := int64(depth) * channels
	rowBytes := func(pw int64) int64 { return 1 + (pw*bits+7)/8 }
	if ihdr[12] == 0 {
		return [][2]int64{{h, rowBytes(w)}}, nil
	}
	// Adam7: x0, y0, dx, dy of each pass.
	passes := [7][4]int64{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var rows [][2]int64
	for _, p := range passes {
		pw := (w - p[0] + p[2] - 1) / p[2]
		ph := (h - p[1] + p[3] - 1) / p[3]
		if pw > 0 && ph > 0 {
			rows = append(rows, [2]int64{ph, rowBytes(pw)})
		}
	}
	return rows, nil
}

// inflater is what inflating one image's data needs, kept in a pool: the
// buffered reader under the decompressor and the decompressor, with its
// 32 KB window.
type inflater struct {
	br *bufio.Reader
	fr io.ReadCloser
}

var inflaters = sync.Pool{New: func() any {
	br := bufio.NewReaderSize(nil, 32<<10)
	return &inflater{br: br, fr: flate.NewReader(br)}
}}

// zlibHeader reads the two-byte zlib header (RFC 1950) as compress/zlib
// does: deflate, a window of at most 32 KB, the check bits; a preset
// dictionary is refused unless its checksum is that of no dictionary,
// which is what compress/zlib without a dictionary accepts.
func zlibHeader(r io.Reader) error {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:2]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	if h[0]&0x0f != 8 || h[0]>>4 > 7 || binary.BigEndian.Uint16(h[:2])%31 != 0 {
		return zlib.ErrHeader
	}
	if h[1]&0x20 != 0 {
		if _, err := io.ReadFull(r, h[:4]); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		if binary.BigEndian.Uint32(h[:4]) != 1 {
			return zlib.ErrDictionary
		}
	}
	return nil
}

// rowCounter takes the inflated image data and checks it against rows
// (for each pass, the number of rows and the bytes in each): a filter byte
// of 0 to 4 at the start of every row and no byte over. It keeps the
// Adler-32 of what it was given.
type rowCounter struct {
	rows     [][2]int64
	pass     int
	row, pos int64 // where the next byte falls
	sum      uint32
	err      error
}

func (c *rowCounter) Write(b []byte) (int, error) {
	c.sum = adler32Update(c.sum, b)
	for p := b; len(p) > 0; {
		if c.pass == len(c.rows) {
			c.err = errors.New("png: invalid format: too much pixel data")
			return 0, c.err
		}
		if c.pos == 0 && p[0] > 4 {
			c.err = errors.New("png: invalid format: bad filter type")
			return 0, c.err
		}
		r := c.rows[c.pass]
		take := min(int64(len(p)), r[1]-c.pos)
		p, c.pos = p[take:], c.pos+take
		if c.pos == r[1] {
			c.pos, c.row = 0, c.row+1
			if c.row == r[0] {
				c.pass, c.row = c.pass+1, 0
			}
		}
	}
	return len(b), nil
}

// inflateRows inflates the image data and checks it against rows: a filter
// byte of 0 to 4 at the start of every row, no byte short, none over, and
// the zlib checksum at the end.
//
// It reads the zlib stream as compress/zlib does and refuses what it
// refuses (FuzzCheckPNG compares them on damaged image data), with
// klauspost/compress's inflate, which hands its window straight to the
// row counter, and the Adler-32 of adler.go: together about 1.5 times as
// fast. A screenshot's image data inflate to 9 MB, and proving it
// readable was most of the CPU time of a build.
func inflateRows(r io.Reader, rows [][2]int64) error {
	z := inflaters.Get().(*inflater)
	defer inflaters.Put(z)
	z.br.Reset(r)
	defer z.br.Reset(nil)
	if err := zlibHeader(z.br); err != nil {
		return fmt.Errorf("png: image data: %w", err)
	}
	if err := z.fr.(flate.Resetter).Reset(z.br, nil); err != nil {
		return fmt.Errorf("png: image data: %w", err)
	}
	c := &rowCounter{rows: rows, sum: 1}
	_, err := z.fr.(io.WriterTo).WriteTo(c)
	if c.err != nil {
		// The data were wrong before the stream ended.
		return c.err
	}
	if err == nil {
		// The end of the deflate stream: the checksum follows.
		var sum [4]byte
		if _, err = io.ReadFull(z.br, sum[:]); err == io.EOF {
			err = io.ErrUnexpectedEOF
		} else if err == nil && binary.BigEndian.Uint32(sum[:]) != c.sum {
			err = zlib.ErrChecksum
		}
	}
	if err != nil {
		return fmt.Errorf("png: image data: %w", err)
	}
	if c.pass != len(rows) {
		return errors.New("png: image data ends early: not enough pixel data")
	}
	return nil
}

// chunkReader reads PNG chunks, checking each CRC. While it is inside a run
// of IDAT chunks it reads as one stream of their data.
type chunkReader struct {
	r   *bufio.Reader
	hdr [12]byte
	crc hash.Hash32
	// left is what remains of the current IDAT chunk's data; inIDAT is
	// true while Read serves IDAT data.
	left   uint32
	inIDAT bool
	// pendingN and pendingTyp are the header of the chunk after the IDAT
	// run, read by Read and returned by next.
	pendingN   uint32
	pendingTyp string
	// err is the first error of Read; it sticks.
	err error
}

const maxSmallChunk = 1 << 20

// next reads the next chunk header and returns its length and type; the
// CRC of the type is started.
func (c *chunkReader) next() (uint32, string, error) {
	if c.pendingTyp != "" {
		n, typ := c.pendingN, c.pendingTyp
		c.pendingTyp = ""
		return n, typ, nil
	}
	if _, err := io.ReadFull(c.r, c.hdr[:8]); err != nil {
		if err == io.EOF {
			return 0, "", errors.New("png: no IEND chunk: the file is truncated")
		}
		return 0, "", err
	}
	n := binary.BigEndian.Uint32(c.hdr[:4])
	if n > 1<<31-1 {
		return 0, "", errors.New("png: invalid format: chunk length overflow")
	}
	c.crc = crc32.NewIEEE()
	c.crc.Write(c.hdr[4:8])
	return n, string(c.hdr[4:8]), nil
}

// small reads a whole chunk of at most maxSmallChunk bytes.
func (c *chunkReader) small() (string, []byte, error) {
	n, typ, err := c.next()
	if err != nil {
		return "", nil, err
	}
	if n > maxSmallChunk {
		return "", nil, fmt.Errorf("png: invalid format: %s chunk of %d bytes", typ, n)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return "", nil, err
	}
	c.crc.Write(body)
	return typ, body, c.checkCRC(typ)
}

// skip reads the rest of a chunk of n bytes whose header next returned.
func (c *chunkReader) skip(n uint32) error {
	if _, err := io.CopyN(c.crc, c.r, int64(n)); err != nil {
		return err
	}
	return c.checkCRC(string(c.hdr[4:8]))
}

func (c *chunkReader) checkCRC(typ string) error {
	if _, err := io.ReadFull(c.r, c.hdr[8:12]); err != nil {
		return err
	}
	if binary.BigEndian.Uint32(c.hdr[8:12]) != c.crc.Sum32() {
		return fmt.Errorf("png: invalid format: bad CRC in %s chunk", typ)
	}
	return nil
}

// idat starts serving the data of an IDAT chunk of n bytes.
func (c *chunkReader) idat(n uint32) { c.left, c.inIDAT = n, true }

// Read serves the data of consecutive IDAT chunks as one stream.
func (c *chunkReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if !c.inIDAT {
		return 0, io.EOF
	}
	for c.left == 0 {
		if err := c.checkCRC("IDAT"); err != nil {
			c.err = err
			return 0, err
		}
		n, typ, err := c.next()
		if err != nil {
			c.err = err
			return 0, err
		}
		if typ != "IDAT" {
			c.inIDAT = false
			c.pendingN, c.pendingTyp = n, typ
			return 0, io.EOF
		}
		c.left = n
	}
	if uint32(len(p)) > c.left {
		p = p[:c.left]
	}
	k, err := c.r.Read(p)
	c.crc.Write(p[:k])
	c.left -= uint32(k)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		c.err = err
	}
	return k, err
}

// rest finishes the IDAT run after the image data was inflated: the rest of
// the current chunk (zero padding some encoders leave) and any further
// IDAT chunks are read and CRC-checked.
func (c *chunkReader) rest() error {
	if !c.inIDAT {
		return nil
	}
	if _, err := io.Copy(io.Discard, c); err != nil {
		return err
	}
	return nil
}
