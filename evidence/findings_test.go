package evidence

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/samplegen"
)

func TestCatalogueComplete(t *testing.T) {
	if len(Codes()) != int(codeCount)-1 {
		t.Fatalf("Codes() has %d codes, the catalogue %d", len(Codes()), codeCount-1)
	}
	for _, c := range Codes() {
		e := catalogue[c]
		zh, en := c.Messages()
		doZh, doEn := c.Hint()
		if e.name == "" || zh == "" || en == "" || doZh == "" || doEn == "" {
			t.Errorf("code %d (%q): name, zh, en and both hints must be set: %+v", int(c), e.name, e)
			continue
		}
		switch c.Severity() {
		case Info, Warning, Error:
		default:
			t.Errorf("%s: severity %q", e.name, e.severity)
		}
		for _, s := range []string{e.name, zh, en, doZh, doEn} {
			if s != strings.TrimSpace(s) || !utf8.ValidString(s) {
				t.Errorf("%s: %q has padding or is not UTF-8", e.name, s)
			}
		}
		if strings.ContainsAny(e.name, " -ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Errorf("code name %q is not snake_case", e.name)
		}
		if !hasHan(zh) || !hasHan(doZh) {
			t.Errorf("%s: the Chinese texts %q, %q hold no Chinese", e.name, zh, doZh)
		}
		if hasHan(en) || hasHan(doEn) {
			t.Errorf("%s: the English texts %q, %q hold Chinese", e.name, en, doEn)
		}
		if strings.Contains(doZh, "%") || strings.Contains(doEn, "%") {
			t.Errorf("%s: a hint is not a template and must not hold %%", e.name)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// verbs returns the fmt verb that consumes each argument of a template
// (index from 1), following explicit indexes such as %[2]s.
func verbs(t *testing.T, name, tmpl string) map[int]rune {
	out := map[int]rune{}
	next := 1
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '%' {
			continue
		}
		i++
		if i < len(tmpl) && tmpl[i] == '%' {
			continue
		}
		for i < len(tmpl) && strings.IndexByte("+-# 0", tmpl[i]) >= 0 {
			i++
		}
		if i < len(tmpl) && tmpl[i] == '[' {
			end := strings.IndexByte(tmpl[i:], ']')
			if end < 0 {
				t.Fatalf("%s: bad index in %q", name, tmpl)
			}
			if _, err := fmt.Sscanf(tmpl[i+1:i+end], "%d", &next); err != nil {
				t.Fatalf("%s: bad index in %q", name, tmpl)
			}
			i += end + 1
		}
		for i < len(tmpl) && (tmpl[i] >= '0' && tmpl[i] <= '9' || tmpl[i] == '.') {
			i++
		}
		if i >= len(tmpl) {
			t.Fatalf("%s: template %q ends in a verb", name, tmpl)
		}
		v, _ := utf8.DecodeRuneInString(tmpl[i:])
		if prev, ok := out[next]; ok && prev != v {
			t.Errorf("%s: argument %d is formatted as %%%c and %%%c", name, next, prev, v)
		}
		out[next] = v
		next++
	}
	return out
}

func TestCatalogueVerbs(t *testing.T) {
	for _, c := range Codes() {
		zh, en := c.Messages()
		vz, ve := verbs(t, c.Name(), zh), verbs(t, c.Name(), en)
		if !reflect.DeepEqual(vz, ve) {
			t.Errorf("%s: the Chinese message takes %v, the English %v", c.Name(), vz, ve)
		}
		for i := 1; i <= len(vz); i++ {
			if _, ok := vz[i]; !ok {
				t.Errorf("%s: argument %d of %d is not used", c.Name(), i, len(vz))
			}
		}
		for _, v := range vz {
			if !strings.ContainsRune("dsv", v) {
				t.Errorf("%s: verb %%%c; the catalogue uses %%d, %%s and %%v only", c.Name(), v)
			}
		}
	}
}

func TestNewFinding(t *testing.T) {
	f := NewFinding(CodeTxnIDDateMismatch, "case.yaml", Text{"case.yaml 第 3 行", "case.yaml line 3"}, "4200001234202511035678901234", "2025-11-03", "2025-11-20 10:00")
	want := Finding{Code: "txn_id_date_mismatch", Severity: Warning, File: "case.yaml",
		MessageZh: "case.yaml 第 3 行：交易单号 4200001234202511035678901234 中的日期 2025-11-03 与所写交易时间 2025-11-20 10:00 相差超过一天。",
		MessageEn: "case.yaml line 3: the date 2025-11-03 inside transaction ID 4200001234202511035678901234 is more than a day from the stated time 2025-11-20 10:00."}
	if f != want {
		t.Errorf("NewFinding =\n%+v\nwant\n%+v", f, want)
	}
	f = NewFinding(CodeBillTxnIDDateMismatch, "b.csv", 18, "4200001234202511035678901234", "2025-11-03", "2025-11-20 10:00")
	if f.MessageZh != "账单第 18 行：单号 4200001234202511035678901234 中的日期 2025-11-03 与交易时间 2025-11-20 10:00 相差超过一天。" ||
		f.MessageEn != "Line 18 of the bill: the date 2025-11-03 inside ID 4200001234202511035678901234 is more than a day from the time 2025-11-20 10:00." {
		t.Errorf("bill date mismatch: %+v", f)
	}
	it := &Item{Path: "huge.png", MIME: "image/png"}
	if err := inspectImage(it, samplegen.HugePNG(), eofReader{}, DefaultLimits); err != nil {
		t.Fatal(err)
	}
	if f := it.Findings[0]; f.Code != "image_too_large" || f.Severity != Error ||
		f.MessageZh != "图片头声称尺寸为 50000×50000，超过 5000 万像素的上限，未解码。原件已保存并计算哈希。" ||
		f.MessageEn != "The image header claims 50000×50000 pixels, over the limit of 50 megapixels; it was not decoded. The original is kept and hashed." {
		t.Errorf("image too large: %+v", it.Findings)
	}
	it = &Item{Path: "data.csv"}
	it.Add(CodeBillRowsSkipped, 2)
	it.Add(CodeBillUnreadable, errors.New("boom"))
	if len(it.Findings) != 2 || it.Findings[0].MessageEn != "2 rows of the bill could not be read (no time or amount) and were skipped." ||
		it.Findings[1].MessageZh != "看起来像账单，但无法读取：boom" || it.Findings[1].File != "data.csv" || it.HasError() {
		t.Errorf("Add: %+v", it.Findings)
	}
	defer func() {
		if recover() == nil {
			t.Error("a code outside the catalogue did not panic")
		}
	}()
	NewFinding(codeCount, "x")
}

func TestNames(t *testing.T) {
	names := Names()
	seen := map[string]bool{}
	for i, n := range names {
		if i > 0 && names[i-1].Name >= n.Name {
			t.Errorf("Names not sorted at %q", n.Name)
		}
		seen[n.Name] = true
	}
	for _, c := range Codes() {
		if !seen[c.Name()] {
			t.Errorf("%s missing from Names", c.Name())
		}
	}
	for _, n := range names {
		if n.Name == "txn_id_invalid" && !reflect.DeepEqual(n.Severities, []Severity{Warning, Error}) {
			t.Errorf("txn_id_invalid severities %v", n.Severities)
		}
	}
}

func TestChatProblemsWorded(t *testing.T) {
	for _, p := range chat.ProblemCodes {
		if c, ok := chatCodes[p]; !ok || c <= codeNone || c >= codeCount {
			t.Errorf("chat problem %d has no finding code", p)
		}
	}
}

// TestChatFindings reads chat samples of evidence/chat and checks the
// findings their items carry.
func TestChatFindings(t *testing.T) {
	for file, want := range map[string][]string{
		"wechatmsg.csv":     {"chat_transfer_amount_missing"},
		"wechatmsg.txt":     {"chat_zone_unknown", "chat_transfers_dropped", "chat_me_inferred"},
		"memotrace.csv":     {"chat_zone_unknown"},
		"forwarded_win.txt": {"chat_no_times", "chat_transfer_amount_missing", "chat_me_inferred"},
	} {
		f, err := os.Open(filepath.Join("chat", "testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		it, err := Read(file, f, nil, time.Time{}, DefaultLimits)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, fd := range it.Findings {
			if fd.File != file || fd.MessageZh == "" || fd.MessageEn == "" {
				t.Errorf("incomplete finding %+v", fd)
			}
			got = append(got, fd.Code)
		}
		if it.Kind != KindChat || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: kind %s, findings = %q, want %q", file, it.Kind, got, want)
		}
	}
	f, _ := os.Open(filepath.Join("chat", "testdata", "wechatmsg.txt"))
	defer f.Close()
	it, _ := Read("w.txt", f, nil, time.Time{}, DefaultLimits)
	if m := it.Findings[len(it.Findings)-1]; m.MessageZh != "根据会话标题或系统提示推断本人为“李明”。" ||
		m.MessageEn != "The user was taken to be \"李明\" from the session title or system notices." {
		t.Errorf("chat_me_inferred = %+v", m)
	}
}
