// Command benchtool measures casebundle the way issue 6 states its goals:
// build of generated phone screenshots against img2pdf on the same files
// (wall time, peak RSS, output bytes), verify of a bundle holding a 1 GiB
// file against openssl dgst -sha256, and a batch of small cases with -j 1
// against -j 2. It runs the built binary (make build) as a child process
// and reads the child's peak RSS from its rusage.
//
//	go run ./internal/benchtool -bin bin/casebundle -shots 200,1000 -shots-1m 200 -hash -batch
//
// The screenshots are like real ones in size (see shotSet): -shots counts
// are of the 400 KB set (a chat with a photo), -shots-1m of the 1 MB set (a
// chat on a photo wallpaper), -shots-flat of the old 70 KB set of flat
// colours. Generated inputs are cached under -dir (out/bench), keyed by
// set, count and size, so a rerun measures without generating again.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.bin, "bin", "bin/casebundle", "casebundle binary to measure")
	flag.StringVar(&cfg.dir, "dir", "out/bench", "folder for the cached inputs and the outputs")
	shots := flag.String("shots", "200", "comma-separated counts of 400 KB screenshots to build (1170×2532 PNGs, a chat with a photo); empty for none")
	shots1m := flag.String("shots-1m", "", "comma-separated counts of 1 MB screenshots to build (a chat with a photo on a photo wallpaper)")
	shotsFlat := flag.String("shots-flat", "", "comma-separated counts of the old 70 KB screenshots of flat colours to build")
	flag.BoolVar(&cfg.img2pdf, "img2pdf", true, "compare with img2pdf when it is installed")
	flag.BoolVar(&cfg.hash, "hash", false, "time verify of a bundle holding a 1 GiB file against openssl dgst -sha256")
	flag.Int64Var(&cfg.hashSize, "hash-size", 1<<30, "size of the hashed file in bytes")
	flag.BoolVar(&cfg.batch, "batch", false, "time build --batch of small cases with -j 1 and -j 2")
	flag.IntVar(&cfg.batchCases, "batch-cases", 40, "cases in the batch")
	batchSet := flag.String("batch-set", "400k", "screenshot set of the batch's cases: 400k, 1m or flat")
	flag.StringVar(&cfg.cpuProfile, "cpuprofile", "", "also build the first case measured in this process and write a CPU profile to `FILE`")
	flag.StringVar(&cfg.trace, "trace", "", "with the in-process build, write an execution trace to `FILE` (go tool trace FILE: where the CPUs idle)")
	flag.StringVar(&cfg.memProfile, "memprofile", "", "with the in-process build, write an allocation profile to `FILE`")
	flag.IntVar(&cfg.runs, "runs", 1, "runs of each timed command; the fastest counts")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: benchtool [flags]\n\nMeasures bin/casebundle on generated inputs and prints a table.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	for _, sc := range []struct {
		set  shotSet
		list string
	}{{set400k, *shots}, {set1m, *shots1m}, {setFlat, *shotsFlat}} {
		for f := range strings.SplitSeq(sc.list, ",") {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				fmt.Fprintf(os.Stderr, "benchtool: error: screenshot counts %q: want counts like 200,1000\n", sc.list)
				os.Exit(2)
			}
			cfg.shots = append(cfg.shots, shotRun{sc.set, n})
		}
	}
	switch *batchSet {
	case set400k.name:
		cfg.batchSet = set400k
	case set1m.name:
		cfg.batchSet = set1m
	case setFlat.name:
		cfg.batchSet = setFlat
	default:
		fmt.Fprintf(os.Stderr, "benchtool: error: -batch-set %q: want 400k, 1m or flat\n", *batchSet)
		os.Exit(2)
	}
	if cfg.runs < 1 {
		cfg.runs = 1
	}
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "benchtool: error: %v\n", err)
		os.Exit(1)
	}
}
