package evidence

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/evidence/image"
	"github.com/casebundle/casebundle/internal/membudget"
)

// inspectImage reads an image's header, its EXIF and proves that it
// decodes; the facts evidence/image reports become the item's metadata and
// findings.
func inspectImage(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindImage
	it.Meta.Format = strings.TrimPrefix(it.MIME, "image/")
	if it.Meta.Format == "png" {
		if ph, err := image.ParsePNGHeader(head); err == nil {
			it.Meta.BitDepth = ph.BitDepth
			it.Meta.Interlaced = ph.Interlaced
			it.Meta.Alpha = ph.Alpha
		}
	}
	w, h, err := image.Config(head)
	if err != nil {
		it.Add(CodeImageHeaderUnreadable, err)
		return nil
	}
	it.Meta.Width, it.Meta.Height = w, h
	if w <= 0 || h <= 0 || int64(w)*int64(h) > lim.MaxPixels {
		limit := Text{Zh: strconv.FormatInt(lim.MaxPixels/10000, 10), En: strconv.FormatInt(lim.MaxPixels/1_000_000, 10)}
		it.Add(CodeImageTooLarge, w, h, limit)
		return nil
	}
	if it.Meta.Format == "jpeg" {
		readEXIF(it, head)
	} else {
		it.Add(CodeScreenshotNoMetadata)
	}
	// A decode holds the image's pixels: take their bytes from the budget
	// shared with the dossier's image preparation (a PNG is checked without
	// them).
	var held int64
	if it.Meta.Format != "png" {
		held = membudget.Images.Acquire(int64(w) * int64(h) * 4)
	}
	err = image.Check(io.MultiReader(bytes.NewReader(head), rest), it.Meta.Format)
	membudget.Images.Release(held)
	if err != nil {
		it.Add(CodeImageUndecodable, err)
	}
	return nil
}

// readEXIF turns a JPEG's EXIF into the capture time and metadata.
func readEXIF(it *Item, head []byte) {
	e, err := image.ReadEXIF(head)
	if err != nil {
		it.Add(CodeEXIFUnreadable, err)
	}
	if e == nil {
		it.Add(CodePhotoNoCaptureTime)
		return
	}
	it.Meta.Orientation = e.Orientation
	it.Meta.Camera = e.Camera
	if e.GPS != nil {
		it.Meta.GPS = &GPS{Lat: e.GPS.Lat, Lon: e.GPS.Lon}
	}
	if e.Time.IsZero() {
		it.Add(CodePhotoNoCaptureTime)
		return
	}
	it.Captured = &Captured{Time: e.Time, ZoneKnown: e.ZoneKnown, Source: "exif"}
	if e.ZoneKnown {
		it.Meta.CaptureZone = e.Zone
	} else {
		it.Meta.CaptureZone = "unknown"
		it.Add(CodeCaptureZoneUnknown, it.Captured.Local())
	}
}
