package ocr

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/ocrshots"
)

// benchShots writes 1170x2532 screenshots of realistic size (a picture
// on each page, 300 KB to 1.5 MB as PNG) into dir and returns their paths.
func benchShots(b *testing.B, dir string) []string {
	b.Helper()
	if !ocrshots.Available(ocrshots.NotoSans) {
		b.Skip("fonts-noto-cjk needed to draw the screenshots")
	}
	var paths []string
	for i, p := range ocrshots.Pages() {
		s := ocrshots.Shot{Page: p, Opt: ocrshots.Options{Width: 1170, Dark: i%2 == 1, Photo: true}}
		data, err := s.Encode()
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%02d_%s.png", i, p.Name))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %d KB", filepath.Base(path), len(data)>>10)
		paths = append(paths, path)
	}
	return paths
}

// BenchmarkRead reads the screenshots cold (no cache) with a pool of 2,
// and reports seconds per screenshot; "plain" runs
// `tesseract IMG stdout -l chi_sim+eng` on the same files, one at a time
// with its default threads, as a user would; "plain2" runs two such
// processes at a time with OMP_THREAD_LIMIT=1.
//
//	go test -run '^$' -bench BenchmarkRead -benchtime 1x ./evidence/ocr
func BenchmarkRead(b *testing.B) {
	e := engineForTest(b)
	paths := benchShots(b, b.TempDir())
	b.Run("pool2", func(b *testing.B) {
		pool := NewPool(e, 2, nil)
		start, cpu := time.Now(), childCPU()
		for i := 0; i < b.N; i++ {
			for _, r := range pool.ReadFiles(context.Background(), paths) {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		}
		n := float64(b.N * len(paths))
		b.ReportMetric(time.Since(start).Seconds()/n, "s/screenshot")
		// On a shared machine wall time says little: the engine's CPU time
		// per screenshot, halved, is the wall time on two free cores.
		b.ReportMetric((childCPU()-cpu).Seconds()/n, "cpu-s/screenshot")
	})
	b.Run("warm", func(b *testing.B) {
		c, _ := OpenCache(b.TempDir())
		pool := NewPool(e, 2, c)
		pool.ReadFiles(context.Background(), paths)
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			for _, r := range pool.ReadFiles(context.Background(), paths) {
				if r.Err != nil || !r.Cached {
					b.Fatalf("%v cached=%v", r.Err, r.Cached)
				}
			}
		}
		b.ReportMetric(time.Since(start).Seconds()/float64(b.N*len(paths)), "s/screenshot")
	})
	plain := func(b *testing.B, parallel int, env []string) {
		start, cpu := time.Now(), childCPU()
		for i := 0; i < b.N; i++ {
			sem := make(chan struct{}, parallel)
			errs := make(chan error, len(paths))
			for _, p := range paths {
				sem <- struct{}{}
				go func() {
					defer func() { <-sem }()
					cmd := exec.Command(e.Path, p, "stdout", "-l", "chi_sim+eng")
					cmd.Env = append(os.Environ(), env...)
					errs <- cmd.Run()
				}()
			}
			for range paths {
				if err := <-errs; err != nil {
					b.Fatal(err)
				}
			}
		}
		n := float64(b.N * len(paths))
		b.ReportMetric(time.Since(start).Seconds()/n, "s/screenshot")
		b.ReportMetric((childCPU()-cpu).Seconds()/n, "cpu-s/screenshot")
	}
	b.Run("plain", func(b *testing.B) { plain(b, 1, nil) })
	b.Run("plain2", func(b *testing.B) { plain(b, 2, []string{"OMP_THREAD_LIMIT=1"}) })
}
