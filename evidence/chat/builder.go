package chat

import (
	"sort"
	"strings"
)

// payRole is what a transfer message does, and who sent it.
type payRole uint8

const (
	roleUnknown      payRole = iota // the export does not say
	roleInit                        // a transfer is started; the sender pays
	roleReceipt                     // 已收款, sent by the payee
	roleRefund                      // 已退还, sent by the payee returning it
	rolePayerReceipt                // 已被接收, the payer's notice
	rolePayerRefund                 // 已被退还, the payer's notice
	roleExpired                     // 已过期
)

// senderPays reports whether the sender of a message of this role is the
// payer of the transfer.
func (r payRole) senderPays() bool {
	return r == roleInit || r == rolePayerReceipt || r == rolePayerRefund || r == roleExpired
}

func (r payRole) status() string {
	switch r {
	case roleInit:
		return "待收款"
	case roleReceipt, rolePayerReceipt:
		return "已收款"
	case roleRefund, rolePayerRefund:
		return "已退还"
	case roleExpired:
		return "已过期"
	}
	return ""
}

// builder collects messages and settles Me, directions and
// participants at the end.
type builder struct {
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
func (b *builder) add(m Message) bool {
	if len(b.chat.Messages) >= maxMessages {
		b.chat.Truncated = true
		return false
	}
	if m.Type == MsgSystem || m.Type == MsgRecall {
		m.Sender, m.Direction = "", ""
	}
	b.chat.Messages = append(b.chat.Messages, m)
	return true
}

func (b *builder) skip() { b.chat.Skipped++ }

func (b *builder) finish() {
	c := b.chat
	c.Participants = senders(c.Messages)
	c.Me = b.me
	if c.Me == "" && !b.explicit {
		c.Me = inferMe(c, b.title)
		c.MeInferred = c.Me != ""
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if b.explicit {
			setTransferDirection(m)
		} else {
			setDirection(m, c.Me)
		}
	}
}

func senders(msgs []Message) []string {
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

// setDirection sets the message's Direction from the user's name and
// then its transfer's direction.
func setDirection(m *Message, me string) {
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
	setTransferDirection(m)
}

func setTransferDirection(m *Message) {
	t := m.Transfer
	if t == nil {
		return
	}
	pays := t.role.senderPays()
	if t.role == roleUnknown {
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

// inferMe deduces the user in a two-party chat: the participant who is
// not the other party named by the session title (WechatExporter writes
// the contact's name) or by system notices, which WeChat words from the
// user's side ("你已添加了张三", "\"张三\" 撤回了一条消息", "张三拍了拍我").
func inferMe(c *Chat, title string) string {
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
		for _, n := range namedInNotice(m.Text) {
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

// namedInNotice returns the other party's name from system notices
// WeChat words from the user's side.
func namedInNotice(s string) []string {
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
