package templates

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

var (
	purposes = []string{"complaint", "police", "civil"}
	langs    = []string{"zh", "en"}
)

// routeDossier is the fixed case of the route tests: a wrong transfer with
// two screenshots, a chat in two parts (one group in the civil index) and a
// text note.
func routeDossier(t testing.TB, purpose, lang string) *Dossier {
	f := newFixture(t)
	shot := func(seed int) []byte {
		return encodePNGBytes(t, screenshot(390, 844, color.RGBA{240, 240, 240, 255}, seed))
	}
	meta := evidence.Meta{Format: "png", Width: 390, Height: 844, BitDepth: 8}
	f.add("截图/转账成功.png", shot(1), evidence.KindImage, "image/png", "转账成功截图", "证明原告向被告转账5000元", meta)
	f.add("截图/收款人信息.png", shot(2), evidence.KindImage, "image/png", "收款人信息页面截图", "证明收款人为张三", meta)
	e := f.add("截图/聊天记录 1.png", shot(3), evidence.KindImage, "image/png", "与张三的聊天记录（一）", "证明已告知对方转错并要求退还", meta)
	e.Item.Findings = []evidence.Finding{{Code: "no-capture-time", Severity: evidence.Info, File: e.Item.Path,
		MessageZh: "截图没有拍摄时间元数据（PNG 截图通常如此）", MessageEn: "The screenshot carries no capture time (usual for PNG screenshots)"}}
	f.add("截图/聊天记录 2.png", shot(4), evidence.KindImage, "image/png", "与张三的聊天记录（二）", "证明对方拒绝退还", meta)
	f.add("说明.txt", []byte("转账时间：2025-11-03 14:05\n金额：5000.00元\n收款人：张三\n"), evidence.KindDocument, "text/plain", "情况说明", "证明转账经过", evidence.Meta{Lines: 3})
	d := f.finish()
	d.Purpose, d.Lang = purpose, lang
	d.Generated = time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)
	d.Checklist[0].Exhibits = []int{1}
	d.Checklist[1].Exhibits = []int{3, 4}
	return d
}

// headings are the section headings every route must show, in each language.
var headings = map[string][]string{
	"zh": {"案情经过", "损失清单", "事件时间线", "期限", "证据目录", "材料清单", "附录 哈希清单与核验方法"},
	"en": {"Narrative", "Losses", "Chronology", "Deadlines", "Evidence index", "Checklist", "Appendix: manifest and verification"},
}

func TestRoutesGolden(t *testing.T) {
	for _, p := range purposes {
		for _, l := range langs {
			t.Run(p+"_"+l, func(t *testing.T) {
				out, _ := render(t, routeDossier(t, p, l))
				text := pdftotext(t, writeTemp(t, out), 0, 0)
				golden := filepath.Join("testdata", "route_"+p+"_"+l+".txt")
				if *update {
					if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("read golden file (run go test ./templates -run RoutesGolden -update to write it): %v", err)
				}
				if text != string(want) {
					t.Errorf("pdftotext output differs from %s (run with -update if the change is wanted):\n%s", golden, lineDiff(string(want), text))
				}
			})
		}
	}
}

// TestRoutes checks each of the six dossiers the way issue 5 does: the
// cover title on page 1, every heading, the transaction ID, the loss total,
// the hash of every exhibit on the page the layout gives, that page in the
// evidence index, and a bookmark for every section and exhibit pointing at
// its page.
func TestRoutes(t *testing.T) {
	for _, p := range purposes {
		for _, l := range langs {
			t.Run(p+"_"+l, func(t *testing.T) {
				d := routeDossier(t, p, l)
				out, lay := render(t, d)
				pdf := writeTemp(t, out)
				w, _ := wordsFor(l)
				flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
				all := flat(pdftotext(t, pdf, 0, 0))

				if first := flat(pdftotext(t, pdf, 1, 1)); !strings.Contains(first, flat(w.coverTitle[p])) {
					t.Errorf("page 1 lacks the cover title %q", w.coverTitle[p])
				}
				for _, h := range headings[l] {
					if !strings.Contains(all, flat(h)) {
						t.Errorf("no heading %q", h)
					}
				}
				for _, s := range []string{d.Transactions[0].ID, "5,000.00", flat(w.exhibitNo(1)), flat(w.exhibitNo(len(d.Exhibits)))} {
					if !strings.Contains(all, s) {
						t.Errorf("dossier lacks %q", s)
					}
				}
				if p == "complaint" {
					first := flat(pdftotext(t, pdf, 1, 1))
					for _, s := range []string{d.Transactions[0].ID, "5,000.00", flat(lookup(w.complaintTypes, d.ComplaintType)), flat(w.complaintStatement),
						flat(w.material(d.Checklist[0])), flat(w.exhibitAt(1, strconv.Itoa(lay.Placements[0].First)))} {
						if !strings.Contains(first, s) {
							t.Errorf("complaint page 1 lacks %q", s)
						}
					}
				}
				if p == "police" && !strings.Contains(all, flat(w.receiptTitle)) {
					t.Errorf("police report lacks the receipt note")
				}
				if p == "civil" {
					for _, s := range []string{"3-1", "3-2", flat(w.submitter + dc(w) + d.Claimant.Name), flat(w.longDate(d.Generated)), string([]rune(w.formPrint)[:3]), flat(w.colRemarks)} {
						if !strings.Contains(all, s) {
							t.Errorf("civil dossier lacks %q", s)
						}
					}
				}

				indexPage := findPage(t, pdf, lay.Pages, flat(w.colNo+w.colTitle+w.colSource+w.colPurpose))
				index := pdftotext(t, pdf, indexPage, indexPage)
				labels := civilLabels(d.Exhibits)
				for i, pl := range lay.Placements {
					ex := d.Exhibits[i]
					if pl.Exhibit != ex.Number || pl.Volume != 1 {
						t.Errorf("placement %d is %+v", i, pl)
					}
					if page := pdftotext(t, pdf, pl.First, pl.First); !strings.Contains(page, ex.Item.SHA256) {
						t.Errorf("page %d, the first of exhibit %d, lacks its SHA-256", pl.First, ex.Number)
					}
					no := strconv.Itoa(ex.Number)
					if p == "civil" {
						no = labels[ex.Number]
					}
					re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(no) + `\s.*\s` + strconv.Itoa(pl.First) + `(\s|$)`)
					if !re.MatchString(index) {
						t.Errorf("the evidence index (page %d) does not give page %d for exhibit %s:\n%s", indexPage, pl.First, no, index)
					}
				}

				marks := outline(t, pdf)
				want := map[string]int{w.headings[SectionCover]: 1}
				for _, h := range headings[l] {
					want[h] = 0
				}
				for _, h := range append(headings[l], w.headings[SectionCover]) {
					found := false
					for _, m := range marks {
						found = found || m.Title == h && (want[h] == 0 || m.Page == want[h])
					}
					if !found {
						t.Errorf("no bookmark %q in %v", h, marks)
					}
				}
				for _, pl := range lay.Placements {
					prefix := w.exhibitNo(pl.Exhibit)
					found := false
					for _, m := range marks {
						rest, ok := strings.CutPrefix(m.Title, prefix)
						found = found || ok && m.Page == pl.First && (rest == "" || !unicode.IsDigit([]rune(rest)[0]))
					}
					if !found {
						t.Errorf("no bookmark for %s on page %d in %v", prefix, pl.First, marks)
					}
				}
			})
		}
	}
}

// dc is the label separator the dossier must use, written out here rather
// than read from the wording so that the test checks the wording.
func dc(w *words) string {
	if w.lang == "en" {
		return ": "
	}
	return "："
}

type mark struct {
	Title string
	Page  int
}

// outline reads the bookmarks of a PDF with qpdf, flattened.
func outline(t *testing.T, pdf string) []mark {
	t.Helper()
	out, err := exec.Command(needTool(t, "qpdf"), "--json", "--json-key=outlines", pdf).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	type node struct {
		Title string `json:"title"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []node `json:"kids"`
	}
	var doc struct {
		Outlines []node `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var marks []mark
	var walk func([]node)
	walk = func(ns []node) {
		for _, n := range ns {
			marks = append(marks, mark{n.Title, n.Page})
			walk(n.Kids)
		}
	}
	walk(doc.Outlines)
	return marks
}

// TestMargins walks every page of the six dossiers and of the full fixture
// and checks that no word pdftotext finds lies outside the page box less
// the margins.
func TestMargins(t *testing.T) {
	type named struct {
		name string
		d    *Dossier
	}
	var cases []named
	for _, p := range purposes {
		for _, l := range langs {
			cases = append(cases, named{p + "_" + l, routeDossier(t, p, l)})
		}
	}
	full := fullDossier(t)
	cases = append(cases, named{"full_civil_zh", full})
	fullEn := fullDossier(t)
	fullEn.Purpose, fullEn.Lang = "complaint", "en"
	cases = append(cases, named{"full_complaint_en", fullEn})
	const mmPt = 72 / 25.4
	const tol = 0.5
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, _ := render(t, c.d)
			pdf := writeTemp(t, out)
			raw, err := exec.Command(needTool(t, "pdftotext"), "-bbox", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext -bbox: %v", err)
			}
			pages := bboxPages(t, raw)
			if len(pages) == 0 {
				t.Fatal("pdftotext -bbox found no pages")
			}
			for i, pg := range pages {
				left, right := marginL*mmPt-tol, pg.Width-marginR*mmPt+tol
				top, bottom := marginT*mmPt-tol, pg.Height-marginB*mmPt+tol
				if pg.Width < 595 || pg.Width > 596 || pg.Height < 841 || pg.Height > 842 {
					t.Errorf("page %d is %.2f × %.2f pt, not A4", i+1, pg.Width, pg.Height)
				}
				for _, wd := range pg.Words {
					if wd.XMin < left || wd.XMax > right || wd.YMin < top || wd.YMax > bottom {
						t.Errorf("page %d: %q at (%.1f, %.1f)–(%.1f, %.1f) is outside the margins (%.1f, %.1f)–(%.1f, %.1f)",
							i+1, wd.Text, wd.XMin, wd.YMin, wd.XMax, wd.YMax, left, top, right, bottom)
					}
				}
			}
		})
	}
}

type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"word"`
}

// bboxPages parses the XHTML of pdftotext -bbox.
func bboxPages(t *testing.T, raw []byte) []bboxPage {
	t.Helper()
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(raw)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("parse pdftotext -bbox output: %v", err)
	}
	return doc.Pages
}

// TestEnglishIsTranslated renders the English dossiers of a case whose
// facts are all in English and finds no Chinese but the names of the
// Chinese documents the reader must ask for.
func TestEnglishIsTranslated(t *testing.T) {
	allowed := []string{"报案回执", "受案回执", "立案告知书", "证据清单"}
	for _, p := range purposes {
		t.Run(p, func(t *testing.T) {
			d := routeDossier(t, p, "en")
			d.Title = "Wrong transfer to Zhang San"
			d.Narrative = "On 3 November 2025 at 14:05 I paid CNY 5,000 to Zhang San by mistake.\n\nHe refused to return it."
			d.Claimant = Party{Name: "Li Ming", Phone: "13800138000"}
			d.Respondent = Party{Name: "Zhang San", WeChatID: "zhangsan_sz"}
			for i := range d.Exhibits {
				ex := &d.Exhibits[i]
				ex.Title, ex.Proves, ex.Source = "Screenshot "+strconv.Itoa(ex.Number), "What it proves", "Own phone"
				ex.Item.Path = fmt.Sprintf("shots/shot %d.png", ex.Number)
				if ex.Item.Kind == evidence.KindDocument {
					if err := os.WriteFile(ex.File, []byte("Paid at 14:05.\n"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			for i := range d.Manifest {
				d.Manifest[i].Path = fmt.Sprintf("data/file%d", i)
			}
			for i := range d.Transactions {
				d.Transactions[i].Counterparty = "Zhang San"
			}
			for i := range d.Events {
				d.Events[i].TextZh = ""
			}
			for i := range d.Checklist {
				d.Checklist[i].MaterialZh = ""
			}
			d.Checklist = append(d.Checklist, ChecklistEntry{MaterialZh: "报案回执", MaterialEn: "Police report receipt (报案回执)", Required: true})
			d.Findings[0].MessageZh = ""
			out, _ := render(t, d)
			text := pdftotext(t, writeTemp(t, out), 0, 0)
			for _, a := range allowed {
				text = strings.ReplaceAll(text, a, "")
			}
			for i, ln := range strings.Split(text, "\n") {
				for _, r := range ln {
					if unicode.Is(unicode.Han, r) || strings.ContainsRune("，。：；（）、“”", r) {
						t.Errorf("line %d of the English %s dossier holds Chinese: %q", i+1, p, ln)
						break
					}
				}
			}
		})
	}
}

func TestDeadlines(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	pay := func(id, when string, disputed bool) Transaction {
		return Transaction{ID: id, Time: at(when), HasTime: true, Direction: "out", Disputed: disputed, Amount: money.Fen(100), Platform: "wechat"}
	}
	tests := []struct {
		name          string
		complaintType string
		platform      string
		txns          []Transaction
		want          []string // kind@due (Beijing)
	}{
		{"wrong transfer on WeChat", "wrong_transfer", "wechat",
			[]Transaction{pay("A", "2025-11-03T14:05:00+08:00", true)},
			[]string{"0@2025-11-03 16:05", "1@2025-11-04 14:05", "4@2028-11-03 23:59"}},
		{"a transfer near midnight UTC is counted in Beijing dates", "fraud", "wechat",
			[]Transaction{pay("A", "2025-03-31T17:30:00Z", true)},
			[]string{"0@2025-04-01 03:30", "1@2025-04-02 01:30", "4@2028-04-01 23:59"}},
		{"29 February ends on the 28th", "fraud", "alipay",
			[]Transaction{{ID: "B", Time: at("2024-02-29T10:00:00+08:00"), HasTime: true, Direction: "out", Disputed: true, Platform: "alipay"}},
			[]string{"4@2027-02-28 23:59"}},
		{"merchant refunds from the first disputed payment", "fake_goods", "alipay",
			[]Transaction{pay("L", "2025-12-20T09:00:00+08:00", true), pay("E", "2025-12-01T09:00:00+08:00", true), pay("U", "2025-11-01T09:00:00+08:00", false)},
			[]string{"2@2025-12-08 23:59", "3@2025-12-31 23:59", "4@2028-12-01 23:59"}},
		{"every payment out when none is disputed", "other", "wechat",
			[]Transaction{pay("A", "2025-01-31T12:00:00+08:00", false)},
			[]string{"0@2025-01-31 14:00", "1@2025-02-01 12:00", "2@2025-02-07 23:59", "3@2025-03-02 23:59", "4@2028-01-31 23:59"}},
		{"no dated payment out", "wrong_transfer", "wechat",
			[]Transaction{{ID: "C", Direction: "out", Disputed: true}, {ID: "D", Time: at("2025-01-01T00:00:00Z"), HasTime: true, Direction: "in"}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dossier{ComplaintType: tt.complaintType, Platform: tt.platform, Transactions: tt.txns}
			var got []string
			for _, dl := range deadlines(d) {
				got = append(got, fmt.Sprintf("%d@%s", dl.kind, dl.due.In(tz.Shanghai).Format("2006-01-02 15:04")))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("deadlines = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCivilLabels(t *testing.T) {
	ex := func(n int, p, title string) Exhibit {
		return Exhibit{Number: n, Title: title, Item: &evidence.Item{Path: p}}
	}
	tests := []struct {
		name string
		in   []Exhibit
		want string
	}{
		{"Chinese numerals in brackets, same folder", []Exhibit{
			ex(1, "s/a.png", "转账截图"), ex(2, "s/b.png", "聊天记录（一）"), ex(3, "s/c.png", "聊天记录（二）"), ex(4, "s/d.png", "情况说明")},
			"1,2-1,2-2,3"},
		{"digits with a space, ASCII brackets, 之一", []Exhibit{
			ex(1, "s/a.png", "聊天记录 1"), ex(2, "s/b.png", "聊天记录 2"), ex(3, "s/c.png", "账单(1)"), ex(4, "s/d.png", "账单 (2)"),
			ex(5, "s/e.png", "照片之一"), ex(6, "s/f.png", "照片之二")},
			"1-1,1-2,2-1,2-2,3-1,3-2"},
		{"another folder breaks the group", []Exhibit{
			ex(1, "a/x.png", "聊天记录（一）"), ex(2, "b/y.png", "聊天记录（二）")},
			"1,2"},
		{"only consecutive exhibits group", []Exhibit{
			ex(1, "s/a.png", "聊天记录（一）"), ex(2, "s/b.png", "转账截图"), ex(3, "s/c.png", "聊天记录（二）")},
			"1,2,3"},
		{"a title without a sequence mark stands alone", []Exhibit{
			ex(1, "s/a.png", "聊天记录"), ex(2, "s/b.png", "聊天记录（二）"), ex(3, "s/c.png", "聊天记录（导出）")},
			"1,2,3"},
		{"file names stand in for blank titles", []Exhibit{
			ex(1, "s/IMG_1.png", ""), ex(2, "s/IMG_2.png", ""), ex(3, "s/chat-3.jpg", "")},
			"1-1,1-2,2"},
		{"a one-character stem is not a group", []Exhibit{
			ex(1, "s/1.png", "图1"), ex(2, "s/2.png", "图2")},
			"1,2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := civilLabels(tt.in)
			var got []string
			for _, e := range tt.in {
				got = append(got, labels[e.Number])
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("labels = %v, want %s", got, tt.want)
			}
		})
	}
}

func TestShortStatement(t *testing.T) {
	long := strings.Repeat("我转错了钱。", 50)
	tests := []struct {
		in, want string
		cut      bool
	}{
		{"", "", false},
		{"一句话。", "一句话。", false},
		{"第一段\n续行。\n\n第二段。", "第一段 续行。", true},
		{long, strings.Repeat("我转错了钱。", 33), true},
		{strings.Repeat("字", 250), strings.Repeat("字", 200) + "…", true},
	}
	for _, tt := range tests {
		got, cut := shortStatement(tt.in, statementRunes)
		if got != tt.want || cut != tt.cut {
			t.Errorf("shortStatement(%.20q…) = %q, %v; want %q, %v", tt.in, got, cut, tt.want, tt.cut)
		}
	}
}
