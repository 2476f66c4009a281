package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// handPage builds a one-page PDF whose page draws content with fonts F1
// (Helvetica, WinAnsi with Differences), F2 (Type0 Identity-H with a
// ToUnicode map of bfchar, bfrange and the array form), F3 (Type0 with the
// GBK-EUC-H CMap and no ToUnicode), F4 (Type0 UniGB-UCS2-H) and a form
// XObject X1 that draws text itself.
func handPage(content string) []byte {
	toUni := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <5FAE> <0002> <4FE1> endbfchar
2 beginbfrange <0010> <0012> <0030> <0020> <0021> [<652F> <4ED8>] endbfrange
1 beginbfchar <0003> <D83DDE00> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`
	form := "BT /F1 10 Tf 0 0 Td (in form) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R /F4 10 0 R >> /XObject << /X1 11 0 R >> >> >>",
		streamObj(content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /B.sc] >> >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /CJK /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 7 0 R >>",
		streamObj(toUni),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CJK /DW 1000 /W [1 [500 600] 16 18 250] >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /GBK-EUC-H /DescendantFonts [8 0 R] >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /UniGB-UCS2-H /DescendantFonts [8 0 R] >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 100 500] /Length %d >>\nstream\n%s\nendstream", len(form), form),
	}
	return buildPDF(objs, "")
}

func TestPageTextOperators(t *testing.T) {
	for _, c := range []struct {
		name, content string
		want          []string // run texts
		check         func(t *testing.T, runs []TextRun)
	}{
		{"Tj and Td", "BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -20 Td (World) Tj ET", []string{"Hello", "World"}, func(t *testing.T, r []TextRun) {
			if r[0].X != 72 || r[0].Y != 700 || r[1].Y != 680 || r[0].Size != 12 {
				t.Errorf("positions %+v", r)
			}
		}},
		{"TJ word gap and column gap", "BT /F1 10 Tf 50 600 Td [(Total) -300 (amount) -3000 (12.00)] TJ ET", []string{"Total amount", "12.00"}, nil},
		{"Differences", "BT /F1 10 Tf 50 600 Td (AB\\351) Tj ET", []string{"中Bé"}, nil},
		{"ToUnicode bfchar and bfrange", "BT /F2 10 Tf 50 600 Td <0001000200100011001200200021> Tj ET", []string{"微信012支付"}, nil},
		{"surrogate pair", "BT /F2 10 Tf 50 600 Td <0003> Tj ET", []string{"😀"}, nil},
		{"unmapped CID", "BT /F2 10 Tf 50 600 Td <0001 0999> Tj ET", []string{"微\ufffd"}, func(t *testing.T, r []TextRun) {
			if r[0].Unmapped != 1 {
				t.Errorf("Unmapped %d", r[0].Unmapped)
			}
		}},
		{"widths from W", "BT /F2 10 Tf 50 600 Td <00010002> Tj ET", []string{"微信"}, func(t *testing.T, r []TextRun) {
			if r[0].EndX != 50+5+6 {
				t.Errorf("EndX %.2f, want 61 (widths 500 and 600)", r[0].EndX)
			}
		}},
		{"GBK codes", "BT /F3 10 Tf 50 600 Td <CEA2D0C5> Tj (A) Tj ET", []string{"微信A"}, nil},
		{"UCS-2 codes", "BT /F4 10 Tf 50 600 Td <5FAE4FE1> Tj ET", []string{"微信"}, nil},
		{"Tm and cm scale size", "q 2 0 0 2 0 0 cm BT /F1 5 Tf 1 0 0 1 30 300 Tm (Big) Tj ET Q", []string{"Big"}, func(t *testing.T, r []TextRun) {
			if r[0].X != 60 || r[0].Y != 600 || r[0].Size != 10 {
				t.Errorf("run %+v, want at (60,600) size 10", r[0])
			}
		}},
		{"T* and TL and quote", "BT /F1 10 Tf 14 TL 50 600 Td (one) Tj T* (two) Tj (three) ' ET", []string{"one", "two", "three"}, func(t *testing.T, r []TextRun) {
			if r[1].Y != 586 || r[2].Y != 572 {
				t.Errorf("lines at %.1f %.1f", r[1].Y, r[2].Y)
			}
		}},
		{"form XObject", "BT /F1 10 Tf 50 600 Td (page) Tj ET /X1 Do", []string{"page", "in form"}, func(t *testing.T, r []TextRun) {
			if r[1].X != 100 || r[1].Y != 500 {
				t.Errorf("form text at (%.1f, %.1f), want (100, 500)", r[1].X, r[1].Y)
			}
		}},
		{"inline image skipped", "BI /W 2 /H 2 /BPC 8 /CS /G ID \x00EI\xff\x01 EI BT /F1 10 Tf 50 600 Td (after) Tj ET", []string{"after"}, nil},
		{"glyph by glyph", "BT /F1 10 Tf 50 600 Td (A) Tj ET BT /F1 10 Tf 55.56 600 Td (b) Tj ET", []string{"中b"}, nil},
		{"garbage operands", "BT /F1 10 Tf ] ) 50 600 Td (ok) Tj 1 2 3 4 5 6 7 8 Tm ET", []string{"ok"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(handPage(c.content), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			runs, err := doc.PageText(1)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range runs {
				got = append(got, r.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("runs %q, want %q", got, c.want)
			}
			if c.check != nil {
				c.check(t, runs)
			}
		})
	}
}

func TestPageTextLimits(t *testing.T) {
	doc, err := Read(handPage(strings.Repeat("q Q ", 5000)), Limits{MaxOps: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.PageText(1); err == nil || !strings.Contains(err.Error(), "MaxOps") {
		t.Errorf("err = %v, want MaxOps", err)
	}
	doc, _ = Read(handPage("BT /F1 10 Tf "+strings.Repeat("0 -20 Td (x) Tj ", 50)+"ET"), Limits{MaxRuns: 10})
	if _, err := doc.PageText(1); err == nil || !strings.Contains(err.Error(), "MaxRuns") {
		t.Errorf("err = %v, want MaxRuns", err)
	}
	// A form that draws itself.
	loop := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 5 0 R >>",
		streamObj("/X Do"),
		"<< /XObject << /X 6 0 R >> >>",
		"<< /Type /XObject /Subtype /Form /Resources 5 0 R /Length 4 >>\nstream\n/X Do\nendstream",
	}, "")
	doc, err = Read(loop, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := doc.PageText(1); err != nil {
		t.Error(err)
	}
	if _, err := doc.PageText(2); err == nil {
		t.Error("page 2 of 1 gave no error")
	}
}
