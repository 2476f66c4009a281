package pdf

import (
	"unicode/utf16"
)

// cmap is what casebundle needs of a CMap (ToUnicode or an embedded
// Encoding): the code space (how many bytes make one character code) and
// the mappings from codes to Unicode text. Ranges are kept as ranges, never
// expanded, so a range of 65536 codes costs one entry.
type cmap struct {
	space  []codeRange // codespace ranges
	chars  map[uint32]string
	ranges []bfRange
}

type codeRange struct {
	n      int // bytes
	lo, hi []byte
}

type bfRange struct {
	n      int // bytes of the source codes
	lo, hi uint32
	dst    []uint16 // UTF-16 of the first code's text; the last unit counts up
	list   []string // or one text per code (the array form)
}

// parseCMap reads a CMap stream. Unknown operators are skipped; the
// number of tokens is bounded by the stream's length.
func parseCMap(b []byte) *cmap {
	c := &cmap{chars: map[uint32]string{}}
	l := &lexer{b: b, maxDepth: 4}
	var stack []any
	for {
		tok, err := l.token()
		if err != nil {
			break
		}
		kw, isKw := tok.(keyword)
		if !isKw || kw == "[" || kw == "<<" {
			if isKw {
				o, err := l.objectFrom(tok, 0)
				if err != nil {
					break
				}
				tok = o
			}
			if len(stack) > 4096 {
				stack = stack[:0]
			}
			stack = append(stack, tok)
			continue
		}
		switch kw {
		case "begincodespacerange":
			c.readPairs(l, "endcodespacerange", func(a, b pdfString) {
				if len(a) >= 1 && len(a) <= 4 && len(a) == len(b) {
					c.space = append(c.space, codeRange{len(a), a, b})
				}
			})
		case "beginbfchar":
			c.readPairs(l, "endbfchar", func(a, b pdfString) {
				if len(a) >= 1 && len(a) <= 4 {
					c.chars[codeOf(a)] = utf16Text(b)
				}
			})
		case "beginbfrange":
			c.readRanges(l)
		}
		stack = stack[:0]
	}
	return c
}

func codeOf(b []byte) uint32 {
	var v uint32
	for _, x := range b {
		v = v<<8 | uint32(x)
	}
	return v
}

func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

func (c *cmap) readPairs(l *lexer, end keyword, f func(a, b pdfString)) {
	for {
		t1, err := l.token()
		if err != nil || t1 == end {
			return
		}
		t2, err := l.token()
		if err != nil || t2 == end {
			return
		}
		a, ok1 := t1.(pdfString)
		b, ok2 := t2.(pdfString)
		if ok1 && ok2 {
			f(a, b)
		}
	}
}

func (c *cmap) readRanges(l *lexer) {
	for {
		t1, err := l.token()
		if err != nil || t1 == keyword("endbfrange") {
			return
		}
		t2, err := l.token()
		if err != nil {
			return
		}
		t3, err := l.object(0)
		if err != nil {
			return
		}
		lo, ok1 := t1.(pdfString)
		hi, ok2 := t2.(pdfString)
		if !ok1 || !ok2 || len(lo) < 1 || len(lo) > 4 || len(lo) != len(hi) {
			continue
		}
		r := bfRange{n: len(lo), lo: codeOf(lo), hi: codeOf(hi)}
		if r.hi < r.lo {
			continue
		}
		switch d := t3.(type) {
		case pdfString:
			for i := 0; i+1 < len(d); i += 2 {
				r.dst = append(r.dst, uint16(d[i])<<8|uint16(d[i+1]))
			}
			if len(d) == 1 {
				r.dst = []uint16{uint16(d[0])}
			}
			if len(r.dst) == 0 {
				continue
			}
		case array:
			r.list = make([]string, 0, len(d)) // non-nil: the array form
			for _, x := range d {
				s, _ := x.(pdfString)
				r.list = append(r.list, utf16Text(s))
			}
		default:
			continue
		}
		c.ranges = append(c.ranges, r)
	}
}

// lookup returns the text of code (of n bytes).
func (c *cmap) lookup(code uint32, n int) (string, bool) {
	if s, ok := c.chars[code]; ok {
		return s, true
	}
	// The last range that holds the code wins, as a later definition does.
	for i := len(c.ranges) - 1; i >= 0; i-- {
		r := &c.ranges[i]
		if r.n != n || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		if len(r.dst) == 0 {
			return "", false
		}
		u := append([]uint16{}, r.dst...)
		// The whole last unit counts up (poppler does the same; a range
		// such as <0000> <FFFF> <0000> is the identity).
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// codeLen returns how many bytes of s make the next code, by the code
// space ranges; def when the CMap has none or none matches.
func (c *cmap) codeLen(s []byte, def int) int {
	if c == nil || len(c.space) == 0 {
		return def
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range c.space {
			if r.n != n {
				continue
			}
			in := true
			for i := 0; i < n; i++ {
				if s[i] < r.lo[i] || s[i] > r.hi[i] {
					in = false
					break
				}
			}
			if in {
				return n
			}
		}
	}
	// No range matches: take the shortest length of the code space.
	min := 4
	for _, r := range c.space {
		if r.n < min {
			min = r.n
		}
	}
	return min
}
