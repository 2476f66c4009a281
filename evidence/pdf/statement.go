package pdf

import (
	"errors"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// Statement is a table of transactions read from a statement PDF that a
// platform or a bank issued (微信支付交易明细证明, 支付宝交易流水证明, bank
// 流水). See LAYOUTS.md for the layouts and where each was confirmed.
type Statement struct {
	// Provider is "wechat", "alipay", "cmb", "icbc", "boc" or "ccb".
	Provider string
	// Title is the statement's title line as printed.
	Title string
	// Period is the time span the statement says it covers.
	Period Period
	Rows   []Row
	// Skipped counts table rows that could not be read (no time or no
	// amount); their page numbers are in SkippedPages.
	Skipped      int
	SkippedPages []int
}

// Period is the span a statement covers, as printed (Raw) and read.
// Start and End are UTC; a date without a time gives the whole day.
type Period struct {
	Start, End time.Time
	Raw        string
}

// Row is one transaction of a statement.
type Row struct {
	ID            string // 交易单号 / 交易订单号; empty for bank statements without one
	MerchantOrder string // 商户单号 / 商家订单号
	// Time is UTC. Every layout here prints China Standard Time (UTC+8),
	// which the issuers state for their statements, so ZoneKnown is true.
	// DateOnly: the statement gives a date without a time of day (bank
	// 记账日期); Time is then 00:00 UTC+8 of that date.
	Time      time.Time
	ZoneKnown bool
	DateOnly  bool
	Type      string // 交易类型 / 交易摘要 / 摘要 / 交易名称
	Direction string // "in", "out" or "other" (其他, 不计收支)
	Method    string // 交易方式 / 收/付款方式 / 渠道
	AmountFen int64  // never negative; Direction gives the sign
	// BalanceFen is the balance after the transaction (bank statements);
	// HasBalance says whether there is one.
	BalanceFen          int64
	HasBalance          bool
	Currency            string // as printed (人民币, CNY); empty when the layout has none
	Counterparty        string // 交易对方 / 对手信息 / 对方户名
	CounterpartyAccount string // 对方帐号 / 对方卡号/账号
	Goods               string // 商品说明 / 附言 / 客户摘要 / 交易地点/附言
	Page                int    // 1-based page of the PDF where the row starts
}

// ErrNotStatement: the PDF is not a statement of a known layout.
var ErrNotStatement = errors.New("pdf: not a statement of a known layout")

type field int

const (
	fNone field = iota
	fID
	fMerchant
	fTime  // date and time together
	fDate  // date only
	fClock // time of day only
	fType
	fDir
	fMethod
	fAmount // unsigned, direction in fDir
	fSigned // signed amount: + in, - out
	fBalance
	fCurrency
	fParty
	fPartyAcct
	fGoods
)

type column struct {
	f      field
	labels []string // header texts, normalised (see norm)
}

type layout struct {
	provider string
	// markers: the statement is this layout when the text of its first page
	// holds every string of one of these groups (normalised).
	markers [][]string
	cols    []column
	anchor  field    // the column whose value starts a row
	empty   []string // cell values that mean "nothing" (（空）, ------)
	// ends: a run whose text starts with one of these ends the table.
	ends []string
}

func col(f field, labels ...string) column {
	for i := range labels {
		labels[i] = norm(labels[i])
	}
	return column{f, labels}
}

var layouts = []layout{
	{
		provider: "wechat",
		markers:  [][]string{{"微信支付交易明细证明"}},
		cols: []column{col(fID, "交易单号"), col(fTime, "交易时间"), col(fType, "交易类型"), col(fDir, "收/支/其他", "收/支"),
			col(fMethod, "交易方式", "支付方式"), col(fAmount, "金额(元)", "金额"), col(fParty, "交易对方"), col(fMerchant, "商户单号")},
		anchor: fTime,
	},
	{
		provider: "alipay",
		markers:  [][]string{{"支付宝", "交易流水证明"}, {"支付宝", "交易明细"}},
		cols: []column{col(fDir, "收/支"), col(fParty, "交易对方"), col(fGoods, "商品说明", "商品名称"), col(fMethod, "收/付款方式", "支付方式"),
			col(fAmount, "金额", "金额(元)"), col(fID, "交易订单号", "交易号"), col(fMerchant, "商家订单号", "商户订单号"), col(fTime, "交易时间", "交易创建时间"),
			col(fType, "交易分类")},
		anchor: fTime,
	},
	{
		provider: "cmb",
		markers:  [][]string{{"招商银行交易流水"}, {"招商银行", "TransactionStatement"}},
		cols: []column{col(fDate, "记账日期"), col(fCurrency, "货币"), col(fSigned, "交易金额"), col(fBalance, "联机余额"),
			col(fType, "交易摘要"), col(fParty, "对手信息"), col(fGoods, "客户摘要")},
		anchor: fDate,
		ends:   []string{"合并统计", "————"},
	},
	{
		provider: "icbc",
		markers:  [][]string{{"中国工商银行借记账户历史明细"}},
		cols: []column{col(fTime, "交易日期"), col(fNone, "帐号", "账号"), col(fNone, "储种"), col(fNone, "序号"), col(fCurrency, "币种"),
			col(fNone, "钞汇"), col(fType, "摘要"), col(fNone, "地区"), col(fSigned, "收入/支出金额"), col(fBalance, "余额"),
			col(fParty, "对方户名"), col(fPartyAcct, "对方帐号", "对方账号"), col(fMethod, "渠道")},
		anchor: fTime,
		empty:  []string{"（空）", "(空)"},
	},
	{
		provider: "boc",
		markers:  [][]string{{"中国银行交易流水明细清单"}},
		cols: []column{col(fDate, "记账日期"), col(fClock, "记账时间"), col(fCurrency, "币别"), col(fSigned, "金额"), col(fBalance, "余额"),
			col(fType, "交易名称"), col(fMethod, "渠道"), col(fNone, "网点名称"), col(fGoods, "附言"), col(fParty, "对方账户名"),
			col(fPartyAcct, "对方卡号/账号"), col(fNone, "对方开户行")},
		anchor: fDate,
	},
	{
		provider: "ccb",
		markers:  [][]string{{"中国建设银行", "交易明细"}},
		cols: []column{col(fNone, "序号"), col(fType, "摘要"), col(fCurrency, "币别"), col(fNone, "钞汇"), col(fDate, "交易日期"),
			col(fSigned, "交易金额"), col(fBalance, "账户余额"), col(fGoods, "交易地点/附言"), col(fParty, "对方账号与户名")},
		anchor: fDate,
	},
}

// norm drops white space and makes full-width brackets and slashes
// half-width, so that "金额（元）" and "金额 (元)" compare equal.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '／':
			r = '/'
		case r == '：':
			r = ':'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// statementGap joins glyphs into one run only when they are this close (in
// font sizes): table cells are never joined, words drawn glyph by glyph are.
const statementGap = 0.35

// ParseStatement reads the statement table of doc. It returns
// ErrNotStatement when the first page names no known layout or no header
// row is found.
func ParseStatement(doc *Doc) (*Statement, error) {
	pages := make([][]TextRun, doc.Pages)
	for n := 1; n <= doc.Pages; n++ {
		content, err := doc.content(n)
		if err != nil {
			return nil, err
		}
		runs, err := doc.pageRuns(n, content, statementGap)
		if err != nil {
			return nil, err
		}
		pages[n-1] = runs
	}
	return parseStatement(pages)
}

func parseStatement(pages [][]TextRun) (*Statement, error) {
	if len(pages) == 0 {
		return nil, ErrNotStatement
	}
	first := ""
	for _, r := range pages[0] {
		first += norm(r.Text) + "\n"
	}
	var lay *layout
	for i := range layouts {
		for _, group := range layouts[i].markers {
			all := true
			for _, m := range group {
				if !strings.Contains(first, norm(m)) {
					all = false
					break
				}
			}
			if all {
				lay = &layouts[i]
				break
			}
		}
		if lay != nil {
			break
		}
	}
	if lay == nil {
		return nil, ErrNotStatement
	}
	st := &Statement{Provider: lay.provider}
	var cols []headerCol
	var pre []TextRun // runs above the first header: title and preamble
	for pi, runs := range pages {
		hdr, top, bottom := findHeader(lay, runs)
		if hdr != nil {
			cols = hdr
		}
		if cols == nil {
			continue
		}
		if pi == 0 && hdr != nil {
			for _, r := range runs {
				if r.Y > top+r.Size*0.3 {
					pre = append(pre, r)
				}
			}
		}
		if hdr == nil {
			bottom = math.Inf(1) // a page without a header: the table goes on
		}
		st.readRows(lay, cols, runs, bottom, pi+1)
	}
	if cols == nil {
		return nil, ErrNotStatement
	}
	st.readPreamble(pre)
	return st, nil
}

type headerCol struct {
	f      field
	x0, x1 float64 // the header text's extent
	lo, hi float64 // the column's extent: midpoints to its neighbours
}

// findHeader finds the header row: the runs on one baseline whose texts are
// column labels of the layout, at least all but two of them. It returns
// the columns sorted by x, the header's baseline and the lowest baseline of
// the header band (an English subtitle line under it belongs to the band).
func findHeader(lay *layout, runs []TextRun) ([]headerCol, float64, float64) {
	type cand struct {
		f   field
		run TextRun
	}
	byLine := map[int][]cand{}
	var keys []int
	for _, r := range runs {
		t := norm(r.Text)
		for _, c := range lay.cols {
			if matchLabel(t, c.labels) {
				k := int(math.Round(r.Y))
				if _, ok := byLine[k]; !ok {
					keys = append(keys, k)
				}
				byLine[k] = append(byLine[k], cand{c.f, r})
				break
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(keys)))
	need := len(lay.cols) - 2
	if need < 4 {
		need = len(lay.cols)
	}
	for _, k := range keys {
		// Gather candidates within a third of a line of this baseline.
		// Keys are distinct integers: at most five lie within 2 of k.
		var line []cand
		for d := -2; d <= 2; d++ {
			line = append(line, byLine[k+d]...)
		}
		if len(line) < need {
			continue
		}
		sort.Slice(line, func(i, j int) bool { return line[i].run.X < line[j].run.X })
		cols := make([]headerCol, len(line))
		bottom := line[0].run.Y
		for i, c := range line {
			cols[i] = headerCol{f: c.f, x0: c.run.X, x1: c.run.EndX}
			bottom = math.Min(bottom, c.run.Y)
		}
		for i := range cols {
			mid := (cols[i].x0 + cols[i].x1) / 2
			if i == 0 {
				cols[i].lo = math.Inf(-1)
			} else {
				prev := (cols[i-1].x0 + cols[i-1].x1) / 2
				cols[i].lo = (prev + mid) / 2
			}
			if i == len(cols)-1 {
				cols[i].hi = math.Inf(1)
			} else {
				next := (cols[i+1].x0 + cols[i+1].x1) / 2
				cols[i].hi = (mid + next) / 2
			}
		}
		// An English line right under the header (招商银行 prints one) is
		// part of the header band.
		size := line[0].run.Size
		for _, r := range runs {
			if r.Y < bottom && r.Y > bottom-1.6*size && isASCIIWords(r.Text) {
				bottom = math.Min(bottom, r.Y)
			}
		}
		return cols, float64(k), bottom
	}
	return nil, 0, 0
}

func matchLabel(t string, labels []string) bool {
	for _, l := range labels {
		if t == l {
			return true
		}
		// "记账日期Date": a label followed by its English name.
		if strings.HasPrefix(t, l) && isASCIIWords(t[len(l):]) {
			return true
		}
	}
	return false
}

func isASCIIWords(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || unicode.IsDigit(r) {
			return false
		}
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

var (
	pageNumber = regexp.MustCompile(`^(第\d+页(/|，|,)?(共\d+页)?|\d+/\d+|-\d+-|Page\d+(of\d+)?)$`)
	dateStart  = regexp.MustCompile(`^\d{4}[-/.年]?\d{1,2}[-/.月]?\d{1,2}`)
	digitRuns  = regexp.MustCompile(`\d+`)
)

// readRows reads the table body of one page: runs below the header band,
// placed in columns by their centre, and in rows by the nearest anchor (a
// date in the anchor column). A cell wrapped onto two lines, above and
// below a vertically centred row or below a top-aligned one, joins its row.
func (st *Statement) readRows(lay *layout, cols []headerCol, runs []TextRun, bottom float64, page int) {
	end := math.Inf(-1)
	for _, r := range runs {
		t := norm(r.Text)
		for _, e := range lay.ends {
			if strings.HasPrefix(t, norm(e)) && r.Y < bottom && r.Y > end {
				end = r.Y
			}
		}
	}
	type placed struct {
		run TextRun
		col int
	}
	var body []placed
	var anchors []TextRun
	for _, r := range runs {
		if r.Y >= bottom-r.Size*0.3 || r.Y <= end+r.Size*0.3 {
			continue
		}
		t := norm(r.Text)
		if t == "" || pageNumber.MatchString(t) {
			continue
		}
		cx := (r.X + r.EndX) / 2
		ci := -1
		for i, c := range cols {
			if cx >= c.lo && cx < c.hi {
				ci = i
				break
			}
		}
		if ci < 0 {
			continue
		}
		body = append(body, placed{r, ci})
		if cols[ci].f == lay.anchor && dateStart.MatchString(t) {
			anchors = append(anchors, r)
		}
	}
	if len(anchors) == 0 {
		return
	}
	sort.SliceStable(anchors, func(i, j int) bool { return anchors[i].Y > anchors[j].Y })
	cells := make([]map[int][]TextRun, len(anchors))
	for i := range cells {
		cells[i] = map[int][]TextRun{}
	}
	for _, p := range body {
		// Anchors are sorted by Y descending: the nearest is one of the
		// two around the first anchor below the run. Ties go to the row
		// above (a top-aligned row's second line).
		k := sort.Search(len(anchors), func(i int) bool { return anchors[i].Y <= p.run.Y })
		best, bestD := -1, math.Inf(1)
		for _, i := range []int{k - 1, k} {
			if i < 0 || i >= len(anchors) {
				continue
			}
			if d := math.Abs(anchors[i].Y - p.run.Y); d < bestD-0.01 {
				best, bestD = i, d
			}
		}
		if best < 0 || bestD > 3.2*math.Max(p.run.Size, anchors[best].Size) {
			continue
		}
		cells[best][p.col] = append(cells[best][p.col], p.run)
	}
	for i := range anchors {
		row, ok := st.makeRow(lay, cols, cells[i], page)
		if !ok {
			st.Skipped++
			st.SkippedPages = append(st.SkippedPages, page)
			continue
		}
		st.Rows = append(st.Rows, row)
	}
}

// joinCell joins the lines of a wrapped cell: top line first, no space
// between hanzi or digits (a long ID wraps anywhere), a space between
// Latin words, and a space between a date and a time of day.
func joinCell(runs []TextRun) string {
	sort.SliceStable(runs, func(i, j int) bool {
		if math.Abs(runs[i].Y-runs[j].Y) > runs[i].Size*0.3 {
			return runs[i].Y > runs[j].Y
		}
		return runs[i].X < runs[j].X
	})
	out := ""
	for _, r := range runs {
		t := strings.TrimSpace(r.Text)
		if out == "" {
			out = t
			continue
		}
		last, _ := lastRune(out)
		firstR := []rune(t)[0]
		switch {
		case isLatin(last) && isLatin(firstR):
			out += " " + t
		case dateStart.MatchString(out) && len(out) <= 11 && strings.Contains(t, ":"):
			out += " " + t
		default:
			out += t
		}
	}
	return out
}

func lastRune(s string) (rune, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	return rs[len(rs)-1], true
}

func isLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func (st *Statement) makeRow(lay *layout, cols []headerCol, cells map[int][]TextRun, page int) (Row, bool) {
	row := Row{Page: page, ZoneKnown: true}
	var dateS, clockS, timeS, amountS, signedS, balanceS, dirS string
	for ci, c := range cols {
		runs := cells[ci]
		if len(runs) == 0 {
			continue
		}
		v := joinCell(runs)
		for _, e := range lay.empty {
			if v == e {
				v = ""
			}
		}
		if strings.Trim(v, "-— ") == "" {
			v = ""
		}
		switch c.f {
		case fID:
			row.ID = v
		case fMerchant:
			row.MerchantOrder = v
		case fTime:
			timeS = v
		case fDate:
			dateS = v
		case fClock:
			clockS = v
		case fType:
			row.Type = v
		case fDir:
			dirS = v
		case fMethod:
			row.Method = v
		case fAmount:
			amountS = v
		case fSigned:
			signedS = v
		case fBalance:
			balanceS = v
		case fCurrency:
			row.Currency = v
		case fParty:
			row.Counterparty = v
		case fPartyAcct:
			row.CounterpartyAccount = v
		case fGoods:
			row.Goods = v
		}
	}
	// Trailing "/" is WeChat's "none" for an ID; keep IDs free of spaces.
	row.ID = strings.Trim(strings.ReplaceAll(row.ID, " ", ""), "/")
	row.MerchantOrder = strings.Trim(strings.ReplaceAll(row.MerchantOrder, " ", ""), "/")
	if timeS == "" {
		timeS = strings.TrimSpace(dateS + " " + clockS)
	}
	t, dateOnly, ok := parseStatementTime(timeS)
	if !ok {
		return row, false
	}
	row.Time, row.DateOnly = t, dateOnly
	switch {
	case amountS != "":
		f, err := money.Parse(amountS)
		if err != nil {
			return row, false
		}
		row.AmountFen = int64(f)
		if row.AmountFen < 0 {
			row.AmountFen = -row.AmountFen
		}
		row.Direction = direction(dirS, int64(f))
	case signedS != "":
		f, err := money.Parse(signedS)
		if err != nil {
			return row, false
		}
		row.AmountFen = int64(f)
		row.Direction = "in"
		if f < 0 {
			row.AmountFen = -row.AmountFen
			row.Direction = "out"
		}
	default:
		return row, false
	}
	if balanceS != "" {
		if b, err := money.Parse(balanceS); err == nil {
			row.BalanceFen, row.HasBalance = int64(b), true
		}
	}
	return row, true
}

// direction reads 收/支 cells: 收入 in, 支出 out, anything else (其他,
// 不计收支, /) other; a signed amount decides when the cell is empty.
func direction(s string, signed int64) string {
	switch {
	case strings.HasPrefix(s, "收"):
		return "in"
	case strings.HasPrefix(s, "支"):
		return "out"
	case s == "" && signed < 0:
		return "out"
	}
	return "other"
}

// parseStatementTime reads "2025-01-03 14:25:00", "2025/01/03 14:25",
// "20250103", "2025-01-03" and the like as Beijing time.
func parseStatementTime(s string) (time.Time, bool, bool) {
	var digits []int
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, int(r-'0'))
		}
	}
	num := func(from, n int) int {
		v := 0
		for _, d := range digits[from : from+n] {
			v = v*10 + d
		}
		return v
	}
	// Dates written without leading zeros ("2025-1-3") are padded first.
	if !dateStart.MatchString(s) {
		return time.Time{}, false, false
	}
	parts := digitRuns.FindAllString(s, 6)
	if len(parts) >= 3 && len(parts[0]) == 4 {
		padded := parts[0]
		for _, p := range parts[1:] {
			if len(p) == 1 {
				p = "0" + p
			}
			padded += p
		}
		digits = digits[:0]
		for _, r := range padded {
			digits = append(digits, int(r-'0'))
		}
	}
	var y, mo, d, h, mi, sec int
	dateOnly := false
	switch len(digits) {
	case 8:
		dateOnly = true
	case 12, 14:
	default:
		return time.Time{}, false, false
	}
	y, mo, d = num(0, 4), num(4, 2), num(6, 2)
	if !dateOnly {
		h, mi = num(8, 2), num(10, 2)
		if len(digits) == 14 {
			sec = num(12, 2)
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, tz.Shanghai)
	if t.Day() != d {
		return time.Time{}, false, false
	}
	return t.UTC(), dateOnly, true
}

var periodRe = regexp.MustCompile(`(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:至|到|—+|-+|~|－)\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)`)

var periodRe2 = regexp.MustCompile(`(?:起始|开始)日期[:：]\s*(\d[\d\-/.]{7,9})\s*(?:结束|终止|截止)日期[:：]\s*(\d[\d\-/.]{7,9})`)

// readPreamble takes the title (the largest text above the table) and the
// period (the first "date 至 date" above the table).
func (st *Statement) readPreamble(pre []TextRun) {
	sort.SliceStable(pre, func(i, j int) bool {
		if math.Abs(pre[i].Y-pre[j].Y) > 1 {
			return pre[i].Y > pre[j].Y
		}
		return pre[i].X < pre[j].X
	})
	best := -1.0
	var lines []string
	for _, r := range pre {
		if r.Size > best+0.5 {
			best, st.Title = r.Size, strings.TrimSpace(r.Text)
		}
		lines = append(lines, r.Text)
	}
	text := strings.Join(lines, " ")
	m := periodRe.FindStringSubmatch(text)
	if m == nil {
		m = periodRe2.FindStringSubmatch(text)
	}
	if m == nil {
		return
	}
	st.Period.Raw = m[0]
	if t, _, ok := parseStatementTime(m[1]); ok {
		st.Period.Start = t
	}
	if t, dateOnly, ok := parseStatementTime(m[2]); ok {
		if dateOnly {
			t = t.Add(24*time.Hour - time.Second)
		}
		st.Period.End = t
	}
}
