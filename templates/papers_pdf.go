package templates

import (
	"bytes"
	"fmt"

	"github.com/casebundle/casebundle/fonts"
)

// Font sizes of the papers, in points: a filing is read on paper, so the
// body is a little larger than the dossier's.
const (
	paperTitle   = 18.0
	paperHeading = 12.0
	paperBody    = 10.5
	paperNote    = 8.5
	paperCell    = 9.0
)

// paperPDF draws a paper as a PDF. It is laid out twice: the first pass
// counts the pages for the footer's "of N".
func paperPDF(p *paper, m *metrics, w *words, d *Dossier) ([]byte, error) {
	total := 0
	var out []byte
	for pass := 0; pass < 2; pass++ {
		dc := &doc{d: d, w: w, m: m, final: pass == 1, total: total}
		paperSetup(dc, p)
		if err := dc.pdf.Error(); err != nil {
			return nil, fmt.Errorf("templates: load embedded font: %w", err)
		}
		dc.newPage()
		for _, b := range p.blocks {
			dc.paperBlock(&b)
		}
		if err := dc.pdf.Error(); err != nil {
			return nil, fmt.Errorf("templates: draw %s: %w", p.id, err)
		}
		total = dc.pdf.PageNo()
		if pass == 1 {
			var buf bytes.Buffer
			if err := dc.pdf.Output(&buf); err != nil {
				return nil, fmt.Errorf("templates: write %s: %w", p.id, err)
			}
			out = buf.Bytes()
		}
	}
	return out, nil
}

// paperSetup makes the document of a paper: the dossier's page and font,
// fixed metadata from the run's clock, no header, and a footer with the
// page number alone (a paper carries no case ID or digest: it is the
// party's own filing).
func paperSetup(dc *doc, p *paper) {
	pdf := dc.newPDF(p.title)
	if pdf.Err() {
		return
	}
	pdf.SetFont(fonts.Family, "", paperBody)
	pdf.SetHeaderFuncMode(func() {
		dc.font(paperBody, colText)
		pdf.SetXY(marginL, contentTop)
	}, false)
	pdf.SetFooterFunc(func() {
		y := pageH - marginB - lineHeight(sizeSmall)
		dc.font(sizeSmall, colMuted)
		total := dc.total
		if !dc.final {
			total = pdf.PageNo()
		}
		dc.textAt(marginL, y, contentW, lineHeight(sizeSmall), dc.w.pageOf(pdf.PageNo(), total), "C")
		dc.font(paperBody, colText)
	})
}

// paperWidths turns a paper's columns into the table's, the 0 column
// taking the rest of the text width.
func paperWidths(cols []pcol) []column {
	out := make([]column, len(cols))
	fill := -1
	for i, c := range cols {
		out[i] = column{title: c.title, width: c.width, align: "L"}
		if c.width == 0 {
			fill = i
		}
	}
	if fill >= 0 {
		fillWidth(out, fill)
	}
	return out
}

// paperBlock draws one block at the cursor.
func (dc *doc) paperBlock(b *pblock) {
	switch b.kind {
	case pTitle:
		dc.setY(dc.y() + 2)
		h := lineHeight(paperTitle)
		dc.font(paperTitle, colText)
		for _, ln := range dc.m.wrap(dc.m.clean(b.text, true), paperTitle, contentW) {
			dc.ensure(h)
			y := dc.y()
			dc.boldAt(marginL, y, contentW, h, ln, "C", colText, 0.35)
			dc.setY(y + h)
		}
		dc.setY(dc.y() + 1)
	case pSubtitle:
		dc.centered(b.text, paperHeading-1, colText)
		dc.setY(dc.y() + 2)
	case pHeading:
		h := lineHeight(paperHeading)
		dc.ensure(h + 3 + 3*lineHeight(paperBody))
		dc.setY(dc.y() + 3)
		y := dc.y()
		dc.font(paperHeading, colHead)
		dc.boldAt(marginL, y, contentW, h, dc.m.fit(dc.m.clean(b.text, false), paperHeading, contentW), "L", colHead, 0.2)
		dc.setY(y + h + 1)
		dc.font(paperBody, colText)
	case pPara:
		// A short paragraph (a salutation and the court) stays on one
		// page.
		if n := len(dc.m.wrap(dc.m.clean(b.text, true), paperBody, contentW)); n <= 4 {
			dc.ensure(float64(n) * lineHeight(paperBody))
		}
		dc.para(b.text, paperBody, colText, 0)
		dc.setY(dc.y() + 1)
	case pNote:
		dc.para(b.text, paperNote, colMuted, 0)
		dc.setY(dc.y() + 1)
	case pBox:
		const pad = 2.5
		lines := dc.m.wrap(dc.m.clean(b.text, true), paperNote+0.5, contentW-2*pad)
		dc.boxLines(lines, paperNote+0.5, pad, colMark, 0.2, 3)
		dc.setY(dc.y() + 2)
	case pTable:
		dc.table(&table{cols: paperWidths(b.cols), header: b.header, rows: b.rows, keyColumn: b.key, size: paperCell})
		dc.setY(dc.y() + 2)
	case pRight:
		half := contentW * 0.45
		dc.setY(dc.y() + 2)
		dc.ensure(float64(len(dc.m.wrap(dc.m.clean(b.text, true), paperBody, half))) * lineHeight(paperBody))
		dc.para(b.text, paperBody, colText, contentW-half)
	case pGap:
		dc.gap(5)
	}
}
