package templates

import "strings"

// A paper to file is built once as a list of blocks and drawn twice: as a
// PDF (papers_pdf.go) and as an editable .docx (papers_docx.go). Both draw
// the same cleaned strings in the same order, so the text a reader
// extracts from either is the same; only the line breaks differ.

// pkind is what a block is.
type pkind int

const (
	pTitle    pkind = iota // the paper's name, centred and large
	pSubtitle              // under the title, centred
	pHeading               // a part of the paper: 一、当事人信息
	pPara                  // body text
	pNote                  // small, muted text: how to fill a blank, what a figure means
	pBox                   // a shaded box of notes, for the reader and not the desk
	pTable                 // a grid; cols give the widths
	pRight                 // right-aligned lines: the signature and date
	pGap                   // vertical space, no text
)

// pcol is a column of a paper's table: its title and width in millimetres
// (0: the rest of the text width).
type pcol struct {
	title string
	width float64
}

// pblock is one block of a paper.
type pblock struct {
	kind pkind
	text string
	cols []pcol
	// header draws the column titles as the first row.
	header bool
	// key shades the first column: a card of labels and values, the
	// element style of the courts' model forms.
	key  bool
	rows [][]string
}

// paper is one document to file.
type paper struct {
	id     string // stable identifier: civil_complaint, investigation, …
	file   string // file name without extension, in the paper's language
	title  string
	blocks []pblock
}

func (p *paper) add(b pblock) { p.blocks = append(p.blocks, b) }

func (p *paper) heading(s string)  { p.add(pblock{kind: pHeading, text: s}) }
func (p *paper) para(s string)     { p.add(pblock{kind: pPara, text: s}) }
func (p *paper) note(s string)     { p.add(pblock{kind: pNote, text: s}) }
func (p *paper) box(s string)      { p.add(pblock{kind: pBox, text: s}) }
func (p *paper) right(s string)    { p.add(pblock{kind: pRight, text: s}) }
func (p *paper) gap()              { p.add(pblock{kind: pGap}) }
func (p *paper) subtitle(s string) { p.add(pblock{kind: pSubtitle, text: s}) }

// card adds a two-column table of labels and values.
func (p *paper) card(rows [][]string) {
	p.add(pblock{kind: pTable, cols: []pcol{{width: 34}, {width: 0}}, key: true, rows: rows})
}

// grid adds a table with a header row.
func (p *paper) grid(cols []pcol, rows [][]string) {
	p.add(pblock{kind: pTable, cols: cols, header: true, rows: rows})
}

// newPaper starts a paper with its title; a reading copy says first that
// it is not for filing.
func newPaper(w *words, id, title string) *paper {
	p := &paper{id: id, file: title, title: title}
	p.add(pblock{kind: pTitle, text: title})
	if w.pReadingCopy != "" {
		p.box(w.pReadingCopy)
	}
	return p
}

// blankLine is what stands where a fact is not known: a line to write on.
const blankLine = "________________"

// lines joins the non-empty strings with line breaks.
func lines(parts ...string) string {
	var out []string
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}
