package ocr

import (
	"fmt"
	"strings"
)

// Kind is the kind of page a screenshot shows.
type Kind string

// The kinds of page. The values are stable: manifest.json records them.
const (
	KindWeChatTransfer Kind = "wechat_transfer"    // 转账详情, 待对方收款, 已收款, 转账成功
	KindWeChatBill     Kind = "wechat_bill_detail" // 微信支付 账单详情 with 交易单号/商户单号
	KindAlipayBill     Kind = "alipay_bill_detail" // 支付宝 账单详情 with 订单号/商家订单号
	KindBankTransfer   Kind = "bank_transfer"      // 转账结果, 电子回单, 交易流水号
	KindChat           Kind = "chat"               // a conversation: title bar, bubbles, time stamps
	KindOther          Kind = "other"
)

// cue is a text whose presence points to a kind.
type cue struct {
	text   string
	kind   Kind
	weight int
}

// cues are matched against the rows of every pass with spaces removed.
// Weights: 3 a label only that kind of page has, 2 a strong hint, 1 weak.
var cues = []cue{
	{"支付宝", KindAlipayBill, 3},
	{"商家订单号", KindAlipayBill, 3},
	{"收款方全称", KindAlipayBill, 2},
	{"付款方式", KindAlipayBill, 2},
	{"商品说明", KindAlipayBill, 2},
	{"交易成功", KindAlipayBill, 1},
	{"花呗", KindAlipayBill, 1},
	{"余额宝", KindAlipayBill, 1},

	{"账单详情", KindWeChatBill, 1},
	{"交易单号", KindWeChatBill, 3},
	{"商户单号", KindWeChatBill, 3},
	{"当前状态", KindWeChatBill, 2},
	{"收单机构", KindWeChatBill, 2},
	{"商户全称", KindWeChatBill, 2},
	{"支付方式", KindWeChatBill, 1},

	{"转账结果", KindBankTransfer, 3},
	{"电子回单", KindBankTransfer, 3},
	{"交易流水号", KindBankTransfer, 3},
	{"回单", KindBankTransfer, 2},
	{"收款账号", KindBankTransfer, 2},
	{"收款银行", KindBankTransfer, 2},
	{"付款账户", KindBankTransfer, 2},
	{"流水号", KindBankTransfer, 1},
	{"附言", KindBankTransfer, 1},

	{"转账详情", KindWeChatTransfer, 3},
	{"转账单号", KindWeChatTransfer, 2},
	{"确认收款", KindWeChatTransfer, 2},
	{"已收款", KindWeChatTransfer, 1},
	{"转账成功", KindWeChatTransfer, 1},
	{"转账时间", KindWeChatTransfer, 1},
	{"收款时间", KindWeChatTransfer, 1},
	{"零钱", KindWeChatTransfer, 1},
}

// Classify says which kind of page the words come from, and why. It uses
// the labels a page of each kind carries; a chat is recognised by its
// layout instead: time stamps centred between bubbles and a centred title
// at the top, with no label column.
func Classify(words []Word) (Kind, string) {
	rows := buildRows(words)
	return classifyRows(rows)
}

func classifyRows(rows []row) (Kind, string) {
	score := map[Kind]int{}
	why := map[Kind][]string{}
	seen := map[string]bool{}
	for _, r := range rows {
		for _, c := range cues {
			if seen[c.text] || !strings.Contains(r.compact, c.text) {
				continue
			}
			// A shorter cue inside a longer one already counted (回单 in 电子回单,
			// 流水号 in 交易流水号) adds nothing.
			if c.text == "回单" && seen["电子回单"] || c.text == "流水号" && seen["交易流水号"] {
				continue
			}
			seen[c.text] = true
			score[c.kind] += c.weight
			why[c.kind] = append(why[c.kind], c.text)
		}
	}
	if n := chatStamps(rows); n > 0 && !seen["账单详情"] {
		score[KindChat] += 2 + 2*n
		why[KindChat] = append(why[KindChat], fmt.Sprintf("%d centred time stamps", n))
	}
	// A chat has no column of labels; a transfer bubble carries 转账 or
	// 已收款 alone on its last line. With at most one label line, a bubble
	// note makes it a chat whatever the bubbles say (an ID pasted into a
	// message brings its label along).
	if notes := bubbleNotes(rows); notes > 0 && labelLines(rows) <= 1 && !seen["账单详情"] && !seen["转账详情"] {
		score[KindChat] += 6
		why[KindChat] = append(why[KindChat], "transfer bubble, no label column")
	}
	best, bestScore := KindOther, 0
	for _, k := range []Kind{KindChat, KindAlipayBill, KindBankTransfer, KindWeChatBill, KindWeChatTransfer} {
		if score[k] > bestScore {
			best, bestScore = k, score[k]
		}
	}
	if best == KindOther {
		return KindOther, "no label of a payment page and no chat layout"
	}
	return best, strings.Join(why[best], ", ")
}

// chatStamps counts the rows that look like a chat's time stamps: a time
// alone on its row, centred, with no label before it (one pass only, the
// first that has any, so that two passes do not count twice).
func chatStamps(rows []row) int {
	left, right := pageExtent(rows)
	centre2 := left + right
	counts := map[int]int{}
	for _, r := range rows {
		if !isTimeOnly(r.spaced(0)) {
			continue
		}
		if abs(r.box.X+r.box.Right()-centre2) <= (right-left)/10 {
			counts[r.pass]++
		}
	}
	for p := 0; p < 4; p++ {
		if counts[p] > 0 {
			return counts[p]
		}
	}
	return 0
}

// pageExtent estimates the page's left and right edges from the words: the
// text of a phone page reaches close to both margins.
func pageExtent(rows []row) (int, int) {
	left, right := -1, 0
	for _, r := range rows {
		if left < 0 || r.box.X < left {
			left = r.box.X
		}
		right = max(right, r.box.Right())
	}
	return max(left, 0), right
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// bubbleNotes counts the rows that are only a transfer bubble's note.
func bubbleNotes(rows []row) int {
	n := 0
	for _, r := range rows {
		switch strings.Trim(r.compact, junk) {
		case "转账", "已收款", "已被接收", "已退还", "微信转账":
			n++
		}
	}
	return n
}

// labelLines counts the lines (of the pass with most) that start with a
// field label.
func labelLines(rows []row) int {
	f := &finder{rows: rows}
	per := map[int]int{}
	best := 0
	for _, h := range f.labelHits() {
		per[rows[h.row].pass]++
		best = max(best, per[rows[h.row].pass])
	}
	return best
}
