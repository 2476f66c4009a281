package gofpdf

// casebundle patch: work that depends only on a UTF-8 font's bytes (and on
// the runes a document used) is done once per process instead of once per
// document. casebundle draws every dossier volume two to four times (a
// measuring pass, a first and a final pass) and a batch builds many cases
// in one process; parsing the 3.9 MB CJK font and cutting its subset were
// most of the fixed cost of a case. The cached values are exactly what the
// uncached code computes, so the output bytes do not change.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"sort"
	"sync"
)

// fontBytesKey names a font by the bytes it was parsed from: the same
// slice (an embedded font) is the same font. gofpdf already keeps and
// reads those bytes until the document is written, so they must not change.
type fontBytesKey struct {
	first *byte
	n     int
}

func keyOf(b []byte) fontBytesKey {
	if len(b) == 0 {
		return fontBytesKey{}
	}
	return fontBytesKey{&b[0], len(b)}
}

// parsedFontKey is a parsed font under one family and style name (the
// name is part of the font definition and of its ID).
type parsedFontKey struct {
	font fontBytesKey
	name string
}

var parsedFonts sync.Map // parsedFontKey → fontDefType, utf8File as parseFile left it

// cachedUTF8Font returns the definition of the UTF-8 font in utf8Bytes
// under fontkey, parsing it the first time, with a utf8File of its own:
// GenerateCutFont replaces (never changes in place) the maps and slices it
// shares with the cached copy, and Cw is only read.
func cachedUTF8Font(fontkey string, utf8Bytes []byte, parse func() (fontDefType, error)) (fontDefType, error) {
	k := parsedFontKey{keyOf(utf8Bytes), fontkey}
	if v, ok := parsedFonts.Load(k); ok {
		def := v.(fontDefType)
		file := *def.utf8File
		file.fileReader = &fileReader{array: def.utf8File.fileReader.array}
		def.utf8File = &file
		return def, nil
	}
	def, err := parse()
	if err != nil {
		return def, err
	}
	kept := def
	file := *def.utf8File
	file.fileReader = &fileReader{array: def.utf8File.fileReader.array}
	kept.utf8File = &file
	kept.usedRunes = nil
	parsedFonts.Store(k, kept)
	return def, nil
}

// cutFont is the subset of a font for one set of runes, as putfonts
// writes it.
type cutFont struct {
	size       int         // uncompressed length of the subset
	compressed []byte      // the subset, compressed
	codes      map[int]int // CodeSymbolDictionary without 0; only read
	lastRune   int
	cidToGid   []byte // compressed CIDToGIDMap

	widthsOnce sync.Once
	widths     string // the /W array, made by the first document that asks
}

// widthsOf is the /W array of the subset: it depends on the font's widths
// and on the runes used, which are both the key of the subset.
func (c *cutFont) widthsOf(font *fontDefType) string {
	c.widthsOnce.Do(func() { c.widths = cidFontWidths(font, c.lastRune) })
	return c.widths
}

type cutKey struct {
	font  fontBytesKey
	runes string // the sorted distinct runes, 4 bytes each
}

// cutFonts keeps the last subsets made; a document's passes use the same
// runes. It is emptied when full (each entry is a few hundred kilobytes).
var (
	cutMu    sync.Mutex
	cutFonts = map[cutKey]*cutFont{}
)

const maxCutFonts = 8

// cutUTF8Font returns the subset of font for usedRunes (the values of the
// map, as GenerateCutFont reads them), making it the first time.
func cutUTF8Font(font *fontDefType, usedRunes map[int]int) *cutFont {
	runes := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		runes = append(runes, r)
	}
	sort.Ints(runes)
	var kb []byte
	for i, r := range runes {
		if i > 0 && r == runes[i-1] {
			continue
		}
		kb = binary.BigEndian.AppendUint32(kb, uint32(r))
	}
	k := cutKey{keyOf(font.utf8File.fileReader.array), string(kb)}
	cutMu.Lock()
	c, ok := cutFonts[k]
	cutMu.Unlock()
	if ok {
		return c
	}
	stream := font.utf8File.GenerateCutFont(usedRunes)
	codes := font.utf8File.CodeSymbolDictionary
	delete(codes, 0)
	cidToGid := make([]byte, 256*256*2)
	for cc, glyph := range codes {
		cidToGid[cc*2] = byte(glyph >> 8)
		cidToGid[cc*2+1] = byte(glyph & 0xFF)
	}
	c = &cutFont{
		size:       len(stream),
		compressed: sliceCompress(stream),
		codes:      codes,
		lastRune:   font.utf8File.LastRune,
		cidToGid:   sliceCompress(cidToGid),
	}
	cutMu.Lock()
	if len(cutFonts) >= maxCutFonts {
		cutFonts = map[cutKey]*cutFont{}
	}
	cutFonts[k] = c
	cutMu.Unlock()
	return c
}

// compressors are zlib writers at BestSpeed, reset for every stream: a
// new one costs about 1.2 MB, and every page of every pass compresses its
// content stream. A reset writer writes the same bytes as a new one.
var compressors = sync.Pool{New: func() interface{} {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

func compressTo(buf *bytes.Buffer, data []byte) {
	w := compressors.Get().(*zlib.Writer)
	w.Reset(buf)
	w.Write(data)
	w.Close()
	w.Reset(nil)
	compressors.Put(w)
}

// outBuffer is the document's output. While Output runs, sink is set and
// the output goes through to it in blocks of outBlock bytes; Len counts
// what was written through, so the object offsets stay right.
type outBuffer struct {
	fmtBuffer
	sink    io.Writer
	flushed int   // bytes written to sink
	err     error // the first error of sink; what follows is dropped
}

const outBlock = 1 << 20

func (b *outBuffer) Len() int { return b.flushed + b.fmtBuffer.Len() }

// spill writes the buffer through once it holds a block, or at once when
// force is set.
func (b *outBuffer) spill(force bool) {
	if b.sink == nil || (!force && b.fmtBuffer.Len() < outBlock) {
		return
	}
	n := b.fmtBuffer.Len()
	if b.err == nil {
		_, b.err = b.fmtBuffer.WriteTo(b.sink)
	}
	b.fmtBuffer.Reset()
	b.flushed += n
}

func (b *outBuffer) Write(p []byte) (int, error) {
	if b.sink != nil && len(p) >= outBlock {
		// A large stream (an image) goes through without a copy.
		b.spill(true)
		if b.err == nil {
			_, b.err = b.sink.Write(p)
		}
		b.flushed += len(p)
		return len(p), nil
	}
	b.fmtBuffer.Write(p)
	b.spill(false)
	return len(p), nil
}

func (b *outBuffer) WriteString(s string) (int, error) {
	b.fmtBuffer.WriteString(s)
	b.spill(false)
	return len(s), nil
}

func (b *outBuffer) ReadFrom(r io.Reader) (int64, error) {
	n, err := b.fmtBuffer.ReadFrom(r)
	b.spill(false)
	return n, err
}

// Grow makes room for n more bytes, unless the output goes through.
func (b *outBuffer) Grow(n int) {
	if b.sink == nil {
		b.fmtBuffer.Grow(n)
	}
}

func (b *outBuffer) printf(fmtStr string, args ...interface{}) {
	b.fmtBuffer.printf(fmtStr, args...)
	b.spill(false)
}
