package heif

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Errors Probe and Decode wrap; test with errors.Is.
var (
	// ErrNotHEIF: no ftyp box with a HEIF or AVIF brand, or no picture
	// meta box.
	ErrNotHEIF = errors.New("heif: not a HEIF/HEIC/AVIF image")
	// ErrCorrupt: a size, count, offset or reference in the file is
	// impossible (runs past its box or the file, points at nothing, loops,
	// disagrees with another field).
	ErrCorrupt = errors.New("heif: corrupt file")
	// ErrTooLarge: the file is well formed but asks for more than Limits
	// allow (pixels, boxes, items, metadata bytes).
	ErrTooLarge = errors.New("heif: over the limits")
	// ErrUnsupported: Decode cannot decode this primary image (AV1 and
	// other codecs than HEVC, overlays).
	ErrUnsupported = errors.New("heif: primary image not decodable")
)

// SizeError is the ErrTooLarge of a picture over Limits.MaxPixels: it
// keeps the claimed size so that a caller can name it.
type SizeError struct {
	Item          uint32
	Width, Height int64
	Limit         int64
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("heif: item %d claims %d×%d pixels, over the limit of %d", e.Item, e.Width, e.Height, e.Limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

// Limits bound what Probe reads and what Decode decodes.
type Limits struct {
	// MaxPixels is the largest primary image (width × height of the
	// output, for a grid the whole picture) that Decode decodes, and the
	// largest a single coded picture (a grid tile) may be.
	MaxPixels int64
	// MaxMetaBytes is the largest meta box Probe reads into memory.
	MaxMetaBytes int64
	// MaxExifBytes is the largest Exif item Probe copies out.
	MaxExifBytes int64
	// MaxBoxes is how many boxes Probe walks in all (top level and inside
	// meta) before it gives up.
	MaxBoxes int
	// MaxItems is the largest item count iinf and iloc may declare.
	MaxItems int
}

// DefaultLimits match the evidence reader's image limit (50 megapixels).
// An iPhone photo has about 50 items and a 3 KB meta box; a burst or a
// 48-megapixel ProRAW-sized HEIC a few hundred items.
var DefaultLimits = Limits{
	MaxPixels:    50_000_000,
	MaxMetaBytes: 4 << 20,
	MaxExifBytes: 4 << 20,
	MaxBoxes:     100_000,
	MaxItems:     10_000,
}

// fill replaces zero fields with the defaults.
func (l Limits) fill() Limits {
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultLimits.MaxPixels
	}
	if l.MaxMetaBytes <= 0 {
		l.MaxMetaBytes = DefaultLimits.MaxMetaBytes
	}
	if l.MaxExifBytes <= 0 {
		l.MaxExifBytes = DefaultLimits.MaxExifBytes
	}
	if l.MaxBoxes <= 0 {
		l.MaxBoxes = DefaultLimits.MaxBoxes
	}
	if l.MaxItems <= 0 {
		l.MaxItems = DefaultLimits.MaxItems
	}
	return l
}

// Info is what Probe reads from a HEIF file without decoding any picture.
type Info struct {
	// Brand is the major brand of ftyp ("heic", "heix", "mif1", "msf1",
	// "avif", ...); Compatible lists the compatible brands in file order.
	Brand      string
	Compatible []string
	// PrimaryID is the item ID pitm names; PrimaryType its item type
	// ("hvc1", "av01", "grid", "iden", "iovl").
	PrimaryID   uint32
	PrimaryType string
	// Items counts the top-level images the file holds: images that are
	// not hidden, not a thumbnail, not an auxiliary image (alpha, depth)
	// and not a tile or input of another image. 1 for a plain photo, more
	// for a burst or a multi-image HEIC; the primary is one of them.
	Items int
	// Width and Height are the primary image's size as stored (ispe; for
	// a grid the grid's output size), before rotation or mirroring.
	Width, Height int
	// Tiles is rows × columns for a grid primary, else 0.
	Tiles int
	// Rotation is irot in degrees anticlockwise (0, 90, 180, 270) and
	// Mirror is imir: 0 none, 1 left and right exchanged (imir mode 1),
	// 2 top and bottom exchanged (imir mode 0).
	Rotation int
	Mirror   int
	// Orientation is the EXIF-style orientation (1-8) that irot and imir
	// together amount to, in the order the file lists them. HEIF's
	// transforms are part of the picture: Decode has already applied
	// them, and the EXIF Orientation tag must not be applied again.
	Orientation int
	// BitDepth is from pixi (else the HEVC sequence parameter set), 0 if
	// unknown.
	BitDepth int
	// HasAlpha is true when an auxiliary alpha image belongs to the
	// primary image.
	HasAlpha bool
	// Exif is the Exif item of the primary image from its TIFF header on
	// ("II*\x00" or "MM\x00*"), nil when there is none. It is what the
	// evidence package's EXIF reader takes.
	Exif []byte
	// Warnings are problems that do not stop the picture being shown (an
	// Exif item that cannot be located), in the order found.
	Warnings []string

	// codedPixels is the most pixels any one HEVC picture of the primary
	// image codes (a tile for a grid), from its sequence parameter set.
	codedPixels int64
	// codec is the coding of the primary's pictures: "hvc1" or "av01".
	codec string
	// grid is the layout of a grid primary, for decoding it tile by tile
	// (tiles.go); nil for any other primary.
	grid *gridPlan
}

// DisplayWidth and DisplayHeight are the size of the picture Decode
// returns: Width and Height swapped when the rotation is 90 or 270.
func (in *Info) DisplayWidth() int {
	if in.Rotation == 90 || in.Rotation == 270 {
		return in.Height
	}
	return in.Width
}

// DisplayHeight: see DisplayWidth.
func (in *Info) DisplayHeight() int {
	if in.Rotation == 90 || in.Rotation == 270 {
		return in.Width
	}
	return in.Height
}

// heifBrands are the ftyp brands Probe accepts (major or compatible).
var heifBrands = []string{"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis", "mif2"}

// ProbeBytes is Probe over a byte slice.
func ProbeBytes(data []byte, lim Limits) (*Info, error) {
	return Probe(bytes.NewReader(data), int64(len(data)), lim)
}

// Probe reads the structure of a HEIF file of size bytes from r: the
// brands, the primary image's size, transforms and alpha, how many images
// the file holds, and the primary's Exif. It reads the top-level box
// headers, the meta box (at most lim.MaxMetaBytes) and the Exif and grid
// items, never the coded pictures. Every size and offset is checked
// against its container and the file before anything is allocated; a
// primary larger than lim.MaxPixels is refused with ErrTooLarge.
func Probe(r io.ReaderAt, size int64, lim Limits) (*Info, error) {
	lim = lim.fill()
	w := &walker{r: r, size: size, lim: lim}
	if err := w.top(); err != nil {
		return nil, err
	}
	if err := w.meta(); err != nil {
		return nil, err
	}
	return w.info()
}

// walker holds the state of one Probe.
type walker struct {
	r    io.ReaderAt
	size int64
	lim  Limits
	nbox int
	res  Info

	metaBody []byte
	idat     []byte
	items    map[uint32]*item
	order    []uint32 // item IDs in iinf order
	props    []box    // ipco children, index 0 = property 1
	refs     []ref
	hasPitm  bool
}

type item struct {
	id     uint32
	typ    string
	hidden bool
	// from iloc
	located   bool
	method    int
	baseOff   uint64
	extents   []extent
	propIndex []int // 1-based ipco indices, in ipma order
}

type extent struct{ off, len uint64 }

type ref struct {
	typ  string
	from uint32
	to   []uint32
}

func (w *walker) count() error {
	w.nbox++
	if w.nbox > w.lim.MaxBoxes {
		return fmt.Errorf("%w: more than %d boxes", ErrTooLarge, w.lim.MaxBoxes)
	}
	return nil
}

func (w *walker) readAt(off, n int64) ([]byte, error) {
	if off < 0 || n < 0 || off > w.size || n > w.size-off {
		return nil, fmt.Errorf("%w: %d bytes at %d run past the end of the %d-byte file", ErrCorrupt, n, off, w.size)
	}
	b := make([]byte, n)
	if _, err := w.r.ReadAt(b, off); err != nil && !(errors.Is(err, io.EOF) && n == 0) {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: file ends before %d bytes at %d", ErrCorrupt, n, off)
		}
		return nil, err
	}
	return b, nil
}

// top walks the top-level boxes: ftyp must come first; meta is read whole.
func (w *walker) top() error {
	var sawMeta bool
	for off := int64(0); off < w.size; {
		if err := w.count(); err != nil {
			return err
		}
		hn := min(int64(32), w.size-off)
		head, err := w.readAt(off, hn)
		if err != nil {
			return err
		}
		hdr, bsize, typ, err := boxHeader(head, uint64(w.size-off))
		if err != nil {
			if off == 0 {
				return fmt.Errorf("%w: %v", ErrNotHEIF, err)
			}
			return err
		}
		switch {
		case off == 0 && typ != "ftyp":
			return fmt.Errorf("%w: first box is %q, not ftyp", ErrNotHEIF, typ)
		case typ == "ftyp":
			if off != 0 {
				return fmt.Errorf("%w: second ftyp box", ErrCorrupt)
			}
			if bsize > 4096 {
				return fmt.Errorf("%w: ftyp of %d bytes", ErrCorrupt, bsize)
			}
			b, err := w.readAt(off+int64(hdr), int64(bsize)-int64(hdr))
			if err != nil {
				return err
			}
			if err := w.ftyp(b); err != nil {
				return err
			}
		case typ == "meta":
			if sawMeta {
				return fmt.Errorf("%w: two top-level meta boxes", ErrCorrupt)
			}
			sawMeta = true
			if int64(bsize) > w.lim.MaxMetaBytes {
				return fmt.Errorf("%w: meta box of %d bytes (limit %d)", ErrTooLarge, bsize, w.lim.MaxMetaBytes)
			}
			b, err := w.readAt(off+int64(hdr), int64(bsize)-int64(hdr))
			if err != nil {
				return err
			}
			w.metaBody = b
		}
		off += int64(bsize)
	}
	if w.res.Brand == "" {
		return fmt.Errorf("%w: no ftyp box", ErrNotHEIF)
	}
	if !sawMeta {
		return fmt.Errorf("%w: no meta box", ErrNotHEIF)
	}
	return nil
}

func (w *walker) ftyp(b []byte) error {
	if len(b) < 8 || len(b)%4 != 0 {
		return fmt.Errorf("%w: ftyp of %d bytes", ErrNotHEIF, len(b))
	}
	in := &w.res
	in.Brand = fourCC(b[0:4])
	ok := slices.Contains(heifBrands, in.Brand)
	for i := 8; i+4 <= len(b); i += 4 {
		c := fourCC(b[i : i+4])
		in.Compatible = append(in.Compatible, c)
		ok = ok || slices.Contains(heifBrands, c)
	}
	if !ok {
		return fmt.Errorf("%w: brand %q, compatible %v", ErrNotHEIF, in.Brand, in.Compatible)
	}
	return nil
}

// meta reads the children of the meta box.
func (w *walker) meta() error {
	r := newReader("meta", w.metaBody)
	r.fullBox()
	body := r.rest()
	if r.err != nil {
		return r.err
	}
	kids, err := w.boxes(body)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, k := range kids {
		switch k.typ {
		case "hdlr", "pitm", "iinf", "iloc", "iprp", "iref", "idat":
			if seen[k.typ] {
				return fmt.Errorf("%w: two %s boxes in meta", ErrCorrupt, k.typ)
			}
			seen[k.typ] = true
		}
	}
	// hdlr first: a meta box of another handler is not a picture.
	var handler string
	for _, k := range kids {
		if k.typ == "hdlr" {
			r := newReader("hdlr", k.body)
			r.fullBox()
			r.u32() // pre_defined
			h := r.bytes(4)
			if r.err != nil {
				return r.err
			}
			handler = fourCC(h)
		}
	}
	if handler != "pict" {
		return fmt.Errorf("%w: meta handler is %q, not pict", ErrNotHEIF, handler)
	}
	w.items = map[uint32]*item{}
	// iinf before iloc and iprp, which refer to its items.
	for _, name := range []string{"idat", "pitm", "iinf", "iloc", "iref", "iprp"} {
		for _, k := range kids {
			if k.typ != name {
				continue
			}
			var err error
			switch name {
			case "idat":
				w.idat = k.body
			case "pitm":
				err = w.pitm(k.body)
			case "iinf":
				err = w.iinf(k.body)
			case "iloc":
				err = w.iloc(k.body)
			case "iref":
				err = w.iref(k.body)
			case "iprp":
				err = w.iprp(k.body)
			}
			if err != nil {
				return err
			}
		}
	}
	if !w.hasPitm {
		return fmt.Errorf("%w: no primary item (pitm)", ErrCorrupt)
	}
	return nil
}

func (w *walker) pitm(b []byte) error {
	r := newReader("pitm", b)
	v, _ := r.fullBox()
	if v == 0 {
		w.res.PrimaryID = uint32(r.u16())
	} else {
		w.res.PrimaryID = r.u32()
	}
	w.hasPitm = r.err == nil
	return r.err
}

func (w *walker) iinf(b []byte) error {
	r := newReader("iinf", b)
	v, _ := r.fullBox()
	var n uint32
	if v == 0 {
		n = uint32(r.u16())
	} else {
		n = r.u32()
	}
	body := r.rest()
	if r.err != nil {
		return r.err
	}
	if int64(n) > int64(w.lim.MaxItems) {
		return fmt.Errorf("%w: iinf declares %d items (limit %d)", ErrTooLarge, n, w.lim.MaxItems)
	}
	kids, err := w.boxes(body)
	if err != nil {
		return err
	}
	if len(kids) != int(n) {
		return fmt.Errorf("%w: iinf declares %d items but holds %d boxes", ErrCorrupt, n, len(kids))
	}
	for _, k := range kids {
		if k.typ != "infe" {
			return fmt.Errorf("%w: %q box inside iinf", ErrCorrupt, k.typ)
		}
		r := newReader("infe", k.body)
		v, flags := r.fullBox()
		if v < 2 {
			// Versions 0 and 1 carry no item type (MPEG-21 style); such an
			// item is no picture and no Exif, so it is skipped.
			continue
		}
		it := &item{hidden: flags&1 == 1}
		if v == 2 {
			it.id = uint32(r.u16())
		} else {
			it.id = r.u32()
		}
		r.u16() // item_protection_index
		t := r.bytes(4)
		if r.err != nil {
			return r.err
		}
		it.typ = fourCC(t)
		if _, dup := w.items[it.id]; dup {
			return fmt.Errorf("%w: item %d described twice", ErrCorrupt, it.id)
		}
		w.items[it.id] = it
		w.order = append(w.order, it.id)
	}
	return nil
}

func (w *walker) iloc(b []byte) error {
	r := newReader("iloc", b)
	v, _ := r.fullBox()
	if v > 2 {
		return fmt.Errorf("%w: iloc version %d", ErrCorrupt, v)
	}
	s := r.u8()
	offSize, lenSize := int(s>>4), int(s&15)
	s = r.u8()
	baseSize, idxSize := int(s>>4), 0
	if v >= 1 {
		idxSize = int(s & 15)
	}
	var n uint32
	if v < 2 {
		n = uint32(r.u16())
	} else {
		n = r.u32()
	}
	if r.err != nil {
		return r.err
	}
	for _, sz := range []int{offSize, lenSize, baseSize, idxSize} {
		if sz != 0 && sz != 4 && sz != 8 {
			return fmt.Errorf("%w: iloc field size %d", ErrCorrupt, sz)
		}
	}
	if int64(n) > int64(w.lim.MaxItems) {
		return fmt.Errorf("%w: iloc lists %d items (limit %d)", ErrTooLarge, n, w.lim.MaxItems)
	}
	seen := map[uint32]bool{}
	for i := uint32(0); i < n; i++ {
		var id uint32
		if v < 2 {
			id = uint32(r.u16())
		} else {
			id = r.u32()
		}
		method := 0
		if v >= 1 {
			method = int(r.u16() & 15)
		}
		r.u16() // data_reference_index
		base := r.uN(baseSize)
		ne := int(r.u16())
		if r.err != nil {
			return r.err
		}
		// Each extent takes at least offSize+lenSize+idxSize bytes; with
		// all three zero it takes none, so bound the count directly.
		per := offSize + lenSize + idxSize
		if (per > 0 && ne*per > len(r.b)-r.off) || (per == 0 && ne > 1) {
			return fmt.Errorf("%w: iloc item %d claims %d extents, more than the box holds", ErrCorrupt, id, ne)
		}
		if seen[id] {
			return fmt.Errorf("%w: item %d located twice", ErrCorrupt, id)
		}
		seen[id] = true
		exts := make([]extent, 0, ne)
		for j := 0; j < ne; j++ {
			r.uN(idxSize)
			exts = append(exts, extent{off: r.uN(offSize), len: r.uN(lenSize)})
		}
		if r.err != nil {
			return r.err
		}
		it := w.items[id]
		if it == nil {
			continue // located but not described: ignored, as readers do
		}
		it.located, it.method, it.baseOff, it.extents = true, method, base, exts
	}
	return nil
}

func (w *walker) iref(b []byte) error {
	r := newReader("iref", b)
	v, _ := r.fullBox()
	body := r.rest()
	if r.err != nil {
		return r.err
	}
	idSize := 2
	if v != 0 {
		idSize = 4
	}
	kids, err := w.boxes(body)
	if err != nil {
		return err
	}
	for _, k := range kids {
		r := newReader(k.typ, k.body)
		from := uint32(r.uN(idSize))
		n := int(r.u16())
		if r.err != nil {
			return r.err
		}
		if n*idSize > len(k.body)-r.off {
			return fmt.Errorf("%w: %s reference from item %d claims %d targets, more than its box holds", ErrCorrupt, k.typ, from, n)
		}
		rf := ref{typ: k.typ, from: from, to: make([]uint32, 0, n)}
		for i := 0; i < n; i++ {
			rf.to = append(rf.to, uint32(r.uN(idSize)))
		}
		if r.err != nil {
			return r.err
		}
		w.refs = append(w.refs, rf)
	}
	return nil
}

func (w *walker) iprp(b []byte) error {
	kids, err := w.boxes(b)
	if err != nil {
		return err
	}
	var ipmas [][]byte
	for _, k := range kids {
		switch k.typ {
		case "ipco":
			if w.props != nil {
				return fmt.Errorf("%w: two ipco boxes", ErrCorrupt)
			}
			if w.props, err = w.boxes(k.body); err != nil {
				return err
			}
			if w.props == nil {
				w.props = []box{}
			}
		case "ipma":
			ipmas = append(ipmas, k.body)
		}
	}
	seen := map[uint32]bool{}
	for _, b := range ipmas {
		r := newReader("ipma", b)
		v, flags := r.fullBox()
		n := r.u32()
		if r.err != nil {
			return r.err
		}
		idSize := 2
		if v >= 1 {
			idSize = 4
		}
		if int64(n)*int64(idSize+1) > int64(len(b)) {
			return fmt.Errorf("%w: ipma claims %d entries, more than its box holds", ErrCorrupt, n)
		}
		for i := uint32(0); i < n; i++ {
			id := uint32(r.uN(idSize))
			na := int(r.u8())
			if r.err != nil {
				return r.err
			}
			if seen[id] {
				return fmt.Errorf("%w: properties of item %d associated twice", ErrCorrupt, id)
			}
			seen[id] = true
			var idx []int
			for j := 0; j < na; j++ {
				var p int
				if flags&1 == 1 {
					p = int(r.u16() & 0x7fff)
				} else {
					p = int(r.u8() & 0x7f)
				}
				if r.err != nil {
					return r.err
				}
				if p == 0 {
					continue // "no property"
				}
				if p > len(w.props) {
					return fmt.Errorf("%w: item %d uses property %d of %d", ErrCorrupt, id, p, len(w.props))
				}
				idx = append(idx, p)
			}
			if it := w.items[id]; it != nil {
				it.propIndex = idx
			}
		}
	}
	return nil
}

// prop returns the first property of type typ associated with it.
func (w *walker) prop(it *item, typ string) []byte {
	for _, p := range it.propIndex {
		if w.props[p-1].typ == typ {
			return w.props[p-1].body
		}
	}
	return nil
}

func (w *walker) refsFrom(id uint32, typ string) []uint32 {
	var out []uint32
	for _, rf := range w.refs {
		if rf.from == id && rf.typ == typ {
			out = append(out, rf.to...)
		}
	}
	return out
}

// isImageType is true for item types that are pictures (coded or derived).
func isImageType(t string) bool {
	switch t {
	case "hvc1", "av01", "grid", "iden", "iovl", "jpeg", "unci", "vvc1", "avc1", "j2k1":
		return true
	}
	return false
}

// data returns the bytes of a located item, at most max bytes.
func (w *walker) data(it *item, max int64) ([]byte, error) {
	if !it.located {
		return nil, fmt.Errorf("%w: item %d (%s) has no location", ErrCorrupt, it.id, it.typ)
	}
	var total uint64
	for _, e := range it.extents {
		if e.len > uint64(max) {
			total = e.len
		} else {
			total += e.len
		}
		if e.len == 0 || total > uint64(max) {
			// A zero length means "to the end of the file", which no
			// metadata or grid item should need.
			return nil, fmt.Errorf("%w: item %d (%s) of %d bytes or of unstated length (limit %d)", ErrTooLarge, it.id, it.typ, total, max)
		}
	}
	out := make([]byte, 0, total)
	for _, e := range it.extents {
		off := it.baseOff + e.off
		if off < it.baseOff {
			return nil, fmt.Errorf("%w: item %d offset overflows", ErrCorrupt, it.id)
		}
		switch it.method {
		case 0:
			if off > uint64(w.size) {
				return nil, fmt.Errorf("%w: item %d at %d, past the end of the %d-byte file", ErrCorrupt, it.id, off, w.size)
			}
			b, err := w.readAt(int64(off), int64(e.len))
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		case 1:
			if off > uint64(len(w.idat)) || e.len > uint64(len(w.idat))-off {
				return nil, fmt.Errorf("%w: item %d runs past its idat box (%d bytes at %d of %d)", ErrCorrupt, it.id, e.len, off, len(w.idat))
			}
			out = append(out, w.idat[off:off+e.len]...)
		default:
			return nil, fmt.Errorf("%w: item %d uses construction method %d", ErrUnsupported, it.id, it.method)
		}
	}
	return out, nil
}

// checkCoded checks that the extents of a coded picture lie inside the
// file (the picture itself is not read).
func (w *walker) checkCoded(it *item) error {
	if !it.located {
		return fmt.Errorf("%w: item %d (%s) has no location", ErrCorrupt, it.id, it.typ)
	}
	for _, e := range it.extents {
		off := it.baseOff + e.off
		end := off + e.len
		limit := uint64(w.size)
		if it.method == 1 {
			limit = uint64(len(w.idat))
		} else if it.method != 0 {
			return fmt.Errorf("%w: item %d uses construction method %d", ErrUnsupported, it.id, it.method)
		}
		if off < it.baseOff || end < off || end > limit || e.len == 0 {
			return fmt.Errorf("%w: item %d has an extent of %d bytes at %d outside the %d bytes it can lie in", ErrCorrupt, it.id, e.len, off, limit)
		}
	}
	return nil
}

// spatial reads ispe; every picture must have one.
func (w *walker) spatial(it *item) (int, int, error) {
	b := w.prop(it, "ispe")
	if b == nil {
		return 0, 0, fmt.Errorf("%w: item %d (%s) has no ispe size", ErrCorrupt, it.id, it.typ)
	}
	r := newReader("ispe", b)
	r.fullBox()
	wd, ht := r.u32(), r.u32()
	if r.err != nil {
		return 0, 0, r.err
	}
	if wd == 0 || ht == 0 {
		return 0, 0, fmt.Errorf("%w: item %d has size %d×%d", ErrCorrupt, it.id, wd, ht)
	}
	if int64(wd)*int64(ht) > w.lim.MaxPixels {
		return 0, 0, &SizeError{Item: it.id, Width: int64(wd), Height: int64(ht), Limit: w.lim.MaxPixels}
	}
	return int(wd), int(ht), nil
}

// coded checks a coded picture: its extents, its size, and for HEVC that
// the sequence parameter set codes no larger a picture than ispe says
// (the decoder allocates what the SPS says). It returns w×h and the coded
// pixel count.
func (w *walker) coded(it *item) (int, int, int64, error) {
	wd, ht, err := w.spatial(it)
	if err != nil {
		return 0, 0, 0, err
	}
	if err := w.checkCoded(it); err != nil {
		return 0, 0, 0, err
	}
	coded := int64(wd) * int64(ht)
	if it.typ == "hvc1" {
		c := w.prop(it, "hvcC")
		if c == nil {
			return 0, 0, 0, fmt.Errorf("%w: HEVC item %d has no hvcC", ErrCorrupt, it.id)
		}
		s, err := spsFromHvcC(c)
		if err != nil {
			return 0, 0, 0, err
		}
		// The coded size is rounded up to whole coding blocks (at most 64)
		// and cropped to the shown size; more than that is a lie.
		if s.CodedW > wd+64 || s.CodedH > ht+64 || s.CroppedW < wd || s.CroppedH < ht {
			return 0, 0, 0, fmt.Errorf("%w: item %d: ispe says %d×%d but its HEVC stream codes %d×%d (shown %d×%d)", ErrCorrupt, it.id, wd, ht, s.CodedW, s.CodedH, s.CroppedW, s.CroppedH)
		}
		coded = int64(s.CodedW) * int64(s.CodedH)
		if coded > w.lim.MaxPixels {
			return 0, 0, 0, &SizeError{Item: it.id, Width: int64(s.CodedW), Height: int64(s.CodedH), Limit: w.lim.MaxPixels}
		}
		if w.res.BitDepth == 0 {
			w.res.BitDepth = s.BitDepth
		}
	}
	return wd, ht, coded, nil
}

func (w *walker) info() (*Info, error) {
	in := &w.res
	prim := w.items[in.PrimaryID]
	if prim == nil {
		return nil, fmt.Errorf("%w: primary item %d is not described in iinf", ErrCorrupt, in.PrimaryID)
	}
	in.PrimaryType = prim.typ
	if !isImageType(prim.typ) {
		return nil, fmt.Errorf("%w: primary item %d is of type %q, not a picture", ErrCorrupt, prim.id, prim.typ)
	}
	// iden derives a picture from one other (to crop or turn it): follow
	// it to the picture that is coded, at most a few steps and never in a
	// loop.
	img := prim
	visited := map[uint32]bool{}
	for img.typ == "iden" {
		visited[img.id] = true
		src := w.refsFrom(img.id, "dimg")
		if len(src) != 1 || w.items[src[0]] == nil {
			return nil, fmt.Errorf("%w: iden item %d must derive from exactly one item", ErrCorrupt, img.id)
		}
		if visited[src[0]] || len(visited) > 8 {
			return nil, fmt.Errorf("%w: derived images loop at item %d", ErrCorrupt, src[0])
		}
		img = w.items[src[0]]
	}
	var err error
	switch img.typ {
	case "hvc1", "av01":
		in.codec = img.typ
		in.Width, in.Height, in.codedPixels, err = w.coded(img)
	case "grid":
		err = w.grid(img)
	default:
		// Overlays and other codings: the size is known, the picture is
		// not decoded.
		in.codec = img.typ
		in.Width, in.Height, err = w.spatial(img)
	}
	if err != nil {
		return nil, err
	}
	if prim != img {
		// A derived primary has its own size (after its own crop).
		if pw, ph, err := w.spatial(prim); err == nil {
			in.Width, in.Height = pw, ph
		}
	}
	w.transforms(prim)
	if b := w.prop(prim, "pixi"); b != nil {
		r := newReader("pixi", b)
		r.fullBox()
		if n := int(r.u8()); n > 0 {
			if d := int(r.u8()); r.err == nil {
				in.BitDepth = d
			}
		}
	}
	w.alphaAndCount()
	w.exif()
	return in, nil
}

// grid reads an ImageGrid item: its output size and its tiles, which must
// all be coded pictures of one size that cover the output exactly (with
// less than one tile to spare on the right and bottom).
func (w *walker) grid(g *item) error {
	in := &w.res
	b, err := w.data(g, 64)
	if err != nil {
		return err
	}
	r := newReader("grid", b)
	r.u8() // version
	flags := r.u8()
	rows := int(r.u8()) + 1
	cols := int(r.u8()) + 1
	var ow, oh uint32
	if flags&1 == 0 {
		ow, oh = uint32(r.u16()), uint32(r.u16())
	} else {
		ow, oh = r.u32(), r.u32()
	}
	if r.err != nil {
		return r.err
	}
	if ow == 0 || oh == 0 {
		return fmt.Errorf("%w: grid %d has output size %d×%d", ErrCorrupt, g.id, ow, oh)
	}
	if int64(ow)*int64(oh) > w.lim.MaxPixels {
		return &SizeError{Item: g.id, Width: int64(ow), Height: int64(oh), Limit: w.lim.MaxPixels}
	}
	if iw, ih, err := w.spatial(g); err == nil && (uint32(iw) != ow || uint32(ih) != oh) {
		return fmt.Errorf("%w: grid %d: ispe says %d×%d, the grid %d×%d", ErrCorrupt, g.id, iw, ih, ow, oh)
	}
	tiles := w.refsFrom(g.id, "dimg")
	if len(tiles) != rows*cols {
		return fmt.Errorf("%w: grid %d of %d×%d tiles references %d", ErrCorrupt, g.id, rows, cols, len(tiles))
	}
	var tw, th int
	for i, id := range tiles {
		t := w.items[id]
		if t == nil || (t.typ != "hvc1" && t.typ != "av01") {
			return fmt.Errorf("%w: grid %d tile %d (item %d) is not a coded picture", ErrCorrupt, g.id, i, id)
		}
		x, y, coded, err := w.coded(t)
		if err != nil {
			return err
		}
		if i == 0 {
			tw, th, in.codec = x, y, t.typ
		} else if x != tw || y != th || t.typ != in.codec {
			return fmt.Errorf("%w: grid %d mixes tiles of %d×%d and %d×%d", ErrCorrupt, g.id, tw, th, x, y)
		}
		in.codedPixels = max(in.codedPixels, coded)
	}
	if int64(cols)*int64(tw) < int64(ow) || int64(rows)*int64(th) < int64(oh) ||
		int64(cols-1)*int64(tw) >= int64(ow) || int64(rows-1)*int64(th) >= int64(oh) {
		return fmt.Errorf("%w: grid %d of %d×%d tiles of %d×%d does not fit its %d×%d output", ErrCorrupt, g.id, cols, rows, tw, th, ow, oh)
	}
	in.Width, in.Height, in.Tiles = int(ow), int(oh), rows*cols
	in.grid = &gridPlan{w: w, rows: rows, cols: cols, tileW: tw, tileH: th}
	for _, id := range tiles {
		in.grid.tiles = append(in.grid.tiles, w.items[id])
	}
	return nil
}

// transforms reads irot and imir in the order the item lists them and
// composes them into an EXIF orientation.
func (w *walker) transforms(it *item) {
	in := &w.res
	m := orientMat[1]
	for _, p := range it.propIndex {
		pb := w.props[p-1]
		if len(pb.body) < 1 {
			continue
		}
		switch pb.typ {
		case "irot":
			a := int(pb.body[0] & 3)
			in.Rotation = a * 90
			m = mul(orientMat[[4]int{1, 8, 3, 6}[a]], m)
		case "imir":
			// The bit was first called "axis" (0: a vertical axis), but
			// libheif, iPhones and the amended standard, which calls it
			// "mode", read 0 as exchanging top and bottom and 1 as
			// exchanging left and right; so does Decode.
			if pb.body[0]&1 == 0 {
				in.Mirror = 2
				m = mul(orientMat[4], m)
			} else {
				in.Mirror = 1
				m = mul(orientMat[2], m)
			}
		}
	}
	for o := 1; o <= 8; o++ {
		if orientMat[o] == m {
			in.Orientation = o
		}
	}
}

// orientMat maps each EXIF orientation to the matrix that turns stored
// coordinates (x right, y down, origin at the centre) into displayed ones.
var orientMat = [9][4]int{
	1: {1, 0, 0, 1},
	2: {-1, 0, 0, 1},  // mirror left-right
	3: {-1, 0, 0, -1}, // rotate 180
	4: {1, 0, 0, -1},  // mirror top-bottom
	5: {0, 1, 1, 0},   // transpose
	6: {0, -1, 1, 0},  // rotate 90 clockwise
	7: {0, -1, -1, 0}, // transverse
	8: {0, 1, -1, 0},  // rotate 90 anticlockwise
}

func mul(a, b [4]int) [4]int {
	return [4]int{
		a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3],
		a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
	}
}

// alphaAndCount finds the primary's alpha and counts top-level images.
func (w *walker) alphaAndCount() {
	in := &w.res
	notTop := map[uint32]bool{}
	for _, rf := range w.refs {
		switch rf.typ {
		case "thmb", "auxl":
			// thmb: from is a thumbnail of to; auxl: from is an auxiliary
			// image (alpha, depth) of to.
			notTop[rf.from] = true
			if rf.typ == "auxl" && slices.Contains(rf.to, in.PrimaryID) {
				if it := w.items[rf.from]; it != nil {
					if c := w.prop(it, "auxC"); c != nil {
						r := newReader("auxC", c)
						r.fullBox()
						switch r.cstring() {
						case "urn:mpeg:hevc:2015:auxid:1", "urn:mpeg:mpegB:cicp:systems:auxiliary:alpha":
							in.HasAlpha = true
						}
					}
				}
			}
		case "dimg":
			for _, t := range rf.to {
				notTop[t] = true
			}
		}
	}
	for _, id := range w.order {
		it := w.items[id]
		if isImageType(it.typ) && !it.hidden && !notTop[id] {
			in.Items++
		}
	}
	if in.Items == 0 {
		in.Items = 1 // the primary is shown whatever its flags say
	}
}

// exif copies the primary's Exif item (the one whose cdsc reference names
// the primary, else the only one) from its TIFF header on.
func (w *walker) exif() {
	in := &w.res
	var cands []*item
	var linked *item
	for _, id := range w.order {
		it := w.items[id]
		if it.typ != "Exif" {
			continue
		}
		cands = append(cands, it)
		if linked == nil && slices.Contains(w.refsFrom(id, "cdsc"), in.PrimaryID) {
			linked = it
		}
	}
	it := linked
	if it == nil && len(cands) == 1 {
		it = cands[0]
	}
	if it == nil {
		if len(cands) > 1 {
			in.Warnings = append(in.Warnings, fmt.Sprintf("%d Exif items, none linked to the primary image", len(cands)))
		}
		return
	}
	b, err := w.data(it, w.lim.MaxExifBytes)
	if err != nil {
		in.Warnings = append(in.Warnings, fmt.Sprintf("Exif item %d: %v", it.id, err))
		return
	}
	if len(b) < 4 {
		in.Warnings = append(in.Warnings, fmt.Sprintf("Exif item %d has %d bytes", it.id, len(b)))
		return
	}
	off := uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
	if off > uint64(len(b)-4) {
		in.Warnings = append(in.Warnings, fmt.Sprintf("Exif item %d: TIFF header offset %d past its %d bytes", it.id, off, len(b)))
		return
	}
	tiff := b[4+off:]
	// Some writers count the offset to an "Exif\0\0" prefix instead.
	if bytes.HasPrefix(tiff, []byte("Exif\x00\x00")) {
		tiff = tiff[6:]
	}
	if !bytes.HasPrefix(tiff, []byte("II*\x00")) && !bytes.HasPrefix(tiff, []byte("MM\x00*")) {
		in.Warnings = append(in.Warnings, fmt.Sprintf("Exif item %d has no TIFF header at offset %d", it.id, off))
		return
	}
	in.Exif = tiff
}
