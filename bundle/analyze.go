package bundle

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
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
func analyze(dir string, c *Case, items []*evidence.Item, scanFindings []evidence.Finding, now time.Time) *Analysis {
	a := &Analysis{Dir: dir, Case: c}
	if !c.Present {
		a.Findings = append(a.Findings, evidence.Finding{Code: "no_case_yaml", Severity: evidence.Warning, File: CaseFile,
			MessageZh: "案件文件夹中没有 case.yaml：案件事实（当事人、交易、案情）为空。运行 casebundle init 生成模板后填写。",
			MessageEn: "The case folder has no case.yaml: the facts (parties, transactions, narrative) are blank. Run casebundle init to write a template and fill it in."})
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
			a.Findings = append(a.Findings, evidence.Finding{Code: "note_without_file", Severity: evidence.Warning, File: CaseFile,
				MessageZh: fmt.Sprintf("case.yaml 的 items 中写了 %s，但案件文件夹中没有这个文件。", p),
				MessageEn: fmt.Sprintf("case.yaml lists %s under items, but the case folder has no such file.", p)})
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

	checkCaptureTimes(a, now)
	a.Txns = crossCheck(a, c)
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
			e.Item.Findings = append(e.Item.Findings, evidence.Finding{Code: "capture_after_build", Severity: evidence.Warning, File: e.Item.Path,
				MessageZh: fmt.Sprintf("拍摄时间 %s 晚于卷宗生成时间 %s：手机时钟可能有误，或元数据被改动。", showTime(cp.Time, cp.ZoneKnown), showTime(now, true)),
				MessageEn: fmt.Sprintf("The capture time %s is later than the dossier's generation time %s: the phone's clock may be wrong, or the metadata was changed.", showTime(cp.Time, cp.ZoneKnown), showTime(now, true))})
		}
		if !first.IsZero() && at.Before(first.AddDate(-2, 0, 0)) {
			e.Item.Findings = append(e.Item.Findings, evidence.Finding{Code: "capture_long_before", Severity: evidence.Warning, File: e.Item.Path,
				MessageZh: fmt.Sprintf("拍摄时间 %s 比案件第一笔交易早两年以上，请确认这份材料与本案有关。", showTime(cp.Time, cp.ZoneKnown)),
				MessageEn: fmt.Sprintf("The capture time %s is more than two years before the case's first transaction; check that this item belongs to the case.", showTime(cp.Time, cp.ZoneKnown))})
		}
	}
}

// instant places a capture time on the time line; a time without a zone
// is read as UTC+8, the zone of phones in mainland China.
func instant(c *evidence.Captured) time.Time {
	if c.ZoneKnown {
		return c.Time
	}
	return time.Date(c.Time.Year(), c.Time.Month(), c.Time.Day(), c.Time.Hour(), c.Time.Minute(), c.Time.Second(), 0, evidence.Beijing()).UTC()
}

func showTime(t time.Time, zoneKnown bool) string {
	if !zoneKnown {
		return t.Format("2006-01-02 15:04:05") + " (phone local)"
	}
	return t.In(evidence.Beijing()).Format("2006-01-02 15:04:05") + " UTC+8"
}

func events(a *Analysis, c *Case) []Event {
	var ev []Event
	for _, t := range c.Transactions {
		if !t.Time.Set {
			continue
		}
		dirZh, dirEn := "向", "to"
		if t.Direction == "in" {
			dirZh, dirEn = "收到", "from"
		}
		amount := ""
		if t.Amount.Set {
			amount = t.Amount.Fen.String()
		}
		var zh, en string
		if t.Direction == "in" {
			zh = fmt.Sprintf("收到 %s 付款 %s 元（交易单号 %s）", t.Counterparty, amount, t.ID)
			en = fmt.Sprintf("Received %s yuan %s %s (transaction %s)", amount, dirEn, t.Counterparty, t.ID)
		} else {
			zh = fmt.Sprintf("%s %s 付款 %s 元（交易单号 %s）", dirZh, t.Counterparty, amount, t.ID)
			en = fmt.Sprintf("Paid %s yuan %s %s (transaction %s)", amount, dirEn, t.Counterparty, t.ID)
		}
		// A case.yaml time without a zone was read as UTC+8 (and a finding
		// says so), so it is an instant like any other.
		ev = append(ev, Event{Time: t.Time.Time, ZoneKnown: true, TextZh: zh, TextEn: en})
	}
	for _, e := range a.Exhibits {
		cp := e.Item.Captured
		if cp == nil {
			continue
		}
		var zh, en string
		switch cp.Source {
		case "exif":
			zh, en = "拍摄："+e.Title, "Photo taken: "+e.Title
		default:
			zh, en = "材料时间："+e.Title, "Item dated: "+e.Title
		}
		ev = append(ev, Event{Time: cp.Time, ZoneKnown: cp.ZoneKnown, TextZh: zh, TextEn: en, Exhibit: e.Number})
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
