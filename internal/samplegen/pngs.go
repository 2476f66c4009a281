package samplegen

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
)

// EncodePNG encodes img as a PNG the way a phone saves a screenshot: 8-bit
// RGB (colour type 2), no alpha channel, not interlaced. Any transparency
// in img is dropped (alpha is forced to opaque). The output is the same
// bytes for the same pixels.
func EncodePNG(img image.Image) ([]byte, error) {
	rgba := opaqueRGBA(img)
	var buf bytes.Buffer
	// Default compression, as phones use: several times faster than
	// BestCompression for files under a tenth larger.
	if err := png.Encode(&buf, rgba); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// opaqueRGBA returns img as an *image.RGBA with every alpha at 255. The Go
// PNG encoder writes colour type 2 (RGB) for an RGBA image that is opaque.
func opaqueRGBA(img image.Image) *image.RGBA {
	b := img.Bounds()
	dst, ok := img.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		dst = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(dst, dst.Rect, img, b.Min, draw.Src)
	}
	opaque := true
	for i := 3; i < len(dst.Pix); i += 4 {
		if dst.Pix[i] != 255 {
			opaque = false
			break
		}
	}
	if opaque {
		return dst
	}
	if dst == img {
		dst = image.NewRGBA(dst.Rect)
		copy(dst.Pix, img.(*image.RGBA).Pix)
	}
	// Premultiplied colour over black equals the colour composited on black;
	// composite on white instead, as a viewer would show it.
	for i := 0; i < len(dst.Pix); i += 4 {
		a := uint32(dst.Pix[i+3])
		for j := 0; j < 3; j++ {
			dst.Pix[i+j] = uint8(uint32(dst.Pix[i+j]) + (255 - a))
		}
		dst.Pix[i+3] = 255
	}
	return dst
}

func mustPositive(fn string, w, h int) {
	if w <= 0 || h <= 0 {
		panic(fmt.Sprintf("samplegen.%s: size %dx%d is not positive", fn, w, h))
	}
}

// PNG16 returns an opaque 16-bit-per-channel RGB PNG (colour type 2, bit
// depth 16) of w x h pixels: smooth gradients whose low bytes differ, so a
// reader that drops to 8 bits visibly loses precision. Android store
// screenshots come in this form. It panics if w or h is not positive.
func PNG16(w, h int) []byte {
	mustPositive("PNG16", w, h)
	img := image.NewRGBA64(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA64(x, y, color.RGBA64{
				R: uint16(x * 65535 / max(w-1, 1)),
				G: uint16(y * 65535 / max(h-1, 1)),
				B: uint16((x*7 + y*13) * 257 % 65536),
				A: 0xFFFF,
			})
		}
	}
	return mustEncode(img)
}

// mustEncode encodes img with the standard encoder, keeping its colour type.
func mustEncode(img image.Image) []byte {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		panic(fmt.Sprintf("samplegen: encode png: %v", err))
	}
	return buf.Bytes()
}

// PNGAlpha returns an 8-bit RGBA PNG (colour type 6) of w x h pixels with
// real transparency: a fully transparent border, a half-transparent band
// and an opaque centre. It panics if w or h is not positive.
func PNGAlpha(w, h int) []byte {
	mustPositive("PNGAlpha", w, h)
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			edge := min(x, y, w-1-x, h-1-y)
			var a uint8
			switch {
			case edge < w/8:
				a = 0
			case edge < w/4:
				a = 128
			default:
				a = 255
			}
			img.SetNRGBA(x, y, color.NRGBA{R: 0x07, G: 0xC1, B: 0x60, A: a})
		}
	}
	return mustEncode(img)
}

// TruncatedPNG returns the first half of a valid screenshot PNG of w x h
// pixels: the signature and IHDR are intact, the image data stops in the
// middle. It panics if w or h is not positive.
func TruncatedPNG(w, h int) []byte {
	mustPositive("TruncatedPNG", w, h)
	full, err := EncodePNG(NumberedScreenshot(1, w, h))
	if err != nil {
		panic(fmt.Sprintf("samplegen.TruncatedPNG: %v", err))
	}
	return full[:len(full)/2]
}

// Huge PNG dimensions claimed by HugePNG.
const (
	HugeWidth  = 50000
	HugeHeight = 50000
)

// HugePNG returns a small, well-formed PNG whose IHDR claims 50000 x 50000
// 8-bit RGB pixels (7.5 GB decoded) with a valid CRC: a decompression bomb
// in shape. image.DecodeConfig reports the claimed size; the IDAT holds a
// single row, so a full decode fails after allocating the whole image.
func HugePNG() []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], HugeWidth)
	binary.BigEndian.PutUint32(ihdr[4:], HugeHeight)
	ihdr[8] = 8 // bit depth
	ihdr[9] = 2 // colour type RGB
	writeChunk(&buf, "IHDR", ihdr)
	// One row of zeros: filter byte 0, then 3 bytes per pixel.
	writeChunk(&buf, "IDAT", zlibBytes(make([]byte, 1+3*HugeWidth)))
	writeChunk(&buf, "IEND", nil)
	return buf.Bytes()
}

func writeChunk(buf *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	buf.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	buf.WriteString(typ)
	buf.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	buf.Write(n[:])
}

// zlibBytes compresses data into a zlib stream.
func zlibBytes(data []byte) []byte {
	var out bytes.Buffer
	zw, err := zlib.NewWriterLevel(&out, zlib.BestCompression)
	if err != nil {
		panic(fmt.Sprintf("samplegen: zlib: %v", err))
	}
	if _, err := zw.Write(data); err != nil {
		panic(fmt.Sprintf("samplegen: zlib: %v", err))
	}
	if err := zw.Close(); err != nil {
		panic(fmt.Sprintf("samplegen: zlib: %v", err))
	}
	return out.Bytes()
}
