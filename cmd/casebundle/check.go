package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/evidence"
)

type checkOptions struct {
	dir     string
	json    bool
	workers int
	ocr     ocrFlags
}

func newCheckCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "read and check every item of a case without writing anything / 检查证据",
		ArgsUsage: "DIR",
		Description: `Reads case.yaml and every evidence file in DIR, and lists what each item is and every
finding: an image that does not decode, a transaction ID of the wrong form, a photo without
capture time, a missing case.yaml. Then the facts found in the evidence that case.yaml
lacks (a transaction number a bill, chat or screenshot shows, the other party's WeChat ID),
as YAML to paste. Nothing is written. Exit status 1 if any finding is an error.

Example:
   casebundle check mycase --json`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print one JSON document on stdout"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files read in parallel", DefaultText: "one per CPU"},
		}, ocrFlagList()...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle check DIR", "check takes one case folder, got %d arguments", c.NArg())
			}
			return runCheck(c.Context, checkOptions{dir: c.Args().First(), json: c.Bool("json"), workers: c.Int("jobs"), ocr: readOCRFlags(c)}, c.App.Writer)
		},
	}
}

type checkJSON struct {
	Case     string             `json:"case"`
	OK       bool               `json:"ok"`
	Items    []checkItemJSON    `json:"items"`
	Findings []evidence.Finding `json:"findings"`
	// NotInCase are the facts found in the evidence that case.yaml lacks
	// (bundle.Draft, CaseDraft.Missing), with the YAML to paste.
	NotInCase checkMissingJSON `json:"facts_not_in_case"`
}

type checkMissingJSON struct {
	Transactions []bundle.DraftTxn `json:"transactions"`
	Respondent   bundle.DraftParty `json:"respondent"`
	YAML         string            `json:"yaml"`
}

type checkItemJSON struct {
	Exhibit  int                `json:"exhibit"`
	Path     string             `json:"path"`
	Kind     evidence.Kind      `json:"kind"`
	MIME     string             `json:"mime"`
	Size     int64              `json:"size"`
	SHA256   string             `json:"sha256"`
	Title    string             `json:"title"`
	Findings []evidence.Finding `json:"findings"`
}

func runCheck(ctx context.Context, opt checkOptions, out io.Writer) error {
	t, err := now("")
	if err != nil {
		return err
	}
	a, err := bundle.Check(ctx, opt.dir, bundle.Options{Now: t, Workers: opt.workers, OCR: opt.ocr.mode, Tesseract: opt.ocr.tesseract})
	if err != nil {
		return err
	}
	missing := bundle.Draft(a).Missing(a.Case)
	paste := missing.PasteYAML()
	if opt.json {
		doc := checkJSON{Case: opt.dir, OK: !a.HasError(), Items: []checkItemJSON{}, Findings: a.AllFindings(),
			NotInCase: checkMissingJSON{Transactions: missing.Transactions, Respondent: missing.Respondent, YAML: paste}}
		for _, e := range a.Exhibits {
			fs := e.Item.Findings
			if fs == nil {
				fs = []evidence.Finding{}
			}
			doc.Items = append(doc.Items, checkItemJSON{Exhibit: e.Number, Path: e.Item.Path, Kind: e.Item.Kind, MIME: e.Item.MIME,
				Size: e.Item.Size, SHA256: e.Item.SHA256, Title: e.Title, Findings: fs})
		}
		if doc.Findings == nil {
			doc.Findings = []evidence.Finding{}
		}
		if err := writeJSON(out, doc); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(out, "%s: %d items\n", opt.dir, len(a.Exhibits))
		for _, e := range a.Exhibits {
			fmt.Fprintf(out, "  %3d  %-8s %s  (%s)\n", e.Number, e.Item.Kind, e.Item.Path, e.Title)
		}
		all := a.AllFindings()
		errs, warns, infos := countFindings(all)
		fmt.Fprintf(out, "findings: %d errors, %d warnings, %d notes\n", errs, warns, infos)
		printFindings(out, all)
		if paste != "" {
			fmt.Fprintf(out, "\n%s", paste)
		}
	}
	if a.HasError() {
		return found()
	}
	return nil
}
