package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
)

// randomFile writes size bytes of pseudo-random data (real blocks on disk,
// not a sparse file) to p, once; a rerun finds it complete under its name.
func randomFile(p string, size int64) error {
	if st, err := os.Stat(p); err == nil && st.Size() == size {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	rng := rand.NewChaCha8([32]byte{'c', 'a', 's', 'e', 'b', 'u', 'n', 'd', 'l', 'e'})
	if _, err := io.CopyN(w, rng, size); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chtimes(tmp.Name(), fileTime, fileTime); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// benchHash times openssl dgst -sha256 on a large file against casebundle
// verify of a bundle that holds it.
func benchHash(cfg config, out io.Writer) error {
	fmt.Fprintf(out, "== hashing: verify of a bundle with one %s file against openssl dgst -sha256\n", mib(cfg.hashSize))
	base := filepath.Join(cfg.dir, fmt.Sprintf("hash-%d", cfg.hashSize))
	folder := filepath.Join(base, "case")
	file := filepath.Join(folder, "random.bin")
	if err := randomFile(file, cfg.hashSize); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	bundleDir := filepath.Join(base, "case.bundle")
	if _, err := runOnce([]int{0}, cfg.bin, "verify", bundleDir); err != nil {
		if err := os.RemoveAll(bundleDir); err != nil {
			return err
		}
		if _, err := runOnce([]int{0, 1}, cfg.bin, "build", folder, "-o", bundleDir, "--time", buildTime, "--ocr", "off"); err != nil {
			return err
		}
	}
	copied := filepath.Join(bundleDir, "data", "random.bin")
	if err := readAll(file, copied); err != nil {
		return err
	}
	runs := max(cfg.runs, 3)
	var t table
	t.add("command", "wall", "peak RSS", "speed")
	speed := func(m measurement) string {
		return fmt.Sprintf("%.0f MiB/s", float64(cfg.hashSize)/(1<<20)/m.wall.Seconds())
	}
	openssl, err := exec.LookPath("openssl")
	var o measurement
	if err == nil {
		o, err = measure(runs, nil, []int{0}, openssl, "dgst", "-sha256", file)
		if err != nil {
			return err
		}
		t.add("openssl dgst -sha256", secs(o.wall), mib(o.rss), speed(o))
	} else {
		t.add("openssl dgst -sha256", "not installed", "-", "-")
	}
	v, err := measure(runs, nil, []int{0}, cfg.bin, "verify", bundleDir)
	if err != nil {
		return err
	}
	t.add("casebundle verify", secs(v.wall), mib(v.rss), speed(v))
	t.print(out)
	fmt.Fprintln(out)
	if o.wall > 0 {
		r := o.wall.Seconds() / v.wall.Seconds()
		fmt.Fprintf(out, "verify speed / openssl speed  %.2f×  (goal ≥ 0.9×: %s)\n\n", r, verdict(r >= 0.9))
	}
	return nil
}
