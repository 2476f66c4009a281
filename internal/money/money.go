// Package money holds amounts of money exactly, as a count of fen (0.01 yuan).
// Amounts are parsed from text, never through float64, so 0.1 + 0.2 is 0.30.
package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Fen is an amount in fen (1 yuan = 100 fen). Negative amounts are allowed.
type Fen int64

// maxYuanDigits bounds the integer part so that the fen count fits in int64
// with room to add many amounts.
const maxYuanDigits = 15

// ErrSyntax is returned for text that is not an amount.
var ErrSyntax = errors.New("not an amount")

// Parse reads an amount such as "5000", "5,000.00", "¥12.5", "-3.20",
// "+0.01" or "12.00元". More than two decimal places is an error, not a
// rounding: an amount in a bill or case file is exact.
func Parse(s string) (Fen, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "\ufeff")
	neg := false
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "−"):
		neg = true
		t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "−")
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	for _, p := range []string{"¥", "￥", "RMB", "CNY"} {
		t = strings.TrimPrefix(strings.TrimSpace(t), p)
	}
	for _, suf := range []string{"元", "CNY", "RMB"} {
		t = strings.TrimSuffix(strings.TrimSpace(t), suf)
	}
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "-") && !neg {
		neg = true
		t = t[1:]
	}
	t = strings.ReplaceAll(t, ",", "")
	if t == "" {
		return 0, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" && !hasDot {
		return 0, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	if len(intPart) > maxYuanDigits {
		return 0, fmt.Errorf("%q: amount too large: %w", s, ErrSyntax)
	}
	if len(frac) > 2 {
		// Trailing zeros are harmless ("12.500"); anything else is not exact.
		if strings.TrimRight(frac[2:], "0") != "" {
			return 0, fmt.Errorf("%q: more than two decimal places: %w", s, ErrSyntax)
		}
		frac = frac[:2]
	}
	for len(frac) < 2 {
		frac += "0"
	}
	var v int64
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q: %w", s, ErrSyntax)
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return Fen(v), nil
}

// String prints the amount with two decimals and thousands separators
// omitted, as bills print it: "5000.00", "-0.30".
func (f Fen) String() string {
	v := int64(f)
	sign := ""
	if v < 0 {
		sign = "-"
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Grouped prints the amount with thousands separators: "5,000.00".
func (f Fen) Grouped() string {
	s := f.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	return sign + groupDigits(intPart) + "." + frac
}

// Grouped writes a whole number with thousands separators: "3,916,756",
// "-1,000". The dossier prints byte counts with it.
func Grouped(n int64) string {
	if n < 0 {
		// -(n+1)+1 so that the smallest int64 has a magnitude too.
		return "-" + groupDigits(strconv.FormatUint(uint64(-(n+1))+1, 10))
	}
	return groupDigits(strconv.FormatInt(n, 10))
}

// groupDigits puts a comma before every third digit from the right.
func groupDigits(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// MarshalJSON writes the amount as a JSON string ("5000.00") so that no
// reader turns it into a float.
func (f Fen) MarshalJSON() ([]byte, error) {
	return []byte(`"` + f.String() + `"`), nil
}

// UnmarshalJSON reads an amount written by MarshalJSON (string or number).
func (f *Fen) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*f = v
	return nil
}
