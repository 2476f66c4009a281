package ocr

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Pool reads pages with at most N engine runs at a time (one process per
// core, each limited to Settings.ThreadLimit threads), through a cache
// when one is given. It is safe for concurrent use: callers may call Read
// from many goroutines and the pool keeps the cores busy without
// oversubscribing them.
type Pool struct {
	Engine *Engine
	Cache  *Cache // nil: no cache
	sem    chan struct{}
}

// NewPool makes a pool of n slots; n <= 0 means one per CPU.
func NewPool(e *Engine, n int, c *Cache) *Pool {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return &Pool{Engine: e, Cache: c, sem: make(chan struct{}, n)}
}

// Result is the reading of one file or buffer.
type Result struct {
	Path   string `json:"path,omitempty"`
	SHA256 string `json:"sha256"`
	Page   *Page  `json:"page,omitempty"`
	Cached bool   `json:"cached"`
	Err    error  `json:"-"`
}

// ReadData reads an encoded image, from the cache when it holds the page
// for these bytes, this engine version and these settings.
func (p *Pool) ReadData(ctx context.Context, data []byte) Result {
	sum := sha256.Sum256(data)
	res := Result{SHA256: hex.EncodeToString(sum[:])}
	var key string
	if p.Cache != nil {
		key = p.Cache.Key(res.SHA256, p.Engine.Info())
		if page, ok := p.Cache.Get(key); ok {
			res.Page, res.Cached = page, true
			return res
		}
	}
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		res.Err = ctx.Err()
		return res
	}
	page, err := p.Engine.ReadBytes(ctx, data)
	<-p.sem
	if err != nil {
		res.Err = err
		return res
	}
	res.Page = page
	if p.Cache != nil {
		// A cache that cannot be written costs time on the next run, not
		// correctness: the page is returned all the same.
		_ = p.Cache.Put(key, page)
	}
	return res
}

// MaxFileBytes bounds the image files ReadFile reads.
const MaxFileBytes = 64 << 20

// ReadFile reads the image file at path.
func (p *Pool) ReadFile(ctx context.Context, path string) Result {
	res := Result{Path: path}
	st, err := os.Stat(path)
	if err != nil {
		res.Err = err
		return res
	}
	if st.Size() > MaxFileBytes {
		res.Err = fmt.Errorf("%s: %d bytes, more than %d", path, st.Size(), MaxFileBytes)
		return res
	}
	data, err := os.ReadFile(path)
	if err != nil {
		res.Err = err
		return res
	}
	r := p.ReadData(ctx, data)
	r.Path = path
	if r.Err != nil {
		r.Err = fmt.Errorf("read %s: %w", path, r.Err)
	}
	return r
}

// ReadFiles reads the files with as many workers as the pool has slots
// (so that no more files are held in memory than are being read) and
// returns their results in the order of paths; a file that fails has its
// Err set and does not stop the others. After ctx is cancelled the files
// not yet read fail with its error.
func (p *Pool) ReadFiles(ctx context.Context, paths []string) []Result {
	out := make([]Result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(cap(p.sem), len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := ctx.Err(); err != nil {
					out[i] = Result{Path: paths[i], Err: err}
					continue
				}
				out[i] = p.ReadFile(ctx, paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
