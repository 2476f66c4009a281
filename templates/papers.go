package templates

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The papers to file (build --papers): the documents a victim hands to a
// court, the police, a complaint desk or the other party, written from the
// same facts as the dossier. Each is a PDF with an editable .docx beside
// it; the complaint pack adds its text as a .txt and the images that prove
// the payment. They are drawn in Chinese, the language of every desk they
// go to; a case whose language is English also gets an English reading
// copy of each under en/, marked as not for filing (docs/design.md says
// why, paper by paper).
//
// What the case does not say stays visible: a blank line with a note on
// how to find the fact, never a guess. The dossier's checklist lists those
// blanks when papers are made (papers_checklist.go).

// PapersFacts are the facts the papers need and the dossier lacks: the
// papers block of case.yaml. The zero value is a case that gives none.
type PapersFacts struct {
	// Court is the court the claim is filed with, as the user names it.
	Court string
	// ClaimantAddress is where the court serves the claimant (住所地,
	// 送达地址); RespondentAddress the respondent's, when known.
	ClaimantAddress, RespondentAddress string
	// RespondentBank is the bank of the respondent's account, when the
	// money went to a bank card: the bank is asked for the holder.
	RespondentBank string
	Interest       InterestChoice
	// Costs asks that the respondent bear the costs of the suit.
	Costs bool
	// Mediation is the claimant's answer to the court's question whether
	// to try mediation first: yes, no, unsure, or "" (not answered).
	Mediation string
	// DeadlineDays is the time the demand letter gives; 0 means 7.
	DeadlineDays int
}

// InterestChoice is how interest is claimed: the user's choice, never a
// rate the program looked up.
type InterestChoice struct {
	// Basis is lpr (the loan prime rate the user gives), rate (a rate the
	// user states), none (no interest claimed) or "" (not chosen yet).
	Basis string
	// RatePPM is the yearly rate in millionths (3.45% is 34500), as
	// ParseRate reads it; 0 when not given.
	RatePPM int64
	// LPRDate is the day the LPR used was published, when given.
	LPRDate time.Time
	// From is the day interest starts for every payment; zero means each
	// payment's own day.
	From time.Time
}

// PaperFile is one file of the papers, its path relative to the bundle
// ("papers/民事起诉状.pdf") and its bytes.
type PaperFile struct {
	// Paper is the paper's stable identifier (civil_complaint,
	// investigation, preservation, evidence_list, demand, police_report,
	// edata_list, complaint), the same for every file of it.
	Paper string
	// Name is the paper's title in its language.
	Name string
	Path string
	Data []byte
}

// PapersDir is the folder of the bundle the papers go in.
const PapersDir = "papers"

// RenderPapers draws every paper the case calls for. lay is what
// RenderVolumes reported, for the dossier's page of every exhibit. The
// files come in a fixed order: each paper's PDF then its .docx, in the
// order of the papers, then the complaint pack's text and images.
func RenderPapers(d *Dossier, lay *Layout) ([]PaperFile, error) {
	if d == nil {
		return nil, errors.New("templates: no dossier to write papers from")
	}
	m, err := fontMetrics()
	if err != nil {
		return nil, err
	}
	if d.Redact != nil {
		mm := *m
		mm.redact = d.Redact
		m = &mm
	}
	f := PapersFacts{}
	if d.Papers != nil {
		f = *d.Papers
	}
	langs := []*words{zhWords}
	if d.Lang == "en" {
		langs = append(langs, enWords)
	}
	var files []PaperFile
	for _, w := range langs {
		ps := newPapersCtx(d, lay, &f, w, m)
		dir := PapersDir
		if w.lang != "zh" {
			dir += "/" + w.lang
		}
		for _, p := range ps.papers() {
			pdf, err := paperPDF(p, m, w, d)
			if err != nil {
				return nil, err
			}
			dx, err := paperDocx(p, m, w, d)
			if err != nil {
				return nil, fmt.Errorf("templates: write %s.docx: %w", p.file, err)
			}
			base := dir + "/" + safeName(p.file)
			files = append(files,
				PaperFile{Paper: p.id, Name: p.title, Path: base + ".pdf", Data: pdf},
				PaperFile{Paper: p.id, Name: p.title, Path: base + ".docx", Data: dx})
		}
		pack, err := ps.complaintFiles()
		if err != nil {
			return nil, err
		}
		files = append(files, pack...)
	}
	return files, nil
}

// safeName keeps a file name to what every file system takes: no path
// separators, no control characters, none of the characters Windows
// refuses.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20, r == 0x7F, strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), " .")
	if out == "" {
		return "_"
	}
	return out
}

// papersCtx is what every paper of one language is written from.
type papersCtx struct {
	d     *Dossier
	lay   *Layout
	f     *PapersFacts
	w     *words
	m     *metrics
	claim claimMoney
	// labels are the numbers of the civil 证据目录, by exhibit number.
	labels map[int]string
	places map[int]Placement
	// imgs are the complaint pack's images, exported once.
	imgs     []complaintImage
	imgsDone bool
}

func newPapersCtx(d *Dossier, lay *Layout, f *PapersFacts, w *words, m *metrics) *papersCtx {
	ps := &papersCtx{d: d, lay: lay, f: f, w: w, m: m, claim: claimOf(d, f), labels: civilLabels(d.Exhibits), places: map[int]Placement{}}
	if lay != nil {
		for _, p := range lay.Placements {
			ps.places[p.Exhibit] = p
		}
	}
	return ps
}

// papers are the papers of the case, in the order they are filed: the
// court's (the claim, the application to identify the payee, the
// preservation when the payee's account is known, the evidence list),
// the demand letter, the police's (the report and the electronic-data
// list), and the complaint pack.
func (ps *papersCtx) papers() []*paper {
	out := []*paper{ps.civilComplaint()}
	if ps.needsInvestigation() {
		out = append(out, ps.investigation())
	}
	if ps.hasAccount() {
		out = append(out, ps.preservation())
	}
	out = append(out, ps.evidenceList(), ps.demandLetter(), ps.policeReport(), ps.edataList(), ps.complaintPack())
	return out
}

// needsInvestigation is true when the respondent's real name or ID number
// is unknown: only the payment company or bank can tell them, and only to
// a court or the police.
func (ps *papersCtx) needsInvestigation() bool {
	r := ps.d.Respondent
	return strings.TrimSpace(r.Name) == "" || strings.TrimSpace(r.IDNumber) == ""
}

func (ps *papersCtx) hasAccount() bool { return strings.TrimSpace(ps.d.Respondent.Account) != "" }

// deadlineDays is the demand letter's time to pay.
func (ps *papersCtx) deadlineDays() int {
	if ps.f.DeadlineDays > 0 {
		return ps.f.DeadlineDays
	}
	return 7
}

// blank is a line to fill and the note saying how to find what goes on
// it.
func (ps *papersCtx) blank(note string) string {
	return blankLine + ps.w.aside(ps.w.pNotePrefix+note)
}

// or is s, or a blank with its note when s is empty.
func (ps *papersCtx) or(s, note string) string {
	if strings.TrimSpace(s) == "" {
		return ps.blank(note)
	}
	return strings.TrimSpace(s)
}

// labelled writes "label：value" lines, a blank with its note where the
// value is unknown and the note is given; a value unknown without a note
// is left out.
func (ps *papersCtx) labelled(rows ...[3]string) string {
	var out []string
	for _, r := range rows {
		v := strings.TrimSpace(r[1])
		switch {
		case v != "":
			out = append(out, r[0]+ps.w.colon+v)
		case r[2] != "":
			out = append(out, r[0]+ps.w.colon+ps.blank(r[2]))
		}
	}
	return strings.Join(out, "\n")
}

// check draws a choice between options written "是|否": the chosen one
// filled, the others empty (chosen -1: none).
func check(list string, chosen int) string {
	options := strings.Split(list, "|")
	parts := make([]string, len(options))
	for i, o := range options {
		box := "□"
		if i == chosen {
			box = "■"
		}
		parts[i] = box + o
	}
	return strings.Join(parts, "  ")
}

// date is a calendar date in the paper's language.
func (ps *papersCtx) date(t time.Time) string { return ps.w.longDate(t) }

// amount is an amount with its unit: "5,000.00元", "CNY 5,000.00".
func (ps *papersCtx) amount(f interface{ Grouped() string }) string {
	return ps.w.pAmount(f.Grouped())
}

// payLine is one payment as the papers state it: time, amount, ID.
func (ps *papersCtx) payLine(t Transaction) string {
	when := ps.w.unknownTime
	if t.HasTime {
		when = ps.w.when(t.Time)
	}
	return ps.w.pPayLine(when, ps.amount(t.Amount), ps.platformName(t.Platform), t.ID)
}

// platformName is the payment service of a transaction, or of the case.
func (ps *papersCtx) platformName(p string) string {
	if p == "" || p == "other" {
		p = ps.d.Platform
	}
	if p == "" {
		return ps.w.pPlatformUnknown
	}
	return lookup(ps.w.pPlatformService, p)
}

// disputedIDs are the IDs of the disputed payments, or of every payment
// of case.yaml when none is marked disputed.
func (ps *papersCtx) disputedIDs() []Transaction {
	return complaintPayments(ps.d.Transactions)
}

// claimantLines is every identifier of the claimant the case gives, with
// blanks for the two a filing cannot do without.
func (ps *papersCtx) claimantLines(address bool) string {
	w, c := ps.w, ps.d.Claimant
	rows := [][3]string{
		{w.name, c.Name, w.pNoteName},
		{w.pIDNumber, c.IDNumber, w.pNoteOwnID},
		{w.phone, c.Phone, ""},
		{w.wechatID, c.WeChatID, ""},
		{w.pPayAccount, c.Account, ""},
	}
	if address {
		rows = append(rows, [3]string{w.pAddress, ps.f.ClaimantAddress, w.pNoteOwnAddress})
	}
	return ps.labelled(rows...)
}

// respondentLines is every identifier of the respondent the case gives —
// name, WeChat ID, phone, account and the transaction IDs through which
// the payee is known — and blanks for the real name, ID number and
// address when unknown, each with how it will be found.
func (ps *papersCtx) respondentLines(address bool) string {
	w, r := ps.w, ps.d.Respondent
	how := w.pNoteAskCourt
	if !ps.needsInvestigation() {
		how = w.pNoteAskCourtKnown
	}
	rows := [][3]string{
		{w.name, r.Name, how},
		{w.pIDNumber, r.IDNumber, how},
		{w.wechatID, r.WeChatID, ""},
		{w.phone, r.Phone, ""},
		{w.pRecvAccount, r.Account, ""},
	}
	if address {
		rows = append(rows, [3]string{w.pAddress, ps.f.RespondentAddress, how})
	}
	out := ps.labelled(rows...)
	if ids := ps.disputedIDs(); len(ids) > 0 {
		var l []string
		for _, t := range ids {
			l = append(l, ps.payLine(t))
		}
		out += "\n" + w.pKnownBy + w.colon + "\n" + strings.Join(l, "\n")
	}
	return out
}

// respondentName is how the papers call the respondent: the name, else
// the WeChat ID, else the account, else a blank.
func (ps *papersCtx) respondentName() string {
	r := ps.d.Respondent
	switch {
	case strings.TrimSpace(r.Name) != "":
		return strings.TrimSpace(r.Name)
	case strings.TrimSpace(r.WeChatID) != "":
		return ps.w.pHolderOf(ps.w.wechatID + " " + strings.TrimSpace(r.WeChatID))
	case strings.TrimSpace(r.Account) != "":
		return ps.w.pHolderOf(strings.TrimSpace(r.Account))
	}
	if ids := ps.disputedIDs(); len(ids) > 0 {
		return ps.w.pPayeeOf(ids[0].ID)
	}
	return blankLine
}

// court is the court the claim goes to, or a blank with how to find it.
func (ps *papersCtx) court() string {
	return ps.or(ps.f.Court, ps.w.pNoteCourt)
}

// courtLine is the court after 此致: its name, or a line to write it on
// (the note on how to find it is under 管辖).
func (ps *papersCtx) courtLine() string {
	if c := strings.TrimSpace(ps.f.Court); c != "" {
		return c
	}
	return ps.w.pCourtBlank(blankLine)
}

// exhibitPages is where an exhibit is in the dossier: its number in the
// civil 证据目录 and its pages ("证据材料第4页", with the volume when there
// are several).
func (ps *papersCtx) exhibitPages(n int) string {
	p, ok := ps.places[n]
	if !ok {
		return "—"
	}
	multi := ps.lay != nil && len(ps.lay.Volumes) > 1
	return ps.w.pDossierPages(p.Volume, pageRange(p), multi)
}

// pageCount is the number of dossier pages an exhibit takes.
func (ps *papersCtx) pageCount(n int) int {
	p, ok := ps.places[n]
	if !ok {
		return 0
	}
	return p.Last - p.First + 1
}

// label is an exhibit's number in the civil 证据目录.
func (ps *papersCtx) label(n int) string {
	if l, ok := ps.labels[n]; ok {
		return l
	}
	return fmt.Sprint(n)
}

// signature is the signature and date lines of a paper.
func (ps *papersCtx) signature(who string) string {
	return who + ps.w.colon + blankLine + "\n" + ps.w.dateLabel + ps.w.colon + ps.date(ps.d.Generated)
}

// causeOf is the cause of action of a civil claim, by complaint type.
func (ps *papersCtx) causeOf() string {
	return lookup(ps.w.pCause, ps.complaintType())
}

func (ps *papersCtx) complaintType() string {
	if ps.d.ComplaintType == "" {
		return "other"
	}
	return ps.d.ComplaintType
}
