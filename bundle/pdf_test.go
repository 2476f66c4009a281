package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// writePDFCase makes a case with WeChat Pay's 交易明细证明 (the case's
// transaction on page 2), a signed PDF and a copy changed after signing, a
// PDF that needs a password and a broken one.
func writePDFCase(t *testing.T) (dir string, appended int) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "案件 PDF")
	stmt, err := samplegen.DemoStatementPDF()
	if err != nil {
		t.Fatal(err)
	}
	signed, err := samplegen.SignedPDF("Test Bank Signing CA", "Test Bank")
	if err != nil {
		t.Fatal(err)
	}
	changed := samplegen.AppendAfterSigning(signed)
	locked, err := os.ReadFile(filepath.Join("..", "evidence", "pdf", "testdata", "enc-user-pw.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(1, 390, 844))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"截图/转账成功.png":       shot,
		"流水/微信支付交易明细证明.pdf": stmt,
		"流水/签名.pdf":         signed,
		"流水/签名后改动.pdf":      changed,
		"流水/加密.pdf":         locked,
		"流水/损坏.pdf":         []byte("%PDF-1.7\nnot a pdf at all\n"),
	} {
		mustWrite(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	mustWrite(t, filepath.Join(dir, CaseFile), []byte(`title: 微信转错账追回
purpose: civil
platform: wechat
respondent: {name: 张三}
transactions:
  - id: "4200002345202511031234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.00
    direction: out
    counterparty: 张三
    disputed: true
items:
  流水/微信支付交易明细证明.pdf: {title: 微信支付交易明细证明, source: 财付通出具}
  截图/转账成功.png: {title: 转账成功截图, source: 本人手机截图}
`))
	return dir, len(changed) - len(signed)
}

type pdfManifest struct {
	Items []struct {
		Exhibit  int    `json:"exhibit"`
		Pages    [2]int `json:"pages"`
		Path     string `json:"path"`
		Kind     string `json:"kind"`
		Meta     map[string]any
		Findings []struct{ Code, Severity, File string } `json:"findings"`
	} `json:"items"`
	Transactions []struct {
		ID             string                        `json:"id"`
		Exhibits       []int                         `json:"exhibits"`
		StatementPages []struct{ Exhibit, Page int } `json:"statement_pages"`
		Sources        []string                      `json:"sources"`
		Findings       []struct{ Code string }       `json:"findings"`
	} `json:"transactions"`
}

func TestBuildPDFExhibits(t *testing.T) {
	dir, appended := writePDFCase(t)
	out := t.TempDir()
	var dossiers [2][]byte
	var res *Result
	for run := range 2 {
		var err error
		res, err = Build(context.Background(), dir, Options{Out: filepath.Join(out, "b"+strconv.Itoa(run)), Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		if dossiers[run], err = os.ReadFile(filepath.Join(res.Bundle, "dossier.pdf")); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(dossiers[0], dossiers[1]) {
		t.Fatal("two builds of the same case give different dossiers")
	}
	raw, err := os.ReadFile(filepath.Join(res.Bundle, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m pdfManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	items := map[string]int{}
	for i, it := range m.Items {
		items[strings.TrimPrefix(it.Path, "data/")] = i
		if it.Kind != "pdf" && !strings.HasSuffix(it.Path, ".png") {
			t.Errorf("%s: kind %s", it.Path, it.Kind)
		}
		// Every original is sealed byte for byte, readable or not.
		orig, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(it.Path, "data/"))))
		sealed, _ := os.ReadFile(filepath.Join(res.Bundle, filepath.FromSlash(it.Path)))
		if len(orig) == 0 || !bytes.Equal(orig, sealed) {
			t.Errorf("%s is not sealed as it is", it.Path)
		}
	}
	code := func(path string) map[string]string {
		cs := map[string]string{}
		for _, f := range m.Items[items[path]].Findings {
			cs[f.Code] = f.Severity
			if f.File != path {
				t.Errorf("finding %s names %q, want %q", f.Code, f.File, path)
			}
		}
		return cs
	}
	stmt := m.Items[items["流水/微信支付交易明细证明.pdf"]]
	if stmt.Exhibit != 1 || stmt.Meta["pages"] != 2.0 || stmt.Meta["third_party"] != true || stmt.Meta["rows"] != 7.0 || stmt.Meta["created_zone"] != "unknown" {
		t.Errorf("statement: %+v", stmt)
	}
	// The case's ID is found in the statement, on page 2.
	tx := m.Transactions[0]
	if tx.ID != "4200002345202511031234567890" || len(tx.StatementPages) != 1 || tx.StatementPages[0].Exhibit != 1 ||
		tx.StatementPages[0].Page != 2 || len(tx.Findings) != 0 {
		t.Errorf("transaction: %+v", tx)
	}
	sig := func(path string) map[string]any {
		s, _ := m.Items[items[path]].Meta["signatures"].([]any)
		if len(s) != 1 {
			t.Fatalf("%s: signatures %v", path, m.Items[items[path]].Meta["signatures"])
		}
		return s[0].(map[string]any)
	}
	if s := sig("流水/签名.pdf"); s["covers_whole_file"] != true || s["bytes_after"] != 0.0 || s["chain_checked"] != false || s["signer"] != "Test Bank Signing CA" {
		t.Errorf("signed: %v", s)
	}
	if s := sig("流水/签名后改动.pdf"); s["covers_whole_file"] != false || s["bytes_after"] != float64(appended) || s["digest_matches"] != true {
		t.Errorf("changed: %v", s)
	}
	if _, ok := code("流水/签名后改动.pdf")["pdf_changed_after_signing"]; !ok {
		t.Errorf("changed: findings %v", m.Items[items["流水/签名后改动.pdf"]].Findings)
	}
	if code("流水/加密.pdf")["pdf_encrypted"] != "warning" || code("流水/损坏.pdf")["pdf_unreadable"] != "error" {
		t.Errorf("encrypted %v broken %v", code("流水/加密.pdf"), code("流水/损坏.pdf"))
	}
	if strings.Contains(string(raw), "\"valid\": true") || strings.Contains(strings.ToLower(string(raw)), "signature is valid") {
		t.Error("manifest.json calls a signature valid")
	}

	file := filepath.Join(res.Bundle, "dossier.pdf")
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if b, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, b)
		}
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (poppler-utils): the dossier's text is not checked")
	}
	text := func(first, last int) string {
		b, err := exec.Command(pdftotext, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// The statement's own text is on the exhibit's pages 2 and 3.
	if p := text(stmt.Pages[0]+1, stmt.Pages[0]+2); !strings.Contains(p, "微信支付交易明细证明") || !strings.Contains(p, "财付通支付科技有限公司") {
		t.Errorf("the statement's pages lack its text:\n%s", p)
	}
	changedItem := m.Items[items["流水/签名后改动.pdf"]]
	c := text(changedItem.Pages[0], changedItem.Pages[0])
	if !strings.Contains(c, "签署后文件被改动（签名范围之后还有 "+strconv.Itoa(appended)+" 字节）") || !strings.Contains(c, "未核验证书链") {
		t.Errorf("caption of the changed file:\n%s", c)
	}
	signedItem := m.Items[items["流水/签名.pdf"]]
	if c := text(signedItem.Pages[0], signedItem.Pages[0]); !strings.Contains(c, "签名范围覆盖整个文件") {
		t.Errorf("caption of the signed file:\n%s", c)
	}
	// The index's narrow column wraps the mark.
	index := text(1, stmt.Pages[0]-1)
	// Only the platform's statement is third-party data, not the screenshot.
	if flat := strings.Join(strings.Fields(index), ""); !strings.Contains(flat, "财付通出具第三方平台出具的数据（民事证据规定第94条）") ||
		strings.Count(flat, "第三方平台") != 1 || !strings.Contains(flat, "本人手机截图") {
		t.Errorf("the evidence index does not mark the statement as third-party data:\n%s", index)
	}

	// pdfsig (poppler) agrees on the sealed copies.
	pdfsig, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig not installed (poppler-utils)")
	}
	for path, want := range map[string]string{"流水/签名.pdf": "Total document signed", "流水/签名后改动.pdf": "Not total document signed"} {
		b, _ := exec.Command(pdfsig, filepath.Join(res.Bundle, "data", filepath.FromSlash(path))).CombinedOutput()
		if !strings.Contains(string(b), want) {
			t.Errorf("pdfsig %s: want %q:\n%s", path, want, b)
		}
	}
}
