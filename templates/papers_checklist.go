package templates

import "strings"

// paperNeed is one thing the papers still need before they are filed: the
// paper, what is missing and how to get it.
type paperNeed struct {
	paper, what, how string
}

// paperNeeds lists what the papers leave blank, in the order of the
// papers, and says when the application to identify the payee must go
// with the claim. Signatures are always listed: the papers are signed by
// hand.
func paperNeeds(d *Dossier, w *words) []paperNeed {
	f := PapersFacts{}
	if d.Papers != nil {
		f = *d.Papers
	}
	ps := newPapersCtx(d, nil, &f, w, nil)
	var out []paperNeed
	add := func(paper, what, how string) { out = append(out, paperNeed{paper, what, how}) }
	claim := w.pTitleComplaint
	if ps.needsInvestigation() {
		add(claim, w.pNeedIdentity, w.pNeedIdentityHow)
	}
	if strings.TrimSpace(d.Claimant.IDNumber) == "" {
		add(claim, w.pIDNumber+w.aside(w.pPlaintiff), w.pNoteOwnID)
	}
	if strings.TrimSpace(f.ClaimantAddress) == "" {
		add(claim, w.pAddress+w.aside(w.pPlaintiff), w.pNoteOwnAddress)
	}
	if strings.TrimSpace(f.Court) == "" {
		add(claim, w.pCourt, w.pNoteCourt)
	}
	switch {
	case f.Interest.Basis == "":
		add(claim, itemName(w.pClaimInterest), w.pNoteInterestBasis)
	case f.Interest.Basis != "none" && f.Interest.RatePPM == 0:
		add(claim, itemName(w.pClaimInterest), w.pNoteRate)
	}
	if f.Mediation == "" {
		add(claim, w.pMediation, w.pNoteMediation)
	}
	if len(ps.claim.payments) == 0 {
		add(claim, itemName(w.pFactPayment), w.pNotePayments)
	}
	if ps.needsInvestigation() {
		add(w.pTitleInvestigation, w.pHolder+w.aside(w.pAddress), w.pNoteCompanyAddress)
		if d.Platform == "bank" && strings.TrimSpace(f.RespondentBank) == "" {
			add(w.pTitleInvestigation, w.pHolder, w.pNoteBank)
		}
	}
	if ps.hasAccount() {
		add(w.pTitlePreservation, w.pSecurity, w.pNoteSecurity)
	}
	add(w.pTitleDemand, w.pNeedDelivery, w.pNeedDeliveryHow)
	add(w.pNeedAll, w.pNeedSign, w.pNeedSignHow)
	return out
}

// drawPaperNeeds draws, in the checklist, what the papers still need.
// It is drawn only when the papers are made (build --papers), so that a
// dossier without them stays as it was.
func drawPaperNeeds(dc *doc) {
	if dc.d.Papers == nil {
		return
	}
	w := dc.w
	needs := paperNeeds(dc.d, w)
	dc.setY(dc.y() + 6)
	dc.subheading(w.pNeedsHeading, 12)
	dc.para(w.pNeedsIntro, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 1)
	cols := []column{{w.pColPaper, 34, "L"}, {w.pColNeed, 50, "L"}, {w.pColHow, 0, "L"}}
	fillWidth(cols, 2)
	rows := make([][]string, len(needs))
	for i, n := range needs {
		rows[i] = []string{n.paper, n.what, n.how}
	}
	dc.table(&table{cols: cols, header: true, rows: rows})
}

// itemName is a numbered element of a paper without its number: "2. 利息"
// is "利息".
func itemName(s string) string {
	return strings.TrimSpace(strings.TrimLeft(s, "0123456789. "))
}
