// Package progress draws a progress bar on stderr while a command works, and
// only where a person watches: on a terminal, outside CI, never with --json.
// Library packages report progress through an Add(n int) method; this bar
// is one such receiver, and a disabled bar is a receiver that draws nothing.
package progress

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Bar counts work done. The zero value and a nil *Bar draw nothing.
type Bar struct {
	bar *progressbar.ProgressBar
	w   io.Writer
}

// Visible reports whether a bar on w would be seen by a person: w is a
// terminal and the CI environment variable is not set (CI logs are not
// terminals, but some CI runners pretend to be).
func Visible(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok {
		return false
	}
	if _, ci := os.LookupEnv("CI"); ci {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// New returns a bar of total steps of what (a plural noun: "files",
// "cases") drawn on w, or a bar that draws nothing when want is false or w
// is not Visible. A total below 1 means unknown: the bar shows the count
// and the rate.
func New(w io.Writer, want bool, total int64, what string) *Bar {
	if !want || !Visible(w) {
		return &Bar{}
	}
	return &Bar{bar: newBar(w, total, what), w: w}
}

func newBar(w io.Writer, total int64, what string) *progressbar.ProgressBar {
	if total < 1 {
		total = -1
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(what),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
	)
}

// Stage starts counting something else ("pages" after "files") on a new
// bar of unknown total in the same place.
func (b *Bar) Stage(what string) {
	if b == nil || b.bar == nil {
		return
	}
	_ = b.bar.Finish()
	_ = b.bar.Clear()
	b.bar = newBar(b.w, 0, what)
}

// Add counts n steps done. It is safe for concurrent use.
func (b *Bar) Add(n int) {
	if b == nil || b.bar == nil {
		return
	}
	_ = b.bar.Add(n)
}

// Finish removes the bar from the terminal, so that what the command prints
// next starts on a clean line.
func (b *Bar) Finish() {
	if b == nil || b.bar == nil {
		return
	}
	_ = b.bar.Finish()
	_ = b.bar.Clear()
}
