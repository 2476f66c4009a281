package templates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/casebundle/casebundle/internal/money"
)

// paperText is every string of a paper, in order.
func paperText(p *paper) string {
	var b strings.Builder
	for _, bl := range p.blocks {
		b.WriteString(bl.text + "\n")
		for _, c := range bl.cols {
			b.WriteString(c.title + "\n")
		}
		for _, r := range bl.rows {
			b.WriteString(strings.Join(r, "\n") + "\n")
		}
	}
	return b.String()
}

func papersOf(t *testing.T, d *Dossier) map[string]*paper {
	t.Helper()
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	f := PapersFacts{}
	if d.Papers != nil {
		f = *d.Papers
	}
	out := map[string]*paper{}
	for _, p := range newPapersCtx(d, nil, &f, zhWords, m).papers() {
		out[p.id] = p
	}
	return out
}

func TestPapersByCase(t *testing.T) {
	d := routeDossier(t, "civil", "zh")
	ps := papersOf(t, d)
	if _, ok := ps["preservation"]; !ok {
		t.Errorf("the fixture's respondent has an account, but no preservation application")
	}
	if _, ok := ps["investigation"]; !ok {
		t.Errorf("the respondent's ID number is unknown, but no application to identify the payee")
	}
	if s := paperText(ps["police_report"]); strings.Contains(s, "第二百六十六条") {
		t.Errorf("a wrong transfer is reported as fraud")
	}
	if s := paperText(ps["complaint"]); strings.Contains(s, "12315") {
		t.Errorf("a wrong transfer gets the 12315 fields")
	}

	d.ComplaintType = "fraud"
	d.Respondent.Account, d.Respondent.IDNumber = "", "110101199001011234"
	ps = papersOf(t, d)
	if s := paperText(ps["police_report"]); !strings.Contains(s, "涉嫌诈骗（《中华人民共和国刑法》第二百六十六条）") {
		t.Errorf("a fraud report lacks its ground")
	}
	if _, ok := ps["preservation"]; ok {
		t.Errorf("a preservation application without the respondent's account")
	}
	if _, ok := ps["investigation"]; ok {
		t.Errorf("an application to identify a payee whose name and ID number are known")
	}
	// The channels on the police page are the real ones.
	s := paperText(ps["police_report"])
	for _, c := range []string{"110", "派出所", "国家反诈中心", "96110"} {
		if !strings.Contains(s, c) {
			t.Errorf("the police report lacks the channel %s", c)
		}
	}

	d.ComplaintType = "fake_goods"
	if s := paperText(papersOf(t, d)["complaint"]); !strings.Contains(s, "12315 投诉信息") || !strings.Contains(s, "退货退款") {
		t.Errorf("a fake-goods complaint lacks the 12315 fields")
	}
}

// A rate not given is never guessed: the interest is a blank with its
// note, and the total says interest is still open.
func TestPapersNoRateNoGuess(t *testing.T) {
	d := routeDossier(t, "civil", "zh")
	d.Papers = &PapersFacts{Interest: InterestChoice{Basis: "lpr"}}
	s := paperText(papersOf(t, d)["civil_complaint"])
	for _, want := range []string{blankLine + "（注：" + zhWords.pNoteRate, "利率未确定"} {
		if !strings.Contains(s, want) {
			t.Errorf("the claim lacks %q", want)
		}
	}
	if strings.Contains(s, "× 365") || strings.Contains(s, "暂计至") {
		t.Errorf("an interest figure without a rate")
	}
	needs := paperNeeds(d, zhWords)
	found := false
	for _, n := range needs {
		found = found || n.how == zhWords.pNoteRate
	}
	if !found {
		t.Errorf("the checklist does not ask for the rate: %+v", needs)
	}
}

// Many payments: the complaint text still fits and begins with an ID.
func TestComplaintTextLimit(t *testing.T) {
	d := routeDossier(t, "complaint", "zh")
	d.Transactions = nil
	for i := range 20 {
		d.Transactions = append(d.Transactions, Transaction{ID: "42000023452025110312345678" + string(rune('0'+i/10)) + string(rune('0'+i%10)),
			Amount: money.Fen(10000 + i), Direction: "out", Disputed: true, HasTime: true, Time: time.Date(2025, 11, 3, 6, i, 0, 0, time.UTC)})
	}
	m, _ := fontMetrics()
	ps := newPapersCtx(d, nil, &PapersFacts{}, zhWords, m)
	text := ps.complaintText()
	if n := utf8.RuneCountInString(text); n > complaintRunes {
		t.Errorf("complaint text of %d runes", n)
	}
	if !strings.HasPrefix(text, d.Transactions[0].ID) || !strings.Contains(text, "等共20笔") {
		t.Errorf("complaint text: %s", text)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"转账成功": "转账成功", "a/b\\c:d": "a_b_c_d", " .x. ": "x", "": "_", "聊天\x00记录": "聊天_记录"} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// An English case gets the Chinese papers and English reading copies.
func TestPapersEnglishReadingCopies(t *testing.T) {
	d := routeDossier(t, "civil", "en")
	_, lay := render(t, d)
	files, err := RenderPapers(d, lay)
	if err != nil {
		t.Fatal(err)
	}
	var zh, en int
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "papers/en/"):
			en++
		case strings.HasPrefix(f.Path, "papers/"):
			zh++
		default:
			t.Errorf("%s is outside papers/", f.Path)
		}
	}
	if zh == 0 || en == 0 {
		t.Errorf("%d Chinese and %d English files", zh, en)
	}
}
