package web

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrefillMarks(t *testing.T) {
	for _, tc := range []struct {
		comment, from string
		ok            bool
	}{
		{prefillComment("exports/账单.xlsx"), "exports/账单.xlsx", true},
		{"# read from screens/转账.png, check it", "screens/转账.png", true},
		{"# 读自 screens/转账.png，请核对", "", true},
		{"# 姓名 / full name", "", false},
		{"", "", false},
	} {
		from, ok := isPrefilled(tc.comment)
		if ok != tc.ok || from != tc.from {
			t.Errorf("isPrefilled(%q) = %q, %v; want %q, %v", tc.comment, from, ok, tc.from, tc.ok)
		}
	}
	mixed := "# 姓名 / full name; " + strings.TrimPrefix(prefillComment("chat.csv"), "# ")
	if got := stripPrefill(mixed); got != "# 姓名 / full name" {
		t.Errorf("stripPrefill kept %q", got)
	}
	if got := stripPrefill("# 收款账户"); got != "# 收款账户" {
		t.Errorf("stripPrefill changed a plain comment: %q", got)
	}
}

func TestCaseDocKeepsWhatItDoesNotTouch(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "democase", "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := parseCaseDoc(data)
	if err != nil {
		t.Fatal(err)
	}
	d.set("13800000000", "", false, "respondent", "phone")
	d.set("李四", "chat.csv", false, "respondent", "name")
	out, err := d.bytes()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`phone: "13800000000" # 收款人信息页面上只显示掩码后的号码`,
		"name: 李四 # 转账页面显示的实名是 **三，全名以法院调取为准; " + prefillMark, "# 整理人：李明", `id: "4200002345202511031234567890" # 微信支付交易单号`} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	if err := validateCase(out); err != nil {
		t.Fatal(err)
	}
	d2, _ := parseCaseDoc(out)
	if f := d2.get("respondent", "name"); !f.Prefilled || f.From != "chat.csv" || f.Value != "李四" {
		t.Errorf("read back: %+v", f)
	}
	if f := d2.get("respondent", "phone"); f.Prefilled || f.Value != "13800000000" {
		t.Errorf("read back: %+v", f)
	}
}

func TestNormTime(t *testing.T) {
	for in, want := range map[string]string{
		"2025-11-03 14:05":          "2025-11-03T14:05:00+08:00",
		"2025/11/03 14:05:31":       "2025-11-03T14:05:31+08:00",
		"2025-11-03T14:05:00+08:00": "2025-11-03T14:05:00+08:00",
		"2025-11-03T06:05:00Z":      "2025-11-03T06:05:00Z",
		"yesterday":                 "yesterday",
		"":                          "",
	} {
		if got := normTime(in); got != want {
			t.Errorf("normTime(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFactsForm: whatever a posted form holds, writing it into case.yaml
// never panics, and what passes bundle's check reads back.
func FuzzFactsForm(f *testing.F) {
	f.Add("title=x&txn.count=1&txn.0.id=4200002345202511031234567890&txn.0.include=1&txn.0.amount=5000&narrative=a%0Ab")
	f.Add("respondent.name=%23x&pf.respondent.name=a.csv&txn.count=2&txn.1.id=%22&txn.1.blank=1&txn.1.time=2025-13-40")
	f.Add("item.count=1&item.0.path=a.png&item.0.title=%7B%7D&claimant.phone=00123")
	template, err := os.ReadFile(filepath.Join("..", "..", "testdata", "democase", "case.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<16 {
			return
		}
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		doc, err := parseCaseDoc(template)
		if err != nil {
			t.Fatal(err)
		}
		fv := factsFromForm("zh", form)
		fv.apply(doc, map[string]bool{"a.png": true})
		out, err := doc.bytes()
		if err != nil {
			return
		}
		if validateCase(out) != nil {
			return
		}
		if _, err := parseCaseDoc(out); err != nil {
			t.Fatalf("valid case.yaml does not parse again: %v\n%s", err, out)
		}
	})
}
