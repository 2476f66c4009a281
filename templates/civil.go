package templates

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casebundle/casebundle/evidence"
)

// The grouping rule of the civil 证据目录. Exhibits belong together, and are
// numbered 证据3-1, 3-2 … under one number, when they are consecutive in
// exhibit order, lie in the same folder of the case, and their titles (the
// file name without extension when there is no title) have the same stem
// once a trailing sequence mark is taken off. Sequence marks are a number
// in brackets — （一）, (二), （3）, 【4】 — or a bare number at the end,
// with or without a space, dash or underscore before it — "聊天记录 1",
// "聊天记录-2", "截图3" — or 之一, 之二 … A stem must keep at least two
// characters. Every other exhibit is a number of its own; numbers run 1, 2,
// 3 … in exhibit order.
var seqMark = regexp.MustCompile(`^(.*?)[\s_\-－—·]*(?:[（(【\[]\s*(?:[0-9０-９]+|[一二三四五六七八九十〇零两百]+)\s*[）)】\]]|之[一二三四五六七八九十]+|[0-9０-９]+)$`)

// titleStem is the title of an exhibit without its sequence mark, and
// whether it had one.
func titleStem(title string) (string, bool) {
	title = strings.TrimSpace(title)
	m := seqMark.FindStringSubmatch(title)
	if m == nil {
		return title, false
	}
	stem := strings.TrimSpace(m[1])
	if utf8.RuneCountInString(stem) < 2 {
		return title, false
	}
	return stem, true
}

// groupKey says which exhibits may share a number: the same folder and
// the same title stem. ok is false for an exhibit without a sequence mark.
func groupKey(ex *Exhibit) (key string, ok bool) {
	title := strings.TrimSpace(ex.Title)
	dir := ""
	if ex.Item != nil {
		dir = path.Dir(ex.Item.Path)
		if title == "" {
			base := path.Base(ex.Item.Path)
			title = strings.TrimSuffix(base, path.Ext(base))
		}
	}
	stem, ok := titleStem(title)
	if !ok {
		return "", false
	}
	return dir + "\x00" + stem, true
}

// civilLabels numbers the exhibits for the civil 证据目录, by exhibit
// number: "1", "2", "3-1", "3-2", "4" ….
func civilLabels(exhibits []Exhibit) map[int]string {
	labels := make(map[int]string, len(exhibits))
	n := 0
	for i := 0; i < len(exhibits); {
		key, ok := groupKey(&exhibits[i])
		j := i + 1
		for ok && j < len(exhibits) {
			k, ok2 := groupKey(&exhibits[j])
			if !ok2 || k != key {
				break
			}
			j++
		}
		n++
		if j-i == 1 {
			labels[exhibits[i].Number] = strconv.Itoa(n)
		} else {
			for k := i; k < j; k++ {
				labels[exhibits[k].Number] = strconv.Itoa(n) + "-" + strconv.Itoa(k-i+1)
			}
		}
		i = j
	}
	return labels
}

// drawCivilIndex draws the 证据目录 of 最高人民法院《关于民事诉讼证据的若干规定》:
// 序号, 证据名称, 证据来源, 证明目的, 原件/复印件, 页码 and 备注, grouped
// numbers, and the lines for the party who submits it and the date.
func drawCivilIndex(dc *doc) {
	w := dc.w
	dc.newPage()
	dc.sectionHeading(SectionIndex, 20)
	dc.para(w.civilIndexIntro, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 1.5)
	cols := []column{
		{w.colNo, 14, "C"},
		{w.colTitle, 30, "L"},
		{w.colSource, 24, "L"},
		{w.colPurpose, 0, "L"},
		{w.colOriginal, 22, "L"},
		{w.colPage, 15, "C"},
		{w.colRemarks, 28, "L"},
	}
	if dc.plan.multi() {
		cols[5].width = 21
	}
	fillWidth(cols, 3)
	labels := civilLabels(dc.d.Exhibits)
	rows := make([][]string, len(dc.d.Exhibits))
	shifted := false
	for i, ex := range dc.d.Exhibits {
		no := labels[ex.Number]
		if no != strconv.Itoa(ex.Number) {
			no += "\n" + w.exhibitShort(ex.Number)
			shifted = true
		}
		rows[i] = []string{no, exhibitTitle(&ex), dc.sourceCell(&ex), joinLines(dash(ex.Proves), dc.ocrShows(&ex)), dc.originalForm(&ex), dc.pages(ex.Number), dc.remarks(&ex)}
	}
	if len(rows) == 0 {
		dc.para(w.noExhibits, sizeBody, colMuted, 0)
	} else {
		dc.table(&table{cols: cols, header: true, rows: rows, size: 8})
	}
	dc.setY(dc.y() + 1.5)
	dc.indexNote()
	if shifted {
		dc.para(w.civilNumbersNote, sizeSmall, colMuted, 0)
	}
	dc.signature()
	dc.setY(dc.y() + 8)
}

// signature draws the lines for 提交人 and 日期 under the index.
func (dc *doc) signature() {
	w := dc.w
	lh := lineHeight(sizeBody + 0.5)
	dc.ensure(2*lh + 12)
	dc.setY(dc.y() + 8)
	name := strings.TrimSpace(dc.d.Claimant.Name)
	half := contentW / 2
	y := dc.y()
	dc.font(sizeBody+0.5, colText)
	left := w.submitter + dc.colon() + name
	dc.textAt(marginL, y, half, lh, dc.m.fit(dc.m.clean(left, false), sizeBody+0.5, half-40), "L")
	lw := dc.m.textWidth(dc.m.clean(left, false), sizeBody+0.5)
	dc.stroke(colText, 0.25)
	sx := marginL + min(lw, half-40) + 3
	dc.textAt(sx, y, 30, lh, w.signHere, "L")
	dc.pdf.Line(sx, y+lh, marginL+half-4, y+lh)
	right := w.dateLabel + dc.colon() + w.longDate(dc.d.Generated)
	dc.textAt(marginL+half, y, half, lh, right, "L")
	dc.font(sizeBody, colText)
	dc.setY(y + lh + 2)
}

// originalForm says what the court receives of an exhibit: electronic data
// is held as the original in the bundle; photos and screenshots are printed
// here, their originals in the bundle.
func (dc *doc) originalForm(ex *Exhibit) string {
	w := dc.w
	if ex.Item == nil || ex.File == "" {
		return w.formMissing
	}
	if ex.Item.Kind == evidence.KindImage {
		return w.formPrint
	}
	return w.formElectronic
}

// remarks sums up the findings on an exhibit for the 备注 column: the
// first two in a few words each, the rest counted.
func (dc *doc) remarks(ex *Exhibit) string {
	w := dc.w
	if ex.Item == nil || len(ex.Item.Findings) == 0 {
		return w.noRemarks
	}
	n := w.remarkRunes
	var parts []string
	for i, f := range ex.Item.Findings {
		if i == 2 {
			parts = append(parts, w.moreFindings(len(ex.Item.Findings)-i))
			break
		}
		parts = append(parts, dc.severity(f.Severity)+dc.colon()+shorten(dc.message(f), n))
	}
	return strings.Join(parts, "\n")
}

// shorten keeps the first n runes of s, ending in an ellipsis when cut.
func shorten(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n])) + "…"
}

// civilWords is the wording of a civil dossier: an exhibit page's heading
// also gives the number of the 证据目录 when it differs from the exhibit
// number ("证据5（目录序号 4）"), so that a court finds each page from either.
func civilWords(w *words, exhibits []Exhibit) *words {
	labels := civilLabels(exhibits)
	cw := *w
	base := w.exhibit
	cw.exhibit = func(n int) string {
		if l, ok := labels[n]; ok && l != strconv.Itoa(n) {
			return w.civilHeading(n, l)
		}
		return base(n)
	}
	return &cw
}
