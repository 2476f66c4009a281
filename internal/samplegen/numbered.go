package samplegen

import (
	"fmt"
	"image"
)

// phrases fill the bubbles of numbered screenshots.
var phrases = []string{
	"你好，请问这笔转账是你收的吗？",
	"我转错了，麻烦退回一下",
	"收到",
	"好的，我查一下账单",
	"单号发你了",
	"今天下午三点前能处理吗",
	"谢谢！",
	"已经报警了，回执在这里",
	"这个订单一直没有发货",
	"客服说七个工作日内回复",
	"请核对金额：¥1,280.00",
	"对方已拒收消息",
}

// NumberedScreenshot returns a cheap chat-like screenshot that differs for
// every i: the clock, the title and the bubbles (count, sides, lengths,
// texts) all follow from i. It is meant for benchmarks over hundreds of
// screenshots, so its PNG compresses like a real screenshot (flat colours
// and anti-aliased text) and it draws in a few milliseconds. A size that
// is not positive means 1170x2532. It is safe to call concurrently.
func NumberedScreenshot(i int, w, h int) image.Image {
	if w <= 0 || h <= 0 {
		w, h = IPhoneWidth, IPhoneHeight
	}
	c := newCanvas(w, h, float64(w)/390, colGreyBG)
	r := splitmix(uint64(i) + 0x9E3779B97F4A7C15)
	top := c.navBar(c.statusBar(fmt.Sprintf("%d:%02d", 8+(i/60)%12, i%60), colGreyBG), fmt.Sprintf("客户%04d", i%10000), colGreyBG, true)
	y := top + c.px(16)
	y = c.message(y, "客", Message{From: Notice, Text: fmt.Sprintf("截图 #%d", i)})
	limit := h - c.px(100)
	for y < limit {
		from := Peer
		if r.next()%2 == 0 {
			from = Me
		}
		var m Message
		switch k := r.next() % 8; {
		case k == 0:
			m = Message{From: Notice, Text: fmt.Sprintf("%02d:%02d", r.next()%24, r.next()%60)}
		case k == 1 && from == Me:
			m = Message{From: Me, Transfer: fmt.Sprintf("¥%d.%02d", 1+r.next()%9999, r.next()%100), Text: "已被接收", Accepted: r.next()%2 == 0}
		default:
			text := phrases[r.next()%uint64(len(phrases))]
			if r.next()%3 == 0 {
				text += phrases[r.next()%uint64(len(phrases))]
			}
			m = Message{From: from, Text: text}
		}
		y = c.message(y, "客", m)
	}
	c.inputBar()
	c.homeIndicator()
	return c.img
}

// splitmix is SplitMix64, a tiny deterministic generator whose sequence
// is fixed by its algorithm, not by a library version.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9E3779B97F4A7C15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
