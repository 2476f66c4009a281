package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"
)

type config struct {
	bin        string
	dir        string
	shots      []shotRun
	img2pdf    bool
	hash       bool
	hashSize   int64
	batch      bool
	batchCases int
	batchSet   shotSet
	runs       int
	cpuProfile string
	memProfile string
	trace      string
}

// shotRun is one build of n screenshots of a set.
type shotRun struct {
	set shotSet
	n   int
}

// buildTime is the --time of every build, so that reruns give the same bytes.
const buildTime = "2025-11-20T10:00:00Z"

// measurement is one child process: its wall time, peak resident set and
// exit status.
type measurement struct {
	wall time.Duration
	rss  int64 // bytes
	cpu  time.Duration
	code int
}

// measure runs the command runs times and keeps the fastest run (and the
// largest peak RSS seen, which does not depend on luck). before, when not
// nil, runs ahead of every run (to remove the previous output).
func measure(runs int, before func() error, okCodes []int, name string, args ...string) (measurement, error) {
	var best measurement
	for i := range runs {
		if before != nil {
			if err := before(); err != nil {
				return best, err
			}
		}
		m, err := runOnce(okCodes, name, args...)
		if err != nil {
			return best, err
		}
		if i == 0 || m.wall < best.wall {
			best.wall, best.code, best.cpu = m.wall, m.code, m.cpu
		}
		best.rss = max(best.rss, m.rss)
	}
	return best, nil
}

func runOnce(okCodes []int, name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var m measurement
	m.wall = wall
	if cmd.ProcessState == nil {
		return m, fmt.Errorf("run %s: %w", name, err)
	}
	m.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rss = int64(ru.Maxrss) * 1024 // KiB on Linux
	}
	m.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return m, fmt.Errorf("run %s: %w", name, err)
	}
	for _, c := range okCodes {
		if m.code == c {
			return m, nil
		}
	}
	return m, fmt.Errorf("%s %v exited with %d:\n%s", name, args, m.code, tail(stderr.Bytes(), 2000))
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// table collects the rows printed at the end.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range t.rows {
		for _, c := range r {
			fmt.Fprintf(tw, "%s\t", c)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func mib(n int64) string          { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISSED"
}

func run(cfg config, out io.Writer) error {
	if _, err := os.Stat(cfg.bin); err != nil {
		return fmt.Errorf("%s: %w (run make build first)", cfg.bin, err)
	}
	bin, err := filepath.Abs(cfg.bin)
	if err != nil {
		return err
	}
	cfg.bin = bin
	if err := os.MkdirAll(cfg.dir, 0o755); err != nil {
		return err
	}
	fmt.Fprintf(out, "machine: %s\n", machine())
	fmt.Fprintf(out, "parallel headroom: %.2f× (the same CPU-bound work on %d goroutines against 1; below %d× the machine is shared or throttled)\n\n",
		headroom(), runtime.NumCPU(), runtime.NumCPU())
	for _, s := range cfg.shots {
		if err := benchShots(cfg, s.set, s.n, out); err != nil {
			return err
		}
	}
	if (cfg.cpuProfile != "" || cfg.memProfile != "" || cfg.trace != "") && len(cfg.shots) > 0 {
		folder := caseFolder(cfg.dir, cfg.shots[0].set, cfg.shots[0].n)
		if err := profileBuild(folder, filepath.Join(cfg.dir, "runs"), cfg.cpuProfile, cfg.memProfile, cfg.trace, out); err != nil {
			return err
		}
	}
	if *ocrBench {
		if err := benchOCR(cfg, out); err != nil {
			return err
		}
	}
	if cfg.batch {
		if err := benchBatch(cfg, out); err != nil {
			return err
		}
	}
	if cfg.hash {
		if err := benchHash(cfg, out); err != nil {
			return err
		}
	}
	return nil
}

// machine names what the figures were measured on: CPUs, CPU model, memory.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range bytes.SplitSeq(b, []byte("\n")) {
			if k, v, ok := bytes.Cut(line, []byte(":")); ok && string(bytes.TrimSpace(k)) == "model name" {
				model = string(bytes.TrimSpace(v))
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kb); err == nil {
			mem = fmt.Sprintf(", %.1f GiB RAM", float64(kb)/(1<<20))
		}
	}
	sha := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil && bytes.Contains(b, []byte(" sha_ni")) {
		sha = ", SHA-NI"
	}
	return fmt.Sprintf("%d CPUs, %s%s%s, %s %s/%s", runtime.NumCPU(), model, sha, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// readAll reads files once so that every measured command finds them in
// the page cache, as the first of two commands would.
func readAll(paths ...string) error {
	buf := make([]byte, 1<<20)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		_, err = io.CopyBuffer(io.Discard, f, buf)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// headroom measures how much faster NumCPU goroutines do NumCPU slices of
// CPU-bound work than one goroutine does them in turn: NumCPU on an idle
// machine, less when other work shares the CPUs. It puts the -j ratio of
// the batch in proportion.
func headroom() float64 {
	n := runtime.NumCPU()
	work := func() {
		b := make([]byte, 1<<20)
		for i := range 100 {
			sum := sha256.Sum256(b)
			b[i] = sum[0]
		}
	}
	start := time.Now()
	for range n {
		work()
	}
	serial := time.Since(start)
	start = time.Now()
	var wg sync.WaitGroup
	for range n {
		wg.Go(work)
	}
	wg.Wait()
	return serial.Seconds() / time.Since(start).Seconds()
}
