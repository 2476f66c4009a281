package main

import (
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/evidence"
)

func newTxnCommand() *cli.Command {
	return &cli.Command{
		Name:      "txn",
		Usage:     "check the form of transaction IDs / 核对交易单号",
		ArgsUsage: "ID...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "time", Usage: "judge embedded dates as of this RFC 3339 time (default: $SOURCE_DATE_EPOCH, else now)"},
		},
		Description: `Prints for each ID its likely platform and kind, whether its form is valid, and the
date embedded in it. An ID whose embedded date is after today (or --time), or
before the platform issued such IDs, is invalid. Exit status 1 if any ID is invalid.

Example:
   casebundle txn 4200002345202511031234567890 2025110322001412345678901234`,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageErr("casebundle txn ID...", "txn takes at least one transaction ID")
			}
			at, err := now(c.String("time"))
			if err != nil {
				return err
			}
			return runTxn(c.Args().Slice(), at, c.App.Writer)
		},
	}
}

func runTxn(ids []string, at time.Time, out io.Writer) error {
	bad := false
	for _, id := range ids {
		info := evidence.ParseTxnIDAt(id, at)
		date := "-"
		if info.HasDate {
			date = info.Date.Format("2006-01-02")
		}
		platform := info.Platform
		if platform == "" {
			platform = "unknown"
		}
		fmt.Fprintf(out, "%s\t%s\t%s / %s\t%s\tdate %s\n", info.ID, info.Form, info.KindZh, info.KindEn, platform, date)
		if info.ProblemEn != "" {
			fmt.Fprintf(out, "  %s / %s\n", info.ProblemZh, info.ProblemEn)
		}
		bad = bad || info.Form == evidence.FormInvalid
	}
	if bad {
		return found()
	}
	return nil
}
