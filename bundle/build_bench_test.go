package bundle

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

// benchCase writes n phone screenshots (1170×2532) into a case folder.
func benchCase(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "case")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		data, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(i, samplegen.IPhoneWidth, samplegen.IPhoneHeight))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("截图%03d.png", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkBuildScreenshots is a whole build of 20 phone screenshots: read,
// hash, copy, check, draw the dossier, write the bundle. Profile it with
//
//	go test -run '^$' -bench BuildScreenshots -cpuprofile cpu.out -memprofile mem.out ./bundle
func BenchmarkBuildScreenshots(b *testing.B) {
	dir := benchCase(b, 20)
	out := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(out, fmt.Sprint(i)), Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildSmall is a build of one small screenshot: the fixed cost of
// every case of a batch (fonts, the dossier's own pages, the bundle files).
func BenchmarkBuildSmall(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "case")
	data, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(1, 24, 40))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.png"), data, 0o644); err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := Build(context.Background(), dir, Options{OCR: OCROff, Out: filepath.Join(out, fmt.Sprint(i)), Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}
