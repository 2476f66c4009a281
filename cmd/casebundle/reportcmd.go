package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
)

func newReportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "merge what the shards of a batch wrote into one result / 汇总分片批量结果",
		ArgsUsage: "OUTROOT",
		Description: `Reads the summary every build --batch writes to OUTROOT/.casebundle/shard-K-of-N.json
(one per shard, the whole batch being shard 0/1) and the bundles in OUTROOT, and prints one
line per case (ok, findings, skipped, failed, or unreported: a bundle no summary lists),
the totals, the findings by severity, and every shard of an N that has not reported. A case
takes its result from the newest summary that lists it. Nothing is written; bundles are not
rehashed (casebundle verify does that).

Exit status 1 when a case failed, a case carries an error finding, or no N has all its
shards reported; 2 when OUTROOT cannot be read or holds no results.

Example:
   casebundle report /out`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print one JSON document on stdout"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle report OUTROOT", "report takes one output folder of build --batch, got %d arguments", c.NArg())
			}
			rep, err := bundle.ReadReport(c.Args().First())
			if err != nil {
				return err
			}
			if c.Bool("json") {
				if err := writeJSON(c.App.Writer, rep); err != nil {
					return err
				}
			} else {
				printReport(c.App.Writer, rep)
			}
			if !rep.OK() {
				return found()
			}
			return nil
		},
	}
}

// printReport writes one line per case, the totals, the shards that have
// not reported, and the failed cases with their reasons and hints.
func printReport(out io.Writer, rep *bundle.Report) {
	for _, c := range rep.Cases {
		from := ""
		if c.From != "" {
			from = "   [shard " + c.From + "]"
		}
		switch c.Status {
		case bundle.CaseFailed:
			fmt.Fprintf(out, "%-10s %s: %s%s\n", c.Status, c.Name, c.Error, from)
		case bundle.CaseUnreported:
			fmt.Fprintf(out, "%-10s %s: %d items; %d errors, %d warnings, %d notes (a bundle in no shard's summary: casebundle verify %s)\n",
				c.Status, c.Name, c.Items, c.Errors, c.Warnings, c.Infos, c.Bundle)
		default:
			fmt.Fprintf(out, "%-10s %s: %d items; %d errors, %d warnings, %d notes%s\n", c.Status, c.Name, c.Items, c.Errors, c.Warnings, c.Infos, from)
		}
	}
	t := rep.Totals
	fmt.Fprintf(out, "\n%d cases: %d built, %d skipped, %d unreported, %d failed; %d with error findings (see their dossiers)\n",
		t.Cases, t.Built, t.Skipped, t.Unreported, t.Failed, t.WithFindings)
	fmt.Fprintf(out, "findings: %d errors, %d warnings, %d notes\n", t.Errors, t.Warnings, t.Infos)
	byN := map[int]int{}
	var ns []int
	for _, s := range rep.Shards {
		if byN[s.Shards] == 0 {
			ns = append(ns, s.Shards)
		}
		byN[s.Shards]++
	}
	for _, n := range ns { // rep.Shards is sorted by N
		root := 0
		for _, s := range rep.Shards {
			if s.Shards == n {
				root = max(root, s.RootCases)
			}
		}
		fmt.Fprintf(out, "%d of %d shards reported (ROOT had %d cases)\n", byN[n], n, root)
	}
	for _, m := range rep.Missing {
		fmt.Fprintf(out, "shard %d of %d has not reported: %s\n", m.Shard, m.Shards, m.Reason)
	}
	if len(rep.Shards) == 0 && len(rep.Missing) == 0 {
		fmt.Fprintf(out, "no shard has reported: no summary in %s/%s (a batch killed before its end, or bundles built without --batch)\n", rep.Out, bundle.SummaryDir)
	} else if !rep.Complete {
		fmt.Fprintf(out, "the batch is not complete: run the shards that have not reported (a rerun skips what is built)\n")
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(out, "note: %s\n", n)
	}
	if len(rep.Leftovers) > 0 {
		fmt.Fprintf(out, "note: %d temporary entries of killed builds in %s (never bundles; delete them once no batch runs):\n", len(rep.Leftovers), rep.Out)
		for _, l := range rep.Leftovers {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	fmt.Fprintf(out, "%d of %d cases failed\n", t.Failed, t.Cases)
	for _, c := range rep.Cases {
		if c.Status == bundle.CaseFailed {
			fmt.Fprintf(out, "  %s: %s\n", c.Name, c.Error)
			if c.Hint != "" {
				fmt.Fprintf(out, "    hint: %s\n", c.Hint)
			}
		}
	}
}
