// Command gensample writes the demo case: a WeChat wrong-transfer case
// folder with case.yaml, screenshots, photos with EXIF and a statement.
//
//	go run ./internal/samplegen/cmd/gensample -o testdata/democase
//
// The output is the same bytes on every run; internal/samplegen's tests
// check that the committed testdata/democase matches it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func main() {
	out := flag.String("o", "", "folder to write the demo case into (created if missing)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gensample -o DIR\n\nWrites the demo case (case.yaml, screens/, photos/, notes/) into DIR.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := samplegen.WriteDemoCase(*out); err != nil {
		fmt.Fprintf(os.Stderr, "gensample: error: write demo case to %s: %v\n", *out, err)
		os.Exit(1)
	}
}
