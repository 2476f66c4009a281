package templates

import (
	"slices"
	"time"

	"github.com/casebundle/casebundle/internal/tz"
)

// drawChronology draws 事件时间线: every dated event in time order, with
// the exhibit it comes from.
func drawChronology(dc *doc) {
	w := dc.w
	dc.sectionHeading(SectionChronology, 20)
	if len(dc.d.Events) == 0 {
		dc.para(w.noEvents, sizeBody, colMuted, 0)
		dc.setY(dc.y() + 8)
		return
	}
	events := slices.Clone(dc.d.Events)
	slices.SortStableFunc(events, func(a, b Event) int { return eventTime(a).Compare(eventTime(b)) })
	local := false
	rows := make([][]string, len(events))
	for i, e := range events {
		when := w.whenShort(e.Time)
		if !e.ZoneKnown {
			local = true
			when = e.Time.Format("2006-01-02 15:04:05") + " *"
		}
		text := w.pick(e.TextZh, e.TextEn)
		ex := "—"
		if e.Exhibit > 0 {
			ex = w.exhibitList([]int{e.Exhibit})
		}
		rows[i] = []string{when, text, ex}
	}
	cols := []column{{w.colTime, 36, "L"}, {w.colEvent, 0, "L"}, {w.colExhibit, 22, "C"}}
	fillWidth(cols, 1)
	dc.table(&table{cols: cols, header: true, rows: rows})
	dc.setY(dc.y() + 1.5)
	dc.para(w.timesNote, sizeSmall, colMuted, 0)
	if local {
		dc.para(w.localMark, sizeSmall, colMuted, 0)
	}
	dc.setY(dc.y() + 8)
}

// eventTime is the instant an event is sorted by. A time without a zone is
// a Chinese phone's wall clock, so it is read as Beijing time.
func eventTime(e Event) time.Time {
	if e.ZoneKnown {
		return e.Time
	}
	t := e.Time
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), tz.Shanghai)
}
