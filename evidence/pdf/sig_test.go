package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSignatureWholeFile(t *testing.T) {
	data := signedPDF(t, "张三 Test Signer")
	doc, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Signatures) != 1 {
		t.Fatalf("%d signatures, want 1", len(doc.Signatures))
	}
	s := doc.Signatures[0]
	if s.Field != "Signature1" || s.SubFilter != "adbe.pkcs7.detached" || s.Name != "Test Bank" || s.Reason != "statement" {
		t.Errorf("dictionary fields: %+v", s)
	}
	if s.SignerCN != "张三 Test Signer" || s.Signer() != "张三 Test Signer" || s.IssuerCN != "张三 Test Signer" {
		t.Errorf("signer CN %q issuer %q", s.SignerCN, s.IssuerCN)
	}
	if want := time.Date(2025, 1, 3, 6, 25, 0, 0, time.UTC); !s.SigningTime.Time.Equal(want) || !s.SigningTime.ZoneKnown {
		t.Errorf("SigningTime %v zone %v, want %v", s.SigningTime.Time, s.SigningTime.ZoneKnown, want)
	}
	if s.CMSSigningTime.IsZero() {
		t.Error("no CMS signingTime")
	}
	if !s.CoversWholeFile || s.BytesAfter != 0 || !s.DigestMatches || !s.SignatureMatchesKey || s.DigestAlgorithm != "SHA-256" {
		t.Errorf("coverage %v after %d digest %v key %v alg %s problems %q", s.CoversWholeFile, s.BytesAfter, s.DigestMatches, s.SignatureMatchesKey, s.DigestAlgorithm, s.Problems)
	}
	if len(s.Problems) != 0 {
		t.Errorf("problems: %q", s.Problems)
	}
	if doc.Info.Producer != "casebundle test" || doc.Revisions != 1 || doc.Pages != 1 {
		t.Errorf("info %+v revisions %d pages %d", doc.Info, doc.Revisions, doc.Pages)
	}
}

func TestSignatureAppended(t *testing.T) {
	signed := signedPDF(t, "Test Signer")
	changed := appendUpdate(t, signed, map[int]string{8: "<< /Producer (edited later) /Title (changed) >>"}, 9)
	doc, err := Read(changed, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Info.Producer != "edited later" || doc.Revisions != 2 || doc.Repaired {
		t.Errorf("producer %q revisions %d: the update was not read", doc.Info.Producer, doc.Revisions)
	}
	s := doc.Signatures[0]
	if s.CoversWholeFile || s.BytesAfter != int64(len(changed)-len(signed)) {
		t.Errorf("CoversWholeFile %v BytesAfter %d, want false and %d", s.CoversWholeFile, s.BytesAfter, len(changed)-len(signed))
	}
	// The signed revision itself is intact.
	if !s.DigestMatches {
		t.Errorf("digest of the signed revision should still match: %q", s.Problems)
	}
	if !strings.Contains(strings.Join(s.Problems, "; "), "after the signed range") {
		t.Errorf("problems do not say the file was changed: %q", s.Problems)
	}
}

func TestSignatureTampered(t *testing.T) {
	data := signedPDF(t, "Test Signer")
	i := bytes.Index(data, []byte("Signed statement"))
	tampered := append([]byte{}, data...)
	tampered[i] = 'X' // same length: the byte range still fits
	doc, err := Read(tampered, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Signatures[0]
	if s.DigestMatches || s.SignatureMatchesKey {
		t.Errorf("a changed byte inside the range must not match: %+v", s)
	}
	if !s.CoversWholeFile {
		t.Error("the range still covers the file; only the digest differs")
	}
}

// TestSignaturePdfsig checks the three files with poppler's pdfsig, an
// independent implementation.
func TestSignaturePdfsig(t *testing.T) {
	pdfsig := tool(t, "pdfsig")
	dir := t.TempDir()
	signed := signedPDF(t, "Test Signer")
	i := bytes.Index(signed, []byte("Signed statement"))
	tampered := append([]byte{}, signed...)
	tampered[i] = 'X'
	appended := appendUpdate(t, signed, map[int]string{8: "<< /Producer (edited later) >>"}, 9)
	for _, c := range []struct {
		name   string
		data   []byte
		want   []string
		whole  bool
		digest bool
	}{
		{"signed", signed, []string{"Signature is Valid", "Signed Ranges: [0 - ", "Total document signed"}, true, true},
		{"appended", appended, []string{"Signature is Valid", "Not total document signed"}, false, true},
		{"tampered", tampered, []string{"Digest Mismatch"}, true, false},
	} {
		p := filepath.Join(dir, c.name+".pdf")
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command(pdfsig, p).CombinedOutput()
		t.Logf("pdfsig %s:\n%s", c.name, out)
		for _, w := range c.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: pdfsig does not say %q:\n%s", c.name, w, out)
			}
		}
		doc, err := Read(c.data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		s := doc.Signatures[0]
		if s.CoversWholeFile != c.whole || s.DigestMatches != c.digest {
			t.Errorf("%s: ours whole=%v digest=%v, pdfsig agrees with whole=%v digest=%v", c.name, s.CoversWholeFile, s.DigestMatches, c.whole, c.digest)
		}
		if !strings.Contains(string(out), "Signer Certificate Common Name: "+s.SignerCN) {
			t.Errorf("%s: pdfsig names another signer than %q:\n%s", c.name, s.SignerCN, out)
		}
	}
}
