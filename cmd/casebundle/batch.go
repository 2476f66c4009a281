package main

import (
	"context"
	"fmt"
	"io"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/internal/progress"
)

// runBatch builds every direct subfolder of opt.batch as a case.
func runBatch(ctx context.Context, opt buildOptions, out, errOut io.Writer) error {
	t, err := now(opt.time)
	if err != nil {
		return err
	}
	bopt := bundle.BatchOptions{Out: opt.out, Jobs: opt.workers, Force: opt.force,
		Build: bundle.Options{Now: t, Purpose: opt.purpose, Lang: opt.lang, Zip: opt.zip, Redact: opt.redact, VolumeSize: opt.volumeSize, FFmpeg: opt.ffmpeg}}
	if opt.tsa != "" {
		bopt.Build.Stamp = bundle.NewTSAClient(opt.tsa)
	}
	cases, err := bundle.BatchCases(opt.batch)
	if err != nil {
		return err
	}
	bar := progress.New(errOut, !opt.json, int64(len(cases)), "cases")
	bopt.Progress = bar
	res, err := bundle.Batch(ctx, opt.batch, bopt)
	bar.Finish()
	if err != nil {
		return err
	}
	if opt.json {
		if err := writeJSON(out, res); err != nil {
			return err
		}
	} else {
		printBatch(out, res)
	}
	if res.Failed > 0 || res.WithFindings > 0 {
		return found()
	}
	return nil
}

// printBatch writes one line per case, then the count of failed cases with
// each one's name and reason.
func printBatch(out io.Writer, res *bundle.BatchResult) {
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
