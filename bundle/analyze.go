package bundle

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// Exhibit is an item with its number and the user's notes.
type Exhibit struct {
	Number int
	Item   *evidence.Item
	Title  string
	Proves string
	Source string
	// InBundle is false for a file that could not be read (no copy).
	InBundle bool
	// ocr is what a screenshot's fields match (crosscheck_ocr.go).
	ocr *screenMatch
}

// Event is one dated line of the chronology.
type Event struct {
	// Time is an instant (UTC) when ZoneKnown; otherwise the device's wall
	// clock as written (sorted as if UTC+8).
	Time      time.Time
	ZoneKnown bool
	TextZh    string
	TextEn    string
	Exhibit   int
}

// Analysis is a case read and checked: what check prints and build seals.
type Analysis struct {
	Dir       string
	Case      *Case
	Exhibits  []Exhibit
	Txns      []ManifestTxn
	Checklist []ManifestChecklist
	Events    []Event
	Loss      money.Fen
	// Findings are the case-level findings (case.yaml, skipped files,
	// cross-checks); item findings stay on the items.
	Findings []evidence.Finding
}

// AllFindings returns case-level and item findings together.
func (a *Analysis) AllFindings() []evidence.Finding {
	all := append([]evidence.Finding(nil), a.Findings...)
	for _, e := range a.Exhibits {
		all = append(all, e.Item.Findings...)
	}
	return all
}

// HasError reports whether any finding is an error (build and check exit 1).
func (a *Analysis) HasError() bool {
	for _, f := range a.AllFindings() {
		if f.Severity == evidence.Error {
			return true
		}
	}
	return false
}

// analyze numbers the exhibits and runs the checks that need the whole case.
// ocrRan says that the screenshots were read (Item.OCR), for the
// cross-checks of crosscheck_ocr.go.
func analyze(dir string, c *Case, items []*evidence.Item, scanFindings []evidence.Finding, now time.Time, ocrRan bool) *Analysis {
	a := &Analysis{Dir: dir, Case: c}
	if !c.Present {
		a.Findings = append(a.Findings, evidence.NewFinding(evidence.CodeNoCaseYAML, CaseFile))
	}
	a.Findings = append(a.Findings, c.Findings...)
	a.Findings = append(a.Findings, scanFindings...)

	// Exhibit order: the files named under items: in case.yaml, in that
	// order, then every other file by path.
	byPath := map[string]*evidence.Item{}
	for _, it := range items {
		byPath[it.Path] = it
	}
	var ordered []*evidence.Item
	used := map[string]bool{}
	for _, p := range c.ItemOrder {
		if it, ok := byPath[p]; ok && !used[p] {
			ordered = append(ordered, it)
			used[p] = true
		} else if !ok {
			a.Findings = append(a.Findings, evidence.NewFinding(evidence.CodeNoteWithoutFile, CaseFile, p))
		}
	}
	for _, it := range items {
		if !used[it.Path] {
			ordered = append(ordered, it)
		}
	}
	for i, it := range ordered {
		note := c.Items[it.Path]
		title := strings.TrimSpace(note.Title)
		if title == "" {
			title = strings.TrimSuffix(path.Base(it.Path), path.Ext(it.Path))
		}
		a.Exhibits = append(a.Exhibits, Exhibit{Number: i + 1, Item: it, Title: title,
			Proves: strings.TrimSpace(note.Proves), Source: strings.TrimSpace(note.Source), InBundle: it.SHA256 != ""})
	}

	for _, e := range a.Exhibits {
		checkName(e.Item)
	}
	checkCaptureTimes(a, now)
	a.Txns = crossCheck(a, c, now)
	if ocrRan {
		crossCheckScreens(a)
	}
	checkBillIDDates(a, now)
	for _, t := range a.Txns {
		a.Findings = append(a.Findings, t.Findings...)
	}
	for _, t := range c.Transactions {
		if t.Disputed && t.Direction != "in" && t.Amount.Set {
			a.Loss += t.Amount.Fen
		}
	}
	a.Events = events(a, c)
	a.Checklist = checklist(a)
	return a
}

// checkCaptureTimes flags capture times that cannot be right: after the
// build, or long before the case's first transaction.
func checkCaptureTimes(a *Analysis, now time.Time) {
	var first time.Time
	for _, t := range a.Case.Transactions {
		if t.Time.Set && (first.IsZero() || t.Time.Time.Before(first)) {
			first = t.Time.Time
		}
	}
	for _, e := range a.Exhibits {
		cp := e.Item.Captured
		if cp == nil {
			continue
		}
		at := instant(cp)
		if at.After(now.Add(24 * time.Hour)) {
			e.Item.Add(evidence.CodeCaptureAfterBuild, showTime(cp.Time, cp.ZoneKnown), showTime(now, true))
		}
		if !first.IsZero() && at.Before(first.AddDate(-2, 0, 0)) {
			e.Item.Add(evidence.CodeCaptureLongBefore, showTime(cp.Time, cp.ZoneKnown))
		}
	}
}

// instant places a capture time on the time line; a time without a zone
// is read as UTC+8, the zone of phones in mainland China.
func instant(c *evidence.Captured) time.Time {
	if c.ZoneKnown {
		return c.Time
	}
	return time.Date(c.Time.Year(), c.Time.Month(), c.Time.Day(), c.Time.Hour(), c.Time.Minute(), c.Time.Second(), 0, tz.Shanghai).UTC()
}

func showTime(t time.Time, zoneKnown bool) string {
	if !zoneKnown {
		return t.Format("2006-01-02 15:04:05") + " (phone local)"
	}
	return t.In(tz.Shanghai).Format("2006-01-02 15:04:05") + " UTC+8"
}

func events(a *Analysis, c *Case) []Event {
	var ev []Event
	seenIn := map[string]int{}
	for _, t := range a.Txns {
		if len(t.Exhibits) > 0 {
			seenIn[t.ID] = t.Exhibits[0]
		}
	}
	caseIDs := map[string]bool{}
	parties := map[string]bool{}
	if n := strings.TrimSpace(c.Respondent.Name); n != "" {
		parties[n] = true
	}
	for _, t := range c.Transactions {
		id := evidence.ParseTxnID(t.ID).ID
		caseIDs[id] = true
		if n := strings.TrimSpace(t.Counterparty); n != "" {
			parties[n] = true
		}
		if !t.Time.Set {
			continue
		}
		amount := "?"
		if t.Amount.Set {
			amount = t.Amount.Fen.String()
		}
		var zh, en string
		if t.Direction == "in" {
			zh = fmt.Sprintf("收到 %s 付款 %s 元（交易单号 %s）", t.Counterparty, amount, id)
			en = fmt.Sprintf("Received %s yuan from %s (transaction %s)", amount, t.Counterparty, id)
		} else {
			zh = fmt.Sprintf("向 %s 付款 %s 元（交易单号 %s）", t.Counterparty, amount, id)
			en = fmt.Sprintf("Paid %s yuan to %s (transaction %s)", amount, t.Counterparty, id)
		}
		// A case.yaml time without a zone was read as UTC+8 (and a finding
		// says so), so it is an instant like any other.
		ev = append(ev, Event{Time: t.Time.Time, ZoneKnown: true, TextZh: zh, TextEn: en, Exhibit: seenIn[id]})
	}
	for _, e := range a.Exhibits {
		it := e.Item
		switch {
		case it.Bill != nil:
			ev = append(ev, billEvents(e, caseIDs, parties)...)
		case it.Chat != nil:
			ev = append(ev, chatEvents(e)...)
		case it.Captured != nil:
			cp := it.Captured
			zh, en := "材料时间："+e.Title, "Item dated: "+e.Title
			if cp.Source == "exif" {
				zh, en = "拍摄："+e.Title, "Photo taken: "+e.Title
			} else if cp.Source == "media" {
				zh, en = mediaEvent(e)
			}
			ev = append(ev, Event{Time: cp.Time, ZoneKnown: cp.ZoneKnown, TextZh: zh, TextEn: en, Exhibit: e.Number})
		}
	}
	at := func(e Event) time.Time {
		return instant(&evidence.Captured{Time: e.Time, ZoneKnown: e.ZoneKnown})
	}
	sort.SliceStable(ev, func(i, j int) bool {
		if ti, tj := at(ev[i]), at(ev[j]); !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return ev[i].Exhibit < ev[j].Exhibit
	})
	return ev
}

// maxItemEvents bounds the chronology lines one bill or chat adds, so a
// year-long export does not bury the case.
const maxItemEvents = 50

// billEvents are the bill rows that involve the case: its transaction IDs
// or its counterparty.
func billEvents(e Exhibit, caseIDs, parties map[string]bool) []Event {
	var ev []Event
	for _, r := range e.Item.Bill.Rows {
		if r.Time.IsZero() || !(caseIDs[r.TxnID] || caseIDs[r.MerchantID] || parties[strings.TrimSpace(r.Counterparty)]) {
			continue
		}
		if len(ev) == maxItemEvents {
			break
		}
		dirZh, dirEn := "支出", "paid out"
		switch r.Direction {
		case "in":
			dirZh, dirEn = "收入", "received"
		case "":
			dirZh, dirEn = "不计收支", "neutral"
		}
		id := r.TxnID
		if id == "" {
			id = "—"
		}
		ev = append(ev, Event{Time: r.Time, ZoneKnown: true, Exhibit: e.Number,
			TextZh: fmt.Sprintf("账单记录：%s %s 元，交易对方 %s（%s，单号 %s）", dirZh, r.Amount, r.Counterparty, r.Type, id),
			TextEn: fmt.Sprintf("Bill row: %s %s yuan, counterparty %s (%s, ID %s)", dirEn, r.Amount, r.Counterparty, r.Type, id)})
	}
	return ev
}

// chatEvents are a chat's first message and its transfers.
func chatEvents(e Exhibit) []Event {
	c := e.Item.Chat
	zone := c.ZoneKnown()
	var ev []Event
	if cp := e.Item.Captured; cp != nil {
		ev = append(ev, Event{Time: cp.Time, ZoneKnown: cp.ZoneKnown, Exhibit: e.Number,
			TextZh: fmt.Sprintf("聊天记录开始：%s（%d 条消息）", e.Title, len(c.Messages)),
			TextEn: fmt.Sprintf("Chat begins: %s (%d messages)", e.Title, len(c.Messages))})
	}
	for _, m := range c.Transfers() {
		if m.Time.IsZero() || len(ev) == maxItemEvents {
			continue
		}
		kindZh, kindEn := "转账", "transfer"
		if m.Type == chat.MsgRedPacket {
			kindZh, kindEn = "红包", "red packet"
		}
		amount, status := "金额未知", ""
		amountEn := "amount unknown"
		if m.Transfer != nil {
			amount = m.Transfer.Amount.String() + " 元"
			amountEn = m.Transfer.Amount.String() + " yuan"
			if m.Transfer.Status != "" {
				status = "，" + m.Transfer.Status
			}
		}
		ev = append(ev, Event{Time: m.Time, ZoneKnown: zone, Exhibit: e.Number,
			TextZh: fmt.Sprintf("聊天中的%s：%s 发出 %s%s", kindZh, m.Sender, amount, status),
			TextEn: fmt.Sprintf("Chat %s: %s sent %s", kindEn, m.Sender, amountEn)})
	}
	return ev
}

// checkName explains a file name that is not UTF-8 (GBK bytes from an old
// Windows zip): the bundle keeps the exact bytes, the reader gets a
// readable guess and the bytes percent-encoded.
func checkName(it *evidence.Item) {
	if utf8.ValidString(it.Path) {
		return
	}
	var exact strings.Builder
	for i := 0; i < len(it.Path); i++ {
		c := it.Path[i]
		if c < 0x80 && c != '%' {
			exact.WriteByte(c)
		} else {
			fmt.Fprintf(&exact, "%%%02X", c)
		}
	}
	guess, err := simplifiedchinese.GB18030.NewDecoder().String(it.Path)
	if err != nil || !utf8.ValidString(guess) {
		guess = strings.ToValidUTF8(it.Path, "\ufffd")
	}
	it.Add(evidence.CodeNameNotUTF8, guess, exact.String())
}
