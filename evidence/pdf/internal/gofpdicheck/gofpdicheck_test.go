// Package gofpdicheck checks that github.com/phpdave11/gofpdi imports the
// pages of the PDFs evidence/pdf reads into the repository's patched
// gofpdf as vector templates, as the dossier will do with PDF exhibits.
package gofpdicheck

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/phpdave11/gofpdi"
)

// importPages draws every page of src, scaled to fit a frame, on pages of a
// new A4 document, the way gofpdf's contrib/gofpdi wrapper does.
func importPages(t *testing.T, src []byte) ([]byte, int) {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	imp := gofpdi.NewImporter()
	rs := io.ReadSeeker(bytes.NewReader(src))
	imp.SetSourceStream(&rs)
	n := imp.GetNumPages()
	for p := 1; p <= n; p++ {
		pdf.AddPage()
		tpl := imp.ImportPage(p, "/MediaBox")
		// The order matters: the form XObjects are written as imported
		// objects by PutFormXobjectsUnordered, so they must be put before
		// the objects are handed to gofpdf (else the template is not a
		// form: "XObject 'GOFPDITPL0' is wrong type").
		pdf.ImportTemplates(imp.PutFormXobjectsUnordered())
		pdf.ImportObjects(imp.GetImportedObjectsUnordered())
		pdf.ImportObjPos(imp.GetImportedObjHashPos())
		name, sx, sy, tx, ty := imp.UseTemplate(tpl, 20, 20, 170, 0)
		pdf.UseImportedTemplate(name, sx, sy, tx, ty)
		pdf.Rect(20, 20, 170, 240, "D")
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), n
}

func TestImportIntoGofpdf(t *testing.T) {
	for _, name := range []string{"plain.pdf", "objstm.pdf"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			var out []byte
			var n int
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("gofpdi panics: %v", r)
					}
				}()
				out, n = importPages(t, src)
			}()
			if n != 2 {
				t.Fatalf("gofpdi sees %d pages, want 2", n)
			}
			pdftotext, err := exec.LookPath("pdftotext")
			if err != nil {
				t.Skip("pdftotext not installed (poppler-utils)")
			}
			f := filepath.Join(t.TempDir(), "out.pdf")
			os.WriteFile(f, out, 0o644)
			text, err := exec.Command(pdftotext, f, "-").CombinedOutput()
			if err != nil {
				t.Fatalf("pdftotext: %v %s", err, text)
			}
			if !strings.Contains(string(text), "微信支付交易明细证明") || !strings.Contains(string(text), "第二页") {
				t.Errorf("the imported pages do not carry the text:\n%s", text)
			}
		})
	}
}

// TestImportEncrypted records what gofpdi does with an encrypted PDF (empty
// user password, as banks send): it panics on a nil pointer. The dossier
// must recover and draw such pages from RenderPage instead. If a later
// gofpdi imports it, this test fails: drop the fallback then.
func TestImportEncrypted(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "enc-aes-128.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	panicked := false
	func() {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		importPages(t, src)
	}()
	if !panicked {
		t.Error("gofpdi imported an encrypted PDF: update the note and the fallback")
	}
}
