package heif

import (
	"bytes"
	"fmt"
	"image"
	"sync"

	"github.com/gen2brain/heic"
)

// Engine names what decodes HEVC: "wasm" (libheif and libde265 compiled to
// WebAssembly, run by wazero, embedded in the binary: the same on every
// machine) or "system libheif" (the host's libheif.so, loaded without cgo,
// which gen2brain/heic prefers when a dynamically linked binary finds one;
// build with -tags nodynamic to rule it out).
func Engine() string {
	if heic.Dynamic() == nil {
		return "system libheif"
	}
	return "wasm"
}

// DecodeBytes is the memory one Decode of this file (of fileSize bytes)
// takes at its peak, to be asked of an image budget before calling
// Decode. The compiled module (about 40 MiB, once per process) is not
// counted.
//
// A picture libheif decodes whole: the WebAssembly instance's memory is a
// Go slice that grows by copying, and it holds the input, libde265's
// frames, libheif's output and the copy handed back; the Go picture
// Decode returns comes on top. The Go heap in use peaked at 282-300 MiB
// decoding a 4032×3024 photo as one picture, 23-25 bytes per pixel: this
// estimate is 27 (twice that above 8 bits per sample, which libde265
// stores in 16-bit words), plus twice the file.
//
// A grid decoded tile by tile (tiles.go): the output picture and its
// turned copy at 1.5 bytes per pixel each, one tile's instance (8 MiB
// allocated for a 512×512 tile, 27 bytes per tile pixel and 1 MiB more),
// plus twice the file. The same 4032×3024 photo as an iPhone's 48 tiles
// peaked at 101 MiB of Go heap (much of it tiles' instances not yet
// collected) and 91 MiB of resident memory over the process's start,
// against 299 and 315 decoded whole.
func (in *Info) DecodeBytes(fileSize int) int64 {
	px := int64(in.Width) * int64(in.Height)
	if in.tiled() {
		tile := int64(in.grid.tileW) * int64(in.grid.tileH)
		return 2*int64(fileSize) + 3*px + 27*tile + 1<<20
	}
	per := int64(27)
	if in.BitDepth > 8 {
		per *= 2
	}
	return 2*int64(fileSize) + per*px
}

// decodeMu lets one HEVC decode run at a time: each takes a WebAssembly
// instance of up to several hundred megabytes, and the process-wide image
// budget is the caller's to apply, not a reason to run two at once.
var decodeMu sync.Mutex

// Decode probes data with lim and, only when the primary image is an HEVC
// picture (or a grid of them) within lim.MaxPixels, decodes it. The image
// returned is upright: irot and imir have been applied, so its bounds are
// DisplayWidth × DisplayHeight, and the EXIF Orientation tag must not be
// applied to it again. It is a fresh Go image (YCbCr, Gray, NRGBA or
// RGBA) that holds no reference to the decoder's memory. Decode is safe
// for concurrent use; decodes run one at a time.
func Decode(data []byte, lim Limits) (image.Image, *Info, error) {
	in, err := ProbeBytes(data, lim)
	if err != nil {
		return nil, in, err
	}
	if in.codec != "hvc1" {
		return nil, in, fmt.Errorf("%w: %s picture (%s item)", ErrUnsupported, in.codec, in.PrimaryType)
	}
	var img image.Image
	if in.tiled() {
		img, err = decodeTiled(in)
	} else {
		img, err = decodeHEVC(data)
	}
	if err != nil {
		return nil, in, err
	}
	b := img.Bounds()
	if b.Dx() != in.DisplayWidth() || b.Dy() != in.DisplayHeight() {
		return nil, in, fmt.Errorf("%w: the file says %d×%d but its picture decodes to %d×%d", ErrCorrupt, in.DisplayWidth(), in.DisplayHeight(), b.Dx(), b.Dy())
	}
	return img, in, nil
}

func decodeHEVC(data []byte) (img image.Image, err error) {
	decodeMu.Lock()
	defer decodeMu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("heif: decoder failed: %v", p)
		}
	}()
	raw, err := heic.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("heif: decoding the HEVC picture: %w", err)
	}
	return detach(raw)
}

// detach copies the picture out of the WebAssembly instance's memory,
// which the library's image points into: keeping that image would keep
// the whole instance heap alive.
func detach(src image.Image) (image.Image, error) {
	switch s := src.(type) {
	case *image.YCbCr:
		d := image.NewYCbCr(s.Rect, s.SubsampleRatio)
		h := s.Rect.Dy()
		ch := h
		if s.SubsampleRatio == image.YCbCrSubsampleRatio420 {
			ch = (h + 1) / 2
		}
		copyPlane(d.Y, d.YStride, s.Y, s.YStride, h)
		copyPlane(d.Cb, d.CStride, s.Cb, s.CStride, ch)
		copyPlane(d.Cr, d.CStride, s.Cr, s.CStride, ch)
		return d, nil
	case *image.Gray:
		d := image.NewGray(s.Rect)
		copyPlane(d.Pix, d.Stride, s.Pix, s.Stride, s.Rect.Dy())
		return d, nil
	case *image.NRGBA:
		d := image.NewNRGBA(s.Rect)
		copyPlane(d.Pix, d.Stride, s.Pix, s.Stride, s.Rect.Dy())
		return d, nil
	case *image.RGBA:
		d := image.NewRGBA(s.Rect)
		copyPlane(d.Pix, d.Stride, s.Pix, s.Stride, s.Rect.Dy())
		return d, nil
	}
	return nil, fmt.Errorf("heif: decoder returned an unexpected %T", src)
}

// copyPlane copies rows rows of a plane from one stride to another.
func copyPlane(dst []byte, dstStride int, src []byte, srcStride, rows int) {
	n := min(dstStride, srcStride)
	for y := 0; y < rows; y++ {
		copy(dst[y*dstStride:y*dstStride+n], src[y*srcStride:])
	}
}
