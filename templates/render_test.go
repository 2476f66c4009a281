package templates

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden files in testdata/")
	outFile = flag.String("out", "", "also write the full test dossier to this file, to look at")
)

func render(t testing.TB, d *Dossier) ([]byte, *Layout) {
	t.Helper()
	var buf bytes.Buffer
	lay, err := renderTo(d, &buf)
	if err != nil {
		t.Fatalf("RenderVolumes: %v", err)
	}
	return buf.Bytes(), lay
}

// renderTo draws the dossier as one volume (no size limit) into w.
func renderTo(d *Dossier, w io.Writer) (*Layout, error) {
	return RenderVolumes(d, 0, func(int) (io.WriteCloser, error) { return nopCloser{w}, nil })
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// pdftotext runs poppler's pdftotext on the PDF; pages 0 means all.
func pdftotext(t *testing.T, pdf string, first, last int) string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(needTool(t, "pdftotext"), append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "dossier.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderFull(t *testing.T) {
	d := fullDossier(t)
	first, lay := render(t, d)
	second, lay2 := render(t, d)
	if !bytes.Equal(first, second) {
		t.Fatalf("two renderings of the same dossier differ (%d and %d bytes)", len(first), len(second))
	}
	if fmt.Sprint(lay) != fmt.Sprint(lay2) {
		t.Fatalf("layouts differ: %+v and %+v", lay, lay2)
	}
	if *outFile != "" {
		if err := os.WriteFile(*outFile, first, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf := writeTemp(t, first)

	if out, err := exec.Command(needTool(t, "qpdf"), "--check", pdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}

	text := pdftotext(t, pdf, 0, 0)
	flat := strings.Join(strings.Fields(text), "")
	want := []string{"证据材料", "证据目录", "案情经过", "损失清单", "事件时间线", "材料清单", "附录哈希清单与核验方法",
		d.Claimant.Name, d.Respondent.Name, d.Claimant.IDNumber, d.ManifestSHA256,
		"共" + strconv.Itoa(lay.Pages) + "页", "(UTC+8北京时间)", "（手机本地时间，未记录时区）",
		"sha256sum-cmanifest-sha256.txt", "casebundleverify"}
	for _, ex := range d.Exhibits {
		want = append(want, ex.Title, ex.Item.SHA256, "证据"+strconv.Itoa(ex.Number))
	}
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
			t.Errorf("pdftotext output lacks %q", w)
		}
	}
	if strings.Contains(text, "😀") {
		t.Errorf("an emoji reached the PDF")
	}
	if !strings.Contains(text, "□") {
		t.Errorf("the emoji of the chat were not replaced by a visible marker")
	}
	if strings.Contains(flat, "openssl") {
		t.Errorf("the timestamp command is printed though the dossier has no timestamp")
	}
	// The cover, contents included, holds on one page.
	if p2 := pdftotext(t, pdf, 2, 2); bodyStart(p2) != "案情经过" {
		t.Errorf("page 2 is not the narrative: the cover ran over\n%s", p2)
	}
	if got := strings.Count(text, "\f"); got != lay.Pages {
		t.Errorf("Layout.Pages = %d, pdftotext sees %d pages", lay.Pages, got)
	}

	if len(lay.Placements) != len(d.Exhibits) {
		t.Fatalf("%d placements for %d exhibits", len(lay.Placements), len(d.Exhibits))
	}
	indexPage := findPage(t, pdf, lay.Pages, "序号证据名称证据来源证明目的")
	index := pdftotext(t, pdf, indexPage, indexPage)
	for i, p := range lay.Placements {
		ex := d.Exhibits[i]
		if p.Exhibit != ex.Number || p.Volume != 1 || p.First < 1 || p.Last < p.First || p.Last > lay.Pages {
			t.Errorf("placement %d is %+v", i, p)
			continue
		}
		page := pdftotext(t, pdf, p.First, p.First)
		if !strings.Contains(page, ex.Item.SHA256) {
			t.Errorf("page %d, the first of exhibit %d, does not hold its SHA-256", p.First, ex.Number)
		}
		if !strings.Contains(strings.Join(strings.Fields(page), ""), "证据"+strconv.Itoa(ex.Number)) {
			t.Errorf("page %d does not say 证据%d", p.First, ex.Number)
		}
		pages := strconv.Itoa(p.First)
		if p.Last > p.First {
			pages += "–" + strconv.Itoa(p.Last)
		}
		re := regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(ex.Number) + `\s.*\s` + regexp.QuoteMeta(pages) + `(\s|$)`)
		if !re.MatchString(index) {
			t.Errorf("the evidence index (page %d) does not give page %s for exhibit %d:\n%s", indexPage, pages, ex.Number, index)
		}
	}
	// A tall screenshot stands beside its caption, one page per exhibit.
	for _, p := range lay.Placements[:3] {
		if p.Last != p.First {
			t.Errorf("screenshot exhibit %d spans pages %d–%d, want one page", p.Exhibit, p.First, p.Last)
		}
	}
}

// bodyStart is the first line of a page's text under the header.
func bodyStart(page string) string {
	var lines []string
	for l := range strings.SplitSeq(page, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 {
		return ""
	}
	return lines[1]
}

// findPage returns the first page whose text holds s.
func findPage(t *testing.T, pdf string, pages int, s string) int {
	t.Helper()
	for p := 1; p <= pages; p++ {
		if strings.Contains(strings.Join(strings.Fields(pdftotext(t, pdf, p, p)), ""), s) {
			return p
		}
	}
	t.Fatalf("no page holds %q", s)
	return 0
}

func TestRenderGolden(t *testing.T) {
	d := smallDossier(t)
	out, _ := render(t, d)
	text := pdftotext(t, writeTemp(t, out), 0, 0)
	golden := filepath.Join("testdata", "small_zh.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run go test ./templates -run Golden -update to write it): %v", err)
	}
	if text != string(want) {
		t.Errorf("pdftotext output differs from %s (run with -update if the change is wanted):\n%s", golden, lineDiff(string(want), text))
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d\n  want %q\n  got  %q\n", i+1, a, c)
			shown++
		}
	}
	return b.String()
}

func TestRenderEnglishWithTimestamp(t *testing.T) {
	d := fullDossier(t)
	d.Lang = "en"
	d.Purpose = "police"
	d.Title = "Wrong transfer 😀 to Zhang San"
	d.Narrative = ""
	d.Timestamp = &Timestamp{TSA: "http://timestamp.example.org", GenTime: time.Date(2025, 11, 5, 2, 30, 5, 0, time.UTC), Serial: "1234", Policy: "1.2.3.4"}
	out, lay := render(t, d)
	pdf := writeTemp(t, out)
	if b, err := exec.Command(needTool(t, "qpdf"), "--check", pdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, b)
	}
	if p2 := pdftotext(t, pdf, 2, 2); bodyStart(p2) != "Narrative" {
		t.Errorf("page 2 is not the narrative: the cover ran over\n%s", p2)
	}
	flat := strings.Join(strings.Fields(pdftotext(t, pdf, 0, 0)), " ")
	for _, w := range []string{"Police report", "Narrative", "Losses", "Chronology", "Evidence index", "Checklist",
		"Exhibit 1", "Exhibit 2", "Appendix: manifest and verification", "No narrative was given",
		"Page 1 of " + strconv.Itoa(lay.Pages), "2025-11-05 10:30:05 (UTC+8, Beijing time)",
		"openssl ts -verify -data manifest-sha256.txt -in timestamp.tsr -CAfile", "Wrong transfer □ to Zhang San"} {
		if !strings.Contains(flat, w) {
			t.Errorf("English dossier lacks %q", w)
		}
	}
}

func TestRenderRefusesUnknownPurpose(t *testing.T) {
	d := smallDossier(t)
	d.Purpose = "appeal"
	var buf bytes.Buffer
	if _, err := renderTo(d, &buf); err == nil || !strings.Contains(err.Error(), "appeal") {
		t.Fatalf("RenderVolumes with purpose appeal: err = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("RenderVolumes wrote %d bytes before failing", buf.Len())
	}
}
