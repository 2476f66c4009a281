package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/redact"
	"github.com/casebundle/casebundle/templates"
)

// newManifest fills manifest.json from an analysis; pages come after the
// dossier is drawn.
func newManifest(a *Analysis, caseID string, now time.Time, digest string, ts *ManifestTimestamp) *Manifest {
	c := a.Case
	m := &Manifest{
		Format: Format,
		Case: ManifestCase{ID: caseID, Title: c.Title, Purpose: c.Purpose, Lang: c.Lang, Platform: c.Platform,
			ComplaintType: c.ComplaintType, Claimant: c.Claimant, Respondent: c.Respondent},
		Generated:      now.UTC().Format(time.RFC3339),
		Software:       Software(),
		ManifestSHA256: digest,
		Timestamp:      ts,
		Items:          []ManifestItem{},
		Transactions:   a.Txns,
		Checklist:      a.Checklist,
		Totals:         ManifestTotals{Loss: a.Loss, Currency: "CNY"},
		Findings:       nonNil(a.Findings),
	}
	if m.Transactions == nil {
		m.Transactions = []ManifestTxn{}
	}
	for i := range m.Transactions {
		m.Transactions[i].Findings = nonNil(m.Transactions[i].Findings)
	}
	for _, e := range a.Exhibits {
		it := e.Item
		mi := ManifestItem{Exhibit: e.Number, Path: "data/" + it.Path, SHA256: it.SHA256, Size: it.Size, MIME: it.MIME,
			Kind: it.Kind, Title: e.Title, Proves: e.Proves, Source: e.Source,
			Times: ManifestTimes{Modified: it.Modified.UTC().Format(time.RFC3339), Captured: it.Captured.String(), Ingested: m.Generated},
			Meta:  it.Meta, OCR: manifestOCR(it.OCR), Findings: nonNil(it.Findings)}
		if !e.InBundle {
			mi.Path = ""
		}
		m.Items = append(m.Items, mi)
	}
	return m
}

func nonNil(f []evidence.Finding) []evidence.Finding {
	if f == nil {
		return []evidence.Finding{}
	}
	return f
}

// dossierOf is what the dossier shows, taken from the analysis and the
// manifest so that both say the same.
func dossierOf(a *Analysis, m *Manifest, bundleDir string, payload []payloadFile) *templates.Dossier {
	c := a.Case
	d := &templates.Dossier{
		Purpose: c.Purpose, Lang: c.Lang, CaseID: m.Case.ID, Title: c.Title, Platform: c.Platform,
		ComplaintType: c.ComplaintType, Claimant: party(c.Claimant), Respondent: party(c.Respondent),
		Narrative: c.Narrative, Software: m.Software, ManifestSHA256: m.ManifestSHA256, LossTotal: a.Loss,
		Findings: a.Findings,
	}
	d.Generated, _ = time.Parse(time.RFC3339, m.Generated)
	if ts := m.Timestamp; ts != nil {
		gt, _ := time.Parse(time.RFC3339Nano, ts.GenTime)
		d.Timestamp = &templates.Timestamp{TSA: ts.TSA, GenTime: gt, Serial: ts.Serial, Policy: ts.Policy}
	}
	for _, p := range payload {
		d.Manifest = append(d.Manifest, templates.ManifestLine{SHA256: p.sha, Path: EncodePath(p.path)})
	}
	for _, t := range m.Transactions {
		// The dossier's loss table and complaint page list the payments
		// the case is about; the bills' other rows stay in their exhibits
		// and in manifest.json.
		if !contains(t.Sources, CaseFile) {
			continue
		}
		tt := templates.Transaction{ID: t.ID, Platform: t.Platform, Form: t.Form, Direction: t.Direction,
			Counterparty: t.Counterparty, Disputed: t.Disputed, Exhibits: t.Exhibits, FromCase: contains(t.Sources, CaseFile)}
		if t.Time != "" {
			tt.Time, _ = time.Parse(time.RFC3339, t.Time)
			tt.HasTime = true
		}
		if t.Amount != nil {
			tt.Amount = *t.Amount
		}
		d.Transactions = append(d.Transactions, tt)
	}
	for _, e := range a.Events {
		d.Events = append(d.Events, templates.Event{Time: e.Time, ZoneKnown: e.ZoneKnown, TextZh: e.TextZh, TextEn: e.TextEn, Exhibit: e.Exhibit})
	}
	for _, cl := range a.Checklist {
		d.Checklist = append(d.Checklist, templates.ChecklistEntry{MaterialZh: cl.Material, MaterialEn: cl.MaterialEn,
			Required: cl.Required, Present: cl.Present, Exhibits: cl.Exhibits})
	}
	for _, e := range a.Exhibits {
		file := ""
		if e.InBundle {
			file = filepath.Join(bundleDir, "data", filepath.FromSlash(e.Item.Path))
		}
		d.Exhibits = append(d.Exhibits, templates.Exhibit{Number: e.Number, Item: e.Item, File: file,
			Title: e.Title, Proves: e.Proves, Source: e.Source, OCR: e.ocr.view()})
	}
	if m.OCR != nil {
		d.OCREngine = m.OCR.Engine + " " + m.OCR.Version
	}
	return d
}

func party(p Party) templates.Party {
	return templates.Party{Name: p.Name, IDNumber: p.IDNumber, Phone: p.Phone, WeChatID: p.WeChatID, Account: p.Account}
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, make([]byte, 1<<20)); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// redactDossier masks personal numbers in everything the dossier draws and
// says so among the case findings.
func redactDossier(d *templates.Dossier, claimant Party) {
	m := redact.New(claimant.IDNumber, claimant.Phone, claimant.WeChatID, claimant.Account)
	d.Redact = m.String
	d.Findings = append(d.Findings, evidence.NewFinding(evidence.CodeDossierRedacted, "dossier.pdf"))
}
