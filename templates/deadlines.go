package templates

import (
	"slices"
	"time"

	"github.com/casebundle/casebundle/internal/tz"
)

// The deadlines a victim of a lost payment runs against, counted from the
// payments of the case:
//
//   - a WeChat transfer sent with delayed arrival (延时到账) can be
//     withdrawn before it arrives: 2 or 24 hours after the transfer, for
//     transfers to a person (wrong transfer, fraud, other), one row per
//     disputed payment;
//   - a merchant takes returns and refunds within 7 days (online purchases,
//     《消费者权益保护法》第二十五条, counted from receipt of the goods) and
//     within 30 days under common after-sales rules, for merchant disputes
//     (fake goods, not delivered, duplicate charge, other), from the first
//     disputed payment;
//   - a civil claim is barred 3 years after the claimant knew of the loss
//     and who caused it (《民法典》第一百八十八条), from the first disputed
//     payment, for every case.
//
// Periods in days and years follow 《民法典》第二百零一条、第二百零二条: the
// first day is not counted, a period in years ends on the corresponding
// day (the last day of the month when there is none). The disputed payments
// out are the base; when none is marked disputed, every payment out is.

// deadlineKind names one rule.
type deadlineKind int

const (
	dlDelay2h deadlineKind = iota
	dlDelay24h
	dlRefund7
	dlRefund30
	dlLimitation
)

// deadline is one dated limit.
type deadline struct {
	kind deadlineKind
	// from is the payment the period runs from.
	from Transaction
	// due is the instant the period ends: the end of the last day for
	// periods in days and years, the exact time for hours.
	due time.Time
	// hours reports a period counted in hours (shown with the time).
	hours bool
}

// deadlines computes the deadlines that apply to a dossier, in a fixed
// order. It returns nil when no payment out carries a time.
func deadlines(d *Dossier) []deadline {
	base := basePayments(d.Transactions)
	if len(base) == 0 {
		return nil
	}
	var out []deadline
	transfer, merchant := true, true
	switch d.ComplaintType {
	case "wrong_transfer", "fraud":
		merchant = false
	case "fake_goods", "not_delivered", "duplicate_charge":
		transfer = false
	}
	wechat := d.Platform == "wechat"
	if transfer {
		for _, t := range base {
			if !(wechat || t.Platform == "wechat") {
				continue
			}
			out = append(out,
				deadline{kind: dlDelay2h, from: t, due: t.Time.Add(2 * time.Hour), hours: true},
				deadline{kind: dlDelay24h, from: t, due: t.Time.Add(24 * time.Hour), hours: true})
		}
	}
	first := base[0]
	if merchant {
		out = append(out,
			deadline{kind: dlRefund7, from: first, due: endOfDay(addDays(first.Time, 7))},
			deadline{kind: dlRefund30, from: first, due: endOfDay(addDays(first.Time, 30))})
	}
	out = append(out, deadline{kind: dlLimitation, from: first, due: endOfDay(addYears(first.Time, 3))})
	return out
}

// basePayments are the dated disputed payments out, or every dated payment
// out when none is disputed, earliest first.
func basePayments(txns []Transaction) []Transaction {
	var disputed, all []Transaction
	for _, t := range txns {
		if t.Direction != "out" || !t.HasTime || t.Time.IsZero() {
			continue
		}
		all = append(all, t)
		if t.Disputed {
			disputed = append(disputed, t)
		}
	}
	if len(disputed) > 0 {
		all = disputed
	}
	slices.SortStableFunc(all, func(a, b Transaction) int { return a.Time.Compare(b.Time) })
	return all
}

// addDays is the last day of a period of n days that starts the day after
// t (Beijing dates), at t's time of day.
func addDays(t time.Time, n int) time.Time {
	return t.In(tz.Shanghai).AddDate(0, 0, n)
}

// addYears is the corresponding day n years after t (Beijing dates); 29
// February becomes the 28th in a year without it.
func addYears(t time.Time, n int) time.Time {
	b := t.In(tz.Shanghai)
	y, m, day := b.Date()
	last := time.Date(y+n, m+1, 0, 0, 0, 0, 0, tz.Shanghai).Day()
	return time.Date(y+n, m, min(day, last), b.Hour(), b.Minute(), b.Second(), 0, tz.Shanghai)
}

// endOfDay is the last second of t's Beijing date.
func endOfDay(t time.Time) time.Time {
	y, m, day := t.In(tz.Shanghai).Date()
	return time.Date(y, m, day, 23, 59, 59, 0, tz.Shanghai)
}

// drawDeadlines draws 期限: the table of deadlines with what is left of each
// at the time the dossier is generated, and what each rests on.
func drawDeadlines(dc *doc) {
	w := dc.w
	dc.sectionHeading(SectionDeadlines, 20)
	list := deadlines(dc.d)
	if len(list) == 0 {
		dc.para(w.noDeadlines, sizeBody, colMuted, 0)
		dc.setY(dc.y() + 8)
		return
	}
	cols := []column{
		{w.colDeadline, 46, "L"},
		{w.colFrom, 50, "L"},
		{w.colDue, 28, "L"},
		{w.colStatus, 0, "L"},
	}
	fillWidth(cols, 3)
	rows := make([][]string, len(list))
	for i, dl := range list {
		due := dl.due.In(tz.Shanghai).Format("2006-01-02")
		if dl.hours {
			due = dl.due.In(tz.Shanghai).Format("2006-01-02 15:04")
		}
		from := dl.from.Time.In(tz.Shanghai).Format("2006-01-02 15:04")
		if dl.from.ID != "" {
			from += "\n" + dl.from.ID
		}
		rows[i] = []string{w.deadlineName[dl.kind], from, due, dc.deadlineStatus(dl)}
	}
	dc.table(&table{cols: cols, header: true, rows: rows, size: 8, shade: func(i int) *rgb {
		if !list[i].due.Before(dc.d.Generated) {
			return &colMark
		}
		return nil
	}})
	dc.setY(dc.y() + 1.5)
	seen := map[deadlineKind]bool{}
	for _, dl := range list {
		basis := w.deadlineBasis[dl.kind]
		if seen[dl.kind] || basis == "" {
			continue
		}
		seen[dl.kind] = true
		dc.para(basis, sizeSmall, colMuted, 0)
	}
	dc.para(w.deadlineNote, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 8)
}

// deadlineStatus says whether a deadline had passed when the dossier was
// generated, or how long is left.
func (dc *doc) deadlineStatus(dl deadline) string {
	w := dc.w
	now := dc.d.Generated
	if now.IsZero() {
		return "—"
	}
	left := dl.due.Sub(now)
	switch {
	case left < 0:
		return w.expired
	case dl.hours || left < 48*time.Hour:
		return w.hoursLeft(int(left.Hours()))
	}
	return w.daysLeft(int(left.Hours() / 24))
}
