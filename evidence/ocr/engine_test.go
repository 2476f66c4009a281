package ocr

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestParseVersion(t *testing.T) {
	cases := map[string]string{
		"tesseract 5.3.0\n leptonica-1.82.0\n":  "5.3.0",
		"tesseract v5.0.0-alpha-20201231\n":     "5.0.0",
		"tesseract 4.1.1\n  leptonica-1.79.0\n": "4.1.1",
		"some banner\ntesseract 5.4\n":          "5.4",
		"tesseract 3.05.02\n":                   "",
		"no version here\n":                     "",
	}
	for in, want := range cases {
		got, err := parseVersion([]byte(in))
		if want == "" {
			if err == nil {
				t.Errorf("parseVersion(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("parseVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestParseLangs(t *testing.T) {
	in := "List of available languages in \"/usr/share/tesseract-ocr/5/tessdata/\" (3):\neng\nchi_sim\nosd\n"
	if got, want := parseLangs([]byte(in)), []string{"chi_sim", "eng", "osd"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestFindNotInstalled(t *testing.T) {
	_, err := Find(filepath.Join(t.TempDir(), "no-tesseract"))
	var ni *NotInstalledError
	if !errors.Is(err, ErrNotInstalled) || !errors.As(err, &ni) {
		t.Fatalf("got %v, want a NotInstalledError", err)
	}
	for _, hint := range []string{"apt-get install tesseract-ocr tesseract-ocr-chi-sim", "brew install tesseract tesseract-lang"} {
		if !strings.Contains(err.Error(), hint) {
			t.Errorf("message %q lacks %q", err, hint)
		}
	}
}

// fakeTesseract writes a shell script that answers --version and
// --list-langs like tesseract, with the given languages.
func fakeTesseract(t *testing.T, version string, langs ...string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell script stand-in")
	}
	p := filepath.Join(t.TempDir(), "tesseract")
	script := "#!/bin/sh\ncase \"$1\" in\n--version) echo 'tesseract " + version + "';;\n" +
		"--list-langs) echo 'List of available languages in \"/x/\" (2):'; printf '%s\\n' " + strings.Join(langs, " ") + ";;\n" +
		"*) sleep 5;;\nesac\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFindMissingChinese(t *testing.T) {
	_, err := Find(fakeTesseract(t, "5.3.0", "eng", "osd"))
	var ml *MissingLanguageError
	if !errors.As(err, &ml) || ml.Lang != "chi_sim" || !strings.Contains(err.Error(), "tesseract-ocr-chi-sim") {
		t.Fatalf("got %v, want a MissingLanguageError for chi_sim", err)
	}
}

func TestFindTooOld(t *testing.T) {
	_, err := Find(fakeTesseract(t, "3.05.02", "eng", "chi_sim"))
	if !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("got %v, want ErrNotInstalled", err)
	}
}

func TestFindEnvAndInfo(t *testing.T) {
	fake := fakeTesseract(t, "5.3.0", "osd", "eng", "chi_sim")
	t.Setenv(EnvTesseract, fake)
	e, err := Find("")
	if err != nil {
		t.Fatal(err)
	}
	info := e.Info()
	if e.Path != fake || info.Version != "5.3.0" || !reflect.DeepEqual(info.Languages, []string{"chi_sim", "eng", "osd"}) ||
		info.Settings.ThreadLimit != 1 || len(info.Settings.Passes) != 2 {
		t.Errorf("engine %+v, info %+v", e, info)
	}
}

func TestReadCancelled(t *testing.T) {
	// The fake engine sleeps on a page: cancelling must end the run.
	e, err := Find(fakeTesseract(t, "5.3.0", "eng", "chi_sim"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = e.Read(ctx, blankImage(100, 100))
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
		t.Fatalf("got %v after %v, want the deadline error promptly", err, time.Since(start))
	}
}
