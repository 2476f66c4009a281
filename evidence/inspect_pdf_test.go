package evidence_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/samplegen"
)

func readPDF(t *testing.T, name string, data []byte, lim evidence.Limits) *evidence.Item {
	t.Helper()
	var copyBuf bytes.Buffer
	it, err := evidence.Read(name, bytes.NewReader(data), &copyBuf, time.Date(2025, 11, 5, 3, 0, 0, 0, time.UTC), lim)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(copyBuf.Bytes(), data) {
		t.Fatalf("%s: the sealed copy differs from the original", name)
	}
	if it.Kind != evidence.KindPDF || it.MIME != "application/pdf" {
		t.Fatalf("%s: kind %s mime %s", name, it.Kind, it.MIME)
	}
	for _, f := range it.Findings {
		if f.File != name {
			t.Errorf("finding does not name the file: %+v", f)
		}
	}
	return it
}

func findingNamed(it *evidence.Item, code string) *evidence.Finding {
	for i := range it.Findings {
		if it.Findings[i].Code == code {
			return &it.Findings[i]
		}
	}
	return nil
}

func TestReadPDFStatement(t *testing.T) {
	data, err := samplegen.DemoStatementPDF()
	if err != nil {
		t.Fatal(err)
	}
	it := readPDF(t, "exports/微信支付交易明细证明.pdf", data, evidence.DefaultLimits)
	m := it.Meta
	if m.Pages != 2 || !strings.HasPrefix(m.Producer, "WeChat Pay") || m.Creator != "微信支付" {
		t.Errorf("meta %+v", m)
	}
	// gofpdf writes the creation date without a zone.
	if m.Created != "2025-11-05T10:21:04" || m.CreatedZone != "unknown" {
		t.Errorf("created %q zone %q", m.Created, m.CreatedZone)
	}
	if m.Statement != "微信支付交易明细证明" || m.StatementIssuer != "wechat" || m.Provider != "wechat" || !m.ThirdParty || m.Rows != 7 {
		t.Errorf("statement meta %+v", m)
	}
	if it.PDF == nil || !it.PDF.Importable || it.PDF.Pages != 2 {
		t.Errorf("PDF %+v", it.PDF)
	}
	if it.Bill == nil || len(it.Bill.Rows) != 7 || it.Bill.Layout != "pdf-wechat" {
		t.Fatalf("bill %+v", it.Bill)
	}
	r := it.Bill.Rows[4]
	if r.TxnID != "4200002345202511031234567890" || r.Page != 2 || r.Amount != 500000 || r.Direction != "out" ||
		r.Counterparty != "张三" || !r.Time.Equal(time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC)) {
		t.Errorf("row 5 %+v", r)
	}
	if it.PageOf("4200002345202511031234567890") != 2 || it.PageOf("SHMETRO20251101081240") != 1 || it.PageOf("nope") != 0 {
		t.Error("PageOf")
	}
	if m.Period != "2025-11-01/2025-11-04" || it.Captured == nil || it.Captured.Source != "bill" {
		t.Errorf("period %q captured %+v", m.Period, it.Captured)
	}
	if it.HasError() || len(it.Findings) != 0 {
		t.Errorf("findings %+v", it.Findings)
	}
}

func TestReadPDFSignatures(t *testing.T) {
	signed, err := samplegen.SignedPDF("Test Bank Signing CA", "Test Bank")
	if err != nil {
		t.Fatal(err)
	}
	changed := samplegen.AppendAfterSigning(signed)
	it := readPDF(t, "signed.pdf", signed, evidence.DefaultLimits)
	if len(it.Meta.Signatures) != 1 {
		t.Fatalf("signatures %+v", it.Meta.Signatures)
	}
	s := it.Meta.Signatures[0]
	if s.Field != "Signature1" || s.Name != "Test Bank" || s.Signer != "Test Bank Signing CA" || !s.CoversWholeFile ||
		s.BytesAfter != 0 || !s.DigestMatches || !s.SignatureMatchesKey || s.ChainChecked || s.SigningTime != "2025-11-05T02:00:00Z" {
		t.Errorf("signature %+v", s)
	}
	if len(it.Findings) != 0 {
		t.Errorf("findings %+v", it.Findings)
	}

	it = readPDF(t, "signed-changed.pdf", changed, evidence.DefaultLimits)
	s = it.Meta.Signatures[0]
	after := int64(len(changed) - len(signed))
	if s.CoversWholeFile || s.BytesAfter != after || !s.DigestMatches || it.Meta.Revisions != 2 || it.Meta.Producer != "an editor that changed the file" {
		t.Errorf("changed: signature %+v meta %+v", s, it.Meta)
	}
	f := findingNamed(it, "pdf_changed_after_signing")
	if f == nil || f.Severity != evidence.Warning || !strings.Contains(f.MessageZh, "Signature1") ||
		!strings.Contains(f.MessageEn, strconv.FormatInt(after, 10)+" bytes were appended") {
		t.Errorf("findings %+v", it.Findings)
	}
}

func TestReadPDFProblems(t *testing.T) {
	enc, err := os.ReadFile(filepath.Join("pdf", "testdata", "enc-user-pw.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	it := readPDF(t, "流水.pdf", enc, evidence.DefaultLimits)
	if f := findingNamed(it, "pdf_encrypted"); f == nil || f.Severity != evidence.Warning || !strings.Contains(f.MessageEn, "data/") {
		t.Errorf("encrypted: %+v", it.Findings)
	}
	if it.PDF != nil || it.SHA256 == "" {
		t.Errorf("encrypted: PDF %+v sha %q", it.PDF, it.SHA256)
	}

	open, err := os.ReadFile(filepath.Join("pdf", "testdata", "enc-aes-128.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	it = readPDF(t, "open.pdf", open, evidence.DefaultLimits)
	if len(it.Findings) != 0 || it.PDF == nil || it.PDF.Importable || !it.Meta.Encrypted || it.Meta.Pages != 2 {
		t.Errorf("empty password: findings %+v PDF %+v meta %+v", it.Findings, it.PDF, it.Meta)
	}

	broken := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	it = readPDF(t, "broken.pdf", broken, evidence.DefaultLimits)
	if f := findingNamed(it, "pdf_unreadable"); f == nil || f.Severity != evidence.Error || it.PDF != nil {
		t.Errorf("broken: %+v", it.Findings)
	}

	// Larger than MaxPDF: kept and hashed, not read.
	big := append(append([]byte{}, open...), bytes.Repeat([]byte("%padding\n"), 1<<17)...)
	lim := evidence.DefaultLimits
	lim.MaxPDF = 1 << 20
	it = readPDF(t, "big.pdf", big, lim)
	if f := findingNamed(it, "pdf_too_large"); f == nil || !strings.Contains(f.MessageEn, "1 MiB") || it.Size != int64(len(big)) || it.PDF != nil {
		t.Errorf("too large: %+v size %d", it.Findings, it.Size)
	}
}
