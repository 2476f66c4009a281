package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
)

type addOptions struct {
	dir   string
	files []string
	bundle.AddOptions
}

func newAddCommand() *cli.Command {
	return &cli.Command{
		Name:      "add",
		Usage:     "copy evidence files into a case and note what they prove / 添加证据",
		ArgsUsage: "DIR FILE...",
		Description: `Copies each FILE into the case folder DIR (the original stays untouched; a file of
the same name in the case is never replaced) and records --title, --proves and --source
for it under items: in case.yaml, keeping your comments there.

Example:
   casebundle add mycase ~/Pictures/转账成功.png --title 转账成功截图 --proves 已向张三转账5000元 --source 本人手机截图`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "title", Usage: "name of the evidence in the index (证据名称)"},
			&cli.StringFlag{Name: "proves", Usage: "what it proves (证明目的)"},
			&cli.StringFlag{Name: "source", Usage: "where it comes from (证据来源)"},
			&cli.StringFlag{Name: "into", Usage: "sub-folder of the case to copy into, e.g. screens"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() < 2 {
				return usageErr("casebundle add DIR FILE...", "add takes a case folder and at least one file")
			}
			return runAdd(addOptions{dir: c.Args().First(), files: c.Args().Tail(), AddOptions: bundle.AddOptions{
				Title: c.String("title"), Proves: c.String("proves"), Source: c.String("source"), Into: c.String("into")}}, c.App.Writer)
		},
	}
}

func runAdd(opt addOptions, out io.Writer) error {
	added, err := bundle.Add(opt.dir, opt.files, opt.AddOptions)
	for _, p := range added {
		fmt.Fprintf(out, "added %s\n", p)
	}
	return err
}
