package bundle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/testtsa"
)

// TestStampAndVerify builds with each throwaway TSA and checks what was
// stored three ways: casebundle's verify (with and without the CA),
// `openssl ts -verify` as the dossier prints it, and manifest.json.
func TestStampAndVerify(t *testing.T) {
	dir := writeCase(t, 2)
	other := goTSA(t) // a CA the tokens do not chain to
	for _, tsa := range testTSAs(t) {
		t.Run(tsa.Kind, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "盖章 bundle")
			res, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow, Stamp: NewTSAClient(tsa.URL), Zip: true})
			if err != nil {
				t.Fatal(err)
			}
			ts := res.Manifest.Timestamp
			if ts == nil || ts.TSA != tsa.URL || ts.HashAlgorithm != "sha256" || ts.Serial == "" || ts.Policy != testtsa.Policy.String() {
				t.Fatalf("manifest.json timestamp: %+v", ts)
			}
			gt, err := time.Parse(time.RFC3339Nano, ts.GenTime)
			if err != nil || gt.Location() != time.UTC || time.Since(gt) > time.Hour || time.Until(gt) > time.Hour {
				t.Errorf("gen_time %q is not a recent RFC 3339 UTC time: %v", ts.GenTime, err)
			}
			manifest, _ := os.ReadFile(filepath.Join(out, "manifest-sha256.txt"))
			sum := sha256.Sum256(manifest)
			if res.Manifest.ManifestSHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("manifest_sha256 %s is not the digest of manifest-sha256.txt", res.Manifest.ManifestSHA256)
			}

			msg, err := testtsa.OpenSSLVerify(out, tsa.CAFile)
			if err != nil || !strings.Contains(msg, "Verification: OK") {
				t.Errorf("openssl ts -verify: %v\n%s", err, msg)
			}
			t.Logf("openssl ts -verify -data manifest-sha256.txt -in timestamp.tsr -CAfile ca.pem: %s", msg)
			if msg, err := testtsa.OpenSSLVerify(out, other.CAFile); err == nil || strings.Contains(msg, "Verification: OK") {
				t.Errorf("openssl accepted the token against a foreign CA: %s", msg)
			}

			for _, target := range []string{out, ZipPath(out)} {
				r, err := VerifyWith(target, VerifyOptions{CAFile: tsa.CAFile})
				if err != nil || !r.OK {
					t.Fatalf("verify --ca %s: %v %+v", target, err, r)
				}
				if r.Timestamp == nil || !r.Timestamp.ImprintOK || !r.Timestamp.SignatureOK || !r.Timestamp.Chained || r.Timestamp.Serial != ts.Serial {
					t.Errorf("verify %s timestamp: %+v", target, r.Timestamp)
				}
			}
			r, err := Verify(out)
			if err != nil || !r.OK || r.Timestamp.Chained || len(r.Notes) == 0 {
				t.Errorf("verify without --ca: %v %+v", err, r)
			}
			r, err = VerifyWith(out, VerifyOptions{CAFile: other.CAFile})
			if err != nil || r.OK || !names(r, "timestamp.tsr") || !strings.Contains(r.Problems[0].Message, "chain") {
				t.Errorf("verify against a foreign CA: %v %+v", err, r)
			}
		})
	}
}

func names(r *VerifyReport, file string) bool {
	for _, p := range r.Problems {
		if p.File == file || strings.Contains(p.Message, file) {
			return true
		}
	}
	return false
}

// TestTSAFailures: an unreachable or refusing TSA stops the build with a
// TSAError naming the URL, and nothing is left behind.
func TestTSAFailures(t *testing.T) {
	dir := writeCase(t, 1)
	closed, err := testtsa.ClosedURL()
	if err != nil {
		t.Fatal(err)
	}
	refusing := testtsa.NewRefusing()
	defer refusing.Close()
	for name, url := range map[string]string{"unreachable": closed, "refusing": refusing.URL} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "b")
			_, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow, Stamp: NewTSAClient(url), Zip: true})
			var te *TSAError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), url) {
				t.Fatalf("got %v, want a TSAError naming %s", err, url)
			}
			t.Logf("%v", err)
			if left, _ := os.ReadDir(parent); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestResealedForgery: a forger edits a payload file and recomputes both
// manifests; every hash then matches, and only the timestamp tells.
func TestResealedForgery(t *testing.T) {
	dir := writeCase(t, 2)
	tsa := goTSA(t)
	out := filepath.Join(t.TempDir(), "b")
	if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: out, Now: testNow, Stamp: NewTSAClient(tsa.URL)}); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(out, "data", "截图", "屏幕截图 A.png")
	data, _ := os.ReadFile(victim)
	data[len(data)/2] ^= 0xff
	if err := os.WriteFile(victim, data, 0o644); err != nil {
		t.Fatal(err)
	}
	reseal(t, out)
	for _, mf := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command("sha256sum", "--quiet", "-c", mf)
		cmd.Dir = out
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the forgery is not consistent (%s): %s", mf, b)
		}
	}
	r, err := VerifyWith(out, VerifyOptions{CAFile: tsa.CAFile})
	if err != nil {
		t.Fatal(err)
	}
	if r.OK || len(r.Problems) != 1 || r.Problems[0].File != "timestamp.tsr" || !strings.Contains(r.Problems[0].Message, "re-sealed") {
		t.Fatalf("the re-sealed forgery was not caught by the timestamp: %+v", r.Problems)
	}
	if msg, err := testtsa.OpenSSLVerify(out, tsa.CAFile); err == nil || strings.Contains(msg, "Verification: OK") {
		t.Errorf("openssl accepted the forgery: %s", msg)
	}

	// Deleting the timestamp as well is caught by manifest.json's record
	// (a forger who also rewrites manifest.json leaves a bundle without
	// trusted time, which verify --ca refuses).
	os.Remove(filepath.Join(out, "timestamp.tsr"))
	reseal(t, out)
	r, _ = Verify(out)
	if r.OK || !names(r, "timestamp.tsr") {
		t.Errorf("a removed timestamp went unnoticed: %+v", r.Problems)
	}
}

// reseal recomputes manifest-sha256.txt and tagmanifest-sha256.txt as a
// forger with sha256sum would.
func reseal(t *testing.T, out string) {
	t.Helper()
	var payload []string
	filepath.Walk(filepath.Join(out, "data"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(out, p)
			payload = append(payload, filepath.ToSlash(rel))
		}
		return nil
	})
	write := func(name string, files []string) {
		var b strings.Builder
		for _, f := range files {
			sum, err := hashFile(filepath.Join(out, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(sum + "  " + f + "\n")
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("manifest-sha256.txt", payload)
	entries, _ := os.ReadDir(out)
	var tags []string
	for _, e := range entries {
		if !e.IsDir() && e.Name() != "tagmanifest-sha256.txt" {
			tags = append(tags, e.Name())
		}
	}
	write("tagmanifest-sha256.txt", tags)
}

// TestStampChecksReply: a TSA whose token covers another digest, or
// carries no certificate, is refused by the client.
func TestStampChecksReply(t *testing.T) {
	c := NewTSAClient("http://127.0.0.1:1/tsr")
	if _, _, err := c.Stamp(context.Background(), []byte("short")); err == nil {
		t.Error("a digest of the wrong size was sent")
	}
}
