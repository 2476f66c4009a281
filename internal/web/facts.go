package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence/chat"
)

// The facts form: parties, narrative, transactions and the notes per
// file. Values that case.yaml does not have yet are offered from what was
// read (a bill's rows, a chat's other party); each offered value is marked
// "prefilled" until the user ticks it as checked, and a prefilled value
// saved unchecked is written with a comment saying so (see caseyaml.go),
// which is also how drafts made by other tools mark what they read.

// formField is one text field of the form.
type formField struct {
	Name  string // form name, the keys joined by "."
	Label string
	field
	Multiline bool
	Confirmed bool
}

type fieldGroup struct {
	Legend string
	Fields []formField
}

type hintRow struct {
	Zh, En string
}

// factsView is the whole form.
type factsView struct {
	Groups       []fieldGroup
	Narrative    formField
	Txns         []txnRow
	Hints        []hintRow
	Items        []itemNote
	AnyPrefilled bool
	Error, Hint  string
	Saved        bool
}

var partyKeys = []string{"name", "id_number", "phone", "wechat_id", "account"}

// factFields are the text fields in the order of the form.
func factFields() [][]string {
	out := [][]string{{"title"}}
	for _, p := range []string{"claimant", "respondent"} {
		for _, k := range partyKeys {
			out = append(out, []string{p, k})
		}
	}
	return out
}

func (s *Server) factsPage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	l := lang(r)
	doc, _, err := readCaseDoc(c.root)
	if err != nil {
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(l, "err.title"), err.Error(), word(l, "err.caseyaml.hint"))
		return
	}
	a, err := s.analysis(r.Context(), c)
	if err != nil {
		msg, hint := caseErrorText(err)
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(l, "err.title"), msg, hint)
		return
	}
	fv := factsFromDoc(l, doc, a)
	fv.Saved = r.URL.Query().Get("saved") != ""
	v := s.caseView(r, ss, c, "facts")
	v.Data = fv
	if fv.Saved {
		v.Flash = v.T("saved")
	}
	s.render(w, http.StatusOK, "facts", v)
}

// factsFromDoc is the form for case.yaml as it is, with what the evidence
// offers where case.yaml is blank.
func factsFromDoc(l string, doc *caseDoc, a *analysis) *factsView {
	fv := &factsView{}
	sugg := suggestParty(a)
	groups := map[string]*fieldGroup{}
	var order []string
	for _, keys := range factFields() {
		g := keys[0]
		if len(keys) == 1 {
			g = "case"
		}
		if groups[g] == nil {
			groups[g] = &fieldGroup{Legend: word(l, "facts.group."+g)}
			order = append(order, g)
		}
		name := strings.Join(keys, ".")
		f := formField{Name: name, Label: word(l, "field."+name), field: doc.get(keys...)}
		if f.Value == "" {
			if sv, ok := sugg[name]; ok {
				f.field = sv
			}
		}
		fv.AnyPrefilled = fv.AnyPrefilled || f.Prefilled
		groups[g].Fields = append(groups[g].Fields, f)
	}
	for _, g := range order {
		fv.Groups = append(fv.Groups, *groups[g])
	}
	fv.Narrative = formField{Name: "narrative", Label: word(l, "field.narrative"), field: doc.get("narrative"), Multiline: true}
	fv.Narrative.Value = strings.TrimRight(fv.Narrative.Value, "\n")

	inCase := map[string]bool{}
	for _, t := range doc.txns() {
		t.Check = checkTxnID(t.ID)
		t.Time = showTime(t.Time)
		inCase[t.Check.ID] = true
		fv.Txns = append(fv.Txns, t)
	}
	respondent := doc.get("respondent", "name").Value
	if respondent == "" {
		respondent = sugg["respondent.name"].Value
	}
	offered, hints := suggestTxns(a, inCase, respondent, fv.Txns)
	fv.Txns = append(fv.Txns, offered...)
	// Then what the shared draft found beyond the bills' rows: numbers
	// read from screenshots (OCR) and named in chats.
	for _, t := range a.drafted {
		if id := checkTxnID(t.ID).ID; id != "" && !inCase[id] {
			inCase[id] = true
			fv.Txns = append(fv.Txns, txnRow{ID: id, Time: showTime(t.Time), Amount: t.Amount, Direction: t.Direction, Counterparty: t.Counterparty,
				Disputed: t.Disputed, Prefilled: true, From: t.From, Suggested: true, Check: checkTxnID(id)})
		}
	}
	fv.Hints = hints
	for _, t := range fv.Txns {
		fv.AnyPrefilled = fv.AnyPrefilled || t.Prefilled
	}
	// One blank row to type a payment the evidence does not show.
	fv.Txns = append(fv.Txns, txnRow{Direction: "out", Disputed: true})

	notes := map[string]itemNote{}
	for _, n := range doc.items() {
		notes[n.Path] = n
	}
	for _, it := range a.Items {
		n := notes[it.Path]
		n.Path = it.Path
		fv.Items = append(fv.Items, n)
	}
	return fv
}

// suggestParty offers the other party's name from a chat export (its one
// participant besides the user) or, failing that, from the one payee of
// the bills' transfers.
func suggestParty(a *analysis) map[string]field {
	out := map[string]field{}
	// The shared draft's respondent (a transfer page's payee, a chat's
	// 微信号, a bank payee's account), where it found one.
	for k, f := range a.draftParty {
		out[k] = f
	}
	for _, it := range a.Items {
		if it.Kind != "chat" || it.Me == "" {
			continue
		}
		var others []string
		for _, p := range it.Participants {
			if p != it.Me {
				others = append(others, p)
			}
		}
		if len(others) == 1 {
			out["respondent.name"] = field{Value: others[0], Prefilled: true, From: it.Path}
			return out
		}
	}
	payees := map[string]string{}
	for _, it := range a.Items {
		for _, p := range it.all {
			if !p.FromChat && p.Direction == "out" && strings.Contains(p.Type, "转账") && p.Counterparty != "" {
				payees[p.Counterparty] = it.Path
			}
		}
	}
	if len(payees) == 1 {
		for name, from := range payees {
			out["respondent.name"] = field{Value: name, Prefilled: true, From: from}
		}
	}
	return out
}

// maxOffered bounds the bill rows offered as transactions.
const maxOffered = 30

// suggestTxns offers the bills' rows that case.yaml lacks, those with the
// other party and transfers first, and lists the chats' transfers: beside
// the bill row they match (same amount, within five minutes), or as hints
// when no row shows them (a chat carries no transaction ID).
func suggestTxns(a *analysis, inCase map[string]bool, respondent string, caseRows []txnRow) ([]txnRow, []hintRow) {
	type cand struct {
		row   txnRow
		t     time.Time
		score int
		pay   found
	}
	var cands []cand
	var chats []struct {
		f    found
		path string
	}
	for _, it := range a.Items {
		for _, p := range it.all {
			if p.FromChat {
				chats = append(chats, struct {
					f    found
					path string
				}{p, it.Path})
				continue
			}
			id := checkTxnID(p.ID).ID
			if id == "" || inCase[id] {
				continue
			}
			score := 0
			if respondent != "" && p.Counterparty == respondent {
				score += 4
			}
			if strings.Contains(p.Type, "转账") {
				score += 2
			}
			if p.Direction == "out" {
				score++
			}
			r := txnRow{ID: id, Amount: p.Amount, Direction: p.Direction, Counterparty: p.Counterparty, Prefilled: true, From: it.Path,
				Suggested: true, Disputed: p.Direction == "out" && respondent != "" && p.Counterparty == respondent, Check: checkTxnID(id)}
			if !p.Time.IsZero() {
				r.Time = p.Time.In(beijing).Format("2006-01-02 15:04:05")
			}
			cands = append(cands, cand{row: r, t: p.Time, score: score, pay: p})
			inCase[id] = true // a row in two bills is offered once
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].t.Before(cands[j].t)
	})
	if len(cands) > maxOffered {
		cands = cands[:maxOffered]
	}
	var rows []txnRow
	var hints []hintRow
	matched := make([]bool, len(chats))
	// A chat transfer of a payment case.yaml has is noted on its row.
	for i := range caseRows {
		r := &caseRows[i]
		t, err := time.Parse(time.RFC3339, normTime(r.Time))
		if err != nil {
			continue
		}
		for k, ch := range chats {
			if ch.f.Amount != "" && ch.f.Amount == normAmount(r.Amount) && near(ch.f, t) {
				matched[k] = true
				r.HintZh = "聊天记录 " + ch.path + " 中也有这笔转账（" + ch.f.Time.Format("2006-01-02 15:04") + "）"
				r.HintEn = "The chat " + ch.path + " shows this transfer too (" + ch.f.Time.Format("2006-01-02 15:04") + ")"
			}
		}
	}
	for _, cd := range cands {
		r := cd.row
		for k, ch := range chats {
			if ch.f.Amount != "" && ch.f.Amount == cd.pay.Amount && near(ch.f, cd.t) {
				matched[k] = true
				r.HintZh = "聊天记录 " + ch.path + " 中也有这笔转账（" + ch.f.Time.Format("2006-01-02 15:04") + "）"
				r.HintEn = "The chat " + ch.path + " shows this transfer too (" + ch.f.Time.Format("2006-01-02 15:04") + ")"
			}
		}
		rows = append(rows, r)
	}
	for k, ch := range chats {
		if matched[k] || ch.f.Amount == "" {
			continue
		}
		when := ch.f.Time.Format("2006-01-02 15:04")
		hints = append(hints, hintRow{
			Zh: "聊天记录 " + ch.path + "：" + when + "（手机本地时间）" + ch.f.Counterparty + " 发出" + ch.f.Type + " " + ch.f.Amount + " 元" + statusZh(ch.f.Status) + "。聊天记录不含交易单号：请从这笔转账的详情页抄录单号，填入下方空行。",
			En: "Chat " + ch.path + ": at " + when + " (phone local time) " + ch.f.Counterparty + " sent a transfer of " + ch.f.Amount + " yuan" + statusEn(ch.f.Status) + ". A chat carries no transaction ID: copy it from the transfer's detail page into the blank row below.",
		})
	}
	return rows, hints
}

func statusZh(s string) string { zh, _ := chat.StatusNote(s); return zh }

func statusEn(s string) string { _, en := chat.StatusNote(s); return en }

// near reports whether a chat transfer's time is within five minutes of a
// bill row's instant; a chat time without a zone is read as the phone's
// clock in UTC+8.
func near(f found, t time.Time) bool {
	if f.Time.IsZero() || t.IsZero() {
		return false
	}
	ct := f.Time
	if !f.ZoneKnown {
		ct = time.Date(ct.Year(), ct.Month(), ct.Day(), ct.Hour(), ct.Minute(), ct.Second(), 0, beijing)
	}
	d := ct.Sub(t)
	return d > -5*time.Minute && d < 5*time.Minute
}

// maxRows bounds the rows a posted form may carry.
const maxRows = 500

// factsFromForm reads the posted form back into the view (to show again
// when case.yaml would not be valid).
func factsFromForm(l string, f url.Values) *factsView {
	fv := &factsView{}
	var cur *fieldGroup
	for _, keys := range factFields() {
		g := keys[0]
		if len(keys) == 1 {
			g = "case"
		}
		legend := word(l, "facts.group."+g)
		if cur == nil || cur.Legend != legend {
			fv.Groups = append(fv.Groups, fieldGroup{Legend: legend})
			cur = &fv.Groups[len(fv.Groups)-1]
		}
		name := strings.Join(keys, ".")
		cur.Fields = append(cur.Fields, formFieldOf(l, f, name))
	}
	fv.Narrative = formFieldOf(l, f, "narrative")
	fv.Narrative.Multiline = true
	n := boundedCount(f.Get("txn.count"))
	for i := 0; i < n; i++ {
		p := "txn." + strconv.Itoa(i) + "."
		r := txnRow{ID: strings.TrimSpace(f.Get(p + "id")), Time: normTime(f.Get(p + "time")), Amount: normAmount(f.Get(p + "amount")),
			Direction: f.Get(p + "direction"), Counterparty: strings.TrimSpace(f.Get(p + "counterparty")), Disputed: f.Get(p+"disputed") != "",
			Include: f.Get(p+"include") != "", Suggested: f.Get(p+"suggested") != "", From: oneLine(f.Get(p + "pf"))}
		r.Prefilled = r.From != "" && f.Get(p+"ok") == ""
		if r.Direction != "in" && r.Direction != "out" {
			r.Direction = ""
		}
		if f.Get(p+"blank") != "" && r.ID != "" {
			r.Include = true
		}
		r.Check = checkTxnID(r.ID)
		fv.Txns = append(fv.Txns, r)
		fv.Txns[len(fv.Txns)-1].Time = r.Time
	}
	n = boundedCount(f.Get("item.count"))
	for i := 0; i < n; i++ {
		p := "item." + strconv.Itoa(i) + "."
		fv.Items = append(fv.Items, itemNote{Path: f.Get(p + "path"), Title: oneLine(f.Get(p + "title")), Proves: oneLine(f.Get(p + "proves")), Source: oneLine(f.Get(p + "source"))})
	}
	return fv
}

func formFieldOf(l string, f url.Values, name string) formField {
	ff := formField{Name: name, Label: word(l, "field."+name)}
	ff.Value = f.Get(name)
	if name == "narrative" {
		ff.Value = strings.TrimRight(strings.ReplaceAll(ff.Value, "\r\n", "\n"), " \n")
	} else {
		ff.Value = oneLine(ff.Value)
	}
	ff.From = oneLine(f.Get("pf." + name))
	ff.Confirmed = f.Get("ok."+name) != ""
	ff.Prefilled = ff.From != "" && !ff.Confirmed
	return ff
}

func boundedCount(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxRows)
}

// oneLine joins a value's lines and trims it.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ")
	if len(s) > 2000 {
		s = s[:2000]
	}
	return s
}

// normTime writes a time typed without a zone as Beijing time with its
// zone (+08:00), the way case.yaml asks; anything else is kept as typed
// for bundle to judge.
func normTime(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00"} {
		if _, err := time.Parse(layout, s); err == nil {
			return s
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006-01-02", "2006/01/02"} {
		if t, err := time.ParseInLocation(layout, s, beijing); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return s
}

// showTime shows a Beijing time of case.yaml as the form takes it
// ("2025-11-03 14:05:00"); normTime writes it back the same. Other times
// are shown as written.
func showTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	if _, off := t.Zone(); off != 8*3600 {
		return s
	}
	return t.Format("2006-01-02 15:04:05")
}

// normAmount drops the currency signs and the word yuan people type.
func normAmount(s string) string {
	s = strings.TrimSpace(s)
	for _, x := range []string{"¥", "￥", "元", "RMB", "CNY", " "} {
		s = strings.ReplaceAll(s, x, "")
	}
	return s
}

// apply writes the form's values into the case.yaml tree.
func (fv *factsView) apply(doc *caseDoc, files map[string]bool) {
	all := append([]formField{}, fv.Narrative)
	for _, g := range fv.Groups {
		all = append(all, g.Fields...)
	}
	for _, f := range all {
		keys := strings.Split(f.Name, ".")
		if f.Value == "" && !doc.has(keys...) {
			continue
		}
		from := ""
		if f.Prefilled {
			from = f.From
		}
		doc.set(f.Value, from, false, keys...)
	}
	var rows []txnRow
	for _, r := range fv.Txns {
		if r.Include && r.ID != "" {
			rows = append(rows, r)
		}
	}
	if len(rows) > 0 || doc.has("transactions") {
		doc.setTxns(rows)
	}
	for _, n := range fv.Items {
		if files[n.Path] {
			doc.setItem(n)
		}
	}
}

// has reports whether case.yaml has a key path.
func (d *caseDoc) has(keys ...string) bool {
	n := d.top()
	for _, k := range keys {
		if n = lookup(n, k); n == nil {
			return false
		}
	}
	return true
}

func (s *Server) saveFacts(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	l := lang(r)
	if err := parseSmallForm(w, r); err != nil {
		return
	}
	doc, _, err := readCaseDoc(c.root)
	if err != nil {
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(l, "err.title"), err.Error(), word(l, "err.caseyaml.hint"))
		return
	}
	fv := factsFromForm(l, r.PostForm)
	files := map[string]bool{}
	for _, n := range fv.Items {
		if rel, err := cleanRel(n.Path); err == nil && checkNoLinks(c.root, rel, true) == nil {
			if st, err := c.root.Lstat(rel); err == nil && st.Mode().IsRegular() {
				files[rel] = true
			}
		}
	}
	fv.apply(doc, files)
	data, err := doc.bytes()
	if err == nil {
		err = validateCase(data)
	}
	if err == nil {
		err = writeCaseYAML(c.root, data)
	}
	if err != nil {
		fv.Error, fv.Hint = caseErrorText(err)
		for _, t := range fv.Txns {
			fv.AnyPrefilled = fv.AnyPrefilled || t.Prefilled
		}
		v := s.caseView(r, ss, c, "facts")
		v.Data = fv
		s.render(w, http.StatusUnprocessableEntity, "facts", v)
		return
	}
	s.forget(c.Name)
	next := caseURL(c.Name) + "/facts?saved=1"
	if r.PostForm.Get("next") != "" {
		next = caseURL(c.Name) + "/checklist"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}
