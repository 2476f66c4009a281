package bundle

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/evidence/ocr"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// A case drafted from its evidence (init --from, the "facts found in the
// evidence" of check, the facts page of serve). Draft reads what the items
// of an Analysis show: bill rows, the transfers and the transaction
// numbers of chat exports, and what OCR read from screenshots
// (Item.OCR). Every value it proposes is a Fact that names the file it was
// read from, so case.yaml can say "read from F, check it" beside it.
// Nothing is typed for the user: a value no file shows stays blank, and
// a guess (the complaint type, disputed) says the rule it came from.

// Fact is one value drafted from the evidence: the value as case.yaml
// takes it, the file it was read from (a path in the case folder), and a
// note in both languages on what the user should know (the time zone was
// assumed, the name was masked, the page was read by a machine).
type Fact struct {
	Value  string `json:"value"`
	From   string `json:"from"`
	NoteZh string `json:"note_zh,omitempty"`
	NoteEn string `json:"note_en,omitempty"`
}

// DraftTxn is one payment the evidence shows.
type DraftTxn struct {
	ID           Fact `json:"id"`
	Time         Fact `json:"time"`
	Amount       Fact `json:"amount"`
	Direction    Fact `json:"direction"`
	Counterparty Fact `json:"counterparty"`
	Disputed     Fact `json:"disputed"`
	// Other are the other numbers of the same payment (the merchant order
	// number beside a 交易单号), exact matches only.
	Other []string `json:"other,omitempty"`
	// Files are every file that shows the payment, sorted; Shown says how
	// each shows it ("第 18 行", "识别：转账单号").
	Files []string   `json:"files"`
	Shown []ShownIn  `json:"shown"`
	at    time.Time  // for sorting
	fen   *money.Fen // the amount, when known
}

// ShownIn is one file's record of a payment.
type ShownIn struct {
	File string `json:"file"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// DraftParty is the other party as the evidence names it.
type DraftParty struct {
	Name     Fact `json:"name"`
	WeChatID Fact `json:"wechat_id"`
	Account  Fact `json:"account"`
}

// DraftItem is a title and a "proves" line for one evidence file.
type DraftItem struct {
	Path   string `json:"path"`
	Title  Fact   `json:"title"`
	Proves Fact   `json:"proves"`
}

// DraftNote is something the evidence shows that case.yaml cannot hold as
// a value: a chat transfer without a transaction number, a number that
// fails its form, bill rows left out.
type DraftNote struct {
	From string `json:"from"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// CaseDraft is what Draft proposes for case.yaml.
type CaseDraft struct {
	Title         Fact        `json:"title"`
	Platform      Fact        `json:"platform"`
	ComplaintType Fact        `json:"complaint_type"`
	Respondent    DraftParty  `json:"respondent"`
	Transactions  []DraftTxn  `json:"transactions"`
	Items         []DraftItem `json:"items"`
	Notes         []DraftNote `json:"notes"`
}

// Empty reports whether the draft proposes nothing.
func (d *CaseDraft) Empty() bool {
	return d.Title.Value == "" && d.Platform.Value == "" && d.ComplaintType.Value == "" &&
		d.Respondent.Name.Value == "" && d.Respondent.WeChatID.Value == "" && d.Respondent.Account.Value == "" &&
		len(d.Transactions) == 0 && len(d.Items) == 0 && len(d.Notes) == 0
}

// maxDraftTxns bounds the transactions a draft proposes.
const maxDraftTxns = 30

// smallBill is the number of rows up to which every row of a bill is
// drafted: an export that short is about the case. A longer bill gives
// only the rows another file also shows, or that pay the other party.
const smallBill = 5

// minMerchantID is the shortest merchant order number that joins two
// records into one payment: a short one ("1", "0001") may be shared by
// unrelated payments, and a wrong merge is worse than none.
const minMerchantID = 8

// sighting sources, in the order their values are preferred.
const (
	fromBill = iota // the platform's own data, time zone known
	fromOCR         // a machine's reading of a screenshot
	fromChat        // a number named in a chat export's messages
)

// seen is one file's record of a payment.
type seen struct {
	ids      []string // the payment's number first, then other numbers of it
	file     string
	src      int
	howZh    string
	howEn    string
	rowCount int // rows of the bill (bills only)
	at       time.Time
	hasTime  bool
	timeZh   string // the note on the time (zone assumed, year taken from the ID)
	timeEn   string
	noTimeZh string // why a time that was shown is left out
	noTimeEn string
	fen      money.Fen
	hasFen   bool
	fenZh    string
	fenEn    string
	dir      string
	dirZh    string
	dirEn    string
	party    string
	partyZh  string
	partyEn  string
	ptype    string // the bill's 交易类型, "转账" for a transfer page
	account  string
	platform string
}

// Draft proposes the facts of a case from what its items show. It reads
// the Analysis only; case.yaml's own facts count as anchors (a bill row
// paid to the respondent it names is relevant) and Missing then keeps
// what case.yaml lacks.
func Draft(a *Analysis) *CaseDraft {
	d := &CaseDraft{Transactions: []DraftTxn{}, Items: []DraftItem{}, Notes: []DraftNote{}}
	var all []seen
	for _, e := range a.Exhibits {
		it := e.Item
		switch {
		case it.Bill != nil:
			all = append(all, billSightings(it)...)
		case it.Chat != nil:
			all = append(all, chatSightings(it)...)
		}
		if it.OCR != nil {
			ss, notes := ocrSightings(it)
			all = append(all, ss...)
			d.Notes = append(d.Notes, notes...)
		}
	}
	d.Respondent = draftRespondent(a, all)
	respondent := strings.TrimSpace(a.Case.Respondent.Name)
	if respondent == "" {
		respondent = d.Respondent.Name.Value
	}
	groups := mergeSightings(all)
	caseIDs := map[string]bool{}
	for _, t := range a.Case.Transactions {
		caseIDs[evidence.ParseTxnID(t.ID).ID] = true
	}
	chats := chatTransfers(a)
	matched := make([]bool, len(chats))
	var keep []DraftTxn
	left := map[string]int{} // bill file → rows left out
	for _, g := range groups {
		t := draftTxn(g)
		relevant := false
		for _, s := range g {
			if s.src != fromBill || s.rowCount <= smallBill {
				relevant = true
			}
		}
		for _, id := range append([]string{t.ID.Value}, t.Other...) {
			relevant = relevant || caseIDs[id]
		}
		if respondent != "" && t.Counterparty.Value == respondent {
			relevant = true
		}
		for k, ct := range chats {
			if ct.matches(t) {
				relevant, matched[k] = true, true
				t.addShown(ct.file, "聊天记录中的转账 "+ct.when, "a transfer in the chat, "+ct.when)
				if t.Direction.Value == "" && ct.dir != "" {
					t.Direction = Fact{Value: ct.dir, From: ct.file, NoteZh: "聊天记录中转账的方向", NoteEn: "the way the chat's transfer went"}
				}
			}
		}
		if !relevant {
			for _, s := range g {
				left[s.file]++
			}
			continue
		}
		keep = append(keep, t)
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if !keep[i].at.Equal(keep[j].at) {
			if keep[i].at.IsZero() || keep[j].at.IsZero() {
				return !keep[i].at.IsZero()
			}
			return keep[i].at.Before(keep[j].at)
		}
		return keep[i].ID.Value < keep[j].ID.Value
	})
	if len(keep) > maxDraftTxns {
		d.Notes = append(d.Notes, DraftNote{Zh: fmt.Sprintf("证据显示 %d 笔交易，只列出前 %d 笔", len(keep), maxDraftTxns),
			En: fmt.Sprintf("the evidence shows %d payments; only the first %d are listed", len(keep), maxDraftTxns)})
		keep = keep[:maxDraftTxns]
	}
	for i := range keep {
		guessDisputed(&keep[i], respondent)
	}
	d.Transactions = append(d.Transactions, keep...)
	for _, f := range sortedKeys(left) {
		d.Notes = append(d.Notes, DraftNote{From: f,
			Zh: fmt.Sprintf("账单 %s 另有 %d 笔交易未列出：只列出截图或聊天记录也显示的、或付给对方的交易", f, left[f]),
			En: fmt.Sprintf("%d more rows of the bill %s are not listed: only payments a screenshot or chat also shows, or paid to the other party", left[f], f)})
	}
	for k, ct := range chats {
		if matched[k] {
			continue
		}
		d.Notes = append(d.Notes, DraftNote{From: ct.file,
			Zh: fmt.Sprintf("聊天记录 %s：%s（手机本地时间）转账 %s 元%s，没有交易单号：请从这笔转账的详情页抄录单号", ct.file, ct.when, ct.amount.Grouped(), statusNoteZh(ct.status)),
			En: fmt.Sprintf("chat %s: a transfer of %s yuan at %s (phone local time)%s, without a transaction number: copy it from the transfer's detail page", ct.file, ct.amount.Grouped(), ct.when, statusNoteEn(ct.status))})
	}
	d.Platform = draftPlatform(a, d.Transactions)
	d.ComplaintType = guessComplaintType(a, d.Transactions)
	d.Title = draftTitle(d)
	d.Items = draftItems(a, d)
	return d
}

// Missing is the part of the draft that case.yaml lacks: payments whose
// numbers it does not list, and the respondent's name, WeChat ID and
// account where it has none. Title, platform, complaint type and item
// notes are left out: case.yaml's own choice stands.
func (d *CaseDraft) Missing(c *Case) *CaseDraft {
	out := &CaseDraft{Transactions: []DraftTxn{}, Items: []DraftItem{}, Notes: []DraftNote{}}
	have := map[string]bool{}
	for _, t := range c.Transactions {
		have[evidence.ParseTxnID(t.ID).ID] = true
	}
	for _, t := range d.Transactions {
		known := have[t.ID.Value]
		for _, o := range t.Other {
			known = known || have[o]
		}
		if !known {
			out.Transactions = append(out.Transactions, t)
		}
	}
	r := c.Respondent
	if strings.TrimSpace(r.Name) == "" {
		out.Respondent.Name = d.Respondent.Name
	}
	if strings.TrimSpace(r.WeChatID) == "" {
		out.Respondent.WeChatID = d.Respondent.WeChatID
	}
	if strings.TrimSpace(r.Account) == "" {
		out.Respondent.Account = d.Respondent.Account
	}
	return out
}

// --- what each kind of file shows ---

func billSightings(it *evidence.Item) []seen {
	b := it.Bill
	var out []seen
	for _, r := range b.Rows {
		if r.TxnID == "" && r.MerchantID == "" {
			continue
		}
		s := seen{file: it.Path, src: fromBill, rowCount: len(b.Rows), howZh: fmt.Sprintf("账单第 %d 行", r.Line), howEn: fmt.Sprintf("bill line %d", r.Line),
			fen: r.Amount, hasFen: true, dir: r.Direction, party: r.Counterparty, ptype: r.Type, platform: b.Provider}
		if r.TxnID != "" {
			s.ids = append(s.ids, r.TxnID)
		}
		if len(r.MerchantID) >= minMerchantID && r.MerchantID != r.TxnID || r.TxnID == "" {
			s.ids = append(s.ids, r.MerchantID)
		}
		if !r.Time.IsZero() {
			s.at, s.hasTime = r.Time, true
			s.timeZh, s.timeEn = "账单时间为北京时间", "bill times are Beijing time"
		}
		if r.CounterAccount != "" && !masked(r.CounterAccount) {
			s.account = r.CounterAccount
		}
		out = append(out, s)
	}
	return out
}

// chatSightings are the transaction numbers a chat's messages name: runs
// of letters and digits that have the valid form of a WeChat Pay or
// Alipay number (a shorter or looser run may be anything).
func chatSightings(it *evidence.Item) []seen {
	var out []seen
	got := map[string]bool{}
	zone := it.Chat.ZoneKnown()
	for _, m := range it.Chat.Messages {
		if m.Type != chat.MsgText && m.Type != chat.MsgTransfer && m.Type != chat.MsgOther {
			continue
		}
		for _, tok := range idTokens(m.Text) {
			if len(tok) < 16 {
				continue
			}
			info := evidence.ParseTxnID(tok)
			if info.Form != evidence.FormValid || info.Platform == "" || got[tok] {
				continue
			}
			got[tok] = true
			when := ""
			if !m.Time.IsZero() {
				when = m.Time.Format("2006-01-02 15:04")
				if zone {
					when = m.Time.In(tz.Shanghai).Format("2006-01-02 15:04")
				}
			}
			out = append(out, seen{ids: []string{tok}, file: it.Path, src: fromChat, platform: info.Platform,
				howZh: strings.TrimSpace("聊天消息 " + when), howEn: strings.TrimSpace("a chat message " + when)})
		}
	}
	return out
}

// idPriority orders the numbers of a page: the payment's own number
// first, the merchant's order number last.
var idPriority = map[string]int{ocr.FieldTransactionID: 0, ocr.FieldTransferID: 1, ocr.FieldOrderID: 2, ocr.FieldSerial: 3, ocr.FieldMerchantOrderID: 4}

var idLabelZh = map[string]string{ocr.FieldTransactionID: "交易单号", ocr.FieldTransferID: "转账单号", ocr.FieldOrderID: "订单号",
	ocr.FieldSerial: "交易流水号", ocr.FieldMerchantOrderID: "商户单号"}

// lowConf is the confidence under which a reading is called uncertain.
const lowConf = 60

// ocrSightings turn what OCR read from a screenshot into one sighting per
// payment number. A number that fails its form is not drafted (a wrong
// number is worse than none) but noted. The page's amount, time and
// counterparty go with its number when the page shows one payment.
func ocrSightings(it *evidence.Item) ([]seen, []DraftNote) {
	p := it.OCR
	var ids []ocr.Field
	var notes []DraftNote
	for _, f := range p.Fields {
		if !ocr.IsID(f.Name) || f.Value == "" {
			continue
		}
		if f.Form != nil && f.Form.Form == ocr.FormInvalid {
			notes = append(notes, DraftNote{From: it.Path,
				Zh: fmt.Sprintf("截图 %s 的%s识别为 %s，不符合单号格式（%s），未写入：请对照图片", it.Path, labelOf(f), f.Value, f.Form.ReasonZh),
				En: fmt.Sprintf("the %s of the screenshot %s was read as %s, which fails its form (%s); not written: check the image", f.Name, it.Path, f.Value, f.Form.Reason)})
			continue
		}
		ids = append(ids, f)
	}
	sort.SliceStable(ids, func(i, j int) bool { return idPriority[ids[i].Name] < idPriority[ids[j].Name] })
	if len(ids) == 0 {
		return nil, notes
	}
	// One payment per page unless the page shows several numbers of the
	// same kind (a chat with two transfers).
	var primaries []ocr.Field
	var merchant []ocr.Field
	for _, f := range ids {
		if f.Name == ocr.FieldMerchantOrderID {
			merchant = append(merchant, f)
		} else {
			primaries = append(primaries, f)
		}
	}
	if len(primaries) == 0 {
		primaries, merchant = merchant[:1], merchant[1:]
	}
	single := len(primaries) == 1 || (len(primaries) == 2 && primaries[0].Name != primaries[1].Name && p.Kind != ocr.KindChat)
	var out []seen
	for k, f := range primaries {
		if k > 0 && single {
			// A second number of another kind on a one-payment page is
			// another number of the same payment.
			out[0].ids = append(out[0].ids, f.Value)
			continue
		}
		s := seen{ids: []string{f.Value}, file: it.Path, src: fromOCR, platform: platformOfKind(p.Kind),
			howZh: fmt.Sprintf("识别：%s（置信度 %d）", labelOf(f), f.Conf), howEn: fmt.Sprintf("OCR: %s (confidence %d)", f.Name, f.Conf)}
		if pl := evidence.ParseTxnID(f.Value).Platform; pl != "" && s.platform == "" {
			s.platform = pl
		}
		if single {
			for _, m := range merchant {
				if len(m.Value) >= minMerchantID {
					s.ids = append(s.ids, m.Value)
				}
			}
			ocrPageFacts(&s, p, f.Value)
		}
		out = append(out, s)
	}
	return out, notes
}

func labelOf(f ocr.Field) string {
	if f.Label != "" {
		return f.Label
	}
	if l, ok := idLabelZh[f.Name]; ok {
		return l
	}
	return f.Name
}

func platformOfKind(k ocr.Kind) string {
	switch k {
	case ocr.KindWeChatTransfer, ocr.KindWeChatBill, ocr.KindChat:
		return "wechat"
	case ocr.KindAlipayBill:
		return "alipay"
	case ocr.KindBankTransfer:
		return "bank"
	}
	return ""
}

func confNote(conf int) (string, string) {
	if conf < lowConf {
		return fmt.Sprintf("机器识别，置信度低（%d），请对照图片", conf), fmt.Sprintf("read by a machine with low confidence (%d): compare with the image", conf)
	}
	return fmt.Sprintf("机器识别（置信度 %d）", conf), fmt.Sprintf("read by a machine (confidence %d)", conf)
}

// ocrPageFacts adds the page's amount, time, direction and counterparty
// to the sighting of its one payment number id.
func ocrPageFacts(s *seen, p *ocr.Page, id string) {
	if f, ok := p.Field(ocr.FieldAmount); ok && f.Fen != nil {
		v := *f.Fen
		s.fenZh, s.fenEn = confNote(f.Conf)
		switch {
		case v < 0:
			s.dir, s.dirZh, s.dirEn = "out", "截图中金额带负号", "the amount on the screenshot has a minus sign"
			v = -v
		case v > 0 && strings.HasPrefix(f.Raw, "+"):
			s.dir, s.dirZh, s.dirEn = "in", "截图中金额带正号", "the amount on the screenshot has a plus sign"
		}
		s.fen, s.hasFen = v, true
	}
	if s.dir == "" {
		s.dir, s.dirZh, s.dirEn = ocrDirection(p)
	}
	if f, ok := p.Field(ocr.FieldTime); ok && f.Time != nil {
		ocrTime(s, *f.Time, id)
	}
	if f, ok := p.Field(ocr.FieldCounterparty); ok && f.Value != "" {
		name, zh, en := unmask(f.Value, p.Kind)
		if name != "" {
			czh, cen := confNote(f.Conf)
			s.party, s.partyZh, s.partyEn = name, joinNote(zh, czh, "；"), joinNote(en, cen, "; ")
		}
	}
	if p.Kind == ocr.KindWeChatTransfer || p.Kind == ocr.KindChat || p.Kind == ocr.KindBankTransfer {
		s.ptype = "转账"
	}
}

// ocrDirection reads the way the money went from the words of a page
// that shows no sign: a WeChat transfer page says 待张三收款, 待张三确认收款
// or 将退还给你 on the payer's phone and 待你收款, 你已收款 or 已存入零钱 on
// the payee's; a bank's 转账结果 with a 收款人 line is the payer's receipt.
// A chat's transfer bubble is left undecided: its side is not read
// reliably enough (the amount sits mid-page in either bubble).
func ocrDirection(p *ocr.Page) (string, string, string) {
	text := ""
	for _, l := range p.Lines {
		text += strings.ReplaceAll(l.Text, " ", "") + "\n"
	}
	switch p.Kind {
	case ocr.KindWeChatTransfer:
		switch {
		case strings.Contains(text, "待你收款") || strings.Contains(text, "你已收款") || strings.Contains(text, "已存入零钱"):
			return "in", "截图是收款方的转账页（待你收款、你已收款或已存入零钱）", "the screenshot is the payee's transfer page (待你收款, 你已收款 or 已存入零钱)"
		case strings.Contains(text, "将退还给你") || payerCue(text):
			return "out", "截图是付款方的转账页（待对方收款或将退还给你）", "the screenshot is the payer's transfer page (waiting for the payee, or 将退还给你)"
		}
	case ocr.KindBankTransfer:
		if strings.Contains(text, "收款人") || strings.Contains(text, "收款账号") {
			return "out", "截图是付款方的银行转账结果（列出收款人）", "the screenshot is the payer's bank transfer result (it names the payee)"
		}
	}
	return "", "", ""
}

// payerCue finds 待…收款 naming someone other than 你 on one line.
func payerCue(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		i := strings.Index(line, "待")
		if i < 0 {
			continue
		}
		rest := line[i+len("待"):]
		if strings.HasPrefix(rest, "你") {
			continue
		}
		if strings.Contains(rest, "收款") {
			return true
		}
	}
	return false
}

// ocrTime writes a screenshot's time as Beijing time, saying that the
// phone's zone was assumed; a time shown without a year takes the year of
// the date inside the payment's number when the day is within two days
// of it, and is otherwise left out.
func ocrTime(s *seen, t ocr.LocalTime, id string) {
	const assumedZh, assumedEn = "截图时间没有时区，按北京时间（手机本地时间）写入", "a screenshot's time has no zone: the phone's local time was taken as Beijing time"
	if at, ok := t.In(tz.Shanghai); ok {
		s.at, s.hasTime, s.timeZh, s.timeEn = at, true, assumedZh, assumedEn
		return
	}
	info := evidence.ParseTxnID(id)
	if info.HasDate {
		for _, y := range []int{info.Date.Year(), info.Date.Year() - 1, info.Date.Year() + 1} {
			at := time.Date(y, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, 0, tz.Shanghai)
			if at.Month() != time.Month(t.Month) {
				continue // 2月29日 of a common year
			}
			day := time.Date(y, time.Month(t.Month), t.Day, 0, 0, 0, 0, tz.Shanghai)
			if d := day.Sub(info.Date); d >= -48*time.Hour && d <= 48*time.Hour {
				s.at, s.hasTime = at, true
				s.timeZh = fmt.Sprintf("截图只显示 %s，年份取自单号中的日期 %s；%s", t.String(), info.Date.Format("2006-01-02"), assumedZh)
				s.timeEn = fmt.Sprintf("the screenshot shows %s only; the year is that of the date inside the number, %s; %s", t.String(), info.Date.Format("2006-01-02"), assumedEn)
				return
			}
		}
	}
	s.noTimeZh = fmt.Sprintf("截图显示的时间 %s 没有年份，单号中也没有相符的日期：请填写", t.String())
	s.noTimeEn = fmt.Sprintf("the screenshot's time %s has no year, and the number holds no date that fits: fill it in", t.String())
}

// masked reports whether a name or number has masking stars in it.
func masked(s string) bool { return strings.ContainsAny(s, "*＊") }

// unmask returns the name to write for a counterparty as a page shows it.
// A WeChat transfer page shows the nickname and, in brackets, the real
// name with all but its last character hidden (张三(**三)); the bracket
// is dropped and the nickname kept, said to be a nickname. A name that is
// masked itself (**三) is never written as a name: "" with a note naming
// the visible part.
func unmask(v string, kind ocr.Kind) (string, string, string) {
	v = strings.TrimSpace(v)
	for _, open := range []string{"(", "（"} {
		i := strings.Index(v, open)
		if i <= 0 {
			continue
		}
		inner := strings.TrimRight(v[i+len(open):], ")）")
		outer := strings.TrimSpace(v[:i])
		if masked(outer) {
			break
		}
		if masked(inner) || kind == ocr.KindWeChatTransfer {
			return outer, fmt.Sprintf("截图显示 %s：括号内是被遮挡的实名，只写了括号外的部分（微信昵称，未必是实名）", v),
				fmt.Sprintf("the screenshot shows %s: the brackets hold the masked real name; only the part outside is written (a WeChat nickname, not necessarily the real name)", v)
		}
	}
	if masked(v) {
		visible := strings.Map(func(r rune) rune {
			if r == '*' || r == '＊' || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, v)
		return "", fmt.Sprintf("截图只显示被遮挡的姓名 %s（可见部分：%s），未写作姓名", v, visible),
			fmt.Sprintf("the screenshot shows only the masked name %s (visible: %s); not written as the name", v, visible)
	}
	return v, "", ""
}

func joinNote(a, b, sep string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + sep + b
}

// --- merging ---

// mergeSightings groups the sightings that share a number (exact match;
// a payment's own number or its merchant order number), keeping the
// order in which each group was first seen.
func mergeSightings(all []seen) [][]seen {
	group := map[string]int{}
	var groups [][]seen
	alive := []bool{}
	for _, s := range all {
		target := -1
		for _, id := range s.ids {
			if g, ok := group[id]; ok {
				if target < 0 {
					target = g
				} else if g != target {
					// s joins two groups: fold the later one in.
					groups[target] = append(groups[target], groups[g]...)
					for k, v := range group {
						if v == g {
							group[k] = target
						}
					}
					groups[g], alive[g] = nil, false
				}
			}
		}
		if target < 0 {
			target = len(groups)
			groups = append(groups, nil)
			alive = append(alive, true)
		}
		groups[target] = append(groups[target], s)
		for _, id := range s.ids {
			group[id] = target
		}
	}
	var out [][]seen
	for i, g := range groups {
		if alive[i] {
			sort.SliceStable(g, func(a, b int) bool { return g[a].src < g[b].src })
			out = append(out, g)
		}
	}
	return out
}

// draftTxn takes each value from the best source that has it: a bill
// (the platform's data, its zone known) before a screenshot, a screenshot
// before a chat. A screenshot that disagrees with the bill is noted.
func draftTxn(g []seen) DraftTxn {
	var t DraftTxn
	// The payment's number: the first sighting's first number that is not
	// a merchant order number of another's.
	t.ID = Fact{Value: g[0].ids[0], From: g[0].file, NoteZh: g[0].howZh, NoteEn: g[0].howEn}
	if info := evidence.ParseTxnID(t.ID.Value); info.Form != evidence.FormUnknown || info.Platform != "" {
		t.ID.NoteZh = joinNote(info.KindZh, t.ID.NoteZh, "，")
		t.ID.NoteEn = joinNote(info.KindEn, t.ID.NoteEn, ", ")
	}
	other := map[string]bool{}
	for _, s := range g {
		t.addShown(s.file, s.howZh, s.howEn)
		for _, id := range s.ids {
			if id != t.ID.Value {
				other[id] = true
			}
		}
		if t.Time.Value == "" && s.hasTime {
			t.Time = Fact{Value: s.at.In(tz.Shanghai).Format(time.RFC3339), From: s.file, NoteZh: s.timeZh, NoteEn: s.timeEn}
			t.at = s.at
		}
		if s.hasFen {
			if t.fen == nil {
				v := s.fen
				t.fen = &v
				t.Amount = Fact{Value: v.String(), From: s.file, NoteZh: s.fenZh, NoteEn: s.fenEn}
			} else if *t.fen != s.fen {
				t.Amount.NoteZh = joinNote(t.Amount.NoteZh, fmt.Sprintf("%s 显示 %s 元，与此不同：截图可能被改过，或是另一笔", s.file, s.fen.Grouped()), "；")
				t.Amount.NoteEn = joinNote(t.Amount.NoteEn, fmt.Sprintf("%s shows %s yuan, which differs: the screenshot may be edited, or show another payment", s.file, s.fen.Grouped()), "; ")
			}
		}
		if t.Direction.Value == "" && s.dir != "" {
			t.Direction = Fact{Value: s.dir, From: s.file, NoteZh: s.dirZh, NoteEn: s.dirEn}
		}
		if t.Counterparty.Value == "" && s.party != "" {
			t.Counterparty = Fact{Value: s.party, From: s.file, NoteZh: s.partyZh, NoteEn: s.partyEn}
		}
	}
	if t.Time.Value == "" {
		for _, s := range g {
			if s.noTimeZh != "" {
				t.Time = Fact{From: s.file, NoteZh: s.noTimeZh, NoteEn: s.noTimeEn}
				break
			}
		}
	}
	t.Other = sortedKeys(other)
	return t
}

func (t *DraftTxn) addShown(file, zh, en string) {
	t.Shown = append(t.Shown, ShownIn{File: file, Zh: zh, En: en})
	for _, f := range t.Files {
		if f == file {
			return
		}
	}
	t.Files = append(t.Files, file)
	sort.Strings(t.Files)
}

// guessDisputed marks an outgoing payment as disputed when it went to the
// other party, or, with no other party known, when a screenshot or chat
// shows it (the user kept it for a reason). The rule is in the note.
func guessDisputed(t *DraftTxn, respondent string) {
	if t.Direction.Value != "out" {
		return
	}
	switch {
	case respondent != "" && t.Counterparty.Value == respondent:
		t.Disputed = Fact{Value: "true", From: t.Counterparty.From, NoteZh: "推测：付给对方 " + respondent + " 的款项", NoteEn: "guessed: a payment to the other party, " + respondent}
	case respondent == "" && len(t.Files) > 1:
		t.Disputed = Fact{Value: "true", From: t.ID.From, NoteZh: "推测：不止一个文件显示这笔付款", NoteEn: "guessed: more than one file shows this payment"}
	}
}

// chatTransfer is a transfer a chat export shows (it has no number).
type chatTransfer struct {
	file, when, dir, status string
	at                      time.Time
	amount                  money.Fen
}

// matches: same amount, within ten minutes (the chat's time read as the
// phone's clock in UTC+8 when its zone is unknown).
func (c chatTransfer) matches(t DraftTxn) bool {
	if t.fen == nil || *t.fen != c.amount || t.at.IsZero() {
		return false
	}
	return absDur(c.at.Sub(t.at)) <= 10*time.Minute
}

func chatTransfers(a *Analysis) []chatTransfer {
	var out []chatTransfer
	for _, e := range a.Exhibits {
		c := e.Item.Chat
		if c == nil {
			continue
		}
		zone := c.ZoneKnown()
		var last chatTransfer
		for _, m := range c.Transfers() {
			if m.Transfer == nil || m.Time.IsZero() || m.Type == chat.MsgRedPacket {
				continue
			}
			at := instant(&evidence.Captured{Time: m.Time, ZoneKnown: zone})
			ct := chatTransfer{file: e.Item.Path, at: at, amount: m.Transfer.Amount, dir: m.Transfer.Direction, status: m.Transfer.Status,
				when: at.In(tz.Shanghai).Format("2006-01-02 15:04")}
			if ct == last {
				continue
			}
			last = ct
			out = append(out, ct)
		}
	}
	return out
}

func statusNoteZh(s string) string { zh, _ := chat.StatusNote(s); return zh }

func statusNoteEn(s string) string { _, en := chat.StatusNote(s); return en }

// --- the other party ---

// draftRespondent names the other party: the name most files agree on
// among the payee of a transfer screenshot, the one other person of a
// chat export, and the one payee of the bills' transfers; the WeChat ID a
// chat or a screenshot shows (微信号：…, or a chat whose other party is
// only a wxid); the account of a bank statement's payee.
func draftRespondent(a *Analysis, all []seen) DraftParty {
	var p DraftParty
	type vote struct {
		name   string
		from   string
		zh, en string
		rank   int
	}
	var votes []vote
	var maskedNotes []vote
	for _, s := range all {
		if s.src == fromOCR && s.party != "" && s.ptype == "转账" {
			votes = append(votes, vote{s.party, s.file, s.partyZh, s.partyEn, 0})
		}
	}
	for _, e := range a.Exhibits {
		if pg := e.Item.OCR; pg != nil && (pg.Kind == ocr.KindWeChatTransfer || pg.Kind == ocr.KindChat || pg.Kind == ocr.KindBankTransfer) {
			if f, ok := pg.Field(ocr.FieldCounterparty); ok {
				if name, zh, en := unmask(f.Value, pg.Kind); name == "" && zh != "" {
					maskedNotes = append(maskedNotes, vote{"", e.Item.Path, zh, en, 0})
				}
			}
		}
	}
	for _, e := range a.Exhibits {
		c := e.Item.Chat
		if c == nil || c.Me == "" {
			continue
		}
		var others []string
		for _, q := range c.Participants {
			if q != c.Me {
				others = append(others, q)
			}
		}
		if len(others) == 1 {
			if wxid(others[0]) {
				if p.WeChatID.Value == "" {
					p.WeChatID = Fact{Value: others[0], From: e.Item.Path, NoteZh: "聊天记录中对方只以 wxid 出现", NoteEn: "the chat names the other party by wxid only"}
				}
			} else {
				votes = append(votes, vote{others[0], e.Item.Path, "聊天记录中的对方（备注名或昵称）", "the other party of the chat (remark or nickname)", 2})
			}
		}
		if id, ok := chatWeChatID(c); ok && p.WeChatID.Value == "" {
			p.WeChatID = Fact{Value: id, From: e.Item.Path, NoteZh: "对方在聊天中写出的微信号", NoteEn: "the WeChat ID the other party wrote in the chat"}
		}
	}
	payees := map[string]string{}
	for _, s := range all {
		if s.src == fromBill && s.dir == "out" && strings.Contains(s.ptype, "转账") && s.party != "" && !masked(s.party) {
			if _, ok := payees[s.party]; !ok {
				payees[s.party] = s.file
			}
		}
	}
	if len(payees) == 1 {
		for name, from := range payees {
			votes = append(votes, vote{name, from, "账单中转账的收款方", "the payee of the bill's transfers", 1})
		}
	}
	if p.WeChatID.Value == "" {
		for _, e := range a.Exhibits {
			if pg := e.Item.OCR; pg != nil {
				if id, ok := pageWeChatID(pg); ok {
					p.WeChatID = Fact{Value: id, From: e.Item.Path, NoteZh: "截图中“微信号”一行，机器识别", NoteEn: "the 微信号 line of the screenshot, read by a machine"}
					break
				}
			}
		}
	}
	if len(votes) > 0 {
		count := map[string]int{}
		for _, v := range votes {
			count[v.name]++
		}
		sort.SliceStable(votes, func(i, j int) bool {
			if count[votes[i].name] != count[votes[j].name] {
				return count[votes[i].name] > count[votes[j].name]
			}
			return votes[i].rank < votes[j].rank
		})
		best := votes[0]
		p.Name = Fact{Value: best.name, From: best.from, NoteZh: best.zh, NoteEn: best.en}
		var others []string
		for _, v := range votes[1:] {
			if v.name != best.name {
				others = append(others, v.from+": "+v.name)
			}
		}
		if len(others) > 0 {
			p.Name.NoteZh = joinNote(p.Name.NoteZh, "其他文件写作 "+strings.Join(others, ", "), "；")
			p.Name.NoteEn = joinNote(p.Name.NoteEn, "other files say "+strings.Join(others, ", "), "; ")
		}
	} else if len(maskedNotes) > 0 {
		p.Name = Fact{From: maskedNotes[0].from, NoteZh: maskedNotes[0].zh, NoteEn: maskedNotes[0].en}
	}
	for _, s := range all {
		if s.account != "" && s.dir == "out" && p.Name.Value != "" && s.party == p.Name.Value {
			p.Account = Fact{Value: s.account, From: s.file, NoteZh: "账单中对方的账号", NoteEn: "the payee's account in the bill"}
			break
		}
	}
	return p
}

// --- platform, complaint type, title, items ---

var platformZh = map[string]string{"wechat": "微信", "alipay": "支付宝", "bank": "银行"}

// draftPlatform: the platform of most drafted payments (by their number's
// form, else their bill or page), else of the bills, else of the
// screenshots, else wechat for a chat export (every chat format read is
// WeChat's).
func draftPlatform(a *Analysis, txns []DraftTxn) Fact {
	count := map[string]int{}
	from := map[string]string{}
	for _, t := range txns {
		pl := evidence.ParseTxnID(t.ID.Value).Platform
		if pl == "" {
			continue
		}
		count[pl]++
		if from[pl] == "" {
			from[pl] = t.ID.From
		}
	}
	rule := "多数交易单号所属的平台"
	ruleEn := "the platform of most transaction numbers"
	if len(count) == 0 {
		for _, e := range a.Exhibits {
			it := e.Item
			pl := ""
			switch {
			case it.Bill != nil:
				pl = it.Bill.Provider
			case it.OCR != nil:
				pl = platformOfKind(it.OCR.Kind)
			case it.Chat != nil:
				pl = "wechat"
			}
			if pl != "" {
				count[pl]++
				if from[pl] == "" {
					from[pl] = it.Path
				}
			}
		}
		rule, ruleEn = "多数账单、截图和聊天记录所属的平台", "the platform of most bills, screenshots and chats"
	}
	best := ""
	for _, pl := range []string{"wechat", "alipay", "bank"} {
		if count[pl] > count[best] {
			best = pl
		}
	}
	if best == "" {
		return Fact{}
	}
	return Fact{Value: best, From: from[best], NoteZh: "推测：" + rule, NoteEn: "guessed: " + ruleEn}
}

// The words of the complaint-type rules, matched in the chats' text
// messages and the screenshots' lines.
var (
	fraudWords       = []string{"刷单", "返利", "返现", "做任务", "保证金", "解冻", "投资平台", "理财平台", "退款链接", "被骗", "骗子", "诈骗", "征信", "注销账户"}
	notDeliverWords  = []string{"没发货", "未发货", "不发货", "还没发货", "没收到货", "没有收到货", "什么时候发货", "快递单号"}
	fakeGoodsWords   = []string{"假货", "仿品", "高仿", "假的", "质量问题", "货不对板", "不是正品"}
	wrongTransWords  = []string{"转错", "错转", "误转", "转错账", "打错", "转给错"}
	complaintTypeZh  = map[string]string{"wrong_transfer": "转错账", "fake_goods": "虚假商品", "fraud": "诈骗", "not_delivered": "未收到货", "duplicate_charge": "重复扣款", "other": "其他"}
	complaintRuleOrd = []string{"duplicate_charge", "fraud", "not_delivered", "fake_goods", "wrong_transfer"}
)

// guessComplaintType applies simple rules, in this order: two outgoing
// payments of the same amount to the same payee within ten minutes are a
// duplicate charge; then words in the chats and screenshots (诈骗, 刷单 …
// fraud; 没发货 … not delivered; 假货 … fake goods; 转错 … wrong transfer);
// else a transfer to a person is a wrong transfer and a payment to a
// merchant is "other". The note names the rule and the file.
func guessComplaintType(a *Analysis, txns []DraftTxn) Fact {
	for i := range txns {
		for j := i + 1; j < len(txns); j++ {
			x, y := txns[i], txns[j]
			if x.Direction.Value == "out" && y.Direction.Value == "out" && x.fen != nil && y.fen != nil && *x.fen == *y.fen &&
				x.Counterparty.Value != "" && x.Counterparty.Value == y.Counterparty.Value && !x.at.IsZero() && !y.at.IsZero() &&
				absDur(x.at.Sub(y.at)) <= 10*time.Minute {
				return Fact{Value: "duplicate_charge", From: x.ID.From,
					NoteZh: fmt.Sprintf("推测：十分钟内向 %s 付了两笔 %s 元", x.Counterparty.Value, x.fen.Grouped()),
					NoteEn: fmt.Sprintf("guessed: two payments of %s yuan to %s within ten minutes", x.fen.Grouped(), x.Counterparty.Value)}
			}
		}
	}
	words := map[string][]string{"fraud": fraudWords, "not_delivered": notDeliverWords, "fake_goods": fakeGoodsWords, "wrong_transfer": wrongTransWords}
	for _, typ := range complaintRuleOrd[1:] {
		for _, e := range a.Exhibits {
			if w, ok := findWord(e.Item, words[typ]); ok {
				return Fact{Value: typ, From: e.Item.Path,
					NoteZh: fmt.Sprintf("推测：%s 中出现“%s”→ %s（%s）", e.Item.Path, w, typ, complaintTypeZh[typ]),
					NoteEn: fmt.Sprintf("guessed: %s has the word “%s” → %s", e.Item.Path, w, typ)}
			}
		}
	}
	for _, t := range txns {
		if t.Direction.Value != "out" {
			continue
		}
		if strings.HasPrefix(t.ID.Value, "1000050001") || strings.HasPrefix(t.ID.Value, "HQP") {
			return Fact{Value: "wrong_transfer", From: t.ID.From, NoteZh: "推测：向个人转账，聊天和截图中没有诈骗或商品的字样",
				NoteEn: "guessed: a transfer to a person, with no words of fraud or goods in the chats and screenshots"}
		}
	}
	for _, t := range txns {
		if t.Direction.Value == "out" {
			return Fact{Value: "other", From: t.ID.From, NoteZh: "推测：付款，证据中没有可判断类型的字样", NoteEn: "guessed: a payment, and no word in the evidence tells the type"}
		}
	}
	return Fact{}
}

// findWord looks for the first of words in a chat's text messages (the
// other party's and the user's) and in a screenshot's lines.
func findWord(it *evidence.Item, words []string) (string, bool) {
	var texts []string
	if c := it.Chat; c != nil {
		for _, m := range c.Messages {
			if m.Type == chat.MsgText {
				texts = append(texts, m.Text)
			}
		}
	}
	if p := it.OCR; p != nil {
		for _, l := range p.Lines {
			texts = append(texts, strings.ReplaceAll(l.Text, " ", ""))
		}
	}
	for _, t := range texts {
		for _, w := range words {
			if strings.Contains(t, w) {
				return w, true
			}
		}
	}
	return "", false
}

// draftTitle: "微信转账给张三 5,000.00 元" from the disputed (else all)
// outgoing payments.
func draftTitle(d *CaseDraft) Fact {
	var sum money.Fen
	n := 0
	from := ""
	transfer := false
	for _, pass := range []bool{true, false} {
		for _, t := range d.Transactions {
			if t.Direction.Value != "out" || t.fen == nil || (pass && t.Disputed.Value != "true") {
				continue
			}
			sum += *t.fen
			n++
			if from == "" {
				from = t.ID.From
			}
			transfer = transfer || strings.HasPrefix(t.ID.Value, "1000050001") || strings.Contains(t.ID.NoteZh, "转账")
		}
		if n > 0 {
			break
		}
	}
	if n == 0 {
		return Fact{}
	}
	verb := "付款"
	if transfer || d.ComplaintType.Value == "wrong_transfer" {
		verb = "转账"
	}
	to := ""
	if name := d.Respondent.Name.Value; name != "" {
		to = "给" + name
	}
	count := ""
	if n > 1 {
		count = fmt.Sprintf("（%d 笔）", n)
	}
	title := fmt.Sprintf("%s%s%s %s 元%s", platformZh[d.Platform.Value], verb, to, sum.Grouped(), count)
	if ct := d.ComplaintType.Value; ct != "" && ct != "other" {
		title += "（" + complaintTypeZh[ct] + "）"
	}
	return Fact{Value: title, From: from, NoteZh: "由读到的交易拟定", NoteEn: "made from the payments read"}
}

var pageTitleZh = map[ocr.Kind]string{
	ocr.KindWeChatTransfer: "微信转账详情截图",
	ocr.KindWeChatBill:     "微信支付账单详情截图",
	ocr.KindAlipayBill:     "支付宝账单详情截图",
	ocr.KindBankTransfer:   "银行转账结果截图",
	ocr.KindChat:           "微信聊天截图",
}

var providerZh = map[string]string{"wechat": "微信支付账单", "alipay": "支付宝账单", "bank": "银行交易明细"}

// draftItems gives every file a title and a "proves" line from what it
// shows: the numbers, amount and payee of a screenshot, the period of a
// bill and the payments of the case in it, the other party and the
// transfers of a chat.
func draftItems(a *Analysis, d *CaseDraft) []DraftItem {
	shows := map[string][]DraftTxn{}
	for _, t := range d.Transactions {
		for _, f := range t.Files {
			shows[f] = append(shows[f], t)
		}
	}
	var out []DraftItem
	for _, e := range a.Exhibits {
		it := e.Item
		di := DraftItem{Path: it.Path}
		var proves []string
		switch {
		case it.OCR != nil && it.OCR.Kind != ocr.KindOther:
			title := pageTitleZh[it.OCR.Kind]
			if it.OCR.Kind == ocr.KindWeChatTransfer && linesHave(it.OCR, "转账成功") {
				title = "微信转账成功截图"
			}
			di.Title = Fact{Value: title, From: it.Path, NoteZh: "按机器识别的页面类型", NoteEn: "from the page kind a machine read"}
			proves = append(proves, "显示")
			var parts []string
			for _, f := range it.OCR.Fields {
				if ocr.IsID(f.Name) && (f.Form == nil || f.Form.Form != ocr.FormInvalid) {
					parts = append(parts, labelOf(f)+" "+f.Value)
				}
			}
			if f, ok := it.OCR.Field(ocr.FieldAmount); ok && f.Fen != nil {
				v := *f.Fen
				if v < 0 {
					v = -v
				}
				parts = append(parts, "金额 "+v.Grouped()+" 元")
			}
			if f, ok := it.OCR.Field(ocr.FieldCounterparty); ok {
				if name, _, _ := unmask(f.Value, it.OCR.Kind); name != "" {
					who := "收款方 "
					if it.OCR.Kind == ocr.KindChat {
						who = "对方 "
					}
					parts = append(parts, who+name)
				}
			}
			if len(parts) == 0 {
				proves = nil
			} else {
				proves = []string{"显示" + strings.Join(parts, "，") + "（机器识别）"}
			}
		case it.Bill != nil:
			b := it.Bill
			di.Title = Fact{Value: providerZh[b.Provider], From: it.Path, NoteZh: "账单的来源", NoteEn: "who issued the bill"}
			if b.Provider == "bank" && b.Bank != "" {
				di.Title.Value = b.Bank + "交易明细"
			}
			line := fmt.Sprintf("%d 笔交易", len(b.Rows))
			if it.Meta.Period != "" {
				line = it.Meta.Period + "，" + line
			}
			for _, t := range shows[it.Path] {
				line += "；含单号 " + t.ID.Value
				if t.fen != nil {
					line += "（" + t.fen.Grouped() + " 元）"
				}
			}
			proves = append(proves, line)
		case it.Chat != nil:
			c := it.Chat
			with := ""
			if n := d.Respondent.Name.Value; n != "" && contains(c.Participants, n) {
				with = "与" + n + "的"
			}
			di.Title = Fact{Value: with + "微信聊天记录（导出）", From: it.Path, NoteZh: "聊天记录的参与者", NoteEn: "the chat's participants"}
			n, _, first, last := c.Meta()
			line := fmt.Sprintf("%d 条消息", n)
			if !first.IsZero() {
				line += "，" + first.Format("2006-01-02") + " 至 " + last.Format("2006-01-02")
			}
			var trs []string
			for _, m := range c.Transfers() {
				if m.Transfer != nil && m.Type == chat.MsgTransfer {
					trs = append(trs, m.Transfer.Amount.Grouped()+" 元"+statusNoteZh(m.Transfer.Status))
				}
			}
			if len(trs) > 0 {
				line += "；转账 " + strings.Join(trs, "、")
			}
			proves = append(proves, line)
		}
		if len(proves) > 0 {
			di.Proves = Fact{Value: strings.Join(proves, ""), From: it.Path}
		}
		out = append(out, di)
	}
	return out
}

func linesHave(p *ocr.Page, s string) bool {
	for _, l := range p.Lines {
		if strings.Contains(strings.ReplaceAll(l.Text, " ", ""), s) {
			return true
		}
	}
	return false
}
