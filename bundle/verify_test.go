package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// invalidBags says why each invalid conformance bag must fail: the kind of
// problem and the file it names (see testdata/bagit/README.md).
var invalidBags = map[string]struct{ kind, file, says string }{
	"bagit-with-invalid-whitespace":              {"malformed", "bagit.txt", "invalid whitespace"},
	"out-of-scope-file-paths-using-dot-notation": {"outside", "manifest-sha256.txt", "../../../README.md"},
	"out-of-scope-absolute-path":                 {"outside", "manifest-sha256.txt", "/etc/hostname"},
	"missing-bagit-txt":                          {"missing", "bagit.txt", "not a BagIt bag"},
	"bagit-txt-with-bom":                         {"malformed", "bagit.txt", "byte-order mark"},
	"bagit-txt-three-lines":                      {"malformed", "bagit.txt", "exactly two"},
	"bagit-txt-without-encoding":                 {"malformed", "bagit.txt", "exactly two"},
	"bagit-txt-unknown-version":                  {"unsupported", "bagit.txt", "9.9"},
	"missing-payload-manifest":                   {"missing", "manifest-sha256.txt", "no payload manifest"},
	"file-missing-from-one-of-two-manifests":     {"extra", "data/test-file.txt", "not listed in manifest-sha256.txt"},
	"payload-file-not-in-manifest":               {"extra", "data/added.txt", "not listed"},
	"manifest-lists-missing-file":                {"missing", "data/test-file.txt", "not in the bag"},
	"checksum-mismatch":                          {"changed", "data/test-file.txt", "has changed"},
	"bad-payload-oxum":                           {"oxum", "bag-info.txt", "Payload-Oxum says 1 bytes in 2 files"},
	"malformed-payload-oxum":                     {"malformed", "bag-info.txt", "not <octets>.<files>"},
	"bag-info-line-without-colon":                {"malformed", "bag-info.txt", "line 2"},
	"bag-info-continuation-without-label":        {"malformed", "bag-info.txt", "no label"},
	"case-only-different-name":                   {"missing", "data/Test-File.txt", "differs only in case"},
	"duplicate-manifest-entry":                   {"duplicate", "data/test-file.txt", "listed twice in manifest-sha256.txt with different checksums"},
	"tag-file-changed":                           {"changed", "bag-info.txt", "has changed"},
	"missing-data-directory":                     {"missing", "data/", "payload folder"},
	"malformed-manifest-line":                    {"malformed", "manifest-sha256.txt", "line 1"},
	"payload-manifest-lists-tag-file":            {"malformed", "manifest-sha256.txt", "not in data/"},
	"fetch-txt-file-not-fetched":                 {"unsupported", "fetch.txt", "does not fetch"},
	// 1.0 only: 0.97 allowed the space (v0.97/valid has the same bag).
	"uncommon-metadata-separators": {"malformed", "bag-info.txt", `"Test-Tag " has invalid whitespace`},
}

// TestConformance runs verify over every bag of testdata/bagit: the valid
// ones pass, the invalid ones fail for the reason their name gives.
func TestConformance(t *testing.T) {
	var valid, invalid, warned int
	for _, version := range []string{"v0.97", "v1.0"} {
		for _, kind := range []string{"valid", "invalid", "warning"} {
			bags, err := os.ReadDir(filepath.Join("testdata", "bagit", version, kind))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bags {
				name := b.Name()
				dir := filepath.Join("testdata", "bagit", version, kind, name)
				t.Run(version+"/"+kind+"/"+name, func(t *testing.T) {
					r, err := Verify(dir)
					if err != nil {
						t.Fatal(err)
					}
					if kind == "valid" {
						valid++
						if !r.OK {
							t.Fatalf("a valid bag failed: %+v", r.Problems)
						}
						if want, ok := validWithWarning[version+"/"+name]; ok && !hasProblem(r.Warnings, want) {
							t.Errorf("want the warning %s %s %q, got %+v", want.kind, want.file, want.says, r.Warnings)
						}
						return
					}
					if kind == "warning" {
						warned++
						if !r.OK {
							t.Fatalf("a bag with warnings only failed: %+v", r.Problems)
						}
						want, ok := warningBags[name]
						if !ok {
							t.Fatalf("no expected warning for %s: add it to warningBags", name)
						}
						if !hasProblem(r.Warnings, want) {
							t.Errorf("want the warning %s %s %q, got %+v", want.kind, want.file, want.says, r.Warnings)
						}
						return
					}
					invalid++
					want, ok := invalidBags[name]
					if !ok {
						t.Fatalf("no expected reason for %s: add it to invalidBags", name)
					}
					if r.OK {
						t.Fatalf("an invalid bag passed")
					}
					for _, p := range r.Problems {
						if p.Problem == want.kind && p.File == want.file && strings.Contains(p.Message, want.says) {
							return
						}
					}
					t.Errorf("want %s %s %q, got %+v", want.kind, want.file, want.says, r.Problems)
				})
			}
		}
	}
	t.Logf("%d valid bags verified, %d invalid bags failed for their reason, %d bags verified with their warning", valid, invalid, warned)
	if valid < 20 || invalid < 40 || warned < 12 {
		t.Errorf("only %d valid, %d invalid and %d warning bags were found", valid, invalid, warned)
	}
}

type wantProblem struct{ kind, file, says string }

func hasProblem(ps []Problem, want wantProblem) bool {
	for _, p := range ps {
		if p.Problem == want.kind && p.File == want.file && strings.Contains(p.Message, want.says) {
			return true
		}
	}
	return false
}

// warningBags: valid bags that bagit-python and bagit-java's linter accept
// with a warning (testdata/bagit/README.md); verify passes each and names
// the file.
var warningBags = map[string]wantProblem{
	"filename-normalization":                                  {"name-collision", "data/caf\u00e9.txt", `"data/cafe\u0301.txt" and "data/caf\u00e9.txt" differ only in case or Unicode form`},
	"same-filename-listed-twice-with-different-normalization": {"normalization", "data/cafe\u0301.txt", "the same name in another Unicode form"},
	"names-differ-only-in-case":                               {"name-collision", "data/test-file.txt", `"data/Test-File.txt" and "data/test-file.txt" differ only in case`},
	"file-listed-twice-same-checksum":                         {"duplicate", "data/test-file.txt", "listed twice in manifest-sha256.txt with the same checksum"},
	"md5sum-binary-mode-manifest":                             {"md5sum-style", "manifest-md5.txt", "binary-mode marker"},
	"special-system-files":                                    {"system-file", "data/.DS_Store", "not in the manifest"},
}

// validWithWarning: valid bags that must still carry a warning.
var validWithWarning = map[string]wantProblem{
	"v0.97/uncommon-metadata-separators": {"separator", "bag-info.txt", `"Test-Tag " has space before its colon, which BagIt 0.97 allows and 1.0 does not`},
}

// TestVerifyZipAndChinesePath: a bundle under a Chinese path, its --zip,
// and a zip made by the stock zip tool all verify; the zip is the same
// bytes build after build; a flipped byte inside the zip is named.
func TestVerifyZipAndChinesePath(t *testing.T) {
	dir := writeCase(t, 2)
	parent := filepath.Join(t.TempDir(), "证据包 目录")
	var zips [][]byte
	for _, n := range []string{"一", "二"} {
		out := filepath.Join(parent, n, "案件.bundle")
		if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow, Zip: true}); err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{out, ZipPath(out)} {
			if r, err := Verify(target); err != nil || !r.OK {
				t.Fatalf("verify %s: %v %+v", target, err, r)
			}
		}
		z, err := os.ReadFile(ZipPath(out))
		if err != nil {
			t.Fatal(err)
		}
		zips = append(zips, z)
		if left, _ := filepath.Glob(filepath.Join(parent, n, ".*tmp-*")); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
	if !bytes.Equal(zips[0], zips[1]) {
		t.Errorf("two builds of the same case at the same time gave different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(zips[0]), int64(len(zips[0])))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		if f.Method != zip.Store || !f.Modified.Equal(testNow) || !strings.HasPrefix(f.Name, "案件.bundle/") || i > 0 && f.Name < zr.File[i-1].Name {
			t.Errorf("entry %s: method %d, time %v", f.Name, f.Method, f.Modified)
		}
	}
	// A zip made by Info-ZIP of the folder verifies too.
	if _, err := exec.LookPath("zip"); err == nil {
		cmd := exec.Command("zip", "-qr", "../other.zip", "案件.bundle")
		cmd.Dir = filepath.Join(parent, "一")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("zip: %v %s", err, b)
		}
		if r, err := Verify(filepath.Join(parent, "other.zip")); err != nil || !r.OK {
			t.Errorf("verify a zip made by zip(1): %v %+v", err, r)
		}
	}
	// Tamper inside the zip: the stored payload is the file's bytes.
	bad := bytes.Clone(zips[0])
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "屏幕截图 A.png") {
			off, _ := f.DataOffset()
			bad[off+100] ^= 1
		}
	}
	p := filepath.Join(parent, "bad.zip")
	os.WriteFile(p, bad, 0o644)
	r, err := Verify(p)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK || !names(r, "data/截图/屏幕截图 A.png") {
		t.Errorf("a changed file inside the zip: %+v", r.Problems)
	}
}

// TestTamperingStamped: on a bundle with a trusted timestamp, flip a byte
// of every file, delete, add, edit bag-info.txt: each is caught and named.
func TestTamperingStamped(t *testing.T) {
	dir := writeCase(t, 2)
	tsa := goTSA(t)
	good := filepath.Join(t.TempDir(), "good")
	if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: good, Now: testNow, Stamp: NewTSAClient(tsa.URL)}); err != nil {
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
	if len(files) < 9 {
		t.Fatalf("only %v", files)
	}
	type tamper struct {
		name, naming string
		do           func(b string) error
	}
	var cases []tamper
	for _, f := range files {
		for _, at := range []string{"first", "middle", "last"} {
			f, at := f, at
			cases = append(cases, tamper{"flip the " + at + " byte of " + f, f, func(b string) error {
				p := filepath.Join(b, filepath.FromSlash(f))
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				i := map[string]int{"first": 0, "middle": len(data) / 2, "last": len(data) - 1}[at]
				data[i] ^= 0x20
				return os.WriteFile(p, data, 0o644)
			}})
		}
		f := f
		cases = append(cases, tamper{"delete " + f, f, func(b string) error { return os.Remove(filepath.Join(b, filepath.FromSlash(f))) }})
	}
	cases = append(cases,
		tamper{"add a payload file", "data/new.txt", func(b string) error { return os.WriteFile(filepath.Join(b, "data", "new.txt"), []byte("x"), 0o644) }},
		tamper{"add a tag file", "fetch.txt", func(b string) error {
			return os.WriteFile(filepath.Join(b, "fetch.txt"), []byte("https://example.org/x 1 data/x\n"), 0o644)
		}},
		tamper{"edit bag-info.txt", "bag-info.txt", func(b string) error {
			p := filepath.Join(b, "bag-info.txt")
			data, _ := os.ReadFile(p)
			return os.WriteFile(p, bytes.Replace(data, []byte("Bagging-Date: 2025"), []byte("Bagging-Date: 2024"), 1), 0o644)
		}},
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
			r, err := VerifyWith(b, VerifyOptions{CAFile: tsa.CAFile})
			if err != nil {
				t.Fatal(err)
			}
			if r.OK || !names(r, tc.naming) {
				t.Errorf("not caught or %s not named: %+v", tc.naming, r.Problems)
			}
		})
	}
}

// TestKilledBuild kills a build (this test binary re-run as a child that
// builds) at several moments: the destination is either absent or a
// bundle that verifies, the case folder is untouched, and only hidden
// temporary folders may remain.
func TestKilledBuild(t *testing.T) {
	if dir := os.Getenv("CASEBUNDLE_KILL_CHILD_CASE"); dir != "" {
		if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: os.Getenv("CASEBUNDLE_KILL_CHILD_OUT"), Now: testNow, Zip: true}); err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("builds a 40-screenshot case several times")
	}
	dir := writeCase(t, 40)
	before := snapshot(t, dir)
	for _, after := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond, 700 * time.Millisecond, 1500 * time.Millisecond, 4 * time.Second} {
		parent := t.TempDir()
		out := filepath.Join(parent, "b")
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuild$")
		cmd.Env = append(os.Environ(), "CASEBUNDLE_KILL_CHILD_CASE="+dir, "CASEBUNDLE_KILL_CHILD_OUT="+out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()
		entries, _ := os.ReadDir(parent)
		state := "absent"
		for _, e := range entries {
			switch {
			case e.Name() == "b":
				state = "bundle"
				if r, err := Verify(out); err != nil || !r.OK {
					t.Errorf("killed after %v: the bundle at the destination does not verify: %v %+v", after, err, r)
				}
			case e.Name() == "b.zip":
				if r, err := Verify(out + ".zip"); err != nil || !r.OK {
					t.Errorf("killed after %v: b.zip does not verify: %v %+v", after, err, r)
				}
			case strings.HasPrefix(e.Name(), ".b.tmp-") || strings.HasPrefix(e.Name(), ".b.zip.tmp-"):
			default:
				t.Errorf("killed after %v: unexpected %s", after, e.Name())
			}
		}
		t.Logf("killed after %v: destination %s, %d entries", after, state, len(entries))
		if snapshot(t, dir) != before {
			t.Fatalf("killed after %v: the case folder changed", after)
		}
	}
}
