package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Align is a paragraph's alignment.
type Align int

// The alignments Word knows by these names.
const (
	Left Align = iota
	Center
	Right
	Justify
)

func (a Align) val() string {
	switch a {
	case Center:
		return "center"
	case Right:
		return "right"
	case Justify:
		return "both"
	}
	return "left"
}

// Para is one paragraph. A "\n" in Text is a line break inside it.
type Para struct {
	Text  string
	Align Align
	// Size is the font size in points; 0 is the document's default.
	Size float64
	Bold bool
	// Color is an RGB hex colour such as "5A5A5A"; "" is black.
	Color string
	// KeepNext keeps the paragraph on the page of the next one (headings).
	KeepNext bool
	// Before and After are the space above and below, in points.
	Before, After float64
	// Indent shifts the paragraph right, in millimetres.
	Indent float64
}

// Table is a grid of text with a border around every cell. Widths are
// the column widths in millimetres; Header, when set, is the first row,
// shaded and repeated at the top of every page the table runs onto. A
// row never breaks across pages.
type Table struct {
	Widths []float64
	Header []string
	Rows   [][]string
	// Size is the font size of the cells in points; 0 is the default.
	Size float64
	// KeyColumn shades the first column, for label/value cards.
	KeyColumn bool
}

// Footer is the text of every page's footer around the page number and
// the page count: Before + page + Between + pages + After. A footer with
// all three empty is not written.
type Footer struct {
	Before, Between, After string
}

// Document is a document being written. The zero value is not usable; call
// New.
type Document struct {
	body bytes.Buffer
	// Font is the font of every run, for Latin and East Asian text alike
	// (a CJK font carries both); Lang is the language tag of the text.
	font, lang string
	size       float64
	footer     Footer
	title      string
	creator    string
}

// New starts a document whose text is set in font at size points; lang is
// a language tag such as "zh-CN" that tells Word how to break lines.
func New(font string, size float64, lang string) *Document {
	if size <= 0 {
		size = 10.5
	}
	return &Document{font: font, size: size, lang: lang}
}

// SetFooter sets the footer of every page.
func (d *Document) SetFooter(f Footer) { d.footer = f }

// SetProperties sets the title and the creating software of the
// document's core properties.
func (d *Document) SetProperties(title, creator string) {
	d.title, d.creator = title, creator
}

// Paragraph adds a paragraph.
func (d *Document) Paragraph(p Para) {
	d.body.WriteString(paragraph(p, d.size))
}

// PageBreak starts a new page.
func (d *Document) PageBreak() {
	d.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// Table adds a table. A row shorter than the widths gets empty cells; a
// longer one is cut to them.
func (d *Document) Table(t Table) {
	n := len(t.Widths)
	if n == 0 {
		return
	}
	size := t.Size
	if size <= 0 {
		size = d.size
	}
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="787878"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>`)
	b.WriteString(`<w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>`)
	b.WriteString(`</w:tblCellMar></w:tblPr><w:tblGrid>`)
	tw := make([]int, n)
	for i, w := range t.Widths {
		tw[i] = twips(w)
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, tw[i])
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if head {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for i := range n {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, tw[i])
			switch {
			case head:
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E4E8EE"/>`)
			case t.KeyColumn && i == 0:
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="F4F5F7"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			p := Para{Text: text, Size: size}
			if head {
				p.Align = Center
				p.Color = "1F3864"
			}
			b.WriteString(paragraph(p, d.size))
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	if t.Header != nil {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between a table and what follows; an empty
	// one of no height keeps the tables apart without a visible gap.
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:p>`)
}

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// halfPoints converts points to Word's half-point sizes.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

func paragraph(p Para, defSize float64) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d"/>`, int(math.Round(p.Before*20)), int(math.Round(p.After*20)))
	if p.Indent > 0 {
		fmt.Fprintf(&b, `<w:ind w:left="%d"/>`, twips(p.Indent))
	}
	fmt.Fprintf(&b, `<w:jc w:val="%s"/></w:pPr>`, p.Align.val())
	rpr := runProps(p, defSize)
	for i, line := range strings.Split(p.Text, "\n") {
		b.WriteString(`<w:r>`)
		b.WriteString(rpr)
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		if line != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			b.WriteString(escape(line))
			b.WriteString(`</w:t>`)
		}
		b.WriteString(`</w:r>`)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func runProps(p Para, defSize float64) string {
	var b strings.Builder
	b.WriteString(`<w:rPr>`)
	if p.Bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if c := hexColor(p.Color); c != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, c)
	}
	if p.Size > 0 && p.Size != defSize {
		hp := halfPoints(p.Size)
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
	}
	b.WriteString(`</w:rPr>`)
	if b.Len() == len(`<w:rPr></w:rPr>`) {
		return ""
	}
	return b.String()
}

// hexColor keeps a colour only when it is six hex digits.
func hexColor(s string) string {
	if len(s) != 6 {
		return ""
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return ""
		}
	}
	return strings.ToUpper(s)
}

// xmlChar reports whether XML 1.0 can carry the rune.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escape makes s safe as XML character data or an attribute value: the
// five special characters become references, every rune XML cannot carry
// (and every invalid UTF-8 byte) is dropped, and a tab becomes a space.
func escape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			continue
		}
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r' || r == '\n':
			// Line breaks are runs of their own; one here would be
			// folded into a space by Word.
			b.WriteByte(' ')
		case xmlChar(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// parts returns every part of the package by name.
func (d *Document) parts(created time.Time) map[string]string {
	hasFooter := d.footer != (Footer{})
	ct := xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`
	if hasFooter {
		ct += `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
	}
	ct += `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

	rels := xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`

	docRels := xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	if hasFooter {
		docRels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
	}
	docRels += `</Relationships>`

	font := escape(d.font)
	lang := escape(d.lang)
	hp := halfPoints(d.size)
	styles := xmlPI + `<w:styles ` + nsW + `><w:docDefaults><w:rPrDefault><w:rPr>` +
		fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, font, font, font, font) +
		fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="%s" w:eastAsia="%s"/>`, hp, hp, lang, lang) +
		`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`

	// A4, with the margins of the PDF papers: 18 mm left and right, the
	// text area 26 mm from the top and the bottom.
	sect := `<w:sectPr>`
	if hasFooter {
		sect += `<w:footerReference w:type="default" r:id="rId2"/>`
	}
	sect += fmt.Sprintf(`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/></w:sectPr>`,
		twips(26), twips(18), twips(26), twips(18), twips(15), twips(15))
	document := xmlPI + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + d.body.String() + sect + `</w:body></w:document>`

	out := map[string]string{
		"[Content_Types].xml":          ct,
		"_rels/.rels":                  rels,
		"word/_rels/document.xml.rels": docRels,
		"word/styles.xml":              styles,
		"word/document.xml":            document,
		"docProps/core.xml":            d.core(created),
	}
	if hasFooter {
		f := d.footer
		var b strings.Builder
		b.WriteString(xmlPI + `<w:ftr ` + nsW + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>`)
		run := func(s string) {
			if s != "" {
				fmt.Fprintf(&b, `<w:r><w:rPr><w:color w:val="5A5A5A"/><w:sz w:val="17"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, escape(s))
			}
		}
		field := func(instr string) {
			fmt.Fprintf(&b, `<w:fldSimple w:instr=" %s "><w:r><w:rPr><w:color w:val="5A5A5A"/><w:sz w:val="17"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`, instr)
		}
		run(f.Before)
		field("PAGE")
		run(f.Between)
		field("NUMPAGES")
		run(f.After)
		b.WriteString(`</w:p></w:ftr>`)
		out["word/footer1.xml"] = b.String()
	}
	return out
}

func (d *Document) core(created time.Time) string {
	when := created.UTC().Format("2006-01-02T15:04:05Z")
	s := xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
	if d.title != "" {
		s += `<dc:title>` + escape(d.title) + `</dc:title>`
	}
	if d.creator != "" {
		s += `<dc:creator>` + escape(d.creator) + `</dc:creator>`
	}
	s += `<dcterms:created xsi:type="dcterms:W3CDTF">` + when + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + when + `</dcterms:modified></cp:coreProperties>`
	return s
}

// dosEpoch is the earliest time a zip entry can carry.
var dosEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the document as a .docx package. modified is the time of
// every zip entry and of the core properties (the run's clock); the same
// document and time always give the same bytes.
func (d *Document) Write(w io.Writer, modified time.Time) error {
	modified = modified.UTC().Truncate(time.Second)
	if modified.Before(dosEpoch) {
		modified = dosEpoch
	}
	parts := d.parts(modified)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	zw := zip.NewWriter(w)
	for _, n := range names {
		h := &zip.FileHeader{Name: n, Method: zip.Deflate, Modified: modified}
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, parts[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Bytes is Write into memory.
func (d *Document) Bytes(modified time.Time) ([]byte, error) {
	var b bytes.Buffer
	if err := d.Write(&b, modified); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
