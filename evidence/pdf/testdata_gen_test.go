package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGenerateTestdata rewrites testdata/*.pdf when PDF_GEN_TESTDATA is set
// (needs qpdf): a two-page gofpdf file with CJK text, the same file
// encrypted five ways by qpdf, and with object streams. The files are
// committed so that the tests of encryption and cross-reference streams
// run without qpdf.
func TestGenerateTestdata(t *testing.T) {
	if os.Getenv("PDF_GEN_TESTDATA") == "" {
		t.Skip("set PDF_GEN_TESTDATA=1 to rewrite testdata (needs qpdf)")
	}
	qpdf := tool(t, "qpdf")
	plain := filepath.Join("testdata", "plain.pdf")
	if err := os.WriteFile(plain, makePDF(t, [][]textLine{sampleLines, {{30, 100, 12, false, "第二页 收款方 李四"}}}), 0o644); err != nil {
		t.Fatal(err)
	}
	for out, args := range map[string][]string{
		"enc-rc4-40.pdf":  {"--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"},
		"enc-rc4-128.pdf": {"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"},
		"enc-aes-128.pdf": {"--encrypt", "", "owner", "128", "--use-aes=y", "--"},
		"enc-aes-256.pdf": {"--encrypt", "", "owner", "256", "--"},
		"enc-user-pw.pdf": {"--encrypt", "secret", "owner", "256", "--"},
		"objstm.pdf":      {"--object-streams=generate"},
	} {
		// qpdf refuses a deterministic ID with encryption; the files are
		// written once and committed, so their IDs need not be stable.
		a := append([]string{"--static-aes-iv"}, args...)
		if out == "objstm.pdf" {
			a = append([]string{"--deterministic-id"}, args...)
		}
		a = append(a, plain, filepath.Join("testdata", out))
		if b, err := exec.Command(qpdf, a...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf %q: %v\n%s", a, err, b)
		}
	}
}
