package bundle

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// TestShardOfGolden pins the assignment to numbers computed outside Go,
// with sha256sum as ShardOf's comment shows (the first 16 hex digits mod
// N): shards of two versions must agree on every case.
func TestShardOfGolden(t *testing.T) {
	tests := []struct {
		name       string
		mod4, mod7 int
	}{
		{"case-01", 3, 6},                 // 2d94d63ab3bdd167
		{"张三 转错账", 1, 4},                  // 39ba9ab64dedfa7d
		{"Zhang San", 0, 0},               // 6abf2578727b07c8
		{"caf\u00e9", 1, 6},               // 850f7dc43910ff89, NFC
		{"cafe\u0301", 1, 6},              // the same name in NFD, as macOS spells it
		{norm.NFD.String("张三 转错账"), 1, 4}, // NFD of Han is itself
	}
	for _, tt := range tests {
		if got := ShardOf(tt.name, 4); got != tt.mod4 {
			t.Errorf("ShardOf(%q, 4) = %d, want %d", tt.name, got, tt.mod4)
		}
		if got := ShardOf(tt.name, 7); got != tt.mod7 {
			t.Errorf("ShardOf(%q, 7) = %d, want %d", tt.name, got, tt.mod7)
		}
		if got := ShardOf(tt.name, 1); got != 0 {
			t.Errorf("ShardOf(%q, 1) = %d, want 0", tt.name, got)
		}
	}
}

// randomName makes a case folder name of the kinds operators have: Latin,
// Chinese, spaces, digits, accents in NFC or NFD, and arbitrary runes.
func randomName(r *rand.Rand) string {
	pools := [][]rune{
		[]rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
		[]rune("张三李四王五转错账被骗退款微信支付宝银行案件证据二〇二五年"),
		[]rune(" 　"), // a space and an ideographic space
		[]rune("éèüñçåøÅÉ"),
	}
	n := 1 + r.IntN(24)
	var b strings.Builder
	for range n {
		if r.IntN(20) == 0 {
			b.WriteRune(rune(0x20 + r.IntN(0x2FFFF)))
			continue
		}
		p := pools[r.IntN(len(pools))]
		b.WriteRune(p[r.IntN(len(p))])
	}
	s := b.String()
	if r.IntN(2) == 0 {
		s = norm.NFD.String(s)
	}
	return s
}

// TestShardPartition: for many names and many N, exactly one shard of N
// has each name, the NFC and NFD spellings of a name fall in the same
// shard, and the shards are of about equal size.
func TestShardPartition(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 4))
	names := make([]string, 2000)
	for i := range names {
		names[i] = randomName(r)
	}
	for _, n := range []int{1, 2, 3, 4, 7, 16, MaxShards} {
		sizes := make([]int, min(n, 100))
		for _, name := range names {
			owners := 0
			k := -1
			// Every shard is asked, so a name that two shards (or none)
			// claim is caught; for the largest N only a window around
			// the owner, which is then checked to be the only one.
			lo, hi := 0, n
			if n > 100 {
				k = ShardOf(name, n)
				lo, hi = max(0, k-20), min(n, k+20)
				if k < 0 || k >= n {
					t.Fatalf("ShardOf(%q, %d) = %d, out of range", name, n, k)
				}
			}
			for kk := lo; kk < hi; kk++ {
				if (Shard{kk, n}).Has(name) {
					owners++
					k = kk
				}
			}
			if owners != 1 {
				t.Fatalf("%q belongs to %d of %d shards, want exactly 1", name, owners, n)
			}
			for _, form := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC} {
				alt := form.String(name)
				if form == norm.NFKC && norm.NFC.String(alt) != norm.NFC.String(name) {
					continue // NFKC changes some names (the ideographic space): another name
				}
				if got := ShardOf(alt, n); got != k {
					t.Fatalf("%q in %v is in shard %d of %d, its other spelling in %d", name, form, got, n, k)
				}
			}
			if n <= 100 {
				sizes[k]++
			}
		}
		if n >= 2 && n <= 16 {
			want := len(names) / n
			for k, got := range sizes {
				if got < want*3/4 || got > want*5/4 {
					t.Errorf("shard %d of %d holds %d of %d names, want about %d", k, n, got, len(names), want)
				}
			}
		}
	}
}

func TestShardValidate(t *testing.T) {
	tests := []struct {
		s    Shard
		want string // "" valid, else a part of the message
	}{
		{Shard{}, ""},
		{Shard{0, 1}, ""},
		{Shard{3, 4}, ""},
		{Shard{MaxShards - 1, MaxShards}, ""},
		{Shard{4, 4}, "must be 0 to 3"},
		{Shard{-1, 4}, "must be 0 to 3"},
		{Shard{0, -2}, "must be 1 to"},
		{Shard{1, 0}, "must be 1 to"},
		{Shard{0, MaxShards + 1}, "must be 1 to"},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		var ue *UsageError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%v: %v, want valid", tt.s, err)
		case tt.want != "" && (!errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) || ue.Hint == ""):
			t.Errorf("%v: %v, want a UsageError with a hint saying %q", tt.s, err, tt.want)
		}
	}
}

// readTree maps every file under dir, except the summaries, to its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel == SummaryDir {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBatchShardsUnion runs four shards at once over one root into one
// output folder, and the unsharded batch into another: every case is
// built by exactly one shard, the one ShardOf names, and the two output
// folders are the same case for case and byte for byte.
func TestBatchShardsUnion(t *testing.T) {
	root := writeBatch(t, 10, "case-05", "case-09")
	// Names that are not ASCII, in NFD as a Mac writes them.
	for i, name := range []string{"张三 转错账", norm.NFD.String("Café 退款")} {
		mustWrite(t, filepath.Join(root, name, "截图.png"), mustPNG(t, 30+i))
	}
	ctx := context.Background()
	sharded := filepath.Join(t.TempDir(), "sharded")
	whole := filepath.Join(t.TempDir(), "whole")
	const n = 4

	results := make([]*BatchResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() {
			results[k], errs[k] = Batch(ctx, root, BatchOptions{Out: sharded, Jobs: 1, Shard: Shard{k, n}, Build: Options{OCR: OCROff, Now: testNow}})
		})
	}
	wg.Wait()
	ref, err := Batch(ctx, root, BatchOptions{Out: whole, Jobs: 2, Build: Options{OCR: OCROff, Now: testNow}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Cases) != 12 || ref.Failed != 1 || ref.WithFindings != 1 {
		t.Fatalf("the unsharded batch: %d cases, %d failed, %d with findings; want 12, 1, 1", len(ref.Cases), ref.Failed, ref.WithFindings)
	}

	builtBy := map[string][]int{}
	union := map[string]CaseResult{}
	for k, res := range results {
		if errs[k] != nil {
			t.Fatalf("shard %d: %v", k, errs[k])
		}
		if res.Shard != k || res.Shards != n || res.RootCases != 12 {
			t.Errorf("shard %d says it is %d/%d of %d cases", k, res.Shard, res.Shards, res.RootCases)
		}
		sum, err := ReadSummary(SummaryPath(sharded, Shard{k, n}))
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Cases) != len(res.Cases) || sum.Generated != "2025-11-20T02:00:00Z" {
			t.Errorf("the summary of shard %d: %d cases at %s, the run had %d", k, len(sum.Cases), sum.Generated, len(res.Cases))
		}
		for _, c := range sum.Cases {
			builtBy[c.Name] = append(builtBy[c.Name], k)
			if c.Status == CaseSkipped {
				t.Errorf("shard %d skipped %s: another shard built it first", k, c.Name)
			}
			if want := ShardOf(c.Name, n); want != k {
				t.Errorf("%s was built by shard %d, ShardOf says %d", c.Name, k, want)
			}
			c.Bundle = ""
			union[c.Name] = c
		}
	}
	for name, ks := range builtBy {
		if len(ks) != 1 {
			t.Errorf("%s was built by shards %v, want exactly one", name, ks)
		}
	}
	used := 0
	for _, res := range results {
		if len(res.Cases) > 0 {
			used++
		}
	}
	if used < 3 {
		t.Errorf("only %d of 4 shards got a case: the test would not show two shards working at once", used)
	}
	for _, c := range ref.Cases {
		got, ok := union[c.Name]
		c.Bundle = ""
		if !ok || got != c {
			t.Errorf("case %s: sharded %+v, unsharded %+v", c.Name, got, c)
		}
		delete(union, c.Name)
	}
	if len(union) != 0 {
		t.Errorf("the shards built cases the unsharded batch does not have: %v", union)
	}

	a, b := readTree(t, sharded), readTree(t, whole)
	if len(a) != len(b) || len(a) < 11*6 {
		t.Errorf("%d files from the shards, %d unsharded", len(a), len(b))
	}
	paths := make([]string, 0, len(a))
	for p := range a {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if y, ok := b[p]; !ok {
			t.Errorf("%s: only in the sharded output", p)
		} else if !bytes.Equal(a[p], y) {
			t.Errorf("%s differs between the sharded and the unsharded output", p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s: only in the unsharded output", p)
		}
	}

	// report reads the same cases and totals from both.
	ra, err := ReadReport(sharded)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := ReadReport(whole)
	if err != nil {
		t.Fatal(err)
	}
	if !ra.Complete || len(ra.Shards) != n || len(ra.Missing) != 0 || ra.Totals != rb.Totals || ra.Totals.Cases != 12 || ra.Totals.Failed != 1 {
		t.Errorf("report of the shards: complete %v, %d shards, missing %v, totals %+v; unsharded totals %+v",
			ra.Complete, len(ra.Shards), ra.Missing, ra.Totals, rb.Totals)
	}

	// A rerun of one shard skips its cases and touches no other shard's.
	again, err := Batch(ctx, root, BatchOptions{Out: sharded, Jobs: 1, Shard: Shard{2, n}, Build: Options{OCR: OCROff, Now: testNow}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range again.Cases {
		if c.Status != CaseSkipped && c.Status != CaseFailed {
			t.Errorf("rerun of shard 2: %s is %s, want skipped", c.Name, c.Status)
		}
	}
}

func mustPNG(t *testing.T, i int) []byte {
	t.Helper()
	b, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(i, 24, 40))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
