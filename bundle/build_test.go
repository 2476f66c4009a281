package bundle

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/samplegen"
)

var testNow = time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)

// writeCase makes a case folder with n same-width screenshots (the gofpdf
// byte-order trap), Chinese names with spaces, and a case.yaml.
func writeCase(t testing.TB, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "案件 一")
	for i := 0; i < n; i++ {
		b, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(i, 390, 844))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, "截图", "屏幕截图 "+string(rune('A'+i))+".png")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yaml := `title: 微信转错账追回
purpose: civil
claimant: {name: 李明}
respondent: {name: 张三}
narrative: 转错了账。
transactions:
  - id: "4200002345202511031234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.00
    direction: out
    counterparty: 张三
    disputed: true
  - id: "4200002345202511031234567891"
    time: 2025-11-03T14:07:00+08:00
    amount: 0.10
    direction: out
    counterparty: 张三
    disputed: true
items:
  截图/屏幕截图 B.png: {title: 转账成功截图, proves: 已转账}
`
	if err := os.WriteFile(filepath.Join(dir, CaseFile), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBuildDeterministic(t *testing.T) {
	dir := writeCase(t, 6)
	out := t.TempDir()
	var first map[string][]byte
	for run := 0; run < 3; run++ {
		res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(out, "b"+string(rune('0'+run))), Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, n := range []string{"dossier.pdf", "manifest.json", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"} {
			b, err := os.ReadFile(filepath.Join(res.Bundle, n))
			if err != nil {
				t.Fatal(err)
			}
			files[n] = b
		}
		if first == nil {
			first = files
			continue
		}
		for n, b := range files {
			if !bytes.Equal(b, first[n]) {
				t.Errorf("run %d: %s differs from run 0", run, n)
			}
		}
	}
}

func TestBuildBundle(t *testing.T) {
	dir := writeCase(t, 3)
	before := snapshot(t, dir)
	out := filepath.Join(t.TempDir(), "out.bundle")
	res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, dir); after != before {
		t.Fatalf("the case folder changed during the build")
	}
	m := res.Manifest
	if m.Totals.Loss.String() != "5000.10" {
		t.Errorf("loss %s, want 5000.10", m.Totals.Loss)
	}
	// Exhibit 1 is the file named first under items:.
	if m.Items[0].Path != "data/截图/屏幕截图 B.png" || m.Items[0].Title != "转账成功截图" {
		t.Errorf("exhibit 1: %+v", m.Items[0])
	}
	for _, it := range m.Items {
		if it.Volume != 1 || it.Pages[0] < 1 || it.Pages[1] < it.Pages[0] || it.Pages[1] > m.Dossier.Pages[0] {
			t.Errorf("exhibit %d pages %v of %d", it.Exhibit, it.Pages, m.Dossier.Pages[0])
		}
	}
	// manifest.json keys in the order of bundle/doc.go (docs/design.md#manifestjson).
	raw, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	if got := strings.Join(keys, ","); got != "format,case,generated,software,manifest_sha256,timestamp,dossier,items,transactions,checklist,totals,findings" {
		t.Errorf("manifest.json keys: %s", got)
	}
	// Stock sha256sum agrees with both manifests.
	for _, mf := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command("sha256sum", "--strict", "-c", mf)
		cmd.Dir = out
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c %s: %v\n%s", mf, err, b)
		}
	}
	r, err := Verify(out)
	if err != nil || !r.OK {
		t.Fatalf("verify: %v %+v", err, r)
	}
	// The bundle is never overwritten.
	if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second build into the same folder: %v", err)
	}
	// Nor written inside the case folder.
	if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(dir, "x.bundle"), Now: testNow}); err == nil {
		t.Errorf("a bundle inside the case folder was allowed")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		b.WriteString(p + info.ModTime().String() + string(data))
		return nil
	})
	return b.String()
}

func TestVerifyTampering(t *testing.T) {
	dir := writeCase(t, 2)
	good := filepath.Join(t.TempDir(), "good")
	if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: good, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.Walk(good, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(good, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	type tamper struct {
		name   string
		do     func(b string) error
		naming string // the file the report must name
	}
	var cases []tamper
	for _, f := range files {
		f := f
		cases = append(cases, tamper{"flip a byte of " + f, func(b string) error {
			p := filepath.Join(b, filepath.FromSlash(f))
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			data[len(data)/2] ^= 0x01
			return os.WriteFile(p, data, 0o644)
		}, f})
	}
	cases = append(cases,
		tamper{"delete a payload file", func(b string) error { return os.Remove(filepath.Join(b, "data", "截图", "屏幕截图 A.png")) }, "data/截图/屏幕截图 A.png"},
		tamper{"add a payload file", func(b string) error { return os.WriteFile(filepath.Join(b, "data", "new.txt"), []byte("x"), 0o644) }, "data/new.txt"},
		tamper{"add a tag file", func(b string) error { return os.WriteFile(filepath.Join(b, "notes.txt"), []byte("x"), 0o644) }, "notes.txt"},
		tamper{"edit bag-info.txt", func(b string) error {
			p := filepath.Join(b, "bag-info.txt")
			data, _ := os.ReadFile(p)
			return os.WriteFile(p, bytes.Replace(data, []byte("Payload-Oxum: "), []byte("Payload-Oxum: 1"), 1), 0o644)
		}, "bag-info.txt"},
	)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := filepath.Join(t.TempDir(), "b")
			if err := exec.Command("cp", "-a", good, b).Run(); err != nil {
				t.Fatal(err)
			}
			if err := tc.do(b); err != nil {
				t.Fatal(err)
			}
			r, err := Verify(b)
			if err != nil {
				t.Fatal(err)
			}
			if r.OK {
				t.Fatalf("verify passed a tampered bundle")
			}
			named := false
			for _, p := range r.Problems {
				named = named || p.File == tc.naming || strings.Contains(p.Message, tc.naming)
			}
			if !named {
				t.Errorf("no problem names %s: %+v", tc.naming, r.Problems)
			}
		})
	}
}

func TestEncodePath(t *testing.T) {
	for in, want := range map[string]string{"data/a b.png": "data/a b.png", "data/50%.png": "data/50%25.png", "data/a\nb": "data/a%0Ab", "data/a\rb": "data/a%0Db"} {
		if got := EncodePath(in); got != want {
			t.Errorf("EncodePath(%q) = %q, want %q", in, got, want)
		}
		if back := DecodePath(want); back != in {
			t.Errorf("DecodePath(%q) = %q, want %q", want, back, in)
		}
	}
}
