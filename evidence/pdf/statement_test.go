package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/fonts"
	"github.com/jung-kurt/gofpdf"
)

var update = flag.Bool("update", false, "rewrite the golden files of statement tests")

// stmtSpec describes a statement PDF drawn in a bank's or a platform's
// layout: a title and preamble on the first page, a bordered table whose
// header is repeated on every page (or not), cells that may hold several
// lines (the issuer's own wrapping, "\n" here), vertically centred or
// top-aligned, and a page number at the foot.
type stmtSpec struct {
	title        string
	preamble     []string
	headers      []string
	english      []string // a second header line in English (招商银行)
	widths       []float64
	align        string // one letter per column: L, C, R
	rows         [][]string
	rowsPerPage  int
	repeatHeader bool
	middle       bool // vertically centred cells
	footer       string
	fontSize     float64
	landscape    bool
}

func drawStatement(t *testing.T, s stmtSpec) []byte {
	t.Helper()
	orient := "P"
	if s.landscape {
		orient = "L"
	}
	p := gofpdf.New(orient, "mm", "A4", "")
	p.SetCreationDate(fixedTime)
	p.SetModificationDate(fixedTime)
	p.SetCatalogSort(true)
	p.AddUTF8FontFromBytes(fonts.Family, "", fonts.MicroHei)
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
	fs := s.fontSize
	if fs == 0 {
		fs = 7
	}
	lh := fs * 0.3528 * 1.25 // line height in mm
	left := 10.0
	pages := (len(s.rows) + s.rowsPerPage - 1) / s.rowsPerPage
	cell := func(x, w, top, h float64, lines []string, align byte) {
		p.Rect(x, top, w, h, "D")
		n := float64(len(lines))
		y0 := top + 1.2 + fs*0.3528
		if s.middle {
			y0 = top + (h-n*lh)/2 + fs*0.3528*0.9
		}
		for i, l := range lines {
			tw := p.GetStringWidth(l)
			tx := x + 1
			switch align {
			case 'C':
				tx = x + (w-tw)/2
			case 'R':
				tx = x + w - 1 - tw
			}
			p.Text(tx, y0+float64(i)*lh, l)
		}
	}
	for pg := 0; pg < pages; pg++ {
		p.AddPage()
		y := 12.0
		if pg == 0 {
			p.SetFont(fonts.Family, "", 14)
			p.Text(left, y, s.title)
			y += 7
			p.SetFont(fonts.Family, "", 8)
			for _, l := range s.preamble {
				p.Text(left, y, l)
				y += 5
			}
		}
		p.SetFont(fonts.Family, "", fs)
		if pg == 0 || s.repeatHeader {
			x := left
			hh := lh + 2.4
			if s.english != nil {
				hh += lh
			}
			for i, h := range s.headers {
				lines := []string{h}
				if s.english != nil {
					lines = append(lines, s.english[i])
				}
				cell(x, s.widths[i], y, hh, lines, 'C')
				x += s.widths[i]
			}
			y += hh
		}
		end := min(len(s.rows), (pg+1)*s.rowsPerPage)
		for _, row := range s.rows[pg*s.rowsPerPage : end] {
			max := 1
			for _, c := range row {
				max = maxInt(max, len(strings.Split(c, "\n")))
			}
			h := float64(max)*lh + 2.4
			x := left
			for i, c := range row {
				cell(x, s.widths[i], y, h, strings.Split(c, "\n"), s.align[i])
				x += s.widths[i]
			}
			y += h
		}
		if s.footer != "" {
			p.SetFont(fonts.Family, "", 8)
			f := strings.NewReplacer("{p}", itoa(pg+1), "{n}", itoa(pages)).Replace(s.footer)
			_, ph := p.GetPageSize()
			p.Text(100, ph-10, f)
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// statementSpecs are the layouts of LAYOUTS.md with made-up rows: 23 rows
// over several pages, long IDs and counterparties wrapped onto two lines.
func statementSpecs() map[string]stmtSpec {
	wechatRows := [][]string{}
	alipayRows := [][]string{}
	cmbRows := [][]string{}
	icbcRows := [][]string{}
	bocRows := [][]string{}
	ccbRows := [][]string{}
	for i := 0; i < 23; i++ {
		day := itoa(10 + i%18)
		id := "42000012342025010" + itoa(100000000000+i*7919)
		party := "商户" + itoa(i)
		if i%5 == 0 {
			party = "深圳市腾讯计算机系统\n有限公司"
		}
		amt := itoa(i*37+1) + "." + itoa(10+i)
		wechatRows = append(wechatRows, []string{
			id[:20] + "\n" + id[20:], "2025-01-" + day + "\n14:" + itoa(10+i) + ":05", []string{"转账", "商户消费", "微信红包"}[i%3],
			[]string{"支出", "收入", "其他"}[i%3], "零钱", amt, party, []string{"/", "1000050001202501" + itoa(10000000+i)}[i%2],
		})
		alipayRows = append(alipayRows, []string{
			[]string{"支出", "收入", "不计收支"}[i%3], party, "商品" + itoa(i), "余额宝", amt,
			"2025010322001" + itoa(100000000000000+i), []string{"", "T200P" + itoa(1000000000+i)}[i%2], "2025-01-" + day + "\n09:0" + itoa(i%10) + ":00",
		})
		sign := []string{"-", ""}[i%2]
		cmbRows = append(cmbRows, []string{"2025-01-" + day, "人民币", sign + amt, itoa(50000-i*13) + ".00", []string{"快捷支付", "转账汇款", "银联代付"}[i%3], strings.ReplaceAll(party, "\n", "") + " 6214830000" + itoa(1000+i), ""})
		icbcRows = append(icbcRows, []string{"2025-01-" + day + "\n10:20:3" + itoa(i%10), "6212260200001234567", "活期", itoa(i + 1), "人民币", "钞", "消费", "北京", sign + amt, itoa(8000+i) + ".50", []string{"财付通支付科技有限\n公司", "（空）"}[i%2], []string{"243300133", "（空）"}[i%2], "网上银行"})
		bocRows = append(bocRows, []string{"2025-01-" + day, "11:19:2" + itoa(i%10), "人民币", sign + amt, itoa(4853+i) + ".00", "网上快捷支付", "银企对接", "-------------------", "财付通-扫二维码付款", []string{"财付通支付科技有限公司", "张三"}[i%2], "Z2004944000010N", "-------------------"})
		ccbRows = append(ccbRows, []string{itoa(i + 1), "支付机构提现", "人民币元", "钞", "202501" + day, []string{"-", "+"}[i%2] + amt, itoa(100+i) + ".00", "零钱通提现", "243300133\n财付通支付科技有限公司"})
	}
	return map[string]stmtSpec{
		"wechat": {
			title:    "微信支付交易明细证明",
			preamble: []string{"编号：2025010300012345", "兹证明：张三（身份证：110***********1234），在其微信号：zhangsan_01 中的交易明细信息如下：", "交易明细对应时间段：2025-01-01 00:00:00 至 2025-01-31 23:59:59", "具体交易明细："},
			headers:  []string{"交易单号", "交易时间", "交易类型", "收/支/其他", "交易方式", "金额(元)", "交易对方", "商户单号"},
			widths:   []float64{34, 20, 18, 16, 16, 18, 34, 34},
			align:    "CCCCCCCC", rows: wechatRows, rowsPerPage: 9, repeatHeader: true, middle: true, footer: "第{p}页/共{n}页",
		},
		"alipay": {
			title:    "支付宝交易流水证明",
			preamble: []string{"编号:20250103100000012345", "支付宝（中国）网络技术有限公司 支付宝支付科技有限公司", "兹证明:张三(证件号码:110***********1234)在支付宝的交易流水如下:", "币种：人民币 交易时间段：2025-01-01 00:00:00 至 2025-01-31 23:59:59", "交易类型：全部"},
			headers:  []string{"收/支", "交易对方", "商品说明", "收/付款方式", "金额", "交易订单号", "商家订单号", "交易时间"},
			widths:   []float64{14, 30, 24, 20, 16, 36, 26, 24},
			align:    "LLLLRLLL", rows: alipayRows, rowsPerPage: 10, repeatHeader: true, footer: "第{p}页/共{n}页",
		},
		"cmb": {
			title:    "招商银行交易流水",
			preamble: []string{"Transaction Statement of China Merchants Bank", "2025-01-01 -- 2025-01-31", "户    名：张三            账号：6214830000001234", "账户类型：一卡通 开 户 行：北京分行"},
			headers:  []string{"记账日期", "货币", "交易金额", "联机余额", "交易摘要", "对手信息", "客户摘要"},
			english:  []string{"Date", "Currency", "Transaction Amount", "Balance", "Transaction Type", "Counter Party", "Customer Type"},
			widths:   []float64{20, 14, 24, 24, 26, 60, 22},
			align:    "LLRRLLL", rows: cmbRows, rowsPerPage: 12, repeatHeader: true, footer: "{p}/{n}",
		},
		"icbc": {
			title:    "中国工商银行借记账户历史明细（电子版）",
			preamble: []string{"卡号 6212260200001234567 户名：张三", "起止日期：2025-01-01 — 2025-01-31"},
			headers:  []string{"交易日期", "帐号", "储种", "序号", "币种", "钞汇", "摘要", "地区", "收入/支出金额", "余额", "对方户名", "对方帐号", "渠道"},
			widths:   []float64{20, 32, 10, 8, 12, 8, 14, 10, 22, 18, 30, 22, 18},
			align:    "LLLLLLLLRRLLL", rows: icbcRows, rowsPerPage: 10, repeatHeader: false, landscape: true, footer: "第{p}页",
		},
		"boc": {
			title:    "中国银行交易流水明细清单",
			preamble: []string{"客户姓名：张三 借记卡号：6217850000001234567", "交易区间：2025-01-01 至 2025-01-31"},
			headers:  []string{"记账日期", "记账时间", "币别", "金额", "余额", "交易名称", "渠道", "网点名称", "附言", "对方账户名", "对方卡号/账号", "对方开户行"},
			widths:   []float64{18, 16, 12, 18, 18, 24, 16, 24, 30, 32, 28, 24},
			align:    "CCCRRCCCCCCC", rows: bocRows, rowsPerPage: 11, repeatHeader: true, landscape: true, middle: true,
		},
		"ccb": {
			title:    "中国建设银行个人活期账户全部交易明细",
			preamble: []string{"客户名称:张三 卡号/账号:6217000010001234567", "起始日期:20250101 结束日期:20250131"},
			headers:  []string{"序号", "摘要", "币别", "钞汇", "交易日期", "交易金额", "账户余额", "交易地点/附言", "对方账号与户名"},
			widths:   []float64{10, 24, 16, 10, 18, 20, 20, 30, 44},
			align:    "CLLLLRRLL", rows: ccbRows, rowsPerPage: 12, repeatHeader: true, footer: "第{p}页，共{n}页",
		},
	}
}

func TestStatementsGolden(t *testing.T) {
	specs := statementSpecs()
	for _, name := range []string{"wechat", "alipay", "cmb", "icbc", "boc", "ccb"} {
		t.Run(name, func(t *testing.T) {
			spec := specs[name]
			data := drawStatement(t, spec)
			if !*update {
				// The committed PDF must still give the golden rows.
				committed, err := os.ReadFile(filepath.Join("testdata", "statements", name+".pdf"))
				if err != nil {
					t.Fatal(err)
				}
				data = committed
			}
			doc, err := Read(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Pages < 2 {
				t.Fatalf("%d pages: the test needs a table over several pages", doc.Pages)
			}
			st, err := ParseStatement(doc)
			if err != nil {
				t.Fatal(err)
			}
			if st.Provider != name || len(st.Rows) != len(spec.rows) || st.Skipped != 0 {
				t.Fatalf("provider %q, %d rows (skipped %d), want %q and %d", st.Provider, len(st.Rows), st.Skipped, name, len(spec.rows))
			}
			if st.Title != spec.title {
				t.Errorf("title %q", st.Title)
			}
			if st.Period.Start.IsZero() || st.Period.End.IsZero() {
				t.Errorf("period %+v", st.Period)
			}
			checkAgainstSpec(t, name, spec, st)
			got, err := json.MarshalIndent(st, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "statements", name+".golden.json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				// The PDF is kept too, for the example and for readers
				// that want to look at the layout.
				if err := os.WriteFile(filepath.Join("testdata", "statements", name+".pdf"), data, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if string(want) != string(got)+"\n" {
				t.Errorf("differs from %s; run go test -run TestStatements -update and review the diff", golden)
			}
		})
	}
}

// checkAgainstSpec compares the rows with the cells that were drawn,
// independently of the golden file: IDs and counterparties rejoined from
// their wrapped lines, amounts in fen, the page each row starts on.
func checkAgainstSpec(t *testing.T, name string, spec stmtSpec, st *Statement) {
	t.Helper()
	idx := func(label string) int {
		for i, h := range spec.headers {
			if h == label {
				return i
			}
		}
		return -1
	}
	cols := map[string][3]string{ // ID column, counterparty column, amount column
		"wechat": {"交易单号", "交易对方", "金额(元)"},
		"alipay": {"交易订单号", "交易对方", "金额"},
		"cmb":    {"", "对手信息", "交易金额"},
		"icbc":   {"", "对方户名", "收入/支出金额"},
		"boc":    {"", "对方账户名", "金额"},
		"ccb":    {"", "对方账号与户名", "交易金额"},
	}[name]
	for i, cells := range spec.rows {
		r := st.Rows[i]
		if c := idx(cols[0]); c >= 0 {
			if want := strings.ReplaceAll(cells[c], "\n", ""); r.ID != want {
				t.Errorf("row %d: ID %q, want %q", i, r.ID, want)
			}
		}
		want := strings.ReplaceAll(cells[idx(cols[1])], "\n", "")
		if want == "（空）" {
			want = ""
		}
		if r.Counterparty != want {
			t.Errorf("row %d: counterparty %q, want %q", i, r.Counterparty, want)
		}
		amt := strings.TrimLeft(cells[idx(cols[2])], "+-")
		if got := itoa(int(r.AmountFen/100)) + "." + itoa(int(r.AmountFen%100)); got != amt {
			t.Errorf("row %d: amount %s, want %s", i, got, amt)
		}
		if wantPage := i/spec.rowsPerPage + 1; r.Page != wantPage {
			t.Errorf("row %d: page %d, want %d", i, r.Page, wantPage)
		}
		if r.Time.IsZero() || !r.ZoneKnown {
			t.Errorf("row %d: time %v", i, r.Time)
		}
	}
}

func TestParseStatementTime(t *testing.T) {
	for in, want := range map[string]string{
		"2025-01-03 14:25:00": "2025-01-03T06:25:00Z",
		"2025/1/3 14:25":      "2025-01-03T06:25:00Z",
		"20250103":            "2025-01-02T16:00:00Z",
		"2025-01-0314:25:00":  "2025-01-03T06:25:00Z",
		"2025年1月3日":           "2025-01-02T16:00:00Z",
		"2025-02-30":          "",
		"14:25:00":            "",
		"交易时间":                "",
	} {
		tm, _, ok := parseStatementTime(in)
		got := ""
		if ok {
			got = tm.Format("2006-01-02T15:04:05Z07:00")
		}
		if got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestParseStatementNotStatement(t *testing.T) {
	doc, err := Read(makePDF(t, [][]textLine{{{20, 20, 12, false, "一封信"}}}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseStatement(doc); err != ErrNotStatement {
		t.Errorf("err = %v, want ErrNotStatement", err)
	}
	// A title without the table's header is not a statement either.
	doc, _ = Read(makePDF(t, [][]textLine{{{20, 20, 12, false, "微信支付交易明细证明"}}}), Limits{})
	if _, err := ParseStatement(doc); err != ErrNotStatement {
		t.Errorf("title only: err = %v, want ErrNotStatement", err)
	}
}
