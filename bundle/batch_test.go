package bundle

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

type countProgress struct{ n atomic.Int64 }

func (c *countProgress) Add(n int) { c.n.Add(int64(n)) }

// writeBatch makes a batch root of n small cases (one tiny screenshot and a
// case.yaml each), with a dot-folder and a loose file that are not cases.
// Case broken has a truncated screenshot; case badyaml an unknown key.
func writeBatch(t *testing.T, n int, broken, badyaml string) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "cases")
	for i := range n {
		dir := filepath.Join(root, fmt.Sprintf("case-%02d", i+1))
		png, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(i, 24, 40))
		if err != nil {
			t.Fatal(err)
		}
		yaml := fmt.Sprintf("title: 案件%d\nnarrative: 转错了账。\n", i+1)
		switch filepath.Base(dir) {
		case broken:
			png = png[:len(png)/2]
		case badyaml:
			yaml += "colour: red\n"
		}
		mustWrite(t, filepath.Join(dir, "截图 1.png"), png)
		mustWrite(t, filepath.Join(dir, CaseFile), []byte(yaml))
	}
	mustWrite(t, filepath.Join(root, ".trash", "x.png"), []byte("not a case"))
	mustWrite(t, filepath.Join(root, "README.txt"), []byte("not a case either"))
	return root
}

func mustWrite(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func statuses(res *BatchResult) map[CaseStatus][]string {
	m := map[CaseStatus][]string{}
	for _, c := range res.Cases {
		m[c.Status] = append(m[c.Status], c.Name)
	}
	return m
}

// outEntries lists OUTROOT: bundles only, no temporary folders left over.
// The summary folder is checked apart: it must hold the one summary of
// the whole batch and no temporary file.
func outEntries(t *testing.T, out string) []string {
	t.Helper()
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if e.Name() == SummaryDir {
			sums, err := os.ReadDir(filepath.Join(out, SummaryDir))
			if err != nil || len(sums) != 1 || sums[0].Name() != "shard-0-of-1.json" {
				t.Errorf("%s holds %v (%v), want only shard-0-of-1.json", SummaryDir, sums, err)
			}
			continue
		}
		names = append(names, e.Name())
	}
	return names
}

func TestBatch(t *testing.T) {
	root := writeBatch(t, 40, "case-07", "case-13")
	out := filepath.Join(t.TempDir(), "bundles")
	ctx := context.Background()
	prog := &countProgress{}
	opt := BatchOptions{Out: out, Jobs: 4, Build: Options{OCR: OCROff, Now: testNow}, Progress: prog}

	res, err := Batch(ctx, root, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cases) != 40 || prog.n.Load() != 40 {
		t.Fatalf("%d cases, %d progress steps; want 40 of each (dot-folders and files are not cases)", len(res.Cases), prog.n.Load())
	}
	st := statuses(res)
	if res.Failed != 1 || len(st[CaseFailed]) != 1 || st[CaseFailed][0] != "case-13" {
		t.Fatalf("failed cases %v (count %d), want [case-13]", st[CaseFailed], res.Failed)
	}
	if res.WithFindings != 1 || len(st[CaseFindings]) != 1 || st[CaseFindings][0] != "case-07" || len(st[CaseOK]) != 38 {
		t.Fatalf("statuses %v", st)
	}
	for _, c := range res.Cases {
		switch c.Name {
		case "case-13":
			if !strings.Contains(c.Error, CaseFile) || !strings.Contains(c.Error, `"colour"`) || c.Hint == "" {
				t.Errorf("the failed case's reason does not name case.yaml and the key: %+v", c)
			}
			if _, err := os.Stat(c.Bundle); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed case left %s behind", c.Bundle)
			}
		case "case-07":
			if c.Errors < 1 || c.Items != 1 || c.Error != "" {
				t.Errorf("the truncated screenshot is not an error finding: %+v", c)
			}
		default:
			if c.Items != 1 || c.Errors != 0 || c.Bundle != filepath.Join(out, c.Name+".bundle") {
				t.Errorf("%+v", c)
			}
		}
	}
	if names := outEntries(t, out); len(names) != 39 {
		t.Fatalf("%d entries in the output folder, want 39 bundles: %v", len(names), names)
	}
	rep, err := Verify(filepath.Join(out, "case-07.bundle"))
	if err != nil || !rep.OK {
		t.Fatalf("the bundle with a finding does not verify: %v %+v", err, rep)
	}

	// A rerun keeps every bundle that verifies and tries the failed case
	// again.
	before, err := os.Stat(filepath.Join(out, "case-01.bundle", "dossier.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	res, err = Batch(ctx, root, opt)
	if err != nil {
		t.Fatal(err)
	}
	st = statuses(res)
	if len(st[CaseSkipped]) != 39 || len(st[CaseFailed]) != 1 || res.WithFindings != 0 {
		t.Fatalf("rerun: statuses %v", st)
	}
	for _, c := range res.Cases {
		if c.Name == "case-07" && (c.Items != 1 || c.Errors < 1) {
			t.Errorf("a skipped case reports no items or findings: %+v", c)
		}
	}
	after, err := os.Stat(filepath.Join(out, "case-01.bundle", "dossier.pdf"))
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("a skipped case was rebuilt: %v", err)
	}

	if names := outEntries(t, out); len(names) != 39 {
		t.Fatalf("after the rerun: %d entries in the output folder, want 39 bundles: %v", len(names), names)
	}
}

// TestBatchForce: a bundle that does not verify is kept and its case fails;
// --force rebuilds every case, and a rebuild that fails keeps the old
// bundle.
func TestBatchForce(t *testing.T) {
	root := writeBatch(t, 3, "", "")
	out := filepath.Join(t.TempDir(), "bundles")
	ctx := context.Background()
	opt := BatchOptions{Out: out, Jobs: 2, Build: Options{OCR: OCROff, Now: testNow}}
	if res, err := Batch(ctx, root, opt); err != nil || res.Failed != 0 {
		t.Fatalf("%v %+v", err, res)
	}
	tampered := filepath.Join(out, "case-02.bundle", "data", "截图 1.png")
	if err := os.WriteFile(tampered, []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Batch(ctx, root, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := statuses(res); strings.Join(st[CaseFailed], ",") != "case-02" || len(st[CaseSkipped]) != 2 ||
		!strings.Contains(res.Cases[1].Error, "does not verify") || !strings.Contains(res.Cases[1].Hint, "--force") {
		t.Fatalf("a bundle that does not verify: %+v", res.Cases)
	}
	if b, _ := os.ReadFile(tampered); string(b) != "changed" {
		t.Fatal("the bundle that does not verify was replaced without --force")
	}

	stat := func(name string) os.FileInfo {
		t.Helper()
		st, err := os.Stat(filepath.Join(out, name+".bundle", "dossier.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	old1, old3 := stat("case-01"), stat("case-03")
	mustWrite(t, filepath.Join(root, "case-03", CaseFile), []byte("title: [unclosed\n"))
	opt.Force = true
	res, err = Batch(ctx, root, opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := statuses(res); strings.Join(st[CaseOK], ",") != "case-01,case-02" || strings.Join(st[CaseFailed], ",") != "case-03" {
		t.Fatalf("--force: statuses %v", st)
	}
	if os.SameFile(old1, stat("case-01")) {
		t.Error("--force did not rebuild case-01")
	}
	if !os.SameFile(old3, stat("case-03")) {
		t.Error("a failed rebuild did not keep the old bundle")
	}
	for _, name := range []string{"case-01", "case-02", "case-03"} {
		if rep, err := Verify(filepath.Join(out, name+".bundle")); err != nil || !rep.OK {
			t.Errorf("%s after --force: %v %+v", name, err, rep)
		}
	}
	if names := outEntries(t, out); len(names) != 3 {
		t.Fatalf("after --force: %d entries in the output folder, want 3 bundles: %v", len(names), names)
	}
}

func TestBatchRefuses(t *testing.T) {
	root := writeBatch(t, 1, "", "")
	ctx := context.Background()
	var ue *UsageError
	if _, err := Batch(ctx, root, BatchOptions{Out: filepath.Join(root, "out")}); !errors.As(err, &ue) {
		t.Errorf("an output folder inside ROOT: %v, want a UsageError", err)
	}
	empty := t.TempDir()
	if _, err := Batch(ctx, empty, BatchOptions{Out: filepath.Join(t.TempDir(), "o")}); !errors.As(err, &ue) {
		t.Errorf("a ROOT without case folders: %v, want a UsageError", err)
	}
	if _, err := Batch(ctx, filepath.Join(root, "nosuch"), BatchOptions{Out: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("a missing ROOT: %v", err)
	}
}
