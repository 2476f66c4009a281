package bundle

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/text/unicode/norm"
)

// MaxShards is the largest N of a shard K/N. Nothing in the assignment
// needs a limit; a larger N is taken for a typo (every shard writes one
// summary file, and no cluster runs that many workers on one batch).
const MaxShards = 100000

// Shard is part K of N of a batch, K counted from 0 (0 ≤ K < N), as a
// Kubernetes Indexed Job numbers its pods (JOB_COMPLETION_INDEX) and as a
// Slurm array started at 0 numbers its tasks. The zero Shard is the whole
// batch, the same as 0/1.
type Shard struct {
	K, N int
}

// whole reports whether s is the whole batch.
func (s Shard) whole() bool { return s.N <= 1 }

// norm1 is s with the zero value read as 0/1.
func (s Shard) norm1() Shard {
	if s.N == 0 {
		return Shard{0, 1}
	}
	return s
}

// String is "K/N", the form --shard takes.
func (s Shard) String() string {
	s = s.norm1()
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// Validate refuses a shard no worker can be: N outside 1..MaxShards, or K
// outside 0..N-1 (exit 2, with a hint).
func (s Shard) Validate() error {
	if s.N == 0 && s.K == 0 {
		return nil
	}
	switch {
	case s.N < 1 || s.N > MaxShards:
		return &UsageError{Msg: fmt.Sprintf("--shard %d/%d: the number of shards N must be 1 to %d", s.K, s.N, MaxShards),
			Hint: "--shard K/N with N the number of workers, e.g. --shard 0/4 … --shard 3/4"}
	case s.K < 0 || s.K >= s.N:
		return &UsageError{Msg: fmt.Sprintf("--shard %d/%d: the shard K must be 0 to %d", s.K, s.N, s.N-1),
			Hint: fmt.Sprintf("shards count from 0, as JOB_COMPLETION_INDEX and a Slurm --array=0-%d do: --shard 0/%d … --shard %d/%d", s.N-1, s.N, s.N-1, s.N)}
	}
	return nil
}

// Has reports whether the case folder name belongs to shard s.
func (s Shard) Has(name string) bool {
	s = s.norm1()
	return ShardOf(name, s.N) == s.K
}

// ShardOf is the shard, 0 to n-1, of the case folder name among n shards:
// the first 8 bytes of SHA-256 of the name in Unicode NFC, read as a
// big-endian unsigned number, modulo n. It depends on the name alone, so
// workers that list ROOT at different times, or on machines that spell
// the name in NFD (macOS), agree on it without talking to each other; the
// shell computes the same number with
//
//	printf %s "$name" | sha256sum | python3 -c 'import sys; print(int(sys.stdin.read()[:16], 16) % 4)'
//
// for a name already in NFC and n = 4. The rule is part of the output format:
// changing it would make shards of two versions miss or repeat cases.
// n < 1 is read as 1.
func ShardOf(name string, n int) int {
	if n <= 1 {
		return 0
	}
	sum := sha256.Sum256([]byte(norm.NFC.String(name)))
	return int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
}

// selectShard keeps the names of shard s, in their order.
func selectShard(names []string, s Shard) []string {
	if s.whole() {
		return names
	}
	var out []string
	for _, n := range names {
		if s.Has(n) {
			out = append(out, n)
		}
	}
	return out
}

// ShardCases lists the cases of root that shard s builds, in name order.
func ShardCases(root string, s Shard) ([]string, error) {
	names, err := BatchCases(root)
	if err != nil {
		return nil, err
	}
	return selectShard(names, s), nil
}
