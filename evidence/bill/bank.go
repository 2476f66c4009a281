package bill

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// Bank account and credit card statements exported as CSV or xlsx (UTF-8
// with or without BOM, GBK, comma- or tab-separated).
//
// Banks differ; the columns are found by the names banks use. Each bank's
// layout, the source it was confirmed against and its test file are listed
// in docs/formats.md (section 3.2) and testdata/README.md. In short:
//
//   - deb-sig/double-entry-generator example/…/*-records.csv: ICBC debit
//     (v1 and v2) and credit (明细查询文件下载, 交易金额(收入)/(支出) and
//     记账金额(收入)/(支出), cells padded with spaces and a tab, a 人民币合计 /
//     合计金额 footer), CMB debit (记账日期, signed 交易金额, 联机余额, 对手信息)
//     and credit (a title with 2024年01月, MM/DD dates, 人民币金额 positive for
//     spending, "8,000.00(CN)"), BOC debit (title, 记账日期 and 记账时间 apart,
//     "-----" cells) and credit (存入/支出), BOCOM debit (借贷 "借 Dr"/"贷 Cr",
//     unsigned 交易金额) and credit ("CNY 123.18", the kind of entry in the
//     first word of 交易说明), ABC debit (20240101 and 123456 apart, "+10000.00",
//     日 志 号), CCB (a preamble, 记账日, 支出/收入, a 以上数据仅供参考 footer),
//     HSBC HK debit and credit (English headers, DD/MM/YYYY, "-1.00"\t,).
//   - jiegec/china_bean_importers ccb_debit_card: CCB 交易明细 (序号, 摘要, 币别,
//     钞汇, 交易日期 20230103, signed 交易金额, 对方账号与户名).
//   - a public beancount importer for CMB debit cards (csv_7_fields_type):
//     the 大众版 CSV, '#' preamble and footer lines, 交易日期 YYYYMMDD,
//     交易时间, 支出, 存入, 余额, 交易类型, 交易备注.
//
// The direction of money: from a 借贷 / 收支 / Credit-Debit flag column when
// there is one; else from separate out and in columns; else from the sign
// of a single amount, positive being money in — except on a mainland credit
// card statement, which prints spending positive and repayments negative,
// and where an unsigned amount is money out unless the entry is a repayment
// or refund (还款, 退货, 退款, 返还).

var bankLayout = layout{
	provider: "bank",
	required: [][]string{
		{"交易日期", "记账日期", "交易时间", "入账日期", "交易日", "记账日", "日期", "银行记账日"},
		{"交易金额", "发生额", "金额", "借方发生额", "贷方发生额", "支出金额", "收入金额", "借方金额", "贷方金额",
			"存入", "支出", "收入", "存入金额", "交易金额(收入)", "交易金额(支出)", "记账金额(收入)", "记账金额(支出)",
			"人民币金额", "交易币种/金额", "入账币种/金额", "入账金额", "记账金额"},
		{"摘要", "交易摘要", "交易类型", "交易名称", "交易说明", "交易描述", "交易备注", "对方户名", "对方账户名",
			"对方名称", "对手信息", "对方账号", "对方账号与户名", "余额", "联机余额", "账户余额", "交易后余额", "本次余额",
			"流水号", "交易流水号", "交易参考号", "日志号", "备注", "附言", "交易地点/附言", "卡号末四位", "卡号后四位",
			"币种", "币别", "货币"},
	},
	fields: map[field][]string{
		fieldTime:           {"交易时间", "交易日期时间"},
		fieldDate:           {"交易日期", "交易日", "记账日期", "入账日期", "记账日", "银行记账日", "日期"},
		fieldPostDate:       {"记账日期", "记账日", "入账日期", "银行记账日"},
		fieldClock:          {"交易时间", "记账时间", "时间"},
		fieldType:           {"交易类型", "交易名称", "交易摘要", "摘要", "业务摘要", "交易说明", "交易描述"},
		fieldCounterparty:   {"对方户名", "对方账户名", "对方名称", "对方账户名称", "收/付方名称", "交易对方", "对手信息", "对方账号与户名"},
		fieldCounterAccount: {"对方账号", "对方卡号/账号", "对方账户", "对方卡号", "收/付方账号"},
		fieldDirection:      {"借贷标志", "借贷", "收支", "收/支", "收支标志", "借贷方向", "交易方向"},
		fieldAmount:         {"交易金额", "发生额", "金额", "入账币种/金额", "人民币金额", "入账金额", "记账金额", "交易币种/金额"},
		fieldDebit:          {"记账金额(支出)", "借方发生额", "支出金额", "借方金额", "支出", "交易金额(支出)", "转出金额"},
		fieldCredit:         {"记账金额(收入)", "贷方发生额", "收入金额", "贷方金额", "存入金额", "收入", "存入", "交易金额(收入)", "转入金额"},
		fieldCurrency:       {"记账币种", "入账币种", "币种", "币别", "货币", "交易币种"},
		fieldMethod:         {"交易渠道", "渠道"},
		fieldTxnID:          {"流水号", "交易流水号", "交易参考号", "交易序号", "凭证号", "日志号", "交易编号", "业务流水号"},
		fieldNote:           {"备注", "附言", "用途", "交易附言", "客户摘要", "交易备注", "交易地点/附言", "交易详情", "摘要"},
		fieldMerchant:       {"交易场所", "商户名称", "交易地点"},
	},
}

// bankENLayout is a statement with English headers, as Hong Kong banks
// write them; their dates are day first (24/03/2025).
var bankENLayout = layout{
	provider: "bank",
	dayFirst: true,
	required: [][]string{
		{"Date", "Transaction date", "Trans date", "Value date", "Post date", "Posting date"},
		{"Amount", "Billing amount", "Transaction amount", "Deposit", "Withdrawal", "Deposits", "Withdrawals",
			"Debit", "Credit", "Deposit amount", "Withdrawal amount"},
		{"Description", "Details", "Transaction details", "Particulars", "Narrative", "Balance", "Reference",
			"Merchant name"},
	},
	fields: map[field][]string{
		fieldDate:         {"Transaction date", "Trans date", "Date", "Value date"},
		fieldPostDate:     {"Post date", "Posting date", "Value date"},
		fieldType:         {"Description", "Transaction details", "Details", "Particulars", "Narrative"},
		fieldCounterparty: {"Merchant name", "Payee", "Counterparty"},
		fieldDirection:    {"Credit/Debit", "Debit/Credit", "DR/CR", "CR/DR"},
		fieldAmount:       {"Billing amount", "Amount", "Transaction amount"},
		fieldDebit:        {"Withdrawal", "Withdrawals", "Withdrawal amount", "Debit", "Debit amount"},
		fieldCredit:       {"Deposit", "Deposits", "Deposit amount", "Credit", "Credit amount"},
		fieldCurrency:     {"Billing currency", "Currency", "CCY"},
		fieldStatus:       {"Transaction status", "Status"},
		fieldTxnID:        {"Reference", "Reference no.", "Ref no.", "Transaction reference"},
		fieldNote:         {"Remarks", "Memo"},
	},
}

// bankContext is what the rows of a bank statement are read with.
type bankContext struct {
	credit bool      // a mainland credit card statement: spending is positive
	ref    time.Time // the period's end, the year of a date without one
}

// bankNames name a bank by words of its statement's title, preamble or
// header; the first match wins, so a name that contains another comes
// first.
var bankNames = []struct {
	code  string
	words []string
}{
	{"CCB", []string{"中国建设银行", "建设银行", "China Construction Bank"}},
	{"ABC", []string{"中国农业银行", "农业银行", "Agricultural Bank of China"}},
	{"ICBC", []string{"中国工商银行", "工商银行", "ICBC", "明细查询文件下载"}},
	{"BOCOM", []string{"交通银行", "Bank of Communications", "BOCOM"}},
	{"CMB", []string{"招商银行", "China Merchants Bank"}},
	{"BOCHK", []string{"中国银行(香港)", "中國銀行(香港)", "中银香港", "中銀香港", "Bank of China (Hong Kong)", "BOCHK"}},
	{"HASE", []string{"恒生银行", "恒生銀行", "Hang Seng"}},
	{"HSBC", []string{"汇丰", "滙豐", "HSBC"}},
	{"BOC", []string{"中国银行", "Bank of China"}},
}

// bankHeaders name a bank by columns only its exports have, when the
// file names no bank.
var bankHeaders = []struct {
	code    string
	columns []string // all present
}{
	{"ICBC", []string{"交易金额(收入)", "记账金额(收入)"}},
	{"CMB", []string{"联机余额", "对手信息"}},
	{"CMB", []string{"人民币金额", "卡号末四位"}},
	{"BOC", []string{"对方卡号/账号", "记账时间"}},
	{"BOC", []string{"银行记账日", "卡号后四位"}},
	{"BOCOM", []string{"入账币种/金额"}},
	{"BOCOM", []string{"借贷", "交易地点", "对方户名"}},
	{"ABC", []string{"日志号", "本次余额"}},
	{"CCB", []string{"对方账号与户名"}},
	{"CCB", []string{"记账日", "账户余额", "交易地点"}},
	{"HSBC", []string{"Billingamount", "Billingcurrency"}},
}

// creditHeaders are columns only credit card statements have.
var creditHeaders = []string{"卡号末四位", "卡号后四位", "入账币种/金额", "银行记账日", "Postdate", "Transactionstatus"}

// identifyBank names the bank ("ICBC", "CMB", …; "" when unknown) and the
// card ("debit", "credit", "") of a statement from its preamble and header.
func identifyBank(preamble [][]string, header []string) (bank, card string) {
	var sb strings.Builder
	for _, cells := range preamble {
		for _, c := range cells {
			if sb.Len() > 16<<10 {
				break
			}
			sb.WriteString(trim(c))
			sb.WriteByte(' ')
		}
	}
	text := strings.NewReplacer("（", "(", "）", ")").Replace(sb.String())
	has := func(names ...string) bool {
		for _, n := range names {
			found := false
			for _, h := range header {
				if strings.EqualFold(h, n) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	for _, b := range bankNames {
		for _, w := range b.words {
			if strings.Contains(text, w) {
				bank = b.code
				break
			}
		}
		if bank != "" {
			break
		}
	}
	if bank == "" {
		for _, b := range bankHeaders {
			if has(b.columns...) {
				bank = b.code
				break
			}
		}
	}
	for _, h := range creditHeaders {
		if has(h) {
			card = "credit"
		}
	}
	switch {
	case card != "":
	case strings.Contains(text, "借记卡") || has("借记卡号"):
		card = "debit"
	case strings.Contains(text, "信用卡") || strings.Contains(strings.ToLower(text), "credit card"):
		card = "credit"
	}
	return bank, card
}

// bankFooters begin the lines after a bank's table: totals, export notes.
var bankFooters = []string{"合计", "人民币合计", "合计金额", "本页合计", "总计", "总笔数", "共计", "交易笔数", "收入合计",
	"支出合计", "合并统计", "导出时间", "打印时间", "下载时间", "温馨提示", "以上数据", "特别提示", "Total"}

// isBankFooter reports whether a row begins the footer of a bank's table:
// a total, an export note, or a line marked '#' (the CMB export marks its
// notes so).
func isBankFooter(cells []string) bool {
	first := firstFilled(cells)
	if strings.HasPrefix(first, "#") {
		return true
	}
	first = strings.ReplaceAll(first, " ", "")
	for _, f := range bankFooters {
		if strings.HasPrefix(first, f) {
			return true
		}
	}
	// 共5笔, 共 12 笔交易
	if rest, ok := strings.CutPrefix(first, "共"); ok {
		d := strings.TrimLeft(rest, "0123456789")
		return d != rest && strings.HasPrefix(d, "笔")
	}
	return false
}

// carriedWords mark a line that carries a balance over, not a
// transaction: "B/F BALANCE", 承前页, 期初余额.
var carriedWords = []string{"B/F", "C/F", "BROUGHT FORWARD", "CARRIED FORWARD", "BALANCE FORWARD", "OPENING BALANCE",
	"CLOSING BALANCE", "承前页", "承上页", "过次页", "期初余额", "上期余额", "期末余额"}

func isCarried(s string) bool {
	u := strings.ToUpper(s)
	for _, w := range carriedWords {
		if strings.Contains(u, w) {
			return true
		}
	}
	return false
}

// refundWords mark a credit card entry that is money in.
var refundWords = []string{"还款", "退货", "退款", "返还", "返现", "溢缴", "存入"}

func isRefund(texts ...string) bool {
	for _, t := range texts {
		for _, w := range refundWords {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// currencyWords are the names of currencies statements write beside
// amounts or in a currency column, to ISO 4217.
var currencyWords = map[string]string{
	"人民币": "CNY", "人民币元": "CNY", "RMB": "CNY", "CNY": "CNY", "CNH": "CNH", "¥": "CNY", "￥": "CNY",
	"港币": "HKD", "港元": "HKD", "港幣": "HKD", "HKD": "HKD", "HK$": "HKD",
	"美元": "USD", "USD": "USD", "US$": "USD",
	"欧元": "EUR", "日元": "JPY", "英镑": "GBP",
}

// normCurrency names a currency cell by its ISO code: "人民币" is "CNY", a
// three-letter code stays, anything else is "".
func normCurrency(s string) string {
	s = strings.TrimSpace(s)
	if c, ok := currencyWords[s]; ok {
		return c
	}
	if c, ok := currencyWords[strings.ToUpper(s)]; ok {
		return c
	}
	if len(s) == 3 && isUpperASCII(s) {
		return s
	}
	return ""
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// bankAmount reads an amount as banks write it: "CNY 123.18", "8,000.00(CN)",
// "+1,234.00", "-50.00", "RMB 12.00", "12.00 元", "HK$1,000.00", "1,234.00 CR".
// It returns the amount (signed as written), the currency it names ("" if
// none) and the direction a CR/DR suffix gives ("in", "out" or "").
func (cv converter) bankAmount(s string) (money.Fen, string, string, error) {
	s = strings.Trim(trim(s), "'`\"")
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], strings.TrimSpace(s[1:])
	}
	// A region after the amount: "8,000.00(CN)".
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && isUpperASCII(s[i+1:len(s)-1]) && len(s)-i-2 <= 3 {
		s = strings.TrimSpace(s[:i])
	}
	crdr := ""
	if u := strings.ToUpper(s); len(u) > 2 && (strings.HasSuffix(u, "CR") || strings.HasSuffix(u, "DR")) {
		if c := u[len(u)-3]; c == ' ' || (c >= '0' && c <= '9') {
			crdr = map[bool]string{true: "in", false: "out"}[strings.HasSuffix(u, "CR")]
			s = strings.TrimSpace(s[:len(s)-2])
		}
	}
	cur := ""
	for _, w := range []string{"人民币元", "人民币", "港币", "港元", "港幣", "美元", "HK$", "US$", "¥", "￥"} {
		if r, ok := strings.CutPrefix(s, w); ok {
			cur, s = currencyWords[w], strings.TrimSpace(r)
		} else if r, ok := strings.CutSuffix(s, w); ok {
			cur, s = currencyWords[w], strings.TrimSpace(r)
		}
	}
	if len(s) > 3 && isUpperASCII(s[:3]) {
		cur, s = normCurrency(s[:3]), strings.TrimSpace(s[3:])
	} else if len(s) > 3 && isUpperASCII(s[len(s)-3:]) {
		cur, s = normCurrency(s[len(s)-3:]), strings.TrimSpace(s[:len(s)-3])
	}
	if r, ok := strings.CutSuffix(s, "元"); ok {
		s = strings.TrimSpace(r)
		if cur == "" {
			cur = "CNY"
		}
	}
	if sign == "" && (strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+")) {
		sign, s = s[:1], strings.TrimSpace(s[1:])
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, cur, crdr, money.ErrSyntax
	}
	v, err := cv.amount(s)
	if err != nil {
		return 0, cur, crdr, err
	}
	if sign == "-" {
		v = -v
	}
	return v, cur, crdr, nil
}

// bankTime reads a bank's date: the forms of parseTime; in an English
// layout day first ("24/03/2025", "05 Jan 2024"); and a date without a year
// ("12/29", "01-05", "1月5日"), placed in the year of the period's end (the
// year before when it would fall after the period).
func (cv converter) bankTime(s string, dayFirst bool) (time.Time, bool) {
	s = strings.Trim(trim(s), "'`\"")
	if s == "" {
		return time.Time{}, false
	}
	if dayFirst {
		if t, ok := parseDayFirst(s); ok {
			return t, true
		}
	}
	if t, ok := cv.time(s); ok {
		return t, true
	}
	m := yearlessRE.FindStringSubmatch(s)
	if m == nil || cv.bank == nil || cv.bank.ref.IsZero() {
		return time.Time{}, false
	}
	ref := cv.bank.ref.In(tz.Shanghai)
	y := ref.Year()
	mo, d := m[1], m[2]
	if dayFirst {
		mo, d = d, mo
	}
	t, ok := parseTime(strings.TrimSpace(itoa4(y) + "-" + mo + "-" + d + " " + m[3]))
	if !ok {
		return time.Time{}, false
	}
	if t.After(ref.AddDate(0, 0, 2)) {
		if t, ok = parseTime(strings.TrimSpace(itoa4(y-1) + "-" + mo + "-" + d + " " + m[3])); !ok {
			return time.Time{}, false
		}
	}
	return t, true
}

var yearlessRE = regexp.MustCompile(`^([0-9]{1,2})\s*[/\-.月]\s*([0-9]{1,2})\s*日?(?:\s+([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?))?$`)

func itoa4(y int) string {
	b := []byte{'0', '0', '0', '0'}
	for i := 3; i >= 0 && y > 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}

var (
	dmyRE      = regexp.MustCompile(`^([0-9]{1,2})[/\-.]([0-9]{1,2})[/\-.]([0-9]{4})(?:\s+(.+))?$`)
	dMonYRE    = regexp.MustCompile(`^([0-9]{1,2})[\s\-]?([A-Za-z]{3})[A-Za-z]*[\s\-,]*([0-9]{4}|[0-9]{2})(?:\s+(.+))?$`)
	monthNames = map[string]string{"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
		"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12"}
)

// parseDayFirst reads "24/03/2025", "24-03-2025 10:30", "05 Jan 2024",
// "05Jan2024", "5-Jan-24".
func parseDayFirst(s string) (time.Time, bool) {
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		return parseTime(strings.TrimSpace(m[3] + "-" + m[2] + "-" + m[1] + " " + m[4]))
	}
	if m := dMonYRE.FindStringSubmatch(s); m != nil {
		mo, ok := monthNames[strings.ToLower(m[2])]
		if !ok {
			return time.Time{}, false
		}
		y := m[3]
		if len(y) == 2 {
			y = "20" + y
		}
		return parseTime(strings.TrimSpace(y + "-" + mo + "-" + m[1] + " " + m[4]))
	}
	return time.Time{}, false
}

// hasDigit reports whether a cell holds a digit: a bank row whose date
// cell holds none is a note, not a transaction.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}

// squeezeLabel removes the spaces banks put between the characters of a
// label to align it ("户    名：李明", "# 账    号: [...]"): the spaces before
// the cell's first colon, when what precedes it is short enough to be a
// label.
func squeezeLabel(s string) string {
	i := strings.IndexAny(s, ":：")
	if i <= 0 || !strings.ContainsAny(s[:i], " \u3000") || utf8.RuneCountInString(s[:i]) > 16 ||
		strings.IndexFunc(s[:i], func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0 {
		return s
	}
	label := strings.NewReplacer(" ", "", "\u3000", "").Replace(s[:i])
	if strings.HasPrefix(s[:i], " ") {
		label = " " + label
	}
	return label + s[i:]
}

// statementWords make a header row look like a statement's: a date column
// and a money column among at least three.
var (
	statementDateWords  = []string{"日期", "时间", "交易日", "记账日", "date"}
	statementMoneyWords = []string{"金额", "发生额", "收入", "支出", "存入", "余额", "amount", "deposit", "withdrawal", "balance", "debit", "credit"}
)

// statementHeader returns the column names of a row that looks like the
// header of a bank statement, or nil.
func statementHeader(cells []string) []string {
	if countFilled(cells) < 3 {
		return nil
	}
	var names []string
	date, amount := false, false
	if len(cells) > maxHeaderCells {
		cells = cells[:maxHeaderCells]
	}
	for _, c := range cells {
		n := trim(c)
		if n == "" {
			continue
		}
		if utf8.RuneCountInString(n) > 30 {
			return nil // a sentence, not a column name
		}
		l := strings.ToLower(n)
		for _, w := range statementDateWords {
			date = date || strings.Contains(l, w)
		}
		for _, w := range statementMoneyWords {
			amount = amount || strings.Contains(l, w)
		}
		if len(names) < 40 {
			names = append(names, n)
		}
	}
	if !date || !amount {
		return nil
	}
	return names
}
