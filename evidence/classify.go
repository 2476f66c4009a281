package evidence

import (
	"errors"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/tz"
)

// classifyText recognises structured text among text-like files and xlsx:
// a chat export becomes KindChat with its transcript (evidence/chat), a
// bill export KindBill with its rows (evidence/bill). Anything else stays a
// document.
func classifyText(it *Item, data []byte) {
	b, err := bill.Parse(data)
	var unplaced *bill.LayoutError
	switch {
	case err == nil:
		setBill(it, b)
		return
	case errors.Is(err, bill.ErrEncrypted):
		it.Add(CodeBillEncrypted)
		return
	case !errors.Is(err, bill.ErrNotBill):
		it.Add(CodeBillUnreadable, err)
		return
	case errors.As(err, &unplaced):
		// Checked below, once the file is known not to be a chat.
	}
	if it.Kind == KindOther {
		return // a zip that holds no bill
	}
	if _, ok := chat.Detect(data); ok {
		c, err := chat.Parse(data)
		if err != nil {
			it.Add(CodeChatUnreadable, err)
			return
		}
		setChat(it, c)
		return
	}
	if unplaced != nil {
		it.Add(CodeBillLayoutUnknown, strings.Join(unplaced.Columns, ", "))
	}
}

// chatCodes words the problems of a chat export.
var chatCodes = map[chat.ProblemCode]Code{
	chat.ZoneUnknown:           CodeChatZoneUnknown,
	chat.NoTimes:               CodeChatNoTimes,
	chat.TransferAmountMissing: CodeChatTransferAmountMissing,
	chat.TransfersDropped:      CodeChatTransfersDropped,
	chat.MeUnknown:             CodeChatMeUnknown,
	chat.MeInferred:            CodeChatMeInferred,
	chat.LinesSkipped:          CodeChatLinesSkipped,
	chat.Truncated:             CodeChatTruncated,
}

func setChat(it *Item, c *chat.Chat) {
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
	// The chat's period start is the item's capture time.
	if !first.IsZero() {
		it.Captured = &Captured{Time: first, ZoneKnown: c.ZoneKnown(), Source: "chat"}
		if !it.Captured.ZoneKnown {
			it.Meta.CaptureZone = "unknown"
		}
	}
	for _, p := range c.Problems() {
		it.Add(chatCodes[p.Code], p.Args...)
	}
}

func chatTimeString(t time.Time, zoneKnown bool) string {
	if t.IsZero() {
		return ""
	}
	return (&Captured{Time: t, ZoneKnown: zoneKnown}).String()
}

func setBill(it *Item, b *bill.Bill) {
	it.Kind = KindBill
	it.Bill = b
	it.Meta.Rows = len(b.Rows)
	it.Meta.Provider = b.Provider
	if !b.Start.IsZero() && !b.End.IsZero() {
		it.Meta.Period = b.Start.In(tz.Shanghai).Format("2006-01-02") + "/" + b.End.In(tz.Shanghai).Format("2006-01-02")
		it.Captured = &Captured{Time: b.Start.UTC(), ZoneKnown: true, Source: "bill"}
	}
	if b.Skipped > 0 {
		it.Add(CodeBillRowsSkipped, b.Skipped)
	}
	if len(b.Rows) == 0 {
		it.Add(CodeBillEmpty)
	}
	for _, r := range b.Rows {
		if r.TxnID == "" {
			continue
		}
		info := ParseTxnID(r.TxnID)
		if info.Form == FormInvalid {
			it.Add(CodeBillTxnIDInvalid, r.Line, r.TxnID, Text{info.ProblemZh, info.ProblemEn})
		} else if info.DateMismatch(r.Time) {
			it.Add(CodeBillTxnIDDateMismatch, r.Line, r.TxnID, info.Date.Format("2006-01-02"), r.Time.In(tz.Shanghai).Format("2006-01-02 15:04"))
		}
	}
}
