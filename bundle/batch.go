package bundle

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/casebundle/casebundle/evidence"
)

// BatchOptions control a batch build over a folder of case folders.
type BatchOptions struct {
	// Out is the folder that receives <case>.bundle for every case; ""
	// means ROOT.bundles beside ROOT.
	Out string
	// Jobs is the number of cases built at once; 0 means one per CPU.
	// Each build then reads its files with NumCPU/Jobs workers, so that
	// the cases share the CPUs instead of competing for them.
	Jobs int
	// Force rebuilds cases whose bundle exists and verifies. The new
	// bundle replaces the old one only once it is complete.
	Force bool
	// Build is the template of every case's build: the clock, purpose,
	// language, limits, timestamp authority, zip and redaction. Its Out,
	// Workers and Progress are set per case.
	Build Options
	// Progress gets Add(1) for every case done, whatever its status.
	Progress Progress
	// Shard builds only the cases of shard K of N (ShardOf); the zero
	// Shard is the whole batch. Every batch, sharded or not, writes its
	// summary to Out/.casebundle/shard-K-of-N.json (SummaryPath).
	Shard Shard
}

// CaseStatus is what became of one case of a batch.
type CaseStatus string

const (
	// CaseOK: the bundle was written and no item carries an error finding.
	CaseOK CaseStatus = "ok"
	// CaseFindings: the bundle was written and an item carries an error
	// finding (the single build's exit 1); the dossier shows it.
	CaseFindings CaseStatus = "findings"
	// CaseFailed: no bundle was written (an unreadable case.yaml, a failed
	// write), or an existing bundle does not verify and was kept.
	CaseFailed CaseStatus = "failed"
	// CaseSkipped: the bundle existed and verified, so it was kept.
	CaseSkipped CaseStatus = "skipped"
)

// CaseResult is one case of a batch, as the --json summary prints it.
type CaseResult struct {
	Name   string     `json:"name"`
	Status CaseStatus `json:"status"`
	// Bundle is the case's bundle folder (written, or kept when skipped).
	Bundle string `json:"bundle"`
	// Items is the number of evidence items in the bundle.
	Items int `json:"items"`
	// Findings counts every finding (notes included); Errors, Warnings
	// and Infos count them by severity.
	Findings int `json:"findings"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Error says why the case failed, naming the file; "" otherwise.
	Error string `json:"error"`
	// Hint says what to do about Error, when there is something to do.
	Hint string `json:"hint,omitempty"`
}

// BatchResult is the outcome of a batch, one entry per case of its shard
// in name order.
type BatchResult struct {
	Root string `json:"root"`
	Out  string `json:"out"`
	// Shard and Shards are the K and N of --shard K/N (0 and 1 for the
	// whole batch); RootCases counts the cases of ROOT in all shards.
	Shard     int          `json:"shard"`
	Shards    int          `json:"shards"`
	RootCases int          `json:"root_cases"`
	Cases     []CaseResult `json:"cases"`
	// Failed counts the cases with status failed.
	Failed int `json:"failed"`
	// WithFindings counts the cases with status findings.
	WithFindings int `json:"with_findings"`
}

// DefaultBatchOut is where a batch writes without -o: ROOT.bundles beside
// ROOT.
func DefaultBatchOut(root string) string {
	clean := filepath.Clean(root)
	if abs, err := filepath.Abs(clean); err == nil {
		clean = abs
	}
	return clean + ".bundles"
}

// BatchCases lists the cases of a batch root: its direct subfolders in
// name order, without dot-folders, files and links.
func BatchCases(root string) ([]string, error) {
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("read batch folder %s: %w", root, err)
	}
	var names []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// Batch builds every direct subfolder of root as a case into
// Out/<name>.bundle, Jobs cases at a time; with a Shard, only the cases of
// that shard. A case that cannot be built is recorded as failed and the
// others go on; the error is non-nil only when the batch itself cannot run
// (root unreadable, Out not creatable, an interrupt). At the end the
// result is written to Out/.casebundle/shard-K-of-N.json for report; when
// only that write fails, the result comes back with the error.
func Batch(ctx context.Context, root string, opt BatchOptions) (*BatchResult, error) {
	if err := checkJobs(opt.Jobs, "cases"); err != nil {
		return nil, err
	}
	if err := opt.Shard.Validate(); err != nil {
		return nil, err
	}
	if err := opt.Build.validate(); err != nil {
		return nil, err
	}
	// The OCR engine is found once for every case (--ocr on without one
	// refuses the batch before anything is written).
	eng, err := opt.Build.findOCR()
	if err != nil {
		return nil, err
	}
	opt.Build.ocrEngine = eng
	out := opt.Out
	if out == "" {
		out = DefaultBatchOut(root)
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if absOut == absRoot || strings.HasPrefix(absOut, absRoot+string(filepath.Separator)) {
		return nil, &UsageError{Msg: fmt.Sprintf("the output folder %s would be inside the batch folder %s", out, root),
			Hint: "every folder under ROOT is a case; choose -o outside it"}
	}
	names, err := BatchCases(root)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("%s has no case folders", root),
			Hint: "--batch takes a folder whose subfolders are cases; to build one case folder: casebundle build DIR"}
	}
	if err := os.MkdirAll(absOut, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", out, err)
	}
	shard := opt.Shard.norm1()
	rootCases := len(names)
	names = selectShard(names, shard)
	jobs := opt.Jobs
	if jobs < 1 {
		jobs = runtime.NumCPU()
	}
	jobs = max(1, min(jobs, len(names)))
	perCase := opt.Build
	perCase.Workers = max(1, runtime.NumCPU()/jobs)
	perCase.Progress = nil
	prog := opt.Progress
	if prog == nil {
		prog = noProgress{}
	}

	res := &BatchResult{Root: absRoot, Out: absOut, Shard: shard.K, Shards: shard.N, RootCases: rootCases,
		Cases: make([]CaseResult, len(names))}
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				res.Cases[i] = buildCase(ctx, filepath.Join(absRoot, names[i]), names[i], absOut, opt.Force, perCase)
				prog.Add(1)
			}
		})
	}
feed:
	for i := range names {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, c := range res.Cases {
		switch c.Status {
		case CaseFailed:
			res.Failed++
		case CaseFindings:
			res.WithFindings++
		}
	}
	if err := writeSummary(res, opt.Build.Now); err != nil {
		return res, err
	}
	return res, nil
}

// buildCase builds one case, or keeps its bundle when that verifies. It
// never panics and never returns an error: what went wrong is the result.
func buildCase(ctx context.Context, dir, name, outRoot string, force bool, opt Options) (r CaseResult) {
	dst := filepath.Join(outRoot, name+".bundle")
	r = CaseResult{Name: name, Bundle: dst}
	defer func() {
		if p := recover(); p != nil {
			r = CaseResult{Name: name, Bundle: dst, Status: CaseFailed,
				Error: fmt.Sprintf("internal error while building %s: %v", dir, p),
				Hint:  "please report this with the case folder's file types (not its content)"}
		}
	}()
	fail := func(err error) CaseResult {
		r.Status, r.Error = CaseFailed, err.Error()
		var ce *CaseError
		var ue *UsageError
		switch {
		case errors.As(err, &ce):
			r.Hint = ce.Hint
		case errors.As(err, &ue):
			r.Hint = ue.Hint
		}
		return r
	}

	if _, err := os.Lstat(dst); err == nil {
		rep, verr := Verify(dst)
		switch {
		case verr == nil && rep.OK && !force:
			r.Status = CaseSkipped
			if m, err := readManifest(dst); err == nil {
				r.Items = len(m.Items)
				r.count(m)
			}
			return r
		case !force:
			why := "it is not a bundle"
			if verr == nil {
				why = fmt.Sprintf("it does not verify (%d problems)", len(rep.Problems))
			}
			r.Status = CaseFailed
			r.Error = fmt.Sprintf("%s already exists and %s; it was kept as it is", dst, why)
			r.Hint = "see casebundle verify " + dst + "; remove it, or pass --force to replace it with a new build"
			return r
		}
		return rebuild(ctx, dir, dst, opt, r, fail)
	}
	opt.Out = dst
	res, err := Build(ctx, dir, opt)
	if err != nil {
		return fail(err)
	}
	return built(r, res)
}

// rebuild builds a case again into a temporary folder beside its bundle and
// swaps the new bundle in only once it is complete: a failed rebuild leaves
// the old bundle where it was.
func rebuild(ctx context.Context, dir, dst string, opt Options, r CaseResult, fail func(error) CaseResult) CaseResult {
	tmp, err := os.MkdirTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".rebuild-")
	if err != nil {
		return fail(fmt.Errorf("create a temporary folder beside %s: %w", dst, err))
	}
	defer os.RemoveAll(tmp)
	opt.Out = filepath.Join(tmp, filepath.Base(dst))
	res, err := Build(ctx, dir, opt)
	if err != nil {
		return fail(err)
	}
	old := filepath.Join(tmp, "old")
	if err := os.Rename(dst, old); err != nil {
		return fail(fmt.Errorf("move the old bundle %s aside: %w", dst, err))
	}
	if err := os.Rename(opt.Out, dst); err != nil {
		if rerr := os.Rename(old, dst); rerr != nil {
			return fail(fmt.Errorf("move the new bundle to %s: %w; the old bundle is at %s", dst, err, old))
		}
		return fail(fmt.Errorf("move the new bundle to %s: %w; the old bundle was kept", dst, err))
	}
	if opt.Zip {
		if err := os.Rename(ZipPath(opt.Out), ZipPath(dst)); err != nil {
			return fail(fmt.Errorf("move the new zip to %s: %w", ZipPath(dst), err))
		}
	}
	_ = syncDir(filepath.Dir(dst))
	res.Bundle = dst
	return built(r, res)
}

func built(r CaseResult, res *Result) CaseResult {
	r.Items = len(res.Manifest.Items)
	r.count(res.Manifest)
	r.Status = CaseOK
	if r.Errors > 0 {
		r.Status = CaseFindings
	}
	return r
}

// count sets the finding counts of r from a manifest's case-level and
// item findings: all of them, and each severity.
func (r *CaseResult) count(m *Manifest) {
	r.Findings, r.Errors, r.Warnings, r.Infos = 0, 0, 0, 0
	add := func(fs []evidence.Finding) {
		r.Findings += len(fs)
		for _, f := range fs {
			switch f.Severity {
			case evidence.Error:
				r.Errors++
			case evidence.Warning:
				r.Warnings++
			default:
				r.Infos++
			}
		}
	}
	add(m.Findings)
	for _, it := range m.Items {
		add(it.Findings)
	}
}

// readManifest reads a bundle's manifest.json, at most as large as verify
// accepts a tag file.
func readManifest(bundleDir string) (*Manifest, error) {
	data, err := readBounded(filepath.Join(bundleDir, "manifest.json"), maxTagFile)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(bundleDir, "manifest.json"), err)
	}
	return &m, nil
}
