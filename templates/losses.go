package templates

import (
	"strings"
)

// drawLosses draws 损失清单: every transaction of the case, the disputed
// ones shaded, and the total of the disputed payments out.
func drawLosses(dc *doc) {
	w := dc.w
	dc.sectionHeading(SectionLosses, 20)
	if len(dc.d.Transactions) == 0 {
		dc.para(w.noTransactions, sizeBody, colMuted, 0)
		dc.setY(dc.y() + 8)
		return
	}
	cols := []column{
		{w.colTxnID, 47, "L"},
		{w.colTime, 30, "L"},
		{w.colAmount, 22, "R"},
		{w.colDirection, 12, "C"},
		{w.colCounterparty, 0, "L"},
		{w.colDisputed, 15, "C"},
		{w.colExhibits, 17, "L"},
	}
	fillWidth(cols, 4)
	rows := make([][]string, 0, len(dc.d.Transactions)+1)
	for _, t := range dc.d.Transactions {
		id := t.ID
		if t.Form == "invalid" {
			id += w.invalidID
		}
		when := w.unknownTime
		if t.HasTime {
			when = w.whenShort(t.Time)
		}
		dir := t.Direction
		switch t.Direction {
		case "out":
			dir = w.dirOut
		case "in":
			dir = w.dirIn
		}
		disputed := w.no
		if t.Disputed {
			disputed = w.yes
		}
		rows = append(rows, []string{id, when, t.Amount.Grouped(), dir, t.Counterparty, disputed, w.exhibitList(t.Exhibits)})
	}
	rows = append(rows, []string{w.totalRow, "", dc.d.LossTotal.Grouped(), "", "", "", ""})
	txns := dc.d.Transactions
	dc.table(&table{
		cols:   cols,
		header: true,
		rows:   rows,
		size:   8,
		shade: func(i int) *rgb {
			switch {
			case i == len(txns):
				return &colFillHd
			case txns[i].Disputed:
				return &colMark
			}
			return nil
		},
	})
	dc.setY(dc.y() + 1.5)
	dc.para(strings.TrimSpace(w.timesNote+" "+w.lossTotal+dc.colon()+w.money(dc.d.LossTotal)+w.yuanUnit), sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 8)
}

// fillWidth gives column i whatever width the others leave of the text
// area.
func fillWidth(cols []column, i int) {
	used := 0.0
	for j, c := range cols {
		if j != i {
			used += c.width
		}
	}
	cols[i].width = contentW - used
}
