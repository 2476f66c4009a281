package templates

import "strings"

// drawNarrative draws 案情经过: the victim's own account, as written, or a
// clear note that it was left blank.
func drawNarrative(dc *doc) {
	dc.newPage()
	dc.sectionHeading(SectionNarrative, lineHeight(sizeBody)*3)
	text := strings.TrimSpace(dc.d.Narrative)
	if text == "" {
		dc.para(dc.w.narrativeBlank, sizeBody, colMuted, 0)
	} else {
		dc.para(text, sizeBody+0.5, colText, 0)
	}
	dc.setY(dc.y() + 8)
}
