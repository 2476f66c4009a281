package bundle

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/evidence"
)

// TestFindingCodesDocumented fails when the list of finding codes in
// doc.go lacks a code of the catalogue, lists one that does not exist,
// gives a code the wrong severities, or is out of order.
func TestFindingCodesDocumented(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "// # Finding codes\n")
	if !ok {
		t.Fatal("doc.go has no \"# Finding codes\" section")
	}
	var documented []evidence.NameInfo
	started := false
	for _, line := range strings.Split(section, "\n") {
		row, isRow := strings.CutPrefix(line, "//\t")
		if !isRow {
			if started {
				break
			}
			continue
		}
		started = true
		f := strings.Fields(row)
		if len(f) < 3 {
			t.Errorf("doc.go: %q is not \"code severity meaning\"", row)
			continue
		}
		ni := evidence.NameInfo{Name: f[0]}
		for _, s := range strings.Split(f[1], ",") {
			ni.Severities = append(ni.Severities, evidence.Severity(s))
		}
		documented = append(documented, ni)
	}
	if !sort.SliceIsSorted(documented, func(i, j int) bool { return documented[i].Name < documented[j].Name }) {
		t.Error("doc.go: the finding codes are not sorted")
	}
	want := map[string][]evidence.Severity{}
	for _, n := range evidence.Names() {
		want[n.Name] = n.Severities
	}
	got := map[string][]evidence.Severity{}
	for _, n := range documented {
		got[n.Name] = n.Severities
		sevs, ok := want[n.Name]
		switch {
		case !ok:
			t.Errorf("doc.go lists %s, which is not a code of evidence/findings.go", n.Name)
		case !reflect.DeepEqual(sevs, n.Severities):
			t.Errorf("doc.go gives %s severity %v, the catalogue %v", n.Name, n.Severities, sevs)
		}
	}
	for _, n := range evidence.Names() {
		if _, ok := got[n.Name]; !ok {
			t.Errorf("doc.go does not list the finding code %s", n.Name)
		}
	}
}
