package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/internal/money"
)

// BillRow is one transaction of a payment bill export.
type BillRow struct {
	Time         time.Time // Beijing time (UTC+8), as every bill prints it
	Type         string    // 交易类型 / 交易分类 / 类型 / 摘要, e.g. 转账, 商户消费
	Counterparty string    // 交易对方 / 对方户名
	Goods        string    // 商品 / 商品说明 / 商品名称
	Direction    string    // "out" (支出), "in" (收入), "" (不计收支, 中性交易)
	Amount       money.Fen // never negative; Direction says the sign
	Method       string    // 支付方式 / 收/付款方式
	Status       string    // 当前状态 / 交易状态
	TxnID        string    // 交易单号 / 交易订单号 / 交易号 / 流水号, trimmed
	MerchantID   string    // 商户单号 / 商家订单号
	Note         string    // 备注 / 附言
	Line         int       // 1-based line (CSV) or row (xlsx) in the source
}

// Bill is a parsed bill export of WeChat Pay, Alipay or a bank.
type Bill struct {
	Provider string // "wechat", "alipay", "bank"
	// Layout names the export format: "wechat-xlsx-2025", "wechat-xlsx-2026",
	// "wechat-csv", "alipay-csv-2022", "alipay-csv-2023", "bank-csv",
	// "bank-xlsx" (and "alipay-xlsx-…" for an Alipay table saved as xlsx).
	Layout string
	// Account is the account or nickname the preamble names (微信昵称,
	// 支付宝账户, 账号, 户名), if any.
	Account string
	Rows    []BillRow
	// Start and End are the period the preamble states (起始时间, 终止时间),
	// or else the earliest and latest row. Zero when neither is known.
	Start, End time.Time
	// Skipped counts rows of the table that could not be read (no time or
	// no amount). Summary lines after the table are not counted.
	Skipped int
}

// Errors of ParseBill; compare with errors.Is.
var (
	// ErrNotBill: the data holds no table with the columns of a known bill.
	ErrNotBill = errors.New("not a bill export: no header row with the columns of a WeChat Pay, Alipay or bank bill")
	// ErrBillTooLarge: the xlsx unpacks to too much data, has too many
	// parts, or the table has too many rows.
	ErrBillTooLarge = errors.New("bill export too large")
	// ErrBillEncrypted: a zip whose entries are password-protected, as WeChat
	// Pay sends its bills; the user must unzip it with the 6-digit password
	// shown in the app and add the xlsx inside.
	ErrBillEncrypted = errors.New("bill archive is password-protected")
)

// billMaxRows caps the data rows of one table (a variable so that a test can
// lower it).
var billMaxRows = 1_000_000

// Limits on what ParseBill reads.
const (
	billMaxPreamble   = 1_000     // rows searched for the header
	billMaxUnzipBytes = 256 << 20 // declared uncompressed size of an xlsx
	billMaxZipEntries = 10_000
)

// billZone is UTC+8, the zone every Chinese bill prints its times in. China
// has no daylight saving time, so a fixed zone is exact.
var billZone = time.FixedZone("UTC+8", 8*3600)

// DetectBill reports whether data is a bill export, judged by its content (an
// xlsx workbook or a CSV in UTF-8, GBK or UTF-16 holding a header row with the
// column names of a known bill), and which layout it has.
func DetectBill(data []byte) (layout string, ok bool) {
	b, err := billParse(data, true)
	if err != nil {
		return "", false
	}
	return b.Layout, true
}

// ParseBill parses a bill export: a WeChat Pay xlsx (2025 and 2026 layouts) or
// CSV, an Alipay CSV (before and since 2023), or a bank CSV or xlsx whose
// columns carry the usual Chinese names. The header row is found by its column
// names wherever it is. ParseBill never panics, whatever the input.
func ParseBill(data []byte) (*Bill, error) {
	return billParse(data, false)
}

// Find returns the rows whose transaction number (or merchant order number)
// is id. Tabs, spaces and the quote marks spreadsheets add are ignored.
func (b *Bill) Find(txnID string) []BillRow {
	id := billCleanID(txnID)
	if b == nil || id == "" {
		return nil
	}
	var out []BillRow
	for _, r := range b.Rows {
		if r.TxnID == id || r.MerchantID == id {
			out = append(out, r)
		}
	}
	return out
}

func billParse(data []byte, headerOnly bool) (*Bill, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return billParseXLSX(data, headerOnly)
	}
	return billParseCSV(data, headerOnly)
}

// billSource yields the rows of one table: cells and the 1-based line or row
// number. It returns io.EOF at the end.
type billSource interface {
	next() (cells []string, line int, err error)
}

// billScanOptions say how the source stores its cells.
type billScanOptions struct {
	container  string // "csv" or "xlsx"
	headerOnly bool
	// xlsx numeric cells: times as Excel serial numbers, amounts as binary
	// floating point written in decimal.
	numeric  bool
	date1904 bool
}

// billScan finds the header row, reads the preamble before it and the rows
// after it.
func billScan(src billSource, opt billScanOptions) (*Bill, error) {
	var preamble [][]string
	var cols *billColumns
	for cols == nil {
		cells, _, err := src.next()
		if err == io.EOF {
			return nil, ErrNotBill
		}
		var pe *billRowError
		if errors.As(err, &pe) {
			cells = nil
		} else if err != nil {
			return nil, err
		}
		if len(preamble) >= billMaxPreamble {
			return nil, ErrNotBill
		}
		if c := billMatchHeader(cells); c != nil {
			cols = c
			break
		}
		preamble = append(preamble, cells)
	}

	b := &Bill{Provider: cols.layout.provider, Layout: cols.layout.name(opt.container, preamble)}
	info := billPreambleInfo{}
	for _, cells := range preamble {
		info.scan(cells)
	}
	if opt.headerOnly {
		return b, nil
	}

	conv := billConverter{numeric: opt.numeric, date1904: opt.date1904}
	trailer := false
	rows := 0
	for {
		cells, line, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A row the reader could not split (a stray quote) is a
			// malformed row; the reader goes on with the next line.
			var pe *billRowError
			if errors.As(err, &pe) && !trailer {
				b.Skipped++
				continue
			}
			if errors.As(err, &pe) {
				continue
			}
			return nil, err
		}
		filled := billFilled(cells)
		if filled == 0 {
			continue
		}
		if first := billFirstFilled(cells); strings.HasPrefix(first, "---") {
			// Alipay closes its table with a dashed line; the summary
			// (共N笔记录, 已收入, 导出时间, 用户) follows.
			trailer = true
			continue
		}
		if cols.isRepeat(cells) {
			// Some banks repeat the header on every printed page.
			continue
		}
		if trailer || filled == 1 {
			// A lone cell is a note or summary line, never a transaction.
			info.scan(cells)
			continue
		}
		rows++
		if rows > billMaxRows {
			return nil, fmt.Errorf("more than %d rows: %w", billMaxRows, ErrBillTooLarge)
		}
		row, ok := conv.row(cols, cells)
		if !ok {
			b.Skipped++
			continue
		}
		row.Line = line
		b.Rows = append(b.Rows, row)
	}

	b.Account = info.account()
	b.Start, b.End = info.start, info.end
	if b.Start.IsZero() || b.End.IsZero() {
		for _, r := range b.Rows {
			if b.Start.IsZero() || r.Time.Before(b.Start) {
				b.Start = r.Time
			}
			if b.End.IsZero() || r.Time.After(b.End) {
				b.End = r.Time
			}
		}
	}
	return b, nil
}

// billRowError is a row that could not be split into cells; reading goes on.
type billRowError struct{ err error }

func (e *billRowError) Error() string { return e.err.Error() }
func (e *billRowError) Unwrap() error { return e.err }

// billField is one column a BillRow is filled from.
type billField int

const (
	billFTime  billField = iota
	billFDate            // a bank's date column when the time of day stands apart
	billFClock           // a bank's time-of-day column
	billFPayTime
	billFType
	billFCounterparty
	billFCounterAccount
	billFGoods
	billFDirection
	billFAmount
	billFDebit  // money out
	billFCredit // money in
	billFMethod
	billFStatus
	billFTxnID
	billFMerchantID
	billFNote
	billFieldCount
)

// billLayout describes one known table: which column names must all be
// present (each entry lists alternatives), and which names fill each field.
type billLayout struct {
	provider string
	// version is the layout's era in the name ("2022", "2023"), or "" when
	// the container alone names it.
	version  string
	required [][]string
	fields   map[billField][]string
}

// name builds the Layout of a bill from the provider, the container and, for
// the WeChat xlsx, the preamble.
func (l *billLayout) name(container string, preamble [][]string) string {
	if l.provider == "wechat" && container == "xlsx" {
		return "wechat-xlsx-" + billWechatXLSXVersion(preamble)
	}
	n := l.provider + "-" + container
	if l.version != "" {
		n += "-" + l.version
	}
	return n
}

// billLayouts are tried in order; the first whose required columns are all in
// a row makes that row the header. The bank layout, the loosest, comes last.
var billLayouts = []*billLayout{&billWechatLayout, &billAlipay2023Layout, &billAlipay2022Layout, &billBankLayout}

// billColumns is a matched header: the layout and the index of each field's
// column (-1 when absent).
type billColumns struct {
	layout *billLayout
	idx    [billFieldCount]int
	header []string // the header cells, normalised
}

// isRepeat reports whether a row repeats the header.
func (c *billColumns) isRepeat(cells []string) bool {
	if len(cells) != len(c.header) {
		return false
	}
	for i, h := range c.header {
		if billHeaderName(cells[i]) != h {
			return false
		}
	}
	return true
}

func billMatchHeader(cells []string) *billColumns {
	if billFilled(cells) < 2 {
		return nil
	}
	names := make([]string, len(cells))
	for i, c := range cells {
		names[i] = billHeaderName(c)
	}
	find := func(alts []string) int {
		for _, a := range alts {
			for i, n := range names {
				if n == a || strings.TrimSuffix(n, "(元)") == a {
					return i
				}
			}
		}
		return -1
	}
	for _, l := range billLayouts {
		ok := true
		for _, alts := range l.required {
			if find(alts) < 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		c := &billColumns{layout: l, header: names}
		for f := range c.idx {
			c.idx[f] = find(l.fields[billField(f)])
		}
		return c
	}
	return nil
}

// billHeaderName normalises a header cell: no padding, ASCII brackets and
// slash, no inner spaces, so "金额（元）  " and "金额(元)" compare equal.
func billHeaderName(s string) string {
	return strings.TrimSpace(billHeaderReplacer.Replace(s))
}

var billHeaderReplacer = strings.NewReplacer("（", "(", "）", ")", "／", "/", " ", "", "\u3000", "", "\t", "", "\ufeff", "", "\"", "")

// billCell returns the cleaned text of a field's cell, "" when the column is
// absent. WeChat writes "/" for "nothing"; that becomes "".
func billCell(c *billColumns, cells []string, f billField) string {
	i := c.idx[f]
	if i < 0 || i >= len(cells) {
		return ""
	}
	v := billTrim(cells[i])
	if v == "/" || strings.Trim(v, "-") == "" {
		// "/" (WeChat) and "-----" (some banks) stand for an empty cell.
		return ""
	}
	return v
}

// billTrim removes the padding bills put around values: spaces, tabs,
// no-break spaces.
func billTrim(s string) string {
	return strings.Trim(s, " \t\r\n\u00a0\u3000\ufeff")
}

// billCleanID trims an ID of padding and of what spreadsheets add to keep a
// long number as text: a leading "'", "`" or tab, or an ="…" formula.
func billCleanID(s string) string {
	s = billTrim(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	s = strings.TrimLeft(s, "'`\t ")
	s = billTrim(s)
	if s == "/" || s == "-" {
		return ""
	}
	return s
}

func billFilled(cells []string) int {
	n := 0
	for _, c := range cells {
		if billTrim(c) != "" {
			n++
		}
	}
	return n
}

func billFirstFilled(cells []string) string {
	for _, c := range cells {
		if t := billTrim(c); t != "" {
			return t
		}
	}
	return ""
}

// billConverter turns the cells of a row into a BillRow.
type billConverter struct {
	numeric  bool
	date1904 bool
}

func (cv billConverter) row(c *billColumns, cells []string) (BillRow, bool) {
	r := BillRow{
		Type:         billCell(c, cells, billFType),
		Counterparty: billCell(c, cells, billFCounterparty),
		Goods:        billCell(c, cells, billFGoods),
		Method:       billCell(c, cells, billFMethod),
		Status:       billCell(c, cells, billFStatus),
		Note:         billCell(c, cells, billFNote),
	}
	if c.idx[billFTxnID] >= 0 && c.idx[billFTxnID] < len(cells) {
		r.TxnID = billCleanID(cells[c.idx[billFTxnID]])
	}
	if c.idx[billFMerchantID] >= 0 && c.idx[billFMerchantID] < len(cells) {
		r.MerchantID = billCleanID(cells[c.idx[billFMerchantID]])
	}
	if r.Counterparty == "" {
		r.Counterparty = billCell(c, cells, billFCounterAccount)
	}

	// Time: Alipay's old layout pays at 付款时间 (empty when unpaid, then
	// the creation time counts); a bank may split date and time of day.
	t, ok := cv.time(billCell(c, cells, billFPayTime))
	if !ok {
		t, ok = cv.time(billCell(c, cells, billFTime))
	}
	if !ok {
		date := billCell(c, cells, billFDate)
		if clock := billCell(c, cells, billFClock); clock != "" && !strings.ContainsAny(date, ": ") {
			t, ok = cv.time(date + " " + clock)
		}
		if !ok {
			t, ok = cv.time(date)
		}
	}
	if !ok {
		return r, false
	}
	r.Time = t

	dir := billDirection(billCell(c, cells, billFDirection))
	switch {
	case c.idx[billFAmount] >= 0:
		a, err := cv.amount(billCell(c, cells, billFAmount))
		if err != nil {
			return r, false
		}
		if a < 0 {
			a = -a
			if dir == "" && c.layout.provider == "bank" {
				dir = "out"
			}
		} else if dir == "" && c.layout.provider == "bank" && c.idx[billFDirection] < 0 && a > 0 {
			// A bank's single signed amount column: positive is money in.
			dir = "in"
		}
		r.Amount = a
	default:
		out, errOut := cv.amount(billCell(c, cells, billFDebit))
		in, errIn := cv.amount(billCell(c, cells, billFCredit))
		switch {
		case errOut == nil && out != 0:
			r.Amount, dir = out, "out"
			if out < 0 {
				r.Amount, dir = -out, "in"
			}
		case errIn == nil && in != 0:
			r.Amount, dir = in, "in"
			if in < 0 {
				r.Amount, dir = -in, "out"
			}
		default:
			return r, false
		}
	}
	r.Direction = dir
	return r, true
}

// billDirection reads a 收/支 or 借贷 column.
func billDirection(s string) string {
	switch billHeaderName(s) {
	case "支出", "支", "出", "借", "借方", "付款", "转出", "D", "DR", "-":
		return "out"
	case "收入", "收", "入", "贷", "贷方", "收款", "转入", "C", "CR", "+":
		return "in"
	}
	// Banks spell the flag "借 Dr" / "贷 Cr".
	switch n := billHeaderName(s); {
	case strings.HasPrefix(n, "借"):
		return "out"
	case strings.HasPrefix(n, "贷"):
		return "in"
	}
	return ""
}

// time reads a cell's time in UTC+8: text in the forms bills print, or, in an
// xlsx, an Excel serial number.
func (cv billConverter) time(s string) (time.Time, bool) {
	s = strings.Trim(billTrim(s), "'`\"")
	if s == "" {
		return time.Time{}, false
	}
	if cv.numeric && billIsDecimal(s) && !(len(s) == 8 && !strings.Contains(s, ".")) {
		return billExcelTime(s, cv.date1904)
	}
	return billParseTime(s)
}

// billParseTime reads the times bills print: "2025-11-03 14:05:00",
// "2025/11/3 14:05", "2025年11月3日 14:05:00", "20251103", "20251103 140500",
// "2025-11-03T14:05:00". The result is in UTC+8.
func billParseTime(s string) (time.Time, bool) {
	s = billTrim(s)
	if i := strings.IndexAny(s, "Tt"); i > 0 && i < len(s)-1 && s[i-1] >= '0' && s[i-1] <= '9' {
		s = s[:i] + " " + s[i+1:]
	}
	s = billTimeReplacer.Replace(s)
	s = strings.TrimSpace(s)
	datePart, clockPart, _ := strings.Cut(s, " ")
	clockPart = strings.TrimSpace(clockPart)
	var y, mo, d int
	var ok bool
	if len(datePart) == 8 && billAllDigits(datePart) {
		y, _ = strconv.Atoi(datePart[:4])
		mo, _ = strconv.Atoi(datePart[4:6])
		d, _ = strconv.Atoi(datePart[6:])
	} else {
		p := strings.Split(strings.TrimSuffix(datePart, "-"), "-")
		if len(p) != 3 || len(p[0]) != 4 || len(p[1]) < 1 || len(p[1]) > 2 || len(p[2]) < 1 || len(p[2]) > 2 {
			return time.Time{}, false
		}
		if y, ok = billAtoi(p[0]); !ok {
			return time.Time{}, false
		}
		if mo, ok = billAtoi(p[1]); !ok {
			return time.Time{}, false
		}
		if d, ok = billAtoi(p[2]); !ok {
			return time.Time{}, false
		}
	}
	var h, mi, sec int
	if clockPart != "" {
		// Drop fractions of a second and anything after them.
		if i := strings.IndexByte(clockPart, '-'); i >= 0 {
			clockPart = clockPart[:i]
		}
		var p []string
		switch {
		case strings.Contains(clockPart, ":"):
			p = strings.Split(clockPart, ":")
		case len(clockPart) == 6 && billAllDigits(clockPart):
			p = []string{clockPart[:2], clockPart[2:4], clockPart[4:]}
		case len(clockPart) == 4 && billAllDigits(clockPart):
			p = []string{clockPart[:2], clockPart[2:]}
		default:
			return time.Time{}, false
		}
		if len(p) < 2 || len(p) > 3 {
			return time.Time{}, false
		}
		if h, ok = billAtoi(p[0]); !ok {
			return time.Time{}, false
		}
		if mi, ok = billAtoi(p[1]); !ok {
			return time.Time{}, false
		}
		if len(p) == 3 {
			if sec, ok = billAtoi(p[2]); !ok {
				return time.Time{}, false
			}
		}
	}
	if y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, billZone)
	if t.Day() != d {
		return time.Time{}, false // 2025-02-30
	}
	return t, true
}

var billTimeReplacer = strings.NewReplacer("年", "-", "月", "-", "日", " ", "/", "-", ".", "-")

func billAtoi(s string) (int, bool) {
	if s == "" || len(s) > 4 || !billAllDigits(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func billAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// billDecimalRE is a plain number as a spreadsheet stores it.
var billDecimalRE = regexp.MustCompile(`^-?[0-9]{1,20}(\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?$`)

func billIsDecimal(s string) bool { return billDecimalRE.MatchString(s) }

// amount reads an amount exactly: "¥12.00", "5,000.00", "-3.20". An xlsx
// stores numbers as binary floating point printed in decimal (0.1 may read
// "0.10000000000000001"), so there a number is rounded to the nearest fen
// with exact rational arithmetic.
func (cv billConverter) amount(s string) (money.Fen, error) {
	s = strings.Trim(billTrim(s), "'`\"")
	if s == "" || s == "/" {
		return 0, fmt.Errorf("no amount: %w", money.ErrSyntax)
	}
	v, err := money.Parse(s)
	if err == nil || !cv.numeric || !billIsDecimal(s) {
		return v, err
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, err
	}
	r.Mul(r, big.NewRat(100, 1))
	neg := r.Sign() < 0
	r.Abs(r)
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom())
	if !q.IsInt64() || q.Int64() > 1e17 {
		return 0, err
	}
	f := money.Fen(q.Int64())
	if neg {
		f = -f
	}
	return f, nil
}

// billPreambleInfo collects what the lines around the table say: the account
// and the period.
type billPreambleInfo struct {
	accounts   map[string]string // label → value
	start, end time.Time
}

var (
	billAccountRE = regexp.MustCompile(`(?:^|[\s,，])(微信昵称|支付宝账户|账号|账户|卡号|户名|账户名称|姓名|用户)\s*[：:]\s*(\[[^\]]*\]|[^\s,，\[\]]+)`)
	billStartRE   = regexp.MustCompile(`(?:起始|开始)(?:时间|日期)\s*[：:]\s*\[?\s*([0-9][0-9:\-/. 年月日]*[0-9日])`)
	billEndRE     = regexp.MustCompile(`(?:终止|结束|截止)(?:时间|日期)\s*[：:]\s*\[?\s*([0-9][0-9:\-/. 年月日]*[0-9日])`)
	// billAccountLabels in order of preference.
	billAccountLabels = []string{"微信昵称", "支付宝账户", "账号", "卡号", "账户", "户名", "账户名称", "姓名", "用户"}
)

func (p *billPreambleInfo) scan(cells []string) {
	line := strings.Join(cells, " ")
	if len(line) > 4096 {
		line = line[:4096]
	}
	if !strings.ContainsAny(line, ":：") {
		return
	}
	for _, m := range billAccountRE.FindAllStringSubmatch(line, -1) {
		v := billTrim(strings.Trim(m[2], "[]"))
		if v == "" {
			continue
		}
		if p.accounts == nil {
			p.accounts = map[string]string{}
		}
		if _, seen := p.accounts[m[1]]; !seen {
			p.accounts[m[1]] = v
		}
	}
	if m := billStartRE.FindStringSubmatch(line); m != nil && p.start.IsZero() {
		if t, ok := billParseTime(m[1]); ok {
			p.start = t
		}
	}
	if m := billEndRE.FindStringSubmatch(line); m != nil && p.end.IsZero() {
		if t, ok := billParseTime(m[1]); ok {
			if !strings.Contains(m[1], ":") && len(strings.Fields(m[1])) == 1 {
				// A period ending on a date ends with that day.
				t = t.Add(24*time.Hour - time.Second)
			}
			p.end = t
		}
	}
}

func (p *billPreambleInfo) account() string {
	for _, l := range billAccountLabels {
		if v, ok := p.accounts[l]; ok {
			return v
		}
	}
	return ""
}
