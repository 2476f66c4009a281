package templates

import (
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/evidence"
)

// civilComplaint is the 民事起诉状 in the element style of the model forms
// of 最高人民法院 法〔2024〕46号 and 法〔2025〕82号. A claim for money held
// without a legal ground (不当得利, 民法典 art. 985) has no model form of
// its own, so its statutory elements are laid out the same way: the
// parties with every identifier, the claims with how each amount is
// computed, jurisdiction and preservation, the facts element by element,
// the willingness to mediate, and the evidence by the numbers of the
// dossier's 证据目录.
func (ps *papersCtx) civilComplaint() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "civil_complaint", w.pTitleComplaint)
	p.subtitle(w.aside(ps.causeOf()))
	p.box(w.pComplaintIntro(1))

	p.heading(w.pHParties)
	p.card([][]string{
		{w.pPlaintiff, ps.claimantLines(true)},
		{w.pService, ps.labelled(
			[3]string{w.pAddress, ps.f.ClaimantAddress, w.pNoteOwnAddress},
			[3]string{w.pRecipient, d.Claimant.Name, w.pNoteName},
			[3]string{w.phone, d.Claimant.Phone, w.pNotePhone})},
		{w.pEService, check(w.pEServiceOptions, -1)},
		{w.pDefendant, ps.respondentLines(true)},
		{w.pAgent, check(w.pAgentOptions, -1)},
	})
	switch {
	case strings.TrimSpace(d.Respondent.Name) == "":
		p.note(w.pDefendantNamedBy)
	case ps.needsInvestigation():
		p.note(w.pDefendantIDUnknown)
	}

	p.heading(w.pHClaims)
	p.card([][]string{
		{w.pClaimPrincipal, ps.principalText()},
		{w.pClaimInterest, ps.interestText()},
		{w.pClaimCosts, ps.costsText()},
		{w.pClaimTotal, ps.totalText()},
		{w.pClaimBasis, lookup(w.pBasis, ps.complaintType())},
	})

	p.heading(w.pHCourt)
	preserve := w.pNoPreservation
	if ps.hasAccount() {
		preserve = w.pPreservationFiled
	}
	p.card([][]string{
		{w.pCourt, ps.court()},
		{w.pAgreedCourt, check(w.pYesNo, -1)},
		{w.pPreservation, preserve},
	})

	p.heading(w.pHFacts)
	var pays []string
	for _, t := range ps.claim.payments {
		pays = append(pays, ps.payLine(t))
	}
	payText := strings.Join(pays, "\n")
	if payText == "" {
		payText = ps.blank(w.pNotePayments)
	}
	facts := [][]string{
		{w.pFactPayment, payText},
		{w.pFactPayee, ps.payeeFact()},
		{w.pFactGround, lookup(w.pNoGround, ps.complaintType())},
		{w.pFactNarrative, ps.or(d.Narrative, w.pNoteNarrative)},
	}
	if ps.needsInvestigation() {
		facts = append(facts, []string{w.pFactIdentity, w.pIdentityApplied(ps.holderCompany())})
	}
	p.card(facts)

	p.heading(w.pHMediation)
	chosen := map[string]int{"yes": 0, "no": 1, "unsure": 2}
	m, ok := chosen[ps.f.Mediation]
	if !ok {
		m = -1
	}
	med := check(w.pMediationOptions, m)
	if m < 0 {
		med += "\n" + w.aside(w.pNotePrefix+w.pNoteMediation)
	}
	p.card([][]string{{w.pMediation, med}})

	p.heading(w.pHEvidence)
	ps.evidenceRefs(p)

	p.para(w.pTo + "\n" + ps.courtLine())
	p.right(ps.signature(w.pSignPlaintiff))
	p.note(ps.attachments())
	return p
}

// principalText is the principal claimed and how it adds up.
func (ps *papersCtx) principalText() string {
	w, c := ps.w, ps.claim
	if len(c.payments) == 0 {
		return ps.blank(w.pNotePayments)
	}
	var parts []string
	for _, t := range c.payments {
		parts = append(parts, ps.amount(t.Amount))
	}
	return w.pPrincipal(ps.amount(c.principal), strings.Join(parts, " + "), len(c.payments))
}

// interestText is the interest claimed: on what, from when, at what rate,
// to when, and the figure so far with its arithmetic; or what is missing.
func (ps *papersCtx) interestText() string {
	w, c := ps.w, ps.claim
	switch c.basis {
	case "none":
		return w.pNoInterest
	case "":
		return ps.blank(w.pNoteInterestBasis)
	}
	rate := ps.blank(w.pNoteRate)
	if c.ppm > 0 {
		rate = ratePercent(c.ppm) + "%"
	}
	name := w.pRateStated
	if c.basis == "lpr" {
		name = w.pRateLPR
		if !ps.f.Interest.LPRDate.IsZero() {
			name += w.aside(w.pLPRPublished(ps.date(ps.f.Interest.LPRDate)))
		}
	}
	var out []string
	for _, pt := range c.parts {
		from := ps.blank(w.pNoteFrom)
		if !pt.from.IsZero() {
			from = ps.date(pt.from)
		}
		out = append(out, w.pInterestRule(ps.amount(pt.principal), from, name, rate))
		if pt.computed {
			out = append(out, w.pInterestSoFar(ps.date(pt.to), ps.amount(pt.principal), ratePercent(c.ppm)+"%", pt.days, ps.amount(pt.amount))+
				w.aside(w.pDaysCounted(ps.date(pt.from), ps.date(pt.to), pt.days)))
		}
	}
	if c.interestKnown && len(c.parts) > 1 {
		out = append(out, w.pInterestSum(ps.amount(c.interest)))
	}
	out = append(out, w.pInterestMethod)
	return strings.Join(out, "\n")
}

func (ps *papersCtx) costsText() string {
	if ps.f.Costs {
		return ps.w.pCosts
	}
	return ps.w.pNoCosts
}

// totalText is the sum claimed, as the parts add up.
func (ps *papersCtx) totalText() string {
	w, c := ps.w, ps.claim
	if len(c.payments) == 0 {
		return ps.blank(w.pNotePayments)
	}
	switch {
	case c.basis == "none":
		return w.pTotalPrincipal(ps.amount(c.total))
	case c.interestKnown:
		return w.pTotalWithInterest(ps.amount(c.total), ps.amount(c.principal), ps.amount(c.interest), ps.date(c.to))
	}
	return w.pTotalOpen(ps.amount(c.principal))
}

// payeeFact says how the payee is known: the identifiers of case.yaml.
func (ps *papersCtx) payeeFact() string {
	w, r := ps.w, ps.d.Respondent
	var ids []string
	for _, kv := range [][2]string{{w.name, r.Name}, {w.wechatID, r.WeChatID}, {w.phone, r.Phone}, {w.pRecvAccount, r.Account}} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			ids = append(ids, kv[0]+" "+v)
		}
	}
	var txns []string
	for _, t := range ps.disputedIDs() {
		txns = append(txns, t.ID)
	}
	return w.pPayeeKnown(strings.Join(ids, w.listSep), strings.Join(txns, w.listSep))
}

// holderCompany is who holds the payee's real-name record: the payment
// company of the platform, or the payee's bank.
func (ps *papersCtx) holderCompany() string {
	w := ps.w
	switch ps.d.Platform {
	case "wechat", "alipay":
		return w.pCompany[ps.d.Platform]
	case "bank":
		return ps.or(ps.f.RespondentBank, w.pNoteBank)
	}
	return ps.blank(w.pNoteCompany)
}

// evidenceRefs lists the evidence by the numbers of the dossier's civil
// 证据目录, with where each is in the dossier.
func (ps *papersCtx) evidenceRefs(p *paper) {
	w := ps.w
	if len(ps.d.Exhibits) == 0 {
		p.para(w.noExhibits)
		return
	}
	rows := make([][]string, len(ps.d.Exhibits))
	for i, ex := range ps.d.Exhibits {
		rows[i] = []string{ps.label(ex.Number), exhibitTitle(&ex), dash(ex.Proves), ps.exhibitPages(ex.Number)}
	}
	p.grid([]pcol{{w.colNo, 14}, {w.colTitle, 52}, {w.colPurpose, 0}, {w.pColWhere, 30}}, rows)
	p.note(w.pEvidenceNote)
}

// attachments is the list of what goes with the claim and how many copies
// to bring: one for the court and one for each defendant.
func (ps *papersCtx) attachments() string {
	w := ps.w
	n := 1 // case.yaml names one respondent
	var with []string
	with = append(with, w.pAttachCopies(n))
	if ps.needsInvestigation() {
		with = append(with, w.pAttachPaper(w.pTitleInvestigation))
	}
	if ps.hasAccount() {
		with = append(with, w.pAttachPaper(w.pTitlePreservation))
	}
	with = append(with, w.pAttachPaper(w.pTitleEvidenceList), w.pAttachDossier(ps.dossierPages()))
	return w.pAttachHead + "\n" + strings.Join(with, "\n") + "\n" + w.pCopies(n)
}

// dossierPages is the page count of the dossier, all volumes.
func (ps *papersCtx) dossierPages() int {
	if ps.lay == nil {
		return 0
	}
	return ps.lay.Pages
}

// investigation is the 调查取证申请书: the application asking the court to
// order the payment company or the payee's bank to disclose who holds the
// account that received each payment, with the evidence sought, why the
// applicant cannot get it alone (the record is someone else's personal
// information that only a court or the police may obtain), and the clues
// (every transaction ID, time and amount).
func (ps *papersCtx) investigation() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "investigation", w.pTitleInvestigation)
	p.box(w.pInvestigationIntro)
	p.card([][]string{
		{w.pApplicant, ps.claimantLines(true)},
		{w.pHolder, lines(ps.holderCompany(), w.pAddress+w.colon+ps.blank(w.pNoteCompanyAddress))},
		{w.pCaseOf, w.pCaseOfText(d.Claimant.Name, ps.respondentName(), ps.causeOf())},
	})
	p.heading(w.pHRequest)
	p.para(w.pRequestText(ps.holderCompany()))
	rows := [][]string{}
	for _, t := range ps.disputedIDs() {
		when := w.unknownTime
		if t.HasTime {
			when = w.when(t.Time)
		}
		rows = append(rows, []string{t.ID, when, ps.amount(t.Amount), ps.platformName(t.Platform)})
	}
	if len(rows) == 0 {
		p.para(ps.blank(w.pNotePayments))
	} else {
		p.grid([]pcol{{w.colTxnID, 62}, {w.colTime, 46}, {w.colAmount, 28}, {w.pColChannel, 0}}, rows)
	}
	p.para(w.pSought)
	p.heading(w.pHReasons)
	p.para(w.pReasons(ps.respondentKnownAs(), ps.holderCompany()))
	p.para(w.pFactsToProve)
	p.para(w.pTo + "\n" + ps.courtLine())
	p.right(ps.signature(w.pSignApplicant))
	p.note(w.pInvestigationAfter)
	return p
}

// respondentKnownAs lists what the applicant knows of the payee.
func (ps *papersCtx) respondentKnownAs() string {
	w, r := ps.w, ps.d.Respondent
	var ids []string
	for _, kv := range [][2]string{{w.pShownName, r.Name}, {w.wechatID, r.WeChatID}, {w.phone, r.Phone}, {w.pRecvAccount, r.Account}} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			ids = append(ids, kv[0]+" "+v)
		}
	}
	for _, t := range ps.disputedIDs() {
		ids = append(ids, w.colTxnID+" "+t.ID)
	}
	if len(ids) == 0 {
		return blankLine
	}
	return strings.Join(ids, w.listSep)
}

// preservation is the 财产保全申请书, written when the respondent's
// account is known: it asks the court to freeze that account up to the
// sum claimed.
func (ps *papersCtx) preservation() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "preservation", w.pTitlePreservation)
	p.box(w.pPreservationIntro)
	p.card([][]string{
		{w.pApplicant, ps.claimantLines(true)},
		{w.pRespondentApp, ps.respondentLines(true)},
	})
	p.heading(w.pHRequest)
	sum := ps.amount(ps.claim.total)
	if len(ps.claim.payments) == 0 {
		sum = ps.blank(w.pNotePayments)
	}
	p.para(w.pFreeze(strings.TrimSpace(d.Respondent.Account), sum))
	p.heading(w.pHReasons)
	p.para(w.pPreservationReasons(d.Claimant.Name, ps.respondentName(), ps.causeOf()))
	p.para(w.pSecurity + ps.blank(w.pNoteSecurity))
	p.para(w.pTo + "\n" + ps.courtLine())
	p.right(ps.signature(w.pSignApplicant))
	return p
}

// evidenceList is the 证据清单 of 最高人民法院《关于民事诉讼证据的若干规定》
// art. 19: every exhibit numbered by the groups of the dossier's 证据目录,
// its source, what it proves, its copies and pages, and what supports its
// authenticity — worded so that it never claims more than is true (an
// RFC 3161 token is a trusted time, not a blockchain record; a bill the
// platform issued is the platform's data).
func (ps *papersCtx) evidenceList() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "evidence_list", w.pTitleEvidenceList)
	p.box(w.pEvidenceListIntro)
	p.card([][]string{
		{w.pSubmitter, ps.labelled([3]string{w.name, d.Claimant.Name, w.pNoteName})},
		{w.pCaseOf, w.pCaseOfText(d.Claimant.Name, ps.respondentName(), ps.causeOf())},
		{w.pCourt, ps.court()},
	})
	rows := make([][]string, len(d.Exhibits))
	for i, ex := range d.Exhibits {
		rows[i] = []string{ps.label(ex.Number), exhibitTitle(&ex), dash(ex.Source), dash(ex.Proves),
			ps.copiesPages(&ex), ps.authenticity(&ex)}
	}
	if len(rows) == 0 {
		p.para(w.noExhibits)
	} else {
		p.grid([]pcol{{w.colNo, 11}, {w.colTitle, 28}, {w.colSource, 22}, {w.pColProves, 0}, {w.pColCopies, 22}, {w.pColAuthentic, 50}}, rows)
	}
	p.note(w.pGroupsNote)
	p.para(w.pListCopies(1))
	p.right(w.pSignSubmitter + w.colon + blankLine + "\n" + w.pFilingDate + w.colon + ps.date(d.Generated))
	return p
}

// copiesPages is an exhibit's copies and pages: one copy, its pages in the
// dossier.
func (ps *papersCtx) copiesPages(ex *Exhibit) string {
	n := ps.pageCount(ex.Number)
	return ps.w.pCopiesPages(1, n) + "\n" + ps.exhibitPages(ex.Number)
}

// authenticity is what supports an exhibit's authenticity, and nothing
// more: the original file in the bundle and its SHA-256, the trusted time
// of the manifest when there is a timestamp, the platform as the source
// of a bill.
func (ps *papersCtx) authenticity(ex *Exhibit) string {
	w := ps.w
	if ex.Item == nil || ex.File == "" {
		return w.formMissing
	}
	out := []string{w.pOriginalIn("data/" + ex.Item.Path), "SHA-256" + w.colon + ex.Item.SHA256}
	if ts := ps.d.Timestamp; ts != nil {
		out = append(out, w.pTrustedTime(w.when(ts.GenTime), ts.TSA))
	}
	if ex.Item.Kind == evidence.KindBill {
		provider := ""
		if ex.Item.Bill != nil {
			provider = lookup(w.providers, ex.Item.Bill.Provider)
		}
		if provider == "" && ex.Item.Meta.Provider != "" {
			provider = lookup(w.providers, ex.Item.Meta.Provider)
		}
		out = append(out, w.pThirdParty(provider))
	}
	if ex.Item.Captured != nil && !ex.Item.Captured.Time.IsZero() {
		out = append(out, w.pCapturedAt(w.captured(ex.Item.Captured)))
	}
	return strings.Join(out, "\n")
}

// itoa is strconv.Itoa, for the wording funcs.
func itoa(n int) string { return strconv.Itoa(n) }
