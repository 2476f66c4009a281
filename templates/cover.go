package templates

import (
	"strings"
)

// drawCover draws the first page: what the document is, for whom, the
// parties, the loss, and the digest that seals the evidence.
func drawCover(dc *doc) {
	w := dc.w
	dc.newPage()
	dc.sectionBookmark(SectionCover)

	dc.setY(contentTop + 10)
	title := w.coverTitle[dc.purpose]
	dc.font(30, colHead)
	dc.boldAt(marginL, dc.y(), contentW, lineHeight(30), title, "C", colHead, 0.45)
	dc.setY(dc.y() + lineHeight(30) + 4)

	dc.centered(dc.title(), 15, colText)
	dc.setY(dc.y() + 1)
	dc.centered(w.routeDesc[dc.purpose], sizeBody, colMuted)
	dc.setY(dc.y() + 7)

	// A police report lists every identifier of both parties, the
	// unknown ones too, so that the officer sees what is left to find.
	police := dc.purpose == "police"
	rows := [][]string{
		{w.caseID, dc.orNotGiven(dc.d.CaseID)},
		{w.purpose, w.routeDesc[dc.purpose]},
	}
	if dc.d.Platform != "" {
		rows = append(rows, []string{w.platform, lookup(w.platforms, dc.d.Platform)})
	}
	if dc.d.ComplaintType != "" {
		rows = append(rows, []string{w.complaintType, lookup(w.complaintTypes, dc.d.ComplaintType)})
	}
	disputed := 0
	for _, t := range dc.d.Transactions {
		if t.Disputed && t.Direction == "out" {
			disputed++
		}
	}
	loss := w.money(dc.d.LossTotal) + w.yuanUnit
	if disputed > 0 {
		loss += w.disputedCount(disputed)
	}
	rows = append(rows,
		[]string{w.claimant[dc.purpose], dc.party(dc.d.Claimant, police)},
		[]string{w.respondent[dc.purpose], dc.party(dc.d.Respondent, police)},
		[]string{w.lossTotal, loss},
		[]string{w.exhibitCount, w.exhibitsUnit(len(dc.d.Exhibits))},
		[]string{w.generated, w.when(dc.d.Generated)},
		[]string{w.manifestDigest, "SHA-256 " + dc.orNotGiven(dc.d.ManifestSHA256)},
		[]string{w.trustedTime, dc.trusted()},
		[]string{w.software, dc.orNotGiven(dc.d.Software)},
	)
	dc.table(&table{
		cols:      []column{{width: 36, align: "L"}, {width: contentW - 36, align: "L"}},
		rows:      rows,
		keyColumn: true,
		size:      9.5,
	})
	dc.setY(dc.y() + 5)
	if police {
		dc.receiptNote()
		dc.setY(dc.y() + 4)
	}
	dc.para(w.coverNote, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 6)
	dc.contents()
}

// receiptNote tells the reporting person to keep the police receipt and
// add it to the case.
func (dc *doc) receiptNote() {
	dc.subheading(dc.w.receiptTitle, lineHeight(sizeSmall)*3)
	dc.noteBox(dc.w.receiptNote, colMark, sizeSmall+0.5)
}

// contents lists the sections with their first pages. The pages are known
// in the second pass; the first draws the same rows with placeholders. The
// list is left out when it does not fit on the cover: the bookmarks list
// the sections too.
func (dc *doc) contents() {
	var rows [][]string
	for _, s := range dc.route {
		if s.id == SectionCover {
			continue
		}
		rows = append(rows, []string{dc.w.headings[s.id], dc.sectionPage(s.id)})
	}
	const size = 9.5
	lh := lineHeight(size)
	if !dc.room(lineHeight(11.5) + 1.5 + float64(len(rows))*(lh+1)) {
		return
	}
	dc.subheading(dc.w.contents, lh*2)
	for _, r := range rows {
		dc.ensure(lh + 1)
		y := dc.y()
		dc.font(size, colText)
		dc.textAt(marginL+2, y, contentW-30, lh, dc.m.fit(dc.m.clean(r[0], false), size, contentW-32), "L")
		dc.textAt(pageW-marginR-30, y, 28, lh, r[1], "R")
		dc.stroke(colFillHd, 0.2)
		dc.pdf.Line(marginL, y+lh+0.5, pageW-marginR, y+lh+0.5)
		dc.setY(y + lh + 1)
	}
	dc.font(sizeBody, colText)
}

// centered draws wrapped, centred text across the text area.
func (dc *doc) centered(text string, size float64, c rgb) {
	lh := lineHeight(size)
	dc.font(size, c)
	for _, ln := range dc.m.wrap(dc.m.clean(text, true), size, contentW) {
		dc.ensure(lh)
		y := dc.y()
		dc.textAt(marginL, y, contentW, lh, ln, "C")
		dc.setY(y + lh)
	}
	dc.font(sizeBody, colText)
}

// party writes a party's name and every identifier known, one per line;
// all lists the unknown ones too, marked as unknown.
func (dc *doc) party(p Party, all bool) string {
	w := dc.w
	lines := []string{dc.orNotGiven(p.Name)}
	for _, f := range []struct{ label, value string }{
		{w.idNumber, p.IDNumber},
		{w.phone, p.Phone},
		{w.wechatID, p.WeChatID},
		{w.account, p.Account},
	} {
		switch v := strings.TrimSpace(f.value); {
		case v != "":
			lines = append(lines, f.label+dc.colon()+v)
		case all:
			lines = append(lines, f.label+dc.colon()+w.unknownField)
		}
	}
	return strings.Join(lines, "\n")
}

// trusted describes the RFC 3161 timestamp, or says there is none.
func (dc *doc) trusted() string {
	ts := dc.d.Timestamp
	if ts == nil {
		return dc.w.none
	}
	return dc.w.when(ts.GenTime) + "\n" + dc.w.tsaLine(ts.TSA, ts.Serial, ts.Policy)
}

func (dc *doc) orNotGiven(s string) string {
	if strings.TrimSpace(s) == "" {
		return dc.w.notGiven
	}
	return s
}

// colon is the label separator of the language.
func (dc *doc) colon() string {
	return dc.w.colon
}
