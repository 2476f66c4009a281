package bundle

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// TestHostileNames builds a case of awkward names and non-files: GBK bytes,
// a newline and a % in names, emoji, NFD, deep nesting, a symlink out of the
// folder, a symlink loop and a named pipe. Every file is kept byte for byte,
// nothing outside the folder is copied, the pipe is never opened, and the
// bundle verifies.
func TestHostileNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "case")
	outside := filepath.Join(t.TempDir(), "secret.txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(outside, []byte("not evidence"), 0o644))
	names := map[string]string{
		"gbk\xd6\xd0\xce\xc4.txt":             "gbk",
		"a\nb.txt":                            "newline",
		"50%.txt":                             "percent",
		"😀 emoji.txt":                         "emoji",
		"cafe\u0301.txt":                      "nfd",
		strings.Repeat("d/", 60) + "deep.txt": "deep",
	}
	for n, content := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		must(os.MkdirAll(filepath.Dir(p), 0o755))
		must(os.WriteFile(p, []byte(content), 0o644))
	}
	png, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(1, 60, 120))
	must(err)
	must(os.WriteFile(filepath.Join(dir, "good.png"), png, 0o644))
	must(os.Symlink(outside, filepath.Join(dir, "link.txt")))
	must(os.Symlink("loop2", filepath.Join(dir, "loop1")))
	must(os.Symlink("loop1", filepath.Join(dir, "loop2")))
	must(syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644))

	out := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow})
	must(err)
	if got, want := len(res.Manifest.Items), len(names)+1; got != want {
		t.Errorf("%d items, want %d", got, want)
	}
	for n, content := range names {
		data, err := os.ReadFile(filepath.Join(out, "data", filepath.FromSlash(n)))
		if err != nil || string(data) != content {
			t.Errorf("%q: copy %q, %v", n, data, err)
		}
	}
	for _, n := range []string{"link.txt", "loop1", "loop2", "pipe"} {
		if _, err := os.Lstat(filepath.Join(out, "data", n)); err == nil {
			t.Errorf("%s was copied into the bundle", n)
		}
	}
	codes := map[string]string{}
	for _, f := range res.Analysis.AllFindings() {
		codes[f.File] += f.Code + " "
	}
	for file, code := range map[string]string{"link.txt": "symlink_skipped", "loop1": "symlink_skipped", "pipe": "not_regular_file", "gbk\xd6\xd0\xce\xc4.txt": "name_not_utf8"} {
		if !strings.Contains(codes[file], code) {
			t.Errorf("%q: findings %q, want %s", file, codes[file], code)
		}
	}
	if r, err := Verify(out); err != nil || !r.OK {
		t.Fatalf("verify: %v %+v", err, r)
	}
	// sha256sum reads every line but the percent-encoded ones (BagIt
	// encodes CR, LF and %), as the README says.
	cmd := exec.Command("sha256sum", "-c", "manifest-sha256.txt")
	cmd.Dir = out
	b, _ := cmd.CombinedOutput()
	if n := strings.Count(string(b), ": OK"); n != len(names)+1-2 {
		t.Errorf("sha256sum accepted %d lines, want %d:\n%s", n, len(names)-1, b)
	}
}
