package ocr

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// row is one text line rebuilt from the words of one pass: the words
// whose boxes share most of their height, left to right. Tesseract's own
// line numbers are not used: with sparse-text segmentation (psm 11) every
// word is its own block, and a label and its value are far apart.
type row struct {
	pass  int
	words []Word
	box   Box
	h     int // median word height
	// compact is the words' normalised texts concatenated; starts[i] is
	// the byte offset of words[i] in it.
	compact string
	starts  []int
}

// buildRows groups the words of every pass into rows, ordered by pass and
// then top to bottom.
func buildRows(words []Word) []row {
	ws := make([]Word, len(words))
	copy(ws, words)
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		if a.Pass != b.Pass {
			return a.Pass < b.Pass
		}
		if a.Box.centreY2() != b.Box.centreY2() {
			return a.Box.centreY2() < b.Box.centreY2()
		}
		if a.Box.X != b.Box.X {
			return a.Box.X < b.Box.X
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return a.Box.Y < b.Box.Y || a.Box.Y == b.Box.Y && (a.Box.W < b.Box.W || a.Box.W == b.Box.W && (a.Box.H < b.Box.H || a.Box.H == b.Box.H && a.Conf < b.Conf))
	})
	var rows []row
	for _, w := range ws {
		if w.Box.H <= 0 || strings.TrimSpace(w.Text) == "" {
			continue
		}
		if n := len(rows); n > 0 {
			r := &rows[n-1]
			if r.pass == w.Pass && sameLine(r.box, r.h, w.Box) {
				r.words = append(r.words, w)
				r.box = r.box.Union(w.Box)
				continue
			}
		}
		rows = append(rows, row{pass: w.Pass, words: []Word{w}, box: w.Box, h: w.Box.H})
	}
	for i := range rows {
		rows[i].finish()
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].pass != rows[j].pass {
			return rows[i].pass < rows[j].pass
		}
		return rows[i].box.Y < rows[j].box.Y
	})
	return rows
}

// sameLine reports whether box b sits on the line of box r (median word
// height h): their vertical overlap is at least half the smaller height.
func sameLine(r Box, h int, b Box) bool {
	top, bottom := max(r.Y, b.Y), min(r.Bottom(), b.Bottom())
	// Compare with the line's typical height, not its union, which grows
	// with every tall glyph box.
	lineTop := (r.centreY2() - h) / 2
	lineBottom := lineTop + h
	top2, bottom2 := max(lineTop, b.Y), min(lineBottom, b.Bottom())
	return bottom-top > 0 && 2*(bottom2-top2) >= min(h, b.H)
}

func (r *row) finish() {
	sort.SliceStable(r.words, func(i, j int) bool { return r.words[i].Box.X < r.words[j].Box.X })
	// (stable: words at the same x keep the total order of buildRows)
	hs := make([]int, len(r.words))
	var b strings.Builder
	r.starts = make([]int, len(r.words))
	for i, w := range r.words {
		hs[i] = w.Box.H
		r.starts[i] = b.Len()
		b.WriteString(normText(w.Text))
	}
	sort.Ints(hs)
	r.h = max(hs[len(hs)/2], 1)
	r.compact = b.String()
}

// wordAt returns the index of the word holding byte offset off of compact.
func (r *row) wordAt(off int) int {
	i := sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > off }) - 1
	return max(i, 0)
}

// span returns the box and lowest confidence of the words covering bytes
// [from, to) of compact.
func (r *row) span(from, to int) (Box, int) {
	if to <= from {
		to = from + 1
	}
	var b Box
	conf := 100
	for i := r.wordAt(from); i < len(r.words) && r.starts[i] < to; i++ {
		b = b.Union(r.words[i].Box)
		conf = min(conf, r.words[i].Conf)
	}
	return b, conf
}

// spaced returns the text of words[from:] with a space between words
// that are apart (so that "2025-11-03" and "14:05" stay two tokens) and
// none inside CJK text.
func (r *row) spaced(from int) string {
	var b strings.Builder
	for i := from; i < len(r.words); i++ {
		t := normText(r.words[i].Text)
		if i > from {
			prev := r.words[i-1]
			gap := r.words[i].Box.X - prev.Box.Right()
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(t)
			if gap > r.h/4 && !(isHan(last) && isHan(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// normText maps full-width ASCII to ASCII and the look-alike punctuation
// Tesseract emits to one form, so that the patterns below stay small.
func normText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E && r != 0xFFE5:
			return r - 0xFF01 + '!'
		case r == '￥':
			return '¥'
		case r == '\u3000':
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}
