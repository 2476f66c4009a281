package evidence

import (
	"errors"
	"fmt"
	"time"
)

// classifyText recognises structured text among text-like files and xlsx:
// a chat export becomes KindChat with its transcript, a bill export KindBill
// with its rows. Anything else stays a document.
func classifyText(it *Item, data []byte) {
	b, err := ParseBill(data)
	switch {
	case err == nil:
		setBill(it, b)
		return
	case errors.Is(err, ErrBillEncrypted):
		it.addFinding("bill_encrypted", Warning,
			"这是加密的压缩包（微信支付账单用 6 位密码加密），无法读取其中的内容；如果是账单，请用 App 中显示的密码解压后再放入案件文件夹。",
			"This is an encrypted archive (WeChat Pay protects bills with a 6-digit password); if it is a bill, unzip it with the password shown in the app and add the bill itself.")
		return
	case !errors.Is(err, ErrNotBill):
		it.addFinding("bill_unreadable", Warning,
			fmt.Sprintf("看起来像账单，但无法读取：%v", err),
			fmt.Sprintf("This looks like a bill export but cannot be read: %v", err))
		return
	}
	if it.Kind == KindOther {
		return // a zip that holds no bill
	}
	if _, ok := DetectChat(data); ok {
		c, err := ParseChat(data)
		if err != nil {
			it.addFinding("chat_unreadable", Warning,
				fmt.Sprintf("看起来像聊天记录导出，但无法读取：%v", err),
				fmt.Sprintf("This looks like a chat export but cannot be read: %v", err))
			return
		}
		setChat(it, c)
	}
}

func setChat(it *Item, c *Chat) {
	it.Kind = KindChat
	it.Chat = c
	n, parts, first, last := c.Meta()
	it.Meta.Messages = n
	it.Meta.Participants = parts
	it.Meta.First = chatTimeString(first, c.ZoneKnown())
	it.Meta.Last = chatTimeString(last, c.ZoneKnown())
	if it.Meta.Participants == nil {
		it.Meta.Participants = []string{}
	}
	it.Captured = c.Captured()
	if it.Captured != nil && !it.Captured.ZoneKnown {
		it.Meta.CaptureZone = "unknown"
	}
	it.Findings = append(it.Findings, c.Findings(it.Path)...)
}

func chatTimeString(t time.Time, zoneKnown bool) string {
	if t.IsZero() {
		return ""
	}
	return (&Captured{Time: t, ZoneKnown: zoneKnown}).String()
}

func setBill(it *Item, b *Bill) {
	it.Kind = KindBill
	it.Bill = b
	it.Meta.Rows = len(b.Rows)
	it.Meta.Provider = b.Provider
	if !b.Start.IsZero() && !b.End.IsZero() {
		it.Meta.Period = b.Start.In(beijing).Format("2006-01-02") + "/" + b.End.In(beijing).Format("2006-01-02")
		it.Captured = &Captured{Time: b.Start.UTC(), ZoneKnown: true, Source: "bill"}
	}
	if b.Skipped > 0 {
		it.addFinding("bill_rows_skipped", Warning,
			fmt.Sprintf("账单中有 %d 行无法读取（缺少时间或金额），已跳过。", b.Skipped),
			fmt.Sprintf("%d rows of the bill could not be read (no time or amount) and were skipped.", b.Skipped))
	}
	if len(b.Rows) == 0 {
		it.addFinding("bill_empty", Info, "账单中没有交易记录。", "The bill holds no transactions.")
	}
	for _, r := range b.Rows {
		if r.TxnID == "" {
			continue
		}
		info := ParseTxnID(r.TxnID)
		if info.Form == FormInvalid {
			it.addFinding("txn_id_invalid", Warning,
				fmt.Sprintf("账单第 %d 行的单号 %s 格式无效：%s。", r.Line, r.TxnID, info.ProblemZh),
				fmt.Sprintf("Line %d of the bill: the ID %s is not valid: %s.", r.Line, r.TxnID, info.ProblemEn))
		} else if info.DateMismatch(r.Time) {
			it.addFinding("txn_id_date_mismatch", Warning,
				fmt.Sprintf("账单第 %d 行：单号 %s 中的日期 %s 与交易时间 %s 相差超过一天。", r.Line, r.TxnID, info.Date.Format("2006-01-02"), r.Time.In(beijing).Format("2006-01-02 15:04")),
				fmt.Sprintf("Line %d of the bill: the date %s inside ID %s is more than a day from the time %s.", r.Line, info.Date.Format("2006-01-02"), r.TxnID, r.Time.In(beijing).Format("2006-01-02 15:04")))
		}
	}
}
