package templates

import (
	"strings"

	"github.com/casebundle/casebundle/evidence"
)

// drawChecklist draws 材料清单: the materials the route asks for, whether
// each is present and where, then the findings on the case as a whole.
func drawChecklist(dc *doc) {
	w := dc.w
	dc.sectionHeading(SectionChecklist, 20)
	if len(dc.d.Checklist) == 0 {
		dc.para(w.noChecklist, sizeBody, colMuted, 0)
	} else {
		cols := []column{
			{w.colMaterial, 0, "L"},
			{w.colRequired, 22, "C"},
			{w.colPresent, 24, "C"},
			{w.colExhibits, 44, "L"},
		}
		fillWidth(cols, 0)
		list := dc.d.Checklist
		rows := make([][]string, len(list))
		for i, c := range list {
			material := w.material(c)
			req, pres := w.optional, w.missing
			if c.Required {
				req = w.required
			}
			switch {
			case c.Present:
				pres = w.present
			case dc.purpose == "police" && isReceipt(c):
				// The receipt is what the report produces.
				pres = w.afterReport
			}
			rows[i] = []string{material, req, pres, dc.exhibitRefs(c.Exhibits)}
		}
		dc.table(&table{cols: cols, header: true, rows: rows, shade: func(i int) *rgb {
			if list[i].Required && !list[i].Present && !(dc.purpose == "police" && isReceipt(list[i])) {
				return &colAlert
			}
			return nil
		}})
	}
	if dc.purpose == "police" {
		dc.setY(dc.y() + 3)
		dc.receiptNote()
	}
	drawPaperNeeds(dc)
	dc.setY(dc.y() + 6)
	dc.subheading(w.hFindings, 12)
	dc.findings(dc.d.Findings, true)
	dc.setY(dc.y() + 8)
}

// findings draws a table of findings: severity, message in the dossier's
// language, and (withFile) the file each is about.
func (dc *doc) findings(list []evidence.Finding, withFile bool) {
	w := dc.w
	if len(list) == 0 {
		dc.para(w.noFindings, sizeSmall, colMuted, 0)
		return
	}
	cols := []column{{w.colSeverity, 16, "C"}, {w.colMessage, 0, "L"}}
	if withFile {
		cols = append(cols, column{w.colFile, 50, "L"})
	}
	fillWidth(cols, 1)
	rows := make([][]string, len(list))
	for i, f := range list {
		rows[i] = []string{dc.severity(f.Severity), dc.message(f), dash(f.File)}
	}
	dc.table(&table{cols: cols, header: true, rows: rows, shade: func(i int) *rgb {
		if list[i].Severity == evidence.Error {
			return &colAlert
		}
		return nil
	}})
}

func (dc *doc) severity(s evidence.Severity) string {
	if v, ok := dc.w.severity[s]; ok {
		return v
	}
	return string(s)
}

// message is a finding's text in the dossier's language, falling back to
// the other one.
func (dc *doc) message(f evidence.Finding) string {
	return dc.w.pick(f.MessageZh, f.MessageEn)
}

// isReceipt reports the checklist entry of the police receipt.
func isReceipt(c ChecklistEntry) bool {
	return strings.Contains(c.MaterialZh, "报案回执")
}
