package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Box is a rectangle in pixels of the original image: X, Y is the top
// left corner.
type Box struct {
	X int `json:"x"`
	Y int `json:"y"`
	W int `json:"w"`
	H int `json:"h"`
}

// Right and Bottom are the exclusive edges of the box.
func (b Box) Right() int  { return b.X + b.W }
func (b Box) Bottom() int { return b.Y + b.H }

// centreY is twice the vertical centre, kept integral.
func (b Box) centreY2() int { return 2*b.Y + b.H }

// Union returns the smallest box holding b and o; an empty box is ignored.
func (b Box) Union(o Box) Box {
	if b.W == 0 && b.H == 0 {
		return o
	}
	if o.W == 0 && o.H == 0 {
		return b
	}
	x0, y0 := min(b.X, o.X), min(b.Y, o.Y)
	x1, y1 := max(b.Right(), o.Right()), max(b.Bottom(), o.Bottom())
	return Box{x0, y0, x1 - x0, y1 - y0}
}

// Word is one word Tesseract recognised.
type Word struct {
	Text string `json:"text"`
	// Conf is Tesseract's confidence, 0 to 100, rounded.
	Conf int `json:"conf"`
	Box  Box `json:"box"`
	// Pass is the index of the pass (Settings.Passes) that read the word.
	Pass int `json:"pass"`
	// Block, Par, Line and Num are Tesseract's numbering within its pass.
	Block int `json:"block"`
	Par   int `json:"par"`
	Line  int `json:"line"`
	Num   int `json:"num"`
}

// Limits of ParseTSV. A phone screenshot gives some 50 KB of TSV and a few
// hundred rows; the limits are far above that and far below memory trouble.
const (
	MaxTSVBytes = 8 << 20
	MaxTSVRows  = 100000
	// maxCoord bounds coordinates: no screenshot is a million pixels wide.
	maxCoord = 1 << 20
	// maxWordBytes bounds one word's text.
	maxWordBytes = 4096
)

// ErrTSV is wrapped by every error of ParseTSV.
var ErrTSV = errors.New("malformed tesseract TSV")

var tsvHeader = []string{"level", "page_num", "block_num", "par_num", "line_num", "word_num",
	"left", "top", "width", "height", "conf", "text"}

// ParseTSV reads Tesseract's TSV output (the `tsv` config) and returns its
// words (level 5 rows with text), in the order Tesseract wrote them, with
// Pass 0. Input over MaxTSVBytes or MaxTSVRows is refused before it is
// split. Rows of the page, block, paragraph and line levels are checked
// and skipped; a word row with empty text is skipped.
func ParseTSV(b []byte) ([]Word, error) {
	if len(b) > MaxTSVBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrTSV, len(b), MaxTSVBytes)
	}
	if n := bytes.Count(b, []byte{'\n'}); n > MaxTSVRows+1 {
		return nil, fmt.Errorf("%w: %d rows, more than %d", ErrTSV, n, MaxTSVRows)
	}
	if len(b) == 0 {
		return nil, nil
	}
	lines := strings.Split(strings.TrimRight(string(b), "\r\n"), "\n")
	head := strings.Split(strings.TrimRight(lines[0], "\r"), "\t")
	if len(head) != len(tsvHeader) {
		return nil, fmt.Errorf("%w: header has %d columns, want %d", ErrTSV, len(head), len(tsvHeader))
	}
	for i, h := range head {
		if h != tsvHeader[i] {
			return nil, fmt.Errorf("%w: header column %d is %q, want %q", ErrTSV, i+1, h, tsvHeader[i])
		}
	}
	var words []Word
	for n, line := range lines[1:] {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		// The text is the last column and may itself hold no tab; a row
		// with too few columns is an error, one with an empty text is not.
		cols := strings.SplitN(line, "\t", len(tsvHeader))
		if len(cols) < len(tsvHeader)-1 {
			return nil, fmt.Errorf("%w: row %d has %d columns", ErrTSV, n+2, len(cols))
		}
		var v [10]int
		for i := 0; i < 10; i++ {
			x, err := strconv.Atoi(cols[i])
			if err != nil || x < 0 || x > maxCoord {
				return nil, fmt.Errorf("%w: row %d column %s: %q", ErrTSV, n+2, tsvHeader[i], cols[i])
			}
			v[i] = x
		}
		if v[0] < 1 || v[0] > 5 {
			return nil, fmt.Errorf("%w: row %d: level %d", ErrTSV, n+2, v[0])
		}
		conf, err := strconv.ParseFloat(cols[10], 64)
		if err != nil || math.IsNaN(conf) || conf < -1 || conf > 100 {
			return nil, fmt.Errorf("%w: row %d: confidence %q", ErrTSV, n+2, cols[10])
		}
		if v[0] != 5 {
			continue
		}
		text := ""
		if len(cols) == len(tsvHeader) {
			text = strings.TrimSpace(cols[11])
		}
		if text == "" {
			continue
		}
		if len(text) > maxWordBytes {
			return nil, fmt.Errorf("%w: row %d: word of %d bytes", ErrTSV, n+2, len(text))
		}
		words = append(words, Word{
			Text:  strings.ToValidUTF8(text, "\uFFFD"),
			Conf:  int(math.Round(max(conf, 0))),
			Box:   Box{X: v[6], Y: v[7], W: v[8], H: v[9]},
			Block: v[2], Par: v[3], Line: v[4], Num: v[5],
		})
	}
	return words, nil
}

// sortWords orders words by pass, then Tesseract's own numbering, then
// position and text, so that a page is the same whatever order it was
// assembled in.
func sortWords(ws []Word) {
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		switch {
		case a.Pass != b.Pass:
			return a.Pass < b.Pass
		case a.Block != b.Block:
			return a.Block < b.Block
		case a.Par != b.Par:
			return a.Par < b.Par
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Num != b.Num:
			return a.Num < b.Num
		case a.Box.Y != b.Box.Y:
			return a.Box.Y < b.Box.Y
		case a.Box.X != b.Box.X:
			return a.Box.X < b.Box.X
		}
		return a.Text < b.Text
	})
}
