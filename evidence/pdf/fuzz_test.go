package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds arbitrary bytes to Read and PageText: neither may panic,
// hang or allocate past the limits. The seeds are 14 KB files, so give the
// minimizer a short time or it holds the worker for a minute:
//
//	go test -run '^$' -fuzz '^FuzzRead$' -fuzztime 60s -fuzzminimizetime 3s ./evidence/pdf
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	more, _ := filepath.Glob(filepath.Join("testdata", "statements", "*.pdf"))
	files = append(files, more...)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add(handPage("BT /F2 10 Tf 50 600 Td <0001000200100011001200200021> Tj /F3 9 Tf <CEA2D0C5> Tj ET /X1 Do"))
	f.Add(buildXrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, []string{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page >>"}, nil))
	f.Add(buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2 >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] >>"}, ""))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]>>endobj 3 0 obj<</Type/Page/Contents 4 0 R>>endobj 4 0 obj<</Length 99>>stream\nBT (x) Tj ET\nendstream endobj trailer<</Root 1 0 R>>"))
	lim := Limits{MaxStreamBytes: 1 << 20, MaxDecodedBytes: 8 << 20, MaxPages: 100, MaxOps: 100_000, MaxRuns: 10_000, MaxObjects: 100_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data, lim)
		if err != nil {
			return
		}
		if doc.Pages < 1 || doc.Pages > 100 {
			t.Fatalf("%d pages outside the limit", doc.Pages)
		}
		for p := 1; p <= doc.Pages && p <= 3; p++ {
			runs, err := doc.PageText(p)
			if err == nil && len(runs) > 10_000 {
				t.Fatalf("%d runs", len(runs))
			}
		}
		if doc.Pages <= 3 {
			if st, err := ParseStatement(doc); err == nil {
				for _, r := range st.Rows {
					if r.AmountFen < 0 || r.Page < 1 || r.Page > doc.Pages {
						t.Fatalf("row %+v", r)
					}
				}
			}
		}
	})
}

// FuzzCMap feeds arbitrary CMaps to the ToUnicode parser and looks codes up.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <5FAE> <0002> <D83DDE00> endbfchar 2 beginbfrange <0010> <0012> <0030> <0020> <0021> [<652F> <4ED8>] endbfrange"))
	f.Add([]byte("1 beginbfrange <0000> <FFFF> <0000> endbfrange"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c := parseCMap(b)
		for _, code := range []uint32{0, 1, 0x10, 0x21, 0xffff, 0xffffffff} {
			c.lookup(code, 2)
		}
		c.codeLen([]byte{0x81, 0x40, 0x00}, 2)
	})
}
