package web

// This file is the one place the page calls packages bundle, evidence and
// templates. Everything else in internal/web works on the view types
// below, so that a change of those packages' names is adapted here.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/tz"
	"github.com/casebundle/casebundle/templates"
)

// caseFileName is the facts file at the top of a case folder.
const caseFileName = bundle.CaseFile

// The values case.yaml allows, in the order the page offers them.
var (
	purposes       = []string{"complaint", "police", "civil"}
	platforms      = []string{"wechat", "alipay", "bank", "other"}
	complaintTypes = []string{"wrong_transfer", "fake_goods", "fraud", "not_delivered", "duplicate_charge", "other"}
	langs          = []string{"zh", "en"}
)

// finding is a finding as the page shows it.
type finding struct {
	Code, Severity, File, Zh, En string
}

func findingsOf(fs []evidence.Finding) []finding {
	out := make([]finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, finding{Code: f.Code, Severity: string(f.Severity), File: f.File, Zh: f.MessageZh, En: f.MessageEn})
	}
	return out
}

// found is one payment a file shows: a bill row or a chat transfer.
type found struct {
	ID           string
	Time         time.Time
	ZoneKnown    bool
	Amount       string // "5000.00"; "" when unknown
	Direction    string // out, in, ""
	Counterparty string
	Type         string // the bill's 交易类型, or "转账" / "红包" in a chat
	Status       string
	FromChat     bool
}

// itemView is one evidence file and what was read from it.
type itemView struct {
	Exhibit              int
	Path, Kind, MIME     string
	Size                 int64
	SHA256               string
	Title, Proves, Src   string
	Width, Height        int
	Format               string
	Captured             string // as the device wrote it, or in UTC+8
	CapturedZoneKnown    bool
	CapturedFrom         string // exif, chat, bill, …
	Rows                 int    // bills
	Provider, Period     string
	Messages             int // chats
	Participants         []string
	Me                   string
	Payments             []found // bill rows and chat transfers, at most maxShown
	MorePayments         int
	all                  []found // the same, at most maxFound: the facts' suggestions
	Lines                int
	Findings             []finding
	HasError, HasWarning bool
}

// maxShown bounds the payments listed per file on the page, maxFound those
// offered as transactions.
const (
	maxShown = 12
	maxFound = 200
)

func itemViewOf(it *evidence.Item, exhibit int, title, proves, source string) itemView {
	v := itemView{Exhibit: exhibit, Path: it.Path, Kind: string(it.Kind), MIME: it.MIME, Size: it.Size, SHA256: it.SHA256,
		Title: title, Proves: proves, Src: source, Width: it.Meta.Width, Height: it.Meta.Height, Format: it.Meta.Format,
		Rows: it.Meta.Rows, Provider: it.Meta.Provider, Period: it.Meta.Period, Messages: it.Meta.Messages,
		Participants: it.Meta.Participants, Lines: it.Meta.Lines, Findings: findingsOf(it.Findings)}
	if it.Kind == evidence.KindPDF {
		v.Format = "pdf"
	}
	if c := it.Captured; c != nil {
		v.CapturedZoneKnown, v.CapturedFrom = c.ZoneKnown, c.Source
		if c.ZoneKnown {
			v.Captured = c.Time.In(tz.Shanghai).Format("2006-01-02 15:04:05")
		} else {
			v.Captured = c.Time.Format("2006-01-02 15:04:05")
		}
	}
	// The row names its file already.
	for i := range v.Findings {
		if v.Findings[i].File == it.Path {
			v.Findings[i].File = ""
		}
	}
	if it.Chat != nil || it.Bill != nil {
		v.Lines = 0
	}
	var pays []found
	if b := it.Bill; b != nil {
		for _, r := range b.Rows {
			pays = append(pays, found{ID: r.TxnID, Time: r.Time, ZoneKnown: true, Amount: r.Amount.String(), Direction: r.Direction,
				Counterparty: r.Counterparty, Type: r.Type, Status: r.Status})
		}
	}
	if c := it.Chat; c != nil {
		v.Me = c.Me
		zone := c.ZoneKnown()
		for _, m := range c.Transfers() {
			f := found{Time: m.Time, ZoneKnown: zone, Counterparty: m.Sender, Type: "转账", FromChat: true}
			if m.Type == chat.MsgRedPacket {
				f.Type = "红包"
			}
			if m.Transfer != nil {
				f.Amount, f.Direction, f.Status = m.Transfer.Amount.String(), m.Transfer.Direction, m.Transfer.Status
			}
			pays = append(pays, f)
		}
	}
	total := len(pays)
	if len(pays) > maxFound {
		pays = pays[:maxFound]
	}
	v.all, v.Payments = pays, pays
	if len(pays) > maxShown {
		v.Payments = pays[:maxShown]
	}
	v.MorePayments = total - len(v.Payments)
	for _, f := range it.Findings {
		v.HasError = v.HasError || f.Severity == evidence.Error
		v.HasWarning = v.HasWarning || f.Severity == evidence.Warning
	}
	return v
}

// readFile reads one evidence file of a case (just uploaded) the way a
// build reads it, for the row that says what was read.
func readFile(f *os.File, rel string) (itemView, error) {
	st, err := f.Stat()
	if err != nil {
		return itemView{}, err
	}
	it, err := evidence.Read(rel, f, nil, st.ModTime(), evidence.DefaultLimits)
	if err != nil {
		return itemView{}, err
	}
	return itemViewOf(it, 0, "", "", ""), nil
}

// txnCheck is what the form of a transaction ID says, for the form's
// live check.
type txnCheck struct {
	ID       string `json:"id"`
	Form     string `json:"form"` // valid, invalid, unknown
	Platform string `json:"platform"`
	KindZh   string `json:"kind_zh"`
	KindEn   string `json:"kind_en"`
	Date     string `json:"date,omitempty"`
	Zh       string `json:"problem_zh,omitempty"`
	En       string `json:"problem_en,omitempty"`
}

func checkTxnID(id string) txnCheck {
	t := evidence.ParseTxnID(id)
	c := txnCheck{ID: t.ID, Form: t.Form, Platform: t.Platform, KindZh: t.KindZh, KindEn: t.KindEn, Zh: t.ProblemZh, En: t.ProblemEn}
	if t.HasDate {
		c.Date = t.Date.Format("2006-01-02")
	}
	return c
}

// checklistRow is one material of the route's checklist.
type checklistRow struct {
	Zh, En   string
	Required bool
	Present  bool
	Exhibits []int
}

// deadlineRow is one deadline, dated.
type deadlineRow struct {
	Name, Basis string
	FromID      string
	From, Due   time.Time
	Hours       bool
}

// caseTxn is a transaction of case.yaml as read.
type caseTxn struct {
	ID, Amount, Direction, Counterparty string
	Time                                time.Time
	HasTime, Disputed                   bool
}

// analysis is a case read and checked (bundle.Check), as the pages use it.
type analysis struct {
	Present                        bool
	Title, Purpose, Lang, Platform string
	ComplaintType                  string
	Respondent                     party
	Txns                           []caseTxn
	Items                          []itemView
	Checklist                      []checklistRow
	Findings                       []finding // case-level
	Loss                           string
	Errors, Warnings, Notes        int
	deadlineDossier                *templates.Dossier
	// drafted are the payments bundle.Draft found that case.yaml lacks
	// (from bills, chats and what OCR read from screenshots), and
	// draftParty the respondent's facts it lacks, keyed as the form's
	// fields ("respondent.wechat_id").
	drafted    []draftedTxn
	draftParty map[string]field
}

// draftedTxn is one payment drafted from the evidence.
type draftedTxn struct {
	ID, Time, Amount, Direction, Counterparty, From string
	Disputed                                        bool
}

type party struct {
	Name, IDNumber, Phone, WeChatID, Account string
}

// checkCase runs bundle.Check on a case folder: reads every file, writes
// nothing.
func checkCase(ctx context.Context, dir string, now time.Time) (*analysis, error) {
	a, err := bundle.Check(ctx, dir, bundle.Options{Now: now})
	if err != nil {
		return nil, err
	}
	c := a.Case
	v := &analysis{Present: c.Present, Title: c.Title, Purpose: c.Purpose, Lang: c.Lang, Platform: c.Platform,
		ComplaintType: c.ComplaintType, Findings: findingsOf(a.Findings), Loss: a.Loss.String(),
		Respondent: party{c.Respondent.Name, c.Respondent.IDNumber, c.Respondent.Phone, c.Respondent.WeChatID, c.Respondent.Account}}
	for _, t := range c.Transactions {
		ct := caseTxn{ID: t.ID, Direction: t.Direction, Counterparty: t.Counterparty, Disputed: t.Disputed, Time: t.Time.Time, HasTime: t.Time.Set}
		if t.Amount.Set {
			ct.Amount = t.Amount.Fen.String()
		}
		v.Txns = append(v.Txns, ct)
	}
	for _, e := range a.Exhibits {
		v.Items = append(v.Items, itemViewOf(e.Item, e.Number, e.Title, e.Proves, e.Source))
	}
	for _, cl := range a.Checklist {
		v.Checklist = append(v.Checklist, checklistRow{Zh: cl.Material, En: cl.MaterialEn, Required: cl.Required, Present: cl.Present, Exhibits: cl.Exhibits})
	}
	for _, f := range a.AllFindings() {
		switch f.Severity {
		case evidence.Error:
			v.Errors++
		case evidence.Warning:
			v.Warnings++
		default:
			v.Notes++
		}
	}
	// The deadlines come from the dossier's own rules, over the payments
	// case.yaml lists (as the dossier's table does).
	d := &templates.Dossier{ComplaintType: c.ComplaintType, Platform: c.Platform}
	for _, t := range a.Txns {
		if !containsStr(t.Sources, caseFileName) {
			continue
		}
		tt := templates.Transaction{ID: t.ID, Platform: t.Platform, Form: t.Form, Direction: t.Direction, Counterparty: t.Counterparty,
			Disputed: t.Disputed, Exhibits: t.Exhibits, FromCase: true}
		if t.Time != "" {
			tt.Time, _ = time.Parse(time.RFC3339, t.Time)
			tt.HasTime = true
		}
		if t.Amount != nil {
			tt.Amount = *t.Amount
		}
		d.Transactions = append(d.Transactions, tt)
	}
	v.deadlineDossier = d
	missing := bundle.Draft(a).Missing(c)
	for _, t := range missing.Transactions {
		v.drafted = append(v.drafted, draftedTxn{ID: t.ID.Value, Time: t.Time.Value, Amount: t.Amount.Value, Direction: t.Direction.Value,
			Counterparty: t.Counterparty.Value, From: t.ID.From, Disputed: t.Disputed.Value == "true"})
	}
	v.draftParty = map[string]field{}
	for k, f := range map[string]bundle.Fact{"respondent.name": missing.Respondent.Name, "respondent.wechat_id": missing.Respondent.WeChatID, "respondent.account": missing.Respondent.Account} {
		if f.Value != "" {
			v.draftParty[k] = field{Value: f.Value, Prefilled: true, From: f.From}
		}
	}
	return v, nil
}

// deadlines are the case's deadlines in lang, and the note beneath them.
func (a *analysis) deadlines(lang string) ([]deadlineRow, string) {
	rows, note, err := templates.Deadlines(a.deadlineDossier, lang)
	if err != nil {
		return nil, ""
	}
	out := make([]deadlineRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, deadlineRow{Name: r.Name, Basis: r.Basis, FromID: r.From.ID, From: r.From.Time, Due: r.Due, Hours: r.Hours})
	}
	return out, note
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validateCase parses case.yaml bytes as every command does; the error
// names the line.
func validateCase(data []byte) error {
	_, err := bundle.ParseCase(caseFileName, data)
	return err
}

// caseErrorText is the message and hint of an error from bundle.
func caseErrorText(err error) (msg, hint string) {
	var ce *bundle.CaseError
	var ue *bundle.UsageError
	switch {
	case errors.As(err, &ce):
		return ce.Error(), ce.Hint
	case errors.As(err, &ue):
		return ue.Msg, ue.Hint
	}
	return err.Error(), ""
}

// initCase writes the commented case.yaml template into a new case folder.
func initCase(dir, purpose, platform, lang string) error {
	_, err := bundle.Init(dir, bundle.InitOptions{Purpose: purpose, Platform: platform, Lang: lang})
	return err
}

// progressSink receives a build's progress.
type progressSink interface {
	Add(n int)
	Stage(what string)
}

// built is a bundle the page made (or found), as the build page shows it.
type built struct {
	Bundle   string // absolute path of the bundle folder
	Name     string // its folder name
	Zip      string // absolute path of the zip, "" when none
	CaseID   string
	Manifest string // manifest-sha256.txt digest
	Volumes  []string
	Pages    []int
	Items    int
	Loss     string
	Papers   []string // files under papers/ in the bundle (the papers, once build writes them)
	Findings []finding
	Errors   int
	Warnings int
	Verified *verifyView
}

// buildCase seals the case folder dir into out (and out.zip) with the
// build's clock now.
func buildCase(ctx context.Context, dir, out string, now time.Time, p progressSink) (*built, error) {
	// The page writes the papers too (build --papers): a victim who builds
	// without a terminal needs the 起诉状 and the complaint text as much as
	// the dossier.
	res, err := bundle.Build(ctx, dir, bundle.Options{Out: out, Now: now, Zip: true, Papers: true, Progress: p})
	if err != nil {
		return nil, err
	}
	b := builtOf(res.Bundle, res.Manifest)
	b.Findings = findingsOf(res.Analysis.AllFindings())
	b.Errors, b.Warnings = 0, 0
	for _, f := range b.Findings {
		switch f.Severity {
		case string(evidence.Error):
			b.Errors++
		case string(evidence.Warning):
			b.Warnings++
		}
	}
	return b, nil
}

func builtOf(dir string, m *bundle.Manifest) *built {
	b := &built{Bundle: dir, Name: filepath.Base(dir), CaseID: m.Case.ID, Manifest: m.ManifestSHA256, Volumes: m.Dossier.Volumes,
		Pages: m.Dossier.Pages, Items: len(m.Items), Loss: m.Totals.Loss.String()}
	if z := bundle.ZipPath(dir); fileExists(z) {
		b.Zip = z
	}
	b.Papers = papersOf(dir)
	return b
}

// papersOf lists the papers a build wrote into the bundle's papers/
// folder (民事起诉状.pdf, complaint/投诉文本.txt, …) as slash paths under
// papers/, sorted; none when the build wrote none.
func papersOf(dir string) []string {
	root := filepath.Join(dir, "papers")
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// maxManifest bounds the manifest.json read back from a bundle on disk.
const maxManifest = 64 << 20

// readBuilt reads a bundle folder made earlier (its manifest.json).
func readBuilt(dir string) (*built, error) {
	f, err := os.Open(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxManifest {
		return nil, fmt.Errorf("%s: manifest.json larger than %d MiB", dir, maxManifest>>20)
	}
	var m bundle.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: manifest.json: %w", dir, err)
	}
	if m.Format != bundle.Format {
		return nil, fmt.Errorf("%s: manifest.json is not %s", dir, bundle.Format)
	}
	b := builtOf(dir, &m)
	for _, it := range m.Items {
		b.Findings = append(b.Findings, findingsOf(it.Findings)...)
	}
	b.Findings = append(b.Findings, findingsOf(m.Findings)...)
	for _, f := range b.Findings {
		switch f.Severity {
		case string(evidence.Error):
			b.Errors++
		case string(evidence.Warning):
			b.Warnings++
		}
	}
	return b, nil
}

// zipOf is where a build writes the zip of bundle folder dir.
func zipOf(dir string) string { return bundle.ZipPath(dir) }

// verifyView is what verify found.
type verifyView struct {
	OK       bool
	Checked  int
	Payload  int
	Problems []verifyProblem
	Warnings []verifyProblem
	Notes    []verifyProblem
	Time     string // the timestamp's time, when the bag has one
}

type verifyProblem struct{ File, Kind, Message string }

// verifyBundle checks a bundle folder or zip.
func verifyBundle(path string) (*verifyView, error) {
	r, err := bundle.VerifyWith(path, bundle.VerifyOptions{})
	if err != nil {
		return nil, err
	}
	v := &verifyView{OK: r.OK, Checked: r.Checked, Payload: r.Payload}
	conv := func(ps []bundle.Problem) []verifyProblem {
		out := make([]verifyProblem, 0, len(ps))
		for _, p := range ps {
			out = append(out, verifyProblem{File: p.File, Kind: p.Problem, Message: p.Message})
		}
		return out
	}
	v.Problems, v.Warnings, v.Notes = conv(r.Problems), conv(r.Warnings), conv(r.Notes)
	if r.Timestamp != nil {
		v.Time = r.Timestamp.GenTime
	}
	return v, nil
}

// volumeName is the file name of dossier volume n (1-based).
func volumeName(n int) string { return bundle.VolumeName(n) }

func fileExists(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode().IsRegular()
}
