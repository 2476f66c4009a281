package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// font turns the bytes of a shown string into characters with their
// Unicode text and advance widths.
type font struct {
	base      string
	composite bool   // Type0: codes of 1-4 bytes by the Encoding CMap
	encCMap   *cmap  // code space of an embedded Encoding CMap
	toUni     *cmap  // ToUnicode
	codeToUni string // a predefined CMap whose codes are text: "ucs2", "gbk", "big5"
	simple    *[256]rune
	widths    map[uint32]float64 // glyph widths in 1/1000 of the text size
	wRanges   []wRange
	defWidth  float64
	scale     float64 // FontMatrix scale of a Type3 font relative to 1/1000
}

type wRange struct {
	lo, hi uint32
	w      float64
}

type glyph struct {
	code     uint32
	n        int
	text     string
	width    float64 // in 1/1000 of the text size
	unmapped bool
}

func (f *font) width(code uint32) float64 {
	if w, ok := f.widths[code]; ok {
		return w * f.scale
	}
	for _, r := range f.wRanges {
		if code >= r.lo && code <= r.hi {
			return r.w * f.scale
		}
	}
	return f.defWidth * f.scale
}

// decode splits s into codes.
func (f *font) decode(s []byte) []glyph {
	var out []glyph
	for i := 0; i < len(s); {
		n := 1
		if f.composite {
			switch {
			case f.encCMap != nil:
				n = f.encCMap.codeLen(s[i:], 2)
			case f.codeToUni == "gbk" || f.codeToUni == "big5":
				if s[i] >= 0x81 && s[i] <= 0xfe {
					n = 2
				}
			default:
				n = 2
			}
		} else if f.toUni != nil && len(f.toUni.space) > 0 {
			// A simple font's codes are one byte whatever its ToUnicode says.
			n = 1
		}
		if i+n > len(s) {
			n = len(s) - i
		}
		code := codeOf(s[i : i+n])
		g := glyph{code: code, n: n, width: f.width(code)}
		if t, ok := f.text(s[i:i+n], code, n); ok {
			g.text = t
		} else {
			g.text = "\ufffd"
			g.unmapped = true
		}
		out = append(out, g)
		i += n
	}
	return out
}

func (f *font) text(b []byte, code uint32, n int) (string, bool) {
	if f.toUni != nil {
		if t, ok := f.toUni.lookup(code, n); ok {
			return t, true
		}
	}
	if f.composite {
		switch f.codeToUni {
		case "ucs2":
			if n == 2 {
				return string(rune(code)), true
			}
		case "gbk":
			if t, err := simplifiedchinese.GBK.NewDecoder().Bytes(b); err == nil && utf8.Valid(t) && !strings.ContainsRune(string(t), '\ufffd') {
				return string(t), true
			}
		case "big5":
			if t, err := traditionalchinese.Big5.NewDecoder().Bytes(b); err == nil && !strings.ContainsRune(string(t), '\ufffd') {
				return string(t), true
			}
		}
		if n == 1 && code < 0x80 {
			return string(rune(code)), true
		}
		return "", false
	}
	if f.simple != nil && code < 256 {
		if r := f.simple[code]; r != 0 {
			return string(r), true
		}
	}
	return "", false
}

// loadFont builds the decoder of a font dictionary; fonts are cached per
// object so each is parsed once per document.
func (r *reader) loadFont(o any) *font {
	fd := r.resolveDict(o)
	if fd == nil {
		return &font{defWidth: 500, scale: 1, simple: encodingTable("StandardEncoding")}
	}
	sub, _ := r.resolve(fd["Subtype"]).(name)
	base, _ := r.resolve(fd["BaseFont"]).(name)
	f := &font{base: string(base), scale: 1, widths: map[uint32]float64{}}
	if s, ok := r.resolve(fd["ToUnicode"]).(*stream); ok {
		if b, err := r.decodeStream(s); err == nil {
			f.toUni = parseCMap(b)
		} else {
			r.noteLimit(err)
		}
	}
	if sub == "Type0" {
		f.composite = true
		f.defWidth = 1000
		switch e := r.resolve(fd["Encoding"]).(type) {
		case name:
			f.codeToUni = predefinedCMap(string(e))
		case *stream:
			if b, err := r.decodeStream(e); err == nil {
				f.encCMap = parseCMap(b)
			}
			if un, ok := r.resolve(e.dict["UseCMap"]).(name); ok {
				f.codeToUni = predefinedCMap(string(un))
			}
		}
		if desc, ok := r.resolve(fd["DescendantFonts"]).(array); ok && len(desc) > 0 {
			dd := r.resolveDict(desc[0])
			if dw, ok := num(r.resolve(dd["DW"])); ok {
				f.defWidth = dw
			}
			f.readW(r, r.resolve(dd["W"]))
		}
		return f
	}
	// Simple fonts.
	f.defWidth = 0
	if fdesc := r.resolveDict(fd["FontDescriptor"]); fdesc != nil {
		if mw, ok := num(r.resolve(fdesc["MissingWidth"])); ok {
			f.defWidth = mw
		}
	}
	if first, ok := r.resolveInt(fd["FirstChar"]); ok && first >= 0 && first < 256 {
		if ws, ok := r.resolve(fd["Widths"]).(array); ok {
			for i, w := range ws {
				if first+i > 255 {
					break
				}
				if v, ok := num(r.resolve(w)); ok {
					f.widths[uint32(first+i)] = v
				}
			}
		}
	} else if f.defWidth == 0 {
		// A standard 14 font without /Widths: an average width keeps
		// positions roughly right.
		f.defWidth = 500
	}
	if sub == "Type3" {
		if fm, ok := r.resolve(fd["FontMatrix"]).(array); ok && len(fm) == 6 {
			if a, ok := num(r.resolve(fm[0])); ok && a > 0 && a < 1 {
				f.scale = a * 1000
			}
		}
	}
	baseEnc := "StandardEncoding"
	if sub == "TrueType" {
		baseEnc = "WinAnsiEncoding"
	}
	if strings.Contains(string(base), "Symbol") || strings.Contains(string(base), "Dingbats") {
		baseEnc = ""
	}
	var diffs array
	switch e := r.resolve(fd["Encoding"]).(type) {
	case name:
		baseEnc = string(e)
	case dict:
		if be, ok := r.resolve(e["BaseEncoding"]).(name); ok {
			baseEnc = string(be)
		}
		diffs, _ = r.resolve(e["Differences"]).(array)
	}
	tbl := encodingTable(baseEnc)
	if tbl == nil {
		tbl = &[256]rune{}
	}
	if len(diffs) > 0 {
		cp := *tbl
		tbl = &cp
		code := -1
		for _, d := range diffs {
			switch v := r.resolve(d).(type) {
			case int64:
				code = int(v)
			case name:
				if code >= 0 && code < 256 {
					tbl[code] = glyphRune(string(v))
				}
				code++
			}
		}
	}
	f.simple = tbl
	return f
}

func (f *font) readW(r *reader, o any) {
	w, ok := o.(array)
	if !ok {
		return
	}
	for i := 0; i < len(w); {
		c, ok := r.resolveInt(w[i])
		if !ok || c < 0 {
			return
		}
		if i+1 >= len(w) {
			return
		}
		if list, ok := r.resolve(w[i+1]).(array); ok {
			for k, x := range list {
				if v, ok := num(r.resolve(x)); ok && len(f.widths) < 1<<20 {
					f.widths[uint32(c+k)] = v
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		hi, ok1 := r.resolveInt(w[i+1])
		v, ok2 := num(r.resolve(w[i+2]))
		if !ok1 || !ok2 || hi < c {
			return
		}
		f.wRanges = append(f.wRanges, wRange{uint32(c), uint32(hi), v})
		i += 3
	}
}

// predefinedCMap says how the codes of a predefined CMap become text when
// no ToUnicode map is given: Unicode CMaps carry the text itself, EUC and
// GBK CMaps carry GB 2312 / GBK bytes, Big Five ones Big5 bytes.
func predefinedCMap(n string) string {
	switch {
	case strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")):
		return "ucs2"
	case strings.HasPrefix(n, "GB"):
		return "gbk"
	case strings.HasPrefix(n, "B5") || strings.HasPrefix(n, "ETen") || strings.HasPrefix(n, "HKscs"):
		return "big5"
	}
	return ""
}

// encTables are built once, before any goroutine reads them.
var encTables = func() map[string]*[256]rune {
	m := map[string]*[256]rune{}
	for _, n := range []string{"WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding", "PDFDocEncoding"} {
		m[n] = buildEncoding(n)
	}
	return m
}()

// encodingTable returns the code-to-rune table of a simple encoding, nil
// for an unknown one. The table is shared: copy it before changing it.
func encodingTable(n string) *[256]rune { return encTables[n] }

func buildEncoding(n string) *[256]rune {
	var t [256]rune
	switch n {
	case "WinAnsiEncoding":
		for i := 0; i < 256; i++ {
			t[i] = charmap.Windows1252.DecodeByte(byte(i))
		}
		for i := 0x80; i < 0xa0; i++ {
			if t[i] == utf8.RuneError || t[i] < 0xa0 {
				t[i] = '•' // undefined codes show a bullet (ISO 32000-1, D.2 note 6)
			}
		}
		t[0xa0] = ' '
	case "MacRomanEncoding":
		for i := 0; i < 256; i++ {
			t[i] = charmap.Macintosh.DecodeByte(byte(i))
		}
	case "StandardEncoding", "PDFDocEncoding":
		for i := 0x20; i < 0x7f; i++ {
			t[i] = rune(i)
		}
		if n == "StandardEncoding" {
			t[0x27] = '’'
			t[0x60] = '‘'
			for code, r := range standardHigh {
				t[code] = r
			}
		} else {
			for i := 0xa1; i < 256; i++ {
				t[i] = rune(i)
			}
			for i := 0x80; i < 0xa1; i++ {
				t[i] = pdfDocHigh[i-0x80]
			}
		}
	}
	return &t
}

// standardHigh is the upper half of StandardEncoding (ISO 32000-1, D.2).
var standardHigh = map[int]rune{
	0xa1: '¡', 0xa2: '¢', 0xa3: '£', 0xa4: '⁄', 0xa5: '¥', 0xa6: 'ƒ', 0xa7: '§', 0xa8: '¤',
	0xa9: '\'', 0xaa: '“', 0xab: '«', 0xac: '‹', 0xad: '›', 0xae: 'ﬁ', 0xaf: 'ﬂ', 0xb1: '–',
	0xb2: '†', 0xb3: '‡', 0xb4: '·', 0xb6: '¶', 0xb7: '•', 0xb8: '‚', 0xb9: '„', 0xba: '”',
	0xbb: '»', 0xbc: '…', 0xbd: '‰', 0xbf: '¿', 0xc1: '`', 0xc2: '´', 0xc3: 'ˆ', 0xc4: '˜',
	0xc5: '¯', 0xc6: '˘', 0xc7: '˙', 0xc8: '¨', 0xca: '˚', 0xcb: '¸', 0xcd: '˝', 0xce: '˛',
	0xcf: 'ˇ', 0xd0: '—', 0xe1: 'Æ', 0xe3: 'ª', 0xe8: 'Ł', 0xe9: 'Ø', 0xea: 'Œ', 0xeb: 'º',
	0xf1: 'æ', 0xf5: 'ı', 0xf8: 'ł', 0xf9: 'ø', 0xfa: 'œ', 0xfb: 'ß',
}

// glyphNames maps the glyph names of Latin text that /Differences arrays
// use; single letters map to themselves and uniXXXX / uXXXX[XX] names are
// read as code points.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "parenleft": '(', "parenright": ')',
	"asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "minus": '−', "period": '.', "slash": '/',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6',
	"seven": '7', "eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=',
	"greater": '>', "question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`', "quoteleft": '‘',
	"braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~', "bullet": '•',
	"endash": '–', "emdash": '—', "quotedblleft": '“', "quotedblright": '”', "quotesinglbase": '‚',
	"quotedblbase": '„', "ellipsis": '…', "yen": '¥', "Euro": '€', "sterling": '£', "cent": '¢',
	"degree": '°', "section": '§', "copyright": '©', "registered": '®', "trademark": '™',
	"fi": 'ﬁ', "fl": 'ﬂ', "periodcentered": '·', "multiply": '×', "divide": '÷', "nbspace": '\u00a0',
	"plusminus": '±', "paragraph": '¶', "dagger": '†', "daggerdbl": '‡', "perthousand": '‰',
	"guillemotleft": '«', "guillemotright": '»', "eacute": 'é', "egrave": 'è', "agrave": 'à',
	"aacute": 'á', "udieresis": 'ü', "odieresis": 'ö', "adieresis": 'ä', "Udieresis": 'Ü',
	"Odieresis": 'Ö', "Adieresis": 'Ä', "germandbls": 'ß', "ccedilla": 'ç', "ntilde": 'ñ',
	"iacute": 'í', "oacute": 'ó', "uacute": 'ú', "ecircumflex": 'ê',
}

func glyphRune(n string) rune {
	if r, ok := glyphNames[n]; ok {
		return r
	}
	if len(n) == 1 {
		return rune(n[0])
	}
	if strings.HasPrefix(n, "uni") && len(n) >= 7 {
		if v, err := strconv.ParseUint(n[3:7], 16, 32); err == nil {
			return rune(v)
		}
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && v <= 0x10ffff {
			return rune(v)
		}
	}
	// Names such as "a.sc" or "one.oldstyle" keep their base glyph.
	if i := strings.IndexByte(n, '.'); i > 0 {
		return glyphRune(n[:i])
	}
	return 0
}
