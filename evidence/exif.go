package evidence

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rwcarlsen/goexif/exif"
)

// EXIF is what casebundle reads from a photo's EXIF segment.
type EXIF struct {
	// Captured is DateTimeOriginal (else DateTime). Zone is the matching
	// OffsetTime* tag; when absent, ZoneKnown is false and Time holds the
	// wall clock in UTC, as a phone writes local time only.
	Captured *Captured
	// Zone is the offset tag as written ("+08:00"), "" when absent.
	Zone        string
	Orientation int
	Camera      string
	GPS         *GPS
}

// ReadEXIF reads EXIF from the start of a JPEG (or a raw TIFF/EXIF block).
// It returns nil and no error when there is no EXIF at all.
func ReadEXIF(head []byte) (*EXIF, error) {
	x, err := exif.Decode(bytes.NewReader(head))
	if x == nil {
		if err != nil && strings.Contains(err.Error(), "no exif data") {
			return nil, nil
		}
		if err != nil && (strings.Contains(err.Error(), "failed to find exif intro marker") || strings.Contains(err.Error(), "EOF")) {
			return nil, nil
		}
		return nil, err
	}
	e := &EXIF{}
	if t, ok := exifString(x, exif.DateTimeOriginal); ok {
		e.Zone = exifFirst(x, exif.OffsetTimeOriginal, exif.OffsetTime)
		e.Captured = parseEXIFTime(t, e.Zone)
	} else if t, ok := exifString(x, exif.DateTime); ok {
		e.Zone = exifFirst(x, exif.OffsetTime)
		e.Captured = parseEXIFTime(t, e.Zone)
	}
	if tag, err := x.Get(exif.Orientation); err == nil {
		if v, err := tag.Int(0); err == nil && v >= 1 && v <= 8 {
			e.Orientation = v
		}
	}
	mk, _ := exifString(x, exif.Make)
	model, _ := exifString(x, exif.Model)
	switch {
	case mk != "" && model != "" && strings.HasPrefix(strings.ToLower(model), strings.ToLower(mk)):
		e.Camera = model
	default:
		e.Camera = strings.TrimSpace(mk + " " + model)
	}
	if lat, lon, err := x.LatLong(); err == nil && !math.IsNaN(lat) && !math.IsNaN(lon) &&
		math.Abs(lat) <= 90 && math.Abs(lon) <= 180 && (lat != 0 || lon != 0) {
		e.GPS = &GPS{Lat: math.Round(lat*1e6) / 1e6, Lon: math.Round(lon*1e6) / 1e6}
	}
	if exif.IsCriticalError(err) {
		return e, err
	}
	return e, nil
}

func exifString(x *exif.Exif, name exif.FieldName) (string, bool) {
	tag, err := x.Get(name)
	if err != nil {
		return "", false
	}
	s, err := tag.StringVal()
	if err != nil {
		return "", false
	}
	s = strings.TrimSpace(strings.TrimRight(s, "\x00"))
	return s, s != ""
}

func exifFirst(x *exif.Exif, names ...exif.FieldName) string {
	for _, n := range names {
		if s, ok := exifString(x, n); ok {
			return s
		}
	}
	return ""
}

// parseEXIFTime reads "2006:01:02 15:04:05" with an optional "+08:00".
func parseEXIFTime(s, offset string) *Captured {
	t, err := time.Parse("2006:01:02 15:04:05", s)
	if err != nil {
		// Some writers use dashes.
		if t, err = time.Parse("2006-01-02 15:04:05", s); err != nil {
			return nil
		}
	}
	if t.Year() < 1990 {
		return nil
	}
	if offset != "" {
		if z, err := time.Parse("-07:00", offset); err == nil {
			_, off := z.Zone()
			loc := time.FixedZone(offset, off)
			local := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
			return &Captured{Time: local.UTC(), ZoneKnown: true, Source: "exif"}
		}
	}
	return &Captured{Time: t, ZoneKnown: false, Source: "exif"}
}

func readEXIF(it *Item, head []byte) {
	e, err := ReadEXIF(head)
	if err != nil {
		it.addFinding("exif_unreadable", Warning,
			fmt.Sprintf("照片的 EXIF 元数据损坏，无法完整读取（%v）。", err),
			fmt.Sprintf("The photo's EXIF metadata is damaged and could not be read in full (%v).", err))
	}
	if e == nil {
		it.addFinding("no_capture_metadata", Info,
			"照片不含 EXIF 拍摄时间；时间以文件修改时间和其他证据为准。",
			"The photo carries no EXIF capture time; rely on the file time and other evidence.")
		return
	}
	it.Meta.Orientation = e.Orientation
	it.Meta.Camera = e.Camera
	it.Meta.GPS = e.GPS
	it.Captured = e.Captured
	if e.Captured == nil {
		it.addFinding("no_capture_metadata", Info,
			"照片不含 EXIF 拍摄时间；时间以文件修改时间和其他证据为准。",
			"The photo carries no EXIF capture time; rely on the file time and other evidence.")
		return
	}
	if e.Captured.ZoneKnown {
		it.Meta.CaptureZone = e.Zone
	} else {
		it.Meta.CaptureZone = "unknown"
		it.addFinding("capture_zone_unknown", Info,
			fmt.Sprintf("EXIF 拍摄时间 %s 未记录时区，按手机本地时间显示（中国大陆手机通常为 UTC+8）。", e.Captured.Local()),
			fmt.Sprintf("The EXIF capture time %s has no zone; it is shown as the phone's local time (phones in mainland China usually use UTC+8).", e.Captured.Local()))
	}
}
