package samplegen

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/jung-kurt/gofpdf"

	"github.com/casebundle/casebundle/fonts"
	"github.com/casebundle/casebundle/internal/tz"
)

// StatementRow is one row of a WeChat Pay 微信支付交易明细证明, as printed.
type StatementRow struct {
	ID, Time, Type, Direction, Method, Amount, Counterparty, MerchantOrder string
}

// WeChatStatement describes a 微信支付交易明细证明: whose account, the
// period, the rows and how many rows fit on a page.
type WeChatStatement struct {
	Number      string // 编号
	Name        string // the holder, masked as the platform prints it
	WeChatID    string
	From, To    string // "2025-11-01 00:00:00"
	Rows        []StatementRow
	RowsPerPage int
	Created     time.Time // the PDF's creation date
}

// WeChatStatementPDF draws the statement in the layout of WeChat Pay's
// 微信支付交易明细证明 (evidence/pdf/LAYOUTS.md): title and preamble on the
// first page, a bordered table of eight columns whose header is repeated on
// every page, the 交易单号 wrapped inside its cell, "第N页/共M页" at the
// foot. Text is real text in the embedded font, so it can be extracted.
// The bytes are the same on every run.
func WeChatStatementPDF(s WeChatStatement) ([]byte, error) {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(s.Created)
	p.SetModificationDate(s.Created)
	p.SetCatalogSort(true)
	p.SetProducer("WeChat Pay statement service (casebundle sample)", true)
	p.SetCreator("微信支付", true)
	p.SetTitle("微信支付交易明细证明", true)
	p.SetAutoPageBreak(false, 0)
	p.AddUTF8FontFromBytes(fonts.Family, "", fonts.MicroHei)
	if err := p.Error(); err != nil {
		return nil, err
	}
	headers := []string{"交易单号", "交易时间", "交易类型", "收/支/其他", "交易方式", "金额(元)", "交易对方", "商户单号"}
	widths := []float64{34, 20, 18, 16, 22, 18, 28, 34}
	const fs = 7.0
	lh := fs * 0.3528 * 1.25
	left := 10.0
	per := max(s.RowsPerPage, 1)
	pages := max((len(s.Rows)+per-1)/per, 1)
	cell := func(x, w, top, h float64, lines []string) {
		p.Rect(x, top, w, h, "D")
		y0 := top + (h-float64(len(lines))*lh)/2 + fs*0.3528*0.9
		for i, l := range lines {
			tw := p.GetStringWidth(l)
			p.Text(x+(w-tw)/2, y0+float64(i)*lh, l)
		}
	}
	for pg := 0; pg < pages; pg++ {
		p.AddPage()
		y := 16.0
		if pg == 0 {
			p.SetFont(fonts.Family, "", 15)
			title := "微信支付交易明细证明"
			p.Text((210-p.GetStringWidth(title))/2, y, title)
			y += 9
			p.SetFont(fonts.Family, "", 8)
			for _, l := range []string{
				"编号：" + s.Number,
				"兹证明：" + s.Name + "，在其微信号：" + s.WeChatID + " 中的交易明细信息如下：",
				"交易明细对应时间段：" + s.From + " 至 " + s.To,
				"具体交易明细：",
			} {
				p.Text(left, y, l)
				y += 5
			}
		}
		p.SetFont(fonts.Family, "", fs)
		x := left
		hh := lh + 2.4
		for i, h := range headers {
			cell(x, widths[i], y, hh, []string{h})
			x += widths[i]
		}
		y += hh
		for _, r := range s.Rows[pg*per : min(len(s.Rows), (pg+1)*per)] {
			cells := [][]string{
				wrapID(r.ID), strings.SplitN(r.Time, " ", 2), {r.Type}, {r.Direction}, {r.Method},
				{r.Amount}, {r.Counterparty}, wrapID(r.MerchantOrder),
			}
			n := 1
			for _, c := range cells {
				n = max(n, len(c))
			}
			h := float64(n)*lh + 2.4
			x := left
			for i, c := range cells {
				cell(x, widths[i], y, h, c)
				x += widths[i]
			}
			y += h
		}
		if pg == pages-1 {
			p.SetFont(fonts.Family, "", 8)
			y += 8
			for _, l := range []string{
				"说明：本证明仅证明上述微信号在上述时间段内的交易明细，由财付通支付科技有限公司出具。",
				"财付通支付科技有限公司（业务凭证专用章）",
			} {
				p.Text(left, y, l)
				y += 5
			}
		}
		p.SetFont(fonts.Family, "", 8)
		foot := fmt.Sprintf("第%d页/共%d页", pg+1, pages)
		p.Text((210-p.GetStringWidth(foot))/2, 287, foot)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// wrapID splits a long number over two lines, as WeChat's cells do
// ("4200002345202511031" / "234567890"); "/" and short values stay whole.
func wrapID(id string) []string {
	if len(id) <= 20 {
		return []string{id}
	}
	return []string{id[:20], id[20:]}
}

// SignedPDF is a one-page PDF with one signature field, signed
// (adbe.pkcs7.detached, SHA-256, the byte range covering the whole file)
// with a self-made certificate whose subject CN is cn. The signature
// dictionary's /Name is name and /M is 2025-11-05 10:00 +08:00. The key is
// made afresh each call, so the bytes differ from call to call.
func SignedPDF(cn, name string) ([]byte, error) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> /Annots [5 0 R] >>",
		pdfStream("BT /F1 14 Tf 72 770 Td (Signed account statement) Tj 0 -20 Td (Account 6214 8300 0000 8816) Tj ET"),
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 /V 7 0 R /P 3 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 ********** ********** **********] " +
			"/Contents <" + strings.Repeat("0", sigHex) + "> /M (D:20251105100000+08'00') /Name (" + name + ") /Reason (statement) >>",
		"<< /Producer (casebundle sample signer) /Title (signed statement) /CreationDate (D:20251105100000+08'00') >>",
	}
	return signPlaceholders(buildPDF(objs, "/Info 8 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"), cn)
}

// AppendAfterSigning adds an incremental update to a PDF made by
// SignedPDF: a new information dictionary (a changed producer), the way an
// editor saves a change to a signed file. The signature then no longer
// covers the whole file.
func AppendAfterSigning(data []byte) []byte {
	start := bytes.LastIndex(data, []byte("startxref"))
	var prev int
	fmt.Sscan(string(data[start+len("startxref"):]), &prev)
	var b bytes.Buffer
	b.Write(data)
	off := b.Len()
	b.WriteString("9 0 obj\n<< /Producer (an editor that changed the file) /Title (signed statement) /CreationDate (D:20251105100000+08'00') >>\nendobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n9 1\n%010d 00000 n \ntrailer\n<< /Size 10 /Root 1 0 R /Info 9 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", off, prev, x)
	return b.Bytes()
}

const sigHex = 8192 // hex digits reserved for /Contents

func pdfStream(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// buildPDF writes objects 1..n with a classic cross-reference table.
func buildPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

// signPlaceholders fills the /ByteRange and /Contents placeholders.
func signPlaceholders(data []byte, cn string) ([]byte, error) {
	ci := bytes.Index(data, []byte("/Contents <0000"))
	bi := bytes.Index(data, []byte("[0 ********** ********** **********]"))
	if ci < 0 || bi < 0 {
		return nil, fmt.Errorf("samplegen: no signature placeholders")
	}
	gapStart := ci + len("/Contents ")
	gapEnd := gapStart + 2 + sigHex
	br := fmt.Sprintf("[0 %d %d %d]", gapStart, gapEnd, len(data)-gapEnd)
	br += strings.Repeat(" ", len("[0 ********** ********** **********]")-len(br))
	out := append([]byte{}, data...)
	copy(out[bi:], br)
	signed := append(append([]byte{}, out[:gapStart]...), out[gapEnd:]...)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(20251105),
		Subject:               pkix.Name{CommonName: cn, Organization: []string{"casebundle sample"}},
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	sd, err := pkcs7.NewSignedData(signed)
	if err != nil {
		return nil, err
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{}); err != nil {
		return nil, err
	}
	sd.Detach()
	sig, err := sd.Finish()
	if err != nil {
		return nil, err
	}
	hexs := fmt.Sprintf("%x", sig)
	if len(hexs) > sigHex {
		return nil, fmt.Errorf("samplegen: signature of %d hex digits does not fit", len(hexs))
	}
	copy(out[gapStart+1:], hexs)
	return out, nil
}

// DemoStatementPDF is the demo victim's 微信支付交易明细证明 for 1–4 November
// 2025, requested in the WeChat app and issued on 5 November: the rows of
// the bill export (DemoBillXLSX), four to a page, so that the wrong
// transfer 4200002345202511031234567890 is on page 2.
func DemoStatementPDF() ([]byte, error) {
	return WeChatStatementPDF(WeChatStatement{
		Number:   "20251105000123456789",
		Name:     "李明（身份证：310***********2718）",
		WeChatID: "liming_sh",
		From:     "2025-11-01 00:00:00", To: "2025-11-04 23:59:59",
		RowsPerPage: 4,
		Created:     time.Date(2025, 11, 5, 10, 21, 4, 0, tz.Shanghai), // gofpdf writes the wall clock without a zone
		Rows: []StatementRow{
			{"4200002345202511010512034417", "2025-11-01 08:12:40", "商户消费", "支出", "零钱", "4.00", "上海地铁", "SHMETRO20251101081240"},
			{"4200002345202511016634827109", "2025-11-01 12:31:09", "商户消费", "支出", "零钱", "36.50", "美团", "MT202511011231090001"},
			{"4200002345202511027741903355", "2025-11-02 19:47:22", "商户消费", "支出", "招商银行储蓄卡(8816)", "61.20", "盒马", "HM202511021947220042"},
			{"1000039501251103000987654321098765", "2025-11-03 09:05:13", "微信红包", "收入", "/", "0.88", "王芳", "/"},
			{"4200002345202511031234567890", "2025-11-03 14:05:00", "转账", "支出", "招商银行储蓄卡(8816)", "5000.00", "张三", "/"},
			{"4200002345202511038812560021", "2025-11-03 18:20:45", "商户消费", "支出", "零钱", "18.00", "滴滴出行", "DD202511031820450317"},
			{"4200002345202511040512098812", "2025-11-04 08:10:31", "商户消费", "支出", "零钱", "3.70", "上海地铁", "SHMETRO20251104081031"},
		},
	})
}
