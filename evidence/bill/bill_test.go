package bill

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func billTestFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// billTestPreamble is the preamble of a WeChat Pay xlsx export; the 2026
// layout adds the fourth note line, which moves the header from row 17 to 18.
func billTestPreamble(layout2026 bool, period string) [][]any {
	p := [][]any{
		{"微信支付账单明细"},
		{"微信昵称：[李明]"},
		{period},
		{"导出类型：[全部账单]"},
		{"导出时间：[2026-04-01 09:00:00]"},
		{},
		{"共5笔记录"},
		{"收入：1笔 0.30元"},
		{"支出：3笔 5000.30元"},
		{"中性交易：1笔 100.10元"},
		{"注："},
		{"1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"},
		{"2. 若交易记录明细无有效内容，则代表该时间段内此微信号无交易"},
		{"3. 本明细仅供个人对账使用"},
	}
	if layout2026 {
		p = append(p, []any{"4. 本账单中所有时间均为UTC+08:00时间"})
	}
	return append(p, []any{}, []any{"----------------------微信支付账单明细列表--------------------"},
		[]any{"交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"})
}

// billTestXLSX builds a WeChat Pay xlsx bill in the 2025 layout (text times,
// "¥" text amounts) or the 2026 layout (Excel serial times, numeric amounts,
// one text time among them).
func billTestXLSX(t testing.TB, layout2026 bool) []byte {
	t.Helper()
	var rows [][]any
	if layout2026 {
		rows = billTestPreamble(true, "起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59]")
		rows = append(rows,
			// 46084.586805555555 is 2026-03-03 14:05:00.
			[]any{46084.586805555555, "转账", "张三", "转账备注:微信转账", "支出", 5000, "零钱", "对方已收钱", "1000050001202603030123456789012", "/", "/"},
			// A time.Time cell: excelize stores the serial of this wall clock.
			[]any{time.Date(2026, 3, 4, 9, 10, 0, 0, time.UTC), "商户消费", "某便利店", "饮料", "支出", 0.1, "零钱", "支付成功", "4200002345202603041234567890", "20260304091000000001", "/"},
			[]any{"2026-03-05 19:30:00", "商户消费", "某便利店", "面包", "支出", 0.2, "招商银行储蓄卡(1234)", "支付成功", "4200002345202603055678901234", "20260305193000000002", "/"},
			// 0.1+0.2 in binary floating point is 0.30000000000000004.
			[]any{46096.5, "微信红包", "王五", "/", "收入", 0.1 + 0.2, "/", "已存入零钱", "1000039501260315000123456789012345", "/", "/"},
			[]any{46112.99998842592, "零钱提现", "招商银行(1234)", "/", "/", 100.1, "零钱", "提现已到账", "2026033110007714823552388317", "/", "服务费¥0.10"},
		)
	} else {
		rows = billTestPreamble(false, "起始时间：[2025-11-01 00:00:00] 终止时间：[2025-11-30 23:59:59]")
		rows = append(rows,
			[]any{"2025-11-03 14:05:00", "转账", "张三", "转账备注:微信转账", "支出", "¥5000.00", "零钱", "对方已收钱", "1000050001202511030123456789012", "/", "/"},
			[]any{"2025-11-04 09:10:00", "商户消费", "某便利店", "饮料", "支出", "¥0.10", "零钱", "支付成功", "4200002345202511041234567890", "20251104091000000001", "/"},
			[]any{"2025-11-05 19:30:00", "商户消费", "某便利店", "面包", "支出", "¥0.20", "招商银行储蓄卡(1234)", "支付成功", "\t4200002345202511055678901234", "'20251105193000000002", "/"},
			[]any{"2025-11-15 12:00:00", "微信红包", "王五", "/", "收入", 0.3, "/", "已存入零钱", "1000039501251115000123456789012345", "/", "/"},
			[]any{"2025-11-30 23:59:59", "零钱提现", "招商银行(1234)", "/", "/", "¥100.10", "零钱", "提现已到账", "2025113010007714823552388317", "/", "服务费¥0.10"},
		)
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type billCase struct {
	name       string
	data       func(t testing.TB) []byte
	provider   string
	layout     string
	account    string
	rows       int
	skipped    int
	firstID    string
	lastID     string
	firstLine  int
	amounts    []string // every row, exact
	dirs       []string // every row
	start, end string   // "2006-01-02 15:04:05" in UTC+8
}

func billFileCase(name string) func(t testing.TB) []byte {
	return func(t testing.TB) []byte { return billTestFile(t, name) }
}

func billCases() []billCase {
	wechatCSV := billCase{
		provider: "wechat", layout: "wechat-csv", account: "李明", rows: 5,
		firstID: "1000050001202503030123456789012", lastID: "2025030610007714823552388317", firstLine: 18,
		amounts: []string{"5000.00", "0.10", "0.20", "8.88", "100.10"},
		dirs:    []string{"out", "out", "out", "in", ""},
		start:   "2025-03-01 00:00:00", end: "2025-03-31 23:59:59",
	}
	var cases []billCase
	add := func(c billCase, name string, data func(t testing.TB) []byte, mod func(*billCase)) {
		c.name, c.data = name, data
		if mod != nil {
			mod(&c)
		}
		cases = append(cases, c)
	}
	add(wechatCSV, "wechat csv utf-8 bom", billFileCase("wechat-2025.csv"), nil)
	add(wechatCSV, "wechat csv header moved down", billFileCase("wechat-extra-line.csv"), func(c *billCase) { c.firstLine = 19 })
	add(wechatCSV, "wechat utf-16le tab-separated", billFileCase("wechat-utf16.csv"), nil)
	add(wechatCSV, "wechat csv utf-8 without bom", func(t testing.TB) []byte {
		return bytes.TrimPrefix(billTestFile(t, "wechat-2025.csv"), []byte{0xEF, 0xBB, 0xBF})
	}, nil)
	add(wechatCSV, "wechat csv gbk", func(t testing.TB) []byte {
		s := strings.TrimPrefix(string(billTestFile(t, "wechat-2025.csv")), "\ufeff")
		// GBK has the full-width yuan sign only.
		out, err := simplifiedchinese.GBK.NewEncoder().String(strings.ReplaceAll(s, "¥", "￥"))
		if err != nil {
			t.Fatal(err)
		}
		return []byte(out)
	}, nil)
	add(wechatCSV, "wechat utf-16be", func(t testing.TB) []byte {
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(billTestFile(t, "wechat-utf16.csv"))
		if err != nil {
			t.Fatal(err)
		}
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}, nil)
	add(billCase{
		provider: "wechat", layout: "wechat-xlsx-2025", account: "李明", rows: 5,
		firstID: "1000050001202511030123456789012", lastID: "2025113010007714823552388317", firstLine: 18,
		amounts: []string{"5000.00", "0.10", "0.20", "0.30", "100.10"},
		dirs:    []string{"out", "out", "out", "in", ""},
		start:   "2025-11-01 00:00:00", end: "2025-11-30 23:59:59",
	}, "wechat xlsx 2025", func(t testing.TB) []byte { return billTestXLSX(t, false) }, nil)
	add(billCase{
		provider: "wechat", layout: "wechat-xlsx-2026", account: "李明", rows: 5,
		firstID: "1000050001202603030123456789012", lastID: "2026033110007714823552388317", firstLine: 19,
		amounts: []string{"5000.00", "0.10", "0.20", "0.30", "100.10"},
		dirs:    []string{"out", "out", "out", "in", ""},
		start:   "2026-03-01 00:00:00", end: "2026-03-31 23:59:59",
	}, "wechat xlsx 2026", func(t testing.TB) []byte { return billTestXLSX(t, true) }, nil)
	alipay2023 := billCase{
		provider: "alipay", layout: "alipay-csv-2023", account: "liming@example.com", rows: 5,
		firstID: "2025110322001412345678901234", lastID: "2025112822001400000000000004", firstLine: 20,
		amounts: []string{"5000.00", "0.10", "0.20", "49.90", "200.00"},
		dirs:    []string{"out", "out", "out", "", "in"},
		start:   "2025-11-01 00:00:00", end: "2025-11-30 23:59:59",
	}
	add(alipay2023, "alipay 2023 gbk", billFileCase("alipay-2023.csv"), nil)
	add(alipay2023, "alipay 2023 header moved down, utf-8 bom", func(t testing.TB) []byte {
		s, err := simplifiedchinese.GBK.NewDecoder().String(string(billTestFile(t, "alipay-2023.csv")))
		if err != nil {
			t.Fatal(err)
		}
		s = strings.Replace(s, "导出信息：", "导出信息：\r\n\r\n备注：新增一行说明", 1)
		return []byte("\ufeff" + s)
	}, func(c *billCase) { c.firstLine = 22 })
	add(billCase{
		provider: "alipay", layout: "alipay-csv-2022", account: "2088102112345678", rows: 5,
		firstID: "2022060322001412345678901234", lastID: "2022062522001411112222333344", firstLine: 6,
		amounts: []string{"299.00", "0.10", "0.20", "88.00", "500.00"},
		dirs:    []string{"out", "out", "out", "in", ""},
		start:   "2022-06-01 00:00:00", end: "2022-06-30 23:59:59",
	}, "alipay 2022 gbk", billFileCase("alipay-2022.csv"), nil)
	add(billCase{
		provider: "bank", layout: "bank-csv", rows: 4, firstLine: 2,
		amounts: []string{"2000.00", "5000.00", "0.10", "0.20"},
		dirs:    []string{"in", "out", "out", "out"},
		start:   "2025-11-01 00:00:00", end: "2025-11-05 00:00:00",
	}, "bank cmb signed amounts", billFileCase("bank-cmb.csv"), nil)
	add(billCase{
		provider: "bank", layout: "bank-csv", rows: 4, firstLine: 3,
		amounts: []string{"5000.00", "0.10", "0.20", "200.00"},
		dirs:    []string{"out", "out", "out", "in"},
		start:   "2025-11-03 14:05:00", end: "2025-11-28 20:00:00",
	}, "bank boc gbk, date and time apart", billFileCase("bank-boc-gbk.csv"), nil)
	add(billCase{
		provider: "bank", layout: "bank-csv", account: "6222020000000002", rows: 4,
		firstID: "2025110314050012345", lastID: "2025112820000012348", firstLine: 5,
		amounts: []string{"5000.00", "0.10", "0.20", "200.00"},
		dirs:    []string{"out", "out", "out", "in"},
		start:   "2025-11-01 00:00:00", end: "2025-11-30 23:59:59",
	}, "bank debit and credit columns", billFileCase("bank-debit-credit.csv"), nil)
	return cases
}

func TestParseBill(t *testing.T) {
	for _, c := range billCases() {
		t.Run(c.name, func(t *testing.T) {
			data := c.data(t)
			b, err := Parse(data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if b.Provider != c.provider || b.Layout != c.layout || b.Account != c.account {
				t.Errorf("provider, layout, account = %q, %q, %q; want %q, %q, %q",
					b.Provider, b.Layout, b.Account, c.provider, c.layout, c.account)
			}
			if len(b.Rows) != c.rows || b.Skipped != c.skipped {
				t.Fatalf("rows, skipped = %d, %d; want %d, %d", len(b.Rows), b.Skipped, c.rows, c.skipped)
			}
			if got := b.Rows[0].TxnID; got != c.firstID {
				t.Errorf("first TxnID = %q, want %q", got, c.firstID)
			}
			if got := b.Rows[len(b.Rows)-1].TxnID; got != c.lastID {
				t.Errorf("last TxnID = %q, want %q", got, c.lastID)
			}
			if got := b.Rows[0].Line; got != c.firstLine {
				t.Errorf("first row line = %d, want %d", got, c.firstLine)
			}
			for i, r := range b.Rows {
				if got := r.Amount.String(); got != c.amounts[i] {
					t.Errorf("row %d amount = %s, want %s", i+1, got, c.amounts[i])
				}
				if r.Direction != c.dirs[i] {
					t.Errorf("row %d direction = %q, want %q", i+1, r.Direction, c.dirs[i])
				}
				if r.Time.Location().String() != "UTC+8" {
					t.Errorf("row %d time zone = %s, want UTC+8", i+1, r.Time.Location())
				}
			}
			// The rows of 0.10 and 0.20 sum to exactly 0.30.
			var sum money.Fen
			n := 0
			for _, r := range b.Rows {
				if s := r.Amount.String(); s == "0.10" || s == "0.20" {
					sum += r.Amount
					n++
				}
			}
			if n != 2 || sum.String() != "0.30" {
				t.Errorf("0.10 + 0.20 over %d rows = %s, want 0.30 over 2", n, sum)
			}
			if got := b.Start.Format(time.DateTime); got != c.start {
				t.Errorf("Start = %s, want %s", got, c.start)
			}
			if got := b.End.Format(time.DateTime); got != c.end {
				t.Errorf("End = %s, want %s", got, c.end)
			}
		})
	}
}

func TestParseBillFields(t *testing.T) {
	b, err := Parse(billTestFile(t, "wechat-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := Row{
		Time: time.Date(2025, 3, 4, 8, 1, 2, 0, tz.Shanghai), Type: "商户消费", Counterparty: "某便利店", Goods: "面包",
		Direction: "out", Amount: 20, Method: "招商银行(1234)", Status: "支付成功",
		TxnID: "4200002345202503045678901234", MerchantID: "20250304080102000002", Line: 20,
	}
	if got := b.Rows[2]; got != want {
		t.Errorf("row 3 =\n%+v\nwant\n%+v", got, want)
	}
	if got := b.Rows[4].Note; got != "服务费¥0.10" {
		t.Errorf("note = %q", got)
	}
	if got := b.Rows[0].MerchantID; got != "" {
		t.Errorf(`"/" merchant ID = %q, want ""`, got)
	}

	// Alipay before 2023: 付款时间 is the time; when empty, 交易创建时间.
	a, err := Parse(billTestFile(t, "alipay-2022.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Rows[0].Time; !got.Equal(time.Date(2022, 6, 3, 10, 15, 3, 0, tz.Shanghai)) {
		t.Errorf("paid row time = %v", got)
	}
	if got := a.Rows[2].Time; !got.Equal(time.Date(2022, 6, 11, 7, 30, 0, 0, tz.Shanghai)) {
		t.Errorf("unpaid row time = %v", got)
	}
	if a.Rows[0].Goods != "蓝牙耳机" || a.Rows[0].MerchantID != "T200P1234567890123456789" || a.Rows[0].Type != "即时到账交易" {
		t.Errorf("row 1 = %+v", a.Rows[0])
	}

	n, err := Parse(billTestFile(t, "alipay-2023.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if r := n.Rows[1]; r.Method != "花呗" || r.MerchantID != "T200P2025110400000001" || r.Type != "日用百货" || r.Goods != "购物" {
		t.Errorf("row 2 = %+v", r)
	}

	boc, err := Parse(billTestFile(t, "bank-boc-gbk.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if r := boc.Rows[0]; r.Counterparty != "张三" || r.Note != "借款" || r.Type != "跨行转账" {
		t.Errorf("boc row 1 = %+v", r)
	}
	if r := boc.Rows[1]; r.Note != "" {
		t.Errorf(`"----------" note = %q, want ""`, r.Note)
	}

	x, err := Parse(billTestXLSX(t, true))
	if err != nil {
		t.Fatal(err)
	}
	times := []time.Time{
		time.Date(2026, 3, 3, 14, 5, 0, 0, tz.Shanghai),
		time.Date(2026, 3, 4, 9, 10, 0, 0, tz.Shanghai),
		time.Date(2026, 3, 5, 19, 30, 0, 0, tz.Shanghai),
		time.Date(2026, 3, 15, 12, 0, 0, 0, tz.Shanghai),
		time.Date(2026, 3, 31, 23, 59, 59, 0, tz.Shanghai),
	}
	for i, r := range x.Rows {
		if !r.Time.Equal(times[i]) {
			t.Errorf("xlsx row %d time = %v, want %v", i+1, r.Time, times[i])
		}
	}
	y, err := Parse(billTestXLSX(t, false))
	if err != nil {
		t.Fatal(err)
	}
	if r := y.Rows[2]; r.TxnID != "4200002345202511055678901234" || r.MerchantID != "20251105193000000002" {
		t.Errorf("Excel text markers not trimmed: %q, %q", r.TxnID, r.MerchantID)
	}
}

func TestParseBillSkipsMalformedRows(t *testing.T) {
	s := strings.TrimPrefix(string(billTestFile(t, "wechat-2025.csv")), "\ufeff")
	s = strings.Replace(s, "2025-03-04 08:01:02,", "2025-13-04 08:01:02,", 1) // no 13th month
	s = strings.Replace(s, "¥8.88", "¥8.8.8", 1)
	b, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 3 || b.Skipped != 2 {
		t.Errorf("rows, skipped = %d, %d; want 3, 2", len(b.Rows), b.Skipped)
	}
	if b.Rows[2].Line != 22 {
		t.Errorf("line of the last row = %d, want 22", b.Rows[2].Line)
	}
}

func TestParseBillRepeatedHeader(t *testing.T) {
	s := string(billTestFile(t, "bank-cmb.csv"))
	header, _, _ := strings.Cut(s, "\n")
	s = strings.Replace(s, "\n2025-11-04,", "\n"+header+"\n2025-11-04,", 1)
	b, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 4 || b.Skipped != 0 {
		t.Errorf("rows, skipped = %d, %d; want 4, 0", len(b.Rows), b.Skipped)
	}
}

// A row numbered 1,048,576 (the last row Excel allows) must not make the
// reader crawl through a million empty rows slowly or run out of bounds.
func TestParseBillXLSXSparseRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"}
	row := []any{"2025-11-03 14:05:00", "转账", "张三", "/", "支出", 5000, "零钱", "对方已收钱", "1000050001202511030123456789012", "/", "/"}
	if err := f.SetSheetRow("Sheet1", "A1", &header); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Sheet1", "A2", &row); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	// Renumber row 2 in the sheet XML (excelize itself would build the
	// million rows in between).
	cellRef := regexp.MustCompile(`r="([A-Z]+)2"`)
	data := billTestRewritePart(t, buf.Bytes(), "xl/worksheets/sheet1.xml", func(x []byte) []byte {
		x = bytes.Replace(x, []byte(`<row r="2"`), []byte(`<row r="1048576"`), 1)
		return cellRef.ReplaceAll(x, []byte(`r="${1}1048576"`))
	})
	start := time.Now()
	b, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 1 || b.Rows[0].Line != 1048576 || b.Layout != "wechat-xlsx-2025" {
		t.Errorf("rows = %+v, layout %s", b.Rows, b.Layout)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// billTestRewritePart rewrites one part of a zip.
func billTestRewritePart(t testing.TB, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == name {
			body = edit(body)
		}
		fw, err := w.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseBillPeriodFromRows(t *testing.T) {
	s := strings.TrimPrefix(string(billTestFile(t, "wechat-2025.csv")), "\ufeff")
	s = strings.Replace(s, "起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59]", "", 1)
	b, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Start, time.Date(2025, 3, 3, 14, 5, 0, 0, tz.Shanghai); !got.Equal(want) {
		t.Errorf("Start = %v, want %v", got, want)
	}
	if got, want := b.End, time.Date(2025, 3, 6, 9, 30, 45, 0, tz.Shanghai); !got.Equal(want) {
		t.Errorf("End = %v, want %v", got, want)
	}
}

// TestBillCleanIDs: the IDs of a row are stored without the tabs, spaces
// and quote marks spreadsheets add, so that they compare with the IDs of
// case.yaml and of other sources as they are.
func TestBillCleanIDs(t *testing.T) {
	b, err := Parse(billTestFile(t, "wechat-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var found []Row
	for _, r := range b.Rows {
		if r.TxnID == "4200002345202503031234567890" && r.MerchantID == "20250303182011000001" {
			found = append(found, r)
		}
	}
	if len(found) != 1 || found[0].Amount != 10 {
		t.Errorf("rows with the 0.10 row's IDs = %+v, want the 0.10 row", found)
	}
	for _, q := range []string{"4200002345202503031234567890", "\t4200002345202503031234567890 ", "'4200002345202503031234567890",
		"`4200002345202503031234567890", `="4200002345202503031234567890"`, "\u00a04200002345202503031234567890\u3000"} {
		if got := cleanID(q); got != "4200002345202503031234567890" {
			t.Errorf("cleanID(%q) = %q", q, got)
		}
	}
	for _, q := range []string{"", "/", "-", " \t"} {
		if got := cleanID(q); got != "" {
			t.Errorf("cleanID(%q) = %q, want empty", q, got)
		}
	}
}

func TestParseBillRefuses(t *testing.T) {
	var plain bytes.Buffer
	{
		f := excelize.NewFile()
		_ = f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "电话"})
		_ = f.SetSheetRow("Sheet1", "A2", &[]any{"张三", "13800138000"})
		if err := f.Write(&plain); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotBill},
		{"not a bill csv", billTestFile(t, "not-a-bill.csv"), ErrNotBill},
		{"binary", []byte{0x00, 0xff, 0xfe, 0x80, 0x81}, ErrNotBill},
		{"xlsx without a bill", plain.Bytes(), ErrNotBill},
		{"zip without a workbook", billTestZip(t, 1, 1000, false), ErrNotBill},
		{"zip bomb by declared size", billTestZip(t, 1, 300<<20, false), ErrTooLarge},
		{"zip bomb by total size", billTestZip(t, 30, 10<<20, false), ErrTooLarge},
		{"too many zip entries", billTestZip(t, 10_001, 10, false), ErrTooLarge},
		{"password-protected zip", billTestZip(t, 1, 1000, true), ErrEncrypted},
		{"truncated xlsx", billTestXLSX(t, true)[:2000], ErrNotBill},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Parse(c.data)
			if !errors.Is(err, c.want) || b != nil {
				t.Errorf("Parse = %v, %v; want nil, %v", b, err, c.want)
			}
		})
	}
}

// billTestZip writes a zip of n entries that each declare size bytes
// uncompressed while holding almost nothing: the check must trust neither.
func billTestZip(t testing.TB, n int, size uint64, encrypted bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := range n {
		name := fmt.Sprintf("part%d.xml", i)
		if encrypted {
			name = "微信支付账单(20251101-20251130).xlsx"
		}
		fh := &zip.FileHeader{Name: name, Method: zip.Store, UncompressedSize64: size, CompressedSize64: 1}
		if encrypted {
			fh.Flags |= 0x1
		}
		fw, err := w.CreateRaw(fh)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte{0}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseBillRowCap(t *testing.T) {
	saved := maxRows
	maxRows = 3
	defer func() { maxRows = saved }()
	_, err := Parse(billTestFile(t, "wechat-2025.csv"))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse of 5 rows with a cap of 3 = %v, want ErrTooLarge", err)
	}
	maxRows = 5
	if _, err := Parse(billTestFile(t, "wechat-2025.csv")); err != nil {
		t.Errorf("Parse of 5 rows with a cap of 5 = %v", err)
	}
}

func TestBillTestdataEncodings(t *testing.T) {
	// The GBK files must really be GBK, or the GBK path is untested.
	for _, name := range []string{"alipay-2022.csv", "alipay-2023.csv", "bank-boc-gbk.csv"} {
		if data := billTestFile(t, name); bytes.Equal(data, bytes.ToValidUTF8(data, nil)) {
			t.Errorf("%s is valid UTF-8, want GBK", name)
		}
	}
	if data := billTestFile(t, "wechat-utf16.csv"); !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		t.Error("wechat-utf16.csv has no UTF-16LE BOM")
	}
}

func TestBillParseTime(t *testing.T) {
	want := time.Date(2025, 11, 3, 14, 5, 0, 0, tz.Shanghai)
	for _, s := range []string{"2025-11-03 14:05:00", "2025/11/3 14:05", "2025年11月3日 14:05:00", "20251103 140500",
		"2025-11-03T14:05:00", " 2025-11-03 14:05:00.000 ", "2025.11.03 14:05"} {
		if got, ok := parseTime(s); !ok || !got.Equal(want) {
			t.Errorf("parseTime(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "2025-02-30", "2025-11-03 24:00:00", "14:05:00", "20251332", "2025-11", "12345", "2025-11-03 14"} {
		if got, ok := parseTime(s); ok {
			t.Errorf("parseTime(%q) = %v, want failure", s, got)
		}
	}
}

func TestBillAmountXLSX(t *testing.T) {
	cv := converter{numeric: true}
	for s, want := range map[string]money.Fen{
		"0.30000000000000004": 30, "100.1": 10010, "5000": 500000, "1.005": 101, "-2.5": -250,
		"1E2": 10000, "¥12.00": 1200, "13.499999999999998": 1350,
	} {
		if got, err := cv.amount(s); err != nil || got != want {
			t.Errorf("amount(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	// In a CSV an amount is text: more than two decimals is not exact.
	if _, err := (converter{}).amount("0.30000000000000004"); err == nil {
		t.Error("CSV amount with 17 decimals accepted")
	}
}
