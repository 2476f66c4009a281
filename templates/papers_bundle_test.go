package templates_test

// End-to-end tests of the papers to file: real bundles built with
// --papers from the demo case and from a wrong transfer whose payee is
// known only by WeChat ID and transaction IDs, checked the way a reader
// would (pdftotext, LibreOffice), beside the pure-Go checks of the .docx.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/internal/samplegen"
)

var demoClock = time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)

// copyTree copies the demo case into dir with fixed modification times,
// so that the papers, which show each file's time, do not depend on when
// the repository was checked out.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	fixed := time.Date(2025, 11, 5, 1, 0, 0, 0, time.UTC)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(out, b, 0o644); err != nil {
			return err
		}
		return os.Chtimes(out, fixed, fixed)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// buildPapers builds a case folder with --papers into a new folder.
func buildPapers(t *testing.T, dir string, now time.Time) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "b.bundle")
	if _, err := bundle.Build(context.Background(), dir, bundle.Options{OCR: bundle.OCROff, Out: out, Now: now, Papers: true, Workers: 2}); err != nil {
		t.Fatalf("build --papers: %v", err)
	}
	return out
}

var (
	demoOnce   sync.Once
	demoBundle string
	demoDir    string
	demoErr    error
)

// demo builds the demo case once for every test of this file.
func demo(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		base, err := os.MkdirTemp("", "papers-demo-")
		if err != nil {
			demoErr = err
			return
		}
		demoDir = filepath.Join(base, "democase")
		copyTree(t, "../testdata/democase", demoDir)
		out := filepath.Join(base, "demo.bundle")
		_, demoErr = bundle.Build(context.Background(), demoDir, bundle.Options{OCR: bundle.OCROff, Out: out, Now: demoClock, Papers: true, Workers: 2})
		demoBundle = out
	})
	if demoErr != nil {
		t.Fatalf("build the demo case with --papers: %v", demoErr)
	}
	return demoBundle
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// text runs pdftotext; raw keeps the order the text was drawn in.
func text(t *testing.T, pdf string, raw bool) string {
	t.Helper()
	mode := "-layout"
	if raw {
		mode = "-raw"
	}
	out, err := exec.Command(tool(t, "pdftotext"), mode, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func readManifest(t *testing.T, b string) *bundle.Manifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(b, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m bundle.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// TestPapersDemoGolden holds the text of every paper of the demo case:
// go test ./templates -run PapersDemoGolden -update rewrites the files.
func TestPapersDemoGolden(t *testing.T) {
	b := demo(t)
	pdfs, _ := filepath.Glob(filepath.Join(b, "papers", "*.pdf"))
	if len(pdfs) < 7 {
		t.Fatalf("%d papers, want at least 7: %v", len(pdfs), pdfs)
	}
	update := flag.Lookup("update").Value.String() == "true"
	for _, pdf := range pdfs {
		name := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		got := text(t, pdf, false)
		golden := filepath.Join("testdata", "paper_"+name+".txt")
		if update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("read golden file (run go test ./templates -run PapersDemoGolden -update to write it): %v", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (run with -update if the change is wanted)", pdf, golden)
		}
	}
}

// TestPapersDemoBundle checks the demo bundle's papers against its
// dossier and manifests.
func TestPapersDemoBundle(t *testing.T) {
	b := demo(t)
	m := readManifest(t, b)

	// Every paper file is in the tag manifest and in manifest.json, none
	// is in data/ or in the payload manifest.
	tagm, _ := os.ReadFile(filepath.Join(b, "tagmanifest-sha256.txt"))
	payload, _ := os.ReadFile(filepath.Join(b, "manifest-sha256.txt"))
	if len(m.Papers) == 0 {
		t.Fatal("manifest.json has no papers")
	}
	for _, p := range m.Papers {
		if !strings.Contains(string(tagm), p.SHA256+"  "+p.File+"\n") {
			t.Errorf("%s is not in tagmanifest-sha256.txt", p.File)
		}
		if strings.Contains(string(payload), p.File) || strings.HasPrefix(p.File, "data/") {
			t.Errorf("%s is in the payload", p.File)
		}
	}
	sum := exec.Command(tool(t, "sha256sum"), "-c", "--quiet", "tagmanifest-sha256.txt")
	sum.Dir = b
	if out, err := sum.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c tagmanifest-sha256.txt: %v\n%s", err, out)
	}
	if rep, err := bundle.Verify(b); err != nil || !rep.OK {
		t.Errorf("verify: %v %+v", err, rep)
	}

	// The 证据清单 and the 起诉状 number each exhibit as the dossier's
	// 证据目录 does.
	dossierFlat := flat(text(t, filepath.Join(b, "dossier.pdf"), true))
	dossier := tokens(text(t, filepath.Join(b, "dossier.pdf"), true))
	list := tokens(text(t, filepath.Join(b, "papers", "证据清单.pdf"), true))
	claim := tokens(text(t, filepath.Join(b, "papers", "民事起诉状.pdf"), true))
	for _, it := range m.Items {
		title := wrapped(it.Title)
		want := regexp.MustCompile(`\|(\d+(?:-\d+)?)\|(?:证据\d+\|)?` + title).FindStringSubmatch(dossier)
		if want == nil {
			t.Fatalf("the dossier's index lacks exhibit %d %q", it.Exhibit, it.Title)
		}
		for name, paper := range map[string]string{"证据清单": list, "民事起诉状": claim} {
			got := regexp.MustCompile(`\|(\d+(?:-\d+)?)\|` + title).FindStringSubmatch(paper)
			if got == nil || got[1] != want[1] {
				t.Errorf("%s numbers exhibit %d %q as %v, the dossier's 证据目录 as %s", name, it.Exhibit, it.Title, got, want[1])
			}
		}
	}

	// The 电子数据清单 lists the hashes of manifest-sha256.txt, line for
	// line, after the manifest's own digest.
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(payload)), "\n") {
		lines = append(lines, strings.Fields(l)[0])
	}
	edata := flat(text(t, filepath.Join(b, "papers", "电子数据清单.pdf"), true))
	hashes := regexp.MustCompile(`[0-9a-f]{64}`).FindAllString(edata, -1)
	if len(hashes) == 0 || hashes[0] != m.ManifestSHA256 || !slices.Equal(hashes[1:], lines) {
		t.Errorf("电子数据清单 hashes:\n%v\nmanifest digest %s, manifest-sha256.txt:\n%v", hashes, m.ManifestSHA256, lines)
	}
	docHashes := regexp.MustCompile(`[0-9a-f]{64}`).FindAllString(docxText(t, filepath.Join(b, "papers", "电子数据清单.docx")).body, -1)
	if !slices.Equal(docHashes, hashes) {
		t.Errorf("电子数据清单.docx hashes differ from its PDF's")
	}

	// The complaint text begins with a transaction ID and holds at most
	// 300 characters; the images are JPEG or PNG of at most 2 MB.
	checkComplaint(t, b, []string{"4200002345202511031234567890"})

	// The checklist of the dossier says the application is needed.
	if !strings.Contains(dossierFlat, "文书待补充事项") || !strings.Contains(dossierFlat, flat("已生成《调查取证申请书》")) {
		t.Errorf("the dossier's checklist does not list what the papers need")
	}
}

// tokens is a text's words joined by "|", so that a pattern can tell
// where one cell or line ends.
func tokens(s string) string { return "|" + strings.Join(strings.Fields(s), "|") + "|" }

// wrapped is a pattern for s as tokens shows it: a line may break
// between any two of its runes.
func wrapped(s string) string {
	var b strings.Builder
	for i, r := range flat(s) {
		if i > 0 {
			b.WriteString(`\|?`)
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	return b.String()
}

func checkComplaint(t *testing.T, b string, ids []string) {
	t.Helper()
	txt, err := os.ReadFile(filepath.Join(b, "papers", "complaint", "投诉文本.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(txt) || utf8.RuneCount(txt) > 300 || utf8.RuneCount(txt) < 40 {
		t.Errorf("complaint text of %d runes (valid UTF-8 %v): %s", utf8.RuneCount(txt), utf8.Valid(txt), txt)
	}
	starts := false
	for _, id := range ids {
		starts = starts || strings.HasPrefix(string(txt), id)
	}
	if !starts {
		t.Errorf("complaint text does not begin with a transaction ID: %s", txt)
	}
	imgs, _ := filepath.Glob(filepath.Join(b, "papers", "complaint", "*"))
	n := 0
	for i, p := range imgs {
		if strings.HasSuffix(p, ".txt") {
			continue
		}
		n++
		data, _ := os.ReadFile(p)
		_, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || (format != "jpeg" && format != "png") || len(data) > 2<<20 {
			t.Errorf("%s: format %q, %d bytes, %v", p, format, len(data), err)
		}
		if base := filepath.Base(p); !strings.HasPrefix(base, []string{"01-", "02-", "03-", "04-", "05-", "06-"}[min(i, 5)]) && i < 6 {
			t.Logf("image %s", base)
		}
	}
	if n == 0 {
		t.Errorf("the complaint pack has no image")
	}
}

// docxContent is what a .docx says: its body text in order, and the text
// of each table's repeated header row.
type docxContent struct {
	body    string
	headers []string
}

// docxText opens a .docx, checks that every XML part is well-formed, and
// returns its text.
func docxText(t *testing.T, path string) docxContent {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer zr.Close()
	var doc []byte
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
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s: %s is not well-formed XML: %v", path, f.Name, err)
				}
			}
		}
		if f.Name == "word/document.xml" {
			doc = data
		}
	}
	if doc == nil {
		t.Fatalf("%s has no word/document.xml", path)
	}
	var c docxContent
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var body, row strings.Builder
	inT, inRow, header := false, false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "t":
				inT = true
			case "tr":
				inRow, header = true, false
				row.Reset()
			case "tblHeader":
				header = true
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "t":
				inT = false
			case "tr":
				if header {
					c.headers = append(c.headers, flat(row.String()))
				}
				inRow = false
			}
		case xml.CharData:
			if inT {
				body.Write(v)
				if inRow {
					row.Write(v)
				}
			}
		}
	}
	c.body = body.String()
	return c
}

var footerRE = regexp.MustCompile(`第\d+页/共\d+页|Page\d+of\d+`)

// normal is a paper's text for comparison: no whitespace, no footers,
// and each table header once (a header repeats on every page its table
// runs onto, and the two layouts break pages in different places).
func normal(s string, headers []string) string {
	s = footerRE.ReplaceAllString(flat(s), "")
	for _, h := range headers {
		if h == "" {
			continue
		}
		if i := strings.Index(s, h); i >= 0 {
			s = s[:i+len(h)] + strings.ReplaceAll(s[i+len(h):], h, "")
		}
	}
	return s
}

// checkDocx converts every .docx of a bundle's papers with LibreOffice
// and compares the text of each conversion with the paper's PDF.
func checkDocx(t *testing.T, b string) {
	t.Helper()
	docs, _ := filepath.Glob(filepath.Join(b, "papers", "*.docx"))
	if len(docs) == 0 {
		t.Fatal("no .docx")
	}
	contents := map[string]docxContent{}
	for _, d := range docs {
		contents[d] = docxText(t, d)
		pdfText := flat(text(t, strings.TrimSuffix(d, ".docx")+".pdf", true))
		if !strings.Contains(footerRE.ReplaceAllString(pdfText, ""), flat(contents[d].body)[:min(40, len(flat(contents[d].body)))]) {
			t.Errorf("%s does not start as its PDF", d)
		}
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (apt-get install libreoffice-writer-nogui): the .docx were checked as XML only")
	}
	dir := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, docs...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	for _, d := range docs {
		lo := filepath.Join(dir, strings.TrimSuffix(filepath.Base(d), ".docx")+".pdf")
		if _, err := os.Stat(lo); err != nil {
			t.Errorf("LibreOffice did not convert %s", filepath.Base(d))
			continue
		}
		h := contents[d].headers
		want := normal(text(t, strings.TrimSuffix(d, ".docx")+".pdf", true), h)
		got := normal(text(t, lo, true), h)
		if got != want {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: LibreOffice's text differs from the PDF's at byte %d:\n pdf:  %q\n docx: %q", filepath.Base(d), i, want[max(0, i-30):min(len(want), i+60)], got[max(0, i-30):min(len(got), i+60)])
		}
	}
}

func TestPapersDemoDocx(t *testing.T) { checkDocx(t, demo(t)) }

// TestPapersDeterministic builds the demo case twice with --papers: every
// file of the two bundles is the same byte for byte.
func TestPapersDeterministic(t *testing.T) {
	first := demo(t)
	second := buildPapers(t, demoDir, demoClock)
	files := func(root string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				out[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return out
	}
	a, b := files(first), files(second)
	if len(a) != len(b) {
		t.Fatalf("%d files and %d files", len(a), len(b))
	}
	for n, data := range a {
		if !bytes.Equal(data, b[n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
	if _, ok := a[filepath.Join("papers", "民事起诉状.docx")]; !ok {
		t.Errorf("no 民事起诉状.docx")
	}
}

// TestPapersWithoutFlag: a build without --papers writes no papers and
// no papers key.
func TestPapersWithoutFlag(t *testing.T) {
	demo(t)
	out := filepath.Join(t.TempDir(), "plain.bundle")
	if _, err := bundle.Build(context.Background(), demoDir, bundle.Options{OCR: bundle.OCROff, Out: out, Now: demoClock, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "papers")); err == nil {
		t.Errorf("papers/ written without --papers")
	}
	mj, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	if bytes.Contains(mj, []byte(`"papers"`)) {
		t.Errorf("manifest.json has a papers key without --papers")
	}
	if bytes.Contains(flatBytes(t, filepath.Join(out, "dossier.pdf")), []byte("文书待补充事项")) {
		t.Errorf("the dossier lists the papers' needs without --papers")
	}
}

func flatBytes(t *testing.T, pdf string) []byte { return []byte(flat(text(t, pdf, true))) }

// wrongTransfer is a case whose payee is known only by WeChat ID and the
// two transaction IDs; its evidence includes a photo over 2 MB.
func wrongTransfer(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "转错账")
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shot, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(1, 390, 844))
	if err != nil {
		t.Fatal(err)
	}
	write("截图/转账成功.png", shot)
	write("照片/转账页面照片.jpg", noisyJPEG(t, 1700, 1300))
	write(bundle.CaseFile, []byte(`title: 转错账
purpose: civil
platform: wechat
complaint_type: wrong_transfer
claimant: {name: 王五, phone: "13700001111", account: "建设银行储蓄卡 尾号1234"}
respondent: {wechat_id: "wxid_payee77"}
narrative: |
  2025年12月1日上午我给房东交房租时输错了微信号，分两笔转给了陌生人 wxid_payee77。对方收款后不回复。
transactions:
  - id: "4200001111202512011234567890"
    time: 2025-12-01T09:30:00+08:00
    amount: 1200.50
    direction: out
    disputed: true
  - id: "4200001111202512011234567891"
    time: 2025-12-01T09:31:00+08:00
    amount: 300.00
    direction: out
    disputed: true
papers:
  interest: {basis: lpr, rate: "3.0", lpr_date: 2025-11-20}
  mediation: unsure
items:
  截图/转账成功.png: {title: 转账成功截图, proves: 两笔转账, source: 本人手机截图}
  照片/转账页面照片.jpg: {title: 转账页面照片, proves: 转账页面, source: 本人用另一部手机拍摄}
`))
	return dir
}

// noisyJPEG is a photo that compresses badly: well over 2 MB.
func noisyJPEG(t *testing.T, w, h int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.UintN(256))
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	if b.Len() <= 2<<20 {
		t.Fatalf("the test photo is only %d bytes", b.Len())
	}
	return b.Bytes()
}

// TestPapersWrongTransfer: the 起诉状 holds every claim amount and every
// identifier of case.yaml and no identifier case.yaml lacks; the
// 调查取证申请书 names each transaction; the big photo is exported under
// 2 MB.
func TestPapersWrongTransfer(t *testing.T) {
	now := time.Date(2025, 12, 21, 2, 0, 0, 0, time.UTC) // 2025-12-21 in Beijing: 20 days after the payments
	b := buildPapers(t, wrongTransfer(t), now)
	claim := flat(text(t, filepath.Join(b, "papers", "民事起诉状.pdf"), true))
	ids := []string{"4200001111202512011234567890", "4200001111202512011234567891"}
	// Interest at 3.0% for 20 days, in fen, half up: 120050×30000×20/365e6 =
	// 197.3 → 197; 30000×30000×20/365e6 = 49.3 → 49.
	for _, s := range append([]string{"王五", "13700001111", "建设银行储蓄卡尾号1234", "wxid_payee77",
		"1,200.50元", "300.00元", "1,500.50元", "1.97元", "0.49元", "2.46元", "1,502.96元", "20天", "3.00%", "2025年11月20日公布"}, ids...) {
		if !strings.Contains(claim, flat(s)) {
			t.Errorf("the 起诉状 lacks %q", s)
		}
	}
	// Nothing case.yaml lacks: every long number is a transaction ID or
	// the claimant's phone, every WeChat-like ID is the payee's, and the
	// defendant's name and ID number are blanks.
	rest := claim
	for _, known := range append([]string{"13700001111"}, ids...) {
		rest = strings.ReplaceAll(rest, known, "")
	}
	for _, n := range regexp.MustCompile(`\d{11,}`).FindAllString(rest, -1) {
		t.Errorf("the 起诉状 holds the number %s, which case.yaml lacks", n)
	}
	for _, n := range regexp.MustCompile(`wxid_\w+`).FindAllString(claim, -1) {
		if n != "wxid_payee77" {
			t.Errorf("the 起诉状 holds the ID %s", n)
		}
	}
	for _, s := range []string{"被告姓名：________________", "证件号码：________________（注：不详"} {
		if !strings.Contains(claim, s) {
			t.Errorf("the 起诉状 lacks the blank %q", s)
		}
	}
	app := flat(text(t, filepath.Join(b, "papers", "调查取证申请书.pdf"), true))
	for _, s := range append([]string{"财付通支付科技有限公司", "2025-12-0109:30:00", "2025-12-0109:31:00", "1,200.50元", "wxid_payee77"}, ids...) {
		if !strings.Contains(app, s) {
			t.Errorf("the 调查取证申请书 lacks %q", s)
		}
	}
	if _, err := os.Stat(filepath.Join(b, "papers", "财产保全申请书.pdf")); err == nil {
		t.Errorf("a preservation application without the payee's account")
	}
	checkComplaint(t, b, ids)
	big := filepath.Join(b, "papers", "complaint", "02-转账页面照片.jpg")
	if st, err := os.Stat(big); err != nil || st.Size() > 2<<20 {
		t.Errorf("the big photo is not exported under 2 MB: %v", err)
	}
	checkDocx(t, b)
}
