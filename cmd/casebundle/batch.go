package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/internal/progress"
)

// runBatch builds every direct subfolder of opt.batch as a case; with
// --shard, those of one shard.
func runBatch(ctx context.Context, opt buildOptions, out, errOut io.Writer) error {
	shard, err := parseShard(opt.shard, os.Getenv)
	if err != nil {
		return err
	}
	t, err := now(opt.time)
	if err != nil {
		return err
	}
	bopt := bundle.BatchOptions{Out: opt.out, Jobs: opt.workers, Force: opt.force, Shard: shard,
		Build: bundle.Options{Now: t, Purpose: opt.purpose, Lang: opt.lang, Zip: opt.zip, Redact: opt.redact, VolumeSize: opt.volumeSize, Papers: opt.papers, FFmpeg: opt.ffmpeg,
			OCR: opt.ocr.mode, Tesseract: opt.ocr.tesseract}}
	if opt.tsa != "" {
		bopt.Build.Stamp = bundle.NewTSAClient(opt.tsa)
	}
	cases, err := bundle.ShardCases(opt.batch, shard)
	if err != nil {
		return err
	}
	bar := progress.New(errOut, !opt.json, int64(len(cases)), "cases")
	bopt.Progress = bar
	res, err := bundle.Batch(ctx, opt.batch, bopt)
	bar.Finish()
	if res == nil {
		return err
	}
	// With a result and an error, only the summary could not be written:
	// show what was built, then the error (exit 2).
	if opt.json {
		if jerr := writeJSON(out, res); jerr != nil {
			return jerr
		}
	} else {
		printBatch(out, res)
	}
	if err != nil {
		return err
	}
	if res.Failed > 0 || res.WithFindings > 0 {
		return found()
	}
	return nil
}

// shardEnv are the variables --shard auto/N reads K from, in this order:
// the Kubernetes Indexed Job's pod index, then the Slurm array task. The
// Slurm task ID is taken as it is (not minus SLURM_ARRAY_TASK_MIN), so the
// array must be --array=0-(N-1); a rerun of one task (--array=2) then
// still builds shard 2.
var shardEnv = []string{"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"}

// parseShard reads --shard: "" is the whole batch, "K/N" shard K of N (K
// counted from 0), "auto/N" takes K from the first of shardEnv that is
// set. Anything else is exit 2 with a hint.
func parseShard(v string, getenv func(string) string) (bundle.Shard, error) {
	if v == "" {
		return bundle.Shard{}, nil
	}
	const hint = "--shard K/N, K from 0 to N-1: --shard 0/4 … --shard 3/4; or --shard auto/4 in a Kubernetes Indexed Job or a Slurm array"
	ks, ns, ok := strings.Cut(v, "/")
	n, nerr := atoiDigits(ns)
	if !ok || nerr != nil {
		return bundle.Shard{}, usageErr(hint, "--shard %q: want K/N, two whole numbers such as 0/4", v)
	}
	if n < 1 || n > bundle.MaxShards {
		return bundle.Shard{}, usageErr(hint, "--shard %s: the number of shards N must be 1 to %d", v, bundle.MaxShards)
	}
	from := ""
	if ks == "auto" {
		for _, name := range shardEnv {
			if val := getenv(name); val != "" {
				ks, from = val, name
				break
			}
		}
		if from == "" {
			return bundle.Shard{}, usageErr("give the shard: --shard 0/"+ns+" … --shard "+strconv.Itoa(n-1)+"/"+ns+"; auto is for a Kubernetes Indexed Job or a Slurm array (docs/scale.md)",
				"--shard %s: neither %s is set", v, strings.Join(shardEnv, " nor "))
		}
	}
	k, kerr := atoiDigits(ks)
	if kerr != nil {
		if from != "" {
			return bundle.Shard{}, usageErr(hint, "--shard %s: %s=%q is not a whole number", v, from, ks)
		}
		return bundle.Shard{}, usageErr(hint, "--shard %q: want K/N, two whole numbers such as 0/4", v)
	}
	s := bundle.Shard{K: k, N: n}
	if err := s.Validate(); err != nil {
		if from != "" {
			return bundle.Shard{}, fmt.Errorf("%w (K from %s)", err, from)
		}
		return bundle.Shard{}, err
	}
	return s, nil
}

// atoiDigits reads a whole number written with digits only (no sign, no
// space), at most 9 of them.
func atoiDigits(s string) (int, error) {
	if s == "" || len(s) > 9 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(s)
}

// printBatch writes one line per case, then the count of failed cases with
// each one's name and reason.
func printBatch(out io.Writer, res *bundle.BatchResult) {
	if res.Shards > 1 {
		fmt.Fprintf(out, "shard %d/%d: %d of the %d cases of %s\n", res.Shard, res.Shards, len(res.Cases), res.RootCases, res.Root)
	}
	built, skipped := 0, 0
	for _, c := range res.Cases {
		switch c.Status {
		case bundle.CaseOK, bundle.CaseFindings:
			built++
			fmt.Fprintf(out, "%-8s %s: %d items, %d findings (%d errors) -> %s\n", c.Status, c.Name, c.Items, c.Findings, c.Errors, c.Bundle)
		case bundle.CaseSkipped:
			skipped++
			fmt.Fprintf(out, "%-8s %s: %s exists and verifies (--force rebuilds it)\n", c.Status, c.Name, c.Bundle)
		case bundle.CaseFailed:
			fmt.Fprintf(out, "%-8s %s: %s\n", c.Status, c.Name, c.Error)
		}
	}
	fmt.Fprintf(out, "\n%d cases: %d built, %d skipped, %d with error findings (see their dossiers)\n", len(res.Cases), built, skipped, res.WithFindings)
	fmt.Fprintf(out, "%d of %d cases failed\n", res.Failed, len(res.Cases))
	for _, c := range res.Cases {
		if c.Status == bundle.CaseFailed {
			fmt.Fprintf(out, "  %s: %s\n", c.Name, c.Error)
			if c.Hint != "" {
				fmt.Fprintf(out, "    hint: %s\n", c.Hint)
			}
		}
	}
}
