package bundle

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/casebundle/casebundle/evidence"
)

// Progress receives counts of work done; cmd draws a bar from it.
type Progress interface {
	Add(n int)
}

type noProgress struct{}

func (noProgress) Add(int) {}

// entry is one evidence file found in the case folder.
type entry struct {
	rel  string // slash-separated path relative to the case folder
	abs  string
	info fs.FileInfo
}

// scan lists the evidence files of a case folder in path order. Links,
// pipes, devices and unreadable folders are findings; their content is
// never read.
func scan(dir string) ([]entry, []evidence.Finding, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read case folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("read case folder %s: not a folder", dir)
	}
	var entries []entry
	var findings []evidence.Finding
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p == dir {
				return err
			}
			findings = append(findings, evidence.NewFinding(evidence.CodeUnreadable, rel, unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == CaseFile {
			return nil
		}
		typ := d.Type()
		switch {
		case d.IsDir():
			return nil
		case typ&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			findings = append(findings, evidence.NewFinding(evidence.CodeSymlinkSkipped, rel, target))
			return nil
		case !typ.IsRegular():
			findings = append(findings, evidence.NewFinding(evidence.CodeNotRegularFile, rel))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			findings = append(findings, evidence.NewFinding(evidence.CodeUnreadable, rel, unwrapPath(err)))
			return nil
		}
		entries = append(entries, entry{rel: rel, abs: p, info: info})
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read case folder %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	return entries, findings, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readItems reads every entry once with workers goroutines. When dataDir is
// not empty each file is copied there under its relative path as it is
// read. A file that cannot be opened or read becomes an item with an error
// finding; a copy that cannot be written stops the work (the bundle would be
// incomplete).
func readItems(entries []entry, dataDir string, workers int, lim evidence.Limits, prog Progress) ([]*evidence.Item, error) {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	items := make([]*evidence.Item, len(entries))
	errs := make([]error, len(entries))
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	stop := make(chan struct{})
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				it, err := readOne(entries[i], dataDir, lim)
				items[i], errs[i] = it, err
				if err != nil {
					once.Do(func() { close(stop) })
				}
				prog.Add(1)
			}
		}()
	}
feed:
	for i := range entries {
		select {
		case next <- i:
		case <-stop:
			break feed
		}
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return items, nil
}

func readOne(e entry, dataDir string, lim evidence.Limits) (*evidence.Item, error) {
	unreadable := func(err error) *evidence.Item {
		it := &evidence.Item{Path: e.rel, Kind: evidence.KindOther, MIME: "application/octet-stream", Modified: e.info.ModTime().UTC(), Size: e.info.Size()}
		it.Add(evidence.CodeFileUnreadable, unwrapPath(err))
		return it
	}
	src, err := openNoFollow(e.abs)
	if err != nil {
		return unreadable(err), nil
	}
	defer src.Close()
	if st, err := src.Stat(); err != nil || !st.Mode().IsRegular() {
		if err == nil {
			err = errors.New("not a regular file")
		}
		return unreadable(err), nil
	}
	var dst *os.File
	var w io.Writer
	if dataDir != "" {
		target := filepath.Join(dataDir, filepath.FromSlash(e.rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return nil, fmt.Errorf("write %s: %w", target, err)
		}
		dst, err = os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", target, err)
		}
		defer dst.Close()
		w = dst
	}
	it, err := evidence.Read(e.rel, src, w, e.info.ModTime(), lim)
	var re *evidence.ReadError
	if errors.As(err, &re) && !re.Write {
		// The original could not be read to the end: say so, and keep no
		// partial copy in the bundle.
		if dst != nil {
			dst.Close()
			os.Remove(dst.Name())
		}
		return unreadable(re.Err), nil
	}
	if err != nil {
		return nil, err
	}
	if dst != nil {
		if err := dst.Sync(); err != nil {
			return nil, fmt.Errorf("write %s: %w", dst.Name(), err)
		}
		if err := dst.Close(); err != nil {
			return nil, fmt.Errorf("write %s: %w", dst.Name(), err)
		}
		// The copy keeps the original's modification time.
		_ = os.Chtimes(dst.Name(), e.info.ModTime(), e.info.ModTime())
	}
	return it, nil
}
