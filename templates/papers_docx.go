package templates

import (
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/internal/docx"
)

// docxFont is the font the .docx names for all its text: 宋体 (SimSun), the
// font a Chinese court filing is usually set in, which every Chinese
// Windows and Office has. A system without it substitutes its own CJK
// font; the PDF beside the .docx embeds its font and does not depend on it.
const docxFont = "SimSun"

// paperDocx writes a paper as an editable .docx from the same blocks, and
// the same cleaned strings, as paperPDF.
func paperDocx(p *paper, m *metrics, w *words, d *Dossier) ([]byte, error) {
	lang := "zh-CN"
	if w.lang == "en" {
		lang = "en-US"
	}
	doc := docx.New(docxFont, paperBody, lang)
	software := m.clean(d.Software, false)
	if software == "" {
		software = "casebundle"
	}
	doc.SetProperties(m.clean(p.title, false), software)
	doc.SetFooter(footerParts(w))
	clean := func(s string) string { return m.clean(s, true) }
	for _, b := range p.blocks {
		switch b.kind {
		case pTitle:
			doc.Paragraph(docx.Para{Text: clean(b.text), Align: docx.Center, Size: paperTitle, Bold: true, Before: 6, After: 3})
		case pSubtitle:
			doc.Paragraph(docx.Para{Text: clean(b.text), Align: docx.Center, Size: paperHeading - 1, After: 6})
		case pHeading:
			doc.Paragraph(docx.Para{Text: clean(b.text), Size: paperHeading, Bold: true, Color: "1F3864", KeepNext: true, Before: 9, After: 3})
		case pPara:
			doc.Paragraph(docx.Para{Text: clean(b.text), After: 3})
		case pNote:
			doc.Paragraph(docx.Para{Text: clean(b.text), Size: paperNote, Color: "5A5A5A", After: 3})
		case pBox:
			doc.Table(docx.Table{Widths: []float64{contentW}, Rows: [][]string{{clean(b.text)}}, Size: paperNote + 0.5, KeyColumn: true})
		case pTable:
			cols := paperWidths(b.cols)
			t := docx.Table{Size: paperCell, KeyColumn: b.key}
			for _, c := range cols {
				t.Widths = append(t.Widths, c.width)
			}
			if b.header {
				for _, c := range cols {
					t.Header = append(t.Header, clean(c.title))
				}
			}
			for _, r := range b.rows {
				row := make([]string, len(r))
				for i, s := range r {
					row[i] = clean(s)
				}
				t.Rows = append(t.Rows, row)
			}
			doc.Table(t)
		case pRight:
			doc.Paragraph(docx.Para{Text: clean(b.text), Indent: contentW * 0.55, Before: 6, After: 3})
		case pGap:
			doc.Paragraph(docx.Para{Before: 6})
		}
	}
	return doc.Bytes(d.Generated)
}

// footerParts is the words' "page x of y" with the two numbers as fields:
// the wording is asked for two sentinel numbers and cut around them, so
// the .docx footer reads as the PDF's.
func footerParts(w *words) docx.Footer {
	const x, y = 1000001, 1000002
	s := w.pageOf(x, y)
	before, rest, ok1 := strings.Cut(s, strconv.Itoa(x))
	between, after, ok2 := strings.Cut(rest, strconv.Itoa(y))
	if !ok1 || !ok2 {
		return docx.Footer{}
	}
	return docx.Footer{Before: before, Between: between, After: after}
}
