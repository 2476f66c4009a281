// Package redact masks personal numbers in text: mainland ID-card numbers,
// mobile phone numbers and bank-card numbers, and any value it is told to
// hide. It keeps the first and last digits so a reader can still tell the
// numbers apart ("139****2745"), and never touches the longer transaction
// numbers of WeChat Pay and Alipay (28 digits and more).
package redact

import (
	"regexp"
	"sort"
	"strings"
)

// Masker masks the claimant's own values and the number patterns.
type Masker struct {
	values []string // longest first
}

// New returns a Masker that also hides each of values wherever it appears
// (the claimant's ID number, phone, account). Values shorter than four
// runes are ignored: masking "李明" everywhere would hide the case itself.
func New(values ...string) *Masker {
	m := &Masker{}
	for _, v := range values {
		v = strings.TrimSpace(v)
		if len([]rune(v)) >= 4 {
			m.values = append(m.values, v)
		}
	}
	sort.SliceStable(m.values, func(i, j int) bool { return len(m.values[i]) > len(m.values[j]) })
	return m
}

var (
	// A digit run not touching another digit or letter (so hex digests and
	// file names stay whole): an 18-character ID number
	// (the last may be X), an 11-digit mobile number, a 16–19 digit card.
	idCard = regexp.MustCompile(`(^|[^0-9A-Za-z])([1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])([^0-9A-Za-z]|$)`)
	mobile = regexp.MustCompile(`(^|[^0-9A-Za-z])(1[3-9][0-9]{9})([^0-9A-Za-z]|$)`)
	card   = regexp.MustCompile(`(^|[^0-9A-Za-z])([3-6][0-9]{15,18})([^0-9A-Za-z]|$)`)
	// A card written in groups: "6214 8312 3456 8816".
	groupedCard = regexp.MustCompile(`(^|[^0-9A-Za-z])([3-6][0-9]{3}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?)([^0-9A-Za-z]|$)`)
)

// String masks s.
func (m *Masker) String(s string) string {
	if s == "" {
		return s
	}
	for _, v := range m.values {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, Mask(v))
		}
	}
	for _, re := range []*regexp.Regexp{idCard, groupedCard, card, mobile} {
		s = replaceAll(re, s)
	}
	return s
}

// replaceAll masks group 2 of every match; the surrounding characters
// (groups 1 and 3) stay. Adjacent matches sharing a separator are caught by
// running until nothing changes.
func replaceAll(re *regexp.Regexp, s string) string {
	for i := 0; i < 4; i++ {
		out := re.ReplaceAllStringFunc(s, func(match string) string {
			sub := re.FindStringSubmatch(match)
			return sub[1] + Mask(sub[2]) + sub[3]
		})
		if out == s {
			return out
		}
		s = out
	}
	return s
}

// Mask keeps the first three and last four characters of a number (first
// and last one of a short value) and stars the rest, keeping separators; a value of ten characters or fewer
// keeps only its first and last.
func Mask(v string) string {
	rs := []rune(v)
	keepHead, keepTail := 3, 4
	if len(rs) <= 10 {
		keepHead, keepTail = 1, 1
	}
	out := make([]rune, len(rs))
	for i, r := range rs {
		switch {
		case i < keepHead || i >= len(rs)-keepTail:
			out[i] = r
		case r == ' ' || r == '-':
			out[i] = r
		default:
			out[i] = '*'
		}
	}
	return string(out)
}
