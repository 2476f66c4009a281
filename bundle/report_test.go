package bundle

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeSum writes a summary as a batch would, with the given modification
// time (report takes the newest summary's word for a case).
func writeSum(t *testing.T, out string, k, n int, mtime time.Time, cases ...CaseResult) {
	t.Helper()
	s := Summary{Format: SummaryFormat, Software: Software(), Host: "node-1", Generated: "2025-11-20T02:00:00Z",
		BatchResult: BatchResult{Root: "/cases", Out: out, Shard: k, Shards: n, RootCases: 7, Cases: cases}}
	if s.Cases == nil {
		s.Cases = []CaseResult{}
	}
	for _, c := range cases {
		if c.Status == CaseFailed {
			s.Failed++
		}
	}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	p := SummaryPath(out, Shard{k, n})
	mustWrite(t, p, data)
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// fakeBundle makes OUT/NAME.bundle with a manifest.json holding one item
// with the given findings (report does not rehash bundles).
func fakeBundle(t *testing.T, out, name string, sevs ...string) {
	t.Helper()
	var fs []map[string]string
	for _, s := range sevs {
		fs = append(fs, map[string]string{"code": "x", "severity": s})
	}
	m := map[string]any{"format": Format, "items": []any{map[string]any{"findings": fs}}}
	data, _ := json.Marshal(m)
	mustWrite(t, filepath.Join(out, name+".bundle", "manifest.json"), data)
}

func reportCase(t *testing.T, rep *Report, name string) ReportCase {
	t.Helper()
	for _, c := range rep.Cases {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("case %s is not in the report: %+v", name, rep.Cases)
	return ReportCase{}
}

func TestReadReportMixed(t *testing.T) {
	out := t.TempDir()
	t0 := time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, n := range []string{"a", "b", "d"} {
		fakeBundle(t, out, n)
	}
	writeSum(t, out, 0, 4, t0,
		CaseResult{Name: "a", Status: CaseOK, Items: 2, Findings: 1, Infos: 1},
		CaseResult{Name: "b", Status: CaseFindings, Items: 1, Findings: 3, Errors: 2, Warnings: 1})
	writeSum(t, out, 1, 4, t0,
		CaseResult{Name: "c", Status: CaseFailed, Error: "c/case.yaml:2: unknown key", Hint: "see casebundle init"},
		CaseResult{Name: "d", Status: CaseSkipped, Items: 1})
	writeSum(t, out, 2, 4, t0, CaseResult{Name: "e", Status: CaseOK, Items: 1}) // its bundle was removed since
	fakeBundle(t, out, "f", "warning", "info")                                  // built alone: in no summary
	mustWrite(t, filepath.Join(out, "g.bundle", "manifest.json"), []byte("{not json"))
	mustWrite(t, filepath.Join(out, ".h.bundle.tmp-123", "bagit.txt"), nil)
	mustWrite(t, filepath.Join(out, "loose.txt"), nil)

	rep, err := ReadReport(out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]CaseStatus{"a": CaseOK, "b": CaseFindings, "c": CaseFailed, "d": CaseSkipped,
		"e": CaseFailed, "f": CaseUnreported, "g": CaseFailed}
	if len(rep.Cases) != len(want) {
		t.Fatalf("%d cases, want %d: %+v", len(rep.Cases), len(want), rep.Cases)
	}
	for i, c := range rep.Cases {
		if c.Status != want[c.Name] {
			t.Errorf("%s: %s, want %s", c.Name, c.Status, want[c.Name])
		}
		if i > 0 && rep.Cases[i-1].Name >= c.Name {
			t.Errorf("cases not in name order: %s before %s", rep.Cases[i-1].Name, c.Name)
		}
		if c.Bundle != filepath.Join(out, c.Name+".bundle") {
			t.Errorf("%s: bundle %s, want it under the report's OUTROOT", c.Name, c.Bundle)
		}
	}
	if e := reportCase(t, rep, "e"); !strings.Contains(e.Error, "not there any more") || e.From != "2/4" || e.Hint == "" {
		t.Errorf("a built case whose bundle is gone: %+v", e)
	}
	if f := reportCase(t, rep, "f"); f.Items != 1 || f.Warnings != 1 || f.Infos != 1 || f.Errors != 0 || f.From != "" {
		t.Errorf("an unreported bundle's counts come from its manifest: %+v", f)
	}
	if g := reportCase(t, rep, "g"); !strings.Contains(g.Error, "manifest.json") {
		t.Errorf("a bundle without a readable manifest: %+v", g)
	}
	wantTotals := ReportTotals{Cases: 7, Built: 2, Skipped: 1, Unreported: 1, Failed: 3, WithFindings: 1, Errors: 2, Warnings: 2, Infos: 2}
	if rep.Totals != wantTotals {
		t.Errorf("totals %+v, want %+v", rep.Totals, wantTotals)
	}
	if rep.Complete || len(rep.Missing) != 1 || rep.Missing[0] != (MissingShard{3, 4, "no summary"}) || rep.OK() {
		t.Errorf("shard 3 of 4 has not reported: complete %v, missing %+v", rep.Complete, rep.Missing)
	}
	if len(rep.Leftovers) != 1 || rep.Leftovers[0] != ".h.bundle.tmp-123" {
		t.Errorf("leftovers %v", rep.Leftovers)
	}

	// Shard 3 had no case; once it reports, the batch is complete, and
	// still not OK: cases failed.
	writeSum(t, out, 3, 4, t0)
	if rep, err = ReadReport(out); err != nil || !rep.Complete || len(rep.Missing) != 0 || rep.OK() {
		t.Fatalf("all four shards: %v, complete %v, missing %v", err, rep.Complete, rep.Missing)
	}

	// A later whole batch (shard 0/1) supersedes what the shards said of
	// the same case; a summary that cannot be read counts as not reported,
	// but the whole batch is complete by itself.
	fakeBundle(t, out, "c")
	writeSum(t, out, 0, 1, t0.Add(time.Hour), CaseResult{Name: "c", Status: CaseSkipped, Items: 1})
	mustWrite(t, SummaryPath(out, Shard{1, 4}), []byte(`{"format": "casebundle-batch/1", "shard": 1, "shards": 4, "cases": [{"name": "../etc", "status": "ok"}]}`))
	rep, err = ReadReport(out)
	if err != nil {
		t.Fatal(err)
	}
	if c := reportCase(t, rep, "c"); c.Status != CaseSkipped || c.From != "0/1" {
		t.Errorf("the newer summary's word for c: %+v", c)
	}
	if !rep.Complete || len(rep.Missing) != 1 || !strings.Contains(rep.Missing[0].Reason, "not a case folder name") {
		t.Errorf("complete %v, missing %+v", rep.Complete, rep.Missing)
	}
	if d := reportCase(t, rep, "d"); d.Status != CaseUnreported {
		t.Errorf("d was in the unreadable summary only, so its bundle is unreported now: %+v", d)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "split 1 and 4 ways") {
		t.Errorf("notes %q", rep.Notes)
	}
}

func TestReadReportGood(t *testing.T) {
	out := t.TempDir()
	fakeBundle(t, out, "张三 转错账", "info")
	writeSum(t, out, 0, 2, time.Now(), CaseResult{Name: "张三 转错账", Status: CaseOK, Items: 1, Findings: 1, Infos: 1})
	writeSum(t, out, 1, 2, time.Now())
	rep, err := ReadReport(out)
	if err != nil || !rep.OK() || rep.Totals.Cases != 1 || rep.Totals.Infos != 1 || len(rep.Shards) != 2 {
		t.Fatalf("%v %+v", err, rep)
	}
	if len(rep.Notes) != 0 {
		t.Errorf("notes %q", rep.Notes)
	}
	// An error finding alone makes the report not OK, as it makes the
	// batch exit 1.
	fakeBundle(t, out, "b", "error")
	writeSum(t, out, 1, 2, time.Now(), CaseResult{Name: "b", Status: CaseFindings, Items: 1, Findings: 1, Errors: 1})
	if rep, err = ReadReport(out); err != nil || rep.OK() || rep.Totals.WithFindings != 1 || !rep.Complete || rep.Totals.Failed != 0 {
		t.Fatalf("a case with an error finding: %v %+v", err, rep)
	}
	// Shards that listed ROOT with different numbers of cases: a note.
	s, err := ReadSummary(SummaryPath(out, Shard{1, 2}))
	if err != nil {
		t.Fatal(err)
	}
	s.RootCases = 2
	data, _ := json.Marshal(s)
	mustWrite(t, SummaryPath(out, Shard{1, 2}), data)
	if rep, err = ReadReport(out); err != nil || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "2 and 7 cases") {
		t.Errorf("%v %q", err, rep.Notes)
	}
}

func TestReadReportRefuses(t *testing.T) {
	var ue *UsageError
	if _, err := ReadReport(filepath.Join(t.TempDir(), "nosuch")); !errors.As(err, &ue) || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("a missing OUTROOT: %v, want a UsageError naming it", err)
	}
	empty := t.TempDir()
	mustWrite(t, filepath.Join(empty, SummaryDir, "notes.txt"), nil)
	mustWrite(t, filepath.Join(empty, "x.bundle.zip"), nil)
	if _, err := ReadReport(empty); !errors.As(err, &ue) || !strings.Contains(err.Error(), "no batch results") || ue.Hint == "" {
		t.Errorf("an OUTROOT with no results: %v, want a UsageError", err)
	}
}

func TestParseSummary(t *testing.T) {
	good := `{"format": "casebundle-batch/1", "shard": 1, "shards": 4, "cases": [{"name": "张三", "status": "ok"}]}`
	if s, err := parseSummary([]byte(good)); err != nil || s.Cases[0].Name != "张三" {
		t.Fatalf("%v %+v", err, s)
	}
	bad := map[string]string{
		"not json":      `{"format":`,
		"two documents": good + good,
		"format":        `{"format": "casebundle-batch/9", "shard": 0, "shards": 1}`,
		"shard":         `{"format": "casebundle-batch/1", "shard": 4, "shards": 4}`,
		"no shards":     `{"format": "casebundle-batch/1", "shard": 0, "shards": 0}`,
		"path":          `{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": [{"name": "a/../../b", "status": "ok"}]}`,
		"dot":           `{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": [{"name": "..", "status": "ok"}]}`,
		"twice":         `{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": [{"name": "a", "status": "ok"}, {"name": "a", "status": "ok"}]}`,
		"status":        `{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": [{"name": "a", "status": "done"}]}`,
		"negative":      `{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": [{"name": "a", "status": "ok", "errors": -1}]}`,
	}
	for what, in := range bad {
		if _, err := parseSummary([]byte(in)); err == nil {
			t.Errorf("%s: accepted %s", what, in)
		}
	}
}

// FuzzParseSummary: no summary crashes the reader, and one it accepts
// names only plain case folders of a real shard.
func FuzzParseSummary(f *testing.F) {
	f.Add([]byte(`{"format": "casebundle-batch/1", "shard": 1, "shards": 4, "root_cases": 3, "cases": [{"name": "张三", "status": "ok", "items": 2}]}`))
	f.Add([]byte(`{"format": "casebundle-batch/1", "shard": 0, "shards": 1, "cases": []}`))
	f.Add([]byte(`{"cases": [{"name": "../x"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseSummary(data)
		if err != nil {
			return
		}
		if s.Shard < 0 || s.Shard >= s.Shards || s.Shards > MaxShards {
			t.Fatalf("accepted shard %d of %d", s.Shard, s.Shards)
		}
		for _, c := range s.Cases {
			if !validCaseName(c.Name) || filepath.Base(c.Name) != c.Name || c.Name == ".." {
				t.Fatalf("accepted case name %q", c.Name)
			}
		}
	})
}
