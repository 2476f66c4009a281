package templates

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func testMetrics(t testing.TB) *metrics {
	t.Helper()
	m, err := fontMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWrap(t *testing.T) {
	m := testMetrics(t)
	hash := strings.Repeat("0123456789abcdef", 4)
	tests := []struct {
		name  string
		in    string
		size  float64
		width float64
		lines int // expected number of lines; 0: more than one, not checked
	}{
		{"short", "证据目录", 10, 100, 1},
		{"hanzi", strings.Repeat("我在微信上给房东转房租时误将五千元转给了同名联系人", 4), 10, 60, 0},
		{"punctuation at every wrap", strings.Repeat("转账成功，", 30), 10, 40, 0},
		{"closing brackets", strings.Repeat("张三（微信号）」》。", 12), 9, 31, 0},
		{"opening brackets", strings.Repeat("见证据（一）《说明》「原件」", 10), 9, 33, 0},
		{"latin words", "Paid CNY 5,000 to Zhang San by mistake on 3 November and asked for it back the same day.", 10, 50, 0},
		{"mixed", "2025年11月3日14时05分，我向 zhangsan_sz 转账 5000.00 元（交易单号 4200002345202511031234567890），对方未退还。", 9, 45, 0},
		{"hash breaks anywhere", hash, 8, 40, 0},
		{"long path", "data/截图/a-very-long-folder-name/another/and-the-file-name-that-goes-on-and-on.png", 8, 30, 0},
		{"hard breaks", "第一行\n\n第三行", 10, 100, 3},
		{"empty", "", 10, 100, 1},
		{"indent kept", "　　我于2025年11月3日", 10, 100, 1},
		{"very narrow", "证据", 10, 3, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := m.clean(tc.in, true)
			lines := m.wrap(in, tc.size, tc.width)
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("%d lines, want %d: %q", len(lines), tc.lines, lines)
			}
			if tc.lines == 0 && len(lines) < 2 {
				t.Errorf("did not wrap: %q", lines)
			}
			// No rune is lost: only the spaces at breaks go.
			joined := strings.Join(lines, "\n")
			if strip(joined) != strip(in) {
				t.Errorf("runes lost or added:\n in  %q\n out %q", in, lines)
			}
			for i, ln := range lines {
				if w := m.textWidth(ln, tc.size); w > tc.width+1e-9 && utf8.RuneCountInString(ln) > 1 {
					t.Errorf("line %d %q is %.2f mm wide, limit %.2f", i, ln, w, tc.width)
				}
				r, _ := utf8.DecodeRuneInString(ln)
				if i > 0 && isNoStart(r) && !strings.Contains(tc.in, "\n"+string(r)) {
					t.Errorf("line %d starts with %q: %q", i, r, lines)
				}
				last, _ := utf8.DecodeLastRuneInString(ln)
				if i < len(lines)-1 && isNoEnd(last) {
					t.Errorf("line %d ends with %q: %q", i, last, lines)
				}
				if i > 0 && strings.HasPrefix(ln, " ") && !strings.Contains(tc.in, "\n ") {
					t.Errorf("line %d starts with a space: %q", i, ln)
				}
			}
		})
	}
}

// strip removes the spaces and line breaks, which a wrap may drop or add.
func strip(s string) string {
	return strings.NewReplacer(" ", "", "\n", "").Replace(s)
}

func TestWrapLatinBreaksAtSpaces(t *testing.T) {
	m := testMetrics(t)
	lines := m.wrap("alpha beta gamma delta epsilon zeta eta theta", 10, 30)
	for _, ln := range lines {
		for _, w := range strings.Fields(ln) {
			if !strings.Contains(" alpha beta gamma delta epsilon zeta eta theta ", " "+w+" ") {
				t.Errorf("word broken: %q in %q", w, lines)
			}
		}
	}
}

func TestClean(t *testing.T) {
	m := testMetrics(t)
	tests := []struct{ in, want string }{
		{"好的😀谢谢", "好的□谢谢"},
		{"❤️", "□"},            // U+2764 has no glyph; the variation selector is invisible
		{"👨‍👩‍👧", "□□□"},       // a family: three people joined by ZWJ
		{"a\x00b\x07c", "abc"}, // control characters go
		{"行一\r\n行二\r行三", "行一\n行二\n行三"},
		{"tab\there", "tab    here"},
		{"\ufeff开头", "开头"},
		{"𠀀", "□"}, // a hanzi beyond U+FFFF
		{"\u202e反向", "反向"},
		{"无效\uFFFD字节", "无效\uFFFD字节"},
	}
	for _, tc := range tests {
		if got := m.clean(tc.in, true); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := m.clean("一\n二", false); got != "一 二" {
		t.Errorf("clean without breaks = %q", got)
	}
}

// TestRenderSurvivesHostileText puts emoji, controls and characters beyond
// the font into every field that is drawn; gofpdf panics on some of them.
func TestRenderSurvivesHostileText(t *testing.T) {
	d := smallDossier(t)
	bad := "😀\x00\u202e𠀀\U0010FFFF\ufffd❤️‍🔥\t\r\n"
	d.Title += bad
	d.CaseID += bad
	d.Narrative = strings.Repeat(bad+"转账", 50)
	d.Claimant.Name += bad
	d.Respondent.Account += bad
	d.Software += bad
	for i := range d.Exhibits {
		d.Exhibits[i].Title += bad
		d.Exhibits[i].Proves += bad
		d.Exhibits[i].Source += bad
		d.Exhibits[i].Item.Path += bad
	}
	d.Transactions[0].Counterparty += bad
	d.Events[0].TextZh += bad
	d.Checklist[0].MaterialZh += bad
	d.Findings[0].MessageZh += bad
	d.Manifest[0].Path += bad
	out, _ := render(t, d)
	if len(out) == 0 {
		t.Fatal("empty PDF")
	}
}

func BenchmarkWrap(b *testing.B) {
	m := testMetrics(b)
	text := m.clean(strings.Repeat("2025年11月3日14时05分，我在微信上给房东转房租时，误将5000元转给了同名联系人张三（微信号 zhangsan_sz）。Paid by mistake, asked back the same day. ", 20), true)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.wrap(text, 10, contentW)
	}
}
