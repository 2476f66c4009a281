package templates

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/phpdave11/gofpdi"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/pdf"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/samplegen"
)

// addPDF reads a PDF as the pipeline does and adds it as the next exhibit.
func (f *fixture) addPDF(rel string, data []byte, title string) *Exhibit {
	f.t.Helper()
	p := filepath.Join(f.dir, "data", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
	it, err := evidence.Read(rel, bytes.NewReader(data), nil, time.Date(2025, 11, 5, 3, 0, 0, 0, time.UTC), evidence.DefaultLimits)
	if err != nil {
		f.t.Fatal(err)
	}
	n := len(f.d.Exhibits) + 1
	f.d.Exhibits = append(f.d.Exhibits, Exhibit{Number: n, Item: it, File: p, Title: title, Source: "财付通出具"})
	f.d.Manifest = append(f.d.Manifest, ManifestLine{SHA256: it.SHA256, Path: "data/" + rel})
	return &f.d.Exhibits[n-1]
}

func testdataPDF(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "evidence", "pdf", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfDossier holds a statement, a signed PDF and a copy changed after
// signing, a PDF encrypted with an empty password (drawn from a
// rendering), one that needs a password and a broken one.
func pdfDossier(t *testing.T) (*Dossier, []byte) {
	f := newFixture(t)
	stmt, err := samplegen.DemoStatementPDF()
	if err != nil {
		t.Fatal(err)
	}
	signed, err := samplegen.SignedPDF("Test Bank Signing CA", "Test Bank")
	if err != nil {
		t.Fatal(err)
	}
	changed := samplegen.AppendAfterSigning(signed)
	f.addPDF("exports/微信支付交易明细证明.pdf", stmt, "微信支付交易明细证明")
	f.addPDF("bank/signed.pdf", signed, "签名的银行流水")
	f.addPDF("bank/signed-changed.pdf", changed, "签名后被改动的银行流水")
	f.addPDF("bank/open.pdf", testdataPDF(t, "enc-aes-128.pdf"), "空密码加密的 PDF")
	f.addPDF("bank/locked.pdf", testdataPDF(t, "enc-user-pw.pdf"), "设有打开密码的 PDF")
	f.addPDF("bank/broken.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), "损坏的 PDF")
	d := f.finish()
	d.Transactions[0].FromCase = true
	return d, changed[len(signed):]
}

func TestPDFExhibits(t *testing.T) {
	d, appended := pdfDossier(t)
	out, lay := render(t, d)
	again, _ := render(t, d)
	if !bytes.Equal(out, again) {
		t.Fatal("two renders of the same dossier differ")
	}
	file := writeTemp(t, out)
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		if b, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check: %v\n%s", err, b)
		}
	}
	pages := func(n int) (int, int) {
		for _, p := range lay.Placements {
			if p.Exhibit == n {
				return p.First, p.Last
			}
		}
		t.Fatalf("exhibit %d not placed", n)
		return 0, 0
	}
	// Statement: caption, two pages, the rows: four pages.
	first, last := pages(1)
	if last-first != 3 {
		t.Errorf("statement on pages %d-%d, want 4 pages", first, last)
	}
	caption := pdftotext(t, file, first, first)
	for _, want := range []string{"第三方平台出具的数据", "第九十四条", "4200002345202511031234567890：流水第 2 页", "原样导入的矢量页面", "WeChat Pay statement service", "2025-11-05 10:21:04（文件未记录时区）"} {
		if !strings.Contains(caption, want) {
			t.Errorf("statement caption lacks %q:\n%s", want, caption)
		}
	}
	// The imported pages carry the statement's own text.
	p1, p2 := pdftotext(t, file, first+1, first+1), pdftotext(t, file, first+2, first+2)
	if !strings.Contains(p1, "微信支付交易明细证明") || !strings.Contains(p1, "第 1 页 / 共 2 页") || !strings.Contains(p1, "SHMETRO") {
		t.Errorf("page 1 of the statement:\n%s", p1)
	}
	if !strings.Contains(p2, "34567890") || !strings.Contains(p2, "财付通支付科技有限公司") || !strings.Contains(p2, "第 2 页 / 共 2 页") {
		t.Errorf("page 2 of the statement:\n%s", p2)
	}
	if rows := pdftotext(t, file, last, last); !strings.Contains(rows, "页码为该行所在的 PDF 页") || !strings.Contains(rows, "4200002345202511031234567890") {
		t.Errorf("rows page:\n%s", rows)
	}

	first, _ = pages(2)
	if c := pdftotext(t, file, first, first); !strings.Contains(c, "签名范围覆盖整个文件") || !strings.Contains(c, "Test Bank Signing CA") ||
		!strings.Contains(c, "未核验证书链") || strings.Contains(c, "有效签名") {
		t.Errorf("signed caption:\n%s", c)
	}
	first, _ = pages(3)
	wantAfter := "签名范围之后还有 " + money.Grouped(int64(len(appended))) + " 字节"
	if c := pdftotext(t, file, first, first); !strings.Contains(c, wantAfter) || !strings.Contains(c, "pdf") {
		t.Errorf("changed caption lacks %q:\n%s", wantAfter, c)
	}
	// Encrypted with an empty password: rendered, one page per page.
	first, last = pages(4)
	if last-first != 2 {
		t.Errorf("empty-password PDF on pages %d-%d", first, last)
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		if c := pdftotext(t, file, first+1, first+1); !strings.Contains(c, "第 1 页 / 共 2 页") || strings.Contains(c, "此页无法绘制") {
			t.Errorf("rendered page:\n%s", c)
		}
		if pi, err := exec.LookPath("pdfimages"); err == nil {
			b, _ := exec.Command(pi, "-list", "-f", strconv.Itoa(first+1), "-l", strconv.Itoa(first+2), file).Output()
			if strings.Count(string(b), "png") < 2 && strings.Count(string(b), "image") < 2 {
				t.Errorf("no rendered images on the pages of exhibit 4:\n%s", b)
			}
		}
	}
	// Needs a password, broken: the caption and a card, no pages.
	for _, n := range []int{5, 6} {
		first, last = pages(n)
		c := pdftotext(t, file, first, last)
		if !strings.Contains(c, "data/") || first != last {
			t.Errorf("exhibit %d on %d-%d:\n%s", n, first, last, c)
		}
	}
}

// TestPDFPageWithoutRenderer: a page that cannot be imported, without
// pdftoppm, is a box that says so and where the file is; it is not left
// out.
func TestPDFPageWithoutRenderer(t *testing.T) {
	f := newFixture(t)
	f.addPDF("bank/open.pdf", testdataPDF(t, "enc-aes-128.pdf"), "空密码加密的 PDF")
	d := f.finish()
	t.Setenv("PATH", t.TempDir())
	out, lay := render(t, d)
	p := lay.Placements[0]
	if p.Last-p.First != 2 {
		t.Fatalf("pages %d-%d", p.First, p.Last)
	}
	if !bytes.Contains(out, []byte("/Outlines")) {
		t.Error("no outline")
	}
	// The box's text is in the content stream; read it back with our
	// own reader, which needs no outside tool.
	doc, err := pdf.Read(out, pdf.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for k := p.First + 1; k <= p.Last; k++ {
		runs, err := doc.PageText(k)
		if err != nil {
			t.Fatal(err)
		}
		var s strings.Builder
		for _, r := range runs {
			s.WriteString(r.Text)
		}
		if !strings.Contains(s.String(), "此页无法绘制") || !strings.Contains(s.String(), "pdftoppm") || !strings.Contains(s.String(), "data/bank/open.pdf") {
			t.Errorf("page %d: %q", k, s.String())
		}
	}
}

// TestPDFImportRecovers: gofpdi panics on encrypted files; importPages
// turns that into nil and leaves the document clean.
func TestPDFImportRecovers(t *testing.T) {
	doc := gofpdf.New("P", "mm", "A4", "")
	if tpls := importPages(doc, gofpdi.NewImporter(), "x", testdataPDF(t, "enc-aes-128.pdf"), 2); tpls != nil {
		t.Errorf("imported an encrypted file: %v", tpls)
	}
	if tpls := importPages(doc, gofpdi.NewImporter(), "y", []byte("%PDF-1.4 garbage"), 1); tpls != nil {
		t.Errorf("imported garbage: %v", tpls)
	}
	doc.AddPage()
	if err := doc.Output(io.Discard); err != nil {
		t.Fatal(err)
	}
}

// FuzzImportPDF feeds what evidence/pdf accepts as importable to the
// patched gofpdi: it must neither hang nor crash, whatever it returns.
func FuzzImportPDF(f *testing.F) {
	for _, n := range []string{"plain.pdf", "objstm.pdf"} {
		b, err := os.ReadFile(filepath.Join("..", "evidence", "pdf", "testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		// A hang is a failure too: the fuzzing engine does not time
		// an input out on its own.
		done := make(chan struct{})
		go func() {
			defer close(done)
			importFuzzed(data)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("import did not finish in 20 s")
		}
	})
}

// importFuzzed is what the dossier does with a PDF it may import.
func importFuzzed(data []byte) {
	doc, err := pdf.Read(data, pdf.Limits{MaxPages: 50, MaxStreamBytes: 4 << 20, MaxDecodedBytes: 16 << 20})
	if err != nil || doc.Encrypted || doc.Repaired || doc.ClaimedPages != doc.Pages {
		return
	}
	out := gofpdf.New("P", "mm", "A4", "")
	imp := gofpdi.NewImporter()
	tpls := importPages(out, imp, "f", data, doc.Pages)
	out.AddPage()
	for _, tpl := range tpls {
		func() {
			defer func() { recover() }()
			name, sx, sy, tx, ty := imp.UseTemplate(tpl, 10, 10, 100, 0)
			out.UseImportedTemplate(name, sx, sy, tx, ty)
		}()
	}
	_ = out.Output(io.Discard)
}

// heavyPDF is a PDF of pages pages, each holding a picture that does not
// compress (about kb kilobytes each).
func heavyPDF(t *testing.T, pages, kb int) []byte {
	t.Helper()
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(time.Date(2025, 11, 5, 10, 0, 0, 0, time.UTC))
	p.SetCatalogSort(true)
	for i := 0; i < pages; i++ {
		p.AddPage()
		w := 320
		img := noisyScreenshot(t, w, kb*1000/(3*w), uint64(100+i))
		name := "img" + strconv.Itoa(i)
		p.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))
		p.ImageOptions(name, 20, 20, 100, 0, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPDFVolumes: the imported pages count toward a volume's size, so a
// volume holding a heavy PDF stays under the limit, and every page of the
// PDF is in the volume that holds the exhibit.
func TestPDFVolumes(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 3; i++ {
		f.add(fmt.Sprintf("截图/聊天%02d.png", i+1), noisyScreenshot(t, 320, 300, uint64(i+1)), evidence.KindImage, "image/png",
			fmt.Sprintf("聊天截图%d", i+1), "证明被告收到转账后拒不返还", evidence.Meta{Format: "png", Width: 320, Height: 300, BitDepth: 8})
	}
	heavy := heavyPDF(t, 3, 250)
	ex := f.addPDF("bank/流水.pdf", heavy, "银行流水")
	if !isPDF(ex) || !ex.Item.PDF.Importable {
		t.Fatalf("the heavy PDF is not importable: %+v", ex.Item.PDF)
	}
	d := f.finish()
	const limit = 900_000
	vols, lay := renderVolumes(t, d, limit)
	if len(vols) < 2 {
		t.Fatalf("%d volume(s) for %d bytes of exhibits", len(vols), len(heavy)+3*290_000)
	}
	per := map[int]int{}
	for _, p := range lay.Placements {
		per[p.Volume]++
		if p.Exhibit == ex.Number && p.Last-p.First != 3 {
			t.Errorf("the PDF exhibit is on pages %d-%d of volume %d, want a caption and 3 pages", p.First, p.Last, p.Volume)
		}
	}
	for i, v := range vols {
		if len(v) > limit && per[i+1] > 1 {
			t.Errorf("volume %d is %d bytes, over the limit of %d, with %d exhibits", i+1, len(v), limit, per[i+1])
		}
	}
}
