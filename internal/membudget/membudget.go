// Package membudget bounds the memory that decoded images take at once.
// Every decode asks for its bytes first (width × height × bytes per pixel)
// and gives them back when done, so however many CPUs decode in parallel and
// however large the images, the decoded pixels held at one time stay within
// the budget. A request larger than the whole budget waits until it can run
// alone.
package membudget

import "sync"

// Budget is a weighted semaphore counted in bytes.
type Budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	limit int64
	used  int64
}

// New returns a budget of limit bytes.
func New(limit int64) *Budget {
	b := &Budget{limit: limit}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// Images is the process-wide budget for decoded images: 384 MiB, enough for
// a dozen phone screenshots or one 48-megapixel photo with its copy, and far
// below the 1 GB a build may use.
var Images = New(384 << 20)

// Acquire waits until n bytes are free and takes them. It returns the
// amount taken, to be given back with Release.
func (b *Budget) Acquire(n int64) int64 {
	if n < 0 {
		n = 0
	}
	if n > b.limit {
		n = b.limit
	}
	b.mu.Lock()
	for b.used+n > b.limit {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
	return n
}

// Release gives back what Acquire took.
func (b *Budget) Release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
