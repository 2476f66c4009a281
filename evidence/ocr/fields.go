package ocr

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casebundle/casebundle/internal/money"
)

// Field names. The values are stable: manifest.json records them.
const (
	FieldTransactionID   = "transaction_id"    // 交易单号, 交易号
	FieldTransferID      = "transfer_id"       // 转账单号
	FieldMerchantOrderID = "merchant_order_id" // 商户单号, 商家订单号, 商户订单号
	FieldOrderID         = "order_id"          // 订单号
	FieldSerial          = "serial"            // 交易流水号, 流水号
	FieldAmount          = "amount"            // the page's main amount
	FieldTime            = "time"              // when the payment was made
	FieldTimeReceived    = "time_received"     // 收款时间, 到账时间
	FieldCounterparty    = "counterparty"      // 收款方, 收款人, 对方, the chat's title
	FieldMethod          = "method"            // 支付方式, 付款方式: 零钱, 招商银行储蓄卡(1234)
	FieldCardTail        = "card_tail"         // the last four digits of the card paid with
)

// fieldOrder is the order of Page.Fields.
var fieldOrder = map[string]int{
	FieldTransferID: 0, FieldTransactionID: 1, FieldOrderID: 2, FieldMerchantOrderID: 3, FieldSerial: 4,
	FieldAmount: 5, FieldTime: 6, FieldTimeReceived: 7, FieldCounterparty: 8, FieldMethod: 9, FieldCardTail: 10,
}

// IsID reports whether a field name is one of the transaction numbers.
func IsID(name string) bool {
	switch name {
	case FieldTransactionID, FieldTransferID, FieldMerchantOrderID, FieldOrderID, FieldSerial:
		return true
	}
	return false
}

// Field is one value read from a page.
type Field struct {
	Name string `json:"name"`
	// Label is the label as read (交易单号, 收款方, …); empty for a value
	// found without one (a chat's title, an ID alone in a bubble, the
	// large amount).
	Label string `json:"label,omitempty"`
	// Value is normalised: an ID without spaces, an amount as "-5000.00",
	// a time as LocalTime.String writes it, a name as read.
	Value string `json:"value"`
	// Raw is the text the value was taken from, as read; the lines of a
	// joined value are separated by "\n".
	Raw string `json:"raw"`
	// Conf is the lowest word confidence in the value, 0-100.
	Conf int `json:"conf"`
	// Box covers the value's words, in pixels of the original image.
	Box Box `json:"box"`
	// Pass is the pass whose words gave the value; Agree counts the
	// passes that read the same value.
	Pass  int `json:"pass"`
	Agree int `json:"agree"`
	// Joined is set when the value was joined from two or more lines.
	Joined bool `json:"joined,omitempty"`
	// Fen is the amount in fen (FieldAmount only).
	Fen *money.Fen `json:"fen,omitempty"`
	// Time is the time as shown (FieldTime, FieldTimeReceived only).
	Time *LocalTime `json:"time,omitempty"`
	// Form is the ID form check (ID fields only).
	Form *IDForm `json:"form,omitempty"`
}

type labelDef struct {
	text, name string
}

// labels, longest first so that 商家订单号 is taken before 订单号.
var labels = sortedLabels([]labelDef{
	{"商家订单号", FieldMerchantOrderID},
	{"商户订单号", FieldMerchantOrderID},
	{"商户单号", FieldMerchantOrderID},
	{"交易流水号", FieldSerial},
	{"流水号", FieldSerial},
	{"交易单号", FieldTransactionID},
	{"交易号", FieldTransactionID},
	{"转账单号", FieldTransferID},
	{"订单号", FieldOrderID},

	{"转账时间", FieldTime},
	{"支付时间", FieldTime},
	{"付款时间", FieldTime},
	{"交易时间", FieldTime},
	{"创建时间", FieldTime},
	{"转账日期", FieldTime},
	{"收款时间", FieldTimeReceived},
	{"到账时间", FieldTimeReceived},

	{"收款方全称", FieldCounterparty},
	{"收款方", FieldCounterparty},
	{"收款人", FieldCounterparty},
	{"收款户名", FieldCounterparty},
	{"收款账户名", FieldCounterparty},
	{"对方账户", FieldCounterparty},
	{"对方户名", FieldCounterparty},
	{"对方", FieldCounterparty},
	{"商户全称", FieldCounterparty},
	{"收款单位", FieldCounterparty},

	{"支付方式", FieldMethod},
	{"付款方式", FieldMethod},
	{"付款账户", FieldMethod},
	{"付款卡号", FieldMethod},
	{"扣款方式", FieldMethod},
})

func sortedLabels(ls []labelDef) []labelDef {
	sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].text) > len(ls[j].text) })
	return ls
}

// junk is what OCR puts around a label or value: quotes, bars, colons.
const junk = " \t“”\"'‘’|丨:：,，.。、;；_-—()（）[]【】<>《》"

// labelHit is a label found at the start of a row.
type labelHit struct {
	def  labelDef
	row  int // index into rows
	end  int // byte offset of the label's end in compact
	box  Box
	text string
	// fuzzy is set when the label was read with one character wrong.
	fuzzy bool
}

// finder holds the rows of every pass of one page.
type finder struct {
	rows        []row
	kind        Kind
	left, right int // the page's text extent
}

// FindFields finds the fields of a page of the given kind in its words
// (of one pass or several: words carry their pass, and a field found by
// several passes is reported once, from the pass that read it best). It
// is pure Go: the words may come from Tesseract or from a test file.
func FindFields(words []Word, kind Kind) []Field {
	return findFields(buildRows(words), kind)
}

func findFields(rows []row, kind Kind) []Field {
	f := &finder{rows: rows, kind: kind}
	f.left, f.right = pageExtent(rows)
	hits := f.labelHits()
	var out []Field
	out = append(out, f.ids(hits)...)
	amount, ok := f.amount()
	if ok {
		out = append(out, amount)
	}
	out = append(out, f.times(hits, amount, ok)...)
	if c, ok := f.counterparty(hits); ok {
		out = append(out, c)
	}
	out = append(out, f.method(hits)...)
	sortFields(out)
	return out
}

func sortFields(fs []Field) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if fieldOrder[a.Name] != fieldOrder[b.Name] {
			return fieldOrder[a.Name] < fieldOrder[b.Name]
		}
		if a.Box.Y != b.Box.Y {
			return a.Box.Y < b.Box.Y
		}
		if a.Box.X != b.Box.X {
			return a.Box.X < b.Box.X
		}
		return a.Value < b.Value
	})
}

// labelHits finds the labels at the start of rows (after at most two
// characters of junk). A label elsewhere in a row is prose ("1天内对方未收款").
func (f *finder) labelHits() []labelHit {
	var hits []labelHit
	for i, r := range f.rows {
		start := 0
		for n := 0; n < 2 && start < len(r.compact); n++ {
			c, size := utf8.DecodeRuneInString(r.compact[start:])
			if !strings.ContainsRune(junk, c) {
				break
			}
			start += size
		}
		if l, end, ok := matchLabel(r.compact, start); ok {
			box, _ := r.span(start, end)
			text := r.compact[start:end]
			hits = append(hits, labelHit{def: l, row: i, end: end, box: box, text: text, fuzzy: text != l.text})
		}
	}
	return hits
}

// matchLabel finds the label at byte start of s: exactly, else with one
// character misread (交易单刀 for 交易单号, 收获人 for 收款人) when exactly one
// label is that close. Three-character labels may differ only in the
// middle character, so that 付款人 (the payer) is never read as 收款人.
func matchLabel(s string, start int) (labelDef, int, bool) {
	for _, l := range labels {
		if strings.HasPrefix(s[start:], l.text) {
			return l, start + len(l.text), true
		}
	}
	rs := []rune(s[start:])
	var found labelDef
	end, n := 0, 0
	for _, l := range labels {
		lr := []rune(l.text)
		if len(lr) < 3 || len(rs) < len(lr) {
			continue
		}
		diff, at := 0, -1
		for i := range lr {
			if lr[i] != rs[i] {
				diff++
				at = i
			}
		}
		if diff != 1 || len(lr) == 3 && at != 1 || !isHan(rs[at]) {
			continue
		}
		if n == 0 || found.name != l.name {
			n++
		}
		found, end = l, start+len(string(rs[:len(lr)]))
	}
	return found, end, n == 1
}

// value is the text right of a label, in the label's own pass or in
// another pass's row on the same line.
type value struct {
	pass    int
	row     int // index into rows
	compact string
	spaced  string
	box     Box
	conf    int
	first   int // index of the first value word in the row
}

// valuesFor returns the value of a label in each pass that has a row on
// the label's line.
func (f *finder) valuesFor(h labelHit) []value {
	var out []value
	lr := f.rows[h.row]
	for i, r := range f.rows {
		if i == h.row {
			rest := strings.TrimLeft(r.compact[h.end:], junk)
			off := len(r.compact) - len(rest)
			if rest == "" {
				continue
			}
			box, conf := r.span(off, len(r.compact))
			wi := r.wordAt(off)
			sp := r.spaced(wi)
			if r.starts[wi] < off {
				// The label and the value share a word ("转账单号1000…").
				sp = strings.TrimLeft(sp[min(off-r.starts[wi], len(sp)):], junk)
			}
			out = append(out, value{pass: r.pass, row: i, compact: rest, spaced: sp, box: box, conf: conf, first: wi})
			continue
		}
		if r.pass == lr.pass || !sameLine(lr.box, lr.h, r.box) {
			continue
		}
		// Another pass: the words that start right of the label.
		first := -1
		for wi, w := range r.words {
			if w.Box.X >= h.box.Right()-lr.h/3 {
				first = wi
				break
			}
		}
		if first < 0 {
			continue
		}
		rest := strings.TrimLeft(r.compact[r.starts[first]:], junk)
		if rest == "" {
			continue
		}
		off := len(r.compact) - len(rest)
		box, conf := r.span(off, len(r.compact))
		out = append(out, value{pass: r.pass, row: i, compact: rest,
			spaced: strings.TrimLeft(r.spaced(first), junk), box: box, conf: conf, first: first})
	}
	return out
}

// cand is one reading of a field, before the passes are merged.
type cand struct {
	f    Field
	rank int // higher is better: a valid form, a full time
	key  int // which logical field (label line) it belongs to
}

// pick merges the readings of one logical field: the value with the best
// rank, then the most passes agreeing, then the highest confidence.
func pick(cs []cand) Field {
	type group struct {
		best   cand
		passes map[int]bool
	}
	groups := map[string]*group{}
	var order []string
	for _, c := range cs {
		g, ok := groups[c.f.Value]
		if !ok {
			g = &group{best: c, passes: map[int]bool{}}
			groups[c.f.Value] = g
			order = append(order, c.f.Value)
		}
		g.passes[c.f.Pass] = true
		if c.rank > g.best.rank || c.rank == g.best.rank && (c.f.Conf > g.best.f.Conf ||
			c.f.Conf == g.best.f.Conf && c.f.Pass < g.best.f.Pass) {
			g.best = c
		}
	}
	sort.Strings(order)
	if len(order) == 0 {
		return Field{}
	}
	var best *group
	for _, v := range order {
		g := groups[v]
		if best == nil || g.best.rank > best.best.rank ||
			g.best.rank == best.best.rank && (len(g.passes) > len(best.passes) ||
				len(g.passes) == len(best.passes) && g.best.f.Conf > best.best.f.Conf) {
			best = g
		}
	}
	out := best.best.f
	out.Agree = len(best.passes)
	return out
}

// pickEach merges the readings of each logical field (by key).
func pickEach(cs []cand) []Field {
	byKey := map[int][]cand{}
	var keys []int
	for _, c := range cs {
		if _, ok := byKey[c.key]; !ok {
			keys = append(keys, c.key)
		}
		byKey[c.key] = append(byKey[c.key], c)
	}
	sort.Ints(keys)
	var out []Field
	for _, k := range keys {
		out = append(out, pick(byKey[k]))
	}
	return out
}

// lineKey gives every label hit on the same line of the page the same key,
// whichever pass found it: the key is the first hit's index among hits of
// that name whose boxes share the line.
func lineKeys(hits []labelHit, rows []row) []int {
	keys := make([]int, len(hits))
	for i, h := range hits {
		keys[i] = i
		for j := 0; j < i; j++ {
			o := hits[j]
			if o.def.name == h.def.name && sameLine(o.box, rows[o.row].h, h.box) {
				keys[i] = keys[j]
				break
			}
		}
	}
	return keys
}

var reIDRun = regexp.MustCompile(`^[0-9A-Za-z]+`)

// ids reads the transaction numbers under their labels, and in chats and
// unknown pages also the long numbers that stand alone.
func (f *finder) ids(hits []labelHit) []Field {
	var cs []cand
	keys := lineKeys(hits, f.rows)
	claimed := map[int]bool{} // rows whose digits a label took
	for hi, h := range hits {
		if !IsID(h.def.name) {
			continue
		}
		for _, v := range f.valuesFor(h) {
			raw := reIDRun.FindString(strings.ReplaceAll(v.compact, " ", ""))
			if raw == "" {
				continue
			}
			form := formFor(h.def.name, f.kind, raw)
			id, box, conf, joined, used := f.continueID(v.row, raw, v.box, v.conf, form)
			claimed[v.row] = true
			rawText := v.spaced
			for _, u := range used {
				claimed[u] = true
				rawText += "\n" + f.rows[u].spaced(0)
			}
			chk := CheckID(form, id)
			cs = append(cs, cand{key: keys[hi], rank: formRank(chk), f: Field{
				Name: h.def.name, Label: h.text, Value: id, Raw: rawText, Conf: conf, Box: box,
				Pass: v.pass, Joined: joined, Form: &chk,
			}})
		}
	}
	out := pickEach(cs)
	if f.kind == KindChat || f.kind == KindOther {
		out = append(out, f.looseIDs(claimed, out)...)
	}
	return out
}

func formRank(c IDForm) int {
	switch c.Form {
	case FormValid:
		return 2
	case FormUnknown:
		return 1
	}
	return 0
}

// continueID joins the lines of a number that wraps: the next rows of the
// same pass that hold nothing but letters and digits, start under the
// value (or under the row's start, as in a chat bubble) and follow
// closely, as long as the line before was full (at least as wide as the
// continuation, or reaching the page's right edge) or the form needs more
// characters. A join that would break a valid number is not made.
func (f *finder) continueID(ri int, id string, box Box, conf int, form string) (string, Box, int, bool, []int) {
	joined := false
	var used []int // rows joined; f.rows[used[i]].compact holds what was read
	cur := f.rows[ri]
	curRight := box.Right()
	for n := 0; n < 3; n++ {
		ni := ri + 1
		if ni >= len(f.rows) || f.rows[ni].pass != cur.pass {
			break
		}
		next := f.rows[ni]
		// The next line starts with the rest of the number; in a chat
		// bubble prose may follow it ("366021457，你查一下").
		lead := strings.TrimLeft(next.compact, junk)
		text := reIDRun.FindString(lead)
		rest := lead[len(text):]
		if text == "" || rest != "" && !startsBreak(rest) {
			break
		}
		h := max(cur.h, next.h)
		if 2*(next.box.Y-cur.box.Bottom()) > 3*h || next.box.Y < cur.box.Y {
			break
		}
		tol := 3 * h / 2
		aligned := abs(next.box.X-box.X) < tol || abs(next.box.Right()-box.Right()) < tol ||
			abs(next.box.X-cur.box.X) < tol
		if !aligned {
			break
		}
		now, then := CheckID(form, id), CheckID(form, id+text)
		full := curRight >= next.box.Right()-h || curRight >= f.right-tol
		needs := now.Form == FormInvalid && then.Form != FormInvalid
		if now.Form == FormValid && then.Form == FormInvalid || !(full || needs) {
			break
		}
		off := len(next.compact) - len(lead)
		nb, c := next.span(off, off+len(text))
		id += text
		box = box.Union(nb)
		conf = min(conf, c)
		joined = true
		used = append(used, ni)
		ri, cur, curRight = ni, next, next.box.Right()
	}
	return id, box, conf, joined, used
}

// startsBreak reports whether s starts with punctuation or Chinese: the
// end of a number, not a misread part of it.
func startsBreak(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isHan(r) || unicode.IsPunct(r) || unicode.IsSpace(r)
}

var reLongNumber = regexp.MustCompile(`[0-9]{16,}`)

// looseIDs finds long numbers without a label (an ID pasted into a chat
// bubble) and names them by their form. Rows a labelled ID took are
// skipped, and so are numbers already reported.
func (f *finder) looseIDs(claimed map[int]bool, have []Field) []Field {
	seen := map[string]bool{}
	for _, h := range have {
		seen[h.Value] = true
	}
	var cs []cand
	key := 1 << 20
	for ri, r := range f.rows {
		if claimed[ri] {
			continue
		}
		loc := reLongNumber.FindStringIndex(r.compact)
		if loc == nil {
			continue
		}
		raw := r.compact[loc[0]:loc[1]]
		form := guessForm(raw)
		box, conf := r.span(loc[0], loc[1])
		id := raw
		joined := false
		if loc[1] == len(r.compact) {
			var used []int
			id, box, conf, joined, used = f.continueID(ri, raw, box, conf, form)
			for _, u := range used {
				raw += "\n" + f.rows[u].spaced(0)
			}
		}
		chk := CheckID(form, id)
		if chk.Form != FormValid || seen[id] {
			continue
		}
		name := map[string]string{IDWeChatTransfer: FieldTransferID, IDWeChatTransaction: FieldTransactionID,
			IDAlipayOrder: FieldOrderID}[form]
		if name == "" {
			continue
		}
		// Passes reading the same number on the same line share a key.
		k := key + box.Y/max(r.h, 1)
		cs = append(cs, cand{key: k, rank: formRank(chk), f: Field{
			Name: name, Value: id, Raw: raw, Conf: conf, Box: box, Pass: r.pass, Joined: joined, Form: &chk,
		}})
	}
	return pickEach(cs)
}

// reAmount matches an amount with two decimals, its sign and currency
// sign; grouping may be read as ',' or '.'.
var reAmount = regexp.MustCompile(`([+\-一—–−])?[¥]?(\d{1,3}(?:[,.]\d{3})+|\d+)[.,](\d{2})`)

// amount finds the page's main amount: the tallest amount on the page. The
// readings of it in every pass are merged.
func (f *finder) amount() (Field, bool) {
	var cs []cand
	for _, r := range f.rows {
		for _, m := range reAmount.FindAllStringSubmatchIndex(r.compact, -1) {
			s, e := m[0], m[1]
			rank := 2
			if e < len(r.compact) && strings.ContainsAny(r.compact[e:e+1], "0123456789.,") {
				// "5,000.007t" is 5,000.00元 misread; without grouping
				// the decimals are not known.
				if !strings.Contains(r.compact[m[4]:m[5]], ",") || r.compact[e] == '.' || r.compact[e] == ',' {
					continue
				}
				rank = 1
			}
			ds := m[4]
			if ds > 0 && m[2] < 0 {
				// Digits glued to letters ("UU0.00") are garbage read in a
				// big amount; Y is ¥ misread.
				if c := r.compact[ds-1]; c >= 'A' && c <= 'Z' && c != 'Y' || c >= 'a' && c <= 'z' {
					rank = 0
				}
			}
			if ds > 0 && strings.ContainsAny(r.compact[ds-1:ds], "0123456789.,") {
				continue // part of a longer number
			}
			if intPart := r.compact[m[4]:m[5]]; len(intPart) > 1 && intPart[0] == '0' {
				continue // "00.00" is a misread, no amount starts with 0
			}
			if m[2] >= 0 && !f.signTouches(r, m[2], ds) {
				s = ds
			}
			raw := r.compact[s:e]
			fen, ok := parseAmount(raw)
			if !ok {
				continue
			}
			if fen == 0 {
				rank = 0
			}
			box, conf := r.span(ds, e)
			fv := fen
			cs = append(cs, cand{rank: rank, f: Field{Name: FieldAmount, Value: fen.String(), Raw: raw, Conf: conf,
				Box: box, Pass: r.pass, Fen: &fv}})
		}
	}
	if len(cs) == 0 {
		return Field{}, false
	}
	// The tallest reading, then every reading that overlaps it.
	ti := 0
	for i, c := range cs {
		if c.f.Box.H > cs[ti].f.Box.H {
			ti = i
		}
	}
	top := cs[ti]
	same := []cand{top}
	for i, c := range cs {
		if i != ti && overlaps(c.f.Box, top.f.Box) && 5*c.f.Box.H >= 4*top.f.Box.H {
			same = append(same, c)
		}
	}
	best := pick(same)
	if *best.Fen > 0 && !strings.HasPrefix(best.Raw, "+") && f.signElsewhere(best.Box) {
		neg := -*best.Fen
		best.Fen, best.Value, best.Raw = &neg, neg.String(), "-"+best.Raw
	}
	return best, true
}

// signElsewhere reports whether another pass read a minus sign in front of
// the amount at box: a word starting with "-" or "一" that begins left of
// the digits and covers them (passes differ in what they see of a thin
// dash beside large digits).
func (f *finder) signElsewhere(box Box) bool {
	for _, r := range f.rows {
		for _, w := range r.words {
			t := normText(w.Text)
			if !(strings.HasPrefix(t, "-") || strings.HasPrefix(t, "一") || strings.HasPrefix(t, "—")) {
				continue
			}
			if w.Box.X < box.X && w.Box.Right() > box.X+box.W/2 && overlaps(w.Box, box) &&
				len(t) > 3 && strings.ContainsAny(t, "0123456789") {
				return true
			}
		}
	}
	return false
}

func overlaps(a, b Box) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

// signTouches reports whether the sign at byte sign of the row belongs to
// the amount starting at byte digits: in the same word, or in a word that
// ends right before it (an icon read as 一 stands apart).
func (f *finder) signTouches(r row, sign, digits int) bool {
	ws, wd := r.wordAt(sign), r.wordAt(digits)
	if ws == wd {
		return true
	}
	if wd != ws+1 {
		return false
	}
	return r.words[wd].Box.X-r.words[ws].Box.Right() < r.words[wd].Box.H/2
}

// parseAmount reads "-5,000.00", "一5.000.00" or "5000.00" into fen: the
// last separator before two digits is the decimal point, the others group
// thousands. "一" and dashes before the digits are a minus sign, as phones
// draw it and OCR reads it.
func parseAmount(s string) (money.Fen, bool) {
	neg := false
	for _, p := range []string{"-", "一", "—", "–", "−"} {
		if strings.HasPrefix(s, p) {
			neg, s = true, s[len(p):]
		}
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "¥")
	if len(s) < 4 {
		return 0, false
	}
	intPart, frac := s[:len(s)-3], s[len(s)-2:]
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	t := intPart + "." + frac
	if neg {
		t = "-" + t
	}
	v, err := money.Parse(t)
	return v, err == nil
}

// times reads the labelled times; without a label, a chat's stamp above
// the transfer bubble, or the page's first full time.
func (f *finder) times(hits []labelHit, amount Field, haveAmount bool) []Field {
	var cs []cand
	keys := lineKeys(hits, f.rows)
	for hi, h := range hits {
		if h.def.name != FieldTime && h.def.name != FieldTimeReceived {
			continue
		}
		for _, v := range f.valuesFor(h) {
			t, _, _, ok := findTime(v.spaced)
			if !ok {
				continue
			}
			tv := t
			cs = append(cs, cand{key: keys[hi], rank: timeRank(t), f: Field{Name: h.def.name, Label: h.text,
				Value: t.String(), Raw: v.spaced, Conf: v.conf, Box: v.box, Pass: v.pass, Time: &tv}})
		}
	}
	out := pickEach(cs)
	// One time per name: the first line of each (a page has one 转账时间).
	out = firstPerName(out)
	for _, o := range out {
		if o.Name == FieldTime {
			return out
		}
	}
	if !haveAmount && f.kind == KindChat {
		// The amount of the transfer bubble was not read: its note line
		// (转账, 已收款) marks where the bubble is.
		if note, ok := f.firstBubbleNote(); ok {
			amount, haveAmount = Field{Box: note}, true
		}
	}
	if t, ok := f.unlabelledTime(amount, haveAmount); ok {
		out = append(out, t)
	}
	return out
}

// firstBubbleNote returns the box of the first transfer bubble's note.
func (f *finder) firstBubbleNote() (Box, bool) {
	var best Box
	found := false
	for _, r := range f.rows {
		if bubbleNotes([]row{r}) == 1 && (!found || r.box.Y < best.Y) {
			best, found = r.box, true
		}
	}
	return best, found
}

func firstPerName(fs []Field) []Field {
	sortFields(fs)
	var out []Field
	for i, x := range fs {
		if i > 0 && fs[i-1].Name == x.Name {
			continue
		}
		out = append(out, x)
	}
	return out
}

func timeRank(t LocalTime) int {
	r := 0
	if t.Year != 0 {
		r += 2
	}
	if t.HasSeconds {
		r++
	}
	return r
}

// unlabelledTime is, in a chat, the last stamp above the amount (or the
// first stamp when there is no amount); elsewhere the first time with a
// date on the page.
func (f *finder) unlabelledTime(amount Field, haveAmount bool) (Field, bool) {
	var cs []cand
	for _, r := range f.rows {
		sp := r.spaced(0)
		t, _, _, ok := findTime(sp)
		if !ok {
			continue
		}
		if f.kind == KindChat {
			if !isTimeOnly(sp) {
				continue
			}
			if haveAmount && r.box.Y > amount.Box.Y {
				continue
			}
		}
		tv := t
		box, conf := r.span(0, len(r.compact))
		cs = append(cs, cand{rank: timeRank(t), f: Field{Name: FieldTime, Value: t.String(), Raw: sp,
			Conf: conf, Box: box, Pass: r.pass, Time: &tv}})
	}
	if len(cs) == 0 {
		return Field{}, false
	}
	// The stamp nearest above the amount in a chat, else the topmost:
	// group the readings by line, choose the line, merge the passes.
	target := cs[0].f.Box
	for _, c := range cs {
		if f.kind == KindChat && haveAmount {
			if c.f.Box.Y > target.Y {
				target = c.f.Box
			}
		} else if c.f.Box.Y < target.Y {
			target = c.f.Box
		}
	}
	var same []cand
	for _, c := range cs {
		if sameLine(target, target.H, c.f.Box) {
			same = append(same, c)
		}
	}
	return pick(same), true
}

var (
	reTransferTo = regexp.MustCompile(`(?:转账给|转给)([^\d\s,，。]{1,20})$`)
	// 待张三收款, 待张三确认收款; the last character is often misread.
	reWaitFor  = regexp.MustCompile(`^待(.{1,12}?)(?:确认)?收.?$`)
	reReceived = regexp.MustCompile(`^(.{1,20}?)已收[款钱]$`)
)

// counterparty is the payee: a labelled value, else a headline such as
// 待张三收款 or 转账-转给张三, else (a chat) the title.
func (f *finder) counterparty(hits []labelHit) (Field, bool) {
	var cs []cand
	keys := lineKeys(hits, f.rows)
	for hi, h := range hits {
		if h.def.name != FieldCounterparty {
			continue
		}
		rank := 3
		if h.text == "对方" || h.text == "商户全称" {
			rank = 2
		}
		for _, v := range f.valuesFor(h) {
			name := cleanName(v.spaced)
			if name == "" {
				continue
			}
			// A longer label read on the line (收款方全称 over 收款方 with the
			// rest misread into the name) wins, then the more Chinese.
			rank := rank*10000 + utf8.RuneCountInString(h.def.text)*100 + hanCount(name)
			if !h.fuzzy {
				rank += 100000 // a label read exactly beats one read with a slip
			}
			if reMasked.MatchString(name) {
				rank += 50 // the form WeChat shows: 张三(**三)
			}
			cs = append(cs, cand{key: keys[hi], rank: rank, f: Field{Name: FieldCounterparty, Label: h.text,
				Value: name, Raw: v.spaced, Conf: v.conf, Box: v.box, Pass: v.pass}})
		}
	}
	if len(cs) > 0 {
		// The labelled line with the best reading, the first of equals.
		best := cs[0]
		for _, c := range cs[1:] {
			if c.rank > best.rank {
				best = c
			}
		}
		var line []cand
		for _, c := range cs {
			if c.key == best.key {
				line = append(line, c)
			}
		}
		return mergeMask(pick(line), line), true
	}
	for _, r := range f.rows {
		text := strings.Trim(r.compact, junk)
		for _, re := range []*regexp.Regexp{reTransferTo, reWaitFor, reReceived} {
			m := re.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			name := cleanName(m[1])
			if name == "" || name == "你" || name == "您" || name == "对方" || name == "朋友" {
				continue
			}
			box, conf := r.span(0, len(r.compact))
			cs = append(cs, cand{f: Field{Name: FieldCounterparty, Value: name, Raw: r.spaced(0),
				Conf: conf, Box: box, Pass: r.pass}})
			break
		}
	}
	if len(cs) > 0 {
		return pick(cs), true
	}
	if f.kind == KindChat {
		return f.chatTitle()
	}
	return Field{}, false
}

// reMaskedJunk is a masked name whose last character was misread as a
// sign (三 read as "=" by the English model): 张三(**=).
var reMaskedJunk = regexp.MustCompile(`^([^()]+)\((\*+)[^*()\p{Han}]\)$`)

// reMaskedHan is the same name read by the Chinese model, which takes the
// mask for a character: 张三(扩三).
var reMaskedHan = regexp.MustCompile(`^([^()]+)\(\P{Han}*\p{Han}?(\p{Han})\)$`)

// mergeMask combines two readings of a masked name, the mask from one and
// the last character from the other, when both agree on the name before
// the parentheses: 张三(**=) and 张三(扩三) give 张三(**三). Only the form
// WeChat prints is built; the name itself is never changed.
func mergeMask(best Field, line []cand) Field {
	if reMasked.MatchString(best.Value) {
		return best
	}
	for _, a := range line {
		ma := reMaskedJunk.FindStringSubmatch(a.f.Value)
		if ma == nil {
			continue
		}
		for _, b := range line {
			mb := reMaskedHan.FindStringSubmatch(b.f.Value)
			if mb == nil || mb[1] != ma[1] || a.f.Pass == b.f.Pass {
				continue
			}
			out := b.f
			out.Value = ma[1] + "(" + ma[2] + mb[2] + ")"
			out.Conf = min(a.f.Conf, b.f.Conf)
			out.Agree = 2
			return out
		}
	}
	return best
}

// chatTitle is the centred text of the title bar: in the top rows of
// each pass, the words near the page's centre that are not a clock (the
// back arrow and the menu dots share the row).
func (f *finder) chatTitle() (Field, bool) {
	var cs []cand
	topRows := map[int]int{}
	centre2, width := f.left+f.right, f.right-f.left
	for _, r := range f.rows {
		if topRows[r.pass] >= 3 {
			continue
		}
		topRows[r.pass]++
		var ws []Word
		for _, w := range r.words {
			if abs(w.Box.X+w.Box.Right()-centre2) <= width/4 && w.Box.W < width/2 {
				ws = append(ws, w)
			}
		}
		if len(ws) == 0 {
			continue
		}
		t := row{pass: r.pass, words: ws, box: ws[0].Box}
		for _, w := range ws[1:] {
			t.box = t.box.Union(w.Box)
		}
		t.finish()
		text := strings.Trim(t.compact, junk)
		if text == "" || isTimeOnly(text) || utf8.RuneCountInString(text) > 24 ||
			abs(t.box.X+t.box.Right()-centre2) > width/8 {
			continue
		}
		name := cleanName(t.spaced(0))
		if name == "" {
			continue
		}
		box, conf := t.span(0, len(t.compact))
		cs = append(cs, cand{rank: hanCount(name), f: Field{Name: FieldCounterparty, Value: name, Raw: t.spaced(0),
			Conf: conf, Box: box, Pass: r.pass}})
		topRows[r.pass] = 3
	}
	if len(cs) == 0 {
		return Field{}, false
	}
	return pick(cs), true
}

// hanCount counts the Chinese characters of s: OCR misreads Chinese as
// Latin junk far more often than the other way, so of two readings the
// one with more Chinese is taken.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

// reMask is the masked part of a name, 张三(**三): the mask is always '*',
// which OCR reads as '#', '×' or '+'.
var reMask = regexp.MustCompile(`[(（]([*#×+xX＊“”"']+)`)

// reMasked is a name with its real name masked but the last character.
var reMasked = regexp.MustCompile(`^[^()]+\(\*+[^*()]\)$`)

// cleanName trims OCR junk around a name and writes the mask of a masked
// name as '*'; a name must hold a letter.
func cleanName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), " “”\"'|丨:：,，.。、")
	s = reMask.ReplaceAllStringFunc(s, func(m string) string {
		r := []rune(m)
		return "(" + strings.Repeat("*", len(r)-1)
	})
	if i := strings.IndexAny(s, "(（"); i >= 0 {
		// Inside the parentheses OCR puts spaces between mask and name.
		s = s[:i] + strings.ReplaceAll(s[i:], " ", "")
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return s
		}
	}
	return ""
}

var reCardTail = regexp.MustCompile(`(?:[(（]\s*(\d{4})\s*[)）]|尾号\s*(\d{4})|\*{2,}\s*(\d{4})$)`)

// method reads how the payment was made and the card's last four digits.
func (f *finder) method(hits []labelHit) []Field {
	var cs []cand
	keys := lineKeys(hits, f.rows)
	for hi, h := range hits {
		if h.def.name != FieldMethod {
			continue
		}
		for _, v := range f.valuesFor(h) {
			m := cleanName(strings.ReplaceAll(v.spaced, " (", "("))
			if m == "" {
				continue
			}
			cs = append(cs, cand{key: keys[hi], f: Field{Name: FieldMethod, Label: h.text, Value: m,
				Raw: v.spaced, Conf: v.conf, Box: v.box, Pass: v.pass}})
		}
	}
	if len(cs) == 0 {
		return nil
	}
	fs := firstPerName(pickEach(cs))
	out := []Field{fs[0]}
	if sm := reCardTail.FindStringSubmatch(fs[0].Value); sm != nil {
		tail := sm[1] + sm[2] + sm[3]
		t := fs[0]
		t.Name, t.Value = FieldCardTail, tail
		out = append(out, t)
	}
	return out
}
