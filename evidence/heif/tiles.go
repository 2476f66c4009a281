package heif

import (
	"encoding/binary"
	"fmt"
	"image"
)

// Decoding a grid tile by tile.
//
// An iPhone stores a 12-megapixel photo as a grid of 48 HEVC pictures of
// 512×512. Handed the whole file, libheif decodes every tile and pastes it
// into one output picture inside the WebAssembly instance, whose memory
// grows to about 25 bytes per pixel of the photo (300 MiB) and is copied
// out once more. Decode instead wraps each tile's coded data in a HEIF
// file of its own (the tile's hvcC and ispe, one item, one extent), lets
// libheif decode that small picture in a fresh instance, and pastes the
// planes into a Go YCbCr picture of the grid's size, then turns it upright
// by irot and imir itself. The instance of one 512×512 tile stays at a few
// megabytes, so the peak is the output picture (1.5 bytes per pixel at
// 4:2:0), its turned copy and one tile's decoder.
//
// This path is taken only where pasting planes is exact: a grid primary
// (not one derived through iden) of 8-bit 4:2:0 HEVC tiles of even width
// and height, without an alpha plane. Any other primary goes to libheif
// whole. The pixels may differ a little from libheif's own grid output,
// which converts the tiles' colours on their way into it; they are the
// same on every run.

// gridPlan is what Probe learnt about a grid primary.
type gridPlan struct {
	w            *walker
	rows, cols   int
	tileW, tileH int
	tiles        []*item // row by row
}

// tiled reports whether Decode pastes the primary from its tiles.
func (in *Info) tiled() bool {
	g := in.grid
	if g == nil || in.PrimaryType != "grid" || in.codec != "hvc1" || in.HasAlpha || in.BitDepth > 8 ||
		g.tileW%2 != 0 || g.tileH%2 != 0 {
		return false
	}
	for _, t := range g.tiles {
		s, err := spsFromHvcC(g.w.prop(t, "hvcC"))
		if err != nil || s.Chroma != 1 || s.BitDepth != 8 {
			return false
		}
	}
	return true
}

// decodeTiled decodes a grid primary tile by tile (see above) and returns
// it upright.
func decodeTiled(in *Info) (image.Image, error) {
	g := in.grid
	out := image.NewYCbCr(image.Rect(0, 0, in.Width, in.Height), image.YCbCrSubsampleRatio420)
	for i, t := range g.tiles {
		data, err := g.w.data(t, g.w.size)
		if err != nil {
			return nil, err
		}
		file := oneTile(g.w.prop(t, "hvcC"), g.tileW, g.tileH, data)
		img, err := decodeHEVC(file)
		if err != nil {
			return nil, fmt.Errorf("tile %d of %d: %w", i+1, len(g.tiles), err)
		}
		tile, ok := img.(*image.YCbCr)
		if !ok || tile.SubsampleRatio != image.YCbCrSubsampleRatio420 ||
			tile.Rect.Dx() != g.tileW || tile.Rect.Dy() != g.tileH {
			return nil, fmt.Errorf("%w: tile %d decodes to a %T of %v, not a 4:2:0 picture of %d×%d", ErrCorrupt, i+1, img, img.Bounds(), g.tileW, g.tileH)
		}
		paste(out, tile, (i%g.cols)*g.tileW, (i/g.cols)*g.tileH)
	}
	return orientYCbCr(out, in.Orientation), nil
}

// paste copies a tile's planes into dst at (x0, y0), both even, cut at
// dst's right and bottom edges.
func paste(dst, tile *image.YCbCr, x0, y0 int) {
	w := min(tile.Rect.Dx(), dst.Rect.Dx()-x0)
	h := min(tile.Rect.Dy(), dst.Rect.Dy()-y0)
	if w <= 0 || h <= 0 {
		return
	}
	for y := 0; y < h; y++ {
		copy(dst.Y[(y0+y)*dst.YStride+x0:][:w], tile.Y[y*tile.YStride:][:w])
	}
	cw, ch := (w+1)/2, (h+1)/2
	cx, cy := x0/2, y0/2
	for y := 0; y < ch; y++ {
		copy(dst.Cb[(cy+y)*dst.CStride+cx:][:cw], tile.Cb[y*tile.CStride:][:cw])
		copy(dst.Cr[(cy+y)*dst.CStride+cx:][:cw], tile.Cr[y*tile.CStride:][:cw])
	}
}

// orientYCbCr returns a 4:2:0 picture turned by the EXIF orientation o
// (1 or 0: as it is). Each plane is remapped on its own, so a picture of
// odd width or height is off by at most half a chroma sample at the edge.
func orientYCbCr(src *image.YCbCr, o int) *image.YCbCr {
	if o <= 1 || o > 8 {
		return src
	}
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := sw, sh
	if o >= 5 {
		dw, dh = sh, sw
	}
	dst := image.NewYCbCr(image.Rect(0, 0, dw, dh), image.YCbCrSubsampleRatio420)
	remap(dst.Y, dst.YStride, dw, dh, src.Y, src.YStride, sw, sh, o)
	csw, csh, cdw, cdh := (sw+1)/2, (sh+1)/2, (dw+1)/2, (dh+1)/2
	remap(dst.Cb, dst.CStride, cdw, cdh, src.Cb, src.CStride, csw, csh, o)
	remap(dst.Cr, dst.CStride, cdw, cdh, src.Cr, src.CStride, csw, csh, o)
	return dst
}

// remap fills a dw×dh plane from a sw×sh one by orientation o: the
// displayed pixel (x, y) is the stored pixel the EXIF orientation puts
// there.
func remap(dst []byte, ds, dw, dh int, src []byte, ss, sw, sh, o int) {
	for y := 0; y < dh; y++ {
		row := dst[y*ds:][:dw]
		for x := range row {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = sw-1-x, y
			case 3:
				sx, sy = sw-1-x, sh-1-y
			case 4:
				sx, sy = x, sh-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, sh-1-x
			case 7:
				sx, sy = sw-1-y, sh-1-x
			case 8:
				sx, sy = sw-1-y, x
			}
			row[x] = src[sy*ss+sx]
		}
	}
}

// oneTile writes a HEIF file holding one HEVC picture: ftyp, a meta box
// with the item, its hvcC and ispe and its location, and the coded data
// in mdat.
func oneTile(hvcC []byte, w, h int, data []byte) []byte {
	be32 := binary.BigEndian.AppendUint32
	be16 := binary.BigEndian.AppendUint16
	mk := func(typ string, parts ...[]byte) []byte {
		n := 8
		for _, p := range parts {
			n += len(p)
		}
		out := be32(make([]byte, 0, n), uint32(n))
		out = append(out, typ...)
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	full := []byte{0, 0, 0, 0} // version 0, flags 0
	ftyp := mk("ftyp", []byte("heic"), []byte{0, 0, 0, 0}, []byte("mif1heic"))
	hdlr := mk("hdlr", full, make([]byte, 4), []byte("pict"), make([]byte, 13))
	pitm := mk("pitm", full, be16(nil, 1))
	infe := mk("infe", []byte{2, 0, 0, 0}, be16(nil, 1), be16(nil, 0), []byte("hvc1"), []byte{0})
	iinf := mk("iinf", full, be16(nil, 1), infe)
	ispe := mk("ispe", full, be32(nil, uint32(w)), be32(nil, uint32(h)))
	ipco := mk("ipco", mk("hvcC", hvcC), ispe)
	ipma := mk("ipma", full, be32(nil, 1), be16(nil, 1), []byte{2, 0x81, 0x02})
	iprp := mk("iprp", ipco, ipma)
	iloc := func(off uint32) []byte {
		// version 0; offset and length of 4 bytes, no base offset.
		return mk("iloc", full, []byte{0x44, 0x00}, be16(nil, 1),
			be16(nil, 1), be16(nil, 0), be16(nil, 1), be32(nil, off), be32(nil, uint32(len(data))))
	}
	meta := func(off uint32) []byte { return mk("meta", full, hdlr, pitm, iinf, iprp, iloc(off)) }
	off := uint32(len(ftyp) + len(meta(0)) + 8)
	file := append(ftyp, meta(off)...)
	file = be32(file, uint32(8+len(data)))
	file = append(file, "mdat"...)
	return append(file, data...)
}
