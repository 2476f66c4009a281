package samplegen

import (
	"image"
	"image/color"
)

// ScreenKind is the kind of WeChat screen Screenshot draws.
type ScreenKind int

// The screens of a wrong-transfer case.
const (
	// TransferReceipt is the page WeChat shows after paying: a green tick,
	// 转账成功, the amount and the transaction's fields.
	TransferReceipt ScreenKind = iota + 1
	// Chat is a conversation: grey background, white bubbles on the left
	// for the peer, green on the right for the owner of the phone.
	Chat
	// PayeeInfo is the payee's account information: name with the masked
	// real name, WeChat ID, masked phone number.
	PayeeInfo
	// BillDetail is the 账单详情 page of the transfer in 转账记录.
	BillDetail
)

// String returns the Chinese name of the screen.
func (k ScreenKind) String() string {
	switch k {
	case TransferReceipt:
		return "转账成功"
	case Chat:
		return "聊天记录"
	case PayeeInfo:
		return "收款人信息"
	case BillDetail:
		return "账单详情"
	}
	return "未知界面"
}

// Phone screen sizes in pixels.
const (
	IPhoneWidth   = 1170 // iPhone 12–14
	IPhoneHeight  = 2532
	AndroidWidth  = 1080 // a common 20:9 Android phone
	AndroidHeight = 2340
)

// ScreenSpec describes one screenshot. Every zero field takes the value of
// the demo case (李明 transferred ¥5,000.00 to 张三 by mistake on
// 2025-11-03 at 14:05), so ScreenSpec{Kind: TransferReceipt} is already a
// complete receipt.
type ScreenSpec struct {
	Kind ScreenKind
	// Width and Height in pixels; zero means 1170x2532.
	Width, Height int
	// Clock is the time in the status bar, such as "14:05".
	Clock string
	// Title is the text of the title bar.
	Title string
	// Peer is the other party: the chat partner, the payee.
	Peer string
	// Headline is the large line at the top: 转账成功 on a receipt, the
	// payee's name on PayeeInfo, 转账-转给张三 on BillDetail.
	Headline string
	// Amount is the large amount of a receipt or bill, as displayed.
	Amount string
	// Lines are the small grey lines under the headline of PayeeInfo.
	Lines []string
	// Fields are the label/value rows of a receipt, payee or bill.
	Fields []Field
	// Messages are the contents of a Chat, top to bottom.
	Messages []Message
}

// Field is one label/value row of a screen.
type Field struct {
	Label, Value string
}

// Sender says who wrote a chat message.
type Sender int

// Senders of chat messages.
const (
	// Notice is a centred grey line: a time divider or a system notice
	// such as 消息已发出，但被对方拒收了。
	Notice Sender = iota
	// Peer is the other party, drawn on the left in a white bubble.
	Peer
	// Me is the owner of the phone, drawn on the right in a green bubble.
	Me
)

// Message is one entry of a chat screen.
type Message struct {
	From Sender
	Text string
	// Transfer, when set, draws a transfer card for this amount (such as
	// "¥5,000.00") instead of a text bubble; Text is then the card's caption.
	Transfer string
	// Accepted draws the transfer card in the paler colour WeChat uses once
	// the payee has accepted the money.
	Accepted bool
	// Rejected draws the red exclamation mark beside a message the peer
	// refused to receive (after blocking the sender).
	Rejected bool
}

// Colours of the WeChat interface.
var (
	colWhite      = rgb(0xFF, 0xFF, 0xFF)
	colBlack      = rgb(0x19, 0x19, 0x19)
	colGreyBG     = rgb(0xED, 0xED, 0xED)
	colGreyText   = rgb(0x88, 0x88, 0x88)
	colLightText  = rgb(0xB2, 0xB2, 0xB2)
	colSeparator  = rgb(0xE5, 0xE5, 0xE5)
	colGreen      = rgb(0x07, 0xC1, 0x60)
	colBubbleMe   = rgb(0x95, 0xEC, 0x69)
	colTransfer   = rgb(0xFA, 0x9D, 0x3B)
	colTransferOK = rgb(0xFC, 0xD3, 0xA6)
	colRed        = rgb(0xFA, 0x51, 0x51)
	colLink       = rgb(0x57, 0x6B, 0x95)
	colInputBar   = rgb(0xF7, 0xF7, 0xF7)
)

// Screenshot draws a phone screenshot of a WeChat screen. The image is
// opaque (alpha 255 everywhere); encode it with EncodePNG to get an 8-bit
// RGB PNG like the ones phones save. A Kind outside the constants draws a
// TransferReceipt. A chat longer than the screen shows its last messages,
// as a phone scrolled to the bottom does.
func Screenshot(spec ScreenSpec) *image.RGBA {
	spec = spec.withDefaults()
	bg := colWhite
	if spec.Kind == Chat || spec.Kind == PayeeInfo {
		bg = colGreyBG
	}
	c := newCanvas(spec.Width, spec.Height, float64(spec.Width)/390, bg)
	top := c.px(statusBarPt + navBarPt)
	switch spec.Kind {
	case TransferReceipt:
		c.receipt(top, spec)
	case Chat:
		c.chat(top, spec)
	case PayeeInfo:
		c.payee(top, spec)
	case BillDetail:
		c.bill(top, spec)
	}
	// The bars last, over anything that scrolled under them.
	c.navBar(c.statusBar(spec.Clock, bg), spec.Title, bg, spec.Kind != TransferReceipt)
	c.homeIndicator()
	return c.img
}

// The demo case's facts, shared by the screens, the photos and case.yaml.
const (
	demoPeer     = "张三"
	demoPeerMask = "张三(**三)"
	demoAmount   = "¥5,000.00"
	demoTxnID    = "4200002345202511031234567890"
	demoTransNo  = "1000050001202511030117346510288"
	demoWechatID = "zhangsan_1988"
	demoPhone    = "138****5678"
	demoCard     = "招商银行储蓄卡(8816)"
)

func (s ScreenSpec) withDefaults() ScreenSpec {
	if s.Width <= 0 || s.Height <= 0 {
		s.Width, s.Height = IPhoneWidth, IPhoneHeight
	}
	if s.Kind < TransferReceipt || s.Kind > BillDetail {
		s.Kind = TransferReceipt
	}
	if s.Peer == "" {
		s.Peer = demoPeer
	}
	def := defaultScreens[s.Kind]
	if s.Clock == "" {
		s.Clock = def.Clock
	}
	if s.Title == "" {
		s.Title = def.Title
	}
	if s.Headline == "" {
		s.Headline = def.Headline
	}
	if s.Amount == "" {
		s.Amount = def.Amount
	}
	if s.Lines == nil {
		s.Lines = def.Lines
	}
	if s.Fields == nil {
		s.Fields = def.Fields
	}
	if s.Messages == nil {
		s.Messages = def.Messages
	}
	if s.Kind == Chat && s.Title == "" {
		s.Title = s.Peer
	}
	return s
}

// defaultScreens are the demo case's screens; chat 1 is the default chat.
var defaultScreens = map[ScreenKind]ScreenSpec{
	TransferReceipt: {
		Clock:    "14:05",
		Title:    "微信支付",
		Headline: "转账成功",
		Amount:   demoAmount,
		Fields: []Field{
			{"收款方", demoPeerMask},
			{"转账时间", "2025-11-03 14:05:00"},
			{"支付方式", demoCard},
			{"交易单号", demoTxnID},
		},
	},
	Chat: {
		Clock:    "14:27",
		Messages: demoChat1,
	},
	PayeeInfo: {
		Clock:    "14:22",
		Title:    "收款人信息",
		Headline: demoPeer,
		Lines:    []string{"微信号：" + demoWechatID, "地区：上海 浦东新区"},
		Fields: []Field{
			{"收款人", demoPeerMask},
			{"微信号", demoWechatID},
			{"手机号", demoPhone},
			{"实名认证", "已实名"},
		},
	},
	BillDetail: {
		Clock:    "14:10",
		Title:    "账单详情",
		Headline: "转账-转给" + demoPeer,
		Amount:   "-5,000.00",
		Fields: []Field{
			{"当前状态", "对方已收钱"},
			{"转账说明", "转账"},
			{"转账时间", "2025年11月3日 14:05:00"},
			{"收款时间", "2025年11月3日 14:05:31"},
			{"支付方式", demoCard},
			{"转账单号", demoTransNo},
			{"交易单号", demoTxnID},
		},
	},
}

var demoChat1 = []Message{
	{From: Notice, Text: "14:05"},
	{From: Me, Transfer: demoAmount, Text: "已被接收", Accepted: true},
	{From: Notice, Text: "14:18"},
	{From: Me, Text: "你好，不好意思，我刚才转错账了。这5000元本来是转给我同事张珊的，名字打错转到了你这里。"},
	{From: Me, Text: "麻烦你把5000元退回给我，谢谢！"},
	{From: Notice, Text: "14:26"},
	{From: Peer, Text: "你是谁？"},
	{From: Me, Text: "我叫李明。交易单号4200002345202511031234567890，你在账单里能看到。"},
	{From: Peer, Text: "钱已经收了，我不知道你说的是什么。"},
}

// demoChat2 is the same conversation the next morning, scrolled to the end.
var demoChat2 = []Message{
	{From: Notice, Text: "昨天 14:27"},
	{From: Me, Text: "这笔钱不是给你的，请你退回。不然我只能报警或者起诉了。"},
	{From: Peer, Text: "随便你。"},
	{From: Notice, Text: "昨天 20:12"},
	{From: Me, Text: "张先生，我再和你说一次，这5000元是我转错的，请你今天之内退还。"},
	{From: Notice, Text: "昨天 22:40"},
	{From: Peer, Text: "别再烦我了"},
	{From: Notice, Text: "09:36"},
	{From: Me, Text: "我已经去银行打印了流水，转账记录都在。请你退还5000元，否则我将向法院起诉。", Rejected: true},
	{From: Notice, Text: "消息已发出，但被对方拒收了。"},
	{From: Me, Text: "张三，请退还5000元。", Rejected: true},
	{From: Notice, Text: "消息已发出，但被对方拒收了。"},
}

// Heights of the bars at the top of every screen, in points.
const (
	statusBarPt = 47
	navBarPt    = 44
)

// statusBar draws the clock, signal, Wi-Fi and battery and returns the y
// below the bar.
func (c *canvas) statusBar(clock string, bg color.RGBA) int {
	h := c.px(statusBarPt)
	c.fill(image.Rect(0, 0, c.width(), h), bg)
	mid := c.px(27)
	c.textCentered(c.px(54), c.baseline(mid, 16.5), 16.5, colBlack, true, clock)

	// Signal: four bars of rising height.
	x := c.width() - c.px(108)
	for i := 0; i < 4; i++ {
		bh := c.px(4) + c.px(2.4)*i
		c.roundRect(image.Rect(x, mid+c.px(5.5)-bh, x+c.px(3), mid+c.px(5.5)), c.px(0.8), colBlack)
		x += c.px(4.6)
	}
	// Wi-Fi: three arcs above a dot, drawn as rings clipped to a wedge.
	wx, wy := c.width()-c.px(74), mid+c.px(5)
	for i, r := range []float64{3, 7, 11} {
		rad := c.px(r)
		if i == 0 {
			c.circle(wx, wy-c.px(1.5), c.px(2), colBlack)
			continue
		}
		c.arc(wx, wy, rad, c.px(2.2), colBlack)
	}
	// Battery: outline, charge and nub.
	bx := c.width() - c.px(52)
	body := image.Rect(bx, mid-c.px(6), bx+c.px(25), mid+c.px(6))
	c.roundRect(body, c.px(3.5), colLightText)
	c.roundRect(body.Inset(c.px(1)), c.px(2.8), bg)
	c.roundRect(image.Rect(body.Min.X+c.px(2), body.Min.Y+c.px(2), body.Min.X+c.px(17), body.Max.Y-c.px(2)), c.px(1.5), colBlack)
	c.roundRect(image.Rect(body.Max.X+c.px(1), mid-c.px(2), body.Max.X+c.px(2.5), mid+c.px(2)), c.px(1), colLightText)
	return h
}

// arc draws the upper quarter of a ring, the shape of a Wi-Fi wave.
func (c *canvas) arc(cx, cy, rad, thick int, col color.RGBA) {
	for y := cy - rad; y <= cy; y++ {
		for x := cx - rad; x <= cx+rad; x++ {
			dx, dy := x-cx, cy-y
			if dy < abs(dx) {
				continue
			}
			d2 := dx*dx + dy*dy
			if d2 <= rad*rad && d2 >= (rad-thick)*(rad-thick) {
				c.set(x, y, col)
			}
		}
	}
}

// navBar draws the title bar below the status bar and returns the y below
// it. back draws the "<" at the left; the receipt page has none.
func (c *canvas) navBar(top int, title string, bg color.RGBA, back bool) int {
	h := c.px(navBarPt)
	c.fill(image.Rect(0, top, c.width(), top+h), bg)
	mid := top + h/2
	c.textCentered(c.width()/2, c.baseline(mid, 17), 17, colBlack, true, title)
	if back {
		x, t := c.px(18), c.px(2)
		c.line(x+c.px(9), mid-c.px(9), x, mid, t, colBlack)
		c.line(x, mid, x+c.px(9), mid+c.px(9), t, colBlack)
	}
	// "···" more button.
	for i := 0; i < 3; i++ {
		c.circle(c.width()-c.px(22)-i*c.px(7), mid, c.px(2), colBlack)
	}
	return top + h
}

// homeIndicator draws the bar at the bottom of a gesture-navigated phone.
func (c *canvas) homeIndicator() {
	w := c.px(134)
	y := c.height() - c.px(8) - c.px(5)
	c.roundRect(image.Rect(c.width()/2-w/2, y, c.width()/2+w/2, y+c.px(5)), c.px(2.5), colBlack)
}

// receipt draws the 转账成功 page.
func (c *canvas) receipt(top int, s ScreenSpec) {
	cx := c.width() / 2
	y := top + c.px(64)
	// Green tick in a circle.
	r := c.px(30)
	c.circle(cx, y+r, r, colGreen)
	t := c.px(5)
	c.line(cx-c.px(13), y+r+c.px(1), cx-c.px(4), y+r+c.px(10), t, colWhite)
	c.line(cx-c.px(4), y+r+c.px(10), cx+c.px(14), y+r-c.px(9), t, colWhite)
	y += 2*r + c.px(40)
	c.textCentered(cx, y, 19, colBlack, false, s.Headline)
	y += c.px(58)
	c.textCentered(cx, y, 38, colBlack, true, s.Amount)
	y += c.px(44)
	left, right := c.px(28), c.width()-c.px(28)
	c.fill(image.Rect(left, y, right, y+c.px(0.6)+1), colSeparator)
	y += c.px(14)
	for _, f := range s.Fields {
		y = c.fieldRow(y, left, right, f, 15, true)
	}
	// 完成 button near the bottom.
	bw, bh := c.px(184), c.px(40)
	by := c.height() - c.px(150)
	c.roundRect(image.Rect(cx-bw/2, by, cx+bw/2, by+bh), c.px(6), colGreen)
	c.textCentered(cx, c.baseline(by+bh/2, 17), 17, colWhite, true, "完成")
}

// fieldRow draws a grey label at left and its value, right-aligned (alignRight)
// or in a column, wrapping long values; it returns the y below the row.
func (c *canvas) fieldRow(y, left, right int, f Field, size float64, alignRight bool) int {
	lineH := c.px(size * 1.45)
	labelW := c.px(size * 5.2)
	valueW := right - left - labelW
	lines := c.wrap(f.Value, size, valueW)
	base := y + lineH - c.px(size*0.35)
	c.text(left, base, size, colGreyText, false, f.Label)
	for i, ln := range lines {
		b := base + i*lineH
		if alignRight {
			c.textRight(right, b, size, colBlack, false, ln)
		} else {
			c.text(left+labelW, b, size, colBlack, false, ln)
		}
	}
	return y + len(lines)*lineH + c.px(size*0.9)
}

// chat draws the messages and the input bar.
func (c *canvas) chat(top int, s ScreenSpec) {
	// Like a phone, show the latest messages just above the input bar and
	// let older ones scroll off the top: measure first, then draw.
	bottom := c.height() - c.px(56+34) - c.px(4)
	c.dry = true
	end := top + c.px(16)
	for _, m := range s.Messages {
		end = c.message(end, s.Peer, m)
	}
	c.dry = false
	y := top + c.px(16)
	if end > bottom {
		y -= end - bottom
	}
	for _, m := range s.Messages {
		y = c.message(y, s.Peer, m)
	}
	c.fill(image.Rect(0, top, c.width(), top+1), rgb(0xDA, 0xDA, 0xDA))
	c.inputBar()
}

func (c *canvas) message(y int, peer string, m Message) int {
	const size = 17
	switch m.From {
	case Notice:
		lines := c.wrap(m.Text, 12.5, c.width()-c.px(80))
		for _, ln := range lines {
			y += c.px(18)
			c.textCentered(c.width()/2, y, 12.5, colLightText, false, ln)
		}
		return y + c.px(14)
	}
	avatar := c.px(40)
	margin := c.px(12)
	gap := c.px(10)
	maxW := int(float64(c.width()) * 0.62)
	padX, padY := c.px(12), c.px(10)
	lineH := c.px(24)

	var w, h int
	var lines []string
	if m.Transfer != "" {
		w, h = c.px(232), c.px(88)
	} else {
		lines = c.wrap(m.Text, size, maxW-2*padX)
		for _, ln := range lines {
			if lw := c.textWidth(size, ln); lw > w {
				w = lw
			}
		}
		w += 2 * padX
		h = len(lines)*lineH + 2*padY - c.px(4)
		if h < avatar {
			h = avatar
		}
	}
	var ax, bx int
	col := colWhite
	letter, avatarCol := string([]rune(peer)[:1]), rgb(0x6C, 0x8E, 0xBF)
	if m.From == Me {
		ax = c.width() - margin - avatar
		bx = ax - gap - w
		col = colBubbleMe
		letter, avatarCol = "李", rgb(0x4F, 0xA3, 0x7B)
	} else {
		ax = margin
		bx = ax + avatar + gap
	}
	c.roundRect(image.Rect(ax, y, ax+avatar, y+avatar), c.px(4), avatarCol)
	c.textCentered(ax+avatar/2, c.baseline(y+avatar/2, 19), 19, colWhite, false, letter)

	if m.Transfer != "" {
		c.transferCard(bx, y, w, h, m)
		return y + h + c.px(16)
	}
	c.roundRect(image.Rect(bx, y, bx+w, y+h), c.px(4), col)
	// The tail pointing at the avatar.
	tail := c.px(5)
	ty := y + c.px(20)
	for i := 0; i < tail; i++ {
		if m.From == Me {
			c.fill(image.Rect(bx+w, ty-tail+i, bx+w+tail-i, ty-tail+i+1), col)
			c.fill(image.Rect(bx+w, ty+tail-i-1, bx+w+tail-i, ty+tail-i), col)
		} else {
			c.fill(image.Rect(bx-tail+i, ty-tail+i, bx, ty-tail+i+1), col)
			c.fill(image.Rect(bx-tail+i, ty+tail-i-1, bx, ty+tail-i), col)
		}
	}
	for i, ln := range lines {
		c.text(bx+padX, y+padY+(i+1)*lineH-c.px(7), size, colBlack, false, ln)
	}
	if m.Rejected {
		rx, ry, rr := bx-c.px(22), y+h/2, c.px(10)
		c.circle(rx, ry, rr, colRed)
		c.fill(image.Rect(rx-c.px(1.2), ry-c.px(6), rx+c.px(1.2), ry+c.px(2)), colWhite)
		c.circle(rx, ry+c.px(4.8), c.px(1.4), colWhite)
	}
	return y + h + c.px(16)
}

// transferCard draws WeChat's orange transfer message.
func (c *canvas) transferCard(x, y, w, h int, m Message) {
	col := colTransfer
	if m.Accepted {
		col = colTransferOK
	}
	c.roundRect(image.Rect(x, y, x+w, y+h), c.px(5), col)
	// Icon: a white ring with two arrows.
	ix, iy, ir := x+c.px(30), y+c.px(31), c.px(17)
	c.ring(ix, iy, ir, c.px(2), colWhite)
	c.line(ix-c.px(8), iy-c.px(3), ix+c.px(8), iy-c.px(3), c.px(2), colWhite)
	c.line(ix+c.px(8), iy-c.px(3), ix+c.px(3), iy-c.px(8), c.px(2), colWhite)
	c.line(ix+c.px(8), iy+c.px(4), ix-c.px(8), iy+c.px(4), c.px(2), colWhite)
	c.line(ix-c.px(8), iy+c.px(4), ix-c.px(3), iy+c.px(9), c.px(2), colWhite)
	c.text(x+c.px(58), y+c.px(28), 17, colWhite, true, m.Transfer)
	c.text(x+c.px(58), y+c.px(48), 12.5, colWhite, false, m.Text)
	sep := y + c.px(62)
	c.fill(image.Rect(x+c.px(12), sep, x+w-c.px(12), sep+1), rgb(0xFF, 0xE9, 0xD0))
	c.text(x+c.px(12), y+c.px(79), 11, colWhite, false, "微信转账")
}

// inputBar draws the text field and buttons at the bottom of a chat.
func (c *canvas) inputBar() {
	h := c.px(56) + c.px(34)
	y := c.height() - h
	c.fill(image.Rect(0, y, c.width(), c.height()), colInputBar)
	c.fill(image.Rect(0, y, c.width(), y+1), rgb(0xDA, 0xDA, 0xDA))
	mid := y + c.px(28)
	r := c.px(14)
	c.ring(c.px(24), mid, r, c.px(1.8), colBlack)
	c.arc(c.px(20), mid+c.px(4), c.px(8), c.px(1.8), colBlack)
	c.roundRect(image.Rect(c.px(48), mid-c.px(19), c.width()-c.px(86), mid+c.px(19)), c.px(5), colWhite)
	c.ring(c.width()-c.px(64), mid, r, c.px(1.8), colBlack)
	c.circle(c.width()-c.px(69), mid-c.px(3), c.px(1.8), colBlack)
	c.circle(c.width()-c.px(59), mid-c.px(3), c.px(1.8), colBlack)
	c.ring(c.width()-c.px(26), mid, r, c.px(1.8), colBlack)
	c.fill(image.Rect(c.width()-c.px(26)-c.px(7), mid-c.px(0.9), c.width()-c.px(26)+c.px(7), mid+c.px(0.9)), colBlack)
	c.fill(image.Rect(c.width()-c.px(26)-c.px(0.9), mid-c.px(7), c.width()-c.px(26)+c.px(0.9), mid+c.px(7)), colBlack)
}

// payee draws the account information of the payee.
func (c *canvas) payee(top int, s ScreenSpec) {
	// Header card with avatar, name and grey lines.
	cardTop := top + c.px(10)
	cardH := c.px(120)
	c.fill(image.Rect(0, cardTop, c.width(), cardTop+cardH), colWhite)
	av := c.px(64)
	ax, ay := c.px(20), cardTop+c.px(24)
	c.roundRect(image.Rect(ax, ay, ax+av, ay+av), c.px(6), rgb(0x6C, 0x8E, 0xBF))
	c.textCentered(ax+av/2, c.baseline(ay+av/2, 30), 30, colWhite, false, string([]rune(s.Peer)[:1]))
	tx := ax + av + c.px(18)
	c.text(tx, ay+c.px(22), 22, colBlack, true, s.Headline)
	y := ay + c.px(22)
	for _, ln := range s.Lines {
		y += c.px(23)
		c.text(tx, y, 14, colGreyText, false, ln)
	}
	// List card with the fields.
	y = cardTop + cardH + c.px(10)
	left, right := c.px(20), c.width()-c.px(20)
	for i, f := range s.Fields {
		rowH := c.px(56)
		c.fill(image.Rect(0, y, c.width(), y+rowH), colWhite)
		mid := y + rowH/2
		c.text(left, c.baseline(mid, 16), 16, colBlack, false, f.Label)
		c.textRight(right, c.baseline(mid, 16), 16, colGreyText, false, f.Value)
		if i < len(s.Fields)-1 {
			c.fill(image.Rect(left, y+rowH-1, c.width(), y+rowH), colSeparator)
		}
		y += rowH
	}
	// Two buttons, as on a profile page.
	y += c.px(10)
	for _, b := range []string{"发消息", "转账"} {
		rowH := c.px(56)
		c.fill(image.Rect(0, y, c.width(), y+rowH), colWhite)
		c.textCentered(c.width()/2, c.baseline(y+rowH/2, 17), 17, colLink, true, b)
		c.fill(image.Rect(0, y+rowH-1, c.width(), y+rowH), colSeparator)
		y += rowH
	}
}

// bill draws the 账单详情 page.
func (c *canvas) bill(top int, s ScreenSpec) {
	cx := c.width() / 2
	y := top + c.px(36)
	r := c.px(24)
	c.circle(cx, y+r, r, rgb(0x6C, 0x8E, 0xBF))
	c.textCentered(cx, c.baseline(y+r, 20), 20, colWhite, false, string([]rune(s.Peer)[:1]))
	y += 2*r + c.px(30)
	c.textCentered(cx, y, 16, colBlack, false, s.Headline)
	y += c.px(52)
	c.textCentered(cx, y, 36, colBlack, true, s.Amount)
	y += c.px(36)
	left, right := c.px(24), c.width()-c.px(24)
	c.fill(image.Rect(left, y, right, y+1), colSeparator)
	y += c.px(18)
	for _, f := range s.Fields {
		y = c.fieldRow(y, left, right, f, 14.5, false)
	}
	c.fill(image.Rect(left, y, right, y+1), colSeparator)
	y += c.px(34)
	c.text(left, y, 14.5, colLink, false, "对订单有疑惑")
	c.textRight(right, y, 14.5, colLightText, false, ">")
}
