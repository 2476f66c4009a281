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
			dc.bookmark(w.hExhibits, 0)
		}
		first := dc.pdf.PageNo()
		sep := "　"
		if w.lang == "en" {
			sep = ": "
		}
		dc.heading(w.exhibit(ex.Number)+sep+exhibitTitle(ex), 1, 30)
		dc.caption(ex)
		dc.setY(dc.y() + 3)
		switch {
		case ex.Item == nil:
			dc.card(ex)
		case isImage(ex):
			dc.exhibitImage(ex)
		case isText(ex.Item):
			dc.exhibitText(ex)
		default:
			dc.card(ex)
		}
		dc.places = append(dc.places, Placement{Exhibit: ex.Number, Volume: 1, First: first, Last: dc.pdf.PageNo()})
	}
}

// isText reports items whose content the dossier prints as text. Chats and
// bills are text until their own layouts exist.
func isText(it *evidence.Item) bool {
	mt, _, err := mime.ParseMediaType(it.MIME)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(it.MIME))
	}
	return strings.HasPrefix(mt, "text/")
}

// caption draws the facts of an exhibit: file, hash, size, type, times,
// title, purpose, source and every finding on the item.
func (dc *doc) caption(ex *Exhibit) {
	w := dc.w
	rows := [][]string{}
	errRow := -1
	if it := ex.Item; it != nil {
		kind := w.kinds[it.Kind]
		typ := dash(it.MIME)
		if kind != "" {
			if w.lang == "en" {
				typ += " (" + kind + ")"
			} else {
				typ += "（" + kind + "）"
			}
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
			rows = append(rows, []string{w.capDimensions, dim})
		}
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
	dc.table(&table{
		cols:      []column{{width: 30, align: "L"}, {width: contentW - 30, align: "L"}},
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

// card says where the original of an exhibit that is not drawn is kept.
func (dc *doc) card(ex *Exhibit) {
	w := dc.w
	var b strings.Builder
	if it := ex.Item; it != nil {
		b.WriteString(w.inBundle + "data/" + it.Path + "\n")
		b.WriteString("SHA-256" + dc.colon() + dash(it.SHA256) + "\n")
		b.WriteString(w.capType + dc.colon() + dash(it.MIME))
		if it.Meta.PDFPages > 0 {
			b.WriteString("\n" + w.pdfPages + dc.colon() + fmt.Sprint(it.Meta.PDFPages))
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
	h := float64(len(lines))*lh + 2*pad
	if h <= contentBottom-contentTop {
		dc.ensure(h)
	}
	for len(lines) > 0 {
		dc.ensure(2*pad + lh)
		n := max(1, min(len(lines), int((contentBottom-dc.y()-2*pad)/lh)))
		y := dc.y()
		h := float64(n)*lh + 2*pad
		dc.fill(bg)
		dc.stroke(colRule, 0.3)
		dc.pdf.Rect(marginL, y, contentW, h, "FD")
		dc.font(size, colText)
		for i, ln := range lines[:n] {
			dc.textAt(marginL+pad, y+pad+float64(i)*lh, contentW-2*pad, lh, ln, "L")
		}
		lines = lines[n:]
		dc.setY(y + h)
	}
	dc.font(sizeBody, colText)
}
