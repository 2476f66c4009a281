package templates

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/evidence"
)

// wordsGaps lists what is missing from the two wordings: a string left
// empty, a func left nil, a number left zero, a map empty, holding an empty
// value or keys the other language lacks, and any field of a kind this
// check does not know (so that a new kind of field gets a rule here). A
// field tagged words:"blank-ok" may be empty in one language only.
func wordsGaps(zh, en *words) []string {
	var gaps []string
	vz, ve := reflect.ValueOf(zh).Elem(), reflect.ValueOf(en).Elem()
	typ := vz.Type()
	for i := range typ.NumField() {
		f := typ.Field(i)
		blankOK := f.Tag.Get("words") == "blank-ok"
		if blankOK && f.Type.Kind() != reflect.String {
			gaps = append(gaps, f.Name+": blank-ok on a field that is not a string")
		}
		if blankOK && vz.Field(i).String() == "" && ve.Field(i).String() == "" {
			gaps = append(gaps, f.Name+": empty in both languages")
		}
		keys := [2]map[string]string{}
		for j, v := range []reflect.Value{vz.Field(i), ve.Field(i)} {
			lang := [2]string{"zh", "en"}[j]
			switch f.Type.Kind() {
			case reflect.String:
				if v.String() == "" && !blankOK {
					gaps = append(gaps, lang+"."+f.Name+": empty")
				}
			case reflect.Func:
				if v.IsNil() {
					gaps = append(gaps, lang+"."+f.Name+": nil")
				}
			case reflect.Int:
				if v.Int() == 0 {
					gaps = append(gaps, lang+"."+f.Name+": zero")
				}
			case reflect.Map:
				if f.Type.Elem().Kind() != reflect.String {
					gaps = append(gaps, f.Name+": a map whose values are not strings")
					continue
				}
				if v.Len() == 0 {
					gaps = append(gaps, lang+"."+f.Name+": empty map")
				}
				keys[j] = map[string]string{}
				for it := v.MapRange(); it.Next(); {
					// fmt prints the key of an unexported field, which
					// Interface would refuse.
					k := fmt.Sprint(it.Key())
					keys[j][k] = it.Value().String()
					if it.Value().String() == "" {
						gaps = append(gaps, fmt.Sprintf("%s.%s[%s]: empty", lang, f.Name, k))
					}
				}
			default:
				gaps = append(gaps, fmt.Sprintf("%s: kind %s is not checked", f.Name, f.Type.Kind()))
			}
		}
		if f.Type.Kind() == reflect.Map {
			for _, k := range slices.Sorted(maps.Keys(keys[0])) {
				if _, ok := keys[1][k]; !ok {
					gaps = append(gaps, fmt.Sprintf("en.%s lacks key %s", f.Name, k))
				}
			}
			for _, k := range slices.Sorted(maps.Keys(keys[1])) {
				if _, ok := keys[0][k]; !ok {
					gaps = append(gaps, fmt.Sprintf("zh.%s lacks key %s", f.Name, k))
				}
			}
		}
	}
	return gaps
}

func TestWordsComplete(t *testing.T) {
	if gaps := wordsGaps(zhWords, enWords); len(gaps) > 0 {
		t.Errorf("the wordings have gaps:\n%s", strings.Join(gaps, "\n"))
	}
	if zhWords.lang != "zh" || enWords.lang != "en" {
		t.Errorf("lang fields %q, %q", zhWords.lang, enWords.lang)
	}
}

// TestWordsGapsFound breaks a copy of the Chinese wording in each way the
// check knows and makes sure it is caught.
func TestWordsGapsFound(t *testing.T) {
	for name, breakIt := range map[string]func(w *words){
		"empty string":       func(w *words) { w.caseID = "" },
		"empty ev string":    func(w *words) { w.billFacts = "" },
		"nil func":           func(w *words) { w.pageOf = nil },
		"zero number":        func(w *words) { w.remarkRunes = 0 },
		"blank-ok in both":   func(w *words) { w.yuanUnit = "" },
		"missing key":        func(w *words) { w.platforms = without(w.platforms, "alipay") },
		"extra key":          func(w *words) { w.platforms = with(w.platforms, "paypal", "PayPal") },
		"empty value":        func(w *words) { w.platforms = with(w.platforms, "bank", "") },
		"missing section":    func(w *words) { w.headings = without(w.headings, SectionLosses) },
		"missing state":      func(w *words) { w.transferStates = without(w.transferStates, "已退还") },
		"missing image text": func(w *words) { w.imageProblems = without(w.imageProblems, pngBadCRC) },
		"missing severity":   func(w *words) { w.severity = without(w.severity, evidence.Warning) },
		"empty map":          func(w *words) { w.kinds = nil },
	} {
		t.Run(name, func(t *testing.T) {
			broken := *zhWords
			breakIt(&broken)
			if gaps := wordsGaps(&broken, enWords); len(gaps) == 0 {
				t.Errorf("a wording broken by %q passes the check", name)
			}
			if name == "blank-ok in both" {
				return // English has no unit of its own to lose
			}
			// The same break on the English side is caught too.
			brokenEn := *enWords
			breakIt(&brokenEn)
			if gaps := wordsGaps(zhWords, &brokenEn); len(gaps) == 0 {
				t.Errorf("an English wording broken by %q passes the check", name)
			}
		})
	}
}

func without[K comparable](m map[K]string, k K) map[K]string {
	m = maps.Clone(m)
	delete(m, k)
	return m
}

func with[K comparable](m map[K]string, k K, v string) map[K]string {
	m = maps.Clone(m)
	m[k] = v
	return m
}

// Tables keyed by an identifier have a text for every identifier, in
// both languages (the key-set check above only compares the two).
func TestWordsCoverEveryID(t *testing.T) {
	for _, w := range []*words{zhWords, enWords} {
		for _, id := range sectionIDs {
			if w.headings[id] == "" {
				t.Errorf("%s: section %s has no heading", w.lang, id)
			}
		}
		if len(w.headings) != len(sectionIDs) {
			t.Errorf("%s: %d headings for %d sections", w.lang, len(w.headings), len(sectionIDs))
		}
		for p := imgNotPrepared; p < imageProblemEnd; p++ {
			if w.imageProblems[p] == "" {
				t.Errorf("%s: image problem %d has no text", w.lang, p)
			}
		}
		for k := dlDelay2h; k <= dlLimitation; k++ {
			if w.deadlineName[k] == "" {
				t.Errorf("%s: deadline %d has no name", w.lang, k)
			}
		}
		for _, s := range []evidence.Severity{evidence.Info, evidence.Warning, evidence.Error} {
			if w.severity[s] == "" {
				t.Errorf("%s: severity %s has no word", w.lang, s)
			}
		}
	}
}

// The forms that used to be language branches in the page files.
func TestWordsForms(t *testing.T) {
	for _, tc := range []struct {
		w                          *words
		list, aside, money, picked string
	}{
		{zhWords, "证据1、3", "（图片）", "¥5,000.00", "中"},
		{enWords, "1, 3", " (image)", "CNY 5,000.00", "en"},
	} {
		if got := tc.w.exhibitList([]int{1, 3}); got != tc.list {
			t.Errorf("%s exhibitList = %q, want %q", tc.w.lang, got, tc.list)
		}
		if got := tc.w.exhibitList(nil); got != "—" {
			t.Errorf("%s exhibitList(nil) = %q", tc.w.lang, got)
		}
		if got := tc.w.aside("图片"); tc.w.lang == "zh" && got != tc.aside {
			t.Errorf("zh aside = %q", got)
		}
		if got := tc.w.aside("image"); tc.w.lang == "en" && got != tc.aside {
			t.Errorf("en aside = %q", got)
		}
		if got := tc.w.money(500000); got != tc.money {
			t.Errorf("%s money = %q, want %q", tc.w.lang, got, tc.money)
		}
		if got := tc.w.pick("中", "en"); got != tc.picked {
			t.Errorf("%s pick = %q, want %q", tc.w.lang, got, tc.picked)
		}
		// A datum with only the other language's text falls back to it.
		if got := tc.w.pick("", "en") + tc.w.pick("中", ""); got != "en中" {
			t.Errorf("%s pick falls back to %q", tc.w.lang, got)
		}
	}
	if got := lookup(enWords.transferStates, "已退还"); got != "refunded" {
		t.Errorf("en transfer state = %q", got)
	}
	if got := lookup(zhWords.transferStates, "已退还") + lookup(enWords.transferStates, "对方已冻结"); got != "已退还对方已冻结" {
		t.Errorf("transfer states shown as %q", got)
	}
}
