package chat

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/internal/money"
)

// FuzzParse feeds every chat sample, and mutations of it, to Parse:
// it must not panic, must not make up messages (at most one per line, plus
// one per WechatExporter transfer, after which that exporter glues the next
// message onto the same line), and every amount it reports must print and
// parse back to itself.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		if strings.HasPrefix(filepath.Base(name), ".") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, ok := Detect(data)
		c, err := Parse(data)
		if err != nil {
			return
		}
		if ok && format != c.Format {
			// Detection reads at most the first 256 KiB; within that,
			// it must agree with the parser.
			if len(data) <= 256<<10 {
				t.Errorf("Detect = %q, Parse format %q", format, c.Format)
			}
		}
		text, _ := decode(data, false)
		lines := bytes.Count(data, []byte("\n")) + 1
		if c.Format == "wechatexporter-txt" {
			lines += strings.Count(text, "微信转账")
		}
		if len(c.Messages) > lines {
			t.Errorf("%d messages from %d lines", len(c.Messages), lines)
		}
		check := func(tr *Transfer) {
			if tr == nil {
				return
			}
			back, err := money.Parse(tr.Amount.String())
			if err != nil || back != tr.Amount || tr.Amount < 0 {
				t.Errorf("amount %d does not round-trip: %v, %v", tr.Amount, back, err)
			}
		}
		for _, m := range c.Messages {
			check(m.Transfer)
		}
		for _, m := range c.Transfers() {
			check(m.Transfer)
		}
		c.Meta()
		c.Problems()
	})
}
