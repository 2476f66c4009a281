package templates

import (
	"path"
	"strconv"
	"strings"
)

// drawIndex draws 证据目录, the evidence list a court asks for: number,
// title, source, what it proves, and the pages it is on in this volume.
func drawIndex(dc *doc) {
	dc.newPage()
	dc.sectionHeading(SectionIndex, 20)
	dc.indexTable()
}

// drawPoliceIndex draws the 证据目录 of a police report: the list of the
// evidence (证据清单) the officer receives, and the receipt to ask for.
func drawPoliceIndex(dc *doc) {
	dc.newPage()
	dc.sectionHeading(SectionIndex, 20)
	dc.para(dc.w.policeIndexIntro, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 1.5)
	dc.indexTable()
}

// indexTable draws the evidence index table and its note.
func (dc *doc) indexTable() {
	w := dc.w
	cols := []column{
		{w.colNo, 13, "C"},
		{w.colTitle, 46, "L"},
		{w.colSource, 32, "L"},
		{w.colPurpose, 0, "L"},
		{w.colPage, 22, "C"},
	}
	if dc.plan.multi() {
		cols[4].width = 26
	}
	fillWidth(cols, 3)
	rows := make([][]string, len(dc.d.Exhibits))
	for i, ex := range dc.d.Exhibits {
		rows[i] = []string{
			strconv.Itoa(ex.Number),
			exhibitTitle(&ex),
			dc.sourceCell(&ex),
			joinLines(dash(ex.Proves), dc.ocrShows(&ex)),
			dc.pages(ex.Number),
		}
	}
	if len(rows) == 0 {
		dc.para(w.noExhibits, sizeBody, colMuted, 0)
	} else {
		dc.table(&table{cols: cols, header: true, rows: rows, size: 9})
	}
	dc.setY(dc.y() + 1.5)
	dc.indexNote()
	dc.setY(dc.y() + 8)
}

// pages is the page range of an exhibit, known in the second pass. The first
// pass writes a placeholder of the same shape: the column is wide enough
// that the number never wraps, so the index keeps its height.
func (dc *doc) pages(n int) string {
	if dc.plan.multi() {
		return dc.volumePages(n)
	}
	p, ok := dc.known[n]
	if !dc.final || !ok {
		return "0"
	}
	if p.Last > p.First {
		return strconv.Itoa(p.First) + "–" + strconv.Itoa(p.Last)
	}
	return strconv.Itoa(p.First)
}

// exhibitTitle is the title of an exhibit, or its file name when the case
// gives none.
func exhibitTitle(ex *Exhibit) string {
	if t := strings.TrimSpace(ex.Title); t != "" {
		return t
	}
	if ex.Item != nil {
		return path.Base(ex.Item.Path)
	}
	return "—"
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
