package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/ocr"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/ocrshots"
	"github.com/casebundle/casebundle/internal/samplegen"
)

// The IDs the test screenshots of internal/ocrshots show.
const (
	shotTransferID = "1000050001202511030123456789012345"
	shotWeChatTxn  = "4200002345202511031234567890"
	shotAlipayNo   = "2025110322001456781234567890"
	// shotNearMiss is shotWeChatTxn with its last digit lost, as a
	// forwarded copy might read: one character from a known ID.
	shotNearMiss = "420000234520251103123456789"
)

// needOCR skips a test without Tesseract (chi_sim) or the CJK fonts the
// test screenshots are drawn with.
func needOCR(t *testing.T) string {
	t.Helper()
	e, err := ocr.Find("")
	if err != nil {
		t.Skipf("OCR engine not usable (%v): install tesseract-ocr tesseract-ocr-chi-sim", err)
	}
	if !ocrshots.Available(ocrshots.NotoSans) {
		t.Skip("fonts-noto-cjk is not installed: the test screenshots cannot be drawn")
	}
	return e.Path
}

// writeSizedPNG writes a plain PNG of w×h pixels.
func writeSizedPNG(t *testing.T, path string, w, h int) {
	t.Helper()
	b, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(1, w, h))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func shotPage(t *testing.T, name string) ocrshots.Page {
	t.Helper()
	for _, p := range ocrshots.Pages() {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("ocrshots has no page %s", name)
	return ocrshots.Page{}
}

func writeShot(t *testing.T, path string, p ocrshots.Page) {
	t.Helper()
	b, err := ocrshots.Shot{Page: p, Opt: ocrshots.Options{Width: 1080, Font: ocrshots.NotoSans}, Scale: 720}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeOCRCase makes a case of four screenshots and an Alipay bill: a
// WeChat transfer whose 转账单号 case.yaml states, an Alipay bill detail
// whose 订单号 is a bill row, an edited copy of it with a changed amount,
// and a WeChat bill detail whose 交易单号 lacks a digit of case.yaml's.
func writeOCRCase(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "截图案件")
	writeShot(t, filepath.Join(dir, "截图", "转账成功.png"), shotPage(t, "wechat_transfer_success"))
	alipay := shotPage(t, "alipay_bill_detail")
	writeShot(t, filepath.Join(dir, "截图", "支付宝账单详情.png"), alipay)
	writeShot(t, filepath.Join(dir, "截图", "对方发来的截图.png"), ocrshots.Edited(alipay))
	near := shotPage(t, "wechat_bill_detail")
	near.Rows = append([]ocrshots.Row(nil), near.Rows...)
	for i, r := range near.Rows {
		if r.Label == "交易单号" {
			near.Rows[i].Value = shotNearMiss
		}
	}
	writeShot(t, filepath.Join(dir, "截图", "转发的账单详情.png"), near)

	csv := "------------------------------------------------------------------------------------\r\n" +
		"导出信息：\r\n姓名：李明\r\n支付宝账户：liming@example.com\r\n" +
		"起始时间：[2025-11-01 00:00:00]    终止时间：[2025-11-30 23:59:59]\r\n导出交易类型：[全部]\r\n" +
		"导出时间：[2025-12-01 08:00:00]\r\n共1笔记录\r\n收入：0笔 0.00元\r\n支出：1笔 5000.00元\r\n不计收支：0笔 0.00元\r\n\r\n" +
		"------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\r\n" +
		"交易时间            ,交易分类                ,交易对方                ,对方账号                ,商品说明                ,收/支                 ,金额                  ,收/付款方式              ,交易状态                ,交易订单号     ,商家订单号           ,备注                  ,\r\n" +
		"2025-11-03 14:05:12 ,充值缴费                ,杭州云帆网络科技有限公司 ,/                   ,充值                  ,支出                  ,5000.00             ,招商银行储蓄卡(1234)     ,交易成功                ," + shotAlipayNo + "\t,T2025110314051200987\t,                    ,\r\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "账单"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "账单", "alipay_record.csv"), []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `title: 截图核对
purpose: civil
claimant: {name: 李明}
respondent: {name: 张三}
transactions:
  - id: "` + shotTransferID + `"
    time: 2025-11-03T14:05:12+08:00
    amount: 5000.00
    direction: out
    counterparty: 张三
    disputed: true
  - id: "` + shotWeChatTxn + `"
    time: 2025-11-03T14:05:12+08:00
    amount: 5000.00
    direction: out
    counterparty: 深圳市锦程贸易有限公司
items:
  截图/转账成功.png: {title: 转账成功}
  截图/支付宝账单详情.png: {title: 支付宝账单详情}
  截图/对方发来的截图.png: {title: 对方发来的截图}
  截图/转发的账单详情.png: {title: 转发的账单详情}
  账单/alipay_record.csv: {title: 支付宝账单}
`
	if err := os.WriteFile(filepath.Join(dir, CaseFile), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// countingTesseract writes a tesseract that logs every page pass it runs
// (not --version or --list-langs) to log, then runs the real one.
func countingTesseract(t *testing.T, real string) (exe, log string) {
	t.Helper()
	d := t.TempDir()
	exe, log = filepath.Join(d, "tesseract"), filepath.Join(d, "runs.log")
	script := "#!/bin/sh\ncase \"$1\" in stdin) echo pass >> '" + log + "';; esac\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(exe, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return exe, log
}

func passes(t *testing.T, log string) int {
	b, err := os.ReadFile(log)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("pass\n"))
}

func readOCRManifest(t *testing.T, bundleDir string) (*Manifest, []byte) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(bundleDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return &m, raw
}

func TestOCRBuild(t *testing.T) {
	real := needOCR(t)
	dir := writeOCRCase(t)
	exe, log := countingTesseract(t, real)
	cache := t.TempDir()
	out := t.TempDir()
	opt := Options{Now: testNow, OCR: OCROn, Tesseract: exe, OCRCache: cache, Workers: 2}
	opt.Out = filepath.Join(out, "a.bundle")
	if _, err := Build(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	cold := passes(t, log)
	if cold != 8 { // four screenshots, two passes each
		t.Errorf("the first build ran %d engine passes, want 8", cold)
	}
	m, raw := readOCRManifest(t, opt.Out)

	if m.OCR == nil || m.OCR.Engine != "tesseract" || m.OCR.Version == "" || len(m.OCR.Settings.Passes) == 0 {
		t.Fatalf("manifest ocr = %+v", m.OCR)
	}
	byPath := map[string]ManifestItem{}
	for _, it := range m.Items {
		byPath[it.Path] = it
	}
	for _, p := range []string{"转账成功", "支付宝账单详情", "对方发来的截图", "转发的账单详情"} {
		it := byPath["data/截图/"+p+".png"]
		if it.OCR == nil || it.OCR.PageKind == "" || len(it.OCR.Fields) == 0 {
			t.Errorf("%s: ocr = %+v", p, it.OCR)
		}
	}
	if byPath["data/账单/alipay_record.csv"].OCR != nil {
		t.Error("the bill has an ocr object")
	}

	txn := map[string]ManifestTxn{}
	for _, tx := range m.Transactions {
		txn[tx.ID] = tx
	}
	// The IDs link exactly: the transfer to case.yaml's, both Alipay
	// pages to the bill row.
	if got := txn[shotTransferID].Exhibits; fmt.Sprint(got) != "[1]" {
		t.Errorf("transfer %s shown by exhibits %v, want [1]", shotTransferID, got)
	}
	if got := txn[shotAlipayNo].Exhibits; fmt.Sprint(got) != "[2 3 5]" {
		t.Errorf("Alipay order %s shown by exhibits %v, want [2 3 5]", shotAlipayNo, got)
	}
	// The near miss is a note and never a link: a wrong link is worse
	// than none.
	if got := txn[shotWeChatTxn].Exhibits; len(got) != 0 {
		t.Errorf("the near-miss screenshot was linked: %s exhibits %v", shotWeChatTxn, got)
	}
	if _, ok := txn[shotNearMiss]; ok {
		t.Errorf("the near miss %s became a transaction", shotNearMiss)
	}
	codes := func(fs []evidence.Finding) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Code)
		}
		return strings.Join(s, " ")
	}
	near := byPath["data/截图/转发的账单详情.png"]
	var nearNote *evidence.Finding
	for i, f := range near.Findings {
		if f.Code == "ocr_id_near_match" {
			nearNote = &near.Findings[i]
		}
	}
	if nearNote == nil || nearNote.Severity != evidence.Info || !strings.Contains(nearNote.MessageEn, "probably "+shotWeChatTxn+", check by eye") ||
		!strings.Contains(nearNote.MessageEn, shotNearMiss) {
		t.Errorf("near miss findings: %s; %+v", codes(near.Findings), nearNote)
	}
	if !strings.Contains(codes(txn[shotWeChatTxn].Findings), "txn_not_shown") {
		t.Errorf("%s, shown by nothing, has findings %s", shotWeChatTxn, codes(txn[shotWeChatTxn].Findings))
	}
	if strings.Contains(codes(txn[shotTransferID].Findings), "txn_not_shown") {
		t.Errorf("%s is shown by exhibit 1 but noted as shown by nothing", shotTransferID)
	}
	// The edited copy is flagged, naming both exhibits and both amounts;
	// the true copy is not.
	edited := byPath["data/截图/对方发来的截图.png"]
	var warn *evidence.Finding
	for i, f := range edited.Findings {
		if f.Code == "ocr_bill_mismatch" {
			warn = &edited.Findings[i]
		}
	}
	if warn == nil || warn.Severity != evidence.Warning {
		t.Fatalf("edited copy findings: %s", codes(edited.Findings))
	}
	for _, want := range []string{"exhibit 3", "exhibit 5 (bill) line", "50,000.00", "5,000.00", shotAlipayNo, "may be edited"} {
		if !strings.Contains(warn.MessageEn, want) {
			t.Errorf("the warning %q does not name %q", warn.MessageEn, want)
		}
	}
	if strings.Contains(codes(byPath["data/截图/支付宝账单详情.png"].Findings), "ocr_bill_mismatch") {
		t.Errorf("the true copy is flagged: %s", codes(byPath["data/截图/支付宝账单详情.png"].Findings))
	}

	// pdftotext finds each ID on its screenshot's page.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		for _, c := range []struct{ path, id string }{
			{"data/截图/转账成功.png", shotTransferID},
			{"data/截图/支付宝账单详情.png", shotAlipayNo},
		} {
			it := byPath[c.path]
			first := fmt.Sprint(it.Pages[0])
			txt, err := exec.Command("pdftotext", "-f", first, "-l", first, filepath.Join(opt.Out, "dossier.pdf"), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(bytes.ReplaceAll(txt, []byte(" "), nil), []byte(c.id)) {
				t.Errorf("pdftotext finds no %s on page %s (%s)", c.id, first, c.path)
			}
		}
	}

	// A second build reads everything from the cache and gives the same
	// bytes.
	opt.Out = filepath.Join(out, "b.bundle")
	if _, err := Build(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	if n := passes(t, log); n != cold {
		t.Errorf("the second build ran the engine %d more times; the cache should have held every page", n-cold)
	}
	_, raw2 := readOCRManifest(t, opt.Out)
	if !bytes.Equal(raw, raw2) {
		t.Error("two builds wrote different manifest.json")
	}
	for _, f := range []string{"dossier.pdf", "manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		a, _ := os.ReadFile(filepath.Join(out, "a.bundle", f))
		b, _ := os.ReadFile(filepath.Join(out, "b.bundle", f))
		if !bytes.Equal(a, b) {
			t.Errorf("two builds wrote different %s", f)
		}
	}

	// check reads the originals (no bundle) through the same cache.
	a, err := Check(context.Background(), dir, Options{Now: testNow, Tesseract: exe, OCRCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if n := passes(t, log); n != cold {
		t.Errorf("check ran the engine %d times past the cache", n-cold)
	}
	if a.Exhibits[0].Item.OCR == nil {
		t.Error("check did not read the screenshot")
	}

	// Off: nothing of OCR anywhere.
	opt.Out, opt.OCR = filepath.Join(out, "off.bundle"), OCROff
	if _, err := Build(context.Background(), dir, opt); err != nil {
		t.Fatal(err)
	}
	_, rawOff := readOCRManifest(t, opt.Out)
	for _, s := range []string{`"ocr"`, "ocr_", "txn_not_shown"} {
		if bytes.Contains(rawOff, []byte(s)) {
			t.Errorf("--ocr off: manifest.json holds %s", s)
		}
	}
}

func TestOCRMissingEngine(t *testing.T) {
	dir := t.TempDir()
	shot := filepath.Join(dir, "c", "shot.png")
	// A phone-sized picture: the engine would be asked to read it.
	writeSizedPNG(t, shot, 720, 1560)
	t.Setenv(ocr.EnvTesseract, filepath.Join(dir, "nonexistent"))
	out := filepath.Join(dir, "out")

	_, err := Build(context.Background(), filepath.Join(dir, "c"), Options{Out: out, Now: testNow, OCR: OCROn})
	var ue *UsageError
	if !errors.As(err, &ue) || ue.ExitCode() != 2 || !strings.Contains(ue.Msg, "apt-get install tesseract-ocr") {
		t.Fatalf("--ocr on without an engine: %v, want a usage error with the install hint", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("--ocr on without an engine wrote %d entries beside the case", len(entries)-1)
	}
	if _, err := Batch(context.Background(), dir, BatchOptions{Out: out, Build: Options{Now: testNow, OCR: OCROn}}); !errors.As(err, &ue) {
		t.Errorf("batch --ocr on without an engine: %v", err)
	}

	a, err := Check(context.Background(), filepath.Join(dir, "c"), Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var notes []evidence.Finding
	for _, f := range a.AllFindings() {
		if strings.HasPrefix(f.Code, "ocr_") {
			notes = append(notes, f)
		}
	}
	if len(notes) != 1 || notes[0].Code != "ocr_unavailable" || notes[0].Severity != evidence.Info ||
		!strings.Contains(notes[0].MessageEn, "apt-get install tesseract-ocr tesseract-ocr-chi-sim") {
		t.Errorf("auto without an engine: %+v, want one ocr_unavailable note with the install hint", notes)
	}
}

// Near matches are only ever notes: a valid, surely read number one digit
// from a known one is another payment, and an exact read links.
func TestCrossCheckScreensNeverLinksNearMiss(t *testing.T) {
	valid := &ocr.IDForm{Form: ocr.FormValid}
	invalid := &ocr.IDForm{Form: ocr.FormInvalid, Reason: "27 digits, want 28", ReasonZh: "27 位，应为 28 位"}
	other := "4200002345202511031234567891" // one digit from shotWeChatTxn, valid and read surely
	cases := []struct {
		name     string
		field    ocr.Field
		linked   bool
		nearNote bool
	}{
		{"exact", ocr.Field{Name: ocr.FieldTransactionID, Value: shotWeChatTxn, Conf: 95, Form: valid}, true, false},
		{"exact, unsure", ocr.Field{Name: ocr.FieldTransactionID, Value: shotWeChatTxn, Conf: 40, Form: valid}, true, false},
		{"dropped digit", ocr.Field{Name: ocr.FieldTransactionID, Value: shotNearMiss, Conf: 95, Form: invalid}, false, true},
		{"one digit off, unsure", ocr.Field{Name: ocr.FieldTransactionID, Value: other, Conf: 50, Form: valid}, false, true},
		{"one digit off, sure", ocr.Field{Name: ocr.FieldTransactionID, Value: other, Conf: 95, Form: valid}, false, false},
		{"exact but invalid form", ocr.Field{Name: ocr.FieldTransactionID, Value: shotWeChatTxn, Conf: 95, Form: invalid}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it := &evidence.Item{Path: "shot.png", Kind: evidence.KindImage, OCR: &ocr.Page{Kind: ocr.KindWeChatBill, Fields: []ocr.Field{c.field}}}
			cs := &Case{Transactions: []CaseTxn{{ID: shotWeChatTxn, Line: 3}}}
			a := &Analysis{Case: cs, Exhibits: []Exhibit{{Number: 1, Item: it}}}
			a.Txns = []ManifestTxn{{ID: shotWeChatTxn, Sources: []string{CaseFile}, Exhibits: []int{}}}
			crossCheckScreens(a)
			if linked := len(a.Txns[0].Exhibits) > 0; linked != c.linked {
				t.Errorf("linked = %v, want %v", linked, c.linked)
			}
			hasNote := false
			for _, f := range it.Findings {
				hasNote = hasNote || f.Code == "ocr_id_near_match"
			}
			if hasNote != c.nearNote {
				t.Errorf("near-match note = %v, want %v (%+v)", hasNote, c.nearNote, it.Findings)
			}
			if c.linked != (len(a.Exhibits[0].ocr.shows) == 1) {
				t.Errorf("shows %v", a.Exhibits[0].ocr.shows)
			}
		})
	}
}

// Cancelling a build while the engine reads stops it at once and leaves
// nothing behind.
func TestOCRCancel(t *testing.T) {
	real, err := exec.LookPath("tesseract")
	if err != nil {
		t.Skip("tesseract is not installed")
	}
	if _, err := ocr.Find(real); err != nil {
		t.Skipf("OCR engine not usable: %v", err)
	}
	d := t.TempDir()
	slow := filepath.Join(d, "tesseract")
	// --version and --list-langs run the real engine; a page pass hangs.
	script := "#!/bin/sh\ncase \"$1\" in stdin) exec sleep 60;; esac\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(slow, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	writeSizedPNG(t, filepath.Join(d, "c", "shot.png"), 720, 1560)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(1500*time.Millisecond, cancel)
	start := time.Now()
	_, err = Build(ctx, filepath.Join(d, "c"), Options{Out: filepath.Join(d, "out"), Now: testNow, OCR: OCROn, Tesseract: slow, OCRCache: t.TempDir()})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 15*time.Second {
		t.Errorf("the cancelled build took %v", el)
	}
	entries, _ := os.ReadDir(d)
	for _, e := range entries {
		if e.Name() != "c" && e.Name() != "tesseract" {
			t.Errorf("a cancelled build left %s", e.Name())
		}
	}
}

// FuzzCrossCheckScreens holds the rule of links for any reading: a
// screenshot is linked exactly when an ID of valid or unknown form equals a
// known ID, whatever else the page holds.
func FuzzCrossCheckScreens(f *testing.F) {
	f.Add(shotWeChatTxn, 95, "valid", "-5000.00", "张三(**三)")
	f.Add(shotNearMiss, 40, "invalid", "50000.00", "")
	f.Add("4200002345202511031234567891", 60, "unknown", "", "李四")
	f.Fuzz(func(t *testing.T, id string, conf int, form, amount, payee string) {
		fields := []ocr.Field{{Name: ocr.FieldTransactionID, Value: id, Conf: conf, Form: &ocr.IDForm{Form: form}},
			{Name: ocr.FieldCounterparty, Value: payee}}
		if fen, err := money.Parse(amount); err == nil {
			fields = append(fields, ocr.Field{Name: ocr.FieldAmount, Value: amount, Fen: &fen})
		}
		it := &evidence.Item{Path: "shot.png", Kind: evidence.KindImage, OCR: &ocr.Page{Kind: ocr.KindWeChatBill, Fields: fields}}
		cs := &Case{Transactions: []CaseTxn{{ID: shotWeChatTxn, Line: 3, Counterparty: "张三"}}}
		a := &Analysis{Case: cs, Exhibits: []Exhibit{{Number: 1, Item: it}}}
		a.Txns = []ManifestTxn{{ID: shotWeChatTxn, Sources: []string{CaseFile}, Exhibits: []int{}}}
		crossCheckScreens(a)
		want := id == shotWeChatTxn && form != ocr.FormInvalid
		if linked := len(a.Txns[0].Exhibits) > 0; linked != want {
			t.Fatalf("id %q form %q: linked %v, want %v", id, form, linked, want)
		}
		if a.Exhibits[0].ocr == nil || len(a.Exhibits[0].ocr.rows) != len(fields) {
			t.Fatalf("rows %+v for %d fields", a.Exhibits[0].ocr, len(fields))
		}
	})
}
