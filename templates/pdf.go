package templates

import (
	"fmt"
	"slices"

	"github.com/jung-kurt/gofpdf"
	"github.com/phpdave11/gofpdi"

	"github.com/casebundle/casebundle/fonts"
)

// Page geometry, in millimetres (A4 portrait). Nothing is drawn outside the
// margins: the header sits in the top band of the text area, the footer in
// the bottom band.
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 18.0
	marginR = 18.0
	marginT = 15.0
	marginB = 15.0

	contentW      = pageW - marginL - marginR
	contentTop    = marginT + 11 // below the header
	contentBottom = pageH - marginB - 11
)

// Font sizes, in points, and the line height factor.
const (
	sizeBody    = 10.0
	sizeSmall   = 8.5
	sizeTiny    = 7.0
	sizeHeading = 15.0
	leading     = 1.45
)

// lineHeight is the height of one line of text at size points.
func lineHeight(size float64) float64 { return size * ptToMM * leading }

// Colours.
var (
	colText   = rgb{0, 0, 0}
	colMuted  = rgb{90, 90, 90}
	colRule   = rgb{120, 120, 120}
	colHead   = rgb{31, 56, 100}
	colFillHd = rgb{228, 232, 238}
	colFillKy = rgb{244, 245, 247}
	colMark   = rgb{255, 246, 214}
	colAlert  = rgb{253, 233, 231}
	colCode   = rgb{246, 246, 246}
)

type rgb struct{ r, g, b int }

// SectionID names a section of the dossier whatever its language. The
// contents on the cover, the "see page N" references and the volume split
// find sections by it; its heading is words.headings[id].
type SectionID string

// The sections, in the order every route draws them.
const (
	SectionCover      SectionID = "cover"
	SectionNarrative  SectionID = "narrative"
	SectionLosses     SectionID = "losses"
	SectionChronology SectionID = "chronology"
	SectionDeadlines  SectionID = "deadlines"
	SectionIndex      SectionID = "index"
	SectionChecklist  SectionID = "checklist"
	SectionExhibits   SectionID = "exhibits"
	SectionAppendix   SectionID = "appendix"
)

// sectionIDs is every section, in route order; each has a heading in both
// languages (words_test checks).
var sectionIDs = []SectionID{
	SectionCover, SectionNarrative, SectionLosses, SectionChronology, SectionDeadlines,
	SectionIndex, SectionChecklist, SectionExhibits, SectionAppendix,
}

// section is one part of the dossier. A route (civil, police, complaint)
// is a list of sections in order; every section but the cover is listed
// in the contents on the cover, under its heading.
type section struct {
	id   SectionID
	draw func(dc *doc)
}

// routeFor returns the sections of the dossier for a purpose, in the order
// of sectionIDs, each route with its own first page and evidence index:
//
//   - complaint: page 1 is the complaint form (parties, payments with their
//     transaction and merchant order numbers, complaint type, a short
//     statement, the materials the type requires and where they are);
//   - police: the cover lists every identifier of both parties and tells
//     the reporting person to keep the police receipt;
//   - civil: the 证据目录 of the Supreme People's Court's rules on evidence,
//     with grouped numbers and lines for the submitting party and date.
//
// Every route has the deadlines after the chronology.
func routeFor(purpose string) ([]section, error) {
	cover, index := drawCover, drawIndex
	switch purpose {
	case "", "civil":
		index = drawCivilIndex
	case "police":
		index = drawPoliceIndex
	case "complaint":
		cover = drawComplaintCover
	default:
		return nil, fmt.Errorf("templates: unknown purpose %q (want complaint, police or civil)", purpose)
	}
	return []section{
		{SectionCover, cover},
		{SectionNarrative, drawNarrative},
		{SectionLosses, drawLosses},
		{SectionChronology, drawChronology},
		{SectionDeadlines, drawDeadlines},
		{SectionIndex, index},
		{SectionChecklist, drawChecklist},
		{SectionExhibits, drawVolumeExhibits},
		{SectionAppendix, drawAppendix},
	}, nil
}

// doc is one rendering pass over a dossier.
type doc struct {
	pdf     *gofpdf.Fpdf
	d       *Dossier
	w       *words
	m       *metrics
	purpose string
	images  map[string]*preparedImage // by image name, shared by both passes
	route   []section

	// final is the second pass: the page count and the exhibit pages are
	// known from the first.
	final  bool
	total  int
	known  map[int]Placement
	places []Placement
	// sections holds the first page of each section as the pass before
	// found them; found is what this pass finds.
	sections map[SectionID]int
	found    map[SectionID]int

	// volume is this document's place among the volumes (0-based); plan
	// says which exhibits each volume holds.
	volume int
	plan   *volumePlan

	// pdfs holds the PDF exhibits read and imported in this pass, by
	// exhibit number; pdfImp imports their pages (exhibit_pdf.go).
	pdfs   map[int]*pdfSource
	pdfImp *gofpdi.Importer
}

// snapshot is what one pass over a volume found: its page count, where
// its exhibits landed and the first page of each section.
type snapshot struct {
	pages  int
	places []Placement
	found  map[SectionID]int
}

func (dc *doc) snapshot() *snapshot {
	return &snapshot{pages: dc.pdf.PageNo(), places: dc.places, found: dc.found}
}

// sameLayout reports whether a pass put every page, exhibit and section
// where the pass before it did, so that the references it drew are right.
func (dc *doc) sameLayout(prev *snapshot) bool {
	if dc.pdf.PageNo() != prev.pages || !slices.Equal(dc.places, prev.places) || len(dc.found) != len(prev.found) {
		return false
	}
	for k, v := range dc.found {
		if prev.found[k] != v {
			return false
		}
	}
	return true
}

// run draws every section of the route into a fresh document.
func (dc *doc) run(route []section) error {
	dc.setup()
	if err := dc.pdf.Error(); err != nil {
		return fmt.Errorf("templates: load embedded font: %w", err)
	}
	dc.found = map[SectionID]int{}
	dc.route = route
	for _, s := range route {
		s.draw(dc)
		if err := dc.pdf.Error(); err != nil {
			return fmt.Errorf("templates: draw dossier: %w", err)
		}
	}
	return nil
}

// setup makes the document: page format, font, fixed metadata, header and
// footer. Nothing in it depends on the clock or on map order.
func (dc *doc) setup() {
	title := dc.title() + " — " + dc.w.coverTitle[dc.purpose]
	if dc.plan.multi() {
		title += " — " + dc.w.volOf(dc.volume+1, dc.plan.count())
	}
	pdf := dc.newPDF(title)
	pdf.SetSubject(dc.w.coverTitle[dc.purpose], true)
	if pdf.Err() {
		return
	}
	pdf.SetFont(fonts.Family, "", sizeBody)
	pdf.SetHeaderFuncMode(dc.header, false)
	pdf.SetFooterFunc(dc.footer)
}

// newPDF starts dc's document, the dossier's and each paper's alike: A4,
// catalogue sorted, dates from the run's one clock, producer and creator
// the software, the given title, the page margins, and the embedded font
// (check pdf.Err after it).
func (dc *doc) newPDF(title string) *gofpdf.Fpdf {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		SizeStr:        "A4",
	})
	dc.pdf = pdf
	pdf.SetCatalogSort(true)
	gen := dc.d.Generated.UTC()
	pdf.SetCreationDate(gen)
	pdf.SetModificationDate(gen)
	software := dc.m.clean(dc.d.Software, false)
	if software == "" {
		software = "casebundle"
	}
	pdf.SetProducer(software, true)
	pdf.SetCreator(software, true)
	pdf.SetTitle(dc.m.clean(title, false), true)
	pdf.SetMargins(marginL, contentTop, marginR)
	pdf.SetAutoPageBreak(false, marginB)
	pdf.SetCellMargin(0)
	pdf.SetDisplayMode("fullwidth", "single")
	pdf.AddUTF8FontFromBytes(fonts.Family, "", fonts.MicroHei)
	return pdf
}

// title is the case title, or the wording for an untitled case.
func (dc *doc) title() string {
	if t := dc.m.clean(dc.d.Title, false); t != "" {
		return t
	}
	return dc.w.blankTitle
}

func (dc *doc) header() {
	pdf := dc.pdf
	label := dc.w.coverTitle[dc.purpose]
	dc.font(sizeSmall, colMuted)
	lw := dc.m.textWidth(label, sizeSmall)
	dc.textAt(marginL, marginT, contentW-lw-6, lineHeight(sizeSmall), dc.m.fit(dc.title(), sizeSmall, contentW-lw-6), "L")
	dc.textAt(pageW-marginR-lw, marginT, lw, lineHeight(sizeSmall), label, "R")
	dc.stroke(colRule, 0.3)
	pdf.Line(marginL, marginT+6, pageW-marginR, marginT+6)
	dc.font(sizeBody, colText)
	pdf.SetXY(marginL, contentTop)
}

func (dc *doc) footer() {
	pdf := dc.pdf
	y := pageH - marginB - lineHeight(sizeSmall)
	dc.stroke(colRule, 0.3)
	pdf.Line(marginL, y-2, pageW-marginR, y-2)
	dc.font(sizeSmall, colMuted)
	total := dc.total
	if !dc.final {
		total = pdf.PageNo()
	} else if dc.d.OnPage != nil {
		dc.d.OnPage()
	}
	third := contentW / 3
	id := dc.m.clean(dc.d.CaseID, false)
	if id == "" {
		id = "—"
	}
	digest := dc.d.ManifestSHA256
	if len(digest) > 16 {
		digest = digest[:16]
	}
	if digest == "" {
		digest = "—"
	}
	h := lineHeight(sizeSmall)
	dc.textAt(marginL, y, third, h, dc.m.fit(dc.w.footerCase+id, sizeSmall, third-2), "L")
	page := dc.w.pageOf(pdf.PageNo(), total)
	if dc.plan.multi() {
		page = dc.m.fit(page+"  ·  "+dc.w.volOf(dc.volume+1, dc.plan.count()), sizeSmall, third)
	}
	dc.textAt(marginL+third, y, third, h, page, "C")
	dc.textAt(marginL+2*third, y, third, h, dc.m.fit(dc.w.footerManifest+dc.m.clean(digest, false), sizeSmall, third-2), "R")
	dc.font(sizeBody, colText)
}

// font selects the font size and text colour.
func (dc *doc) font(size float64, c rgb) {
	dc.pdf.SetFont(fonts.Family, "", size)
	dc.pdf.SetTextColor(c.r, c.g, c.b)
}

func (dc *doc) stroke(c rgb, width float64) {
	dc.pdf.SetDrawColor(c.r, c.g, c.b)
	dc.pdf.SetLineWidth(width)
}

func (dc *doc) fill(c rgb) { dc.pdf.SetFillColor(c.r, c.g, c.b) }

// textAt draws one line of clean text in the box (x, y, w, h).
func (dc *doc) textAt(x, y, w, h float64, s, align string) {
	dc.pdf.SetXY(x, y)
	dc.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// boldAt draws one line in a heavier stroke: the font has a single weight,
// so the glyphs are filled and outlined. The text stays real text.
func (dc *doc) boldAt(x, y, w, h float64, s, align string, c rgb, weight float64) {
	dc.pdf.SetTextRenderingMode(2)
	dc.stroke(c, weight)
	dc.textAt(x, y, w, h, s, align)
	dc.pdf.SetTextRenderingMode(0)
}

// y is the current vertical position.
func (dc *doc) y() float64 { return dc.pdf.GetY() }

func (dc *doc) setY(y float64) { dc.pdf.SetXY(marginL, y) }

// newPage starts a page; the header puts the cursor at the top of the
// text area.
func (dc *doc) newPage() {
	dc.pdf.AddPage()
}

// room reports whether h millimetres fit below the cursor.
func (dc *doc) room(h float64) bool { return dc.y()+h <= contentBottom+0.01 }

// ensure starts a new page unless h millimetres fit below the cursor.
func (dc *doc) ensure(h float64) {
	if !dc.room(h) {
		dc.newPage()
	}
}

// gap moves the cursor down, but never past the bottom of the text area.
func (dc *doc) gap(h float64) {
	if dc.room(h) {
		dc.setY(dc.y() + h)
	} else {
		dc.setY(contentBottom)
	}
}

// heading draws a section heading with its bookmark. The heading keeps
// need millimetres of room below it, so that it never ends a page alone.
func (dc *doc) heading(text string, level int, need float64) {
	text = dc.m.clean(text, false)
	h := lineHeight(sizeHeading)
	dc.ensure(h + 4 + need)
	dc.bookmark(text, level)
	y := dc.y()
	dc.font(sizeHeading, colHead)
	dc.boldAt(marginL, y, contentW, h, dc.m.fit(text, sizeHeading, contentW), "L", colHead, 0.25)
	dc.stroke(colHead, 0.5)
	dc.pdf.Line(marginL, y+h+0.8, pageW-marginR, y+h+0.8)
	dc.font(sizeBody, colText)
	dc.setY(y + h + 4)
}

// subheading draws a smaller heading inside a section.
func (dc *doc) subheading(text string, need float64) {
	text = dc.m.clean(text, false)
	h := lineHeight(11.5)
	dc.ensure(h + 1.5 + need)
	y := dc.y()
	dc.font(11.5, colHead)
	dc.boldAt(marginL, y, contentW, h, dc.m.fit(text, 11.5, contentW), "L", colHead, 0.18)
	dc.font(sizeBody, colText)
	dc.setY(y + h + 1.5)
}

// bookmark adds an outline entry at the cursor.
func (dc *doc) bookmark(text string, level int) {
	dc.pdf.Bookmark(dc.m.clean(text, false), level, -1)
}

// sectionHeading starts a section: its heading, its top-level bookmark,
// and its page remembered for the contents on the cover.
func (dc *doc) sectionHeading(id SectionID, need float64) {
	dc.heading(dc.w.headings[id], 0, need)
	dc.sectionFound(id)
}

// sectionBookmark starts a section that has no heading of its own (the
// cover, the exhibits): a top-level bookmark, and its page remembered.
func (dc *doc) sectionBookmark(id SectionID) {
	dc.bookmark(dc.w.headings[id], 0)
	dc.sectionFound(id)
}

// sectionFound remembers the page a section starts on, the first time.
func (dc *doc) sectionFound(id SectionID) {
	if _, ok := dc.found[id]; !ok {
		dc.found[id] = dc.pdf.PageNo()
	}
}

// para draws text wrapped to the width of the text area, breaking pages as
// needed. indent shifts the block right.
func (dc *doc) para(text string, size float64, c rgb, indent float64) {
	lines := dc.m.wrap(dc.m.clean(text, true), size, contentW-indent)
	lh := lineHeight(size)
	dc.font(size, c)
	for _, ln := range lines {
		dc.ensure(lh)
		y := dc.y()
		dc.textAt(marginL+indent, y, contentW-indent, lh, ln, "L")
		dc.setY(y + lh)
	}
	dc.font(sizeBody, colText)
}

// codeBlock draws lines of a command or file in a shaded box that breaks
// across pages; every line is wrapped inside the box.
func (dc *doc) codeBlock(text string, size float64) {
	const pad = 2.0
	lines := dc.m.wrap(dc.m.clean(text, true), size, contentW-2*pad)
	dc.boxLines(lines, size, pad, colCode, 0.2, 2)
}

// boxLines draws wrapped lines in a filled, bordered box that continues on
// the next page when the page is full; at least minLines lines (or all, if
// fewer) start on the page the box starts on.
func (dc *doc) boxLines(lines []string, size, pad float64, bg rgb, rule float64, minLines int) {
	lh := lineHeight(size)
	for len(lines) > 0 {
		dc.ensure(2*pad + lh*float64(min(len(lines), minLines)))
		n := max(1, min(len(lines), int((contentBottom-dc.y()-2*pad)/lh)))
		y := dc.y()
		h := float64(n)*lh + 2*pad
		dc.fill(bg)
		dc.stroke(colRule, rule)
		dc.pdf.Rect(marginL, y, contentW, h, "FD")
		dc.font(size, colText)
		for i, ln := range lines[:n] {
			dc.textAt(marginL+pad, y+pad+float64(i)*lh, contentW-2*pad, lh, ln, "L")
		}
		lines = lines[n:]
		dc.setY(y + h)
	}
}
