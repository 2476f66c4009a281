package templates_test

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/templates"
)

func ExampleRenderVolumes() {
	d := &templates.Dossier{
		Purpose:        "civil",
		Lang:           "zh",
		CaseID:         "CB-0001",
		Title:          "微信转错账追回",
		Claimant:       templates.Party{Name: "李明"},
		Respondent:     templates.Party{Name: "张三"},
		Generated:      time.Date(2025, 11, 5, 2, 30, 0, 0, time.UTC),
		Software:       "casebundle example",
		ManifestSHA256: "82ec106447601e2694b431bf89a1ec5b244bdea9a7eaec2f5eb7e7debadb18da",
		LossTotal:      money.Fen(500000),
	}
	// No size limit (0): the whole dossier is volume 1.
	var pdf bytes.Buffer
	layout, err := templates.RenderVolumes(d, 0, func(volume int) (io.WriteCloser, error) {
		return nopCloser{&pdf}, nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(layout.Pages, "pages", bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
	// Output: 4 pages true
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
