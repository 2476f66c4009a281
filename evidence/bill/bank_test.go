package bill

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// bankExport is what one bank export in testdata must give. The sums are
// worked out by hand from the rows gen.go writes, not from the parser.
type bankExport struct {
	file            string
	bank, card      string
	account         string
	rows            int
	in, out         money.Fen // sums of the rows of each direction
	first, last     string    // time of the first and last row, "2006-01-02 15:04:05" UTC+8
	firstID, lastID string
	firstCP, lastCP string // counterparty
	currency        string // of the first row
	start, end      string // the period
	gbk             bool   // the file is GBK, not UTF-8
}

var bankExports = []bankExport{
	{file: "bank-icbc-debit.csv", bank: "ICBC", account: "6222****1234", rows: 5, in: 923560, out: 501340,
		first: "2024-01-28 00:00:00", last: "2024-01-05 00:00:00",
		firstCP: "深圳市财付通支付科技有限公司", lastCP: "深圳市财付通支付科技有限公司", currency: "CNY",
		start: "2024-01-05 00:00:00", end: "2024-01-28 00:00:00", gbk: true},
	{file: "bank-icbc-debit-v2.csv", bank: "ICBC", account: "6222****9876", rows: 4, in: 30035, out: 2005680,
		first: "2024-03-18 00:00:00", last: "2024-03-01 00:00:00", firstCP: "张三", lastCP: "个人活期结息", currency: "CNY",
		start: "2024-03-01 00:00:00", end: "2024-03-18 00:00:00"},
	{file: "bank-icbc-credit.csv", bank: "ICBC", account: "6212****5678", rows: 5, in: 462101, out: 5981,
		first: "2024-04-22 00:00:00", last: "2024-03-20 00:00:00", firstCP: "某某旗舰店", lastCP: "某某联合电子收费股份", currency: "CNY",
		start: "2024-03-20 00:00:00", end: "2024-05-05 00:00:00"},
	{file: "bank-boc-gbk.csv", bank: "BOC", card: "debit", rows: 4, in: 20000, out: 500030,
		first: "2025-11-03 14:05:00", last: "2025-11-28 20:00:00", firstCP: "张三", lastCP: "王五", currency: "CNY",
		start: "2025-11-03 14:05:00", end: "2025-11-28 20:00:00", gbk: true},
	{file: "bank-boc-credit.csv", bank: "BOC", card: "credit", rows: 5, in: 7049, out: 52204,
		first: "2024-12-13 00:00:00", last: "2024-12-22 00:00:00", currency: "CNY",
		start: "2024-12-13 00:00:00", end: "2024-12-24 00:00:00", gbk: true},
	{file: "bank-bocom-debit.csv", bank: "BOCOM", rows: 5, in: 1123, out: 540079,
		first: "2024-02-01 00:00:00", last: "2024-02-06 11:30:54", firstCP: "应付个人活期储蓄存款利息", lastCP: "网上国网",
		start: "2024-02-01 00:00:00", end: "2024-02-06 11:30:54", gbk: true},
	{file: "bank-bocom-credit.csv", bank: "BOCOM", card: "credit", rows: 6, in: 78978, out: 5985,
		first: "2025-01-10 00:00:00", last: "2025-01-29 00:00:00", currency: "CNY",
		start: "2025-01-10 00:00:00", end: "2025-01-29 00:00:00"},
	{file: "bank-cmb.csv", bank: "CMB", rows: 4, in: 200000, out: 500030,
		first: "2025-11-01 00:00:00", last: "2025-11-05 00:00:00", firstCP: "王五 6214830000000001", lastCP: "某某超市", currency: "CNY",
		start: "2025-11-01 00:00:00", end: "2025-11-05 00:00:00"},
	{file: "bank-cmb-debit.csv", bank: "CMB", account: "一卡通:6214********1234 人民币活期", rows: 4, in: 800000, out: 603550,
		first: "2024-01-03 09:15:02", last: "2024-01-20 18:45:10",
		start: "2024-01-01 00:00:00", end: "2024-01-31 23:59:59", gbk: true},
	{file: "bank-cmb-flow.csv", bank: "CMB", account: "6214830000001234", rows: 5, in: 123400, out: 601314,
		first: "2024-01-01 00:00:00", last: "2024-01-27 00:00:00",
		firstCP: "北京住房公积金管理中心1111111111", lastCP: "国网电力有限公司99999999999999", currency: "CNY",
		start: "2024-01-01 00:00:00", end: "2024-01-31 23:59:59"},
	{file: "bank-cmb-credit.csv", bank: "CMB", card: "credit", rows: 6, in: 35080, out: 935578,
		first: "2023-12-29 00:00:00", last: "2024-01-08 00:00:00",
		start: "2023-12-29 00:00:00", end: "2024-01-08 00:00:00", gbk: true},
	{file: "bank-ccb-debit.csv", bank: "CCB", account: "6217000010001234567", rows: 4, in: 300052, out: 502500,
		first: "2024-01-03 00:00:00", last: "2024-01-21 00:00:00", currency: "CNY",
		start: "2024-01-01 00:00:00", end: "2024-01-31 23:59:59"},
	{file: "bank-ccb-detail.csv", bank: "CCB", account: "6217000010007654321", rows: 4, in: 850000, out: 512990,
		first: "2025-01-03 09:12:45", last: "2025-01-14 23:59:59", firstCP: "某某超市", lastCP: "财付通-某某会员", currency: "CNY",
		start: "2025-01-03 09:12:45", end: "2025-01-14 23:59:59", gbk: true},
	{file: "bank-abc-debit.csv", bank: "ABC", rows: 5, in: 1000001, out: 235589,
		first: "2024-01-01 12:34:56", last: "2024-01-04 00:00:00", firstID: "369396693", lastID: "0000000000", firstCP: "王五",
		start: "2024-01-01 12:34:56", end: "2024-01-04 00:00:00"},
	{file: "bank-hsbchk-debit.csv", bank: "HSBC", rows: 6, in: 1300545, out: 17650,
		first: "2025-03-24 00:00:00", last: "2025-03-01 00:00:00", currency: "HKD",
		start: "2025-03-01 00:00:00", end: "2025-03-24 00:00:00"},
	{file: "bank-hsbchk-credit.csv", bank: "HSBC", card: "credit", rows: 6, in: 329116, out: 132454,
		first: "2025-04-09 00:00:00", last: "2025-03-20 00:00:00", firstCP: "UNIONPAY MERCHANT", lastCP: "KFC RESTAURANT", currency: "CNY",
		start: "2025-03-20 00:00:00", end: "2025-04-09 00:00:00"},
	{file: "bank-bochk-debit.csv", bank: "BOCHK", account: "012-345-6-789012-3", rows: 4, in: 2000123, out: 550000,
		first: "2025-03-03 00:00:00", last: "2025-03-28 00:00:00", currency: "HKD",
		start: "2025-03-01 00:00:00", end: "2025-03-31 23:59:59"},
	{file: "bank-flag-generic.csv", account: "6230580000001234567", rows: 3, in: 20000, out: 500010,
		first: "2024-01-05 10:30:00", last: "2024-01-07 19:20:30", firstID: "HQP20240105103000001A", lastID: "HQP20240107192030003C",
		firstCP: "张三", lastCP: "某某超市", start: "2024-01-01 00:00:00", end: "2024-01-31 23:59:59"},
	{file: "bank-debit-credit.csv", account: "6222020000000002", rows: 4, in: 20000, out: 500030,
		first: "2025-11-03 14:05:00", last: "2025-11-28 20:00:00", firstID: "2025110314050012345", lastID: "2025112820000012348",
		firstCP: "张三", lastCP: "王五", start: "2025-11-01 00:00:00", end: "2025-11-30 23:59:59"},
}

// TestParseBankExports reads every bank export in testdata and checks the
// bank, card, account, row count, the sums in and out in fen, the first
// and last row, and the period; no row may be skipped. A bank file in
// testdata without an entry here fails the test.
func TestParseBankExports(t *testing.T) {
	listed := map[string]bool{"bank-unknown-layout.csv": true}
	for _, c := range bankExports {
		listed[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			data := billTestFile(t, c.file)
			if isGBK := !bytes.Equal(data, bytes.ToValidUTF8(data, nil)); isGBK != c.gbk {
				t.Errorf("file is GBK: %v, want %v", isGBK, c.gbk)
			}
			b, err := Parse(data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if b.Provider != "bank" || b.Layout != "bank-csv" || b.Bank != c.bank || b.Card != c.card || b.Account != c.account {
				t.Errorf("provider, layout, bank, card, account = %q, %q, %q, %q, %q; want bank, bank-csv, %q, %q, %q",
					b.Provider, b.Layout, b.Bank, b.Card, b.Account, c.bank, c.card, c.account)
			}
			if len(b.Rows) != c.rows || b.Skipped != 0 {
				t.Fatalf("rows, skipped = %d, %d; want %d, 0", len(b.Rows), b.Skipped, c.rows)
			}
			var in, out money.Fen
			for _, r := range b.Rows {
				switch r.Direction {
				case "in":
					in += r.Amount
				case "out":
					out += r.Amount
				}
				if r.Time.Location() != tz.Shanghai {
					t.Errorf("line %d: zone %v", r.Line, r.Time.Location())
				}
			}
			if in != c.in || out != c.out {
				t.Errorf("in, out = %s, %s; want %s, %s", in, out, c.in, c.out)
			}
			first, last := b.Rows[0], b.Rows[len(b.Rows)-1]
			if got := first.Time.Format(time.DateTime); got != c.first {
				t.Errorf("first time = %s, want %s", got, c.first)
			}
			if got := last.Time.Format(time.DateTime); got != c.last {
				t.Errorf("last time = %s, want %s", got, c.last)
			}
			if first.TxnID != c.firstID || last.TxnID != c.lastID {
				t.Errorf("IDs = %q, %q; want %q, %q", first.TxnID, last.TxnID, c.firstID, c.lastID)
			}
			if first.Counterparty != c.firstCP || last.Counterparty != c.lastCP {
				t.Errorf("counterparties = %q, %q; want %q, %q", first.Counterparty, last.Counterparty, c.firstCP, c.lastCP)
			}
			if first.Currency != c.currency {
				t.Errorf("currency = %q, want %q", first.Currency, c.currency)
			}
			if got := b.Start.Format(time.DateTime) + " / " + b.End.Format(time.DateTime); got != c.start+" / "+c.end {
				t.Errorf("period = %s, want %s / %s", got, c.start, c.end)
			}
		})
	}
	names, _ := filepath.Glob(filepath.Join("testdata", "bank-*.csv"))
	for _, n := range names {
		if !listed[filepath.Base(n)] {
			t.Errorf("%s has no expected results in bankExports", n)
		}
	}
	if len(bankExports) < 14 {
		t.Errorf("%d bank exports, want at least 14", len(bankExports))
	}
}

// TestParseBankRowDetails pins the fields of single rows that the table
// above does not: direction flags, posting date fallback, currencies.
func TestParseBankRowDetails(t *testing.T) {
	parse := func(name string) *Bill {
		t.Helper()
		b, err := Parse(billTestFile(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b
	}
	// CMB credit: a repayment has no 交易日; the 记账日 12/29 of the January
	// 2024 statement is in 2023; spending is positive, repayments negative.
	cmb := parse("bank-cmb-credit.csv")
	if r := cmb.Rows[0]; r.Direction != "in" || r.Amount != 123 || !r.Time.Equal(time.Date(2023, 12, 29, 0, 0, 0, 0, tz.Shanghai)) {
		t.Errorf("cmb credit row 1 = %+v", r)
	}
	if r := cmb.Rows[4]; r.Direction != "out" || r.Amount != 800000 || r.Type != "中国移动" {
		t.Errorf("cmb credit row 5 = %+v", r)
	}
	// BOCOM debit: 借 Dr / 贷 Cr with unsigned amounts; the counterparty's account.
	bocom := parse("bank-bocom-debit.csv")
	if r := bocom.Rows[3]; r.Direction != "out" || r.Amount != 500000 || r.Counterparty != "张三" || r.CounterAccount != "6222020000000002" {
		t.Errorf("bocom debit row 4 = %+v", r)
	}
	// BOCOM credit: the settled amount in CNY, not the USD of the purchase.
	if r := parse("bank-bocom-credit.csv").Rows[4]; r.Amount != 3612 || r.Currency != "CNY" || r.Direction != "out" {
		t.Errorf("bocom credit row 5 = %+v", r)
	}
	// BOC credit: a USD row keeps its currency.
	if r := parse("bank-boc-credit.csv").Rows[4]; r.Currency != "USD" || r.Amount != 372 || r.Direction != "out" {
		t.Errorf("boc credit row 5 = %+v", r)
	}
	// HSBC HK credit: the Credit / Debit column; a CNY card row billed in HKD.
	hsbc := parse("bank-hsbchk-credit.csv")
	if r := hsbc.Rows[2]; r.Currency != "HKD" || r.Direction != "out" || r.Amount != 2790 || r.Status != "POSTED" {
		t.Errorf("hsbc credit row 3 = %+v", r)
	}
	if r := hsbc.Rows[3]; r.Direction != "in" || r.Amount != 2500 {
		t.Errorf("hsbc credit row 4 = %+v", r)
	}
	// ABC: 利息税 of +0.00 is a row without direction; the date and the
	// time of day in separate columns.
	abc := parse("bank-abc-debit.csv")
	if r := abc.Rows[4]; r.Amount != 0 || r.Direction != "" || r.Type != "利息税" {
		t.Errorf("abc row 5 = %+v", r)
	}
	// The generic 收/支 export: serial numbers with letters, padded cells.
	g := parse("bank-flag-generic.csv")
	if r := g.Rows[1]; r.TxnID != "HQP20240106080001002B" || r.Direction != "in" || r.Note != "还款" || r.Counterparty != "王五" {
		t.Errorf("generic row 2 = %+v", r)
	}
}

// TestParseBankUnknownLayout: a statement whose columns no layout places
// is a LayoutError naming them, which is still ErrNotBill.
func TestParseBankUnknownLayout(t *testing.T) {
	_, err := Parse(billTestFile(t, "bank-unknown-layout.csv"))
	var le *LayoutError
	if !errors.As(err, &le) || !errors.Is(err, ErrNotBill) {
		t.Fatalf("Parse = %v, want a LayoutError", err)
	}
	if got := strings.Join(le.Columns, ","); got != "日期,对方,变动金额,余额,说明" || le.Line != 2 {
		t.Errorf("columns %q at line %d", got, le.Line)
	}
	// A table that is not a statement at all stays plain ErrNotBill.
	if _, err := Parse(billTestFile(t, "not-a-bill.csv")); errors.As(err, &le) || !errors.Is(err, ErrNotBill) {
		t.Errorf("not-a-bill = %v", err)
	}
}

func TestBankAmount(t *testing.T) {
	cv := converter{}
	for _, c := range []struct {
		in        string
		want      money.Fen
		cur, crdr string
	}{
		{"CNY 123.18", 12318, "CNY", ""},
		{"8,000.00(CN)", 800000, "", ""},
		{"-3.90(CN)", -390, "", ""},
		{"+1,234.00", 123400, "", ""},
		{"-50.00", -5000, "", ""},
		{" \t-50.00\t ", -5000, "", ""},
		{"RMB 12.00", 1200, "CNY", ""},
		{"12.00 RMB", 1200, "CNY", ""},
		{"人民币 12.00", 1200, "CNY", ""},
		{"12.00元", 1200, "CNY", ""},
		{"HKD 1,000.00", 100000, "HKD", ""},
		{"HK$1,000.00", 100000, "HKD", ""},
		{"USD -5.00", -500, "USD", ""},
		{"1,234.00 CR", 123400, "", "in"},
		{"1,234.00DR", 123400, "", "out"},
		{"¥5000.00", 500000, "CNY", ""},
	} {
		got, cur, crdr, err := cv.bankAmount(c.in)
		if err != nil || got != c.want || cur != c.cur || crdr != c.crdr {
			t.Errorf("bankAmount(%q) = %v, %q, %q, %v; want %v, %q, %q", c.in, got, cur, crdr, err, c.want, c.cur, c.crdr)
		}
	}
	for _, s := range []string{"", "-", "CNY", "xx,yyyy.zz", "12.345", "CR", "abc"} {
		if got, _, _, err := cv.bankAmount(s); err == nil {
			t.Errorf("bankAmount(%q) = %v, want an error", s, got)
		}
	}
}

func TestBankTime(t *testing.T) {
	ref := time.Date(2024, 1, 31, 23, 59, 59, 0, tz.Shanghai)
	cv := converter{bank: &bankContext{ref: ref}}
	for _, c := range []struct {
		in       string
		dayFirst bool
		want     time.Time
	}{
		{"20240105", false, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"2024-01-05", false, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"2024/01/05", false, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"2024-01-05 10:30:00", false, time.Date(2024, 1, 5, 10, 30, 0, 0, tz.Shanghai)},
		{"01/05", false, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"12/29", false, time.Date(2023, 12, 29, 0, 0, 0, 0, tz.Shanghai)},
		{"1月5日", false, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"01-05 10:30", false, time.Date(2024, 1, 5, 10, 30, 0, 0, tz.Shanghai)},
		{"24/01/2024", true, time.Date(2024, 1, 24, 0, 0, 0, 0, tz.Shanghai)},
		{"05/01/2024", true, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"05 Jan 2024", true, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"5-Jan-24", true, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
		{"2024-01-05", true, time.Date(2024, 1, 5, 0, 0, 0, 0, tz.Shanghai)},
	} {
		if got, ok := cv.bankTime(c.in, c.dayFirst); !ok || !got.Equal(c.want) {
			t.Errorf("bankTime(%q, %v) = %v, %v; want %v", c.in, c.dayFirst, got, ok, c.want)
		}
	}
	for _, s := range []string{"", "13/29", "02/30", "Total", "32/01/2024"} {
		if got, ok := cv.bankTime(s, false); ok {
			t.Errorf("bankTime(%q) = %v, want failure", s, got)
		}
	}
	// Without a period, a date without a year cannot be placed.
	if got, ok := (converter{bank: &bankContext{}}).bankTime("01/05", false); ok {
		t.Errorf("bankTime without a year reference = %v", got)
	}
}

// TestParseBankYearFromPeriod: MM/DD dates take their year from a 起止日期
// line, and a statement that crosses the new year puts December in the
// year before.
func TestParseBankYearFromPeriod(t *testing.T) {
	s := "某某银行信用卡账单\n起止日期：2023-12-15 — 2024-01-14\n交易日,记账日,交易摘要,人民币金额,卡号末四位\n" +
		"12/20,12/21,消费 某某超市,12.50,1234\n01/10,01/11,还款,-12.50,1234\n"
	b, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 2 || !b.Rows[0].Time.Equal(time.Date(2023, 12, 20, 0, 0, 0, 0, tz.Shanghai)) ||
		!b.Rows[1].Time.Equal(time.Date(2024, 1, 10, 0, 0, 0, 0, tz.Shanghai)) || b.Rows[0].Direction != "out" || b.Rows[1].Direction != "in" {
		t.Errorf("rows = %+v", b.Rows)
	}
	// Without a year anywhere the rows cannot be placed: they are skipped,
	// not given a guessed year.
	b, err = Parse([]byte(strings.Replace(s, "起止日期：2023-12-15 — 2024-01-14", "", 1)))
	if err != nil || len(b.Rows) != 0 || b.Skipped != 2 {
		t.Errorf("without a year: %v, %+v", err, b)
	}
}

func TestParseDirectionFlags(t *testing.T) {
	for s, want := range map[string]string{"借": "out", "贷": "in", "借 Dr": "out", "贷 Cr": "in", "D": "out", "C": "in",
		"d": "out", "DEBIT": "out", "Credit": "in", "收": "in", "支": "out", "收入": "in", "支出": "out", "": "", "其他": ""} {
		if got := parseDirection(s); got != want {
			t.Errorf("parseDirection(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCSVSourcePadding(t *testing.T) {
	src := newCSVSource("a,\"-1.00\"\t,b\r\n\"x\ny\",\"say \"\"hi\"\"\" ,\"lone \" quote\"\n\"open,never closed\nnext,line\n", ',')
	var got []string
	for {
		rec, line, err := src.next()
		if err != nil {
			break
		}
		got = append(got, strings.Join(rec, "|")+"@"+string(rune('0'+line)))
	}
	want := []string{"a|-1.00|b@1", "x\ny|say \"hi\"|lone \" quote@2", "\"open|never closed@4", "next|line@5"}
	if strings.Join(got, " ; ") != strings.Join(want, " ; ") {
		t.Errorf("records =\n%q\nwant\n%q", got, want)
	}
}
