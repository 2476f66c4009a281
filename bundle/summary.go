package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SummaryDir is the folder of OUTROOT where every batch writes its
// summary. It starts with a dot, so it is never taken for a bundle.
const SummaryDir = ".casebundle"

// SummaryFormat is the "format" of a summary file; a reader checks it.
const SummaryFormat = "casebundle-batch/1"

// maxSummary bounds a summary file that report reads: a million cases of
// a few hundred bytes each.
const maxSummary = 256 << 20

// Summary is what one batch run wrote about its cases, in
// OUTROOT/.casebundle/shard-K-of-N.json: the BatchResult (root, out,
// shard, shards, root_cases, cases, failed, with_findings) with the
// format, the software, the host that ran it and the run's clock.
type Summary struct {
	Format   string `json:"format"`
	Software string `json:"software"`
	// Host is the machine (the pod, the Slurm node) that ran the shard.
	Host string `json:"host"`
	// Generated is the run's one clock (--time), RFC 3339 UTC: the same
	// time as in every bundle the run built.
	Generated string `json:"generated"`
	BatchResult
}

// SummaryName is the file name of shard s's summary: shard-K-of-N.json.
func SummaryName(s Shard) string {
	s = s.norm1()
	return fmt.Sprintf("shard-%d-of-%d.json", s.K, s.N)
}

// SummaryPath is where a batch of shard s into out writes its summary.
func SummaryPath(out string, s Shard) string {
	return filepath.Join(out, SummaryDir, SummaryName(s))
}

// writeSummary writes res as its shard's summary under res.Out: into a
// temporary file beside it, synced, then renamed over the shard's previous
// summary. Every shard has its own file, so shards never write the same
// path, and a reader sees the old summary or the new one, never a mix; on
// NFS a rename within one folder is atomic too.
func writeSummary(res *BatchResult, now time.Time) error {
	host, _ := os.Hostname()
	sum := Summary{Format: SummaryFormat, Software: Software(), Host: host,
		Generated: now.UTC().Format(time.RFC3339), BatchResult: *res}
	if sum.Cases == nil {
		sum.Cases = []CaseResult{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sum); err != nil {
		return err
	}
	shard := Shard{res.Shard, res.Shards}
	dst := SummaryPath(res.Out, shard)
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write the batch summary: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+SummaryName(shard)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write the batch summary: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(b.Bytes())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write the batch summary %s: %w", dst, err)
	}
	_ = syncDir(dir)
	return nil
}

// ReadSummary reads a summary file that a batch wrote, checking that it is
// one (format, shard numbers, statuses, case names) before trusting it.
func ReadSummary(path string) (*Summary, error) {
	data, err := readBounded(path, maxSummary)
	if err != nil {
		return nil, err
	}
	s, err := parseSummary(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// parseSummary decodes and checks a summary. A summary is read from a
// shared folder that anyone may have written, so every case name must be
// a plain folder name (report joins it to OUTROOT).
func parseSummary(data []byte) (*Summary, error) {
	var s Summary
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("not a batch summary: %v", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("not a batch summary: more than one JSON document")
	}
	if s.Format != SummaryFormat {
		return nil, fmt.Errorf("format %q, want %q", s.Format, SummaryFormat)
	}
	if s.Shards < 1 || s.Shards > MaxShards || s.Shard < 0 || s.Shard >= s.Shards {
		return nil, fmt.Errorf("shard %d of %d is not a shard", s.Shard, s.Shards)
	}
	seen := make(map[string]bool, len(s.Cases))
	for i, c := range s.Cases {
		if !validCaseName(c.Name) {
			return nil, fmt.Errorf("case %d: %q is not a case folder name", i+1, c.Name)
		}
		if seen[c.Name] {
			return nil, fmt.Errorf("case %q is listed twice", c.Name)
		}
		seen[c.Name] = true
		switch c.Status {
		case CaseOK, CaseFindings, CaseFailed, CaseSkipped:
		default:
			return nil, fmt.Errorf("case %q: status %q is not one of ok, findings, failed, skipped", c.Name, c.Status)
		}
		if c.Items < 0 || c.Findings < 0 || c.Errors < 0 || c.Warnings < 0 || c.Infos < 0 {
			return nil, fmt.Errorf("case %q: a negative count", c.Name)
		}
	}
	return &s, nil
}

// validCaseName reports whether name is what BatchCases lists: one folder
// name, not a dot-name, no separator.
func validCaseName(name string) bool {
	return name != "" && !strings.HasPrefix(name, ".") && !strings.ContainsAny(name, `/\`+"\x00")
}

// readBounded reads a file of at most limit bytes.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read %s: larger than %d MB", path, limit>>20)
	}
	return data, nil
}
