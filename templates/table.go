package templates

// column is one column of a table.
type column struct {
	title string
	width float64 // millimetres
	align string  // "L", "C" or "R"
}

// table is a grid of wrapped text. Rows never split across pages unless a
// single row is taller than a page; the header row is repeated at the top
// of every page the table continues on. Bills and chats reuse it.
type table struct {
	cols []column
	// header draws the column titles as the first row.
	header bool
	rows   [][]string
	// shade, when set, gives the background of row i (nil: none).
	shade func(i int) *rgb
	// keyColumn shades the first column, for label/value cards.
	keyColumn bool
	size      float64 // font size in points; 0 is sizeSmall
}

const (
	cellPadX = 1.6
	cellPadY = 1.1
)

// width is the total width of the columns.
func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// table draws t at the cursor, starting at the left margin.
func (dc *doc) table(t *table) {
	size := t.size
	if size == 0 {
		size = sizeSmall
	}
	lh := lineHeight(size)
	var head [][]string
	headH := 0.0
	if t.header {
		head = dc.cells(t, titles(t), size)
		headH = rowHeight(head, lh)
	}
	drawHead := func() {
		if t.header {
			dc.row(t, head, 0, maxLines(head), headH, &colFillHd, size, true)
		}
	}
	for i, r := range t.rows {
		cells := dc.cells(t, r, size)
		n := maxLines(cells)
		var bg *rgb
		if t.shade != nil {
			bg = t.shade(i)
		}
		if i == 0 {
			// Keep the header with the first row, or at least its first lines.
			dc.ensure(headH + float64(min(n, 3))*lh + 2*cellPadY)
			drawHead()
		}
		fresh := contentBottom - contentTop - headH
		for k := 0; k < n || (n == 0 && k == 0); {
			left := n - k
			h := float64(max(left, 1))*lh + 2*cellPadY
			if !dc.room(h) {
				fits := int((contentBottom - dc.y() - 2*cellPadY) / lh)
				atTop := dc.y() <= contentTop+headH+0.01
				if (h <= fresh || fits < 1) && !atTop {
					// The rest of the row goes whole onto the next page.
					dc.newPage()
					drawHead()
					continue
				}
				// Taller than a page: split it at a line.
				left = max(fits, 1)
				h = float64(left)*lh + 2*cellPadY
			}
			dc.row(t, cells, k, left, h, bg, size, false)
			k += max(left, 1)
		}
	}
	dc.font(sizeBody, colText)
}

func titles(t *table) []string {
	s := make([]string, len(t.cols))
	for i, c := range t.cols {
		s[i] = c.title
	}
	return s
}

// cells wraps every cell of a row to its column.
func (dc *doc) cells(t *table, r []string, size float64) [][]string {
	out := make([][]string, len(t.cols))
	for c, col := range t.cols {
		text := ""
		if c < len(r) {
			text = r[c]
		}
		out[c] = dc.m.wrap(dc.m.clean(text, true), size, col.width-2*cellPadX)
	}
	return out
}

func maxLines(cells [][]string) int {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

func rowHeight(cells [][]string, lh float64) float64 {
	return float64(max(maxLines(cells), 1))*lh + 2*cellPadY
}

// row draws lines [from, from+count) of every cell as one band of height h.
func (dc *doc) row(t *table, cells [][]string, from, count int, h float64, bg *rgb, size float64, head bool) {
	pdf := dc.pdf
	y := dc.y()
	x := marginL
	lh := lineHeight(size)
	dc.stroke(colRule, 0.2)
	for c, col := range t.cols {
		style := "D"
		switch {
		case bg != nil:
			dc.fill(*bg)
			style = "FD"
		case t.keyColumn && c == 0:
			dc.fill(colFillKy)
			style = "FD"
		}
		pdf.Rect(x, y, col.width, h, style)
		if head {
			dc.font(size, colHead)
		} else {
			dc.font(size, colText)
		}
		lines := cells[c]
		for i := from; i < from+count && i < len(lines); i++ {
			align := col.align
			if head {
				align = "C"
			}
			dc.textAt(x+cellPadX, y+cellPadY+float64(i-from)*lh, col.width-2*cellPadX, lh, lines[i], align)
		}
		x += col.width
	}
	dc.setY(y + h)
}
