package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
)

type verifyOptions struct {
	bundle string
	json   bool
}

func newVerifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check that a bundle is complete and unchanged / 核验证据包",
		ArgsUsage: "BUNDLE",
		Description: `Recomputes the hash of every file of a BagIt bundle and compares it with its
manifests; names every changed, missing or extra file; checks bag-info.txt's Payload-Oxum
and the tag manifest. Works on bags made by other BagIt tools too.
Exit status 0 when everything holds, 1 when anything does not.

Example:
   casebundle verify mycase.bundle --json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print one JSON document on stdout"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle verify BUNDLE", "verify takes one bundle folder, got %d arguments", c.NArg())
			}
			return runVerify(c.Context, verifyOptions{bundle: c.Args().First(), json: c.Bool("json")}, c.App.Writer)
		},
	}
}

func runVerify(_ context.Context, opt verifyOptions, out io.Writer) error {
	r, err := bundle.Verify(opt.bundle)
	if err != nil {
		return err
	}
	if opt.json {
		if err := writeJSON(out, r); err != nil {
			return err
		}
	} else {
		for _, p := range r.Problems {
			fmt.Fprintf(out, "%s: %s: %s\n", p.Problem, p.File, p.Message)
		}
		if r.OK {
			fmt.Fprintf(out, "OK: %s — %d payload files, %d hashes checked, nothing changed, missing or added\n", opt.bundle, r.Payload, r.Checked)
		} else {
			fmt.Fprintf(out, "FAILED: %s — %d problems\n", opt.bundle, len(r.Problems))
		}
	}
	if !r.OK {
		return found()
	}
	return nil
}
