package progress

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// A bar on a pipe, a file or a buffer draws nothing: command output that is
// captured or logged holds no bar.
func TestNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, true, 10, "files")
	for range 10 {
		b.Add(1)
	}
	b.Finish()
	if buf.Len() != 0 {
		t.Errorf("a bar was drawn into a buffer: %q", buf.String())
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Visible(f) {
		t.Error("a regular file is taken for a terminal")
	}
	b = New(f, true, -1, "cases")
	b.Add(3)
	b.Finish()
	if st, _ := f.Stat(); st.Size() != 0 {
		t.Errorf("a bar was drawn into a file: %d bytes", st.Size())
	}
}

func TestNilBar(t *testing.T) {
	var b *Bar
	b.Add(1)
	b.Finish()
}

// ExampleNew shows the wiring in a command: the bar is asked for unless the
// output is JSON, and appears only on a terminal outside CI. Here stderr is
// captured, as by a pipe or a CI log, so the bar stays out of it.
func ExampleNew() {
	var stderr bytes.Buffer
	jsonOutput := false
	bar := New(&stderr, !jsonOutput, 200, "files")
	for range 200 {
		bar.Add(1)
	}
	bar.Stage("pages")
	bar.Add(12)
	bar.Finish()
	fmt.Printf("visible: %v; bytes drawn on captured stderr: %d\n", Visible(&stderr), stderr.Len())
	// Output:
	// visible: false; bytes drawn on captured stderr: 0
}
