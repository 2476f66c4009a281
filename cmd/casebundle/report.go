package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/casebundle/casebundle/evidence"
)

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printFindings lists findings, most serious first, in both languages.
func printFindings(out io.Writer, fs []evidence.Finding) {
	for _, sev := range []evidence.Severity{evidence.Error, evidence.Warning, evidence.Info} {
		for _, f := range fs {
			if f.Severity != sev {
				continue
			}
			fmt.Fprintf(out, "  %-7s %s: %s\n          %s\n", f.Severity, f.File, f.MessageZh, f.MessageEn)
		}
	}
}

func countFindings(fs []evidence.Finding) (errs, warns, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case evidence.Error:
			errs++
		case evidence.Warning:
			warns++
		default:
			infos++
		}
	}
	return
}
