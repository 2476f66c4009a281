package ocr

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/internal/ocrshots"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the captured TSV")

// captured is one screenshot's saved engine output.
type captured struct {
	name   string
	meta   capturedMeta
	passes [][]Word
}

// loadCaptured reads testdata/tsv: NAME.json and NAME.passN.tsv, as
// written by TestTruth -ocr.capture from real tesseract runs.
func loadCaptured(t testing.TB) []captured {
	t.Helper()
	metas, err := filepath.Glob(filepath.Join("testdata", "tsv", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(metas) == 0 {
		t.Fatal("no captured TSV in testdata/tsv")
	}
	sort.Strings(metas)
	var out []captured
	for _, m := range metas {
		name := strings.TrimSuffix(filepath.Base(m), ".json")
		c := captured{name: name}
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &c.meta); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		for i := 0; ; i++ {
			b, err := os.ReadFile(filepath.Join("testdata", "tsv", fmt.Sprintf("%s.pass%d.tsv", name, i)))
			if os.IsNotExist(err) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			ws, err := ParseTSV(b)
			if err != nil {
				t.Fatalf("%s pass %d: %v", name, i, err)
			}
			c.passes = append(c.passes, ws)
		}
		if len(c.passes) == 0 {
			t.Fatalf("%s: no pass TSV", name)
		}
		out = append(out, c)
	}
	return out
}

// goldenView is what the golden files hold: the kind and the fields,
// not the words (those are the engine's, already in testdata/tsv).
type goldenView struct {
	Kind       Kind    `json:"kind"`
	KindReason string  `json:"kind_reason"`
	Fields     []Field `json:"fields"`
}

// TestGoldenFields runs the pure-Go half of the reader (NewPage: rows,
// kind, fields, merging of passes) on TSV captured from real tesseract
// runs, and compares the fields with testdata/golden (-update rewrites).
func TestGoldenFields(t *testing.T) {
	for _, c := range loadCaptured(t) {
		t.Run(c.name, func(t *testing.T) {
			p := NewPage(c.meta.Prep, c.passes)
			got, err := json.MarshalIndent(goldenView{p.Kind, p.KindReason, p.Fields}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", c.name+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("missing golden file (run go test -run TestGoldenFields -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("fields differ from %s (-update to accept):\n%s", path, got)
			}
		})
	}
}

// TestCapturedTruth scores the captured pages against the truth drawn
// into them: the field finder must get at least as much right as the
// floors, with or without the engine installed.
func TestCapturedTruth(t *testing.T) {
	var scores []score
	for _, c := range loadCaptured(t) {
		p := NewPage(c.meta.Prep, c.passes)
		shot := ocrshots.Shot{Name: c.name, Truth: c.meta.Truth}
		sc := scorePage(shot, p)
		sc.variant = c.meta.Variant
		scores = append(scores, sc)
	}
	report(t, scores)
}
