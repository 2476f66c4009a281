package bundle

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
)

// sighting is one place a transaction ID was seen: case.yaml or a bill row.
// whereText is where the sighting was, in both languages.
func (s sighting) whereText() evidence.Text { return evidence.Text{Zh: s.whereZh, En: s.where} }

type sighting struct {
	source    string // "case.yaml" or "data/<path>"
	exhibit   int    // 0 for case.yaml
	where     string // "case.yaml line 12", "data/bill.csv line 18"
	whereZh   string
	time      time.Time
	hasTime   bool
	amount    money.Fen
	hasAmount bool
	direction string
	party     string
	disputed  bool
	page      int // the page of a PDF statement, 0 for other sources
}

// timeSlack is how far two records of the same payment may differ in time:
// a case.yaml written to the minute, a bill to the second.
const timeSlack = 2 * time.Minute

// crossCheck collects every transaction ID of case.yaml and the bills,
// checks its form and embedded date, and compares the sources with each
// other and with the chats' transfers. The findings land on the
// transactions (and so in the dossier), the list in manifest.json.
func crossCheck(a *Analysis, c *Case, now time.Time) []ManifestTxn {
	seen := map[string][]sighting{}
	var order []string
	note := func(id string, s sighting) {
		if _, ok := seen[id]; !ok {
			order = append(order, id)
		}
		seen[id] = append(seen[id], s)
	}
	for _, t := range c.Transactions {
		id := evidence.ParseTxnID(t.ID).ID
		note(id, sighting{source: CaseFile, where: fmt.Sprintf("case.yaml line %d", t.Line), whereZh: fmt.Sprintf("case.yaml 第 %d 行", t.Line),
			time: t.Time.Time, hasTime: t.Time.Set, amount: t.Amount.Fen, hasAmount: t.Amount.Set, direction: t.Direction,
			party: t.Counterparty, disputed: t.Disputed})
	}
	var bills []Exhibit
	for _, e := range a.Exhibits {
		if e.Item.Bill == nil {
			continue
		}
		bills = append(bills, e)
		for _, r := range e.Item.Bill.Rows {
			for _, id := range []string{r.TxnID, r.MerchantID} {
				if id == "" || (id == r.MerchantID && seen[id] == nil) {
					// Merchant order numbers count only when case.yaml names them.
					continue
				}
				where, whereZh := fmt.Sprintf("%s line %d", e.Item.Path, r.Line), fmt.Sprintf("%s 第 %d 行", e.Item.Path, r.Line)
				if r.Page > 0 {
					where, whereZh = statementWhere(e.Item.Path, r.Page)
				}
				note(id, sighting{source: "data/" + e.Item.Path, exhibit: e.Number, where: where, whereZh: whereZh,
					time: r.Time, hasTime: !r.Time.IsZero(), amount: r.Amount, hasAmount: true, direction: r.Direction, party: r.Counterparty,
					page: r.Page})
			}
		}
	}

	mentioned := mentionedIDs(a.Exhibits)
	var out []ManifestTxn
	for _, id := range order {
		ss := seen[id]
		info := evidence.ParseTxnIDAt(id, now)
		first := ss[0]
		mt := ManifestTxn{ID: id, Platform: info.Platform, Form: info.Form, Currency: "CNY", Direction: first.direction,
			Counterparty: first.party, Exhibits: []int{}, Sources: []string{}}
		if mt.Platform == "" {
			mt.Platform = platformOf(a, ss, c)
		}
		for _, s := range ss {
			if !contains(mt.Sources, s.source) {
				mt.Sources = append(mt.Sources, s.source)
			}
			if s.exhibit > 0 && !containsInt(mt.Exhibits, s.exhibit) {
				mt.Exhibits = append(mt.Exhibits, s.exhibit)
			}
			addStatementPage(&mt, s)
			mt.Disputed = mt.Disputed || s.disputed
			if mt.Time == "" && s.hasTime {
				mt.Time = s.time.UTC().Format(time.RFC3339)
			}
			if mt.Amount == nil && s.hasAmount {
				v := s.amount
				mt.Amount = &v
			}
		}
		// An exhibit whose notes or chat name the ID has seen it too.
		for _, n := range mentioned[id] {
			if !containsInt(mt.Exhibits, n) {
				mt.Exhibits = append(mt.Exhibits, n)
			}
		}
		sort.Ints(mt.Exhibits)
		checkSightings(&mt, info, ss, len(bills) > 0)
		out = append(out, mt)
	}
	sort.SliceStable(out, func(i, j int) bool {
		// case.yaml's transactions first, then by time, then by ID.
		ci, cj := contains(out[i].Sources, CaseFile), contains(out[j].Sources, CaseFile)
		if ci != cj {
			return ci
		}
		if out[i].Time != out[j].Time {
			return out[i].Time < out[j].Time
		}
		return out[i].ID < out[j].ID
	})
	checkChatTransfers(a, bills)
	return out
}

// checkBillIDDates holds a bill's transaction IDs to the run's clock: the
// bill reader judged each ID's form, but only here is "now" known, so an ID
// dated after today is reported on the bill item here.
func checkBillIDDates(a *Analysis, now time.Time) {
	for _, e := range a.Exhibits {
		if e.Item.Bill == nil {
			continue
		}
		for _, r := range e.Item.Bill.Rows {
			if r.TxnID == "" || evidence.ParseTxnID(r.TxnID).Form == evidence.FormInvalid {
				continue // already a finding of the bill reader
			}
			if info := evidence.ParseTxnIDAt(r.TxnID, now); info.Form == evidence.FormInvalid {
				if r.Page > 0 {
					e.Item.Add(evidence.CodePDFStatementTxnIDInvalid, r.Page, r.TxnID, evidence.Text{Zh: info.ProblemZh, En: info.ProblemEn})
					continue
				}
				e.Item.Add(evidence.CodeBillTxnIDInvalid, r.Line, r.TxnID, evidence.Text{Zh: info.ProblemZh, En: info.ProblemEn})
			}
		}
	}
}

func platformOf(a *Analysis, ss []sighting, c *Case) string {
	for _, s := range ss {
		for _, e := range a.Exhibits {
			if e.Item.Bill != nil && "data/"+e.Item.Path == s.source {
				return e.Item.Bill.Provider
			}
		}
	}
	return c.Platform
}

func checkSightings(mt *ManifestTxn, info evidence.TxnInfo, ss []sighting, haveBills bool) {
	add := func(code evidence.Code, file string, args ...any) {
		mt.Findings = append(mt.Findings, evidence.NewFinding(code, file, args...))
	}
	fromCase := false
	inBill := false
	for _, s := range ss {
		if s.source == CaseFile {
			fromCase = true
		} else {
			inBill = true
		}
	}
	// Form and embedded date: checked once, against the first stated time.
	// Bill rows carry their own form findings on the bill item.
	if fromCase {
		s := ss[0]
		where, problem := s.whereText(), evidence.Text{Zh: info.ProblemZh, En: info.ProblemEn}
		switch {
		case info.Form == evidence.FormInvalid:
			add(evidence.CodeTxnIDInvalid, CaseFile, where, info.ID, problem)
		case info.ProblemEn != "":
			add(evidence.CodeTxnIDDateInvalid, CaseFile, where, info.ID, problem)
		}
		if s.hasTime && info.DateMismatch(s.time) {
			add(evidence.CodeTxnIDDateMismatch, CaseFile, where, info.ID, info.Date.Format("2006-01-02"), showTime(s.time, true))
		}
		if !inBill && info.Form != evidence.FormInvalid {
			if haveBills {
				add(evidence.CodeTxnNotInBill, CaseFile, info.ID)
			} else {
				add(evidence.CodeTxnNoBill, CaseFile, info.ID)
			}
		}
	}
	// The same ID in two sources must agree on amount and time.
	for i := 1; i < len(ss); i++ {
		a, b := ss[0], ss[i]
		if a.hasAmount && b.hasAmount && a.amount != b.amount {
			add(evidence.CodeTxnAmountMismatch, strings.TrimPrefix(b.source, "data/"), info.ID, a.whereText(), a.amount, b.whereText(), b.amount)
		}
		if a.hasTime && b.hasTime && absDur(a.time.Sub(b.time)) > timeSlack {
			add(evidence.CodeTxnTimeMismatch, strings.TrimPrefix(b.source, "data/"), info.ID, a.whereText(), showTime(a.time, true), b.whereText(), showTime(b.time, true))
		}
	}
}

// checkChatTransfers looks for every transfer a chat shows in the bills
// whose period covers it: same amount (when the chat has one), time within
// ten minutes (chat times are phone local time, read as UTC+8).
func checkChatTransfers(a *Analysis, bills []Exhibit) {
	if len(bills) == 0 {
		return
	}
	for _, e := range a.Exhibits {
		if e.Item.Chat == nil {
			continue
		}
		zoneKnown := e.Item.Chat.ZoneKnown()
		for _, m := range e.Item.Chat.Transfers() {
			if m.Time.IsZero() {
				continue
			}
			at := instant(&evidence.Captured{Time: m.Time, ZoneKnown: zoneKnown})
			covered, matched := false, false
			for _, be := range bills {
				b := be.Item.Bill
				if !b.Start.IsZero() && (at.Before(b.Start.Add(-24*time.Hour)) || at.After(b.End.Add(24*time.Hour))) {
					continue
				}
				covered = true
				for _, r := range b.Rows {
					if absDur(r.Time.Sub(at)) > 10*time.Minute {
						continue
					}
					if m.Transfer != nil && m.Transfer.Amount != r.Amount {
						continue
					}
					matched = true
				}
			}
			if covered && !matched {
				amount := evidence.Text{Zh: "金额未知", En: "amount unknown"}
				if m.Transfer != nil {
					amount = evidence.Text{Zh: m.Transfer.Amount.String() + " 元", En: m.Transfer.Amount.String() + " yuan"}
				}
				e.Item.Add(evidence.CodeChatTransferNotInBill, showTime(m.Time, zoneKnown), amount)
			}
		}
	}
}

// mentionedIDs indexes, once, the ID-like tokens (runs of eight or more
// ASCII letters and digits) in every exhibit's notes and chat messages, so
// that finding where an ID was named does not scan every chat for every
// bill row.
func mentionedIDs(exhibits []Exhibit) map[string][]int {
	idx := map[string][]int{}
	note := func(text string, exhibit int) {
		for _, tok := range idTokens(text) {
			if l := idx[tok]; len(l) == 0 || l[len(l)-1] != exhibit {
				idx[tok] = append(l, exhibit)
			}
		}
	}
	for _, e := range exhibits {
		note(e.Title+" "+e.Proves, e.Number)
		if e.Item.Chat != nil {
			for _, m := range e.Item.Chat.Messages {
				note(m.Text, e.Number)
			}
		}
	}
	return idx
}

// idTokens returns the runs of 8 or more ASCII letters and digits in s.
func idTokens(s string) []string {
	var toks []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			if i-start >= 8 {
				toks = append(toks, s[start:i])
			}
			start = -1
		}
	}
	return toks
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}
