package templates

import (
	"fmt"
	"strings"
)

// What the OCR engine read from a screenshot is shown twice, both marked
// as a machine's reading: a short table of the fields read (field, value,
// what it matches in the case), beside the image when it fits there and
// under it otherwise, and the recognised words laid over the image as
// invisible text (PDF text render mode 3, as OCRmyPDF does), each at its
// box scaled to where the image is drawn, so that a search for an ID
// lands on the page of its screenshot. The appendix says who read them
// and that the image is the evidence.

// OCRView is what bundle found in a screenshot's fields.
type OCRView struct {
	Rows []OCRRow
	// Shows are the IDs that linked the screenshot to the case exactly.
	Shows []OCRShow
}

// OCRRow is one field read: its name (transaction_id, amount, …; the
// names of evidence/ocr), the value as read, and what it matches, in both
// languages ("" for nothing to compare). Alert marks a mismatch or a near
// miss.
type OCRRow struct {
	Field, Value     string
	MatchZh, MatchEn string
	Alert            bool
}

// OCRShow is an ID a screenshot shows that the case knows.
type OCRShow struct{ Field, Value string }

// ocrShows is the "shows 交易单号 …" lines of an exhibit, "" for none.
func (dc *doc) ocrShows(ex *Exhibit) string {
	if ex.OCR == nil || len(ex.OCR.Shows) == 0 {
		return ""
	}
	lines := make([]string, len(ex.OCR.Shows))
	for i, s := range ex.OCR.Shows {
		lines[i] = dc.w.ocrShows(lookup(dc.w.ocrFields, s.Field), s.Value)
	}
	return strings.Join(lines, "\n")
}

// ocrValue is a value as the table shows it: a time is marked as the
// phone's wall clock.
func (dc *doc) ocrValue(r OCRRow) string {
	if r.Field == "time" || r.Field == "time_received" {
		return r.Value + dc.w.ocrLocal
	}
	return r.Value
}

func (dc *doc) ocrMatch(r OCRRow) string {
	return dash(dc.w.pick(r.MatchZh, r.MatchEn))
}

// sideOCR lays the table out as a narrow column for a screenshot drawn
// beside it, as sideCaption does the caption. It returns 0 and nil for an
// exhibit without a reading.
func (dc *doc) sideOCR(ex *Exhibit, width float64) (float64, func(x, y float64)) {
	if ex.OCR == nil || len(ex.OCR.Rows) == 0 {
		return 0, nil
	}
	const pad = 2.5
	lhTiny, lhSmall := lineHeight(sizeTiny), lineHeight(sizeSmall)
	inner := width - 2*pad
	title := dc.m.wrap(dc.m.clean(dc.w.ocrTitle, false), sizeSmall, inner)
	type block struct {
		label        string
		value, match []string
		alert        bool
	}
	blocks := make([]block, len(ex.OCR.Rows))
	h := pad + float64(len(title))*lhSmall + 1.6
	for i, r := range ex.OCR.Rows {
		b := block{label: dc.m.clean(lookup(dc.w.ocrFields, r.Field), false), alert: r.Alert,
			value: dc.m.wrap(dc.m.clean(dc.ocrValue(r), true), sizeSmall, inner),
			match: dc.m.wrap(dc.m.clean(dc.ocrMatch(r), true), sizeTiny, inner)}
		blocks[i] = b
		h += lhTiny + float64(len(b.value))*lhSmall + float64(len(b.match))*lhTiny + 1.6
	}
	h += pad
	return h, func(x, y float64) {
		dc.fill(colFillKy)
		dc.stroke(colRule, 0.2)
		dc.pdf.Rect(x, y, width, h, "FD")
		cy := y + pad
		dc.font(sizeSmall, colMuted)
		for _, ln := range title {
			dc.textAt(x+pad, cy, inner, lhSmall, ln, "L")
			cy += lhSmall
		}
		cy += 1.6
		for _, b := range blocks {
			dc.font(sizeTiny, colMuted)
			dc.textAt(x+pad, cy, inner, lhTiny, b.label, "L")
			cy += lhTiny
			dc.font(sizeSmall, colText)
			for _, ln := range b.value {
				dc.textAt(x+pad, cy, inner, lhSmall, ln, "L")
				cy += lhSmall
			}
			c := colMuted
			if b.alert {
				c = rgb{170, 20, 20}
			}
			dc.font(sizeTiny, c)
			for _, ln := range b.match {
				dc.textAt(x+pad, cy, inner, lhTiny, ln, "L")
				cy += lhTiny
			}
			cy += 1.6
		}
		dc.font(sizeBody, colText)
	}
}

// ocrTable draws the table across the page, under the image.
func (dc *doc) ocrTable(ex *Exhibit) {
	if ex.OCR == nil || len(ex.OCR.Rows) == 0 {
		return
	}
	w := dc.w
	dc.setY(dc.y() + 3)
	if need := lineHeight(sizeSmall)*float64(3+len(ex.OCR.Rows)) + 8; !dc.room(need) {
		dc.newPage()
		dc.font(sizeSmall, colMuted)
		dc.textAt(marginL, dc.y(), contentW, lineHeight(sizeSmall), w.exhibitCont(ex.Number), "L")
		dc.font(sizeBody, colText)
		dc.setY(dc.y() + lineHeight(sizeSmall) + 2)
	}
	dc.para(w.ocrTitle, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 1)
	cols := []column{{w.ocrColField, 28, "L"}, {w.ocrColValue, 0, "L"}, {w.ocrColMatch, 62, "L"}}
	fillWidth(cols, 1)
	rows := make([][]string, len(ex.OCR.Rows))
	for i, r := range ex.OCR.Rows {
		rows[i] = []string{lookup(w.ocrFields, r.Field), dc.ocrValue(r), dc.ocrMatch(r)}
	}
	dc.table(&table{cols: cols, header: true, rows: rows, size: sizeSmall, shade: func(i int) *rgb {
		if ex.OCR.Rows[i].Alert {
			return &colAlert
		}
		return nil
	}})
}

// ocrText lays the words the engine read (its first pass, which covers
// the page best) over the image drawn at (x, y, w, h) as invisible text:
// each word at its box, its font size the box's height and its width
// stretched to the box's (Tz), so that selecting or finding a word in the
// PDF marks the place it stands on the screenshot. Nothing is drawn.
func (dc *doc) ocrText(ex *Exhibit, x, y, w, h float64) {
	it := ex.Item
	if it == nil || it.OCR == nil || it.OCR.Prep.Width <= 0 || it.OCR.Prep.Height <= 0 {
		return
	}
	page := it.OCR
	sx, sy := w/float64(page.Prep.Width), h/float64(page.Prep.Height)
	pdf := dc.pdf
	pdf.SetTextRenderingMode(3)
	for _, wd := range page.Words {
		// Words read with a confidence under 30 are mostly icons and
		// photos taken for letters: noise for a search.
		if wd.Pass != 0 || wd.Box.W <= 0 || wd.Box.H <= 0 || wd.Conf < 30 {
			continue
		}
		s := strings.TrimSpace(dc.m.clean(wd.Text, false))
		if s == "" {
			continue
		}
		bw, bh := float64(wd.Box.W)*sx, float64(wd.Box.H)*sy
		size := bh * 72 / 25.4 // the box's height as the em, in points
		tw := dc.m.textWidth(s, size)
		if tw <= 0 {
			continue
		}
		dc.font(size, colText)
		pdf.RawWriteStr(fmt.Sprintf("%.2f Tz", 100*bw/tw))
		// The baseline sits near the bottom of the box: digits and Latin
		// letters fill it, hanzi reach a little below.
		pdf.Text(x+float64(wd.Box.X)*sx, y+float64(wd.Box.Y)*sy+0.86*bh, s)
	}
	pdf.RawWriteStr("100 Tz")
	pdf.SetTextRenderingMode(0)
	dc.font(sizeBody, colText)
}

// ocrAppendix is the appendix's note that a machine read the text under
// the screenshots and that the image is the evidence.
func (dc *doc) ocrAppendix() {
	if dc.d.OCREngine == "" {
		return
	}
	dc.setY(dc.y() + 4)
	dc.subheading(dc.w.ocrAppendixTitle, 12)
	dc.para(dc.w.ocrAppendix(dc.d.OCREngine), sizeSmall, colText, 0)
}

// joinLines puts b on a line under a, or leaves a alone when b is empty.
func joinLines(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n" + b
}
