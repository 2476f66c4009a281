package chat

import (
	"errors"
	"time"

	"github.com/casebundle/casebundle/internal/money"
)

// MaxInput is the largest export Parse accepts. The caller reads at
// most this many bytes (evidence.Limits.MaxText is the same 64 MiB); Parse refuses
// more rather than allocate without bound.
const MaxInput = 64 << 20

// maxMessages caps the messages kept from one export. A real chat of
// years has a few hundred thousand; past the cap Chat.Truncated is set.
const maxMessages = 1_000_000

// Errors of Parse.
var (
	ErrNotChat  = errors.New("not a chat export: no header or message lines of a known WeChat export format")
	ErrTooLarge = errors.New("chat export larger than 64 MiB")
)

// MessageType is what a chat message is.
type MessageType string

// Message types.
const (
	MsgText      MessageType = "text"
	MsgImage     MessageType = "image"
	MsgVoice     MessageType = "voice"
	MsgVideo     MessageType = "video"
	MsgTransfer  MessageType = "transfer"
	MsgRedPacket MessageType = "red_packet"
	MsgRecall    MessageType = "recall"
	MsgSystem    MessageType = "system"
	MsgFile      MessageType = "file"
	MsgLink      MessageType = "link"
	MsgOther     MessageType = "other"
)

// Message is one message of a chat export.
type Message struct {
	// Time is when the message was sent. When ZoneKnown is true it is an
	// instant (in UTC). When ZoneKnown is false it is the phone's or PC's
	// wall-clock time as the export printed it, held in time.UTC; it is not
	// converted, since the export does not say which zone it was. A zero
	// Time means the export gives this message no time at all (system lines
	// of WechatExporter, Windows copies of a chat).
	Time      time.Time
	ZoneKnown bool
	// Sender is the display name (or wxid, where that is all the export
	// has) of the sender; "" for system messages.
	Sender string
	// Direction is "me" (sent by the exporting user), "other", or "" for
	// system messages and for exports that do not say which side is the
	// user (then Chat.Me is "" too).
	Direction string
	Type      MessageType
	// Text is the content as a reader should see it: the text verbatim;
	// placeholders such as "[图片]", "[语音] 6s" for media; the notice
	// without its XML for system messages and recalls.
	Text string
	// Transfer is non-nil for transfers and red packets whose amount the
	// export carries. A transfer of unknown amount (WeChatMsg CSV, copied
	// text) has Type MsgTransfer and a nil Transfer.
	Transfer *Transfer
}

// Transfer is the money part of a transfer or red packet message.
type Transfer struct {
	Amount money.Fen
	// Direction is the way the money went between the exporting user and
	// the other party: "out" (the user paid), "in" (the user was paid), or
	// "" when the export does not say which side is the user. A receipt
	// ("已收款") sent by the payee carries the direction of the transfer it
	// confirms, not of its own sender.
	Direction string
	// Status is what the message says about the transfer: 待收款 (sent,
	// not yet accepted), 已收款, 已退还, 已过期, or "" when unknown. In the
	// list from Chat.Transfers, the status of a transfer is updated by the
	// receipt or refund that answers it.
	Status string
	// Memo is the payer's note (转账说明), "" when none.
	Memo string

	role payRole
}

// Chat is a parsed chat export.
type Chat struct {
	// Format names the export layout: "wechatmsg-csv", "wechatmsg-txt",
	// "memotrace-csv", "memotrace-txt", "pywxdump-csv",
	// "wechatexporter-txt", "forwarded", "chatlog-csv".
	Format   string
	Messages []Message
	// Participants are the distinct senders, system excluded, sorted.
	Participants []string
	// Me is the exporting user's name (or wxid) when known.
	Me string
	// MeInferred is true when Me was deduced (from a session title or from
	// system notices such as "你已添加了张三" that name the other party)
	// rather than read from a sender column.
	MeInferred bool
	// Encoding is how the bytes were decoded: "utf-8", "utf-8-bom",
	// "utf-16le", "utf-16be" or "gbk".
	Encoding string
	// Skipped counts records or lines that could not be read as a message.
	Skipped int
	// Truncated is true when the export held more than a million messages
	// and the rest were not read.
	Truncated bool
}

// Detect reports whether data looks like a chat export, judged by its
// content (header names, line shapes), and which format it is. Only the
// first 256 KiB are examined.
func Detect(data []byte) (format string, ok bool) {
	const head = 256 << 10
	truncated := false
	if len(data) > head {
		data, truncated = data[:head], true
	}
	text, _ := decode(data, truncated)
	if r := detect(text, !truncated); r != nil {
		return r.format, true
	}
	return "", false
}

// Parse parses a chat export. The caller passes at most MaxInput
// bytes (64 MiB). It never panics: a record or line that cannot be read is
// skipped and counted in Chat.Skipped. The only errors are ErrTooLarge
// and ErrNotChat.
func Parse(data []byte) (*Chat, error) {
	if len(data) > MaxInput {
		return nil, ErrTooLarge
	}
	text, enc := decode(data, false)
	r := detect(text, true)
	if r == nil {
		return nil, ErrNotChat
	}
	b := &builder{chat: &Chat{Format: r.format, Encoding: enc}}
	r.parse(b, text)
	b.finish()
	return b.chat, nil
}

// Transfers returns one message per transfer or red packet: every transfer
// started in the chat, and every receipt or refund that answers none of
// them. A receipt ("已收款") or refund that answers an earlier transfer of
// the same amount and direction is not listed again: it sets that
// transfer's Status instead (and the payer's own notice of it, "已被接收",
// is not listed either). Where the export carries no amounts, a
// transfer message from the other side that follows an open one within a
// day is taken as its receipt. The returned messages are copies.
func (c *Chat) Transfers() []Message {
	var out []Message
	var open []int     // indices into out of transfers not yet answered
	var answered []int // indices into out of transfers answered
	for _, m := range c.Messages {
		if m.Type != MsgTransfer && m.Type != MsgRedPacket {
			continue
		}
		if m.Transfer != nil {
			t := *m.Transfer
			m.Transfer = &t
		}
		if m.Type == MsgRedPacket {
			out = append(out, m)
			continue
		}
		if j := findAnswered(out, open, m); j >= 0 {
			if m.Transfer != nil && out[open[j]].Transfer != nil {
				out[open[j]].Transfer.Status = m.Transfer.Status
			}
			answered = append(answered, open[j])
			open = append(open[:j], open[j+1:]...)
			continue
		}
		// The payer's own notice (已被接收, 已被退还) after the payee's
		// receipt or refund answers the same transfer again.
		if m.Transfer != nil && m.Transfer.role != roleInit && m.Transfer.role != roleUnknown &&
			findAnswered(out, answered, m) >= 0 {
			continue
		}
		out = append(out, m)
		if m.Transfer == nil || m.Transfer.role == roleInit || m.Transfer.role == roleUnknown {
			open = append(open, len(out)-1)
		}
	}
	return out
}

// answerDepth is how far back a receipt looks for the transfer it
// answers; it keeps Transfers linear on a hostile file of a million
// unanswered transfers.
const answerDepth = 256

// findAnswered finds the open transfer (index into open) that m answers,
// or -1.
func findAnswered(out []Message, open []int, m Message) int {
	for j := len(open) - 1; j >= 0 && j >= len(open)-answerDepth; j-- {
		o := out[open[j]]
		switch {
		case m.Transfer != nil && o.Transfer != nil:
			t, ot := m.Transfer, o.Transfer
			if t.role == roleInit || t.role == roleUnknown || t.Amount != ot.Amount {
				continue
			}
			if t.Direction != ot.Direction && t.Direction != "" && ot.Direction != "" && t.role != roleExpired {
				continue
			}
			return j
		case m.Transfer == nil && o.Transfer == nil:
			if m.Sender == o.Sender || m.Sender == "" || o.Sender == "" {
				continue
			}
			if !m.Time.IsZero() && !o.Time.IsZero() && m.Time.Sub(o.Time) > 24*time.Hour {
				continue
			}
			return j
		}
	}
	return -1
}

// Meta returns what manifest.json records of a chat: the message count,
// the participants, and the earliest and latest message times (zero when
// no message has a time). Whether those times are instants is ZoneKnown.
func (c *Chat) Meta() (messages int, participants []string, first, last time.Time) {
	for _, m := range c.Messages {
		if m.Time.IsZero() {
			continue
		}
		if first.IsZero() || m.Time.Before(first) {
			first = m.Time
		}
		if last.IsZero() || m.Time.After(last) {
			last = m.Time
		}
	}
	return len(c.Messages), append([]string(nil), c.Participants...), first, last
}

// ZoneKnown reports whether the message times are instants (true only when
// every dated message is).
func (c *Chat) ZoneKnown() bool {
	dated := false
	for _, m := range c.Messages {
		if m.Time.IsZero() {
			continue
		}
		if !m.ZoneKnown {
			return false
		}
		dated = true
	}
	return dated
}

// Rename replaces sender names, e.g. the wxids of a PyWxDump or chatlog
// export by the names in PyWxDump's users.json.
func (c *Chat) Rename(names map[string]string) {
	for i := range c.Messages {
		if n, ok := names[c.Messages[i].Sender]; ok && n != "" {
			c.Messages[i].Sender = n
		}
	}
	if n, ok := names[c.Me]; ok && n != "" {
		c.Me = n
	}
	c.Participants = senders(c.Messages)
}
