package evidence

import (
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/pdf"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// PDFMeta is the part of Meta that a PDF fills (manifest.json's meta of an
// item of kind pdf). A statement's provider, rows and period are the
// bill fields of Meta, as for a bill export.
type PDFMeta struct {
	Pages    int    `json:"pages,omitempty"`
	Version  string `json:"pdf_version,omitempty"`
	Producer string `json:"producer,omitempty"`
	Creator  string `json:"creator,omitempty"`
	// Created is the information dictionary's CreationDate: RFC 3339 UTC
	// when the file gives a zone, else the clock reading as written
	// without a zone, and CreatedZone "unknown".
	Created     string `json:"created,omitempty"`
	CreatedZone string `json:"created_zone,omitempty"`
	// Encrypted: encrypted with an empty user password (anyone can open
	// it; an owner password restricts printing or editing).
	Encrypted bool `json:"encrypted,omitempty"`
	// Repaired: the cross-reference table was wrong and objects were
	// found by scanning.
	Repaired bool `json:"repaired,omitempty"`
	// Revisions counts the times the file was written: 1, or more after
	// incremental updates (an edit, a signature appended).
	Revisions  int            `json:"revisions,omitempty"`
	Signatures []PDFSignature `json:"signatures,omitempty"`
	// Statement is the title of a statement whose table was read; its
	// rows are Item.Bill. StatementIssuer is the layout's issuer
	// (wechat, alipay, cmb, icbc, boc, ccb).
	Statement       string `json:"statement,omitempty"`
	StatementIssuer string `json:"statement_issuer,omitempty"`
	// ThirdParty: the document was issued by a platform or a bank (a
	// statement), not made by the user: 民事证据规定 第94条.
	ThirdParty bool `json:"third_party,omitempty"`
}

// PDFSignature is what can be said of one signature without trusting
// anyone. There is no "valid": the certificate chain, the trust list and
// revocation are not checked (ChainChecked is always false, and written so),
// so nothing here says who really signed; what is checked is which bytes
// the signature covers and whether their digest is the one signed.
type PDFSignature struct {
	Field string `json:"field"`
	// Name is the /Name of the signature dictionary; Signer the subject
	// CN of the certificate it carries (claims, not facts).
	Name   string `json:"name"`
	Signer string `json:"signer"`
	Issuer string `json:"issuer"`
	// SigningTime is /M of the dictionary (RFC 3339 UTC when zoned, else
	// as written without a zone), or the CMS signing time.
	SigningTime     string `json:"signing_time"`
	CoversWholeFile bool   `json:"covers_whole_file"`
	BytesAfter      int64  `json:"bytes_after"`
	DigestMatches   bool   `json:"digest_matches"`
	// SignatureMatchesKey: the signature value checks out with the key of
	// the certificate in the file (anyone can make such a certificate).
	SignatureMatchesKey bool `json:"signature_matches_key"`
	ChainChecked        bool `json:"chain_checked"`
}

// PDF is what the dossier needs of a PDF beyond its Meta: how to draw its
// pages.
type PDF struct {
	Pages int
	// Importable: the pages can be copied into the dossier as vector
	// pages (not encrypted, not repaired, page count as claimed). Else
	// they are drawn from a rendering.
	Importable bool
	// Created is the creation date as read, for the caption.
	Created pdf.Date
}

// inspectPDF reads a PDF within lim.MaxPDF with evidence/pdf: page count,
// information dictionary, signatures, and the rows of a statement. A file
// that is too large, encrypted with a password or broken is a finding
// naming the file; the original is sealed all the same.
func inspectPDF(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindPDF
	max := lim.MaxPDF
	if max <= 0 {
		max = DefaultLimits.MaxPDF
	}
	data, ok, err := readAllBounded(head, rest, max)
	if err != nil {
		return err
	}
	if !ok {
		it.Add(CodePDFTooLarge, max>>20)
		return nil
	}
	doc, err := pdf.Read(data, pdf.Limits{MaxFileBytes: max})
	if err != nil {
		pdfProblem(it, err)
		return nil
	}
	setPDF(it, doc)
	st, err := pdf.ParseStatement(doc)
	switch {
	case err == nil:
		setStatement(it, st)
	case errors.Is(err, pdf.ErrNotStatement):
	default:
		it.Add(CodePDFStatementUnreadable, err)
	}
	return nil
}

func pdfProblem(it *Item, err error) {
	var le *pdf.LimitError
	var be *pdf.BrokenError
	switch {
	case errors.Is(err, pdf.ErrEncrypted):
		it.Add(CodePDFEncrypted)
	case errors.As(err, &le):
		it.Add(CodePDFOverLimit, le.What)
	case errors.As(err, &be):
		it.Add(CodePDFUnreadable, be.Reason)
	default:
		it.Add(CodePDFUnreadable, err.Error())
	}
}

func setPDF(it *Item, doc *pdf.Doc) {
	m := &it.Meta.PDFMeta
	m.Pages = doc.Pages
	m.Version = doc.Version
	m.Producer = strings.TrimSpace(doc.Info.Producer)
	m.Creator = strings.TrimSpace(doc.Info.Creator)
	m.Created, m.CreatedZone = pdfDate(doc.Info.CreationDate)
	m.Encrypted = doc.Encrypted
	m.Repaired = doc.Repaired
	m.Revisions = doc.Revisions
	it.PDF = &PDF{Pages: doc.Pages, Created: doc.Info.CreationDate,
		Importable: !doc.Encrypted && !doc.Repaired && doc.ClaimedPages == doc.Pages}
	if doc.Repaired {
		it.Add(CodePDFRepaired)
	}
	for _, s := range doc.Signatures {
		ps := PDFSignature{Field: s.Field, Name: s.Name, Signer: s.SignerCN, Issuer: s.IssuerCN,
			CoversWholeFile: s.CoversWholeFile, BytesAfter: s.BytesAfter, DigestMatches: s.DigestMatches,
			SignatureMatchesKey: s.SignatureMatchesKey}
		ps.SigningTime, _ = pdfDate(s.SigningTime)
		if ps.SigningTime == "" && !s.CMSSigningTime.IsZero() {
			ps.SigningTime = s.CMSSigningTime.UTC().Format(time.RFC3339)
		}
		m.Signatures = append(m.Signatures, ps)
		field := s.Field
		if field == "" {
			field = "—"
		}
		if !s.CoversWholeFile {
			it.Add(CodePDFChangedAfterSigning, field, s.BytesAfter)
		}
		if !s.DigestMatches {
			it.Add(CodePDFSignatureMismatch, field)
		}
	}
}

// pdfDate writes a PDF date as manifest.json does: RFC 3339 UTC when the
// file gave a zone, else the clock reading without a zone and "unknown".
func pdfDate(d pdf.Date) (value, zone string) {
	if d.IsZero() {
		return "", ""
	}
	if d.ZoneKnown {
		return d.Time.UTC().Format(time.RFC3339), ""
	}
	return d.Time.Format("2006-01-02T15:04:05"), "unknown"
}

// statementProvider maps a statement's issuer to the provider of a bill.
func statementProvider(issuer string) string {
	switch issuer {
	case "wechat", "alipay":
		return issuer
	}
	return "bank"
}

// setStatement turns a statement's rows into the item's bill, each row
// with its page, so that the cross-checks treat them as a bill's rows.
func setStatement(it *Item, st *pdf.Statement) {
	b := &bill.Bill{Provider: statementProvider(st.Provider), Layout: "pdf-" + st.Provider,
		Start: st.Period.Start, End: st.Period.End, Skipped: st.Skipped}
	for i, r := range st.Rows {
		dir := r.Direction
		if dir == "other" {
			dir = ""
		}
		goods := r.Goods
		if r.CounterpartyAccount != "" {
			goods = strings.TrimSpace(goods + " " + r.CounterpartyAccount)
		}
		b.Rows = append(b.Rows, bill.Row{Time: r.Time, Type: r.Type, Counterparty: r.Counterparty, Goods: goods,
			Direction: dir, Amount: money.Fen(r.AmountFen), Method: r.Method, TxnID: r.ID, MerchantID: r.MerchantOrder,
			Line: i + 1, Page: r.Page})
	}
	if b.Start.IsZero() || b.End.IsZero() {
		for _, r := range b.Rows {
			if b.Start.IsZero() || r.Time.Before(b.Start) {
				b.Start = r.Time
			}
			if r.Time.After(b.End) {
				b.End = r.Time
			}
		}
	}
	it.Bill = b
	m := &it.Meta
	m.Rows = len(b.Rows)
	m.Provider = b.Provider
	m.Statement = strings.TrimSpace(st.Title)
	m.StatementIssuer = st.Provider
	m.ThirdParty = true
	if !b.Start.IsZero() && !b.End.IsZero() {
		m.Period = b.Start.In(tz.Shanghai).Format("2006-01-02") + "/" + b.End.In(tz.Shanghai).Format("2006-01-02")
		it.Captured = &Captured{Time: b.Start.UTC(), ZoneKnown: true, Source: "bill"}
	}
	if st.Skipped > 0 {
		it.Add(CodePDFStatementRowsSkipped, st.Skipped, pageList(st.SkippedPages))
	}
	if len(b.Rows) == 0 {
		it.Add(CodeBillEmpty)
	}
	for _, r := range b.Rows {
		if r.TxnID == "" {
			continue
		}
		info := ParseTxnID(r.TxnID)
		if info.Form == FormInvalid {
			it.Add(CodePDFStatementTxnIDInvalid, r.Page, r.TxnID, Text{info.ProblemZh, info.ProblemEn})
		} else if info.DateMismatch(r.Time) {
			it.Add(CodePDFStatementTxnIDDate, r.Page, r.TxnID, info.Date.Format("2006-01-02"), r.Time.In(tz.Shanghai).Format("2006-01-02 15:04"))
		}
	}
}

// pageList writes sorted, distinct page numbers: "2, 5, 7".
func pageList(pages []int) string {
	ps := append([]int(nil), pages...)
	sort.Ints(ps)
	var out []string
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, strconv.Itoa(p))
	}
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, ", ")
}

// PageOf is where a transaction ID appears in the item's PDF statement:
// the page of the first row with it as transaction or merchant order
// number, or 0.
func (it *Item) PageOf(id string) int {
	if it == nil || it.Bill == nil || it.Kind != KindPDF {
		return 0
	}
	for _, r := range it.Bill.Rows {
		if r.Page > 0 && (r.TxnID == id || r.MerchantID == id) {
			return r.Page
		}
	}
	return 0
}
