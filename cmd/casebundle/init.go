package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
)

type initOptions struct {
	dir string
	bundle.InitOptions
	// from is the folder of evidence to copy and draft from (--from).
	from      string
	ocr       string
	tesseract string
	workers   int
}

func newInitCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "start a case folder with a commented case.yaml, or draft one from a folder of evidence / 新建案件文件夹",
		ArgsUsage: "DIR",
		Description: `Creates DIR (if needed) and writes DIR/case.yaml, a commented template of the facts
of the case: parties, narrative, transactions and notes per evidence file. An existing
case.yaml is never replaced.

With --from FOLDER, copies FOLDER's files into DIR (same relative paths; the originals are
only read; dot-files and links are skipped), reads them all as check does (screenshots with
OCR when Tesseract is installed) and writes case.yaml already filled with what was found:
the transactions, the other party, the platform, a guessed complaint type, a title and a
note per file. Every value read from a file says so in a comment ("待核对 … check it").

Examples:
   casebundle init 转错账 --purpose complaint --platform wechat
   casebundle init 转错账 --from ~/Desktop/证据`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "purpose", Value: "civil", Usage: "complaint (平台投诉), police (报案) or civil (民事诉讼)"},
			&cli.StringFlag{Name: "platform", Value: "wechat", Usage: "wechat, alipay, bank or other (with --from: what the evidence shows)"},
			&cli.StringFlag{Name: "lang", Value: "zh", Usage: "language of the dossier: zh or en"},
			&cli.StringFlag{Name: "from", Usage: "copy the evidence files of `FOLDER` in and draft case.yaml from them"},
			&cli.StringFlag{Name: "ocr", Value: "auto", Usage: "with --from: read screenshots with Tesseract: auto (when installed), on (required) or off"},
			&cli.StringFlag{Name: "tesseract", Usage: "with --from: the tesseract program (`PATH`)", DefaultText: "$CASEBUNDLE_TESSERACT, else tesseract on PATH"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "with --from: files read in parallel", DefaultText: "one per CPU"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle init DIR", "init takes one folder, got %d arguments", c.NArg())
			}
			opt := initOptions{dir: c.Args().First(), InitOptions: bundle.InitOptions{
				Purpose: c.String("purpose"), Platform: c.String("platform"), Lang: c.String("lang")},
				from: c.String("from"), ocr: c.String("ocr"), tesseract: c.String("tesseract"), workers: c.Int("jobs")}
			if opt.from == "" {
				for _, f := range []string{"ocr", "tesseract", "jobs"} {
					if c.IsSet(f) {
						return usageErr("casebundle init DIR --from FOLDER --"+f+" …", "--%s reads evidence, which only init --from does", f)
					}
				}
				return runInit(opt, c.App.Writer)
			}
			if !c.IsSet("platform") {
				opt.Platform = "" // the evidence says
			}
			return runInitFrom(c.Context, opt, c.App.Writer)
		},
	}
}

func runInit(opt initOptions, out io.Writer) error {
	path, err := bundle.Init(opt.dir, opt.InitOptions)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s\nnext: fill it in, put the evidence files in %s (or casebundle add %s FILE...), then casebundle check %s\n",
		path, opt.dir, opt.dir, opt.dir)
	return nil
}

func runInitFrom(ctx context.Context, opt initOptions, out io.Writer) error {
	t, err := now("")
	if err != nil {
		return err
	}
	res, err := bundle.InitFrom(ctx, opt.dir, opt.from, opt.InitOptions,
		bundle.Options{Now: t, Workers: opt.workers, OCR: opt.ocr, Tesseract: opt.tesseract})
	if err != nil {
		return err
	}
	if len(res.Copied) > 0 {
		fmt.Fprintf(out, "copied %d files from %s into %s (the originals are untouched)\n", len(res.Copied), opt.from, opt.dir)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(out, "skipped %s\n", s)
	}
	d := res.Draft
	fmt.Fprintf(out, "read %d items: %d transactions", len(res.Analysis.Exhibits), len(d.Transactions))
	if n := d.Respondent.Name.Value; n != "" {
		fmt.Fprintf(out, ", other party %s", n)
	}
	if d.Platform.Value != "" {
		fmt.Fprintf(out, ", platform %s", d.Platform.Value)
	}
	if d.ComplaintType.Value != "" {
		fmt.Fprintf(out, ", complaint type %s (guessed)", d.ComplaintType.Value)
	}
	fmt.Fprintln(out)
	for _, tx := range d.Transactions {
		fmt.Fprintf(out, "  %s  %s  %s  %s  %s\n", tx.ID.Value, orDash(tx.Time.Value), orDash(tx.Amount.Value), orDash(tx.Direction.Value), strings.Join(tx.Files, ", "))
	}
	fmt.Fprintf(out, "wrote %s: every value read from a file is marked %q / check it\n", res.CasePath, bundle.PrefillMark)
	fmt.Fprintf(out, "next: check each marked value against its file, then casebundle check %s\n", opt.dir)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
