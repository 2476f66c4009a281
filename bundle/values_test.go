package bundle

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestValueTable(t *testing.T) {
	var tmpl bytes.Buffer
	if err := caseTemplate.Execute(&tmpl, InitOptions{Purpose: "civil", Lang: "zh", Platform: "wechat"}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range valueTable {
		if seen[f.key] {
			t.Errorf("%s is in the table twice", f.key)
		}
		seen[f.key] = true
		vals := map[string]bool{}
		for _, c := range f.choices {
			if c.value == "" || c.zh == "" || vals[c.value] {
				t.Errorf("%s: choice %+v is blank or repeated", f.key, c)
			}
			vals[c.value] = true
		}
		if f.blank != "" && !vals[f.blank] {
			t.Errorf("%s: blank means %q, which is not a choice", f.key, f.blank)
		}
		if f.flagOnly {
			continue
		}
		// The template's comment on the key names every value.
		line := ""
		for _, l := range strings.Split(tmpl.String(), "\n") {
			if strings.HasPrefix(strings.TrimLeft(l, "# "), f.key+":") {
				line = l
				break
			}
		}
		if line == "" {
			t.Errorf("%s: no line in init's template", f.key)
		}
		for _, c := range f.choices {
			if !strings.Contains(line, c.value) {
				t.Errorf("%s: init's template %q does not name %q", f.key, line, c.value)
			}
		}
	}
}

// A bad value reads the same whether it comes from a flag or case.yaml.
func TestValueWording(t *testing.T) {
	flag := checkFlag("purpose", "court")
	key := checkKey("c/case.yaml", 4, "purpose", "court")
	var ue *UsageError
	var ce *CaseError
	if !errors.As(flag, &ue) || !errors.As(key, &ce) {
		t.Fatalf("flag: %T, key: %T", flag, key)
	}
	want := `purpose "court" is not one of complaint, police, civil`
	if ue.Msg != "--"+want || ce.Error() != "c/case.yaml:4: "+want {
		t.Errorf("flag %q, case.yaml %q", ue.Msg, ce.Error())
	}
	if ue.Hint != ce.Hint || ue.Hint != "complaint 平台投诉 | police 报案 | civil 民事诉讼" {
		t.Errorf("hints %q and %q", ue.Hint, ce.Hint)
	}
	for _, ok := range []string{"", "complaint", "police", "civil"} {
		if err := checkFlag("purpose", ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// Init, case.yaml, Check, Build and Batch all refuse a value outside the
// table and a negative -j, as usage (exit 2), writing nothing.
func TestEveryPathRefusesBadValues(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "cases", "c")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	now := time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)
	ctx := context.Background()
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"init purpose", func() error { _, err := Init(filepath.Join(root, "i"), InitOptions{Purpose: "court"}); return err }, `--purpose "court"`},
		{"init lang", func() error { _, err := Init(filepath.Join(root, "i"), InitOptions{Lang: "fr"}); return err }, `--lang "fr"`},
		{"init platform", func() error { _, err := Init(filepath.Join(root, "i"), InitOptions{Platform: "qq"}); return err }, `--platform "qq"`},
		{"build purpose", func() error { _, err := Build(ctx, dir, Options{Out: out, Now: now, Purpose: "court"}); return err }, `--purpose "court"`},
		{"build lang", func() error { _, err := Build(ctx, dir, Options{Out: out, Now: now, Lang: "fr"}); return err }, `--lang "fr"`},
		{"build -j", func() error { _, err := Build(ctx, dir, Options{Out: out, Now: now, Workers: -1}); return err }, "-j -1: the number of files"},
		{"build ocr", func() error { _, err := Build(ctx, dir, Options{Out: out, Now: now, OCR: "yes"}); return err }, `--ocr "yes"`},
		{"check ocr", func() error { _, err := Check(ctx, dir, Options{OCR: "maybe"}); return err }, `--ocr "maybe"`},
		{"build tesseract", func() error {
			_, err := Build(ctx, dir, Options{Out: out, Now: now, Tesseract: filepath.Join(root, "no-tesseract")})
			return err
		}, "--tesseract "},
		{"batch ocr", func() error {
			_, err := Batch(ctx, filepath.Join(root, "cases"), BatchOptions{Out: out, Build: Options{Now: now, OCR: "On"}})
			return err
		}, `--ocr "On"`},
		{"check -j", func() error { _, err := Check(ctx, dir, Options{Workers: -2}); return err }, "-j -2: the number of files"},
		{"batch purpose", func() error {
			_, err := Batch(ctx, filepath.Join(root, "cases"), BatchOptions{Out: out, Build: Options{Now: now, Purpose: "court"}})
			return err
		}, `--purpose "court"`},
		{"batch -j", func() error {
			_, err := Batch(ctx, filepath.Join(root, "cases"), BatchOptions{Out: out, Jobs: -1, Build: Options{Now: now}})
			return err
		}, "-j -1: the number of cases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			var ue *UsageError
			if !errors.As(err, &ue) || ue.ExitCode() != 2 || !strings.HasPrefix(ue.Msg, tt.want) || ue.Hint == "" {
				t.Fatalf("got %T %v, want a usage error %q… with a hint", err, err, tt.want)
			}
			for _, p := range []string{out, filepath.Join(root, "i")} {
				if _, err := os.Lstat(p); err == nil {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
	for _, kv := range []string{"purpose: court", "lang: fr", "platform: qq", "complaint_type: theft"} {
		_, err := ParseCase("case.yaml", []byte("title: t\n"+kv+"\n"))
		var ce *CaseError
		key, val, _ := strings.Cut(kv, ": ")
		if !errors.As(err, &ce) || ce.Line != 2 || !strings.HasPrefix(ce.Msg, key+` "`+val+`" is not one of `) || ce.Hint != valueHint(key) {
			t.Errorf("%s: %v", kv, err)
		}
	}
}
