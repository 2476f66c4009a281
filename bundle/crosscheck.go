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
}

// timeSlack is how far two records of the same payment may differ in time:
// a case.yaml written to the minute, a bill to the second.
const timeSlack = 2 * time.Minute

// crossCheck collects every transaction ID of case.yaml and the bills,
// checks its form and embedded date, and compares the sources with each
// other and with the chats' transfers. The findings land on the
// transactions (and so in the dossier), the list in manifest.json.
func crossCheck(a *Analysis, c *Case) []ManifestTxn {
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
				note(id, sighting{source: "data/" + e.Item.Path, exhibit: e.Number,
					where: fmt.Sprintf("%s line %d", e.Item.Path, r.Line), whereZh: fmt.Sprintf("%s 第 %d 行", e.Item.Path, r.Line),
					time: r.Time, hasTime: !r.Time.IsZero(), amount: r.Amount, hasAmount: true, direction: r.Direction, party: r.Counterparty})
			}
		}
	}

	mentioned := mentionedIDs(a.Exhibits)
	var out []ManifestTxn
	for _, id := range order {
		ss := seen[id]
		info := evidence.ParseTxnID(id)
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
	add := func(code string, sev evidence.Severity, file, zh, en string) {
		mt.Findings = append(mt.Findings, evidence.Finding{Code: code, Severity: sev, File: file, MessageZh: zh, MessageEn: en})
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
		switch {
		case info.Form == evidence.FormInvalid:
			add("txn_id_invalid", evidence.Error, CaseFile,
				fmt.Sprintf("%s：交易单号 %s 格式无效：%s。请从支付详情页重新复制单号。", s.whereZh, info.ID, info.ProblemZh),
				fmt.Sprintf("%s: transaction ID %s is not valid: %s. Copy the ID again from the payment's detail page.", s.where, info.ID, info.ProblemEn))
		case info.ProblemEn != "":
			add("txn_id_date_invalid", evidence.Warning, CaseFile,
				fmt.Sprintf("%s：交易单号 %s：%s。", s.whereZh, info.ID, info.ProblemZh),
				fmt.Sprintf("%s: transaction ID %s: %s.", s.where, info.ID, info.ProblemEn))
		}
		if s.hasTime && info.DateMismatch(s.time) {
			add("txn_id_date_mismatch", evidence.Warning, CaseFile,
				fmt.Sprintf("%s：交易单号 %s 中的日期 %s 与所写交易时间 %s 相差超过一天。", s.whereZh, info.ID, info.Date.Format("2006-01-02"), showTime(s.time, true)),
				fmt.Sprintf("%s: the date %s inside transaction ID %s is more than a day from the stated time %s.", s.where, info.Date.Format("2006-01-02"), info.ID, showTime(s.time, true)))
		}
		if !inBill && info.Form != evidence.FormInvalid {
			if haveBills {
				add("txn_not_in_bill", evidence.Warning, CaseFile,
					fmt.Sprintf("case.yaml 中的交易 %s 不在案件的任何账单中：请核对单号，或补充包含这笔交易的账单。", info.ID),
					fmt.Sprintf("Transaction %s of case.yaml is in none of the case's bills: check the ID, or add the bill that holds it.", info.ID))
			} else {
				add("txn_no_bill", evidence.Info, CaseFile,
					fmt.Sprintf("案件中没有账单可核对交易 %s；建议导出微信/支付宝账单或银行流水一并提交。", info.ID),
					fmt.Sprintf("The case has no bill to check transaction %s against; add the WeChat/Alipay bill or bank statement.", info.ID))
			}
		}
	}
	// The same ID in two sources must agree on amount and time.
	for i := 1; i < len(ss); i++ {
		a, b := ss[0], ss[i]
		if a.hasAmount && b.hasAmount && a.amount != b.amount {
			add("txn_amount_mismatch", evidence.Warning, strings.TrimPrefix(b.source, "data/"),
				fmt.Sprintf("交易 %s 的金额不一致：%s 写 %s 元，%s 写 %s 元。", info.ID, a.whereZh, a.amount, b.whereZh, b.amount),
				fmt.Sprintf("Transaction %s has two amounts: %s says %s yuan, %s says %s yuan.", info.ID, a.where, a.amount, b.where, b.amount))
		}
		if a.hasTime && b.hasTime && absDur(a.time.Sub(b.time)) > timeSlack {
			add("txn_time_mismatch", evidence.Warning, strings.TrimPrefix(b.source, "data/"),
				fmt.Sprintf("交易 %s 的时间不一致：%s 写 %s，%s 写 %s。", info.ID, a.whereZh, showTime(a.time, true), b.whereZh, showTime(b.time, true)),
				fmt.Sprintf("Transaction %s has two times: %s says %s, %s says %s.", info.ID, a.where, showTime(a.time, true), b.where, showTime(b.time, true)))
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
				amount := "金额未知"
				amountEn := "amount unknown"
				if m.Transfer != nil {
					amount = m.Transfer.Amount.String() + " 元"
					amountEn = m.Transfer.Amount.String() + " yuan"
				}
				e.Item.Findings = append(e.Item.Findings, evidence.Finding{Code: "chat_transfer_not_in_bill", Severity: evidence.Warning, File: e.Item.Path,
					MessageZh: fmt.Sprintf("聊天中 %s 的转账（%s）在账单中找不到对应记录（时间相差 10 分钟内、金额相同）。", showTime(m.Time, zoneKnown), amount),
					MessageEn: fmt.Sprintf("The chat's transfer at %s (%s) has no matching bill row (within ten minutes, same amount).", showTime(m.Time, zoneKnown), amountEn)})
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
