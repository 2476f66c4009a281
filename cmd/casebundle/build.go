package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/progress"
)

type buildOptions struct {
	dir     string
	out     string
	purpose string
	lang    string
	time    string
	json    bool
	workers int
	tsa     string // RFC 3161 time-stamp authority URL
	zip     bool   // also write OUT.zip
	batch   string // ROOT: every direct subfolder is a case
	force   bool   // batch: rebuild cases whose bundle exists and verifies
	shard   string // batch: "K/N" or "auto/N", the part of ROOT this worker builds
	redact  bool   // mask personal numbers in the dossier text
	papers  bool   // also write the papers to file under papers/
	ffmpeg  string // the ffmpeg that takes video frames; "": $CASEBUNDLE_FFMPEG, else PATH
	ocr     ocrFlags

	volumeSize int64 // largest dossier volume in bytes; 0: bundle.DefaultVolumeSize
}

func newBuildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "seal a case into a BagIt bundle with a PDF dossier / 生成证据包和卷宗",
		ArgsUsage: "DIR",
		Description: `Copies every evidence file of DIR byte for byte into a new bundle (DIR.bundle beside
DIR, or -o OUT), hashes each with SHA-256 into manifest-sha256.txt, and draws dossier.pdf:
cover, narrative, losses, chronology, evidence index with real page numbers, checklist, one
exhibit per file, and an appendix with the manifest and how to check it. A dossier larger
than --volume-size (default 50MB = 50,000,000 bytes) is split into dossier.pdf, dossier-2.pdf,
…: volume 1 keeps the index with the volume and page of every exhibit. The bundle appears
only when complete; an existing bundle is never replaced; DIR is only read.

Exit status 1 when an item carries an error finding (the bundle is still written, so the
finding shows in the dossier); 2 when the case cannot be read or the bundle not written.

Example:
   casebundle build mycase -o mycase.bundle --time 2025-11-20T10:00:00+08:00`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "bundle folder to create (default: DIR.bundle)"},
			&cli.StringFlag{Name: "purpose", Usage: "complaint, police or civil (default: case.yaml, else civil)"},
			&cli.StringFlag{Name: "lang", Usage: "zh or en (default: case.yaml, else zh)"},
			&cli.StringFlag{Name: "time", Usage: "generation time, RFC 3339 (default: $SOURCE_DATE_EPOCH, else now); the same case and time give the same bytes"},
			&cli.BoolFlag{Name: "json", Usage: "print one JSON document on stdout"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files (with --batch: cases) worked on in parallel", DefaultText: "one per CPU"},
			&cli.StringFlag{Name: "tsa", Usage: "URL of an RFC 3161 time-stamp authority: the manifest digest gets a trusted time (timestamp.tsr)"},
			&cli.BoolFlag{Name: "zip", Usage: "also write OUT.zip, which verify accepts"},
			&cli.StringFlag{Name: "batch", Usage: "build every direct subfolder of `ROOT` as a case into -o OUTROOT"},
			&cli.BoolFlag{Name: "force", Usage: "with --batch: rebuild cases whose bundle already exists and verifies"},
			&cli.StringFlag{Name: "shard", Usage: "with --batch: build only shard `K/N` of ROOT's cases, K from 0 to N-1; auto/N takes K from $JOB_COMPLETION_INDEX or $SLURM_ARRAY_TASK_ID (docs/scale.md)"},
			&cli.BoolFlag{Name: "redact", Usage: "mask ID-card, phone and bank-card numbers in the dossier text (to share it); originals are kept as they are"},
			&cli.BoolFlag{Name: "papers", Usage: "also write the papers to file under papers/ (起诉状, 调查取证申请书, 证据清单, 催告函, 报案书, 电子数据清单, complaint text and images), each PDF with an editable .docx"},
			&cli.StringFlag{Name: "ffmpeg", Usage: "the ffmpeg program that takes the frames of videos shown in the dossier (`PATH`)", DefaultText: "$CASEBUNDLE_FFMPEG, else ffmpeg on PATH"},
			&cli.StringFlag{Name: "volume-size", Usage: "split the dossier into dossier.pdf, dossier-2.pdf, … of at most `SIZE` each: bytes, or 500KB, 50MB, 1GB (powers of 1000), 20MiB (of 1024)", DefaultText: "50MB"},
		}, ocrFlagList()...),
		Action: func(c *cli.Context) error {
			opt := buildOptions{out: c.String("output"), purpose: c.String("purpose"), lang: c.String("lang"), time: c.String("time"),
				json: c.Bool("json"), workers: c.Int("jobs"), tsa: c.String("tsa"), zip: c.Bool("zip"), batch: c.String("batch"), force: c.Bool("force"), redact: c.Bool("redact"), papers: c.Bool("papers"), ffmpeg: c.String("ffmpeg"), ocr: readOCRFlags(c)}
			if v := c.String("volume-size"); v != "" {
				n, err := parseSize(v)
				if err != nil {
					return usageErr("casebundle build DIR --volume-size 20MB", "--volume-size %q: %v", v, err)
				}
				opt.volumeSize = n
			}
			if opt.shard = c.String("shard"); opt.shard != "" && opt.batch == "" {
				return usageErr("casebundle build --batch ROOT -o OUTROOT --shard K/N", "--shard splits a batch; it needs --batch ROOT")
			}
			if opt.batch != "" {
				if c.NArg() != 0 {
					return usageErr("casebundle build --batch ROOT -o OUTROOT", "--batch takes its folder as the flag's value, not %d more arguments", c.NArg())
				}
				return runBatch(c.Context, opt, c.App.Writer, c.App.ErrWriter)
			}
			if c.NArg() != 1 {
				return usageErr("casebundle build DIR [-o OUT]", "build takes one case folder, got %d arguments", c.NArg())
			}
			opt.dir = c.Args().First()
			return runBuild(c.Context, opt, c.App.Writer, c.App.ErrWriter)
		},
	}
}

type buildJSON struct {
	Case     string             `json:"case"`
	Bundle   string             `json:"bundle"`
	Dossier  string             `json:"dossier"`
	OK       bool               `json:"ok"`
	Manifest *bundle.Manifest   `json:"manifest"`
	Findings []evidence.Finding `json:"findings"`
}

func runBuild(ctx context.Context, opt buildOptions, out, errOut io.Writer) error {
	t, err := now(opt.time)
	if err != nil {
		return err
	}
	bar := progress.New(errOut, !opt.json, 0, "files")
	bopt := bundle.Options{Out: opt.out, Now: t, Purpose: opt.purpose, Lang: opt.lang, Workers: opt.workers, Zip: opt.zip, Redact: opt.redact, VolumeSize: opt.volumeSize, Progress: bar, Papers: opt.papers, FFmpeg: opt.ffmpeg,
		OCR: opt.ocr.mode, Tesseract: opt.ocr.tesseract}
	if opt.tsa != "" {
		bopt.Stamp = bundle.NewTSAClient(opt.tsa)
	}
	res, err := bundle.Build(ctx, opt.dir, bopt)
	bar.Finish()
	if te := (*bundle.TSAError)(nil); errors.As(err, &te) {
		return fmt.Errorf("%w; no bundle was written", err)
	}
	if err != nil {
		return err
	}
	all := res.Analysis.AllFindings()
	if opt.json {
		if all == nil {
			all = []evidence.Finding{}
		}
		if err := writeJSON(out, buildJSON{Case: opt.dir, Bundle: res.Bundle, Dossier: res.Dossier, OK: !res.Analysis.HasError(), Manifest: res.Manifest, Findings: all}); err != nil {
			return err
		}
	} else {
		pages := 0
		if len(res.Manifest.Dossier.Pages) > 0 {
			pages = res.Manifest.Dossier.Pages[0]
		}
		errs, warns, infos := countFindings(all)
		fmt.Fprintf(out, "sealed %d items into %s\n", len(res.Manifest.Items), res.Bundle)
		fmt.Fprintf(out, "dossier: %s (%d pages)\n", res.Dossier, pages)
		if vols := res.Manifest.Dossier.Volumes; len(vols) > 1 {
			fmt.Fprintf(out, "  in %d volumes of at most the volume size: %s\n", len(vols), strings.Join(vols, ", "))
		}
		fmt.Fprintf(out, "case id: %s   manifest sha256: %s\n", res.Manifest.Case.ID, res.Manifest.ManifestSHA256)
		fmt.Fprintf(out, "findings: %d errors, %d warnings, %d notes\n", errs, warns, infos)
		printFindings(out, all)
		fmt.Fprintf(out, "check it any time: casebundle verify %s   (or: cd %s && sha256sum -c manifest-sha256.txt)\n", res.Bundle, res.Bundle)
	}
	if res.Analysis.HasError() {
		return found()
	}
	return nil
}

// parseSize reads a size: a number of bytes, or a number with a unit, KB,
// MB, GB (powers of 1000, as upload limits are given) or KiB, MiB, GiB
// (powers of 1024); case and a space before the unit do not matter.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	num := strings.TrimRightFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.TrimSpace(t[len(num):])
	mult := map[string]int64{"": 1, "B": 1, "K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9,
		"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("unknown unit %q (want bytes, KB, MB, GB, KiB, MiB or GiB)", unit)
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive whole number with an optional unit, e.g. 50MB")
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("too large")
	}
	return n * mult, nil
}
