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
	ca     string // PEM file of the TSA's CA
	json   bool
}

func newVerifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check that a bundle is complete and unchanged / 核验证据包",
		ArgsUsage: "BUNDLE",
		Description: `Recomputes the hash of every file of a BagIt bundle (a folder, or a .zip of one) and
compares it with its manifests; names every changed, missing or extra file; checks bagit.txt,
bag-info.txt's Payload-Oxum and the tag manifests. When the bundle has a trusted timestamp
(timestamp.tsr), checks that it covers manifest-sha256.txt as it is now and that its signature
verifies; with --ca, that the TSA's certificate chains to that CA. Works on bags made by other
BagIt tools too (0.97 and 1.0; md5, sha1, sha256, sha512 manifests).
Exit status 0 when everything holds, 1 when anything does not.

Example:
   casebundle verify mycase.bundle --ca freetsa-cacert.pem
   casebundle verify mycase.bundle.zip --json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "ca", Usage: "PEM `FILE` with the CA certificate of the time-stamp authority: the timestamp must chain to it"},
			&cli.BoolFlag{Name: "json", Usage: "print one JSON document on stdout"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle verify BUNDLE [--ca FILE]", "verify takes one bundle folder or .zip, got %d arguments", c.NArg())
			}
			return runVerify(c.Context, verifyOptions{bundle: c.Args().First(), ca: c.String("ca"), json: c.Bool("json")}, c.App.Writer)
		},
	}
}

func runVerify(_ context.Context, opt verifyOptions, out io.Writer) error {
	r, err := bundle.VerifyWith(opt.bundle, bundle.VerifyOptions{CAFile: opt.ca})
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
		for _, p := range r.Warnings {
			fmt.Fprintf(out, "warning: %s: %s\n", p.File, p.Message)
		}
		for _, p := range r.Notes {
			fmt.Fprintf(out, "note: %s: %s\n", p.File, p.Message)
		}
		if ts := r.Timestamp; ts != nil && ts.ImprintOK && ts.SignatureOK {
			chain := "not checked against a CA (use --ca)"
			if ts.Chained {
				chain = "chains to " + opt.ca
			}
			fmt.Fprintf(out, "trusted time: %s, serial %s, signed by %s, %s\n", ts.GenTime, ts.Serial, ts.Signer, chain)
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
