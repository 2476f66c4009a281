// Command casebundle seals the evidence of a lost payment into a verifiable
// BagIt bundle with a PDF dossier for a complaint desk, the police or a court.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

func main() {
	// A soft memory limit: the garbage collector works harder once the
	// heap nears 128 MiB instead of letting it grow to twice the live data.
	// The live data of a build is small (one dossier volume and the images
	// being decoded, which a shared budget bounds), so this keeps a build of
	// 1000 screenshots under 200 MB and a case of image bombs near 400 MB,
	// for about 5 % more time. GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(128 << 20)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	err := app.RunContext(ctx, reorderArgs(app, args))
	return exitCode(err, stderr)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "casebundle",
		Usage: "seal the evidence of a lost payment into a verifiable bundle and a PDF dossier",
		Description: `casebundle reads a case folder (screenshots, photos, chat exports, bill exports and a
case.yaml with the facts), checks every item, hashes it with SHA-256 into a BagIt bundle and
draws a PDF dossier for a complaint desk, the police or a court. Originals are never changed.

   把截图、聊天记录、账单等证据封存为可核验的证据包，并生成投诉、报案或诉讼用的 PDF 卷宗。

   A first case:
      casebundle init mycase          # writes mycase/case.yaml to fill in
      casebundle add mycase ~/Pictures/转账成功.png --title 转账成功截图 --proves "已转账5000元"
      casebundle check mycase         # lists problems before you build
      casebundle build mycase         # writes mycase.bundle/ with dossier.pdf
      casebundle verify mycase.bundle # proves nothing changed since
      casebundle init mycase --from ~/Desktop/证据   # or: copy a folder in and draft case.yaml
      casebundle serve                # or: all of it in a page in the browser

   Exit status: 0 all good; 1 a problem was found (invalid evidence, a bundle that does not
   verify); 2 wrong usage or unreadable input.`,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // exitCode decides
		// No command: the help page. A word that is not a command is
		// wrong usage, said in one line.
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("the commands are "+commandList(c.App)+"; see casebundle --help",
					"unknown command '%s'", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			newInitCommand(),
			newAddCommand(),
			newCheckCommand(),
			newBuildCommand(),
			newVerifyCommand(),
			newTxnCommand(),
			newReportCommand(),
			newServeCommand(),
		},
	}
	// A wrong flag gets one line and a hint, not the whole help page.
	for _, cmd := range app.Commands {
		name := cmd.Name
		cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usageErr("see casebundle "+name+" --help", "%s: %v", name, err)
		}
	}
	app.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return usageErr("see casebundle --help", "%v", err)
	}
	app.Setup()
	return app
}

// commandList names the commands as a sentence: "init, add, … and txn".
func commandList(app *cli.App) string {
	var names []string
	for _, cmd := range app.Commands {
		if !cmd.Hidden {
			names = append(names, cmd.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
