package templates

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/casebundle/casebundle/fonts"
)

// ptToMM converts a font size in points to millimetres.
const ptToMM = 25.4 / 72

// metrics knows which runes the embedded font can draw and how wide each
// one is, in thousandths of the font size (the unit gofpdf measures in).
// gofpdf draws only the Basic Multilingual Plane, so that is all it holds.
type metrics struct {
	has    [1 << 16 / 64]uint64
	width  [1 << 16]uint16
	marker string // what stands in for a rune the font cannot draw
	// redact, when set, masks personal numbers in every string drawn.
	redact func(string) string
}

var (
	metricsOnce sync.Once
	metricsVal  *metrics
	metricsErr  error
)

// fontMetrics reads the font once per process.
func fontMetrics() (*metrics, error) {
	metricsOnce.Do(func() { metricsVal, metricsErr = loadMetrics() })
	return metricsVal, metricsErr
}

func loadMetrics() (*metrics, error) {
	f, err := sfnt.Parse(fonts.MicroHei)
	if err != nil {
		return nil, fmt.Errorf("templates: read embedded font: %w", err)
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fonts.Family, "", fonts.MicroHei)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("templates: load embedded font: %w", err)
	}
	pdf.SetFont(fonts.Family, "", 10)
	m := &metrics{}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		m.has[r/64] |= 1 << (r % 64)
		m.width[r] = uint16(pdf.GetStringSymbolWidth(string(r)))
	}
	switch {
	case m.covers('□'):
		m.marker = "□"
	default:
		m.marker = "[?]"
	}
	return m, nil
}

func (m *metrics) covers(r rune) bool {
	return r >= 0 && r < 1<<16 && m.has[r/64]&(1<<(r%64)) != 0
}

// invisible reports runes that carry no visible content and that gofpdf
// would otherwise draw as boxes: zero-width spaces and joiners, direction
// marks and overrides, variation selectors, the byte order mark, the soft
// hyphen. Dropping them loses nothing a reader could see.
func invisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0xFEFF:
		return true
	case r >= 0x200B && r <= 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2060 && r <= 0x2069:
		return true
	case r >= 0xFE00 && r <= 0xFE0F:
		return true
	}
	return false
}

// clean makes s safe for gofpdf: control characters are removed (a line
// break becomes a space unless keepBreaks), tabs become spaces, and every
// rune the font cannot draw (emoji and anything above U+FFFF, which panic
// inside gofpdf, or a code point without a glyph) is replaced by a visible
// marker, never dropped.
func (m *metrics) clean(s string, keepBreaks bool) string {
	if m.redact != nil {
		s = m.redact(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		switch {
		case r == '\n' && prevCR:
			// The second half of a CRLF.
		case r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85:
			if keepBreaks {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteString("    ")
		case unicode.IsControl(r), invisible(r):
		case r > 0xFFFF, !m.covers(r):
			b.WriteString(m.marker)
		default:
			b.WriteRune(r)
		}
		prevCR = cr
	}
	return b.String()
}

// wide reports runes set solid, with no spaces between words, where a line
// may break on either side: hanzi, kana, hangul, CJK punctuation and the
// full-width forms.
func wide(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0x303F, r >= 0x3040 && r <= 0x33FF:
		return true
	case r >= 0x3400 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF:
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	}
	return false
}

// noStart holds the punctuation that must not begin a line, noEnd the
// punctuation that must not end one (the Chinese line-breaking rules).
const (
	noStart = "，。、；：？！）」』》〉】〕｝］｠’”…—～·％‰°℃,.;:?!)]}%»›·"
	noEnd   = "（「『《〈【〔｛［｟‘“([{¥￥$«‹"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// breakBefore reports whether a line may break between rs[i-1] and rs[i].
func breakBefore(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	switch {
	case b == ' ', isNoStart(b), isNoEnd(a):
		return false
	case a == ' ':
		return true
	case wide(a), wide(b):
		return true
	case a == '/' || a == '\\':
		// Paths break after a separator before they break anywhere.
		return true
	}
	return false
}

// textWidth is the width in millimetres of s at size points.
func (m *metrics) textWidth(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		if r < 1<<16 {
			w += int(m.width[r])
		}
	}
	return float64(w) * size * ptToMM / 1000
}

// wrap breaks s into lines no wider than width millimetres at size points.
// s must be clean. A "\n" is a hard break; an empty paragraph gives an
// empty line. Between hanzi a line may break anywhere; Latin words break at
// spaces, and a token longer than a line (a hash, a long path) breaks
// wherever it must. The spaces at a break are dropped; no other rune is.
// Closing punctuation is kept off the start of a line and opening
// punctuation off its end.
func (m *metrics) wrap(s string, size, width float64) []string {
	limit := int(width * 1000 / (size * ptToMM))
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		lines = m.wrapPara(lines, []rune(para), limit)
	}
	return lines
}

func (m *metrics) wrapPara(lines []string, rs []rune, limit int) []string {
	if len(rs) == 0 {
		return append(lines, "")
	}
	start := 0
	for start < len(rs) {
		w, bp, i := 0, -1, start
		for ; i < len(rs); i++ {
			if i > start && breakBefore(rs, i) && !allSpaces(rs[start:i]) {
				bp = i
			}
			rw := 0
			if rs[i] < 1<<16 {
				rw = int(m.width[rs[i]])
			}
			// Spaces hang past the margin: they vanish at a break.
			if w+rw > limit && i > start && rs[i] != ' ' {
				break
			}
			w += rw
		}
		if i == len(rs) {
			lines = append(lines, string(rs[start:]))
			break
		}
		end := bp
		if end <= start {
			// No break opportunity on the line: break the token here,
			// still keeping closing punctuation off the next line's start.
			end = i
			if end-start > 1 && (isNoStart(rs[end]) || isNoEnd(rs[end-1])) {
				end--
			}
		}
		lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
		start = end
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return lines
}

func allSpaces(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' {
			return false
		}
	}
	return true
}

// fit shortens s with an ellipsis until it is no wider than width at size.
func (m *metrics) fit(s string, size, width float64) string {
	if m.textWidth(s, size) <= width {
		return s
	}
	rs := []rune(s)
	limit := int(width*1000/(size*ptToMM)) - int(m.width['…'])
	w := 0
	for i, r := range rs {
		if r < 1<<16 {
			w += int(m.width[r])
		}
		if w > limit {
			return strings.TrimRight(string(rs[:i]), " ") + "…"
		}
	}
	return s
}
