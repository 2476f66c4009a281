package ocr

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/casebundle/casebundle/internal/money"
)

// w makes a word at x, y of height 48 and width proportional to its text.
func w(text string, x, y int) Word {
	n := len([]rune(text))
	return Word{Text: text, Conf: 90, Box: Box{X: x, Y: y, W: 30 * n, H: 48}}
}

func fieldMap(fs []Field) map[string]Field {
	m := map[string]Field{}
	for _, f := range fs {
		if _, ok := m[f.Name]; !ok {
			m[f.Name] = f
		}
	}
	return m
}

func TestFindFieldsWrappedTransferID(t *testing.T) {
	words := []Word{
		w("待张三收款", 420, 400),
		{Text: "¥5,000.00", Conf: 95, Box: Box{X: 380, Y: 500, W: 400, H: 110}},
		w("转账时间", 84, 800), w("2025年11月3日", 354, 800), w("14:05:12", 700, 800),
		w("转账单号", 84, 950), w("100005000120251103012345", 354, 950),
		w("6789012345", 354, 1020),
		w("14:06", 90, 60),
	}
	// Stretch the first ID line to the page's right edge.
	words[6].Box.W = 1086 - 354
	fs := fieldMap(FindFields(words, KindWeChatTransfer))
	id := fs[FieldTransferID]
	if id.Value != "1000050001202511030123456789012345" || !id.Joined || id.Form.Form != FormValid {
		t.Errorf("transfer ID: %+v", id)
	}
	if a := fs[FieldAmount]; a.Fen == nil || *a.Fen != 500000 {
		t.Errorf("amount: %+v", a)
	}
	if tm := fs[FieldTime]; tm.Value != "2025-11-03 14:05:12" || tm.Time.ZoneKnown {
		t.Errorf("time: %+v", tm)
	}
	if c := fs[FieldCounterparty]; c.Value != "张三" {
		t.Errorf("counterparty: %+v", c)
	}
}

func TestFindFieldsNoJoinOfValidID(t *testing.T) {
	words := []Word{
		w("交易单号", 84, 950), w("4200002345202511031234567890", 354, 950),
		w("8888", 354, 1010),
	}
	words[1].Box.W = 1086 - 354
	fs := fieldMap(FindFields(words, KindWeChatBill))
	if id := fs[FieldTransactionID]; id.Value != "4200002345202511031234567890" || id.Joined {
		t.Errorf("a valid 交易单号 was joined with the next line: %+v", id)
	}
}

func TestFindFieldsInvalidKept(t *testing.T) {
	// A dropped digit: kept as read, marked invalid, never padded.
	words := []Word{w("交易单号", 84, 950), w("420000234520251103123456789", 354, 950)}
	id := fieldMap(FindFields(words, KindWeChatBill))[FieldTransactionID]
	if id.Value != "420000234520251103123456789" || id.Form.Form != FormInvalid || id.Form.Reason == "" {
		t.Errorf("got %+v %+v", id, id.Form)
	}
}

func TestFindFieldsMergesPasses(t *testing.T) {
	// Pass 0 misreads the label; pass 1 reads it but drops a digit.
	p0 := []Word{w("RABS", 84, 950), w("4200002345202511031234567890", 354, 950)}
	p1 := []Word{w("交易单号", 84, 952), w("420000234520251103123456789", 354, 952)}
	for i := range p1 {
		p1[i].Pass = 1
	}
	id := fieldMap(FindFields(append(p0, p1...), KindWeChatBill))[FieldTransactionID]
	if id.Value != "4200002345202511031234567890" || id.Pass != 0 || id.Form.Form != FormValid {
		t.Errorf("got %+v", id)
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in   string
		want money.Fen
		ok   bool
	}{
		{"¥5,000.00", 500000, true},
		{"-5,000.00", -500000, true},
		{"一5,000.00", -500000, true},
		{"+0.01", 1, true},
		{"5.000.00", 500000, true},
		{"-1,234,567.89", -123456789, true},
		{"12.5", 0, false},
	}
	for _, c := range cases {
		got, ok := parseAmount(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseAmount(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestAmountSignApart(t *testing.T) {
	// An icon read as 一 well left of the digits is not a minus sign.
	words := []Word{
		{Text: "一", Conf: 40, Box: Box{X: 100, Y: 500, W: 40, H: 60}},
		{Text: "¥5,000.00", Conf: 95, Box: Box{X: 300, Y: 500, W: 300, H: 60}},
	}
	a := fieldMap(FindFields(words, KindChat))[FieldAmount]
	if a.Fen == nil || *a.Fen != 500000 {
		t.Errorf("got %+v", a)
	}
	words[0].Box.X = 250 // touching: a minus
	a = fieldMap(FindFields(words, KindWeChatBill))[FieldAmount]
	if a.Fen == nil || *a.Fen != -500000 {
		t.Errorf("touching 一: got %+v", a)
	}
}

func TestFindTime(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2025年11月3日 14:05:12", "2025-11-03 14:05:12"},
		{"2025 年 11 月 3 日 14:05", "2025-11-03 14:05"},
		{"2025-11-03 14:05:12", "2025-11-03 14:05:12"},
		{"2025/11/3 9:05", "2025-11-03 09:05"},
		{"11月3日 14:05", "11-03 14:05"},
		{"2025-02-30 14:05", ""},
		{"2025-11-03 25:05", ""},
		{"20254F11A14 14:05", ""},
	}
	for _, c := range cases {
		got, _, _, ok := findTime(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("findTime(%q) = %v, want none", c.in, got)
			}
			continue
		}
		if !ok || got.String() != c.want || got.ZoneKnown {
			t.Errorf("findTime(%q) = %v %v, want %s", c.in, got, ok, c.want)
		}
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		words []Word
		want  Kind
	}{
		{[]Word{w("账单详情", 400, 100), w("交易单号", 84, 900), w("商户单号", 84, 1000)}, KindWeChatBill},
		{[]Word{w("账单详情", 400, 100), w("订单号", 84, 900), w("商家订单号", 84, 1000)}, KindAlipayBill},
		{[]Word{w("转账结果", 400, 100), w("交易流水号", 84, 900)}, KindBankTransfer},
		{[]Word{w("待张三收款", 400, 300), w("转账单号", 84, 900)}, KindWeChatTransfer},
		{[]Word{w("张三", 540, 100), w("11月3日 14:05", 390, 300), w("转账", 200, 500)}, KindChat},
		{[]Word{w("你好", 84, 900)}, KindOther},
	}
	for i, c := range cases {
		// Give the chat a right margin so that its stamp is centred.
		if c.want == KindChat {
			c.words = append(c.words, w("x", 1100, 20), w("x", 20, 20))
		}
		got, why := Classify(c.words)
		if got != c.want || why == "" {
			t.Errorf("case %d: got %s (%s), want %s", i, got, why, c.want)
		}
	}
}

func encodePNGForTest(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
