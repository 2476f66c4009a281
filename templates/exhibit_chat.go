package templates

import (
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// The transcript of a chat: every message, in the order of the export, as
// a bubble: the user's on the right, the other side's on the left, system
// notices and recalls centred in grey, transfers and red packets in orange.
// A date line stands above the first message of each day and at the top of
// every page the transcript continues on; the time of a message closes its
// bubble, so that the text of a bubble stays in one piece when the page is
// read back as text.

// Bubble colours.
var (
	colBubbleMe    = rgb{214, 243, 197}
	colBubbleOther = rgb{255, 255, 255}
	colBubbleLine  = rgb{170, 170, 170}
	colTransfer    = rgb{253, 233, 200}
	colTransferLn  = rgb{222, 140, 50}
	colTransferTx  = rgb{140, 62, 0}
)

// Transcript geometry, in millimetres.
const (
	bubblePadX   = 2.2
	bubblePadY   = 0.9
	bubbleGap    = 1.1 // between two bubbles
	bubbleRadius = 1.3
	bubbleInset  = 1.0 // from the margin
	bubbleShare  = 0.7 // of the text width a bubble may take
	timeGap      = 2.5 // between the text and the time in a bubble
)

// exhibitChat draws a chat export: a block of facts, then the transcript.
func (dc *doc) exhibitChat(ex *Exhibit) {
	c := ex.Item.Chat
	w := dc.w
	dc.subheading(w.chatFacts, 16)
	dc.table(&table{cols: captionCols, rows: dc.chatFacts(c), keyColumn: true, size: sizeSmall})
	dc.gap(4)
	dc.subheading(w.chatTranscript, 20)
	if c.ZoneKnown() {
		dc.para(w.chatZoneBeijing, sizeSmall, colMuted, 0)
	} else {
		dc.para(w.chatZoneLocal, sizeSmall, colMuted, 0)
	}
	dc.para(w.chatLegend, sizeSmall, colMuted, 0)
	dc.gap(2)
	if len(c.Messages) == 0 {
		dc.para(w.chatEmpty, sizeBody, colMuted, 0)
		return
	}
	t := &transcript{dc: dc, ex: ex, chat: c, payer: chatPayer(c)}
	for i := range c.Messages {
		t.message(&c.Messages[i])
	}
	dc.font(sizeBody, colText)
}

// chatFacts lists what the chat is: format, participants, the user,
// message counts by type, period and transfers.
func (dc *doc) chatFacts(c *chat.Chat) [][]string {
	w := dc.w
	format := c.Format
	if f, ok := w.chatFormats[c.Format]; ok {
		format = f + " (" + c.Format + ")"
	}
	me := w.chatMeUnknown
	if c.Me != "" {
		me = c.Me
		if c.MeInferred {
			me += w.chatMeInferred
		}
	}
	n, parts, first, last := c.Meta()
	rows := [][]string{
		{w.chatFormat, format},
		{w.chatParticipants, dash(strings.Join(parts, w.listSep))},
		{w.chatMe, me},
		{w.chatMessages, w.chatCount(n, dc.chatKinds(c))},
	}
	if !first.IsZero() {
		zk := c.ZoneKnown()
		rows = append(rows, []string{w.chatPeriod,
			w.captured(&evidence.Captured{Time: first, ZoneKnown: zk}) + w.to + w.captured(&evidence.Captured{Time: last, ZoneKnown: zk})})
	}
	rows = append(rows, []string{w.chatTransfers, dc.chatTransferSummary(c)})
	var gaps []string
	if c.Skipped > 0 {
		gaps = append(gaps, w.chatSkipped(c.Skipped))
	}
	if c.Truncated {
		gaps = append(gaps, w.chatTruncated)
	}
	if len(gaps) > 0 {
		rows = append(rows, []string{w.chatNotListed, strings.Join(gaps, "\n")})
	}
	return rows
}

// chatKindOrder is the order of message types in the count.
var chatKindOrder = []chat.MessageType{
	chat.MsgText, chat.MsgImage, chat.MsgVoice, chat.MsgVideo, chat.MsgFile,
	chat.MsgLink, chat.MsgTransfer, chat.MsgRedPacket, chat.MsgRecall,
	chat.MsgSystem, chat.MsgOther,
}

// chatKinds counts the messages by type: "文字 10、图片 1、…".
func (dc *doc) chatKinds(c *chat.Chat) string {
	w := dc.w
	count := map[chat.MessageType]int{}
	for _, m := range c.Messages {
		t := m.Type
		if _, ok := w.msgName[t]; !ok {
			t = chat.MsgOther
		}
		count[t]++
	}
	var parts []string
	for _, t := range chatKindOrder {
		if n := count[t]; n > 0 {
			parts = append(parts, w.msgName[t]+" "+strconv.Itoa(n))
		}
	}
	return strings.Join(parts, dc.w.listSep)
}

// chatTransferSummary counts the transfers and red packets of the chat and
// adds up the money each way; amounts the export does not carry are
// counted apart.
func (dc *doc) chatTransferSummary(c *chat.Chat) string {
	w := dc.w
	ts := c.Transfers()
	if len(ts) == 0 {
		return w.chatNoTransfers
	}
	var out, in money.Fen
	unknown := 0
	for _, m := range ts {
		switch {
		case m.Transfer == nil:
			unknown++
		case m.Transfer.Direction == "out":
			out += m.Transfer.Amount
		case m.Transfer.Direction == "in":
			in += m.Transfer.Amount
		}
	}
	s := w.chatTransferSum(len(ts), dc.w.money(out), dc.w.money(in))
	if unknown > 0 {
		s += dc.w.listSep + strconv.Itoa(unknown) + " " + w.amountUnknown
	}
	return s
}

// chatPayer names the two sides of a chat between the user and one other
// person, so that a transfer line can say who paid whom; ok is false for
// group chats and for exports that do not say which side is the user.
type payer struct {
	me, other string
	ok        bool
}

func chatPayer(c *chat.Chat) payer {
	if c.Me == "" || len(c.Participants) != 2 {
		return payer{}
	}
	for i, p := range c.Participants {
		if p == c.Me {
			return payer{me: c.Me, other: c.Participants[1-i], ok: true}
		}
	}
	return payer{}
}

// transcript draws the messages of one chat, one after the other, and
// remembers what the last one showed (its day, its sender) to know when a
// date line or a name is due.
type transcript struct {
	dc    *doc
	ex    *Exhibit
	chat  *chat.Chat
	payer payer

	day    string // the date line last drawn
	sender string // the sender whose name was last drawn; "" after a break
}

// side is where a message stands.
type side int

const (
	sideLeft side = iota
	sideRight
	sideCentre
)

// bubbleLine is one line in a bubble.
type bubbleLine struct {
	text  string
	size  float64
	color rgb
	bold  bool
}

// message draws one message with what must come before it: the date line
// when the day changes, the sender's name when the sender changes.
func (t *transcript) message(m *chat.Message) {
	dc := t.dc
	day, clock := t.when(m)
	if day != "" && day != t.day {
		t.day = day
		if dc.room(t.dayHeight() + lineHeight(sizeTiny) + lineHeight(sizeSmall) + 2*bubblePadY) {
			t.dayLine(day)
		} else {
			t.newPage() // draws the new day at the top
		}
		t.sender = ""
	}
	if t.side(m) == sideCentre {
		t.notice(m, clock)
		t.sender = ""
		return
	}
	lines, fill, border := t.bubble(m)
	t.bubbleDraw(t.side(m), m.Sender, lines, clock, fill, border)
}

// when splits the time of a message into its day and its clock time, in
// Beijing time when the zone is known, else as the export wrote it.
func (t *transcript) when(m *chat.Message) (day, clock string) {
	if m.Time.IsZero() {
		return "", ""
	}
	tm := m.Time
	if m.ZoneKnown {
		tm = tm.In(tz.Shanghai)
	}
	return tm.Format(time.DateOnly), tm.Format(time.TimeOnly)
}

func (t *transcript) side(m *chat.Message) side {
	switch {
	case m.Type == chat.MsgSystem || m.Type == chat.MsgRecall:
		return sideCentre
	case m.Direction == "me":
		return sideRight
	}
	return sideLeft
}

// dayHeight is the height of a date line.
func (t *transcript) dayHeight() float64 { return lineHeight(sizeTiny) + 1.2 }

// dayLine draws the date centred between two rules.
func (t *transcript) dayLine(day string) {
	dc := t.dc
	h := lineHeight(sizeTiny)
	y := dc.y() + 0.4
	tw := dc.m.textWidth(day, sizeTiny) + 6
	mid := marginL + contentW/2
	dc.stroke(colBubbleLine, 0.15)
	dc.pdf.Line(marginL+contentW*0.25, y+h/2, mid-tw/2, y+h/2)
	dc.pdf.Line(mid+tw/2, y+h/2, marginL+contentW*0.75, y+h/2)
	dc.font(sizeTiny, colMuted)
	dc.textAt(mid-tw/2, y, tw, h, day, "C")
	dc.setY(y + h + 0.8)
}

// newPage continues the transcript on the next page: the exhibit's
// continuation line, then the current day again.
func (t *transcript) newPage() {
	dc := t.dc
	dc.newPage()
	dc.font(sizeTiny, colMuted)
	dc.textAt(marginL, dc.y(), contentW, lineHeight(sizeTiny), dc.m.clean(dc.w.exhibitCont(t.ex.Number), false), "L")
	dc.setY(dc.y() + lineHeight(sizeTiny) + 0.6)
	if t.day != "" {
		t.dayLine(t.day)
	}
	t.sender = ""
}

// notice draws a system message or a recall: centred grey text with its
// time in front.
func (t *transcript) notice(m *chat.Message, clock string) {
	dc := t.dc
	text := strings.TrimSpace(m.Text)
	if m.Type == chat.MsgRecall && !strings.Contains(text, "撤回") && !strings.Contains(strings.ToLower(text), "recall") {
		text = strings.TrimSpace(m.Sender + " " + dc.w.recalled + " " + text)
	}
	if clock != "" {
		text = clock + "  " + text
	}
	lh := lineHeight(sizeTiny)
	width := contentW * 0.8
	lines := dc.m.wrap(dc.m.clean(text, false), sizeTiny, width)
	for len(lines) > 0 {
		if !dc.room(lh + bubbleGap) {
			t.newPage()
		}
		dc.font(sizeTiny, colMuted)
		dc.textAt(marginL+(contentW-width)/2, dc.y(), width, lh, lines[0], "C")
		dc.setY(dc.y() + lh)
		lines = lines[1:]
	}
	dc.setY(dc.y() + bubbleGap)
}

// bubble is the content of a message's bubble and its colours.
func (t *transcript) bubble(m *chat.Message) (lines []bubbleLine, fill, border rgb) {
	dc := t.dc
	w := dc.w
	inner := t.maxInner()
	add := func(s string, size float64, c rgb, bold bool) {
		for _, ln := range dc.m.wrap(dc.m.clean(s, true), size, inner) {
			lines = append(lines, bubbleLine{ln, size, c, bold})
		}
	}
	fill, border = colBubbleOther, colBubbleLine
	if m.Direction == "me" {
		fill = colBubbleMe
	}
	text := strings.TrimSpace(m.Text)
	switch m.Type {
	case chat.MsgTransfer, chat.MsgRedPacket:
		fill, border = colTransfer, colTransferLn
		add(t.transferLine(m), sizeSmall, colTransferTx, true)
		switch {
		case m.Transfer != nil && m.Transfer.Memo != "":
			add(w.memo+m.Transfer.Memo, sizeSmall, colText, false)
		case m.Transfer == nil && text != "" && text != "["+w.transfer+"]" && text != "[转账]" && text != "[红包]":
			add(text, sizeSmall, colText, false)
		}
	case chat.MsgText:
		add(text, sizeSmall, colText, false)
	default:
		marker := w.msgKind[m.Type]
		if marker == "" {
			marker = w.msgKind[chat.MsgOther]
		}
		if !strings.HasPrefix(text, "[") && !strings.HasPrefix(text, "【") {
			text = strings.TrimSpace(marker + " " + text)
		}
		add(text, sizeSmall, colMuted, false)
	}
	if len(lines) == 0 {
		lines = append(lines, bubbleLine{"", sizeSmall, colText, false})
	}
	return lines, fill, border
}

// transferLine is the money line of a transfer or red packet:
// "¥5,000.00 转账 · 李明 → 张三 · 已收款".
func (t *transcript) transferLine(m *chat.Message) string {
	w := t.dc.w
	kind := w.transfer
	if m.Type == chat.MsgRedPacket {
		kind = w.redPacket
	}
	tr := m.Transfer
	if tr == nil {
		return kind + " · " + w.amountUnknown
	}
	parts := []string{t.dc.w.money(tr.Amount) + " " + kind}
	switch {
	case tr.Direction == "out" && t.payer.ok:
		parts = append(parts, t.payer.me+" → "+t.payer.other)
	case tr.Direction == "in" && t.payer.ok:
		parts = append(parts, t.payer.other+" → "+t.payer.me)
	case tr.Direction == "out":
		parts = append(parts, w.payOut)
	case tr.Direction == "in":
		parts = append(parts, w.payIn)
	}
	if tr.Status != "" {
		parts = append(parts, t.dc.transferStatus(tr.Status))
	}
	return strings.Join(parts, " · ")
}

// transferStatus is a transfer's state in the dossier's language; a state
// the table does not know is shown as the export wrote it.
func (dc *doc) transferStatus(s string) string {
	return lookup(dc.w.transferStates, s)
}

// maxInner is the widest text a bubble holds.
func (t *transcript) maxInner() float64 { return contentW*bubbleShare - 2*bubblePadX }

// bubbleDraw draws a bubble on its side, with the sender's name above it
// when the sender changes or a page begins, and the time at the end of its last line (or on a line of its
// own when the last line is full). A bubble that does not fit below the
// cursor goes to the next page; one taller than a page is split at a line.
func (t *transcript) bubbleDraw(sd side, sender string, lines []bubbleLine, clock string, fill, border rgb) {
	dc := t.dc
	lhName := lineHeight(sizeTiny)
	inner := t.maxInner()
	widest := 0.0
	for _, ln := range lines {
		widest = max(widest, dc.m.textWidth(ln.text, ln.size))
	}
	timeW := 0.0
	if clock != "" {
		timeW = dc.m.textWidth(clock, sizeTiny)
		last := lines[len(lines)-1]
		if dc.m.textWidth(last.text, last.size)+timeGap+timeW > inner {
			lines = append(lines, bubbleLine{"", sizeSmall, colText, false})
		}
		widest = max(widest, dc.m.textWidth(lines[len(lines)-1].text, sizeSmall)+timeGap+timeW)
	}
	bw := min(widest, inner) + 2*bubblePadX
	x := marginL + bubbleInset
	if sd == sideRight {
		x = pageW - marginR - bubbleInset - bw
	}
	lh := lineHeight(sizeSmall)
	// A bubble of up to three lines is never split; a longer one may
	// break after its third line.
	need := float64(min(len(lines), 3))*lh + 2*bubblePadY + lhName
	if !dc.room(need) {
		t.newPage()
	}
	for first := true; len(lines) > 0; first = false {
		if !first {
			t.newPage()
		}
		if name := dc.m.clean(sender, false); sender != t.sender && name != "" {
			dc.font(sizeTiny, colMuted)
			align := "L"
			if sd == sideRight {
				align = "R"
			}
			dc.textAt(marginL+bubbleInset, dc.y(), contentW-2*bubbleInset, lhName, dc.m.fit(name, sizeTiny, contentW*0.6), align)
			dc.setY(dc.y() + lhName)
		}
		t.sender = sender
		n := max(1, min(len(lines), int((contentBottom-dc.y()-2*bubblePadY-bubbleGap)/lh)))
		y := dc.y()
		h := float64(n)*lh + 2*bubblePadY
		dc.fill(fill)
		dc.stroke(border, 0.2)
		dc.pdf.RoundedRect(x, y, bw, h, bubbleRadius, "1234", "FD")
		for i, ln := range lines[:n] {
			dc.font(ln.size, ln.color)
			ly := y + bubblePadY + float64(i)*lh
			if ln.bold {
				dc.boldAt(x+bubblePadX, ly, bw-2*bubblePadX, lh, ln.text, "L", ln.color, 0.12)
			} else {
				dc.textAt(x+bubblePadX, ly, bw-2*bubblePadX, lh, ln.text, "L")
			}
		}
		lines = lines[n:]
		if len(lines) == 0 && clock != "" {
			dc.font(sizeTiny, colMuted)
			dc.textAt(x+bw-bubblePadX-timeW, y+h-bubblePadY-lh, timeW, lh, clock, "R")
		}
		dc.setY(y + h + bubbleGap)
	}
}
