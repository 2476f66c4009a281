package templates

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/internal/money"
)

// addBill adds a bill export as the next exhibit, parsed as the pipeline
// parses it.
func (f *fixture) addBill(rel string, data []byte) *Exhibit {
	f.t.Helper()
	b, err := bill.Parse(data)
	if err != nil {
		f.t.Fatalf("ParseBill %s: %v", rel, err)
	}
	e := f.add(rel, data, evidence.KindBill, "text/csv", "微信支付账单", "账单记载向张三转账",
		evidence.Meta{Rows: len(b.Rows), Provider: b.Provider})
	e.Item.Bill = b
	e.Source = "微信支付“账单—下载账单”导出"
	return e
}

func readBill(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "evidence", "bill", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// caseTxn makes the dossier's transactions: one payment of case.yaml with
// the given ID and counterparty.
func caseTxn(d *Dossier, id, counterparty string) {
	d.Transactions = []Transaction{{ID: id, Platform: "wechat", Form: "valid", Amount: money.Fen(500000),
		Direction: "out", Counterparty: counterparty, Disputed: true, FromCase: true}}
}

func TestBillExhibitSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "evidence", "bill", "testdata", "*.csv"))
	if err != nil || len(files) < 5 {
		t.Fatalf("bill samples: %v %v", files, err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		data := readBill(t, name)
		if _, err := bill.Parse(data); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			e := f.addBill("exports/"+name, data)
			d := f.finish()
			b := e.Item.Bill
			text, _, _ := exhibitPages(t, d, 1)
			got := flat(text)
			for _, w := range []string{"账单概况", "账单明细", "交易单号", b.Layout, fmt.Sprintf("交易笔数%d", len(b.Rows))} {
				if !strings.Contains(got, flat(w)) {
					t.Errorf("the exhibit lacks %q", w)
				}
			}
			for i, r := range b.Rows {
				if r.TxnID != "" && !strings.Contains(text, r.TxnID) {
					t.Errorf("row %d: ID %s is not in the exhibit on one line", i, r.TxnID)
				}
				if !strings.Contains(text, r.Amount.Grouped()) {
					t.Errorf("row %d: amount %s is not in the exhibit", i, r.Amount.Grouped())
				}
			}
			if strings.Contains(got, "另有") {
				t.Errorf("a short bill is shortened")
			}
		})
	}
}

func TestBillExhibitHighlight(t *testing.T) {
	f := newFixture(t)
	f.addBill("exports/微信支付账单.csv", readBill(t, "wechat-2025.csv"))
	d := f.finish()
	const id = "4200002345202503045678901234"
	caseTxn(d, id, "张三")
	text, pdf, path := exhibitPages(t, d, 1)
	saveOut(t, pdf)
	again, _ := render(t, d)
	if !bytes.Equal(pdf, again) {
		t.Fatalf("two renderings differ")
	}
	if out, err := exec.Command(needTool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	got := flat(text)
	for _, w := range []string{"微信支付", "wechat-csv", "李明", "2025-03-0100:00:00至2025-03-3123:59:59",
		"支出合计3笔，¥5,000.30", "收入合计1笔，¥8.88", "不计收支1笔，¥100.10",
		"★交易单号与本案交易一致：1行；◆交易对方一致：1行"} {
		if !strings.Contains(got, flat(w)) {
			t.Errorf("the exhibit lacks %q", w)
		}
	}
	// The marks stand on the rows: the case's payment by ID, the
	// transfer to 张三 by counterparty.
	for _, ln := range strings.Split(text, "\n") {
		switch {
		case strings.Contains(ln, id) && !strings.Contains(ln, "★"):
			t.Errorf("the case's row is not marked ★: %q", ln)
		case strings.Contains(ln, "1000050001202503030123456789012") && !strings.Contains(ln, "◆"):
			t.Errorf("the row of 张三 is not marked ◆: %q", ln)
		case strings.Contains(ln, "4200002345202503031234567890") && strings.ContainsAny(ln, "★◆"):
			t.Errorf("an unrelated row is marked: %q", ln)
		}
	}
	// Without FromCase the ID marks nothing.
	d.Transactions[0].FromCase = false
	d.Respondent.Name = "王五"
	text, _, _ = exhibitPages(t, d, 1)
	for _, ln := range strings.Split(text, "\n") {
		if strings.Contains(ln, id) && strings.Contains(ln, "★") {
			t.Errorf("a transaction not from case.yaml is marked: %q", ln)
		}
	}
	if !strings.Contains(flat(text), "◆交易对方一致：1行") {
		t.Errorf("the respondent 王五 is not matched on the counterparty")
	}
}

// longBill writes a WeChat CSV bill of n rows, newest first as WeChat
// writes them; row i has ID 4200002345202511<dd><14 digits of i>.
func longBill(n int) ([]byte, []string) {
	var b strings.Builder
	b.WriteString("\ufeff微信支付账单明细,,,,,,,,,,\r\n微信昵称：[李明],,,,,,,,,,\r\n")
	b.WriteString("----------------------微信支付账单明细列表--------------------,,,,,,,,,,\r\n")
	b.WriteString("交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\r\n")
	var ids []string
	start := time.Date(2025, 11, 30, 20, 0, 0, 0, time.UTC)
	for i := range n {
		tm := start.Add(-time.Duration(i) * 2 * time.Hour)
		id := fmt.Sprintf("42000023452025%s%014d", tm.Format("0102"), i)
		ids = append(ids, id)
		party, goods := fmt.Sprintf("商户%03d", i), "日用品"
		if i == 150 {
			party, goods = "张三", "转账备注:微信转账"
		}
		fmt.Fprintf(&b, "%s,商户消费,%s,%s,支出,¥%d.%02d,零钱,支付成功,%s\t,/\t,/\r\n",
			tm.Format("2006-01-02 15:04:05"), party, goods, 10+i, i%100, id)
	}
	return []byte(b.String()), ids
}

func TestBillExhibitLong(t *testing.T) {
	data, ids := longBill(300)
	f := newFixture(t)
	e := f.addBill("exports/long.csv", data)
	if len(e.Item.Bill.Rows) != 300 {
		t.Fatalf("%d rows parsed", len(e.Item.Bill.Rows))
	}
	d := f.finish()
	caseTxn(d, ids[200], "李四")
	text, pdf, _ := exhibitPages(t, d, 1)
	saveOut(t, pdf)
	got := flat(text)
	// Shown: rows 0–4, 147–153 (张三 at 150), 197–203 (the case's ID).
	shown := 5 + 7 + 7
	for _, w := range []string{
		fmt.Sprintf("另有%d行未列出，见原件data/exports/long.csv", 300-shown),
		fmt.Sprintf("账单共300行，以下列出前几行以及与本案有关的行和其前后各几行，共%d行。", shown),
		"……此处略去142行", "……此处略去43行", "……此处略去96行",
	} {
		if !strings.Contains(got, flat(w)) {
			t.Errorf("the exhibit lacks %q", w)
		}
	}
	for i, id := range ids {
		want := i < 5 || i >= 147 && i <= 153 || i >= 197 && i <= 203
		if strings.Contains(text, id) != want {
			t.Errorf("row %d (%s): shown = %v, want %v", i, id, !want, want)
		}
	}

	// English.
	d.Lang = "en"
	text, _, _ = exhibitPages(t, d, 1)
	got = strings.Join(strings.Fields(text), " ")
	for _, w := range []string{fmt.Sprintf("%d more rows not listed; see the original data/exports/long.csv", 300-shown),
		"rows left out here", "Transaction ID", ids[200]} {
		if !strings.Contains(got, w) {
			t.Errorf("the English exhibit lacks %q", w)
		}
	}
}

func TestBillKeep(t *testing.T) {
	mark := func(n int, at ...int) []int {
		m := make([]int, n)
		for _, i := range at {
			m[i] = billTxn
		}
		return m
	}
	shown := func(keep []bool) []int {
		var s []int
		for i, k := range keep {
			if k {
				s = append(s, i)
			}
		}
		return s
	}
	seq := func(a, b int) []int {
		var s []int
		for i := a; i <= b; i++ {
			s = append(s, i)
		}
		return s
	}
	for _, tc := range []struct {
		name  string
		marks []int
		want  []int
	}{
		{"short bill whole", mark(40, 3), seq(0, 39)},
		{"no mark", mark(41), seq(0, 19)},
		{"mark at the end", mark(100, 99), append(seq(0, 4), seq(96, 99)...)},
		{"mark in the head", mark(100, 2), seq(0, 5)},
		{"two marks", mark(100, 50, 60), append(append(seq(0, 4), seq(47, 53)...), seq(57, 63)...)},
	} {
		if got := shown(billKeep(tc.marks)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: shown %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPartyMatches(t *testing.T) {
	for _, tc := range []struct {
		cp    string
		names []string
		want  bool
	}{
		{"张三", []string{"张三"}, true},
		{" 张三 ", []string{"张三"}, true},
		{"张三(zhangsan_1988)", []string{"张三"}, true},
		{"张三丰", []string{"张三"}, true},
		{"**三", []string{"张三"}, false},
		{"三", []string{"三"}, true},
		{"王三", []string{"三"}, false},
		{"", []string{"张三"}, false},
		{"张三", nil, false},
	} {
		if got := partyMatches(tc.cp, tc.names); got != tc.want {
			t.Errorf("partyMatches(%q, %q) = %v", tc.cp, tc.names, got)
		}
	}
}
