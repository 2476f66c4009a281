package bill

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
	"github.com/casebundle/casebundle/internal/tz"
)

// Row is one transaction of a payment bill export.
type Row struct {
	Time         time.Time // Beijing time (UTC+8), as every bill prints it
	Type         string    // 交易类型 / 交易分类 / 类型 / 摘要, e.g. 转账, 商户消费
	Counterparty string    // 交易对方 / 对方户名
	Goods        string    // 商品 / 商品说明 / 商品名称
	Direction    string    // "out" (支出), "in" (收入), "" (不计收支, 中性交易)
	Amount       money.Fen // never negative; Direction says the sign
	Method       string    // 支付方式 / 收/付款方式
	Status       string    // 当前状态 / 交易状态
	TxnID        string    // 交易单号 / 交易订单号 / 交易号 / 流水号 (may hold letters), trimmed
	MerchantID   string    // 商户单号 / 商家订单号
	Note         string    // 备注 / 附言
	Line         int       // 1-based line (CSV) or row (xlsx) in the source; a PDF statement's row number
	Page         int       // 1-based page of a PDF statement the row is on; 0 for CSV and xlsx
	// CounterAccount is the counterparty's account or card number (对方账号,
	// 对方卡号/账号), when the export has that column.
	CounterAccount string
	// Currency is the ISO 4217 code the row or its amount names ("CNY",
	// "HKD"); "" when the export names none (WeChat Pay and Alipay bills
	// are always CNY).
	Currency string
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
	Rows    []Row
	// Start and End are the period the preamble states (起始时间, 终止时间),
	// or else the earliest and latest row. Zero when neither is known.
	Start, End time.Time
	// Skipped counts rows of the table that could not be read (no time or
	// no amount). Summary lines after the table are not counted.
	Skipped int
	// Bank names the bank of a bank statement ("ICBC", "BOC", "BOCOM",
	// "CMB", "CCB", "ABC", "HSBC", "HASE", "BOCHK"), from its title,
	// preamble or columns; "" when the file does not say.
	Bank string
	// Card is "debit" or "credit" when the statement says which, else "".
	Card string
}

// Errors of Parse; compare with errors.Is.
var (
	// ErrNotBill: the data holds no table with the columns of a known bill.
	ErrNotBill = errors.New("not a bill export: no header row with the columns of a WeChat Pay, Alipay or bank bill")
	// ErrTooLarge: the xlsx unpacks to too much data, has too many
	// parts, or the table has too many rows.
	ErrTooLarge = errors.New("bill export too large")
	// ErrEncrypted: a zip whose entries are password-protected, as WeChat
	// Pay sends its bills; the user must unzip it with the 6-digit password
	// shown in the app and add the xlsx inside.
	ErrEncrypted = errors.New("bill archive is password-protected")
)

// LayoutError is returned (wrapping ErrNotBill) when a table looks like a
// bank statement (a row with date and money columns) but no layout could
// place its columns. Columns are the names that row holds, Line its line.
type LayoutError struct {
	Columns []string
	Line    int
}

func (e *LayoutError) Error() string {
	return fmt.Sprintf("looks like a bank statement, but its columns could not be placed: %s", strings.Join(e.Columns, ", "))
}

func (e *LayoutError) Unwrap() error { return ErrNotBill }

// maxRows caps the data rows of one table (a variable so that a test can
// lower it).
var maxRows = 1_000_000

// Limits on what Parse reads.
const (
	maxPreamble   = 1_000     // rows searched for the header
	maxUnzipBytes = 256 << 20 // declared uncompressed size of an xlsx
	maxZipEntries = 10_000
	// maxHeaderCells: cells of a row looked at for column names.
	maxHeaderCells = 256
)

// Parse parses a bill export: a WeChat Pay xlsx (2025 and 2026 layouts) or
// CSV, an Alipay CSV (before and since 2023), or a bank CSV or xlsx whose
// columns carry the usual Chinese names. The header row is found by its column
// names wherever it is. Parse never panics, whatever the input.
func Parse(data []byte) (*Bill, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return parseXLSX(data)
	}
	return parseCSV(data)
}

// rowSource yields the rows of one table: cells and the 1-based line or row
// number. It returns io.EOF at the end.
type rowSource interface {
	next() (cells []string, line int, err error)
}

// scanOptions say how the source stores its cells.
type scanOptions struct {
	container string // "csv" or "xlsx"
	// xlsx numeric cells: times as Excel serial numbers, amounts as binary
	// floating point written in decimal.
	numeric  bool
	date1904 bool
}

// scan finds the header row, reads the preamble before it and the rows
// after it.
func scan(src rowSource, opt scanOptions) (*Bill, error) {
	var preamble [][]string
	var cols *columns
	var unplaced *LayoutError
	for cols == nil {
		cells, line, err := src.next()
		if err == io.EOF {
			if unplaced != nil {
				return nil, unplaced
			}
			return nil, ErrNotBill
		}
		var pe *rowError
		if errors.As(err, &pe) {
			cells = nil
		} else if err != nil {
			return nil, err
		}
		if len(preamble) >= maxPreamble {
			if unplaced != nil {
				return nil, unplaced
			}
			return nil, ErrNotBill
		}
		if c := matchHeader(cells); c != nil {
			cols = c
			break
		}
		if unplaced == nil {
			if names := statementHeader(cells); names != nil {
				unplaced = &LayoutError{Columns: names, Line: line}
			}
		}
		preamble = append(preamble, cells)
	}

	b := &Bill{Provider: cols.layout.provider, Layout: cols.layout.name(opt.container, preamble)}
	info := preambleInfo{}
	for _, cells := range preamble {
		info.scan(cells)
	}

	conv := converter{numeric: opt.numeric, date1904: opt.date1904}
	bank := cols.layout.provider == "bank"
	if bank {
		b.Bank, b.Card = identifyBank(preamble, cols.header)
		conv.bank = &bankContext{credit: b.Card == "credit" && !cols.layout.dayFirst, ref: info.yearRef()}
	}
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
			var pe *rowError
			if errors.As(err, &pe) && !trailer {
				b.Skipped++
				continue
			}
			if errors.As(err, &pe) {
				continue
			}
			return nil, err
		}
		filled := countFilled(cells)
		if filled == 0 {
			continue
		}
		if first := firstFilled(cells); strings.HasPrefix(first, "---") {
			// Alipay closes its table with a dashed line; the summary
			// (共N笔记录, 已收入, 导出时间, 用户) follows.
			trailer = true
			continue
		}
		if cols.isRepeat(cells) {
			// Some banks repeat the header on every printed page.
			continue
		}
		if bank && !trailer && isBankFooter(cells) {
			// Totals and export notes close a bank's table.
			trailer = true
		}
		if bank && !trailer && isCarried(cell(cols, cells, fieldType)) {
			info.scan(cells)
			continue
		}
		if bank && !trailer && !hasDigit(cell(cols, cells, fieldDate)+cell(cols, cells, fieldPostDate)+cell(cols, cells, fieldTime)) {
			// No date at all: a note or a page line inside the table.
			info.scan(cells)
			continue
		}
		if trailer || filled == 1 {
			// A lone cell is a note or summary line, never a transaction.
			info.scan(cells)
			continue
		}
		rows++
		if rows > maxRows {
			return nil, fmt.Errorf("more than %d rows: %w", maxRows, ErrTooLarge)
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

// rowError is a row that could not be split into cells; reading goes on.
type rowError struct{ err error }

func (e *rowError) Error() string { return e.err.Error() }
func (e *rowError) Unwrap() error { return e.err }

// field is one column a Row is filled from.
type field int

const (
	fieldTime     field = iota
	fieldDate           // a bank's date column when the time of day stands apart
	fieldClock          // a bank's time-of-day column
	fieldPostDate       // a bank's posting date, when the transaction date is empty
	fieldPayTime
	fieldType
	fieldCounterparty
	fieldCounterAccount
	fieldGoods
	fieldDirection
	fieldAmount
	fieldDebit  // money out
	fieldCredit // money in
	fieldMethod
	fieldStatus
	fieldTxnID
	fieldMerchantID
	fieldNote
	fieldCurrency
	fieldMerchant // a bank's 交易场所: the counterparty when no 对方户名 is filled
	fieldCount
)

// layout describes one known table: which column names must all be
// present (each entry lists alternatives), and which names fill each field.
type layout struct {
	provider string
	// version is the layout's era in the name ("2022", "2023"), or "" when
	// the container alone names it.
	version  string
	required [][]string
	fields   map[field][]string
	// dayFirst: dates are written day first (24/03/2025), as in Hong Kong.
	dayFirst bool
}

// name builds the Layout of a bill from the provider, the container and, for
// the WeChat xlsx, the preamble.
func (l *layout) name(container string, preamble [][]string) string {
	if l.provider == "wechat" && container == "xlsx" {
		return "wechat-xlsx-" + wechatXLSXVersion(preamble)
	}
	n := l.provider + "-" + container
	if l.version != "" {
		n += "-" + l.version
	}
	return n
}

// layouts are tried in order; the first whose required columns are all in
// a row makes that row the header. The bank layout, the loosest, comes last.
var layouts = []*layout{&wechatLayout, &alipay2023Layout, &alipay2022Layout, &bankLayout, &bankENLayout}

// columns is a matched header: the layout and the index of each field's
// column (-1 when absent).
type columns struct {
	layout *layout
	idx    [fieldCount]int
	header []string // the header cells, normalised
}

// isRepeat reports whether a row repeats the header.
func (c *columns) isRepeat(cells []string) bool {
	if len(cells) != len(c.header) {
		return false
	}
	for i, h := range c.header {
		if headerName(cells[i]) != h {
			return false
		}
	}
	return true
}

func matchHeader(cells []string) *columns {
	if countFilled(cells) < 2 {
		return nil
	}
	if len(cells) > maxHeaderCells {
		cells = cells[:maxHeaderCells] // no bill has more columns
	}
	names := make([]string, len(cells))
	// index: a name, lower case, with and without its unit, to the first
	// cell that bears it.
	index := make(map[string]int, 2*len(cells))
	for i, c := range cells {
		names[i] = headerName(c)
		for _, k := range []string{strings.ToLower(names[i]), strings.ToLower(trimUnit(names[i]))} {
			if _, seen := index[k]; !seen {
				index[k] = i
			}
		}
	}
	find := func(alts []string) int {
		for _, a := range alts {
			if i, ok := index[strings.ToLower(headerName(a))]; ok {
				return i
			}
		}
		return -1
	}
	for _, l := range layouts {
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
		c := &columns{layout: l, header: names}
		for f := range c.idx {
			c.idx[f] = find(l.fields[field(f)])
		}
		return c
	}
	return nil
}

// headerName normalises a header cell: no padding, ASCII brackets and
// slash, no inner spaces, so "金额（元）  " and "金额(元)" compare equal.
func headerName(s string) string {
	return strings.TrimSpace(headerReplacer.Replace(s))
}

// trimUnit drops the unit a header names after its column: "金额(元)",
// "交易金额(人民币)", "Amount (HKD)".
func trimUnit(n string) string {
	for _, u := range []string{"(元)", "(人民币)", "(人民币元)", "(RMB)", "(CNY)", "(HKD)", "(港币)"} {
		if len(n) > len(u) && strings.HasSuffix(strings.ToUpper(n), u) {
			return n[:len(n)-len(u)]
		}
	}
	return n
}

var headerReplacer = strings.NewReplacer("（", "(", "）", ")", "／", "/", " ", "", "\u3000", "", "\t", "", "\ufeff", "", "\"", "")

// cell returns the cleaned text of a field's cell, "" when the column is
// absent. WeChat writes "/" for "nothing"; that becomes "".
func cell(c *columns, cells []string, f field) string {
	i := c.idx[f]
	if i < 0 || i >= len(cells) {
		return ""
	}
	v := trim(cells[i])
	if v == "/" || strings.Trim(v, "-") == "" {
		// "/" (WeChat) and "-----" (some banks) stand for an empty cell.
		return ""
	}
	return v
}

// trim removes the padding bills put around values: spaces, tabs,
// no-break spaces.
func trim(s string) string {
	return strings.Trim(s, " \t\r\n\u00a0\u3000\ufeff")
}

// cleanID trims an ID of padding and of what spreadsheets add to keep a
// long number as text: a leading "'", "`" or tab, or an ="…" formula.
func cleanID(s string) string {
	s = trim(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	s = strings.TrimLeft(s, "'`\t ")
	s = trim(s)
	if s == "/" || s == "-" {
		return ""
	}
	return s
}

func countFilled(cells []string) int {
	n := 0
	for _, c := range cells {
		if trim(c) != "" {
			n++
		}
	}
	return n
}

func firstFilled(cells []string) string {
	for _, c := range cells {
		if t := trim(c); t != "" {
			return t
		}
	}
	return ""
}

// converter turns the cells of a row into a Row.
type converter struct {
	numeric  bool
	date1904 bool
	bank     *bankContext // set for bank statements
}

func (cv converter) row(c *columns, cells []string) (Row, bool) {
	r := Row{
		Type:         cell(c, cells, fieldType),
		Counterparty: cell(c, cells, fieldCounterparty),
		Goods:        cell(c, cells, fieldGoods),
		Method:       cell(c, cells, fieldMethod),
		Status:       cell(c, cells, fieldStatus),
		Note:         cell(c, cells, fieldNote),
	}
	if c.idx[fieldTxnID] >= 0 && c.idx[fieldTxnID] < len(cells) {
		r.TxnID = cleanID(cells[c.idx[fieldTxnID]])
	}
	if c.idx[fieldMerchantID] >= 0 && c.idx[fieldMerchantID] < len(cells) {
		r.MerchantID = cleanID(cells[c.idx[fieldMerchantID]])
	}
	if c.idx[fieldCounterAccount] >= 0 && c.idx[fieldCounterAccount] < len(cells) {
		r.CounterAccount = cleanID(cell(c, cells, fieldCounterAccount))
	}
	if r.Counterparty == "" && cv.bank != nil {
		r.Counterparty = cell(c, cells, fieldMerchant)
	}
	if r.Counterparty == "" {
		r.Counterparty = cell(c, cells, fieldCounterAccount)
	}
	if cv.bank != nil {
		return cv.bankRow(c, cells, r)
	}

	// Time: Alipay's old layout pays at 付款时间 (empty when unpaid, then
	// the creation time counts).
	t, ok := cv.time(cell(c, cells, fieldPayTime))
	if !ok {
		t, ok = cv.time(cell(c, cells, fieldTime))
	}
	if !ok {
		return r, false
	}
	r.Time = t

	dir := parseDirection(cell(c, cells, fieldDirection))
	switch {
	case c.idx[fieldAmount] >= 0:
		a, err := cv.amount(cell(c, cells, fieldAmount))
		if err != nil {
			return r, false
		}
		if a < 0 {
			a = -a
		}
		r.Amount = a
	default:
		return r, false
	}
	r.Direction = dir
	return r, true
}

// bankRow reads the time, amount, currency and direction of a bank
// statement's row.
func (cv converter) bankRow(c *columns, cells []string, r Row) (Row, bool) {
	dayFirst := c.layout.dayFirst
	if r.Note == r.Type {
		r.Note = "" // one column (摘要) found for both
	}
	// Time: a full date and time, or a date with the time of day apart; the
	// posting date when the transaction date is empty (a credit card's
	// repayment has none).
	t, ok := cv.bankTime(cell(c, cells, fieldTime), dayFirst)
	if !ok {
		date := cell(c, cells, fieldDate)
		if date == "" {
			date = cell(c, cells, fieldPostDate)
		}
		if clock := cell(c, cells, fieldClock); clock != "" && c.idx[fieldClock] != c.idx[fieldDate] && !strings.ContainsAny(date, ": ") {
			t, ok = cv.bankTime(date+" "+clock, dayFirst)
		}
		if !ok {
			t, ok = cv.bankTime(date, dayFirst)
		}
	}
	if !ok {
		return r, false
	}
	r.Time = t
	r.Currency = normCurrency(cell(c, cells, fieldCurrency))

	dir := parseDirection(cell(c, cells, fieldDirection))
	if c.idx[fieldAmount] >= 0 {
		a, cur, crdr, err := cv.bankAmount(cell(c, cells, fieldAmount))
		if err != nil {
			return r, false
		}
		if r.Currency == "" {
			r.Currency = cur
		}
		if dir == "" {
			dir = crdr
		}
		switch {
		case dir != "":
		case cv.bank.credit && a < 0:
			dir = "in" // a repayment on a credit card statement
		case cv.bank.credit && isRefund(r.Type, r.Note):
			dir = "in"
		case cv.bank.credit && a > 0:
			dir = "out" // spending
		case a < 0:
			dir = "out"
		case a > 0:
			dir = "in"
		}
		if a < 0 {
			a = -a
		}
		r.Amount, r.Direction = a, dir
		return r, true
	}
	out, curOut, _, errOut := cv.bankAmount(cell(c, cells, fieldDebit))
	in, curIn, _, errIn := cv.bankAmount(cell(c, cells, fieldCredit))
	switch {
	case errOut == nil && out != 0:
		r.Amount, dir = out, "out"
		if out < 0 {
			r.Amount, dir = -out, "in"
		}
		if r.Currency == "" {
			r.Currency = curOut
		}
	case errIn == nil && in != 0:
		r.Amount, dir = in, "in"
		if in < 0 {
			r.Amount, dir = -in, "out"
		}
		if r.Currency == "" {
			r.Currency = curIn
		}
	case errOut == nil || errIn == nil:
		// 0.00 in both: an entry without money (利息税 0.00).
		dir = ""
	default:
		return r, false
	}
	r.Direction = dir
	return r, true
}

// parseDirection reads a 收/支 or 借贷 column.
func parseDirection(s string) string {
	switch strings.ToUpper(headerName(s)) {
	case "支出", "支", "出", "借", "借方", "付款", "转出", "D", "DR", "DEBIT", "-":
		return "out"
	case "收入", "收", "入", "贷", "贷方", "收款", "转入", "C", "CR", "CREDIT", "+":
		return "in"
	}
	// Banks spell the flag "借 Dr" / "贷 Cr".
	switch n := headerName(s); {
	case strings.HasPrefix(n, "借"):
		return "out"
	case strings.HasPrefix(n, "贷"):
		return "in"
	}
	return ""
}

// time reads a cell's time in UTC+8: text in the forms bills print, or, in an
// xlsx, an Excel serial number.
func (cv converter) time(s string) (time.Time, bool) {
	s = strings.Trim(trim(s), "'`\"")
	if s == "" {
		return time.Time{}, false
	}
	if cv.numeric && isDecimal(s) && !(len(s) == 8 && !strings.Contains(s, ".")) {
		return excelTime(s, cv.date1904)
	}
	return parseTime(s)
}

// parseTime reads the times bills print: "2025-11-03 14:05:00",
// "2025/11/3 14:05", "2025年11月3日 14:05:00", "20251103", "20251103 140500",
// "2025-11-03T14:05:00". The result is in UTC+8.
func parseTime(s string) (time.Time, bool) {
	s = trim(s)
	if i := strings.IndexAny(s, "Tt"); i > 0 && i < len(s)-1 && s[i-1] >= '0' && s[i-1] <= '9' {
		s = s[:i] + " " + s[i+1:]
	}
	s = timeReplacer.Replace(s)
	s = strings.TrimSpace(s)
	datePart, clockPart, _ := strings.Cut(s, " ")
	clockPart = strings.TrimSpace(clockPart)
	var y, mo, d int
	var ok bool
	if len(datePart) == 8 && allDigits(datePart) {
		y, _ = strconv.Atoi(datePart[:4])
		mo, _ = strconv.Atoi(datePart[4:6])
		d, _ = strconv.Atoi(datePart[6:])
	} else {
		p := strings.Split(strings.TrimSuffix(datePart, "-"), "-")
		if len(p) != 3 || len(p[0]) != 4 || len(p[1]) < 1 || len(p[1]) > 2 || len(p[2]) < 1 || len(p[2]) > 2 {
			return time.Time{}, false
		}
		if y, ok = atoi(p[0]); !ok {
			return time.Time{}, false
		}
		if mo, ok = atoi(p[1]); !ok {
			return time.Time{}, false
		}
		if d, ok = atoi(p[2]); !ok {
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
		case len(clockPart) == 6 && allDigits(clockPart):
			p = []string{clockPart[:2], clockPart[2:4], clockPart[4:]}
		case len(clockPart) == 4 && allDigits(clockPart):
			p = []string{clockPart[:2], clockPart[2:]}
		default:
			return time.Time{}, false
		}
		if len(p) < 2 || len(p) > 3 {
			return time.Time{}, false
		}
		if h, ok = atoi(p[0]); !ok {
			return time.Time{}, false
		}
		if mi, ok = atoi(p[1]); !ok {
			return time.Time{}, false
		}
		if len(p) == 3 {
			if sec, ok = atoi(p[2]); !ok {
				return time.Time{}, false
			}
		}
	}
	if y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, tz.Shanghai)
	if t.Day() != d {
		return time.Time{}, false // 2025-02-30
	}
	return t, true
}

var timeReplacer = strings.NewReplacer("年", "-", "月", "-", "日", " ", "/", "-", ".", "-")

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 4 || !allDigits(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// decimalRE is a plain number as a spreadsheet stores it.
var decimalRE = regexp.MustCompile(`^-?[0-9]{1,20}(\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?$`)

func isDecimal(s string) bool { return decimalRE.MatchString(s) }

// amount reads an amount exactly: "¥12.00", "5,000.00", "-3.20". An xlsx
// stores numbers as binary floating point printed in decimal (0.1 may read
// "0.10000000000000001"), so there a number is rounded to the nearest fen
// with exact rational arithmetic.
func (cv converter) amount(s string) (money.Fen, error) {
	s = strings.Trim(trim(s), "'`\"")
	if s == "" || s == "/" {
		return 0, fmt.Errorf("no amount: %w", money.ErrSyntax)
	}
	v, err := money.Parse(s)
	if err == nil || !cv.numeric || !isDecimal(s) {
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

// preambleInfo collects what the lines around the table say: the account
// and the period.
type preambleInfo struct {
	accounts   map[string]string // label → value
	start, end time.Time
	monthEnd   time.Time // the last second of a statement month ("2024年01月")
}

var (
	accountRE = regexp.MustCompile(`(?:^|[\s,，#])(微信昵称|支付宝账户|卡号/账号|账号|账户|卡号|户名|账户名称|客户名称|姓名|用户|(?i:account number|account no\.?))\s*[：:]\s*(\[[^\]]*\]|[^\s,，\[\]]+)`)
	startRE   = regexp.MustCompile(`(?:起始|开始)(?:时间|日期)\s*[：:]\s*\[?\s*([0-9][0-9:\-/. 年月日]*[0-9日])`)
	endRE     = regexp.MustCompile(`(?:终止|结束|截止)(?:时间|日期)\s*[：:]\s*\[?\s*([0-9][0-9:\-/. 年月日]*[0-9日])`)
	// accountLabels in order of preference.
	accountLabels = []string{"微信昵称", "支付宝账户", "账号", "卡号/账号", "卡号", "账户", "户名", "账户名称", "客户名称", "姓名", "用户", "Account Number"}
	// periodRE: 起止日期：2024-01-01 — 2024-01-31, 查询期间: 20240101-20240131.
	periodRE = regexp.MustCompile(`(?:起止日期|起止时间|查询期间|查询日期|交易期间|账单周期|交易日期范围|查询时间段|(?i:statement period|period))\s*[：:]?\s*\[?\s*` +
		`([0-9]{4}[-/.年]?[0-9]{1,2}[-/.月]?[0-9]{1,2}日?)\s*\]?\s*(?:-|—|–|~|～|至|到|to)\s*\[?\s*([0-9]{4}[-/.年]?[0-9]{1,2}[-/.月]?[0-9]{1,2}日?)`)
	// periodDMYRE: an English period, day first: "Statement Period: 01/03/2025 - 31/03/2025".
	periodDMYRE = regexp.MustCompile(`(?i:statement period|period|statement date from)\s*[：:]?\s*([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\s*(?:-|–|~|to)\s*([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})`)
	// periodOnlyRE: a line that is a period and nothing else, "2024-01-01 -- 2024-01-31".
	periodOnlyRE = regexp.MustCompile(`^\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\s*(?:--|-|—|–|~|～|至)\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\s*$`)
	// monthRE: a statement month, "2024年01月" not followed by a day.
	monthRE = regexp.MustCompile(`([0-9]{4})\s*年\s*([0-9]{1,2})\s*月(\s*[0-9])?`)
)

func (p *preambleInfo) scan(cells []string) {
	squeezed := make([]string, len(cells))
	for i, c := range cells {
		squeezed[i] = squeezeLabel(c)
	}
	line := strings.Join(squeezed, " ")
	if len(line) > 4096 {
		line = line[:4096]
	}
	if p.monthEnd.IsZero() {
		for _, m := range monthRE.FindAllStringSubmatch(line, 4) {
			if m[3] != "" {
				continue
			}
			if t, ok := parseTime(m[1] + "-" + m[2] + "-1"); ok {
				p.monthEnd = t.AddDate(0, 1, 0).Add(-time.Second)
				break
			}
		}
	}
	if m := periodRE.FindStringSubmatch(line); m != nil && p.start.IsZero() && p.end.IsZero() {
		s, ok1 := parseTime(strings.TrimSuffix(m[1], "日"))
		e, ok2 := parseTime(strings.TrimSuffix(m[2], "日"))
		if ok1 && ok2 && !e.Before(s) {
			p.start, p.end = s, e.Add(24*time.Hour-time.Second)
		}
	}
	if p.start.IsZero() && p.end.IsZero() {
		var s, e time.Time
		var ok1, ok2 bool
		if m := periodDMYRE.FindStringSubmatch(line); m != nil {
			s, ok1 = parseDayFirst(m[1])
			e, ok2 = parseDayFirst(m[2])
		} else if m := periodOnlyRE.FindStringSubmatch(trim(line)); m != nil {
			s, ok1 = parseTime(m[1])
			e, ok2 = parseTime(m[2])
		}
		if ok1 && ok2 && !e.Before(s) {
			p.start, p.end = s, e.Add(24*time.Hour-time.Second)
		}
	}
	if !strings.ContainsAny(line, ":：") {
		return
	}
	for _, m := range accountRE.FindAllStringSubmatch(line, -1) {
		v := trim(strings.Trim(m[2], "[]"))
		if v == "" {
			continue
		}
		if p.accounts == nil {
			p.accounts = map[string]string{}
		}
		label := m[1]
		if strings.HasPrefix(strings.ToLower(label), "account") {
			label = "Account Number"
		}
		if _, seen := p.accounts[label]; !seen {
			p.accounts[label] = v
		}
	}
	if m := startRE.FindStringSubmatch(line); m != nil && p.start.IsZero() {
		if t, ok := parseTime(m[1]); ok {
			p.start = t
		}
	}
	if m := endRE.FindStringSubmatch(line); m != nil && p.end.IsZero() {
		if t, ok := parseTime(m[1]); ok {
			if !strings.Contains(m[1], ":") && len(strings.Fields(m[1])) == 1 {
				// A period ending on a date ends with that day.
				t = t.Add(24*time.Hour - time.Second)
			}
			p.end = t
		}
	}
}

// yearRef is the time a date without a year is placed by: the end of the
// stated period, else of the statement month; zero when neither is known.
func (p *preambleInfo) yearRef() time.Time {
	if !p.end.IsZero() {
		return p.end
	}
	return p.monthEnd
}

func (p *preambleInfo) account() string {
	for _, l := range accountLabels {
		if v, ok := p.accounts[l]; ok {
			return v
		}
	}
	return ""
}
