package templates

import "time"

// DeadlineRow is one deadline of a case as a list outside the dossier
// shows it (the page of casebundle serve): the same rules and words as the
// dossier's 期限 table.
type DeadlineRow struct {
	// Name is the deadline's name, Basis what it rests on (may be "").
	Name, Basis string
	// From is the payment the period runs from.
	From Transaction
	// Due is when the period ends: the last second of the last day, or the
	// exact time for a period in hours (Hours true).
	Due   time.Time
	Hours bool
}

// Deadlines lists the deadlines that apply to d (its complaint type,
// platform and transactions) in lang, in the dossier's order, and the note
// the dossier prints beneath them. It returns no rows when no payment out
// carries a time.
func Deadlines(d *Dossier, lang string) ([]DeadlineRow, string, error) {
	w, err := wordsFor(lang)
	if err != nil {
		return nil, "", err
	}
	var out []DeadlineRow
	for _, dl := range deadlines(d) {
		out = append(out, DeadlineRow{Name: w.deadlineName[dl.kind], Basis: w.deadlineBasis[dl.kind], From: dl.from, Due: dl.due, Hours: dl.hours})
	}
	return out, w.deadlineNote, nil
}
