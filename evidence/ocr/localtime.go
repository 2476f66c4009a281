package ocr

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// LocalTime is a time as a screenshot shows it: the phone's wall clock.
// A screenshot carries no time zone, so ZoneKnown is always false; the
// reader of a Chinese payment page may assume UTC+8 but must say so.
// Year is 0 when the page shows no year (chat stamps such as 11月3日 14:05),
// and HasSeconds says whether seconds were shown.
type LocalTime struct {
	Year       int  `json:"year,omitempty"`
	Month      int  `json:"month"`
	Day        int  `json:"day"`
	Hour       int  `json:"hour"`
	Minute     int  `json:"minute"`
	Second     int  `json:"second,omitempty"`
	HasSeconds bool `json:"has_seconds"`
	ZoneKnown  bool `json:"zone_known"`
}

// String writes the time as shown, normalised: "2025-11-03 14:05:12",
// "2025-11-03 14:05", or "11-03 14:05" without a year.
func (t LocalTime) String() string {
	s := fmt.Sprintf("%02d-%02d %02d:%02d", t.Month, t.Day, t.Hour, t.Minute)
	if t.Year != 0 {
		s = fmt.Sprintf("%04d-", t.Year) + s
	}
	if t.HasSeconds {
		s += fmt.Sprintf(":%02d", t.Second)
	}
	return s
}

// In returns the time in zone loc, the zone the caller assumes (and must
// flag as assumed). ok is false when the page showed no year.
func (t LocalTime) In(loc *time.Location) (time.Time, bool) {
	if t.Year == 0 {
		return time.Time{}, false
	}
	return time.Date(t.Year, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, 0, loc), true
}

var (
	// 2025年11月3日 14:05:12, with the spaces OCR puts between the parts.
	reTimeCN = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日目]\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?`)
	// 2025-11-03 14:05:12, 2025/11/03 14:05, 2025.11.03 14:05.
	reTimeISO = regexp.MustCompile(`(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s+(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?`)
	// 11月3日 14:05 (no year: chats and this year's bills).
	reTimeMD = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})\s*月\s*(\d{1,2})\s*[日目]\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?`)
	// A chat stamp on its own: 14:05, 昨天 14:05, 星期一 14:05, 11月3日 14:05.
	reStampOnly = regexp.MustCompile(`^(?:昨天|今天|星期[一二三四五六日天]|周[一二三四五六日天]|\d{1,2}\s*月\s*\d{1,2}\s*[日目]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日目])?\s*(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}\s*[:：]\s*\d{2}$`)
)

// findTime returns the first well-formed time in s, with the byte range
// it covers.
func findTime(s string) (LocalTime, int, int, bool) {
	for _, re := range []*regexp.Regexp{reTimeCN, reTimeISO} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if t, ok := localTime(s, m[2:], true); ok {
				return t, m[0], m[1], true
			}
		}
	}
	for _, m := range reTimeMD.FindAllStringSubmatchIndex(s, -1) {
		if t, ok := localTime(s, m[2:], false); ok {
			return t, m[2], m[1], true
		}
	}
	return LocalTime{}, 0, 0, false
}

// localTime builds a time from submatch offsets: year (when withYear),
// month, day, hour, minute and optional second.
func localTime(s string, idx []int, withYear bool) (LocalTime, bool) {
	get := func(k int) (int, bool) {
		if idx[2*k] < 0 {
			return 0, false
		}
		v, err := strconv.Atoi(s[idx[2*k]:idx[2*k+1]])
		return v, err == nil
	}
	var t LocalTime
	k := 0
	if withYear {
		t.Year, _ = get(0)
		k = 1
	}
	t.Month, _ = get(k)
	t.Day, _ = get(k + 1)
	t.Hour, _ = get(k + 2)
	t.Minute, _ = get(k + 3)
	t.Second, t.HasSeconds = get(k + 4)
	if withYear && (t.Year < 2004 || t.Year > 2100) {
		return t, false
	}
	if t.Month < 1 || t.Month > 12 || t.Day < 1 || t.Day > 31 || t.Hour > 23 || t.Minute > 59 || t.Second > 59 {
		return t, false
	}
	y := t.Year
	if y == 0 {
		y = 2024 // a leap year: 2月29日 is a date when no year is shown
	}
	if time.Date(y, time.Month(t.Month), t.Day, 0, 0, 0, 0, time.UTC).Day() != t.Day {
		return t, false
	}
	return t, true
}

func isTimeOnly(s string) bool { return reStampOnly.MatchString(s) }
