package evidence

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func benchScreenshot(b *testing.B) []byte {
	b.Helper()
	data, err := samplegen.EncodePNG(samplegen.NumberedScreenshot(7, samplegen.IPhoneWidth, samplegen.IPhoneHeight))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkReadScreenshot is one 1170×2532 PNG screenshot through Read:
// sniffed, hashed, copied (to io.Discard) and proven readable.
func BenchmarkReadScreenshot(b *testing.B) {
	data := benchScreenshot(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		it, err := Read("shot.png", bytes.NewReader(data), io.Discard, time.Time{}, DefaultLimits)
		if err != nil || it.HasError() {
			b.Fatal(err, it.Findings)
		}
	}
}

// BenchmarkReadHash is a 64 MiB file of random bytes through Read: SHA-256
// and the copy, the cost of every large original.
func BenchmarkReadHash(b *testing.B) {
	data := make([]byte, 64<<20)
	rand.NewChaCha8([32]byte{1}).Read(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("big.bin", bytes.NewReader(data), io.Discard, time.Time{}, DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
