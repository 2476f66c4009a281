package web

import (
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestWordsInBothLanguages(t *testing.T) {
	for k := range zhWords {
		if _, ok := enWords[k]; !ok {
			t.Errorf("%q has no English", k)
		}
	}
	for k := range enWords {
		if _, ok := zhWords[k]; !ok {
			t.Errorf("%q has no Chinese", k)
		}
	}
	for k, v := range zhWords {
		if strings.TrimSpace(v) == "" || strings.TrimSpace(enWords[k]) == "" {
			t.Errorf("%q is blank", k)
		}
		if strings.Count(v, "%") != strings.Count(enWords[k], "%") {
			t.Errorf("%q: the two languages take different arguments: %q, %q", k, v, enWords[k])
		}
	}
}

// usedKeys are the keys the pages and the Go code name literally, and the
// keys they build from the allowed values.
func usedKeys(t *testing.T) []string {
	t.Helper()
	lit := regexp.MustCompile(`(?:\.Tf? |word\(l(?:ang\(r\))?, )"([a-z_.]+)"`)
	set := map[string]bool{}
	scan := func(name string, data []byte) {
		for _, m := range lit.FindAllStringSubmatch(string(data), -1) {
			if !strings.HasSuffix(m[1], ".") {
				set[m[1]] = true
			}
		}
	}
	_ = fs.WalkDir(assets, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := assets.ReadFile(p)
			scan(p, b)
			if strings.HasSuffix(p, ".js") {
				for _, m := range regexp.MustCompile(`\bw\("([a-z]+)"\)`).FindAllStringSubmatch(string(b), -1) {
					set["js."+m[1]] = true
				}
			}
		}
		return nil
	})
	ents, _ := os.ReadDir(".")
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			b, _ := os.ReadFile(e.Name())
			scan(e.Name(), b)
		}
	}
	for _, s := range []string{"route", "files", "facts", "checklist", "build"} {
		set["step."+s] = true
	}
	for _, s := range []string{"files", "facts", "build"} {
		set["next."+s] = true
	}
	for name, values := range map[string][]string{"purpose": purposes, "platform": platforms, "complaint_type": complaintTypes, "lang": langs} {
		for _, v := range values {
			set[name+"."+v], set[name+"."+v+".help"] = true, true
		}
	}
	for _, k := range []string{"image", "chat", "bill", "document", "other"} {
		set["kind."+k] = true
	}
	for _, s := range []string{"info", "warning", "error"} {
		set["sev."+s] = true
	}
	for _, g := range []string{"case", "claimant", "respondent"} {
		set["facts.group."+g] = true
	}
	for _, keys := range factFields() {
		set["field."+strings.Join(keys, ".")] = true
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestEveryUsedWordExists(t *testing.T) {
	keys := usedKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(keys))
	}
	for _, k := range keys {
		if _, ok := zhWords[k]; !ok {
			t.Errorf("%q is used but not in the tables", k)
		}
	}
	if got := word("en", "no.such.key"); got != "[no.such.key]" {
		t.Errorf("a missing word shows as %q", got)
	}
}
