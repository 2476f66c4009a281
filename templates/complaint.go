package templates

import (
	"strconv"
	"strings"
)

// statementRunes caps the short statement of the complaint page: complaint
// forms take a few sentences.
const statementRunes = 200

// drawComplaintCover draws page 1 of 投诉材料: what a WeChat Pay, Alipay or
// bank complaint form asks for, in the order it asks — the parties, the
// payments with their transaction and merchant order numbers, the complaint
// type, a short statement — then the materials the complaint type requires
// and where each is in this dossier, or that it is missing.
func drawComplaintCover(dc *doc) {
	w := dc.w
	d := dc.d
	dc.newPage()
	dc.sectionBookmark(SectionCover)

	dc.setY(contentTop + 2)
	dc.font(24, colHead)
	dc.boldAt(marginL, dc.y(), contentW, lineHeight(24), w.coverTitle[dc.purpose], "C", colHead, 0.4)
	dc.setY(dc.y() + lineHeight(24) + 1)
	dc.centered(dc.title(), 13, colText)
	dc.centered(w.routeDesc[dc.purpose], sizeSmall, colMuted)
	dc.setY(dc.y() + 4)

	dc.subheading(w.complaintFacts, 20)
	rows := [][]string{{w.complaintType, dc.orNotGiven(lookup(w.complaintTypes, d.ComplaintType))}}
	if d.Platform != "" {
		rows = append(rows, []string{w.platform, lookup(w.platforms, d.Platform)})
	}
	rows = append(rows,
		[]string{w.claimant[dc.purpose], dc.party(d.Claimant, false)},
		[]string{w.respondent[dc.purpose], dc.party(d.Respondent, false)},
		[]string{w.disputedAmount, w.money(d.LossTotal) + w.yuanUnit},
		[]string{w.caseID, dc.orNotGiven(d.CaseID)},
	)
	dc.table(&table{cols: []column{{width: 34, align: "L"}, {width: contentW - 34, align: "L"}}, rows: rows, keyColumn: true, size: 9})
	dc.setY(dc.y() + 4)

	dc.subheading(w.complaintTxns, 14)
	txns := complaintPayments(d.Transactions)
	if len(txns) == 0 {
		dc.para(w.noTransactions, sizeSmall, colMuted, 0)
	} else {
		cols := []column{
			{w.colTxnID, 0, "L"},
			{w.colMerchantID, 34, "L"},
			{w.colTime, 33, "L"},
			{w.colAmount, 21, "R"},
			{w.colCounterparty, 30, "L"},
		}
		fillWidth(cols, 0)
		trows := make([][]string, len(txns))
		for i, t := range txns {
			when := w.unknownTime
			if t.HasTime {
				when = w.whenShort(t.Time)
			}
			id := t.ID
			if t.Form == "invalid" {
				id += w.invalidID
			}
			trows[i] = []string{dash(id), dash(merchantID(d, t.ID)), when, t.Amount.Grouped(), dash(t.Counterparty)}
		}
		dc.table(&table{cols: cols, header: true, rows: trows, size: 8.5})
		dc.para(w.timesNote, sizeTiny, colMuted, 0)
	}
	dc.setY(dc.y() + 3)

	dc.subheading(w.complaintStatement, 14)
	stmt, cut := shortStatement(d.Narrative, statementRunes)
	if stmt == "" {
		dc.para(w.statementBlank, sizeSmall, colMuted, 0)
	} else {
		if cut {
			stmt += w.statementMore(dc.sectionPage(SectionNarrative))
		}
		dc.noteBox(stmt, colFillKy, 9.5)
	}
	dc.setY(dc.y() + 4)

	dc.subheading(w.complaintMaterials(lookup(w.complaintTypes, d.ComplaintType)), 14)
	dc.materials(true)
	dc.setY(dc.y() + 4)

	dc.subheading(w.sealTitle, 10)
	dc.table(&table{cols: []column{{width: 34, align: "L"}, {width: contentW - 34, align: "L"}}, keyColumn: true, size: 8, rows: [][]string{
		{w.generated, w.when(d.Generated)},
		{w.manifestDigest, "SHA-256 " + dc.orNotGiven(d.ManifestSHA256)},
		{w.trustedTime, dc.trusted()},
	}})
}

// materials draws the checklist entries as a table of material, status and
// where each is in the dossier (exhibit and page). requiredOnly keeps the
// materials the complaint type requires.
func (dc *doc) materials(requiredOnly bool) {
	w := dc.w
	var list []ChecklistEntry
	for _, c := range dc.d.Checklist {
		if c.Required || !requiredOnly {
			list = append(list, c)
		}
	}
	if len(list) == 0 {
		dc.para(w.noChecklist, sizeSmall, colMuted, 0)
		return
	}
	cols := []column{{w.colMaterial, 0, "L"}, {w.colPresent, 20, "C"}, {w.colWhere, 62, "L"}}
	fillWidth(cols, 0)
	rows := make([][]string, len(list))
	missing := false
	for i, c := range list {
		pres, where := w.missing, w.addMissing
		if c.Present {
			pres, where = w.present, dc.exhibitRefs(c.Exhibits)
		} else {
			missing = true
		}
		rows[i] = []string{w.material(c), pres, where}
	}
	dc.table(&table{cols: cols, header: true, rows: rows, size: 8.5, shade: func(i int) *rgb {
		if !list[i].Present {
			return &colAlert
		}
		return nil
	}})
	if missing {
		dc.para(w.missingHint, sizeTiny, colMuted, 0)
	}
}

// exhibitRefs writes exhibits with their pages: "证据1（第4页）、证据3（第6–7页）".
func (dc *doc) exhibitRefs(nums []int) string {
	if len(nums) == 0 {
		return "—"
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = dc.exhibitAt(n)
	}
	return strings.Join(parts, dc.w.listSep)
}

// sectionPage is the first page of a section in the second pass, "0" in
// the first.
func (dc *doc) sectionPage(id SectionID) string {
	if p, ok := dc.sections[id]; ok && dc.final {
		return strconv.Itoa(p)
	}
	return "0"
}

// complaintPayments are the payments a complaint is about: the disputed
// ones, or all when none is marked disputed.
func complaintPayments(txns []Transaction) []Transaction {
	var out []Transaction
	for _, t := range txns {
		if t.Disputed {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return txns
	}
	return out
}

// merchantID is the 商户单号 a bill exhibit gives for a transaction, or "".
func merchantID(d *Dossier, id string) string {
	if id == "" {
		return ""
	}
	for _, ex := range d.Exhibits {
		if ex.Item == nil || ex.Item.Bill == nil {
			continue
		}
		for _, r := range ex.Item.Bill.Rows {
			if r.TxnID == id && r.MerchantID != "" && r.MerchantID != id {
				return r.MerchantID
			}
		}
	}
	return ""
}

// shortStatement is the opening of the narrative for a complaint form: the
// first paragraph, cut at the end of the last sentence within n runes (or
// at n runes when no sentence ends there). cut reports that text was left
// out.
func shortStatement(narrative string, n int) (string, bool) {
	text := strings.TrimSpace(strings.ReplaceAll(narrative, "\r\n", "\n"))
	if text == "" {
		return "", false
	}
	para, rest, _ := strings.Cut(text, "\n\n")
	para = strings.Join(strings.Fields(strings.ReplaceAll(para, "\n", " ")), " ")
	cut := strings.TrimSpace(rest) != ""
	rs := []rune(para)
	if len(rs) <= n {
		return para, cut
	}
	end := -1
	for i := n - 1; i >= n/2; i-- {
		if strings.ContainsRune("。！？；!?;", rs[i]) || rs[i] == '.' && (i+1 == len(rs) || rs[i+1] == ' ') {
			end = i + 1
			break
		}
	}
	if end < 0 {
		return strings.TrimSpace(string(rs[:n])) + "…", true
	}
	return strings.TrimSpace(string(rs[:end])), true
}
