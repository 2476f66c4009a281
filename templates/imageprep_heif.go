package templates

import (
	"errors"
	"image"

	"github.com/casebundle/casebundle/evidence/heif"
	"github.com/casebundle/casebundle/internal/membudget"
)

// isHEIF reports an ISO BMFF file (bytes 4-8 "ftyp"): among images, a
// HEIC, HEIF or AVIF photo. It must be sent to prepareHEIF before
// image.DecodeConfig sees it: importing evidence/heif registers a decoder
// for HEIC with the image package that knows none of Probe's limits.
func isHEIF(raw []byte) bool {
	return len(raw) >= 12 && string(raw[4:8]) == "ftyp"
}

// prepareHEIF decodes a HEIF photo with evidence/heif and encodes it as
// JPEG for the PDF. The picture Decode returns is upright (the file's
// irot and imir are applied), so the EXIF orientation is not applied
// again. The decode takes Info.DecodeBytes from the image budget (a
// decoder instance's memory, far more than the 8 bytes a pixel asked for
// other formats), and the JPEG encoding what the picture holds besides.
func prepareHEIF(raw []byte) (typ string, w, h int, data []byte, err error) {
	lim := heif.Limits{MaxPixels: maxPixels}
	in, err := heif.ProbeBytes(raw, lim)
	var se *heif.SizeError
	switch {
	case errors.As(err, &se):
		return "", 0, 0, nil, whyf(imgTooLarge, int(se.Width), int(se.Height), maxPixels/1_000_000)
	case err != nil:
		return "", 0, 0, nil, whyf(imgBadHeader, err)
	}
	held := membudget.Images.Acquire(in.DecodeBytes(len(raw)))
	defer membudget.Images.Release(held)
	img, _, err := heif.Decode(raw, lim)
	switch {
	case errors.Is(err, heif.ErrUnsupported):
		return "", 0, 0, nil, whyf(imgFormat, in.Brand)
	case err != nil:
		return "", 0, 0, nil, whyf(imgNoDecode, err)
	}
	if _, ok := img.(*image.YCbCr); ok || !in.HasAlpha {
		return encodeJPEG(img)
	}
	// With an alpha plane: flattened onto white, as other images are.
	return encodePNG(img)
}
