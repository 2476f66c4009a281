package main

import "github.com/urfave/cli/v2"

// ocrFlags are the flags of build and check that read the text of
// screenshots with Tesseract (bundle/ocr.go): --ocr and --tesseract. Each
// command gets flags of its own (a flag keeps state while parsing).
func ocrFlagList() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "ocr", Usage: "read the text of phone screenshots with Tesseract: auto (when installed; else a note on how to install it), on (a missing engine is an error, exit 2) or off",
			DefaultText: "auto"},
		&cli.StringFlag{Name: "tesseract", Usage: "the tesseract program that reads screenshots (`PATH`)",
			DefaultText: "$CASEBUNDLE_TESSERACT, else tesseract on PATH"},
	}
}

type ocrFlags struct{ mode, tesseract string }

func readOCRFlags(c *cli.Context) ocrFlags {
	return ocrFlags{mode: c.String("ocr"), tesseract: c.String("tesseract")}
}
