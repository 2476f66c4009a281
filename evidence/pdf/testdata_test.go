package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestTestdataFiles reads the committed files (see TestGenerateTestdata):
// each must give the same two pages of text as the plain file.
func TestTestdataFiles(t *testing.T) {
	want := map[int]string{}
	plain, err := os.ReadFile(filepath.Join("testdata", "plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(plain, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for p := 1; p <= 2; p++ {
		runs, err := doc.PageText(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runs {
			want[p] += r.Text + "|"
		}
	}
	if want[1] == "" || want[2] != "第二页 收款方 李四|" {
		t.Fatalf("plain text %v", want)
	}
	for _, c := range []struct {
		file      string
		encrypted bool
	}{
		{"objstm.pdf", false},
		{"enc-rc4-40.pdf", true},
		{"enc-rc4-128.pdf", true},
		{"enc-aes-128.pdf", true},
		{"enc-aes-256.pdf", true},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(data, Limits{})
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if doc.Encrypted != c.encrypted || doc.Pages != 2 || doc.Repaired {
			t.Errorf("%s: encrypted %v pages %d repaired %v", c.file, doc.Encrypted, doc.Pages, doc.Repaired)
		}
		if doc.Info.Producer == "" || doc.Info.CreationDate.IsZero() {
			t.Errorf("%s: info %+v", c.file, doc.Info)
		}
		for p := 1; p <= 2; p++ {
			runs, err := doc.PageText(p)
			if err != nil {
				t.Fatalf("%s: %v", c.file, err)
			}
			got := ""
			for _, r := range runs {
				got += r.Text + "|"
			}
			if got != want[p] {
				t.Errorf("%s page %d: %q, want %q", c.file, p, got, want[p])
			}
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "enc-user-pw.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(data, Limits{})
	var ee *EncryptedError
	if !errors.Is(err, ErrEncrypted) || !errors.As(err, &ee) || ee.R != 6 || ee.Reason != "a user password is set" {
		t.Errorf("user password: %v", err)
	}
}
