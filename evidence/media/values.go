package media

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// setFrameRate sets the rate samples*timescale/ticks frames per second,
// reduced, and its decimal form rounded to three places.
func (in *Info) setFrameRate(samples, timescale, ticks uint64) {
	g := gcd(samples, ticks)
	samples, ticks = samples/g, ticks/g
	g = gcd(timescale, ticks)
	timescale, ticks = timescale/g, ticks/g
	hi, num := bits.Mul64(samples, timescale)
	if hi != 0 || num > 1<<53 || ticks > 1<<53 || num == 0 {
		return
	}
	in.FrameRateNum, in.FrameRateDen = int64(num), int64(ticks)
	in.FrameRate = decimal3(num, ticks)
}

// decimal3 writes num/den rounded to three decimals, without trailing zeros.
func decimal3(num, den uint64) string {
	q := (num*1000 + den/2) / den // num < 2^53: no overflow
	s := strconv.FormatUint(q/1000, 10)
	if f := q % 1000; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%03d", f), "0")
	}
	return s
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// dateLayouts are the forms phones and muxers write creation dates in,
// with a zone first. iOS writes "2025-11-03T14:05:12+0800".
var dateLayouts = []struct {
	layout string
	zone   bool
}{
	{"2006-01-02T15:04:05-0700", true},
	{"2006-01-02T15:04:05Z07:00", true},
	{"2006-01-02T15:04:05.999999999-0700", true},
	{"2006-01-02T15:04:05.999999999Z07:00", true},
	{"2006-01-02 15:04:05-0700", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02 15:04:05", false},
}

// parseDate reads a creation date. With a zone it returns the instant in
// UTC; without one the wall-clock reading in time.UTC and zone false.
func parseDate(v string) (t time.Time, zone bool, ok bool) {
	v = strings.TrimSpace(strings.TrimRight(v, "\x00"))
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			if t.Year() < 1900 || t.Year() > 9999 {
				return time.Time{}, false, false
			}
			return t.UTC(), l.zone, true
		}
	}
	return time.Time{}, false, false
}

// parseISO6709 reads the latitude and longitude of "+31.2304+121.4737/"
// or "+31.2304+121.4737+004.000/" (decimal degrees, the form phones write).
func parseISO6709(v string) (lat, lon float64, ok bool) {
	v = strings.TrimSuffix(strings.TrimSpace(v), "/")
	var parts []string
	start := -1
	for i, c := range v {
		if c == '+' || c == '-' {
			if start >= 0 {
				parts = append(parts, v[start:i])
			}
			start = i
		} else if start < 0 {
			return 0, 0, false
		}
	}
	if start >= 0 {
		parts = append(parts, v[start:])
	}
	if len(parts) < 2 {
		return 0, 0, false
	}
	lat, err1 := strconv.ParseFloat(parts[0], 64)
	lon, err2 := strconv.ParseFloat(parts[1], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lat, lon, true
}
