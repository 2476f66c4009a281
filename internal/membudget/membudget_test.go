package membudget

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestBudgetNeverExceeded(t *testing.T) {
	b := New(100)
	var inUse, peak atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(n int64) {
			defer wg.Done()
			got := b.Acquire(n)
			now := inUse.Add(got)
			for {
				p := peak.Load()
				if now <= p || peak.CompareAndSwap(p, now) {
					break
				}
			}
			inUse.Add(-got)
			b.Release(got)
		}(int64(10 + i%7*20)) // 10..130: one is larger than the budget
	}
	wg.Wait()
	if peak.Load() > 100 {
		t.Fatalf("peak %d over the budget of 100", peak.Load())
	}
	if b.used != 0 {
		t.Fatalf("%d still in use", b.used)
	}
}
