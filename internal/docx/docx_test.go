package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var when = time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)

func sample() *Document {
	d := New("SimSun", 10.5, "zh-CN")
	d.SetProperties("民事起诉状", "casebundle test")
	d.SetFooter(Footer{Before: "第 ", Between: " 页 / 共 ", After: " 页"})
	d.Paragraph(Para{Text: "民事起诉状", Align: Center, Size: 18, Bold: true, After: 6})
	d.Paragraph(Para{Text: "原告：李明\n被告：张三 <zhangsan_1988> & \"co\"", KeepNext: true})
	d.Table(Table{Widths: []float64{20, 60, 94}, Header: []string{"序号", "证据名称", "证明目的"},
		Rows: [][]string{{"1", "转账成功截图", "已转账 5,000.00 元"}, {"2", "聊天记录"}}})
	d.Paragraph(Para{Text: "具状人：________________", Align: Right, Color: "5a5a5a"})
	d.PageBreak()
	d.Paragraph(Para{Text: "第二页", Indent: 8})
	return d
}

// parts opens a .docx and returns its entries by name, in zip order.
func parts(t *testing.T, b []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		out[f.Name] = data
		if !f.Modified.Equal(when) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, when)
		}
	}
	return names, out
}

// wellFormed reads an XML part to its end with encoding/xml.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// text is the character data of the w:t elements of document.xml.
func text(t *testing.T, data []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	in := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			in = v.Name.Local == "t"
			if v.Name.Local == "br" {
				b.WriteString("\n")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				b.Write(v)
			}
		}
	}
}

func TestWrite(t *testing.T) {
	b, err := sample().Bytes(when)
	if err != nil {
		t.Fatal(err)
	}
	names, ps := parts(t, b)
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/document.xml", "word/footer1.xml", "word/styles.xml"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("entries %v, want %v (sorted)", names, want)
	}
	for n, data := range ps {
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed XML: %v", n, err)
		}
	}
	got := text(t, ps["word/document.xml"])
	for _, s := range []string{"民事起诉状", "被告：张三 <zhangsan_1988> & \"co\"", "原告：李明\n被告", "转账成功截图", "具状人：________________", "第二页"} {
		if !strings.Contains(got, s) {
			t.Errorf("document text lacks %q:\n%s", s, got)
		}
	}
	for _, s := range []string{`w:eastAsia="SimSun"`, `w:lang w:val="zh-CN" w:eastAsia="zh-CN"`} {
		if !bytes.Contains(ps["word/styles.xml"], []byte(s)) {
			t.Errorf("styles lack %s", s)
		}
	}
	if !bytes.Contains(ps["word/footer1.xml"], []byte(`w:instr=" NUMPAGES "`)) {
		t.Errorf("footer lacks the page count")
	}
	if !bytes.Contains(ps["docProps/core.xml"], []byte("2025-11-20T02:00:00Z")) {
		t.Errorf("core properties lack the run's clock")
	}
	b2, _ := sample().Bytes(when)
	if !bytes.Equal(b, b2) {
		t.Errorf("two writes of the same document differ")
	}
	b3, _ := sample().Bytes(when.Add(time.Hour))
	if bytes.Equal(b, b3) {
		t.Errorf("the time does not reach the package")
	}
}

func TestNoFooter(t *testing.T) {
	d := New("SimSun", 0, "zh-CN")
	d.Paragraph(Para{Text: "x"})
	b, err := d.Bytes(time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/footer1.xml" {
			t.Errorf("a document without a footer has footer1.xml")
		}
		if f.Modified.Year() != 1980 {
			t.Errorf("a clock before 1980 gives %v, want the zip epoch", f.Modified)
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a<b>&\"'":             "a&lt;b&gt;&amp;&quot;&apos;",
		"bell\x07tab\tnul\x00": "belltab nul",
		"bad\xffutf8":          "badutf8",
		"\uFFFE\uFFFF😀中":       "😀中",
		"cr\rlf\n":             "cr lf ",
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParagraph(f *testing.F) {
	for _, s := range []string{"", "民事起诉状", "a\nb", "<&>", "\x00\x01\uFFFE", "\xed\xa0\x80"} {
		f.Add(s, "5A5A5A")
	}
	f.Fuzz(func(t *testing.T, s, color string) {
		d := New(s, 10.5, s)
		d.SetProperties(s, s)
		d.SetFooter(Footer{Before: s})
		d.Paragraph(Para{Text: s, Color: color})
		d.Table(Table{Widths: []float64{10, 20}, Header: []string{s}, Rows: [][]string{{s, s, s}}})
		b, err := d.Bytes(when)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if err := wellFormed(data); err != nil {
				t.Fatalf("%s not well-formed for %q: %v", zf.Name, s, err)
			}
		}
	})
}

// TestLibreOffice converts the sample with LibreOffice, when installed,
// and reads the PDF's text back.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (apt-get install libreoffice-writer-nogui)")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	b, err := sample().Bytes(when)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(dir, "sample.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(out)), "")
	for _, s := range []string{"民事起诉状", "原告：李明", "转账成功截图", "第二页", "第2页/共2页"} {
		if !strings.Contains(flat, s) {
			t.Errorf("LibreOffice's PDF lacks %q:\n%s", s, out)
		}
	}
}
