package evidence

// Chat exports → transcript.
//
// A chat export is detected and parsed by its content (header names, line
// shapes), never by its file name or by a line number. The formats, their
// sources and their quirks are documented in /shared/formats/CHAT.md and at
// the top of each chat_<format>.go:
//
//	wechatmsg-csv       WeChatMsg / 留痕 v1.1.2–v2.0.5 CSV          chat_wechatmsg.go
//	wechatmsg-txt       WeChatMsg / 留痕 v1.1.2–v2.0.5 TXT          chat_timeblocks.go
//	memotrace-csv       MemoTrace 2025 rewrite CSV                  chat_memotrace.go
//	memotrace-txt       MemoTrace 2025 rewrite TXT                  chat_timeblocks.go
//	pywxdump-csv        PyWxDump 3.x CSV (both header generations)  chat_pywxdump.go
//	wechatexporter-txt  WechatExporter (iOS backups) text mode      chat_wechatexporter.go
//	forwarded           text copied out of WeChat (Mac and Windows) chat_forwarded.go
//	chatlog-csv         sjzar/chatlog HTTP API CSV                  chat_chatlog.go

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/internal/money"
)

// ChatMaxInput is the largest export ParseChat accepts. The caller reads at
// most this many bytes (Limits.MaxText is the same 64 MiB); ParseChat refuses
// more rather than allocate without bound.
const ChatMaxInput = 64 << 20

// chatMaxMessages caps the messages kept from one export. A real chat of
// years has a few hundred thousand; past the cap Chat.Truncated is set.
const chatMaxMessages = 1_000_000

// Errors of ParseChat.
var (
	ErrNotChat      = errors.New("not a chat export: no header or message lines of a known WeChat export format")
	ErrChatTooLarge = errors.New("chat export larger than 64 MiB")
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

// ChatMessage is one message of a chat export.
type ChatMessage struct {
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
	// user (then Chat.Me is "" too; see Chat.SetMe).
	Direction string
	Type      MessageType
	// Text is the content as a reader should see it: the text verbatim;
	// placeholders such as "[图片]", "[语音] 6s" for media; the notice
	// without its XML for system messages and recalls.
	Text string
	// Transfer is non-nil for transfers and red packets whose amount the
	// export carries. A transfer of unknown amount (WeChatMsg CSV, copied
	// text) has Type MsgTransfer and a nil Transfer.
	Transfer *ChatTransfer
}

// ChatTransfer is the money part of a transfer or red packet message.
type ChatTransfer struct {
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

	role chatRole
}

// Chat is a parsed chat export.
type Chat struct {
	// Format names the export layout: "wechatmsg-csv", "wechatmsg-txt",
	// "memotrace-csv", "memotrace-txt", "pywxdump-csv",
	// "wechatexporter-txt", "forwarded", "chatlog-csv".
	Format   string
	Messages []ChatMessage
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

// DetectChat reports whether data looks like a chat export, judged by its
// content (header names, line shapes), and which format it is. Only the
// first 256 KiB are examined.
func DetectChat(data []byte) (format string, ok bool) {
	const head = 256 << 10
	truncated := false
	if len(data) > head {
		data, truncated = data[:head], true
	}
	text, _ := chatDecode(data, truncated)
	f := chatDetect(text, !truncated)
	return f, f != ""
}

// ParseChat parses a chat export. The caller passes at most ChatMaxInput
// bytes (64 MiB). It never panics: a record or line that cannot be read is
// skipped and counted in Chat.Skipped. The only errors are ErrChatTooLarge
// and ErrNotChat.
func ParseChat(data []byte) (*Chat, error) {
	if len(data) > ChatMaxInput {
		return nil, ErrChatTooLarge
	}
	text, enc := chatDecode(data, false)
	format := chatDetect(text, true)
	if format == "" {
		return nil, ErrNotChat
	}
	b := &chatBuilder{chat: &Chat{Format: format, Encoding: enc}}
	switch format {
	case "wechatmsg-csv":
		chatParseWeChatMsgCSV(b, text)
	case "memotrace-csv":
		chatParseMemoTraceCSV(b, text)
	case "pywxdump-csv":
		chatParsePyWxDumpCSV(b, text)
	case "chatlog-csv":
		chatParseChatlogCSV(b, text)
	case "wechatmsg-txt", "memotrace-txt":
		chatParseTimeBlocks(b, text, format == "wechatmsg-txt")
	case "wechatexporter-txt":
		chatParseWechatExporter(b, text)
	case "forwarded":
		chatParseForwarded(b, text)
	}
	b.finish()
	return b.chat, nil
}

// chatDetect names the format of decoded text, or "". complete says the
// text is the whole export (not just its head).
func chatDetect(text string, complete bool) string {
	first, _ := chatFirstLine(text)
	if f := chatDetectCSVHeader(first); f != "" {
		return f
	}
	if chatWechatExporterTitle(first) != "" {
		return "wechatexporter-txt"
	}
	if chatTimeHeader(first) {
		return chatTimeBlocksFormat(text, complete)
	}
	if chatForwardedTitle(first) {
		return "forwarded"
	}
	if chatLooksWechatExporter(text) {
		return "wechatexporter-txt"
	}
	if chatLooksForwarded(text) {
		return "forwarded"
	}
	return ""
}

// chatFirstLine returns the first non-blank line, without BOM and CR.
func chatFirstLine(text string) (string, int) {
	for i := 0; text != ""; i++ {
		line, rest, _ := strings.Cut(text, "\n")
		line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r")
		if strings.TrimSpace(line) != "" {
			return line, i
		}
		text = rest
	}
	return "", 0
}

// Transfers returns one message per transfer or red packet: every transfer
// started in the chat, and every receipt or refund that answers none of
// them. A receipt ("已收款") or refund that answers an earlier transfer of
// the same amount and direction is not listed again: it sets that
// transfer's Status instead (and the payer's own notice of it, "已被接收",
// is not listed either). Where the export carries no amounts, a
// transfer message from the other side that follows an open one within a
// day is taken as its receipt. The returned messages are copies.
func (c *Chat) Transfers() []ChatMessage {
	var out []ChatMessage
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
		if j := chatAnswered(out, open, m); j >= 0 {
			if m.Transfer != nil && out[open[j]].Transfer != nil {
				out[open[j]].Transfer.Status = m.Transfer.Status
			}
			answered = append(answered, open[j])
			open = append(open[:j], open[j+1:]...)
			continue
		}
		// The payer's own notice (已被接收, 已被退还) after the payee's
		// receipt or refund answers the same transfer again.
		if m.Transfer != nil && m.Transfer.role != chatRoleInit && m.Transfer.role != chatRoleUnknown &&
			chatAnswered(out, answered, m) >= 0 {
			continue
		}
		out = append(out, m)
		if m.Transfer == nil || m.Transfer.role == chatRoleInit || m.Transfer.role == chatRoleUnknown {
			open = append(open, len(out)-1)
		}
	}
	return out
}

// chatAnswerDepth is how far back a receipt looks for the transfer it
// answers; it keeps Transfers linear on a hostile file of a million
// unanswered transfers.
const chatAnswerDepth = 256

// chatAnswered finds the open transfer (index into open) that m answers,
// or -1.
func chatAnswered(out []ChatMessage, open []int, m ChatMessage) int {
	for j := len(open) - 1; j >= 0 && j >= len(open)-chatAnswerDepth; j-- {
		o := out[open[j]]
		switch {
		case m.Transfer != nil && o.Transfer != nil:
			t, ot := m.Transfer, o.Transfer
			if t.role == chatRoleInit || t.role == chatRoleUnknown || t.Amount != ot.Amount {
				continue
			}
			if t.Direction != ot.Direction && t.Direction != "" && ot.Direction != "" && t.role != chatRoleExpired {
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

// SetMe names the exporting user, for exports that do not say (the caller
// may know it from case.yaml), and recomputes every Direction. An empty name
// clears it.
func (c *Chat) SetMe(name string) {
	c.Me, c.MeInferred = name, false
	for i := range c.Messages {
		chatSetDirection(&c.Messages[i], name)
	}
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
	c.Participants = chatParticipants(c.Messages)
}

// Captured is the chat's period start as the item's capture time, or nil
// when no message has a time.
func (c *Chat) Captured() *Captured {
	_, _, first, _ := c.Meta()
	if first.IsZero() {
		return nil
	}
	return &Captured{Time: first, ZoneKnown: c.ZoneKnown(), Source: "chat"}
}

// Findings are the facts about a chat export a reader of the dossier should
// see: times without a zone, transfers whose amount the export does not
// carry, a format that drops transfers, an unknown or deduced "me", skipped
// lines. file is the item's path.
func (c *Chat) Findings(file string) []Finding {
	var fs []Finding
	add := func(code string, sev Severity, zh, en string) {
		fs = append(fs, Finding{Code: code, Severity: sev, File: file, MessageZh: zh, MessageEn: en})
	}
	_, _, first, _ := c.Meta()
	if !first.IsZero() && !c.ZoneKnown() {
		add("chat_zone_unknown", Info, "聊天记录的时间是导出设备的本地时间，未注明时区（通常为北京时间 UTC+8）。",
			"The chat times are the exporting device's local time without a zone (usually Beijing time, UTC+8).")
	}
	if first.IsZero() && len(c.Messages) > 0 {
		add("chat_no_times", Warning, "该聊天记录文本不含消息时间，只能看出先后顺序。",
			"This chat text carries no message times, only their order.")
	}
	for _, m := range c.Transfers() {
		if m.Type == MsgTransfer && m.Transfer == nil {
			add("chat_transfer_amount_missing", Warning, "聊天记录中有转账消息，但导出文件不含金额，请以账单或转账截图为准。",
				"The chat has a transfer message but the export does not carry its amount; rely on the bill or a screenshot of the transfer.")
			break
		}
	}
	if c.Format == "wechatmsg-txt" {
		add("chat_transfers_dropped", Warning, "此格式（WeChatMsg/留痕 TXT）不导出转账和红包消息，聊天中即使有转账也不会出现，请另附 CSV 导出或转账截图。",
			"This format (WeChatMsg TXT) leaves out transfers and red packets; add the CSV export or a screenshot of the transfer.")
	}
	switch {
	case c.Me == "" && len(c.Participants) > 0:
		add("chat_me_unknown", Info, "无法从导出文件判断哪一方是本人。", "The export does not say which participant is the user.")
	case c.MeInferred:
		add("chat_me_inferred", Info, "根据会话标题或系统提示推断本人为“"+c.Me+"”。",
			"The user was taken to be \""+c.Me+"\" from the session title or system notices.")
	}
	if c.Skipped > 0 {
		add("chat_lines_skipped", Warning, "有无法识别的记录被跳过。", "Some records could not be read and were skipped.")
	}
	if c.Truncated {
		add("chat_truncated", Warning, "聊天记录超过一百万条，其余未读取。", "The chat has more than a million messages; the rest were not read.")
	}
	return fs
}

// chatRole is what a transfer message does, and who sent it.
type chatRole uint8

const (
	chatRoleUnknown      chatRole = iota // the export does not say
	chatRoleInit                         // a transfer is started; the sender pays
	chatRoleReceipt                      // 已收款, sent by the payee
	chatRoleRefund                       // 已退还, sent by the payee returning it
	chatRolePayerReceipt                 // 已被接收, the payer's notice
	chatRolePayerRefund                  // 已被退还, the payer's notice
	chatRoleExpired                      // 已过期
)

// senderPays reports whether the sender of a message of this role is the
// payer of the transfer.
func (r chatRole) senderPays() bool {
	return r == chatRoleInit || r == chatRolePayerReceipt || r == chatRolePayerRefund || r == chatRoleExpired
}

func (r chatRole) status() string {
	switch r {
	case chatRoleInit:
		return "待收款"
	case chatRoleReceipt, chatRolePayerReceipt:
		return "已收款"
	case chatRoleRefund, chatRolePayerRefund:
		return "已退还"
	case chatRoleExpired:
		return "已过期"
	}
	return ""
}

// chatBuilder collects messages and settles Me, directions and
// participants at the end.
type chatBuilder struct {
	chat *Chat
	// me is the user's name as read from a sender column, "" if unknown.
	me string
	// title is a session name naming the other party (WechatExporter).
	title string
	// explicit is true when the format marks own messages (Direction is set
	// per message and must not be recomputed from names).
	explicit bool
}

// add appends a message; it returns false once the cap is reached.
func (b *chatBuilder) add(m ChatMessage) bool {
	if len(b.chat.Messages) >= chatMaxMessages {
		b.chat.Truncated = true
		return false
	}
	if m.Type == MsgSystem || m.Type == MsgRecall {
		m.Sender, m.Direction = "", ""
	}
	b.chat.Messages = append(b.chat.Messages, m)
	return true
}

func (b *chatBuilder) skip() { b.chat.Skipped++ }

func (b *chatBuilder) finish() {
	c := b.chat
	c.Participants = chatParticipants(c.Messages)
	c.Me = b.me
	if c.Me == "" && !b.explicit {
		c.Me = chatInferMe(c, b.title)
		c.MeInferred = c.Me != ""
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if b.explicit {
			chatSetTransferDirection(m)
		} else {
			chatSetDirection(m, c.Me)
		}
	}
}

func chatParticipants(msgs []ChatMessage) []string {
	seen := map[string]bool{}
	var ps []string
	for _, m := range msgs {
		if m.Sender != "" && !seen[m.Sender] {
			seen[m.Sender] = true
			ps = append(ps, m.Sender)
		}
	}
	sort.Strings(ps)
	return ps
}

// chatSetDirection sets the message's Direction from the user's name and
// then its transfer's direction.
func chatSetDirection(m *ChatMessage, me string) {
	switch {
	case m.Sender == "":
		m.Direction = ""
	case me == "":
		m.Direction = ""
	case m.Sender == me:
		m.Direction = "me"
	default:
		m.Direction = "other"
	}
	chatSetTransferDirection(m)
}

func chatSetTransferDirection(m *ChatMessage) {
	t := m.Transfer
	if t == nil {
		return
	}
	pays := t.role.senderPays()
	if t.role == chatRoleUnknown {
		pays = true
	}
	switch {
	case m.Direction == "me" && pays, m.Direction == "other" && !pays:
		t.Direction = "out"
	case m.Direction == "me", m.Direction == "other":
		t.Direction = "in"
	default:
		t.Direction = ""
	}
}

// chatInferMe deduces the user in a two-party chat: the participant who is
// not the other party named by the session title (WechatExporter writes
// the contact's name) or by system notices, which WeChat words from the
// user's side ("你已添加了张三", "\"张三\" 撤回了一条消息", "张三拍了拍我").
func chatInferMe(c *Chat, title string) string {
	if len(c.Participants) != 2 {
		if len(c.Participants) == 1 && c.Participants[0] == "我" {
			return "我"
		}
		return ""
	}
	for _, p := range c.Participants {
		if p == "我" {
			return p
		}
	}
	other := func(name string) string {
		switch name {
		case c.Participants[0]:
			return c.Participants[1]
		case c.Participants[1]:
			return c.Participants[0]
		}
		return ""
	}
	if title != "" {
		if me := other(title); me != "" {
			return me
		}
	}
	named := map[string]bool{}
	for _, m := range c.Messages {
		if m.Type != MsgSystem && m.Type != MsgRecall {
			continue
		}
		for _, n := range chatNamedInNotice(m.Text) {
			if other(n) != "" {
				named[n] = true
			}
		}
	}
	if len(named) == 1 {
		for n := range named {
			return other(n)
		}
	}
	return ""
}

// chatNamedInNotice returns the other party's name from system notices
// WeChat words from the user's side.
func chatNamedInNotice(s string) []string {
	var names []string
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "撤回了一条消息"); i > 0 {
		n := strings.TrimSpace(s[:i])
		n = strings.Trim(n, "\"“”「」")
		if n != "" && n != "你" {
			names = append(names, n)
		}
	}
	if rest, ok := strings.CutPrefix(s, "你已添加了"); ok {
		n, _, _ := strings.Cut(rest, "，")
		n, _, _ = strings.Cut(n, ",")
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if i := strings.Index(s, "拍了拍我"); i > 0 {
		names = append(names, strings.Trim(strings.TrimSpace(s[:i]), "\"“”"))
	}
	return names
}
