package pdf

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/fonts"
	"github.com/jung-kurt/gofpdf"
)

// cjkPDF draws lines of text with the project's CJK font (gofpdf writes an
// Identity-H Type0 font with a ToUnicode map) and one Latin core font
// (WinAnsi). Positions are in mm from the top left, as gofpdf takes them.
type textLine struct {
	x, y float64
	size float64
	core bool
	text string
}

func makePDF(t *testing.T, pages [][]textLine) []byte {
	t.Helper()
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(fixedTime)
	p.SetModificationDate(fixedTime)
	p.SetCatalogSort(true)
	p.AddUTF8FontFromBytes(fonts.Family, "", fonts.MicroHei)
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
	cp1252 := p.UnicodeTranslatorFromDescriptor("") // core fonts take WinAnsi bytes
	for _, lines := range pages {
		p.AddPage()
		for _, l := range lines {
			if l.core {
				p.SetFont("Helvetica", "", l.size)
			} else {
				p.SetFont(fonts.Family, "", l.size)
			}
			if l.core {
				p.Text(l.x, l.y, cp1252(l.text))
			} else {
				p.Text(l.x, l.y, l.text)
			}
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var sampleLines = []textLine{
	{20, 20, 16, false, "微信支付交易明细证明"},
	{20, 30, 10, false, "交易单号 4200001234202501031234567890"},
	{20, 40, 10, false, "金额(元) ¥1,234.56 收/支 支出"},
	{20, 50, 10, true, "Statement period 2025-01-01 to 2025-01-31"},
	{120, 50, 10, true, "Caf\u00e9 \u20ac5"},
	{20, 60, 9, false, "对方：深圳市腾讯计算机系统有限公司 (Tenpay)"},
}

func TestPageTextCJK(t *testing.T) {
	data := makePDF(t, [][]textLine{sampleLines})
	doc, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	runs, err := doc.PageText(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != len(sampleLines) {
		for _, r := range runs {
			t.Logf("%+v", r)
		}
		t.Fatalf("%d runs, want %d", len(runs), len(sampleLines))
	}
	const mm = 72 / 25.4
	for i, l := range sampleLines {
		r := runs[i]
		if r.Text != l.text || r.Unmapped != 0 {
			t.Errorf("run %d: %q (unmapped %d), want %q", i, r.Text, r.Unmapped, l.text)
		}
		if math.Abs(r.X-l.x*mm) > 0.01 || math.Abs(r.Y-(842-l.y*mm)) > 0.5 || math.Abs(r.Size-l.size) > 0.01 {
			t.Errorf("run %d at (%.2f, %.2f) size %.2f, want (%.2f, %.2f) size %.1f", i, r.X, r.Y, r.Size, l.x*mm, 842-l.y*mm, l.size)
		}
		if r.EndX <= r.X {
			t.Errorf("run %d ends at %.2f before it starts", i, r.EndX)
		}
	}
}

// TestPageTextPdftotext compares the text with poppler's pdftotext.
func TestPageTextPdftotext(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	data := makePDF(t, [][]textLine{sampleLines, {{30, 100, 12, false, "第二页 收款方 李四"}}})
	p := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for page := 1; page <= doc.Pages; page++ {
		out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", "-f", itoa(page), "-l", itoa(page), p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		runs, err := doc.PageText(page)
		if err != nil {
			t.Fatal(err)
		}
		var ours []string
		for _, r := range runs {
			ours = append(ours, r.Text)
		}
		if got, want := squash(strings.Join(ours, "")), squash(string(out)); got != want {
			t.Errorf("page %d:\nours      %s\npdftotext %s", page, got, want)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

var fixedTime = time.Date(2025, 2, 1, 4, 0, 0, 0, time.UTC)

// squash drops white space: pdftotext and PageText place spaces and line
// breaks differently, the characters must be the same.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\f' || r == '\t' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// TestStatementTextPdftotext compares every page of the statement files
// with pdftotext -raw (content-stream order, as PageText).
func TestStatementTextPdftotext(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	files, _ := filepath.Glob(filepath.Join("testdata", "statements", "*.pdf"))
	if len(files) < 6 {
		t.Fatalf("%d statement files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		for page := 1; page <= doc.Pages; page++ {
			out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", "-f", itoa(page), "-l", itoa(page), f, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			runs, err := doc.PageText(page)
			if err != nil {
				t.Fatal(err)
			}
			var ours strings.Builder
			for _, r := range runs {
				ours.WriteString(r.Text)
			}
			if got, want := squash(ours.String()), squash(string(out)); got != want {
				t.Errorf("%s page %d differs from pdftotext:\nours      %.300s\npdftotext %.300s", f, page, got, want)
			}
		}
	}
}
