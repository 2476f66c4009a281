package bundle

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// CaseUnreported is a case of a report whose bundle is in OUTROOT but in
// no shard's summary: a shard killed between the bundle's rename and its
// summary, or a bundle built alone with build -o. Its counts come from its
// manifest.json; only verify says whether it is whole.
const CaseUnreported CaseStatus = "unreported"

// ReportCase is one case of a report: its newest result among the shard
// summaries, or what its bundle's manifest.json says when no summary
// lists it.
type ReportCase struct {
	CaseResult
	// From is the shard whose summary gave this result, "K/N"; "" for an
	// unreported bundle.
	From string `json:"from"`
}

// ReportShard is one summary that report read.
type ReportShard struct {
	Shard  int    `json:"shard"`
	Shards int    `json:"shards"`
	File   string `json:"file"`
	Host   string `json:"host"`
	Root   string `json:"root"`
	// Generated is the run's clock; RootCases counts ROOT's cases as the
	// shard listed them; Cases counts the shard's own.
	Generated string `json:"generated"`
	RootCases int    `json:"root_cases"`
	Cases     int    `json:"cases"`
	Failed    int    `json:"failed"`
}

// MissingShard is a shard of an N that some summary was written for, but
// whose own summary is absent or unreadable.
type MissingShard struct {
	Shard  int    `json:"shard"`
	Shards int    `json:"shards"`
	Reason string `json:"reason"`
}

// ReportTotals count a report's cases by status, and the findings of the
// cases with a bundle by severity.
type ReportTotals struct {
	Cases        int `json:"cases"`
	Built        int `json:"built"` // ok and findings
	Skipped      int `json:"skipped"`
	Unreported   int `json:"unreported"`
	Failed       int `json:"failed"`
	WithFindings int `json:"with_findings"` // cases with an error finding
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
	Infos        int `json:"infos"`
}

// Report merges what the batches wrote into one output folder.
type Report struct {
	Out     string         `json:"out"`
	Shards  []ReportShard  `json:"shards"`
	Missing []MissingShard `json:"missing_shards"`
	// Complete is true when, for some N, every shard 0..N-1 reported: then
	// every case of ROOT (as each shard listed it) was tried.
	Complete bool         `json:"complete"`
	Cases    []ReportCase `json:"cases"`
	Totals   ReportTotals `json:"totals"`
	// Leftovers are temporary folders and files of killed builds in
	// OUTROOT: never bundles, safe to delete once no batch runs.
	Leftovers []string `json:"leftovers"`
	// Notes say what else the operator should know (shards that listed
	// ROOT with different numbers of cases, summaries of several N).
	Notes []string `json:"notes"`
}

// OK reports whether the batch is done and good, the report's exit 0:
// every shard of some N reported, no case failed, and no case carries an
// error finding (the same rule as a batch's own exit status).
func (r *Report) OK() bool {
	return r.Complete && r.Totals.Failed == 0 && r.Totals.WithFindings == 0
}

var summaryFile = regexp.MustCompile(`^shard-([0-9]{1,6})-of-([0-9]{1,6})\.json$`)

// ReadReport merges the summaries under out/.casebundle and the bundles in
// out into one report. Each case takes its result from the newest summary
// (by modification time) that lists it, so a rerun with another N
// supersedes the old one; a bundle no summary lists is counted as
// unreported. The error is a UsageError when out cannot be read or holds
// neither a summary nor a bundle.
func ReadReport(out string) (*Report, error) {
	ents, err := os.ReadDir(out)
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("read the output folder %s: %v", out, err),
			Hint: "give the -o OUTROOT of casebundle build --batch"}
	}
	rep := &Report{Out: out, Shards: []ReportShard{}, Missing: []MissingShard{}, Cases: []ReportCase{},
		Leftovers: []string{}, Notes: []string{}}

	type read struct {
		sum   *Summary
		file  string
		mtime time.Time
	}
	var sums []read
	seenN := map[int]bool{}
	reported := map[Shard]bool{}
	unreadable := map[Shard]string{}
	sumEnts, err := os.ReadDir(filepath.Join(out, SummaryDir))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, &UsageError{Msg: fmt.Sprintf("read %s: %v", filepath.Join(out, SummaryDir), err),
			Hint: "the shards' summaries are there; check its permissions"}
	}
	for _, e := range sumEnts {
		m := summaryFile.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		k, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		sh := Shard{k, n}
		if sh.Validate() != nil {
			continue
		}
		seenN[n] = true
		file := filepath.Join(SummaryDir, e.Name())
		s, err := ReadSummary(filepath.Join(out, file))
		if err == nil && (s.Shard != k || s.Shards != n) {
			err = fmt.Errorf("%s holds the summary of shard %d of %d", file, s.Shard, s.Shards)
		}
		if err != nil {
			unreadable[sh] = err.Error()
			continue
		}
		info, err := e.Info()
		if err != nil {
			unreadable[sh] = err.Error()
			continue
		}
		reported[sh] = true
		sums = append(sums, read{s, file, info.ModTime()})
	}
	// Oldest first, so that a newer summary's entry replaces an older one.
	sort.SliceStable(sums, func(i, j int) bool {
		if !sums[i].mtime.Equal(sums[j].mtime) {
			return sums[i].mtime.Before(sums[j].mtime)
		}
		return sums[i].file < sums[j].file
	})

	ns := make([]int, 0, len(seenN))
	for n := range seenN {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	for _, n := range ns {
		all := true
		for k := range n {
			sh := Shard{k, n}
			if reported[sh] {
				continue
			}
			all = false
			reason := "no summary"
			if why, ok := unreadable[sh]; ok {
				reason = "its summary cannot be read: " + why
			}
			rep.Missing = append(rep.Missing, MissingShard{Shard: k, Shards: n, Reason: reason})
		}
		if all {
			rep.Complete = true
		}
	}
	if len(ns) > 1 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("summaries of batches split %s ways are here; each case shows the newest result",
			joinInts(ns)))
	}

	byName := map[string]ReportCase{}
	rootCases := map[int]bool{}
	for _, r := range sums {
		s := r.sum
		rootCases[s.RootCases] = true
		rep.Shards = append(rep.Shards, ReportShard{Shard: s.Shard, Shards: s.Shards, File: r.file, Host: s.Host, Root: s.Root,
			Generated: s.Generated, RootCases: s.RootCases, Cases: len(s.Cases), Failed: s.Failed})
		from := Shard{s.Shard, s.Shards}.String()
		for _, c := range s.Cases {
			c.Bundle = filepath.Join(out, c.Name+".bundle")
			byName[c.Name] = ReportCase{CaseResult: c, From: from}
		}
	}
	sort.Slice(rep.Shards, func(i, j int) bool {
		a, b := rep.Shards[i], rep.Shards[j]
		if a.Shards != b.Shards {
			return a.Shards < b.Shards
		}
		return a.Shard < b.Shard
	})
	if len(rootCases) > 1 {
		counts := make([]int, 0, len(rootCases))
		for n := range rootCases {
			counts = append(counts, n)
		}
		sort.Ints(counts)
		rep.Notes = append(rep.Notes, fmt.Sprintf("the shards listed ROOT with %s cases: it changed between their runs, so a case added or removed meanwhile may be missing here",
			joinInts(counts)))
	}

	// What each summary says was built must still be there; a bundle no
	// summary lists still counts.
	bundles := map[string]bool{}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			if strings.Contains(name, ".tmp-") || strings.Contains(name, ".rebuild-") {
				rep.Leftovers = append(rep.Leftovers, name)
			}
			continue
		}
		if e.IsDir() && strings.HasSuffix(name, ".bundle") && name != ".bundle" {
			bundles[strings.TrimSuffix(name, ".bundle")] = true
		}
	}
	for name, c := range byName {
		if c.Status == CaseFailed || bundles[name] {
			continue
		}
		c.Status = CaseFailed
		c.Error = fmt.Sprintf("shard %s built %s, but it is not there any more", c.From, c.Bundle)
		c.Hint = "run the batch again (it builds the missing case only)"
		byName[name] = c
	}
	for name := range bundles {
		if _, ok := byName[name]; ok {
			continue
		}
		dir := filepath.Join(out, name+".bundle")
		c := ReportCase{CaseResult: CaseResult{Name: name, Bundle: dir, Status: CaseUnreported}}
		m, err := readManifest(dir)
		if err == nil {
			err = checkFormat(m)
		}
		if err != nil {
			c.Status = CaseFailed
			c.Error = fmt.Sprintf("%s is in no shard's summary and its manifest.json cannot be read: %v", dir, err)
			c.Hint = "see casebundle verify " + dir
		} else {
			c.Items = len(m.Items)
			c.count(m)
		}
		byName[name] = c
	}

	if len(sums) == 0 && len(unreadable) == 0 && len(bundles) == 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("%s holds no batch results: no shard summary in %s and no bundle", out, SummaryDir),
			Hint: "casebundle build --batch ROOT -o " + out + " writes them"}
	}

	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	t := &rep.Totals
	for _, n := range names {
		c := byName[n]
		rep.Cases = append(rep.Cases, c)
		t.Cases++
		switch c.Status {
		case CaseOK, CaseFindings:
			t.Built++
		case CaseSkipped:
			t.Skipped++
		case CaseUnreported:
			t.Unreported++
		case CaseFailed:
			t.Failed++
			continue
		}
		if c.Errors > 0 {
			t.WithFindings++
		}
		t.Errors += c.Errors
		t.Warnings += c.Warnings
		t.Infos += c.Infos
	}
	sort.Strings(rep.Leftovers)
	return rep, nil
}

// checkFormat refuses a manifest.json that casebundle did not write.
func checkFormat(m *Manifest) error {
	if m.Format != Format {
		return fmt.Errorf("format %q, want %q", m.Format, Format)
	}
	return nil
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
