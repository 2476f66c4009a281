package bundle

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/evidence/ocr"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// capturedPage builds a page the way the build does, from the TSV that
// evidence/ocr saved from real Tesseract runs on rendered screenshots
// (evidence/ocr/testdata/tsv: NAME.json and NAME.passN.tsv).
func capturedPage(t *testing.T, name string) *ocr.Page {
	t.Helper()
	base := filepath.Join("..", "evidence", "ocr", "testdata", "tsv", name)
	data, err := os.ReadFile(base + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Prep ocr.Prep `json:"prep"`
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	var passes [][]ocr.Word
	for i := 0; ; i++ {
		b, err := os.ReadFile(fmt.Sprintf("%s.pass%d.tsv", base, i))
		if os.IsNotExist(err) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ws, err := ocr.ParseTSV(b)
		if err != nil {
			t.Fatal(err)
		}
		passes = append(passes, ws)
	}
	if len(passes) == 0 {
		t.Fatalf("%s: no captured passes", name)
	}
	return ocr.NewPage(meta.Prep, passes)
}

func shot(t *testing.T, path, captured string) *evidence.Item {
	return &evidence.Item{Path: path, Kind: evidence.KindImage, OCR: capturedPage(t, captured)}
}

func bjt(s string) time.Time {
	v, err := time.ParseInLocation("2006-01-02 15:04:05", s, tz.Shanghai)
	if err != nil {
		panic(err)
	}
	return v.UTC()
}

// wechatBill is a WeChat Pay bill with the transfer of the captured pages
// and merchant rows that have nothing to do with the case.
func wechatBill(path string, extra int) *evidence.Item {
	b := &bill.Bill{Provider: "wechat", Rows: []bill.Row{
		{Time: bjt("2025-11-03 14:05:12"), Type: "转账", Counterparty: "张三", Direction: "out", Amount: 500000, TxnID: "1000050001202511030123456789012345", Line: 18},
	}}
	for i := 0; i < extra; i++ {
		b.Rows = append(b.Rows, bill.Row{Time: bjt("2025-11-02 09:00:00").Add(time.Duration(i) * time.Hour), Type: "商户消费", Counterparty: "某便利店",
			Direction: "out", Amount: money.Fen(100 + i), TxnID: fmt.Sprintf("42000023452025110212345678%02d", i), Line: 19 + i})
	}
	return &evidence.Item{Path: path, Kind: evidence.KindBill, Bill: b}
}

// chatExport parses a WeChatMsg CSV export with the given rows
// (type, sender, time, content).
func chatExport(t *testing.T, path string, rows [][4]string) *evidence.Item {
	t.Helper()
	var b strings.Builder
	b.WriteString("\ufeff消息ID,类型,发送人,时间,内容,备注,昵称,更多信息\n")
	for i, r := range rows {
		remark := ""
		if r[1] != "李明" {
			remark = r[1]
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,\"%s\",%s,%s,more\n", 7568841920043307001+i, r[0], r[1], r[2], r[3], remark, remark)
	}
	c, err := chat.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return &evidence.Item{Path: path, Kind: evidence.KindChat, Chat: c}
}

func analysisOf(c *Case, items ...*evidence.Item) *Analysis {
	if c == nil {
		c = &Case{}
	}
	a := &Analysis{Case: c}
	for i, it := range items {
		a.Exhibits = append(a.Exhibits, Exhibit{Number: i + 1, Item: it, InBundle: true})
	}
	return a
}

// want is what a case of TestDraft expects; "" means blank, "*" any value.
type want struct {
	txns          int
	id, at, fen   string
	dir, party    string
	disputed      string
	files         []string
	other         string
	name          string
	nameNote      string // a part of the name's note
	wechatID      string
	platform      string
	complaintType string
	title         string
	noteHas       string // a part of one of the draft's notes
	amountNote    string // a part of the first transaction's amount note
	timeNote      string // a part of the first transaction's time note
}

func TestDraft(t *testing.T) {
	const transferID = "1000050001202511030123456789012345"
	tests := []struct {
		name  string
		a     func(t *testing.T) *Analysis
		want  want
		check func(t *testing.T, d *CaseDraft)
	}{
		{
			name: "WeChat transfer page: the bracketed masked real name is dropped, its time taken as Beijing time",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "shots/转账成功.png", "wechat_transfer_success_light_1170_noto"))
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"shots/转账成功.png"}, name: "张三", nameNote: "括号内是被遮挡的实名", platform: "wechat", complaintType: "wrong_transfer",
				title: "微信转账给张三 5,000.00 元（转错账）", timeNote: "按北京时间", amountNote: "机器识别"},
		},
		{
			name: "masked name read cleanly (张三(**三)) from a dark 1080 page",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "a.png", "wechat_transfer_success_dark_1080_wqy"))
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"a.png"}, name: "张三", nameNote: "张三(**三)", platform: "wechat", complaintType: "wrong_transfer", title: "*"},
		},
		{
			name: "a payee shown only masked (**三) is never the name",
			a: func(t *testing.T) *Analysis {
				it := shot(t, "a.png", "wechat_transfer_success_dark_1080_wqy")
				for i := range it.OCR.Fields {
					if it.OCR.Fields[i].Name == ocr.FieldCounterparty {
						it.OCR.Fields[i].Value = "**三"
					}
				}
				return analysisOf(nil, it)
			},
			want: want{txns: 1, id: transferID, at: "*", fen: "5000.00", dir: "out", party: "", files: []string{"a.png"},
				name: "", nameNote: "可见部分：三", platform: "wechat", complaintType: "wrong_transfer", title: "*"},
		},
		{
			name: "Alipay bill detail: order number with its merchant number, minus sign is out",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "支付宝.png", "alipay_bill_detail_light_1170_noto"))
			},
			want: want{txns: 1, id: "2025110322001456781234567890", other: "T2025110314051200987", at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out",
				party: "杭州云帆网络科技有限公司", files: []string{"支付宝.png"}, platform: "alipay", complaintType: "other", title: "支付宝付款 5,000.00 元"},
		},
		{
			name: "WeChat bill detail merges with the bill row that has its merchant number",
			a: func(t *testing.T) *Analysis {
				b := &evidence.Item{Path: "bill.csv", Kind: evidence.KindBill, Bill: &bill.Bill{Provider: "wechat", Rows: []bill.Row{{
					Time: bjt("2025-11-03 14:05:12"), Type: "商户消费", Counterparty: "深圳市锦程贸易有限公司", Direction: "out", Amount: 500000,
					TxnID: "4200002345202511031234567890", MerchantID: "M20251103140512001234567", Line: 17}}}}
				return analysisOf(nil, b, shot(t, "详情.png", "wechat_bill_detail_light_1170_wqy"))
			},
			want: want{txns: 1, id: "4200002345202511031234567890", other: "M20251103140512001234567", at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out",
				party: "深圳市锦程贸易有限公司", disputed: "true", files: []string{"bill.csv", "详情.png"}, platform: "wechat", complaintType: "other", title: "*", timeNote: "北京时间"},
		},
		{
			name: "chat screenshot: a time without a year takes the year of the number's date",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "聊天.png", "chat_light_1170_noto"))
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:00+08:00", fen: "5000.00", dir: "", party: "张三", files: []string{"聊天.png"},
				name: "张三", platform: "wechat", complaintType: "", title: "", timeNote: "年份取自单号中的日期 2025-11-03"},
		},
		{
			name: "bill + screenshot + chat export: one transaction, the bill's values, the chat's words set the type",
			a: func(t *testing.T) *Analysis {
				c := chatExport(t, "chat.csv", [][4]string{
					{"转账", "李明", "2025-11-03 14:05:12", "【发起转账】:￥5000.00"},
					{"转账", "张三", "2025-11-03 14:05:31", "【已收款】:￥5000.00"},
					{"文本", "李明", "2025-11-03 14:18:06", "不好意思，我刚才转错账了"},
					{"文本", "张三", "2025-11-03 14:26:12", "我的微信号是 zhangsan_1988"},
				})
				return analysisOf(nil, wechatBill("账单.csv", 8), shot(t, "转账.png", "wechat_transfer_success_light_1170_noto"), c)
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"chat.csv", "账单.csv", "转账.png"}, name: "张三", wechatID: "zhangsan_1988", platform: "wechat", complaintType: "wrong_transfer",
				title: "微信转账给张三 5,000.00 元（转错账）", noteHas: "另有 8 笔交易未列出", timeNote: "账单时间为北京时间"},
			check: func(t *testing.T, d *CaseDraft) {
				if !strings.Contains(d.ComplaintType.NoteZh, "转错") || d.ComplaintType.From != "chat.csv" {
					t.Errorf("complaint type rule = %+v, want the chat's word 转错", d.ComplaintType)
				}
			},
		},
		{
			name: "an edited screenshot's amount is not taken over the bill's, and is noted",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, wechatBill("账单.csv", 0), shot(t, "改过.png", "wechat_transfer_success_edited_light_1170_noto"))
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"改过.png", "账单.csv"}, name: "张三", platform: "wechat", complaintType: "wrong_transfer", title: "*",
				amountNote: "50,000.00 元，与此不同"},
		},
		{
			name: "chat export only: the transfer has no number and is a note; the other party is the name",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, chatExport(t, "chat.csv", [][4]string{
					{"转账", "李明", "2025-11-03 14:05:12", "【发起转账】:￥5000.00"},
					{"文本", "王五", "2025-11-03 14:06:00", "刷单返利，做完任务就返"},
				}))
			},
			want: want{txns: 0, name: "王五", platform: "wechat", complaintType: "fraud", noteHas: "没有交易单号"},
		},
		{
			name: "a number a chat message names, with its valid form, is drafted",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, chatExport(t, "chat.csv", [][4]string{
					{"文本", "李明", "2025-11-03 14:26:55", "交易单号4200002345202511031234567890，你在账单里能看到。"},
					{"文本", "张三", "2025-11-03 14:27:20", "单号 1234567890123456789 不是我的"},
				}))
			},
			want: want{txns: 1, id: "4200002345202511031234567890", files: []string{"chat.csv"}, name: "张三", platform: "wechat"},
		},
		{
			name: "two equal payments to one payee within ten minutes: duplicate charge",
			a: func(t *testing.T) *Analysis {
				b := &evidence.Item{Path: "bill.csv", Kind: evidence.KindBill, Bill: &bill.Bill{Provider: "alipay", Rows: []bill.Row{
					{Time: bjt("2025-11-03 10:00:00"), Type: "商户消费", Counterparty: "某商城", Direction: "out", Amount: 19900, TxnID: "2025110322001456781234567890", Line: 3},
					{Time: bjt("2025-11-03 10:03:00"), Type: "商户消费", Counterparty: "某商城", Direction: "out", Amount: 19900, TxnID: "2025110322001456781234567891", Line: 4},
				}}}
				return analysisOf(nil, b)
			},
			want: want{txns: 2, id: "2025110322001456781234567890", at: "2025-11-03T10:00:00+08:00", fen: "199.00", dir: "out", party: "某商城",
				files: []string{"bill.csv"}, platform: "alipay", complaintType: "duplicate_charge", title: "*"},
		},
		{
			name: "a number that fails its form is noted, never drafted",
			a: func(t *testing.T) *Analysis {
				it := shot(t, "a.png", "wechat_transfer_success_light_1170_noto")
				for i := range it.OCR.Fields {
					if it.OCR.Fields[i].Name == ocr.FieldTransferID {
						it.OCR.Fields[i].Value = "10000500012025110301234"
						it.OCR.Fields[i].Form = &ocr.IDForm{Form: ocr.FormInvalid, Kind: ocr.IDWeChatTransfer, Reason: "too short", ReasonZh: "位数不足"}
					}
				}
				return analysisOf(nil, it)
			},
			want: want{txns: 0, platform: "wechat", name: "", noteHas: "不符合单号格式"},
		},
		{
			name: "a long bill paid to the case's respondent: that row only",
			a: func(t *testing.T) *Analysis {
				return analysisOf(&Case{Respondent: Party{Name: "张三"}}, wechatBill("账单.csv", 10))
			},
			want: want{txns: 1, id: transferID, at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"账单.csv"}, name: "张三", platform: "wechat", complaintType: "wrong_transfer", title: "*", noteHas: "另有 10 笔"},
		},
		{
			name: "a Chromium-rendered transfer page (another font): its own number, time and payee",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "李四.jpg", "chromium_wechat_transfer"))
			},
			want: want{txns: 1, id: "100005000120251021178394016253847", at: "2025-10-21T09:17:45+08:00", fen: "1280.50", dir: "*", party: "李四",
				disputed: "*", files: []string{"李四.jpg"}, name: "李四", platform: "wechat", complaintType: "wrong_transfer", title: "*"},
		},
		{
			name: "a Chromium-rendered chat: the number quoted in a bubble, the year from its date",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "赵六.jpg", "chromium_chat"))
			},
			want: want{txns: 1, id: "4200001987202510083366021457", at: "2025-10-08T20:16:00+08:00", fen: "3000.00", party: "赵六",
				files: []string{"赵六.jpg"}, name: "赵六", platform: "wechat", timeNote: "年份取自单号中的日期 2025-10-08"},
		},
		{
			name: "bank transfer result: serial, payee, out",
			a: func(t *testing.T) *Analysis {
				return analysisOf(nil, shot(t, "银行.png", "bank_transfer_light_1170_wqy"))
			},
			want: want{txns: 1, id: "HQP20251103140512345678", at: "2025-11-03T14:05:12+08:00", fen: "5000.00", dir: "out", party: "张三", disputed: "true",
				files: []string{"银行.png"}, name: "张三", platform: "bank", complaintType: "wrong_transfer", title: "银行转账给张三 5,000.00 元（转错账）"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Draft(tt.a(t))
			w := tt.want
			eq := func(what, got, want string) {
				t.Helper()
				if want == "*" {
					if got == "" {
						t.Errorf("%s is blank", what)
					}
					return
				}
				if got != want {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			if len(d.Transactions) != w.txns {
				t.Fatalf("%d transactions, want %d: %+v", len(d.Transactions), w.txns, d.Transactions)
			}
			if w.txns > 0 {
				x := d.Transactions[0]
				eq("id", x.ID.Value, w.id)
				eq("time", x.Time.Value, w.at)
				eq("amount", x.Amount.Value, w.fen)
				eq("direction", x.Direction.Value, w.dir)
				eq("counterparty", x.Counterparty.Value, w.party)
				eq("disputed", x.Disputed.Value, w.disputed)
				eq("files", strings.Join(x.Files, ","), strings.Join(w.files, ","))
				eq("other numbers", strings.Join(x.Other, ","), w.other)
				if !strings.Contains(x.Amount.NoteZh, w.amountNote) {
					t.Errorf("amount note %q lacks %q", x.Amount.NoteZh, w.amountNote)
				}
				if !strings.Contains(x.Time.NoteZh, w.timeNote) {
					t.Errorf("time note %q lacks %q", x.Time.NoteZh, w.timeNote)
				}
				for _, f := range []Fact{x.ID, x.Time, x.Amount, x.Direction, x.Counterparty, x.Disputed} {
					if f.Value != "" && f.From == "" {
						t.Errorf("value %q names no file", f.Value)
					}
				}
			}
			eq("respondent name", d.Respondent.Name.Value, w.name)
			if !strings.Contains(d.Respondent.Name.NoteZh, w.nameNote) {
				t.Errorf("name note %q lacks %q", d.Respondent.Name.NoteZh, w.nameNote)
			}
			eq("wechat id", d.Respondent.WeChatID.Value, w.wechatID)
			eq("platform", d.Platform.Value, w.platform)
			eq("complaint type", d.ComplaintType.Value, w.complaintType)
			eq("title", d.Title.Value, w.title)
			if w.noteHas != "" {
				found := false
				for _, n := range d.Notes {
					found = found || strings.Contains(n.Zh, w.noteHas)
				}
				if !found {
					t.Errorf("no note says %q: %+v", w.noteHas, d.Notes)
				}
			}
			if tt.check != nil {
				tt.check(t, d)
			}
			// Whatever was drafted writes a case.yaml that parses.
			data, err := d.CaseYAML(InitOptions{Purpose: "civil", Lang: "zh"})
			if err != nil {
				t.Fatalf("CaseYAML: %v", err)
			}
			c, err := ParseCase(CaseFile, data)
			if err != nil {
				t.Fatalf("ParseCase: %v\n%s", err, data)
			}
			if len(c.Transactions) != w.txns {
				t.Errorf("case.yaml has %d transactions, want %d", len(c.Transactions), w.txns)
			}
		})
	}
}

func TestOCRTimeWithoutYear(t *testing.T) {
	lt := ocr.LocalTime{Month: 11, Day: 3, Hour: 14, Minute: 5}
	tests := []struct {
		id, want, note string
	}{
		{"1000050001202511030123456789012345", "2025-11-03T14:05:00+08:00", "年份取自单号"},
		{"1000050001202511040123456789012345", "2025-11-03T14:05:00+08:00", "年份取自单号"}, // a day apart: the same payment
		{"1000050001202601010123456789012345", "", "没有年份"},                            // two months away: no year taken
		{"HQP20251103140512345678", "", "没有年份"},                                       // a bank serial carries no date ParseTxnID knows
		{"1000050001202601020123456789012345", "", "没有年份"},                            // across a new year, too far
	}
	for _, tt := range tests {
		var s seen
		ocrTime(&s, lt, tt.id)
		got := ""
		if s.hasTime {
			got = s.at.In(tz.Shanghai).Format(time.RFC3339)
		}
		if got != tt.want || !strings.Contains(s.timeZh+s.noTimeZh, tt.note) {
			t.Errorf("%s: time %q (%q%q), want %q with %q", tt.id, got, s.timeZh, s.noTimeZh, tt.want, tt.note)
		}
	}
	// 12-31 shown, number dated 2026-01-01: the year before.
	var s seen
	ocrTime(&s, ocr.LocalTime{Month: 12, Day: 31, Hour: 23, Minute: 59}, "1000050001202601010123456789012345")
	if got := s.at.In(tz.Shanghai).Format(time.RFC3339); !s.hasTime || got != "2025-12-31T23:59:00+08:00" {
		t.Errorf("new year's eve: %q", got)
	}
}

func TestUnmask(t *testing.T) {
	tests := []struct {
		in   string
		kind ocr.Kind
		want string
		note string
	}{
		{"张三(**三)", ocr.KindWeChatTransfer, "张三", "括号内"},
		{"张三（**三）", ocr.KindBankTransfer, "张三", "括号内"},
		{"张三(扩三)", ocr.KindWeChatTransfer, "张三", "括号内"}, // the stars misread: the page's layout still says it is masked
		{"**三", ocr.KindWeChatTransfer, "", "可见部分：三"},
		{"*三(**三)", ocr.KindWeChatTransfer, "", "可见部分"},
		{"杭州云帆网络科技有限公司", ocr.KindAlipayBill, "杭州云帆网络科技有限公司", ""},
		{"某店(北京)", ocr.KindAlipayBill, "某店(北京)", ""},
	}
	for _, tt := range tests {
		got, zh, _ := unmask(tt.in, tt.kind)
		if got != tt.want || (tt.note == "") != (zh == "") || !strings.Contains(zh, tt.note) {
			t.Errorf("unmask(%q) = %q, %q; want %q with %q", tt.in, got, zh, tt.want, tt.note)
		}
	}
}

func TestFindWeChatID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"我的微信号是 zhangsan_1988", "zhangsan_1988"},
		{"微信号：abc-123_x", "abc-123_x"},
		{"微信号:wxid_abcdefgh1234", "wxid_abcdefgh1234"},
		{"微信号 12345678", ""},                   // must start with a letter
		{"微信号 abc", ""},                        // too short
		{"微信号 abcdefghijklmnopqrstuvwxyz", ""}, // too long
		{"加我 zhangsan_1988", ""},               // no label
	}
	for _, tt := range tests {
		got, _ := findWeChatID(tt.in)
		if got != tt.want {
			t.Errorf("findWeChatID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFindWeChatID(f *testing.F) {
	for _, s := range []string{"我的微信号是 zhangsan_1988", "微信号：", "微信号:wxid_abcdefgh1234", "微信号 " + strings.Repeat("a", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := findWeChatID(s)
		if ok && !reWeChatID.MatchString(id) {
			t.Fatalf("%q gave %q, which is no WeChat ID", s, id)
		}
		if ok && !strings.Contains(s, id) {
			t.Fatalf("%q gave %q, which it does not hold", s, id)
		}
	})
}

// TestDraftCaseYAML: the drafted case.yaml keeps init's comments, marks
// every read value with the file and "check it" (the serve page's
// prefill wording), and parses to the values drafted.
func TestDraftCaseYAML(t *testing.T) {
	c := chatExport(t, "exports/chat.csv", [][4]string{
		{"转账", "李明", "2025-11-03 14:05:12", "【发起转账】:￥5000.00"},
		{"文本", "张三", "2025-11-03 14:26:12", "我的微信号是 zhangsan_1988"},
	})
	a := analysisOf(nil, wechatBill("exports/账单.csv", 8), shot(t, "screens/转账 成功.png", "wechat_transfer_success_light_1170_noto"), c,
		&evidence.Item{Path: "notes/说明.txt", Kind: evidence.KindDocument})
	d := Draft(a)
	data, err := d.CaseYAML(InitOptions{Purpose: "complaint", Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	plain, _ := renderTemplate(InitOptions{Purpose: "complaint", Lang: "zh", Platform: "wechat"})
	for _, line := range strings.Split(string(plain), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") && !strings.Contains(text, line) {
			t.Errorf("the draft lost init's comment %q", line)
		}
	}
	for _, s := range []string{
		`title: "微信转账给张三 5,000.00 元（转错账）"  # 待核对 prefilled: 读自 `,
		`platform: wechat  # 待核对 prefilled: 读自 exports/账单.csv，请核对 / read from exports/账单.csv, check it; 推测`,
		`wechat_id: "zhangsan_1988"  # 待核对 prefilled: 读自 exports/chat.csv，请核对 / read from exports/chat.csv, check it`,
		`  - id: "1000050001202511030123456789012345"  # 待核对 prefilled: 读自 exports/账单.csv`,
		`    time: 2025-11-03T14:05:12+08:00  # 待核对 prefilled: 读自 exports/账单.csv`,
		`    amount: 5000.00  # 待核对 prefilled: 读自 exports/账单.csv`,
		`  # 见 / shown in: exports/账单.csv（账单第 18 行）, screens/转账 成功.png（识别：转账单号（置信度 92））, exports/chat.csv（聊天记录中的转账 2025-11-03 14:05）`,
		`  "screens/转账 成功.png": {title: "微信转账成功截图", proves: "显示转账单号 1000050001202511030123456789012345，金额 5,000.00 元，收款方 张三（机器识别）"}  # 待核对 prefilled: 读自 screens/转账 成功.png`,
		`  "notes/说明.txt": {}  # 请写明证据名称和证明目的`,
		`# 注意 / note: 账单 exports/账单.csv 另有 8 笔交易未列出`,
		"purpose: complaint",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("draft lacks %q\n%s", s, text)
		}
	}
	cs, err := ParseCase(CaseFile, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Transactions) != 1 {
		t.Fatalf("%d transactions", len(cs.Transactions))
	}
	x := cs.Transactions[0]
	if x.ID != "1000050001202511030123456789012345" || !x.Amount.Set || x.Amount.Fen != 500000 || x.Direction != "out" || !x.Disputed ||
		!x.Time.ZoneKnown || !x.Time.Time.Equal(bjt("2025-11-03 14:05:12")) || x.Counterparty != "张三" {
		t.Errorf("transaction parsed as %+v", x)
	}
	if cs.Respondent.Name != "张三" || cs.Respondent.WeChatID != "zhangsan_1988" || cs.Platform != "wechat" || cs.ComplaintType != "wrong_transfer" {
		t.Errorf("case parsed as %+v", cs)
	}
	if len(cs.ItemOrder) != 4 {
		t.Errorf("items %v", cs.ItemOrder)
	}
	// An explicit platform is kept as given, without a prefill comment.
	data, err = d.CaseYAML(InitOptions{Purpose: "civil", Lang: "en", Platform: "bank"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "platform: bank           # wechat") {
		t.Errorf("explicit platform not kept:\n%s", data)
	}
	// Nothing found: the template, with empty lists.
	empty, err := Draft(analysisOf(nil)).CaseYAML(InitOptions{Purpose: "civil", Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseCase(CaseFile, empty); err != nil {
		t.Fatalf("%v\n%s", err, empty)
	}
	if strings.Contains(string(empty), PrefillMark) {
		t.Errorf("an empty draft marks values as read:\n%s", empty)
	}
}

// TestDraftMissing: check lists what case.yaml lacks, and the block parses
// when pasted where it says.
func TestDraftMissing(t *testing.T) {
	c := chatExport(t, "chat.csv", [][4]string{
		{"转账", "李明", "2025-11-03 14:05:12", "【发起转账】:￥5000.00"},
		{"文本", "张三", "2025-11-03 14:26:12", "我的微信号是 zhangsan_1988"},
	})
	alipay := shot(t, "支付宝.png", "alipay_bill_detail_light_1170_noto")
	cs := &Case{Respondent: Party{Name: "张三"}, Transactions: []CaseTxn{{ID: "1000050001202511030123456789012345"}}}
	d := Draft(analysisOf(cs, wechatBill("账单.csv", 8), c, alipay))
	m := d.Missing(cs)
	if len(m.Transactions) != 1 || m.Transactions[0].ID.Value != "2025110322001456781234567890" {
		t.Fatalf("missing transactions %+v", m.Transactions)
	}
	if m.Respondent.Name.Value != "" || m.Respondent.WeChatID.Value != "zhangsan_1988" {
		t.Errorf("missing respondent %+v", m.Respondent)
	}
	// Listed by its merchant order number only: not missing.
	cs2 := &Case{Respondent: Party{Name: "张三", WeChatID: "x_zhangsan"}, Transactions: []CaseTxn{{ID: "1000050001202511030123456789012345"}, {ID: "T2025110314051200987"}}}
	if m2 := Draft(analysisOf(cs2, wechatBill("账单.csv", 8), c, alipay)).Missing(cs2); m2.PasteYAML() != "" {
		t.Errorf("nothing is missing, yet:\n%s", m2.PasteYAML())
	}
	paste := m.PasteYAML()
	for _, s := range []string{"facts found in the evidence, not in case.yaml", `  - id: "2025110322001456781234567890"`, `  wechat_id: "zhangsan_1988"  # 待核对 prefilled`} {
		if !strings.Contains(paste, s) {
			t.Errorf("paste block lacks %q:\n%s", s, paste)
		}
	}
	// Pasted as it says: under transactions: and under respondent:.
	doc := "transactions:\n" + strings.Join(m.txnLines(), "\n") + "\nrespondent:\n" + strings.Join(m.partyLines(), "\n") + "\n"
	got, err := ParseCase(CaseFile, []byte(doc))
	if err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	if len(got.Transactions) != 1 || got.Transactions[0].Amount.Fen != 500000 || got.Respondent.WeChatID != "zhangsan_1988" {
		t.Errorf("pasted block parsed as %+v", got)
	}
}
