package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
)

type initOptions struct {
	dir string
	bundle.InitOptions
}

func newInitCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "start a case folder with a commented case.yaml / 新建案件文件夹",
		ArgsUsage: "DIR",
		Description: `Creates DIR (if needed) and writes DIR/case.yaml, a commented template of the facts
of the case: parties, narrative, transactions and notes per evidence file. An existing
case.yaml is never replaced.

Example:
   casebundle init 转错账 --purpose complaint --platform wechat`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "purpose", Value: "civil", Usage: "complaint (平台投诉), police (报案) or civil (民事诉讼)"},
			&cli.StringFlag{Name: "platform", Value: "wechat", Usage: "wechat, alipay, bank or other"},
			&cli.StringFlag{Name: "lang", Value: "zh", Usage: "language of the dossier: zh or en"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("casebundle init DIR", "init takes one folder, got %d arguments", c.NArg())
			}
			return runInit(initOptions{dir: c.Args().First(), InitOptions: bundle.InitOptions{
				Purpose: c.String("purpose"), Platform: c.String("platform"), Lang: c.String("lang")}}, c.App.Writer)
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
