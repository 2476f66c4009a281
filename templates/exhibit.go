package templates

import (
	"fmt"
	"mime"
	"strings"

	"github.com/casebundle/casebundle/evidence"
)

// drawExhibits draws one section per exhibit, each starting on a new page,
// and records the pages each one covers.
func drawExhibits(dc *doc) {
	w := dc.w
	for i := range dc.d.Exhibits {
		ex := &dc.d.Exhibits[i]
		dc.newPage()
		if i == 0 {
			dc.sectionBookmark(SectionExhibits)
		}
		first := dc.pdf.PageNo()
		dc.heading(w.exhibit(ex.Number)+w.titleSep+exhibitTitle(ex), 1, 30)
		if isImage(ex) {
			dc.exhibitImage(ex)
		} else {
			dc.caption(ex)
			dc.setY(dc.y() + 3)
			switch it := ex.Item; {
			case isPDF(ex):
				dc.exhibitPDF(ex)
			case it != nil && it.Kind == evidence.KindChat && it.Chat != nil:
				dc.exhibitChat(ex)
			case it != nil && it.Kind == evidence.KindBill && it.Bill != nil:
				dc.exhibitBill(ex)
			case isMedia(it):
				dc.exhibitMedia(ex)
			case it != nil && isText(it):
				dc.exhibitText(ex)
			default:
				dc.card(ex)
			}
		}
		dc.places = append(dc.places, Placement{Exhibit: ex.Number, Volume: 1, First: first, Last: dc.pdf.PageNo()})
	}
}

// isText reports items whose content the dossier prints as text: a chat
// or bill the pipeline could not parse is printed as it is.
func isText(it *evidence.Item) bool {
	mt, _, err := mime.ParseMediaType(it.MIME)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(it.MIME))
	}
	return strings.HasPrefix(mt, "text/")
}

// captionCols are the columns of a caption across the page.
var captionCols = []column{{width: 30, align: "L"}, {width: contentW - 30, align: "L"}}

// caption draws the facts of an exhibit as a table across the page.
func (dc *doc) caption(ex *Exhibit) {
	rows, errRow := dc.captionRows(ex)
	dc.table(&table{
		cols:      captionCols,
		rows:      rows,
		keyColumn: true,
		size:      sizeSmall,
		shade: func(i int) *rgb {
			if i == errRow {
				return &colAlert
			}
			return nil
		},
	})
}

// captionRows lists the facts of an exhibit as label/value rows: file,
// hash, size, type, times, title, source, purpose and every finding on the
// item. errRow is the row of the findings when one is an error, else -1.
func (dc *doc) captionRows(ex *Exhibit) (rows [][]string, errRow int) {
	w := dc.w
	errRow = -1
	if it := ex.Item; it != nil {
		kind := w.kinds[it.Kind]
		typ := dash(it.MIME)
		if kind != "" {
			typ += w.aside(kind)
		}
		rows = append(rows,
			[]string{w.capFile, it.Path},
			[]string{w.capSHA, dash(it.SHA256)},
			[]string{w.capSize, w.bytes(it.Size)},
			[]string{w.capType, typ},
		)
		if it.Meta.Width > 0 && it.Meta.Height > 0 {
			dim := fmt.Sprintf("%d × %d px", it.Meta.Width, it.Meta.Height)
			if it.Meta.Camera != "" {
				dim += "; " + it.Meta.Camera
			}
			if it.Meta.Images > 1 {
				dim += "; " + w.heifImages(it.Meta.Images)
			}
			rows = append(rows, []string{w.capDimensions, dim})
		}
		rows = append(rows, dc.pdfCaptionRows(it)...)
		modified := w.unknownTime
		if !it.Modified.IsZero() {
			modified = w.when(it.Modified)
		}
		rows = append(rows,
			[]string{w.capCaptured, w.captured(it.Captured)},
			[]string{w.capModified, modified},
		)
	}
	rows = append(rows,
		[]string{w.capTitle, exhibitTitle(ex)},
		[]string{w.capSource, dash(ex.Source)},
		[]string{w.capProves, dash(ex.Proves)},
	)
	if shows := dc.ocrShows(ex); shows != "" {
		rows = append(rows, []string{w.capOCR, shows})
	}
	found := w.none
	if ex.Item != nil && len(ex.Item.Findings) > 0 {
		lines := make([]string, len(ex.Item.Findings))
		for i, f := range ex.Item.Findings {
			lines[i] = "[" + dc.severity(f.Severity) + "] " + dc.message(f)
		}
		found = strings.Join(lines, "\n")
		if ex.Item.HasError() {
			errRow = len(rows)
		}
	}
	rows = append(rows, []string{w.capFindings, found})
	return rows, errRow
}

// sideCaption lays caption rows out as a narrow column of labels and
// values, for an image drawn beside it. It returns the height the column
// needs and a function that draws it at (x, y).
func (dc *doc) sideCaption(rows [][]string, errRow int, width float64) (float64, func(x, y float64)) {
	const pad = 2.5
	lhLabel, lhValue := lineHeight(sizeTiny), lineHeight(sizeSmall)
	type block struct {
		label string
		lines []string
		alert bool
	}
	blocks := make([]block, len(rows))
	h := pad
	for i, r := range rows {
		lines := dc.m.wrap(dc.m.clean(r[1], true), sizeSmall, width-2*pad)
		blocks[i] = block{dc.m.clean(r[0], false), lines, i == errRow}
		h += lhLabel + float64(len(lines))*lhValue + 1.6
	}
	h += pad
	return h, func(x, y float64) {
		dc.fill(colFillKy)
		dc.stroke(colRule, 0.2)
		dc.pdf.Rect(x, y, width, h, "FD")
		cy := y + pad
		for _, b := range blocks {
			dc.font(sizeTiny, colMuted)
			dc.textAt(x+pad, cy, width-2*pad, lhLabel, b.label, "L")
			cy += lhLabel
			c := colText
			if b.alert {
				c = rgb{170, 20, 20}
			}
			dc.font(sizeSmall, c)
			for _, ln := range b.lines {
				dc.textAt(x+pad, cy, width-2*pad, lhValue, ln, "L")
				cy += lhValue
			}
			cy += 1.6
		}
		dc.font(sizeBody, colText)
	}
}

// card says where the original of an exhibit that is not drawn is kept.
func (dc *doc) card(ex *Exhibit) {
	w := dc.w
	var b strings.Builder
	b.WriteString(w.notDrawn + "\n")
	if it := ex.Item; it != nil {
		b.WriteString(w.inBundle + "data/" + it.Path + "\n")
		b.WriteString("SHA-256" + dc.colon() + dash(it.SHA256) + "\n")
		b.WriteString(w.capType + dc.colon() + dash(it.MIME))
		if it.Meta.Pages > 0 {
			b.WriteString("\n" + w.pdfPages + dc.colon() + fmt.Sprint(it.Meta.Pages))
		}
	} else {
		b.WriteString(w.inBundle + dash(ex.File))
	}
	dc.noteBox(b.String(), colFillKy, sizeBody)
}

// noteBox draws wrapped text in a shaded, bordered box. A box taller than
// the room left moves to the next page, and one taller than a page breaks.
func (dc *doc) noteBox(text string, bg rgb, size float64) {
	const pad = 3.0
	lh := lineHeight(size)
	lines := dc.m.wrap(dc.m.clean(text, true), size, contentW-2*pad)
	if h := float64(len(lines))*lh + 2*pad; h <= contentBottom-contentTop {
		dc.ensure(h)
	}
	dc.boxLines(lines, size, pad, bg, 0.3, 1)
	dc.font(sizeBody, colText)
}
