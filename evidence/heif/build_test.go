package heif

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// This file writes HEIF files from parts, for tests: grids, rotations and
// lies that heif-enc does not make. The coded pictures come from real
// heif-enc output (see picture), so the files built here decode.

type bProp struct {
	typ  string
	body []byte
}

type bItem struct {
	id     uint32
	typ    string
	hidden bool
	data   []byte
	idat   bool // stored in idat (construction method 1) instead of mdat
	props  []bProp
}

type bRef struct {
	typ  string
	from uint32
	to   []uint32
}

type bFile struct {
	brand   string
	compat  []string
	primary uint32
	items   []bItem
	refs    []bRef
}

func mkBox(typ string, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	out = append(out, typ...)
	return append(out, body...)
}

func full(version byte, flags uint32) []byte {
	return binary.BigEndian.AppendUint32(nil, uint32(version)<<24|flags)
}

func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func ispe(w, h uint32) bProp { return bProp{"ispe", append(full(0, 0), append(u32(w), u32(h)...)...)} }

// gridData is an ImageGrid item body.
func gridData(rows, cols int, w, h uint32) []byte {
	if w > 0xffff || h > 0xffff {
		return append([]byte{0, 1, byte(rows - 1), byte(cols - 1)}, append(u32(w), u32(h)...)...)
	}
	return append([]byte{0, 0, byte(rows - 1), byte(cols - 1)}, append(u16(uint16(w)), u16(uint16(h))...)...)
}

// exifData is an Exif item body: a zero TIFF header offset and the TIFF.
func exifData(tiff []byte) []byte { return append(u32(0), tiff...) }

func (f *bFile) bytes() []byte {
	ftyp := mkBox("ftyp", []byte(f.brand), u32(0))
	for _, c := range f.compat {
		ftyp = append(ftyp, c...)
	}
	binary.BigEndian.PutUint32(ftyp, uint32(len(ftyp)))
	meta := f.meta(0)
	mdatStart := uint32(len(ftyp) + len(meta) + 8)
	meta = f.meta(mdatStart)
	var mdat []byte
	for _, it := range f.items {
		if !it.idat {
			mdat = append(mdat, it.data...)
		}
	}
	out := append(ftyp, meta...)
	return append(out, mkBox("mdat", mdat)...)
}

func (f *bFile) meta(mdatStart uint32) []byte {
	hdlr := mkBox("hdlr", full(0, 0), u32(0), []byte("pict"), make([]byte, 12), []byte{0})
	pitm := mkBox("pitm", full(0, 0), u16(uint16(f.primary)))
	var infes []byte
	for _, it := range f.items {
		var fl uint32
		if it.hidden {
			fl = 1
		}
		infes = append(infes, mkBox("infe", full(2, fl), u16(uint16(it.id)), u16(0), []byte(it.typ), []byte{0})...)
	}
	iinf := mkBox("iinf", full(0, 0), u16(uint16(len(f.items))), infes)
	var refs []byte
	for _, r := range f.refs {
		b := append(u16(uint16(r.from)), u16(uint16(len(r.to)))...)
		for _, t := range r.to {
			b = append(b, u16(uint16(t))...)
		}
		refs = append(refs, mkBox(r.typ, b)...)
	}
	var iref []byte
	if len(f.refs) > 0 {
		iref = mkBox("iref", full(0, 0), refs)
	}
	var ipco, ipma []byte
	n := 0
	ipma = append(full(0, 0), u32(uint32(len(f.items)))...)
	for _, it := range f.items {
		ipma = append(ipma, u16(uint16(it.id))...)
		ipma = append(ipma, byte(len(it.props)))
		for _, p := range it.props {
			n++
			ipco = append(ipco, mkBox(p.typ, p.body)...)
			ipma = append(ipma, byte(n))
		}
	}
	iprp := mkBox("iprp", mkBox("ipco", ipco), mkBox("ipma", ipma))
	// iloc version 1: offset, length and base offset of 4 bytes.
	iloc := append(full(1, 0), 0x44, 0x40)
	iloc = append(iloc, u16(uint16(len(f.items)))...)
	var idat []byte
	off := mdatStart
	for _, it := range f.items {
		iloc = append(iloc, u16(uint16(it.id))...)
		if it.idat {
			iloc = append(iloc, u16(1)...)
		} else {
			iloc = append(iloc, u16(0)...)
		}
		iloc = append(iloc, u16(0)...) // data_reference_index
		iloc = append(iloc, u32(0)...) // base_offset
		iloc = append(iloc, u16(1)...)
		if it.idat {
			iloc = append(iloc, u32(uint32(len(idat)))...)
			idat = append(idat, it.data...)
		} else {
			iloc = append(iloc, u32(off)...)
			off += uint32(len(it.data))
		}
		iloc = append(iloc, u32(uint32(len(it.data)))...)
	}
	parts := [][]byte{full(0, 0), hdlr, pitm, iinf, iref, iprp, mkBox("iloc", iloc)}
	if len(idat) > 0 {
		parts = append(parts, mkBox("idat", idat))
	}
	return mkBox("meta", parts...)
}

// picture is one coded picture taken from a HEIC file: its hvcC, its
// size and its HEVC data.
type picture struct {
	hvcC []byte
	w, h uint32
	data []byte
}

// takePictures pulls the coded pictures (hvc1 items that are not
// thumbnails) out of a HEIC file made by heif-enc, in item order.
func takePictures(t testing.TB, file []byte) []picture {
	t.Helper()
	w := &walker{r: bytes.NewReader(file), size: int64(len(file)), lim: DefaultLimits}
	if err := w.top(); err != nil {
		t.Fatal(err)
	}
	if err := w.meta(); err != nil {
		t.Fatal(err)
	}
	thumb := map[uint32]bool{}
	for _, r := range w.refs {
		if r.typ == "thmb" || r.typ == "auxl" {
			thumb[r.from] = true
		}
	}
	var out []picture
	for _, id := range w.order {
		it := w.items[id]
		if it.typ != "hvc1" || thumb[id] {
			continue
		}
		wd, ht, err := w.spatial(it)
		if err != nil {
			t.Fatal(err)
		}
		data, err := w.data(it, int64(len(file)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, picture{hvcC: w.prop(it, "hvcC"), w: uint32(wd), h: uint32(ht), data: data})
	}
	if len(out) == 0 {
		t.Fatal("no coded picture in the file")
	}
	return out
}

func (p picture) item(id uint32, extra ...bProp) bItem {
	props := append([]bProp{{"hvcC", p.hvcC}, ispe(p.w, p.h)}, extra...)
	return bItem{id: id, typ: "hvc1", data: p.data, props: props}
}
