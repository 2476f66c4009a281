package image

import (
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// TestAdler32 compares adler32Update with hash/adler32 on every length up
// to a few blocks, on bytes that push every lane to its largest sums
// (0xff), on zeros and on random bytes, in one piece and in two.
func TestAdler32(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	big := 8*adlerWords*2 + 13
	for _, fill := range []string{"ff", "zero", "random"} {
		p := make([]byte, big)
		for i := range p {
			switch fill {
			case "ff":
				p[i] = 0xff
			case "random":
				p[i] = byte(rng.Uint32())
			}
		}
		lengths := []int{0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 8*adlerWords - 1, 8 * adlerWords, 8*adlerWords + 1, big}
		for range 50 {
			lengths = append(lengths, rng.IntN(big+1))
		}
		for _, n := range lengths {
			want := adler32.Checksum(p[:n])
			if got := adler32Update(1, p[:n]); got != want {
				t.Fatalf("%s, %d bytes: %08x, want %08x", fill, n, got, want)
			}
			cut := rng.IntN(n + 1)
			if got := adler32Update(adler32Update(1, p[:cut]), p[cut:n]); got != want {
				t.Fatalf("%s, %d bytes cut at %d: %08x, want %08x", fill, n, cut, got, want)
			}
		}
	}
}

// FuzzAdler32: any bytes, split anywhere, sum as hash/adler32 sums them.
func FuzzAdler32(f *testing.F) {
	f.Add([]byte("Wikipedia"), uint16(3))
	f.Add(make([]byte, 70000), uint16(40000))
	f.Fuzz(func(t *testing.T, p []byte, cut uint16) {
		c := min(int(cut), len(p))
		want := adler32.Checksum(p)
		if got := adler32Update(adler32Update(1, p[:c]), p[c:]); got != want {
			t.Fatalf("%d bytes cut at %d: %08x, want %08x", len(p), c, got, want)
		}
	})
}

func BenchmarkAdler32(b *testing.B) {
	p := make([]byte, 1170*2532*3+2532) // a screenshot's image data
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		adler32Update(1, p)
	}
}

func BenchmarkAdler32Std(b *testing.B) {
	p := make([]byte, 1170*2532*3+2532)
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		adler32.Checksum(p)
	}
}
