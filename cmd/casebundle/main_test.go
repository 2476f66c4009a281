package main

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/casebundle/casebundle/internal/testtsa"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"casebundle": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: init, add,
// check, build, verify, txn and report as a user types them, with real files.
func TestScripts(t *testing.T) {
	democase, err := filepath.Abs("../../testdata/democase")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DEMOCASE", democase)
			// A throwaway time-stamp authority on 127.0.0.1 for the
			// trust scripts, and a URL where nothing listens.
			tsa, err := testtsa.NewGo(env.WorkDir)
			if err != nil {
				return err
			}
			env.Defer(tsa.Close)
			down, err := testtsa.ClosedURL()
			if err != nil {
				return err
			}
			env.Setenv("TSA_URL", tsa.URL)
			env.Setenv("TSA_CA", tsa.CAFile)
			env.Setenv("TSA_DOWN", down)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status": cmdStatus,
			// genpng FILE W H: an opaque RGB PNG screenshot.
			"genpng": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: genpng FILE W H")
				}
				w, _ := strconv.Atoi(args[1])
				h, _ := strconv.Atoi(args[2])
				img := image.NewRGBA(image.Rect(0, 0, w, h))
				for y := 0; y < h; y++ {
					for x := 0; x < w; x++ {
						img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(len(args[0])), 255})
					}
				}
				var b bytes.Buffer
				ts.Check(png.Encode(&b, img))
				path := ts.MkAbs(args[0])
				ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
				ts.Check(os.WriteFile(path, b.Bytes(), 0o644))
			},
			// truncate FILE N: keep the first N bytes.
			"truncate": func(ts *testscript.TestScript, neg bool, args []string) {
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				ts.Check(os.Truncate(ts.MkAbs(args[0]), int64(n)))
			},
			// copytree SRC DST: copy a folder (the demo case) into the work dir.
			"copytree": func(ts *testscript.TestScript, neg bool, args []string) {
				src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
				ts.Check(filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
					if err != nil {
						return err
					}
					rel, _ := filepath.Rel(src, p)
					target := filepath.Join(dst, rel)
					if info.IsDir() {
						return os.MkdirAll(target, 0o755)
					}
					data, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					return os.WriteFile(target, data, 0o644)
				}))
			},
			// cmpdir A B: every file of A is byte-identical in B and B has no other files.
			"cmpdir": func(ts *testscript.TestScript, neg bool, args []string) {
				a, b := ts.MkAbs(args[0]), ts.MkAbs(args[1])
				count := 0
				ts.Check(filepath.Walk(a, func(p string, info os.FileInfo, err error) error {
					if err != nil || info.IsDir() {
						return err
					}
					rel, _ := filepath.Rel(a, p)
					x, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					y, err := os.ReadFile(filepath.Join(b, rel))
					if err != nil {
						ts.Fatalf("%s: %v", rel, err)
					}
					if !bytes.Equal(x, y) {
						ts.Fatalf("%s differs between %s and %s", rel, args[0], args[1])
					}
					count++
					return nil
				}))
				ts.Logf("%d files identical", count)
			},
		},
	})
}

// cmdStatus is "status N PROG [ARGS...]": run PROG as exec does (its stdout
// and stderr are then checked with stdout and stderr) and fail unless it
// exits with status N. "! exec" passes on any non-zero status, so a script
// that means 1 (a problem found) or 2 (misuse, unreadable input) says which.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! status (name the status you expect)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: status N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 {
		ts.Fatalf("status: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %s did not run: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// TestScriptsNameStatus keeps every script's failing casebundle run on
// "status N": "! exec casebundle" would pass whatever the status.
func TestScriptsNameStatus(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "-- ") {
				break // the files of the archive
			}
			if strings.HasPrefix(strings.TrimSpace(line), "! exec casebundle") {
				t.Errorf("%s:%d: %q accepts any non-zero status; write status 1 or status 2", f, i+1, line)
			}
		}
	}
}

func TestReorderArgs(t *testing.T) {
	app := newApp(os.Stdout, os.Stderr)
	tests := []struct {
		in, want []string
	}{
		{[]string{"cb", "build", "mycase", "-o", "out", "--json"}, []string{"cb", "build", "-o", "out", "--json", "--", "mycase"}},
		{[]string{"cb", "build", "-o", "out", "mycase"}, []string{"cb", "build", "-o", "out", "--", "mycase"}},
		{[]string{"cb", "build", "mycase", "--time=2025-01-01T00:00:00Z"}, []string{"cb", "build", "--time=2025-01-01T00:00:00Z", "--", "mycase"}},
		{[]string{"cb", "add", "c", "a.png", "--title", "转账 截图", "b.png"}, []string{"cb", "add", "--title", "转账 截图", "--", "c", "a.png", "b.png"}},
		{[]string{"cb", "add", "c", "--", "-odd-name.png"}, []string{"cb", "add", "--", "c", "-odd-name.png"}},
		{[]string{"cb", "check", "c", "--json"}, []string{"cb", "check", "--json", "--", "c"}},
		{[]string{"cb", "verify", "b", "--json"}, []string{"cb", "verify", "--json", "--", "b"}},
		{[]string{"cb", "init", "c", "--purpose", "police"}, []string{"cb", "init", "--purpose", "police", "--", "c"}},
		{[]string{"cb", "--help"}, []string{"cb", "--help"}},
	}
	for _, tt := range tests {
		got := reorderArgs(app, tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("reorderArgs(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("reorderArgs(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}
