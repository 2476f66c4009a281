package templates

import "strings"

// demandLetter is the 催告函 to the respondent: dated, with the payments
// and their IDs, the amount and a deadline, and what follows if it
// passes. A demand interrupts the three-year limitation of the claim
// (民法典 art. 195, art. 188), so the notes under the letter tell the user
// to keep proof that it was delivered.
func (ps *papersCtx) demandLetter() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "demand", w.pTitleDemand)
	p.para(w.pDemandTo(ps.respondentName(), ps.respondentIDsShort()))
	pays := ps.claim.payments
	if len(pays) == 0 {
		p.para(ps.blank(w.pNotePayments))
	} else {
		p.para(w.pDemandOpening(d.Claimant.Name, ps.platformName("")))
		rows := make([][]string, len(pays))
		for i, t := range pays {
			when := w.unknownTime
			if t.HasTime {
				when = w.when(t.Time)
			}
			rows[i] = []string{t.ID, when, ps.amount(t.Amount)}
		}
		p.grid([]pcol{{w.colTxnID, 70}, {w.colTime, 0}, {w.colAmount, 34}}, rows)
	}
	p.para(lookup(w.pDemandGround, ps.complaintType()))
	account := strings.TrimSpace(d.Claimant.Account)
	if account == "" {
		account = w.pOwnAccount
	}
	sum := ps.amount(ps.claim.principal)
	if len(pays) == 0 {
		sum = ps.blank(w.pNotePayments)
	}
	p.para(w.pDemandAsk(ps.deadlineDays(), sum, account))
	p.para(lookup(w.pDemandElse, ps.complaintType()))
	p.para(ps.labelled([3]string{w.pContact, d.Claimant.Phone, w.pNotePhone}))
	p.right(ps.signature(w.pSignDemander))
	p.box(w.pDemandNotes)
	return p
}

// respondentIDsShort is the respondent's identifiers after the name in the
// letter's salutation: WeChat ID and phone.
func (ps *papersCtx) respondentIDsShort() string {
	w, r := ps.w, ps.d.Respondent
	var ids []string
	if strings.TrimSpace(r.Name) != "" && strings.TrimSpace(r.WeChatID) != "" {
		ids = append(ids, w.wechatID+" "+strings.TrimSpace(r.WeChatID))
	}
	if v := strings.TrimSpace(r.Phone); v != "" {
		ids = append(ids, w.phone+" "+v)
	}
	return strings.Join(ids, w.listSep)
}
