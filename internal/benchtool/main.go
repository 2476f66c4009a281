// Command benchtool measures casebundle the way issue 6 states its goals:
// build of generated phone screenshots against img2pdf on the same files
// (wall time, peak RSS, output bytes), verify of a bundle holding a 1 GiB
// file against openssl dgst -sha256, and a batch of small cases with -j 1
// against -j 2. It runs the built binary (make build) as a child process
// and reads the child's peak RSS from its rusage.
//
//	go run ./internal/benchtool -bin bin/casebundle -shots 200,1000 -hash -batch
//
// Generated inputs are cached under -dir (out/bench), keyed by count and
// size, so a rerun measures without generating again.
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
	shots := flag.String("shots", "200", "comma-separated screenshot counts to build (1170×2532 PNGs); empty for none")
	flag.BoolVar(&cfg.img2pdf, "img2pdf", true, "compare with img2pdf when it is installed")
	flag.BoolVar(&cfg.hash, "hash", false, "time verify of a bundle holding a 1 GiB file against openssl dgst -sha256")
	flag.Int64Var(&cfg.hashSize, "hash-size", 1<<30, "size of the hashed file in bytes")
	flag.BoolVar(&cfg.batch, "batch", false, "time build --batch of small cases with -j 1 and -j 2")
	flag.IntVar(&cfg.batchCases, "batch-cases", 40, "cases in the batch")
	flag.StringVar(&cfg.cpuProfile, "cpuprofile", "", "also build the first -shots case in this process and write a CPU profile to `FILE`")
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
	for f := range strings.SplitSeq(*shots, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "benchtool: error: -shots %q: want counts like 200,1000\n", *shots)
			os.Exit(2)
		}
		cfg.shots = append(cfg.shots, n)
	}
	if cfg.runs < 1 {
		cfg.runs = 1
	}
	if err := run(cfg, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "benchtool: error: %v\n", err)
		os.Exit(1)
	}
}
