package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanRel(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"a.png", true},
		{"screens/转账成功.png", true},
		{"聊天记录 1.png", true},
		{"a/b/c/d/e/f/g/h/i.txt", true},
		{"a/b/c/d/e/f/g/h/i/j.txt", false},
		{"../a", false},
		{"a/../b", false},
		{"a/..", false},
		{"./a", false},
		{"/a", false},
		{"a//b", false},
		{"a/", false},
		{"C:\\a", false},
		{"c:a", false},
		{"a\\b", false},
		{".a", false},
		{"a/.b/c", false},
		{"case.yaml", false},
		{"sub/case.yaml", true},
		{"a\x00b", false},
		{"a\rb", false},
		{"a\u2028b", false},
		{"\xff", false},
		{"   ", false},
		{"", false},
		{strings.Repeat("x", 256), false},
		{strings.Repeat("x", 255), true},
	} {
		got, err := cleanRel(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("cleanRel(%q) = %q, %v; want ok %v", tc.in, got, err, tc.ok)
		}
		if err == nil && got != tc.in {
			t.Errorf("cleanRel(%q) changed the name to %q", tc.in, got)
		}
	}
}

func TestCleanCaseName(t *testing.T) {
	for in, ok := range map[string]bool{"转错账": true, "a b": true, "a/b": false, "x.bundle": false, "x.zip": false, "..": false, ".x": false} {
		if _, err := cleanCaseName(in); (err == nil) != ok {
			t.Errorf("cleanCaseName(%q): %v", in, err)
		}
	}
}

// FuzzCleanRel: an accepted name stays inside the folder, names no
// hidden file and is stored as given.
func FuzzCleanRel(f *testing.F) {
	for _, s := range []string{"a.png", "../a", "a/../../b", "/etc/passwd", "C:\\x", "a//b", ".git/config", "screens/转账 成功.png"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got, err := cleanRel(name)
		if err != nil {
			return
		}
		if got != name {
			t.Fatalf("changed %q to %q", name, got)
		}
		root := filepath.Join(string(os.PathSeparator)+"case", "dir")
		joined := filepath.Join(root, filepath.FromSlash(got))
		if !strings.HasPrefix(joined, root+string(os.PathSeparator)) {
			t.Fatalf("%q leaves the folder: %s", name, joined)
		}
		if filepath.Clean(joined) != joined {
			t.Fatalf("%q is not clean: %s", name, joined)
		}
		for _, p := range strings.Split(got, "/") {
			if strings.HasPrefix(p, ".") {
				t.Fatalf("%q names a hidden file", name)
			}
		}
	})
}
