package templates

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/phpdave11/gofpdi"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/pdf"
)

// A PDF exhibit is its caption (with the PDF's own facts: pages, producer,
// creation date, signatures, the statement read from it), then every page
// of the PDF on a dossier page of its own, under a band that names the
// exhibit, the page, the file and its SHA-256, and, for a statement, the
// rows read from it as a bill table.
//
// A page is imported as a vector page with gofpdi, scaled into the frame,
// so its text stays text. A file gofpdi cannot take (encrypted with an
// empty password, repaired, or one it fails on: its panics are recovered)
// has its pages drawn from poppler's rendering (pdf.RenderPage) instead;
// without poppler, the frame holds a box saying the page could not be
// drawn and where the file is. No page is ever left out: the layout is one
// dossier page per PDF page whatever happens, so both passes agree.
//
// The rows of a statement follow the pages as the bill table of
// exhibit_bill.go, with the page of each row instead of its line. The
// pages are the record; the table shows what was read from them, marks the
// case's rows so that a reader can check the reading against the page, and
// shortens a long statement to the case's rows and a few around each, so it
// costs a page or two.

const (
	// pdfRenderDPI draws pages that cannot be imported: sharp enough to
	// read 7-point table text.
	pdfRenderDPI = 150
	// pdfRenderBytes is the estimate of a rendered page in a volume plan;
	// pdfPageBytes that of an imported page's own objects.
	pdfRenderBytes = 400 << 10
	pdfPageBytes   = 2 << 10
	// pdfRenderTimeout bounds poppler on one page.
	pdfRenderTimeout = 60 * time.Second
)

// isPDF reports an exhibit whose pages the dossier draws.
func isPDF(ex *Exhibit) bool {
	it := ex.Item
	return it != nil && it.Kind == evidence.KindPDF && it.PDF != nil && it.PDF.Pages > 0
}

// pdfBytes estimates what a PDF exhibit's pages add to a volume.
func pdfBytes(ex *Exhibit) int64 {
	if !isPDF(ex) {
		return 0
	}
	n := int64(ex.Item.PDF.Pages)
	if ex.Item.PDF.Importable {
		return ex.Item.Size + n*pdfPageBytes
	}
	return n * pdfRenderBytes
}

// exhibitPDF draws the pages of a PDF exhibit (the caption is drawn) and,
// for a statement, its rows.
func (dc *doc) exhibitPDF(ex *Exhibit) {
	n := ex.Item.PDF.Pages
	for k := 1; k <= n; k++ {
		dc.newPage()
		dc.pdfPage(ex, k, n)
	}
	if ex.Item.Bill != nil {
		dc.newPage()
		dc.font(sizeSmall, colMuted)
		dc.textAt(marginL, dc.y(), contentW, lineHeight(sizeSmall), dc.w.exhibitCont(ex.Number), "L")
		dc.font(sizeBody, colText)
		dc.setY(dc.y() + lineHeight(sizeSmall) + 2)
		dc.exhibitBill(ex)
	}
}

// pdfPage draws page k of n: the band, the frame and, in the final pass,
// the page in it.
func (dc *doc) pdfPage(ex *Exhibit, k, n int) {
	w := dc.w
	it := ex.Item
	dc.bookmark(w.pdfBand(ex.Number, k, n), 2)
	lh := lineHeight(sizeTiny)
	lines := []string{
		w.pdfBand(ex.Number, k, n) + w.titleSep + it.Path,
		"SHA-256" + dc.colon() + dash(it.SHA256),
		dc.pdfFactsLine(it),
	}
	y := dc.y()
	dc.font(sizeTiny, colMuted)
	for i, l := range lines {
		dc.textAt(marginL, y+float64(i)*lh, contentW, lh, dc.m.fit(dc.m.clean(l, false), sizeTiny, contentW), "L")
	}
	dc.font(sizeBody, colText)
	top := y + float64(len(lines))*lh + 2
	fx, fy, fw, fh := marginL, top, contentW, contentBottom-top
	dc.setY(contentBottom)
	if !dc.final {
		return
	}
	src := dc.pdfSource(ex)
	if src.err == nil && src.tpls != nil {
		if dc.drawImported(src, k, fx, fy, fw, fh) {
			return
		}
	}
	err := dc.drawRendered(ex, src, k, fx, fy, fw, fh)
	if err != nil {
		dc.pdfFailedBox(ex, err, fx, fy, fw, fh)
	}
}

// pdfFactsLine is the band's third line: producer, creation date and the
// signatures in a few words.
func (dc *doc) pdfFactsLine(it *evidence.Item) string {
	w := dc.w
	m := it.Meta
	parts := []string{w.capProducer + dc.colon() + dash(m.Producer), w.capCreated + dc.colon() + dc.pdfCreated(it)}
	sig := w.sigNone
	if len(m.Signatures) > 0 {
		var ss []string
		for _, s := range m.Signatures {
			st := w.sigCovers
			if !s.CoversWholeFile {
				st = w.sigChanged(s.BytesAfter)
			}
			ss = append(ss, dash(s.Field)+" "+st)
		}
		sig = strings.Join(ss, w.listSep) + w.aside(w.sigChainShort)
	}
	parts = append(parts, w.capSignatures+dc.colon()+sig)
	return strings.Join(parts, " · ")
}

// pdfCreated shows the PDF's creation date: in Beijing time when the file
// gives a zone, else as written and marked.
func (dc *doc) pdfCreated(it *evidence.Item) string {
	if it.PDF == nil || it.PDF.Created.IsZero() {
		return dc.w.unknownTime
	}
	c := it.PDF.Created
	if c.ZoneKnown {
		return dc.w.when(c.Time)
	}
	return c.Time.Format("2006-01-02 15:04:05") + dc.w.zoneNotRecorded
}

// pdfCaptionRows are the rows a PDF adds to its exhibit's caption.
func (dc *doc) pdfCaptionRows(it *evidence.Item) [][]string {
	if it == nil || it.Kind != evidence.KindPDF || it.PDF == nil {
		return nil
	}
	w := dc.w
	m := it.Meta
	how := w.pdfVector
	if !it.PDF.Importable {
		how = w.pdfRendered
	}
	if m.Encrypted {
		how += dc.colon() + w.pdfEncryptedOpen
	}
	rows := [][]string{
		{w.pdfPages, strconv.Itoa(it.PDF.Pages) + w.aside(how)},
		{w.capProducer, dash(m.Producer)},
		{w.capCreator, dash(m.Creator)},
		{w.capCreated, dc.pdfCreated(it)},
		{w.capSignatures, dc.signatureText(m.Signatures)},
	}
	if it.Bill != nil && m.Statement != "" {
		rows = append(rows, []string{w.capStatement, w.statementRead(m.Statement, len(it.Bill.Rows))})
		if at := dc.caseRows(it.Bill); at != "" {
			rows = append(rows, []string{w.capCaseRows, at})
		}
	}
	if m.ThirdParty {
		rows = append(rows, []string{w.capThirdParty, w.thirdParty})
	}
	return rows
}

// signatureText describes each signature, then says what was not checked.
func (dc *doc) signatureText(sigs []evidence.PDFSignature) string {
	w := dc.w
	if len(sigs) == 0 {
		return w.sigNone
	}
	var lines []string
	for _, s := range sigs {
		parts := []string{w.sigNames(dash(s.Name), dash(s.Signer))}
		if s.SigningTime != "" {
			parts = append(parts, w.sigAt+dc.colon()+dc.signingTime(s.SigningTime))
		}
		if s.CoversWholeFile {
			parts = append(parts, w.sigCovers)
		} else {
			parts = append(parts, w.sigChanged(s.BytesAfter))
		}
		if s.DigestMatches {
			parts = append(parts, w.sigDigestOK)
		} else {
			parts = append(parts, w.sigDigestBad)
		}
		lines = append(lines, dash(s.Field)+dc.colon()+strings.Join(parts, w.listSep))
	}
	return strings.Join(lines, "\n") + "\n" + w.sigChainNote
}

// signingTime shows a signing time as manifest.json writes it: UTC with a
// zone, or the clock as written.
func (dc *doc) signingTime(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return dc.w.when(t)
	}
	if t, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		return t.Format("2006-01-02 15:04:05") + dc.w.zoneNotRecorded
	}
	return s
}

// caseRows lists the case's transactions found in a statement, each with
// the page it is on, in the order of the case's transactions.
func (dc *doc) caseRows(b *bill.Bill) string {
	var lines []string
	for _, t := range dc.d.Transactions {
		id := strings.TrimSpace(t.ID)
		if !t.FromCase || id == "" {
			continue
		}
		for _, r := range b.Rows {
			if r.Page > 0 && (r.TxnID == id || r.MerchantID == id) {
				lines = append(lines, dc.w.caseRowAt(id, r.Page))
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// sourceCell is an exhibit's 证据来源 in the evidence index, with the
// third-party mark of a platform's or a bank's statement.
func (dc *doc) sourceCell(ex *Exhibit) string {
	s := dash(ex.Source)
	if ex.Item != nil && ex.Item.Meta.ThirdParty {
		s += "\n" + dc.w.thirdPartyShort
	}
	return s
}

// isPDFBill reports a bill read from a PDF statement: its rows carry
// pages, not lines.
func isPDFBill(b *bill.Bill) bool { return strings.HasPrefix(b.Layout, "pdf-") }

// pdfSource is one PDF exhibit as imported into this pass's document.
type pdfSource struct {
	tpls []int // gofpdi template of each page; nil when not imported
	imp  *gofpdi.Importer
	err  error // the file could not be read or does not match its hash
}

// pdfSource reads the exhibit's copy in the bundle once per pass, checks
// it against the recorded SHA-256 and imports every page with gofpdi when
// the file allows it.
func (dc *doc) pdfSource(ex *Exhibit) *pdfSource {
	if s, ok := dc.pdfs[ex.Number]; ok {
		return s
	}
	s := &pdfSource{}
	if dc.pdfs == nil {
		dc.pdfs = map[int]*pdfSource{}
	}
	dc.pdfs[ex.Number] = s
	// The copy was read within evidence.Limits.MaxPDF when it was sealed;
	// one of another size is not read at all.
	if st, err := os.Stat(ex.File); err != nil || st.Size() != ex.Item.Size {
		s.err = errors.New(dc.w.pdfUnchecked)
		return s
	}
	data, err := os.ReadFile(ex.File)
	if err != nil {
		s.err = err
		return s
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != ex.Item.SHA256 {
		s.err = errors.New(dc.w.pdfUnchecked)
		return s
	}
	if ex.Item.PDF.Importable {
		if dc.pdfImp == nil {
			dc.pdfImp = gofpdi.NewImporter()
		}
		s.imp = dc.pdfImp
		s.tpls = importPages(dc.pdf, dc.pdfImp, "exhibit-"+strconv.Itoa(ex.Number), data, ex.Item.PDF.Pages)
	}
	return s
}

// importPages imports every page of data into pdf as templates, in the
// call order of gofpdf's contrib wrapper (internal/gofpdicheck in
// evidence/pdf shows it): the pages, then the form XObjects, then the
// objects. Nothing reaches pdf unless all of it worked; any panic of
// gofpdi (it panics on what it cannot read) gives nil.
func importPages(doc *gofpdf.Fpdf, imp *gofpdi.Importer, name string, data []byte, pages int) (tpls []int) {
	defer func() {
		if recover() != nil {
			tpls = nil
		}
	}()
	if err := imp.SetSourceBytes(name, data); err != nil {
		return nil
	}
	if imp.GetNumPages() != pages {
		return nil
	}
	out := make([]int, pages)
	for k := 1; k <= pages; k++ {
		out[k-1] = imp.ImportPage(k, "/MediaBox")
	}
	forms := imp.PutFormXobjectsUnordered()
	objs := imp.GetImportedObjectsUnordered()
	pos := imp.GetImportedObjHashPos()
	doc.ImportTemplates(forms)
	doc.ImportObjects(objs)
	doc.ImportObjPos(pos)
	return out
}

// drawImported draws page k as a vector page, as large as the frame
// allows, centred and framed.
func (dc *doc) drawImported(src *pdfSource, k int, x, y, w, h float64) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	tpl := src.tpls[k-1]
	// The height of the page drawn 1 mm wide is its aspect ratio.
	_, _, _, _, ty := src.imp.UseTemplate(tpl, 0, 0, 1, 0)
	aspect := -ty
	if !(aspect > 0.01 && aspect < 100) {
		return false
	}
	pw, ph := dc.fitFrame(aspect, w, h)
	px, py := x+(w-pw)/2, y
	name, sx, sy, tx, ty2 := src.imp.UseTemplate(tpl, px, py, pw, 0)
	dc.pdf.UseImportedTemplate(name, sx, sy, tx, ty2)
	dc.pageFrame(px, py, pw, ph)
	return true
}

// drawRendered draws page k from poppler's rendering.
func (dc *doc) drawRendered(ex *Exhibit, src *pdfSource, k int, x, y, w, h float64) error {
	if src.err != nil {
		return src.err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfRenderTimeout)
	defer cancel()
	png, err := pdf.RenderPage(ctx, "", ex.File, k, pdfRenderDPI)
	if errors.Is(err, pdf.ErrRendererMissing) {
		return errors.New(dc.w.pdfNoRenderer)
	}
	if err != nil {
		return err
	}
	if err := dc.pdf.Error(); err != nil {
		return err
	}
	name := fmt.Sprintf("pdfpage-%d-%d", ex.Number, k)
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	info := dc.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	if err := dc.pdf.Error(); err != nil || info == nil {
		dc.pdf.ClearError()
		if err == nil {
			err = errors.New("PNG not accepted")
		}
		return err
	}
	pw, ph := dc.fitFrame(info.Height()/info.Width(), w, h)
	px := x + (w-pw)/2
	dc.pdf.ImageOptions(name, px, y, pw, ph, false, opt, 0, "")
	if err := dc.pdf.Error(); err != nil {
		dc.pdf.ClearError()
		return err
	}
	dc.pageFrame(px, y, pw, ph)
	return nil
}

// fitFrame is the size of a page of the given aspect (height / width) as
// large as fits w × h.
func (dc *doc) fitFrame(aspect, w, h float64) (float64, float64) {
	if w*aspect <= h {
		return w, w * aspect
	}
	return h / aspect, h
}

// pageFrame draws the thin frame around a drawn page.
func (dc *doc) pageFrame(x, y, w, h float64) {
	dc.stroke(colRule, 0.3)
	dc.pdf.Rect(x-0.2, y-0.2, w+0.4, h+0.4, "D")
}

// pdfFailedBox says in the frame that the page could not be drawn, why,
// and where the original is.
func (dc *doc) pdfFailedBox(ex *Exhibit, err error, x, y, w, h float64) {
	const pad = 3.0
	dc.fill(colAlert)
	dc.stroke(colRule, 0.3)
	bh := min(h, 40)
	dc.pdf.Rect(x, y, w, bh, "FD")
	lh := lineHeight(sizeBody)
	dc.font(sizeBody, colText)
	text := dc.w.pdfPageFailed(err.Error(), "data/"+ex.Item.Path)
	for i, ln := range dc.m.wrap(dc.m.clean(text, true), sizeBody, w-2*pad) {
		ly := y + pad + float64(i)*lh
		if ly+lh > y+bh-pad {
			break
		}
		dc.textAt(x+pad, ly, w-2*pad, lh, ln, "L")
	}
	dc.font(sizeBody, colText)
}
