package pdf

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
)

// TextRun is text drawn in one go at one place: the glyphs of one show
// operator, joined with the next ones on the same baseline when they
// follow without a gap. Coordinates are PDF points in the page's user
// space (origin at the bottom left of the media box, y upwards), before
// the page's /Rotate is applied.
type TextRun struct {
	Text string
	X, Y float64 // start of the baseline
	EndX float64 // x after the last glyph
	Size float64 // font size as drawn (the text size scaled by the matrices)
	Font string  // BaseFont of the font
	// Unmapped counts glyphs whose code no map turns into text (a font with
	// neither a ToUnicode map nor a known encoding); each is U+FFFD in Text.
	Unmapped int
}

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm                      matrix
	font                     *font
	size, tc, tw, th, tl, ts float64
}

type interp struct {
	r       *reader
	runs    []TextRun
	ops     int
	gs      gstate
	stack   []gstate
	tm, tlm matrix
	forms   map[int]bool // forms being drawn (a form drawing itself is a loop)
	// pending is the run being built; it is closed by a gap or a move.
	pending *TextRun
	gap     float64 // splitGap, or less for tables
	err     error
}

// PageBox returns the media box of page n (1-based): x0, y0, x1, y1 in
// points.
func (d *Doc) PageBox(n int) ([4]float64, error) {
	if n < 1 || n > len(d.pages) {
		return [4]float64{}, fmt.Errorf("pdf: page %d of %d", n, len(d.pages))
	}
	return d.pages[n-1].mediaBox, nil
}

// PageText returns the text runs of page n (1-based) in the order they are
// drawn. The text comes through each font's ToUnicode map (one- to
// four-byte codes, bfchar and bfrange), else its encoding (WinAnsi,
// MacRoman, Standard with /Differences, the Unicode and GBK CMaps of
// Chinese fonts). Bounded by Limits.MaxOps, MaxRuns and the stream limits.
// A Doc is not safe for concurrent use.
func (d *Doc) PageText(n int) ([]TextRun, error) {
	if n < 1 || n > len(d.pages) {
		return nil, fmt.Errorf("pdf: page %d of %d", n, len(d.pages))
	}
	content, err := d.content(n)
	if err != nil {
		return nil, err
	}
	return d.pageRuns(n, content, splitGap)
}

// pageRuns interprets page n's content, joining glyphs into one run when
// the gap between them is at most gap (in units of the font size).
func (d *Doc) pageRuns(n int, content []byte, gap float64) ([]TextRun, error) {
	p := d.pages[n-1]
	r := d.r
	in := &interp{r: r, forms: map[int]bool{}, gap: gap}
	in.gs = gstate{ctm: identity, th: 1, size: 0}
	in.run(content, p.resources, 0)
	in.flush()
	if in.err != nil {
		return nil, in.err
	}
	if r.limitErr != nil {
		return nil, r.limitErr
	}
	return in.runs, nil
}

func (d *Doc) content(n int) ([]byte, error) {
	d.r.limitErr = nil
	return d.pageContent(d.pages[n-1])
}

func (d *Doc) pageContent(p page) ([]byte, error) {
	r := d.r
	var parts []any
	switch c := r.resolve(p.dict["Contents"]).(type) {
	case *stream:
		parts = []any{c}
	case array:
		parts = c
	}
	var buf bytes.Buffer
	for _, x := range parts {
		s, ok := r.resolve(x).(*stream)
		if !ok {
			continue
		}
		b, err := r.decodeStream(s)
		if err != nil {
			if isLimit(err) {
				return nil, err
			}
			continue // a broken part is skipped, as viewers do
		}
		if int64(buf.Len()+len(b)) > r.lim.MaxStreamBytes {
			return nil, &LimitError{Limit: "MaxStreamBytes", Max: r.lim.MaxStreamBytes, What: "page content too large"}
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

func (in *interp) fontFor(res dict, fname name) *font {
	r := in.r
	fonts := r.resolveDict(res["Font"])
	fo := fonts[fname]
	if r.fonts == nil {
		r.fonts = map[any]*font{}
	}
	var key any
	if rf, ok := fo.(ref); ok {
		key = rf.num
	} else if fd, ok := fo.(dict); ok {
		key = reflect.ValueOf(fd).UnsafePointer()
	}
	if key != nil {
		if f, ok := r.fonts[key]; ok {
			return f
		}
	}
	f := r.loadFont(fo)
	if key != nil {
		r.fonts[key] = f
	}
	return f
}

func (in *interp) run(content []byte, res dict, depth int) {
	l := &lexer{b: content, maxDepth: 16}
	var args []any
	for in.err == nil {
		tok, err := l.token()
		if err != nil {
			if err == errEnd {
				return
			}
			args = args[:0]
			continue // a bad token is skipped
		}
		kw, isKw := tok.(keyword)
		if !isKw || kw == "[" || kw == "<<" {
			if isKw {
				o, err := l.objectFrom(tok, 0)
				if err != nil {
					args = args[:0]
					continue
				}
				tok = o
			}
			if len(args) >= 64 {
				args = args[:0] // no operator takes that many operands
			}
			args = append(args, tok)
			continue
		}
		in.ops++
		if in.ops > in.r.lim.MaxOps {
			in.err = &LimitError{Limit: "MaxOps", Max: int64(in.r.lim.MaxOps), What: "page content has too many operators"}
			return
		}
		in.op(string(kw), args, res, depth, l)
		args = args[:0]
	}
}

func nums(args []any, n int) ([]float64, bool) {
	if len(args) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		v, ok := num(args[len(args)-n+i])
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

func (in *interp) op(kw string, args []any, res dict, depth int, l *lexer) {
	gs := &in.gs
	switch kw {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(args, 6); ok {
			gs.ctm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
		// The run stays open: writers that draw each glyph in its own
		// BT/ET block still give one run per word.
	case "Tf":
		if len(args) >= 2 {
			if fn, ok := args[len(args)-2].(name); ok {
				gs.font = in.fontFor(res, fn)
			}
			if v, ok := num(args[len(args)-1]); ok {
				gs.size = v
			}
		}
	case "Tc":
		if v, ok := nums(args, 1); ok {
			gs.tc = v[0]
		}
	case "Tw":
		if v, ok := nums(args, 1); ok {
			gs.tw = v[0]
		}
	case "Tz":
		if v, ok := nums(args, 1); ok {
			gs.th = v[0] / 100
		}
	case "TL":
		if v, ok := nums(args, 1); ok {
			gs.tl = v[0]
		}
	case "Ts":
		if v, ok := nums(args, 1); ok {
			gs.ts = v[0]
		}
	case "Td":
		if v, ok := nums(args, 2); ok {
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "TD":
		if v, ok := nums(args, 2); ok {
			gs.tl = -v[1]
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(args, 6); ok {
			in.tlm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if len(args) >= 1 {
			if s, ok := args[len(args)-1].(pdfString); ok {
				in.show(s)
			}
		}
	case "'":
		in.nextLine()
		if len(args) >= 1 {
			if s, ok := args[len(args)-1].(pdfString); ok {
				in.show(s)
			}
		}
	case "\"":
		if len(args) >= 3 {
			if v, ok := nums(args[:len(args)-1], 2); ok {
				gs.tw, gs.tc = v[0], v[1]
			}
			in.nextLine()
			if s, ok := args[len(args)-1].(pdfString); ok {
				in.show(s)
			}
		}
	case "TJ":
		if len(args) >= 1 {
			if a, ok := args[len(args)-1].(array); ok {
				for _, x := range a {
					switch v := x.(type) {
					case pdfString:
						in.show(v)
					case int64, float64:
						f, _ := num(v)
						in.advance(-f / 1000 * gs.size * gs.th)
					}
				}
			}
		}
	case "Do":
		if len(args) >= 1 {
			if xn, ok := args[len(args)-1].(name); ok {
				in.doForm(res, xn, depth)
			}
		}
	case "BI":
		skipInlineImage(l)
	}
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

// advance moves the text position by tx text-space units (a TJ number).
func (in *interp) advance(tx float64) {
	in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
}

// show draws a string: each glyph's position is computed, and glyphs go
// into the pending run, or start a new one when they do not follow it.
func (in *interp) show(s pdfString) {
	gs := &in.gs
	if gs.font == nil {
		gs.font = in.r.loadFont(nil)
	}
	for _, g := range gs.font.decode(s) {
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.ts}.mul(in.tm).mul(gs.ctm)
		x, y := trm[4], trm[5]
		size := math.Hypot(trm[2], trm[3])
		tx := (g.width/1000*gs.size + gs.tc) * gs.th
		if g.n == 1 && g.code == 32 {
			tx += gs.tw * gs.th
		}
		in.advance(tx)
		end := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.ts}.mul(in.tm).mul(gs.ctm)
		in.addGlyph(g, x, y, end[4], size)
		if in.err != nil {
			return
		}
	}
}

// Gaps, in units of the font size: more than splitGap between two glyphs
// on a baseline starts a new run, more than spaceGap adds a space.
const (
	splitGap = 1.0
	spaceGap = 0.2
)

func (in *interp) addGlyph(g glyph, x, y, endX, size float64) {
	p := in.pending
	if p != nil {
		tol := math.Max(p.Size, size) * 0.2
		gap := x - p.EndX
		sameLine := math.Abs(y-p.Y) <= tol && math.Abs(size-p.Size) <= tol
		if sameLine && gap >= -tol && gap <= in.gap*math.Max(size, 1) {
			if gap > spaceGap*size && !strings.HasSuffix(p.Text, " ") && g.text != " " {
				p.Text += " "
			}
			p.Text += g.text
			if endX > p.EndX {
				p.EndX = endX
			}
			if g.unmapped {
				p.Unmapped++
			}
			return
		}
		in.flush()
	}
	if g.text == " " {
		return // a run does not start with a space
	}
	in.pending = &TextRun{Text: g.text, X: x, Y: y, EndX: endX, Size: size, Font: in.gs.font.base}
	if g.unmapped {
		in.pending.Unmapped = 1
	}
}

func (in *interp) flush() {
	p := in.pending
	if p == nil {
		return
	}
	in.pending = nil
	p.Text = strings.TrimRight(p.Text, " ")
	if p.Text == "" {
		return
	}
	if len(in.runs) >= in.r.lim.MaxRuns {
		in.err = &LimitError{Limit: "MaxRuns", Max: int64(in.r.lim.MaxRuns), What: "page has too many text runs"}
		return
	}
	in.runs = append(in.runs, *p)
}

func (in *interp) doForm(res dict, xn name, depth int) {
	r := in.r
	xo := r.resolveDict(res["XObject"])
	o := xo[xn]
	s, ok := r.resolve(o).(*stream)
	if !ok {
		return
	}
	if st, _ := r.resolve(s.dict["Subtype"]).(name); st != "Form" {
		return
	}
	if depth >= 8 {
		return // forms nested deeper than this are not drawn for text
	}
	if rf, ok := o.(ref); ok {
		if in.forms[rf.num] {
			return
		}
		in.forms[rf.num] = true
		defer delete(in.forms, rf.num)
	}
	data, err := r.decodeStream(s)
	if err != nil {
		r.noteLimit(err)
		return
	}
	saved := in.gs
	savedTm, savedTlm := in.tm, in.tlm
	if m, ok := r.resolve(s.dict["Matrix"]).(array); ok && len(m) == 6 {
		var v [6]float64
		okAll := true
		for i := range v {
			v[i], ok = num(r.resolve(m[i]))
			okAll = okAll && ok
		}
		if okAll {
			in.gs.ctm = matrix(v).mul(in.gs.ctm)
		}
	}
	fres := r.resolveDict(s.dict["Resources"])
	if fres == nil {
		fres = res
	}
	stackLen := len(in.stack)
	in.run(data, fres, depth+1)
	in.stack = in.stack[:min(stackLen, len(in.stack))]
	in.gs = saved
	in.tm, in.tlm = savedTm, savedTlm
}

// skipInlineImage moves past "ID <data> EI" of an inline image.
func skipInlineImage(l *lexer) {
	for {
		tok, err := l.token()
		if err != nil {
			return
		}
		if tok == keyword("ID") {
			break
		}
	}
	l.pos++ // the single white-space byte after ID
	for l.pos < len(l.b) {
		i := bytes.Index(l.b[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + i
		before := at == 0 || isSpace(l.b[at-1])
		after := at+2 >= len(l.b) || isSpace(l.b[at+2]) || isDelim(l.b[at+2])
		l.pos = at + 2
		if before && after {
			return
		}
	}
}
