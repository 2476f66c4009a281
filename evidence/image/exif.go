package image

import (
	"bytes"
	"math"
	"strings"
	"time"

	"github.com/rwcarlsen/goexif/exif"
)

// EXIF is what casebundle reads from a photo's EXIF segment.
type EXIF struct {
	// Time is DateTimeOriginal (else DateTime); zero when the photo has
	// neither or the value is not a plausible time. When the matching
	// OffsetTime* tag is present, ZoneKnown is true and Time is the instant
	// in UTC; when absent, Time holds the wall clock as written, in UTC,
	// since a phone writes local time only.
	Time      time.Time
	ZoneKnown bool
	// Zone is the offset tag as written ("+08:00"), "" when absent.
	Zone        string
	Orientation int
	Camera      string
	GPS         *GPS
}

// GPS is a position from EXIF, in decimal degrees.
type GPS struct {
	Lat, Lon float64
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
		e.Time, e.ZoneKnown = parseEXIFTime(t, e.Zone)
	} else if t, ok := exifString(x, exif.DateTime); ok {
		e.Zone = exifFirst(x, exif.OffsetTime)
		e.Time, e.ZoneKnown = parseEXIFTime(t, e.Zone)
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

// parseEXIFTime reads "2006:01:02 15:04:05" with an optional "+08:00"; the
// zero time when s is not a plausible time.
func parseEXIFTime(s, offset string) (time.Time, bool) {
	t, err := time.Parse("2006:01:02 15:04:05", s)
	if err != nil {
		// Some writers use dashes.
		if t, err = time.Parse("2006-01-02 15:04:05", s); err != nil {
			return time.Time{}, false
		}
	}
	if t.Year() < 1990 {
		return time.Time{}, false
	}
	if offset != "" {
		if z, err := time.Parse("-07:00", offset); err == nil {
			_, off := z.Zone()
			loc := time.FixedZone(offset, off)
			local := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
			return local.UTC(), true
		}
	}
	return t, false
}
