package templates

import (
	"path"
	"strings"

	"github.com/casebundle/casebundle/evidence"
)

// policeReport is the 报案书: who reports, whom, on what ground (诈骗,
// 刑法 art. 266, when the case is a fraud; otherwise a request to examine
// what happened, without naming an offence the victim cannot judge),
// what happened, the loss and what is asked. Its first page lists the
// only real channels to report by, so that a victim is not sent to a
// fake "refund" service.
func (ps *papersCtx) policeReport() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "police_report", w.pTitlePolice)
	p.box(w.pChannels)
	p.card([][]string{
		{w.pReporter, ps.claimantLines(true)},
		{w.pSuspect, ps.respondentLines(false)},
		{w.pPoliceCauseLabel, lookup(w.pPoliceCause, ps.complaintType())},
	})
	p.heading(w.pHPoliceFacts)
	p.para(ps.or(d.Narrative, w.pNoteNarrative))
	p.heading(w.pHLoss)
	ps.paymentTable(p)
	p.para(w.lossTotal + w.colon + ps.amount(d.LossTotal))
	p.heading(w.pHPoliceRequest)
	p.para(lookup(w.pPoliceAsk, ps.complaintType()))
	p.heading(w.pHPoliceAttach)
	p.para(w.pPoliceAttachments(len(d.Manifest), ps.dossierPages()))
	p.right(ps.signature(w.pSignReporter))
	return p
}

// paymentTable lists the payments of case.yaml: ID, time, amount, whether
// disputed.
func (ps *papersCtx) paymentTable(p *paper) {
	w := ps.w
	if len(ps.d.Transactions) == 0 {
		p.para(ps.blank(w.pNotePayments))
		return
	}
	rows := make([][]string, len(ps.d.Transactions))
	for i, t := range ps.d.Transactions {
		when := w.unknownTime
		if t.HasTime {
			when = w.when(t.Time)
		}
		dir := w.dirOut
		if t.Direction == "in" {
			dir = w.dirIn
		}
		disputed := w.no
		if t.Disputed {
			disputed = w.yes
		}
		rows[i] = []string{t.ID, when, ps.amount(t.Amount), dir, dash(t.Counterparty), disputed}
	}
	p.grid([]pcol{{w.colTxnID, 52}, {w.colTime, 38}, {w.colAmount, 24}, {w.colDirection, 14}, {w.colCounterparty, 0}, {w.colDisputed, 16}}, rows)
}

// edataList is the 电子数据清单, modelled on art. 14 of the 2016 rules of
// the 最高人民法院, 最高人民检察院 and 公安部 on electronic data in criminal
// cases: one row per line of manifest-sha256.txt, in its order, with the
// file's name, category, format, size, SHA-256 (the 完整性校验值), source
// device or account, how it was obtained and its time, and signature
// lines for the person who provides the data and the officer who takes it.
func (ps *papersCtx) edataList() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "edata_list", w.pTitleEData)
	p.note(w.pEDataIntro)
	trusted := w.none
	if ts := d.Timestamp; ts != nil {
		trusted = w.pTrustedTime(w.when(ts.GenTime), ts.TSA)
	}
	p.card([][]string{
		{w.pPoliceCauseLabel, lookup(w.pPoliceCause, ps.complaintType())},
		{w.pHolderPerson, ps.labelled([3]string{w.name, d.Claimant.Name, w.pNoteName}, [3]string{w.phone, d.Claimant.Phone, ""})},
		{w.pMedium, w.pMediumText(ps.orDash(d.CaseID))},
		{w.pManifestHash, "SHA-256" + w.colon + ps.orDash(d.ManifestSHA256)},
		{w.trustedTime, trusted},
		{w.pCollected, w.pCollectedText(w.when(d.Generated), ps.orDash(d.Software))},
	})
	byPath := map[string]*Exhibit{}
	for i := range d.Exhibits {
		if it := d.Exhibits[i].Item; it != nil {
			byPath["data/"+it.Path] = &d.Exhibits[i]
		}
	}
	rows := make([][]string, len(d.Manifest))
	for i, ml := range d.Manifest {
		ex := byPath[ml.Path]
		rows[i] = append([]string{itoa(i + 1), ml.Path}, ps.edataCells(ex, ml)...)
	}
	if len(rows) == 0 {
		p.para(w.noManifest)
	} else {
		p.grid([]pcol{{w.colNo, 9}, {w.pColFile, 30}, {w.pColCategory, 17}, {w.pColSize, 16}, {w.pColHash, 36}, {w.pColOrigin, 0}, {w.pColObtained, 20}, {w.pColTime, 23}}, rows)
	}
	p.note(w.pEDataCheck)
	p.right(w.pSignProvider + w.colon + blankLine + "\n" + w.pSignOfficer + w.colon + blankLine + "\n" + w.dateLabel + w.colon + blankLine)
	return p
}

func (ps *papersCtx) orDash(s string) string { return dash(strings.TrimSpace(s)) }

// edataCells are the category and format, size, hash, source, how
// obtained and time of one manifest line.
func (ps *papersCtx) edataCells(ex *Exhibit, ml ManifestLine) []string {
	w := ps.w
	if ex == nil {
		// case.yaml, the user's own statement of the facts.
		size := "—"
		return []string{w.pCaseFileKind + "\n" + "YAML", size, ml.SHA256, ps.or(ps.d.Claimant.Name, w.pNoteName), w.pWrittenByUser, "—"}
	}
	it := ex.Item
	kind := lookup(w.pEDataKind, string(it.Kind))
	format := formatName(it)
	origin := []string{}
	if s := strings.TrimSpace(ex.Source); s != "" {
		origin = append(origin, s)
	}
	if it.Meta.Camera != "" {
		origin = append(origin, w.pDevice+w.colon+it.Meta.Camera)
	}
	if it.Kind == evidence.KindBill && it.Bill != nil && strings.TrimSpace(it.Bill.Account) != "" {
		origin = append(origin, w.account+w.colon+strings.TrimSpace(it.Bill.Account))
	}
	if len(origin) == 0 {
		origin = append(origin, ps.blank(w.pNoteOrigin))
	}
	return []string{kind + "\n" + format, w.bytes(it.Size), it.SHA256, strings.Join(origin, "\n"), ps.obtained(it), ps.fileTime(it)}
}

// formatName is a file's format as a short name: PNG, JPEG, XLSX, CSV ….
func formatName(it *evidence.Item) string {
	if it.Meta.Format != "" && it.Kind == evidence.KindImage {
		return strings.ToUpper(it.Meta.Format)
	}
	if ext := strings.TrimPrefix(path.Ext(it.Path), "."); ext != "" && len(ext) <= 5 {
		return strings.ToUpper(ext)
	}
	if it.MIME != "" {
		return it.MIME
	}
	return "—"
}

// obtained says how a file came to be, as far as its content tells: a
// photo with a camera, a chat export by its tool, a bill downloaded from
// its platform.
func (ps *papersCtx) obtained(it *evidence.Item) string {
	w := ps.w
	switch it.Kind {
	case evidence.KindImage:
		if it.Meta.Camera != "" {
			return w.pByCamera
		}
		return w.pByScreen
	case evidence.KindChat:
		if f := it.Meta.Format; f != "" {
			return w.pByExport(lookup(w.chatFormats, f))
		}
		return w.pByExport(w.pUnknownTool)
	case evidence.KindBill:
		return w.pByDownload(lookup(w.providers, it.Meta.Provider))
	}
	return w.pByUser
}

// fileTime is a file's capture time when its content records one, else
// its modification time, each labelled.
func (ps *papersCtx) fileTime(it *evidence.Item) string {
	w := ps.w
	if c := it.Captured; c != nil && !c.Time.IsZero() {
		if c.ZoneKnown {
			return w.capCaptured + w.colon + w.whenShort(c.Time)
		}
		return w.capCaptured + w.colon + w.captured(c)
	}
	if !it.Modified.IsZero() {
		return w.capModified + w.colon + w.whenShort(it.Modified)
	}
	return w.unknownTime
}
