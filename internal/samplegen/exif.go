package samplegen

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"regexp"
	"time"
)

// EXIF is the metadata JPEGWithEXIF writes, the fields a phone camera
// records that casebundle reads.
type EXIF struct {
	// DateTimeOriginal is the capture time as the camera's clock showed it,
	// in EXIF form "2006:01:02 15:04:05". It is also written as DateTime
	// and DateTimeDigitized.
	DateTimeOriginal string
	// OffsetTimeOriginal is the zone of that clock, "+08:00"; empty leaves
	// the zone unknown (no OffsetTime* tags are written).
	OffsetTimeOriginal string
	// Make and Model of the camera; empty ones are left out.
	Make, Model string
	// Orientation is the EXIF orientation, 1..8; 0 leaves the tag out.
	// The pixels given to JPEGWithEXIF are stored as they are: rotate
	// them first (see StoreRotated) so that a viewer applying the
	// orientation shows them upright.
	Orientation int
	// GPS is where the photo was taken; nil leaves the GPS IFD out.
	GPS *GPS
}

// GPS is a position in decimal degrees, north and east positive. It is
// stored as degrees, minutes and seconds in hundredths of an arc-second
// (about 0.3 m), the precision phones write.
type GPS struct {
	Lat, Lon float64
}

// TIFF field types.
const (
	typeByte      = 1
	typeASCII     = 2
	typeShort     = 3
	typeLong      = 4
	typeRational  = 5
	typeUndefined = 7
)

// EXIF and TIFF tags written by JPEGWithEXIF.
const (
	tagMake              = 0x010F
	tagModel             = 0x0110
	tagOrientation       = 0x0112
	tagXResolution       = 0x011A
	tagYResolution       = 0x011B
	tagResolutionUnit    = 0x0128
	tagDateTime          = 0x0132
	tagYCbCrPositioning  = 0x0213
	tagExifIFD           = 0x8769
	tagGPSIFD            = 0x8825
	tagExifVersion       = 0x9000
	tagDateTimeOriginal  = 0x9003
	tagDateTimeDigitized = 0x9004
	tagOffsetTime        = 0x9010
	tagOffsetTimeOrig    = 0x9011
	tagOffsetTimeDigit   = 0x9012
	tagComponentsConfig  = 0x9101
	tagFlashpixVersion   = 0xA000
	tagColorSpace        = 0xA001
	tagPixelXDimension   = 0xA002
	tagPixelYDimension   = 0xA003
	tagGPSVersionID      = 0x0000
	tagGPSLatitudeRef    = 0x0001
	tagGPSLatitude       = 0x0002
	tagGPSLongitudeRef   = 0x0003
	tagGPSLongitude      = 0x0004
)

// JPEGQuality is the quality JPEGWithEXIF encodes at, a typical phone
// camera setting.
const JPEGQuality = 88

var offsetRE = regexp.MustCompile(`^[+-](0\d|1[0-4]):[0-5]\d$`)

// JPEGWithEXIF encodes img as a baseline JPEG and inserts an APP1 "Exif"
// segment right after the SOI marker, holding a little-endian TIFF
// structure: IFD0 (Make, Model, Orientation, resolution, DateTime and the
// pointers), the Exif sub-IFD (ExifVersion 0232, DateTimeOriginal,
// DateTimeDigitized, OffsetTime*, pixel dimensions) and, when ex.GPS is
// set, the GPS IFD. The same input gives the same bytes.
func JPEGWithEXIF(img image.Image, ex EXIF) ([]byte, error) {
	app1, err := exifSegment(ex, img.Bounds().Dx(), img.Bounds().Dy())
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality}); err != nil {
		return nil, fmt.Errorf("encode jpeg: %w", err)
	}
	enc := buf.Bytes()
	if len(enc) < 2 || enc[0] != 0xFF || enc[1] != 0xD8 {
		return nil, errors.New("encode jpeg: output does not start with SOI")
	}
	out := make([]byte, 0, len(enc)+len(app1))
	out = append(out, enc[:2]...)
	out = append(out, app1...)
	out = append(out, enc[2:]...)
	return out, nil
}

// exifSegment builds the whole APP1 segment, marker and length included.
func exifSegment(ex EXIF, w, h int) ([]byte, error) {
	if _, err := time.Parse("2006:01:02 15:04:05", ex.DateTimeOriginal); err != nil {
		return nil, fmt.Errorf("exif: DateTimeOriginal %q is not in the form 2006:01:02 15:04:05", ex.DateTimeOriginal)
	}
	if ex.OffsetTimeOriginal != "" && !offsetRE.MatchString(ex.OffsetTimeOriginal) {
		return nil, fmt.Errorf("exif: OffsetTimeOriginal %q is not in the form +08:00", ex.OffsetTimeOriginal)
	}
	if ex.Orientation < 0 || ex.Orientation > 8 {
		return nil, fmt.Errorf("exif: Orientation %d is not 1..8 (or 0 for none)", ex.Orientation)
	}
	if g := ex.GPS; g != nil && (math.IsNaN(g.Lat) || math.IsNaN(g.Lon) || math.Abs(g.Lat) > 90 || math.Abs(g.Lon) > 180) {
		return nil, fmt.Errorf("exif: GPS %v, %v is not a position", g.Lat, g.Lon)
	}

	le := binary.LittleEndian
	ifd0 := &ifd{}
	if ex.Make != "" {
		ifd0.ascii(tagMake, ex.Make)
	}
	if ex.Model != "" {
		ifd0.ascii(tagModel, ex.Model)
	}
	if ex.Orientation != 0 {
		ifd0.short(tagOrientation, uint16(ex.Orientation))
	}
	ifd0.rational(tagXResolution, [2]uint32{72, 1})
	ifd0.rational(tagYResolution, [2]uint32{72, 1})
	ifd0.short(tagResolutionUnit, 2) // inches
	ifd0.ascii(tagDateTime, ex.DateTimeOriginal)
	ifd0.short(tagYCbCrPositioning, 1) // centred
	ifd0.long(tagExifIFD, 0)           // offsets are filled in below
	if ex.GPS != nil {
		ifd0.long(tagGPSIFD, 0)
	}

	sub := &ifd{}
	sub.add(tagExifVersion, typeUndefined, 4, []byte("0232"))
	sub.ascii(tagDateTimeOriginal, ex.DateTimeOriginal)
	sub.ascii(tagDateTimeDigitized, ex.DateTimeOriginal)
	if ex.OffsetTimeOriginal != "" {
		sub.ascii(tagOffsetTime, ex.OffsetTimeOriginal)
		sub.ascii(tagOffsetTimeOrig, ex.OffsetTimeOriginal)
		sub.ascii(tagOffsetTimeDigit, ex.OffsetTimeOriginal)
	}
	sub.add(tagComponentsConfig, typeUndefined, 4, []byte{1, 2, 3, 0}) // Y Cb Cr
	sub.add(tagFlashpixVersion, typeUndefined, 4, []byte("0100"))
	sub.short(tagColorSpace, 1) // sRGB
	sub.long(tagPixelXDimension, uint32(w))
	sub.long(tagPixelYDimension, uint32(h))

	var gps *ifd
	if g := ex.GPS; g != nil {
		gps = &ifd{}
		gps.add(tagGPSVersionID, typeByte, 4, []byte{2, 3, 0, 0})
		latRef, lonRef := "N", "E"
		if g.Lat < 0 {
			latRef = "S"
		}
		if g.Lon < 0 {
			lonRef = "W"
		}
		gps.ascii(tagGPSLatitudeRef, latRef)
		gps.rational(tagGPSLatitude, dms(math.Abs(g.Lat))...)
		gps.ascii(tagGPSLongitudeRef, lonRef)
		gps.rational(tagGPSLongitude, dms(math.Abs(g.Lon))...)
	}

	// Layout: header, IFD0, Exif IFD, GPS IFD, each followed by the values
	// that do not fit in its entries.
	const headerLen = 8
	exifOff := headerLen + ifd0.size()
	gpsOff := exifOff + sub.size()
	ifd0.setLong(tagExifIFD, uint32(exifOff))
	if gps != nil {
		ifd0.setLong(tagGPSIFD, uint32(gpsOff))
	}

	var tiff bytes.Buffer
	tiff.Write([]byte{'I', 'I', 42, 0})
	tiff.Write(le.AppendUint32(nil, headerLen))
	ifd0.write(&tiff, headerLen)
	sub.write(&tiff, exifOff)
	if gps != nil {
		gps.write(&tiff, gpsOff)
	}

	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	if len(payload)+2 > 0xFFFF {
		return nil, fmt.Errorf("exif: APP1 segment of %d bytes is too large", len(payload)+2)
	}
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...), nil
}

// dms splits decimal degrees into degrees, minutes and hundredths of
// arc-seconds, as three rationals.
func dms(deg float64) [][2]uint32 {
	total := uint32(math.Round(deg * 360000)) // hundredths of an arc-second
	d := total / 360000
	m := total % 360000 / 6000
	s := total % 6000
	return [][2]uint32{{d, 1}, {m, 1}, {s, 100}}
}

// ifd collects the entries of one image file directory, in the order they
// are added (which must be ascending tag order, as TIFF requires).
type ifd struct {
	entries []ifdEntry
}

type ifdEntry struct {
	tag, typ uint16
	count    uint32
	value    []byte // little-endian bytes of the value
}

func (d *ifd) add(tag, typ uint16, count uint32, value []byte) {
	if n := len(d.entries); n > 0 && d.entries[n-1].tag >= tag {
		panic(fmt.Sprintf("samplegen: exif tag 0x%04X added after 0x%04X", tag, d.entries[n-1].tag))
	}
	d.entries = append(d.entries, ifdEntry{tag, typ, count, value})
}

func (d *ifd) ascii(tag uint16, s string) {
	v := append([]byte(s), 0)
	d.add(tag, typeASCII, uint32(len(v)), v)
}

func (d *ifd) short(tag uint16, v uint16) {
	d.add(tag, typeShort, 1, binary.LittleEndian.AppendUint16(nil, v))
}

func (d *ifd) long(tag uint16, v uint32) {
	d.add(tag, typeLong, 1, binary.LittleEndian.AppendUint32(nil, v))
}

func (d *ifd) setLong(tag uint16, v uint32) {
	for i := range d.entries {
		if d.entries[i].tag == tag {
			d.entries[i].value = binary.LittleEndian.AppendUint32(nil, v)
		}
	}
}

func (d *ifd) rational(tag uint16, rs ...[2]uint32) {
	var v []byte
	for _, r := range rs {
		v = binary.LittleEndian.AppendUint32(v, r[0])
		v = binary.LittleEndian.AppendUint32(v, r[1])
	}
	d.add(tag, typeRational, uint32(len(rs)), v)
}

// size is the length of the directory and its out-of-line values.
func (d *ifd) size() int {
	n := 2 + 12*len(d.entries) + 4
	for _, e := range d.entries {
		if len(e.value) > 4 {
			n += len(e.value) + len(e.value)%2
		}
	}
	return n
}

// write appends the directory, which starts at offset off in the TIFF
// structure, then its out-of-line values (each at an even offset).
func (d *ifd) write(buf *bytes.Buffer, off int) {
	le := binary.LittleEndian
	data := off + 2 + 12*len(d.entries) + 4
	var extra []byte
	b := le.AppendUint16(nil, uint16(len(d.entries)))
	for _, e := range d.entries {
		b = le.AppendUint16(b, e.tag)
		b = le.AppendUint16(b, e.typ)
		b = le.AppendUint32(b, e.count)
		if len(e.value) <= 4 {
			var v [4]byte
			copy(v[:], e.value)
			b = append(b, v[:]...)
			continue
		}
		b = le.AppendUint32(b, uint32(data+len(extra)))
		extra = append(extra, e.value...)
		if len(e.value)%2 == 1 {
			extra = append(extra, 0)
		}
	}
	b = le.AppendUint32(b, 0) // no next IFD
	buf.Write(b)
	buf.Write(extra)
}

// StoreRotated returns the pixels a camera stores for an upright picture
// taken with the given EXIF orientation: the inverse of the transform a
// viewer applies. Orientation 6 (viewer rotates 90° clockwise) stores the
// picture turned 90° counter-clockwise. Orientations outside 2..8 return
// the picture as it is.
func StoreRotated(upright image.Image, orientation int) *image.RGBA {
	b := upright.Bounds()
	w, h := b.Dx(), b.Dy()
	// src maps a stored pixel (x, y) to the upright pixel it shows.
	var sw, sh int
	var src func(x, y int) (int, int)
	switch orientation {
	case 2: // viewer mirrors horizontally
		sw, sh, src = w, h, func(x, y int) (int, int) { return w - 1 - x, y }
	case 3: // viewer rotates 180°
		sw, sh, src = w, h, func(x, y int) (int, int) { return w - 1 - x, h - 1 - y }
	case 4: // viewer mirrors vertically
		sw, sh, src = w, h, func(x, y int) (int, int) { return x, h - 1 - y }
	case 5: // viewer transposes
		sw, sh, src = h, w, func(x, y int) (int, int) { return y, x }
	case 6: // viewer rotates 90° clockwise
		sw, sh, src = h, w, func(x, y int) (int, int) { return w - 1 - y, x }
	case 7: // viewer transverses
		sw, sh, src = h, w, func(x, y int) (int, int) { return w - 1 - y, h - 1 - x }
	case 8: // viewer rotates 90° counter-clockwise
		sw, sh, src = h, w, func(x, y int) (int, int) { return y, h - 1 - x }
	default:
		sw, sh, src = w, h, func(x, y int) (int, int) { return x, y }
	}
	out := image.NewRGBA(image.Rect(0, 0, sw, sh))
	rgba, fast := upright.(*image.RGBA)
	for y := 0; y < sh; y++ {
		for x := 0; x < sw; x++ {
			ux, uy := src(x, y)
			if fast {
				i := rgba.PixOffset(b.Min.X+ux, b.Min.Y+uy)
				copy(out.Pix[out.PixOffset(x, y):][:4], rgba.Pix[i:i+4])
				continue
			}
			out.Set(x, y, upright.At(b.Min.X+ux, b.Min.Y+uy))
		}
	}
	return out
}
