package evidence

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/evidence/heif"
)

// maxHEIFFile is the largest HEIF file read into memory to be probed: an
// iPhone's 48-megapixel photo is about 15 MB, a burst a few times that.
const maxHEIFFile = 64 << 20

// inspectHEIF reads a HEIC, HEIF or AVIF photo's structure with
// evidence/heif: its size and transforms, how many images it holds, and
// its Exif item (capture time and zone, camera, GPS) as for a JPEG. It
// does not decode the picture: that costs seconds of CPU, and the dossier
// decodes it once when it draws the photo (a picture that does not decode
// is then shown as a box that says why). A file claiming more pixels than
// the limit is a finding and is never decoded.
func inspectHEIF(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindImage
	it.Meta.Format = strings.TrimPrefix(it.MIME, "image/")
	data, ok, err := readAllBounded(head, rest, maxHEIFFile)
	if err != nil {
		return err
	}
	if !ok {
		it.Add(CodeHEIFFileTooLarge, maxHEIFFile>>20)
		return nil
	}
	in, err := heif.ProbeBytes(data, heif.Limits{MaxPixels: lim.MaxPixels})
	var se *heif.SizeError
	switch {
	case errors.As(err, &se):
		limit := Text{Zh: strconv.FormatInt(lim.MaxPixels/10000, 10), En: strconv.FormatInt(lim.MaxPixels/1_000_000, 10)}
		it.Add(CodeImageTooLarge, se.Width, se.Height, limit)
		return nil
	case err != nil:
		it.Add(CodeImageHeaderUnreadable, err)
		return nil
	}
	it.Meta.Width, it.Meta.Height = in.Width, in.Height
	it.Meta.BitDepth = in.BitDepth
	it.Meta.Alpha = in.HasAlpha
	if in.Items > 1 {
		it.Meta.Images = in.Items
	}
	if in.Brand == "avif" || in.Brand == "avis" {
		it.Add(CodePhotoFormatUnsupported, "AVIF")
	}
	for _, w := range in.Warnings {
		it.Add(CodeEXIFUnreadable, w)
	}
	if len(in.Exif) == 0 {
		it.Add(CodePhotoNoCaptureTime)
	} else {
		readEXIF(it, in.Exif)
	}
	// The orientation is the file's irot and imir, which the decoder
	// applies; the EXIF Orientation tag only repeats it.
	it.Meta.Orientation = in.Orientation
	return nil
}
