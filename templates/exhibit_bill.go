package templates

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// A bill is shown as its rows in a table. The rows of the case's payments
// (same transaction ID as a payment of case.yaml) and the rows with the
// case's counterparty are shaded. A long bill is shortened to its first
// rows and the case's rows with a few rows around each; every gap is
// marked where it is, with its size and lines in the original, and the
// count of rows left out is stated under the table.

const (
	// billFullRows: a bill with this many rows or fewer is shown whole.
	billFullRows = 40
	// billHeadRows: the first rows of a long bill, always shown.
	billHeadRows = 5
	// billContext: rows shown before and after each row of the case.
	billContext = 3
	// billNoMatchRows: rows shown of a long bill with no row of the case.
	billNoMatchRows = 20
)

// Row marks.
const (
	billPlain = iota
	billParty // the counterparty of the case
	billTxn   // a payment of the case, by ID
)

var (
	colMarkTxn   = rgb{255, 218, 120}
	colMarkParty = colMark
)

// exhibitBill draws a bill export: a block of facts, then its rows.
func (dc *doc) exhibitBill(ex *Exhibit) {
	b := ex.Item.Bill
	w := dc.w
	marks, names := dc.billMarks(b)
	dc.subheading(w.billFacts, 16)
	dc.table(&table{cols: captionCols, rows: dc.billFacts(b, marks), keyColumn: true, size: sizeSmall})
	dc.gap(4)
	dc.subheading(w.billTable, 20)
	if len(b.Rows) == 0 {
		dc.para(w.billEmpty, sizeBody, colMuted, 0)
		return
	}
	keep := billKeep(marks)
	shown := 0
	for _, k := range keep {
		if k {
			shown++
		}
	}
	if shown < len(b.Rows) {
		dc.para(w.billShortened(shown, len(b.Rows)), sizeSmall, colText, 0)
	}
	legend := w.billLegend
	if isPDFBill(b) {
		legend = w.billLegendPDF
	}
	dc.para(legend(strings.Join(names, dc.w.listSep)), sizeSmall, colMuted, 0)
	dc.gap(1.5)
	dc.billRows(ex, b, marks, keep)
	if hidden := len(b.Rows) - shown; hidden > 0 {
		dc.gap(2)
		dc.noteBox(w.billMore(hidden, "data/"+ex.Item.Path), colFillKy, sizeSmall)
	}
}

// billMarks marks each row of the bill: a payment of the case (its ID is
// the ID of a transaction from case.yaml) or a row with the case's
// counterparty (the respondent, or the counterparty of such a payment).
// names are those counterparties, in the order found.
func (dc *doc) billMarks(b *bill.Bill) (marks []int, names []string) {
	ids := map[string]bool{}
	addName := func(n string) {
		n = strings.TrimSpace(n)
		if n == "" {
			return
		}
		for _, have := range names {
			if have == n {
				return
			}
		}
		names = append(names, n)
	}
	addName(dc.d.Respondent.Name)
	for _, t := range dc.d.Transactions {
		if !t.FromCase {
			continue
		}
		if id := strings.TrimSpace(t.ID); id != "" {
			ids[id] = true
		}
		addName(t.Counterparty)
	}
	marks = make([]int, len(b.Rows))
	for i, r := range b.Rows {
		switch {
		case r.TxnID != "" && ids[strings.TrimSpace(r.TxnID)]:
			marks[i] = billTxn
		case partyMatches(r.Counterparty, names):
			marks[i] = billParty
		}
	}
	return marks, names
}

// partyMatches reports whether a bill's counterparty is one of names: the
// same, or holding the name whole ("张三(zhangsan)"); a one-rune name must
// be equal.
func partyMatches(cp string, names []string) bool {
	cp = strings.TrimSpace(cp)
	if cp == "" {
		return false
	}
	for _, n := range names {
		if cp == n || utf8.RuneCountInString(n) >= 2 && strings.Contains(cp, n) {
			return true
		}
	}
	return false
}

// billKeep chooses the rows to show: all of a short bill; of a long one,
// the first rows and every marked row with billContext rows on each side,
// or the first billNoMatchRows when no row is marked.
func billKeep(marks []int) []bool {
	n := len(marks)
	keep := make([]bool, n)
	if n <= billFullRows {
		for i := range keep {
			keep[i] = true
		}
		return keep
	}
	head := billHeadRows
	found := false
	for i, m := range marks {
		if m == billPlain {
			continue
		}
		found = true
		for j := max(0, i-billContext); j <= min(n-1, i+billContext); j++ {
			keep[j] = true
		}
	}
	if !found {
		head = billNoMatchRows
	}
	for i := range min(head, n) {
		keep[i] = true
	}
	return keep
}

// billFacts lists what the bill is: who issued it, its format, account,
// period, row count, totals each way and the rows of the case.
func (dc *doc) billFacts(b *bill.Bill, marks []int) [][]string {
	w := dc.w
	provider := b.Provider
	if p, ok := w.providers[b.Provider]; ok {
		provider = p
	}
	period := w.unknownTime
	if !b.Start.IsZero() && !b.End.IsZero() {
		period = w.whenShort(b.Start) + w.to + w.whenShort(b.End) + w.zoneSuffix
	}
	count := strconv.Itoa(len(b.Rows))
	if b.Skipped > 0 {
		count += "\n" + w.chatSkipped(b.Skipped)
	}
	var sum [3]money.Fen
	var num [3]int
	for _, r := range b.Rows {
		k := 2
		switch r.Direction {
		case "out":
			k = 0
		case "in":
			k = 1
		}
		sum[k] += r.Amount
		num[k]++
	}
	byID, byParty := 0, 0
	for _, m := range marks {
		switch m {
		case billTxn:
			byID++
		case billParty:
			byParty++
		}
	}
	relevant := w.billNoRelevant
	if byID+byParty > 0 {
		relevant = w.billRelevantRows(byID, byParty)
	}
	rows := [][]string{
		{w.billProvider, provider},
		{w.billLayout, dash(b.Layout)},
		{w.billAccount, dash(b.Account)},
		{w.billPeriod, period},
		{w.billRows, count},
		{w.billOut, w.billCountSum(num[0], dc.w.money(sum[0]))},
		{w.billIn, w.billCountSum(num[1], dc.w.money(sum[1]))},
	}
	if num[2] > 0 {
		rows = append(rows, []string{w.billNeutral, w.billCountSum(num[2], dc.w.money(sum[2]))})
	}
	return append(rows, []string{w.billRelevant, relevant})
}

// billItem is one band of the bill table: a row, or a gap of rows left out.
type billItem struct {
	cells []string
	bg    *rgb
	gap   string
}

// billColumns sizes the columns to the rows shown: the transaction ID and
// the amount on one line each, the date over the time, the rest of the
// width shared by the counterparty and the goods.
func (dc *doc) billColumns(b *bill.Bill, keep []bool, lineW, amountW, idW float64) []column {
	w := dc.w
	pad := 2 * cellPadX
	tw := func(s string) float64 { return dc.m.textWidth(s, sizeTiny) + pad + 0.3 }
	lineCol := max(tw("★ "+strconv.Itoa(int(lineW))), tw(w.colLine))
	timeCol := tw("2025-03-03")
	// The bill's own values are Chinese whatever the dossier's language:
	// these samples size their columns, they are not drawn.
	typeCol := tw("商户消费")
	dirCol := max(tw("支出"), min(tw(w.inOut[""]), 14))
	amountCol := max(amountW+pad+0.3, tw("9,999.99"))
	statusCol := tw("对方已收钱")
	idCol := max(idW+pad+0.3, tw(w.colBillID))
	fixed := lineCol + timeCol + typeCol + dirCol + amountCol + statusCol
	rest := contentW - fixed - idCol
	if rest < 30 {
		idCol = max(contentW-fixed-30, tw(w.colBillID))
		rest = contentW - fixed - idCol
	}
	lineLabel := w.colLine
	if isPDFBill(b) {
		lineLabel = w.colStatementPage
		lineCol = max(lineCol, tw(lineLabel))
	}
	return []column{
		{lineLabel, lineCol, "R"},
		{w.colBillTime, timeCol, "L"},
		{w.colType, typeCol, "L"},
		{w.colBillParty, rest * 0.5, "L"},
		{w.colGoods, rest * 0.5, "L"},
		{w.colInOut, dirCol, "C"},
		{w.colBillAmount, amountCol, "R"},
		{w.colBillStatus, statusCol, "L"},
		{w.colBillID, idCol, "L"},
	}
}

// billRows draws the rows kept, with a band for every run of rows left
// out, the header repeated on every page.
func (dc *doc) billRows(ex *Exhibit, b *bill.Bill, marks []int, keep []bool) {
	w := dc.w
	var items []billItem
	maxLine, amountW, idW := 0, 0.0, 0.0
	// A PDF statement's rows are numbered by the page they are on.
	lineOf, gapText := func(r bill.Row) int { return r.Line }, w.billGap
	if isPDFBill(b) {
		lineOf, gapText = func(r bill.Row) int { return r.Page }, w.billGapPages
	}
	for i := 0; i < len(b.Rows); {
		if !keep[i] {
			j := i
			lo, hi := lineOf(b.Rows[i]), lineOf(b.Rows[i])
			for j < len(b.Rows) && !keep[j] {
				lo, hi = min(lo, lineOf(b.Rows[j])), max(hi, lineOf(b.Rows[j]))
				j++
			}
			items = append(items, billItem{gap: gapText(j-i, lo, hi)})
			i = j
			continue
		}
		r := b.Rows[i]
		mark := ""
		var bg *rgb
		switch marks[i] {
		case billTxn:
			mark, bg = "★ ", &colMarkTxn
		case billParty:
			mark, bg = "◆ ", &colMarkParty
		}
		when := "—"
		if !r.Time.IsZero() {
			when = r.Time.In(tz.Shanghai).Format("2006-01-02 15:04:05")
		}
		amount := r.Amount.Grouped()
		id := strings.TrimSpace(r.TxnID)
		items = append(items, billItem{cells: []string{
			mark + strconv.Itoa(lineOf(r)), when, dash(r.Type), dash(r.Counterparty), dash(r.Goods),
			w.inOut[r.Direction], amount, dash(r.Status), dash(id),
		}, bg: bg})
		maxLine = max(maxLine, lineOf(r))
		amountW = max(amountW, dc.m.textWidth(amount, sizeTiny))
		idW = max(idW, dc.m.textWidth(dc.m.clean(id, false), sizeTiny))
		i++
	}
	t := &table{cols: dc.billColumns(b, keep, float64(maxLine), amountW, min(idW, 60)), header: true, size: sizeTiny}
	dc.bandTable(ex, t, items)
}

// bandTable draws a table of rows and full-width gap bands. Rows never
// split across pages unless one is taller than a page; the header row is
// repeated on every page, under a line that names the exhibit continued.
func (dc *doc) bandTable(ex *Exhibit, t *table, items []billItem) {
	size := t.size
	lh := lineHeight(size)
	head := dc.cells(t, titles(t), size)
	headH := rowHeight(head, lh)
	drawHead := func() { dc.row(t, head, 0, maxLines(head), headH, &colFillHd, size, true) }
	breakPage := func() {
		dc.newPage()
		dc.font(sizeTiny, colMuted)
		dc.textAt(marginL, dc.y(), contentW, lineHeight(sizeTiny), dc.m.clean(dc.w.exhibitCont(ex.Number), false), "L")
		dc.setY(dc.y() + lineHeight(sizeTiny) + 0.6)
		drawHead()
	}
	top := 0.0 // the y of the first row under the header on this page
	for i, it := range items {
		var cells [][]string
		n := 1
		if it.gap == "" {
			cells = dc.cells(t, it.cells, size)
			n = max(maxLines(cells), 1)
		}
		if i == 0 {
			dc.ensure(headH + float64(min(n, 3))*lh + 2*cellPadY)
			drawHead()
			top = dc.y()
		}
		if it.gap != "" {
			h := lh + 2*cellPadY
			if !dc.room(h) {
				breakPage()
				top = dc.y()
			}
			y := dc.y()
			dc.fill(colFillKy)
			dc.stroke(colRule, 0.2)
			dc.pdf.Rect(marginL, y, t.width(), h, "FD")
			dc.font(size, colMuted)
			dc.textAt(marginL, y+cellPadY, t.width(), lh, dc.m.fit(dc.m.clean(it.gap, false), size, t.width()-2*cellPadX), "C")
			dc.setY(y + h)
			continue
		}
		for k := 0; k < n; {
			left := n - k
			h := float64(left)*lh + 2*cellPadY
			if !dc.room(h) {
				if dc.y() > top+0.01 {
					breakPage()
					top = dc.y()
					continue
				}
				// Taller than a page: split it at a line.
				left = max(1, int((contentBottom-dc.y()-2*cellPadY)/lh))
				h = float64(left)*lh + 2*cellPadY
			}
			dc.row(t, cells, k, left, h, it.bg, size, false)
			k += left
			if k < n {
				breakPage()
				top = dc.y()
			}
		}
	}
	dc.font(sizeBody, colText)
}
