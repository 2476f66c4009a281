package image

import "encoding/binary"

// Adler-32 (RFC 1950), the checksum at the end of a PNG's image data. The
// image data of a 1170×2532 screenshot inflates to 8.9 MB, and hash/adler32
// sums them one byte at a time (each step waits on the one before: s1 +=
// b; s2 += s1), about a third of the time of the inflate itself. Here eight
// bytes go at once: for a block of n bytes b_0 … b_{n-1},
//
//	s1' = s1 + Σ b_i
//	s2' = s2 + n·s1 + Σ (n−i)·b_i
//
// and with i = 8j + p (word j, byte p of the word) the weighted sum is
// 8·Σ_j (k−j)·W_j − Σ_p p·A_p, where W_j is the sum of word j's bytes and
// A_p the sum of the bytes at place p. Each 64-bit word is split into four
// pairs of 32-bit lanes (the bytes at places p and p+4); the lanes add up
// A_p, and a second set of lanes adds up the running A_p after every word,
// which is Σ_j (k−j)·b_{j,p}. The result is exact integer arithmetic, the
// same sum as hash/adler32 (TestAdler32 and FuzzAdler32 compare them).

const (
	adlerMod = 65521
	// adlerWords is the most words of a block: the running sums of a lane
	// stay below 255·k(k+1)/2 < 2^32.
	adlerWords = 4096
)

// adler32Update continues the Adler-32 checksum s (1 for a new one) over p.
func adler32Update(s uint32, p []byte) uint32 {
	s1, s2 := uint64(s&0xffff), uint64(s>>16)
	for len(p) >= 8 {
		k := min(len(p)/8, adlerWords)
		a0, a1, a2, a3, t0, t1, t2, t3 := adlerBlock(p[:8*k])
		lo, hi := uint64(0xffffffff), uint64(32)
		// A_p and T_p for p = 0…7: the low lane holds place p, the high
		// lane place p+4.
		ap := [8]uint64{a0 & lo, a1 & lo, a2 & lo, a3 & lo, a0 >> hi, a1 >> hi, a2 >> hi, a3 >> hi}
		tp := [8]uint64{t0 & lo, t1 & lo, t2 & lo, t3 & lo, t0 >> hi, t1 >> hi, t2 >> hi, t3 >> hi}
		var sumA, sumT, sumPA uint64
		for i := range 8 {
			sumA += ap[i]
			sumT += tp[i]
			sumPA += uint64(i) * ap[i]
		}
		n := uint64(8 * k)
		s2 = (s2 + n*s1 + 8*sumT - sumPA) % adlerMod
		s1 = (s1 + sumA) % adlerMod
		p = p[8*k:]
	}
	for _, b := range p {
		s1 += uint64(b)
		s2 += s1
	}
	return uint32(s2%adlerMod)<<16 | uint32(s1%adlerMod)
}

// adlerBlock sums the words of q (a multiple of 8 bytes, at most
// adlerWords words) into the lanes: a0 … a3 the bytes at places 0 and 4, 1
// and 5, 2 and 6, 3 and 7; t0 … t3 the running a's after every word. The
// eight sums do not wait on each other, so the CPU adds them side by side,
// where hash/adler32 waits for every byte's sum before the next.
func adlerBlock(q []byte) (a0, a1, a2, a3, t0, t1, t2, t3 uint64) {
	const m = 0x000000ff000000ff
	for i := 0; i+8 <= len(q); i += 8 {
		w := binary.LittleEndian.Uint64(q[i : i+8])
		a0 += w & m
		a1 += w >> 8 & m
		a2 += w >> 16 & m
		a3 += w >> 24 & m
		t0 += a0
		t1 += a1
		t2 += a2
		t3 += a3
	}
	return
}
