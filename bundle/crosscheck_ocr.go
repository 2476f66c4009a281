package bundle

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/ocr"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
	"github.com/casebundle/casebundle/templates"
)

// Cross-checks of what was read from screenshots (Item.OCR) against the
// IDs of case.yaml, the bills and the chats. A wrong link is worse than
// none, so:
//
//   - a screenshot is linked to a transaction only when an ID field whose
//     form is valid (or has no fixed form) equals a known ID exactly;
//   - a number read with low confidence, or failing its form, that is one
//     character from a known ID is an ocr_id_near_match note ("probably
//     …, check by eye") and never linked;
//   - a linked screenshot whose amount, time or payee differs from the
//     bill row of its ID is an ocr_bill_mismatch warning naming both
//     exhibits and both values;
//   - a case.yaml transaction that no bill or screenshot shows is a
//     txn_not_shown note.
//
// None of it stops a build. What each field matches is kept on the
// exhibit (Exhibit.ocr) for the dossier's table.

// ocrLowConf is the word confidence below which a number is read unsurely:
// Tesseract gives the clean digits of a payment page 90 and more.
const ocrLowConf = 80

// screenMatch is what the fields of one screenshot match, for the dossier.
type screenMatch struct {
	rows  []screenRow
	shows []screenShow // the IDs linked exactly, in field order
}

// screenRow is one line of the dossier's "read from the image" table.
type screenRow struct {
	field, value     string
	matchZh, matchEn string
	alert            bool // a mismatch or a near miss: the reader must look
}

// screenShow is an ID a screenshot was linked by.
type screenShow struct{ field, value string }

// knownID is one place an ID is known: a case.yaml transaction, a bill row
// or a chat's message.
type knownID struct {
	txn     string        // the transaction of manifest.json it belongs to; "" for a chat's mention
	where   evidence.Text // "case.yaml 第 12 行" / "case.yaml line 12"
	exhibit int           // 0 for case.yaml
	row     *bill.Row     // a bill row
	caseTxn *CaseTxn      // a case.yaml transaction
}

// matchText is "= where" in both languages.
func (k knownID) matchText() evidence.Text {
	return evidence.Text{Zh: "= " + k.where.Zh, En: "= " + k.where.En}
}

// ocrFieldText names a field in both languages, for the findings.
var ocrFieldText = map[string]evidence.Text{
	ocr.FieldTransactionID:   {Zh: "交易单号", En: "transaction ID"},
	ocr.FieldTransferID:      {Zh: "转账单号", En: "transfer ID"},
	ocr.FieldMerchantOrderID: {Zh: "商户单号", En: "merchant order number"},
	ocr.FieldOrderID:         {Zh: "订单号", En: "order number"},
	ocr.FieldSerial:          {Zh: "交易流水号", En: "serial number"},
	ocr.FieldAmount:          {Zh: "金额", En: "amount"},
	ocr.FieldTime:            {Zh: "时间", En: "time"},
	ocr.FieldCounterparty:    {Zh: "收款方", En: "payee"},
}

// knownIDs indexes every ID of the case.
func knownIDs(a *Analysis) (map[string][]knownID, []string) {
	known := map[string][]knownID{}
	add := func(id string, k knownID) {
		if id != "" {
			known[id] = append(known[id], k)
		}
	}
	for i := range a.Case.Transactions {
		t := &a.Case.Transactions[i]
		id := evidence.ParseTxnID(t.ID).ID
		add(id, knownID{txn: id, caseTxn: t,
			where: evidence.Text{Zh: fmt.Sprintf("case.yaml 第 %d 行", t.Line), En: fmt.Sprintf("case.yaml line %d", t.Line)}})
	}
	for _, e := range a.Exhibits {
		if b := e.Item.Bill; b != nil {
			for i := range b.Rows {
				r := &b.Rows[i]
				where := evidence.Text{Zh: fmt.Sprintf("证据 %d（账单）第 %d 行", e.Number, r.Line), En: fmt.Sprintf("exhibit %d (bill) line %d", e.Number, r.Line)}
				txn := r.TxnID
				if txn == "" {
					txn = r.MerchantID
				}
				add(r.TxnID, knownID{txn: txn, where: where, exhibit: e.Number, row: r})
				if r.MerchantID != r.TxnID {
					add(r.MerchantID, knownID{txn: txn, where: where, exhibit: e.Number, row: r})
				}
			}
		}
		if c := e.Item.Chat; c != nil {
			seen := map[string]bool{}
			for _, m := range c.Messages {
				for _, tok := range idTokens(m.Text) {
					if !seen[tok] {
						seen[tok] = true
						add(tok, knownID{exhibit: e.Number,
							where: evidence.Text{Zh: fmt.Sprintf("证据 %d（聊天）", e.Number), En: fmt.Sprintf("exhibit %d (chat)", e.Number)}})
					}
				}
			}
		}
	}
	list := make([]string, 0, len(known))
	for id := range known {
		list = append(list, id)
	}
	sort.Strings(list)
	return known, list
}

// crossCheckScreens links the screenshots to the transactions they show
// and records what every field read matches.
func crossCheckScreens(a *Analysis) {
	known, list := knownIDs(a)
	txnAt := map[string]int{}
	for i, t := range a.Txns {
		txnAt[t.ID] = i
	}
	shown := map[string]bool{} // transactions a screenshot shows
	for ei := range a.Exhibits {
		e := &a.Exhibits[ei]
		page := e.Item.OCR
		if page == nil {
			continue
		}
		sm := &screenMatch{}
		var links []knownID
		for _, f := range page.Fields {
			if !ocr.IsID(f.Name) {
				continue
			}
			form := ocr.FormUnknown
			if f.Form != nil {
				form = f.Form.Form
			}
			row := screenRow{field: f.Name, value: f.Value}
			ks := known[f.Value]
			switch {
			case len(ks) > 0 && form != ocr.FormInvalid:
				var zh, en []string
				for _, k := range ks {
					m := k.matchText()
					if !contains(zh, m.Zh) {
						zh, en = append(zh, m.Zh), append(en, m.En)
					}
					links = append(links, k)
					if ti, ok := txnAt[k.txn]; ok && k.txn != "" {
						if !containsInt(a.Txns[ti].Exhibits, e.Number) {
							a.Txns[ti].Exhibits = append(a.Txns[ti].Exhibits, e.Number)
							sort.Ints(a.Txns[ti].Exhibits)
						}
						shown[k.txn] = true
					}
				}
				row.matchZh, row.matchEn = strings.Join(zh, "\n"), strings.Join(en, "\n")
				sm.shows = append(sm.shows, screenShow{f.Name, f.Value})
			case form == ocr.FormInvalid || f.Conf < ocrLowConf:
				if k, ok := ocr.NearMatch(f.Value, list); ok {
					e.Item.Add(evidence.CodeOCRIDNearMatch, f.Value, fieldText(f.Name), k, known[k][0].where)
					row.matchZh, row.matchEn = "可能是 "+k+"，请人工核对（未关联）", "probably "+k+", check by eye (not linked)"
					row.alert = true
				} else if form == ocr.FormInvalid {
					row.matchZh, row.matchEn = "格式不符："+f.Form.ReasonZh, "not of its form: "+f.Form.Reason
				} else {
					row.matchZh, row.matchEn = "识别把握不大，案件中未见", "read unsurely; not elsewhere in the case"
				}
			default:
				row.matchZh, row.matchEn = "案件中未见", "not elsewhere in the case"
			}
			sm.rows = append(sm.rows, row)
		}
		for _, f := range page.Fields {
			if ocr.IsID(f.Name) {
				continue
			}
			row := screenRow{field: f.Name, value: f.Value}
			if f.Fen != nil {
				row.value = f.Fen.Grouped() // as the page shows it: 5,000.00
			}
			switch f.Name {
			case ocr.FieldAmount, ocr.FieldTime, ocr.FieldCounterparty:
				row.matchZh, row.matchEn, row.alert = compareField(e, page, f, links)
			}
			sm.rows = append(sm.rows, row)
		}
		e.ocr = sm
	}
	for i := range a.Txns {
		t := &a.Txns[i]
		if len(t.Sources) == 1 && t.Sources[0] == CaseFile && !shown[t.ID] {
			t.Findings = append(t.Findings, evidence.NewFinding(evidence.CodeTxnNotShown, CaseFile, t.ID))
		}
	}
}

func fieldText(name string) evidence.Text {
	if t, ok := ocrFieldText[name]; ok {
		return t
	}
	return evidence.Text{Zh: name, En: name}
}

// compareField compares a screenshot's amount, time or payee with the
// bill rows and case.yaml transactions its IDs were linked to. A bill row
// that differs is an ocr_bill_mismatch warning on the screenshot.
func compareField(e *Exhibit, page *ocr.Page, f ocr.Field, links []knownID) (zh, en string, alert bool) {
	var zhs, ens []string
	seen := map[string]bool{}
	for _, k := range links {
		if k.row == nil && k.caseTxn == nil {
			continue
		}
		key := k.where.En
		if seen[key] {
			continue
		}
		seen[key] = true
		shot, other, same, ok := compareOne(page, f, k)
		if !ok {
			continue
		}
		if same {
			zhs, ens = append(zhs, "= "+k.where.Zh), append(ens, "= "+k.where.En)
			continue
		}
		alert = true
		ft := fieldText(f.Name)
		if k.row != nil {
			zhs = append(zhs, fmt.Sprintf("≠ 账单：%s %s 对 %s", ft.Zh, shot, other))
			ens = append(ens, fmt.Sprintf("≠ bill: %s %s vs %s", ft.En, shot, other))
			e.Item.Add(evidence.CodeOCRBillMismatch, ft, k.txn, e.Number, shot, k.where, other)
		} else {
			zhs = append(zhs, fmt.Sprintf("≠ case.yaml：%s %s 对 %s", ft.Zh, shot, other))
			ens = append(ens, fmt.Sprintf("≠ case.yaml: %s %s vs %s", ft.En, shot, other))
		}
	}
	return strings.Join(zhs, "\n"), strings.Join(ens, "\n"), alert
}

// compareOne compares one field with one known record: the two values as
// shown, whether they agree, and ok false when the record has no such
// value to compare.
func compareOne(page *ocr.Page, f ocr.Field, k knownID) (shot, other string, same, ok bool) {
	switch f.Name {
	case ocr.FieldAmount:
		if f.Fen == nil {
			return "", "", false, false
		}
		v := *f.Fen
		if v < 0 {
			v = -v // the sign is the page's way of saying "paid"; a bill gives a direction
		}
		var want money.Fen
		switch {
		case k.row != nil:
			want = k.row.Amount
		case k.caseTxn.Amount.Set:
			want = k.caseTxn.Amount.Fen
		default:
			return "", "", false, false
		}
		return v.Grouped(), want.Grouped(), v == want, true
	case ocr.FieldTime:
		if f.Time == nil {
			return "", "", false, false
		}
		var want time.Time
		switch {
		case k.row != nil && !k.row.Time.IsZero():
			want = k.row.Time
		case k.caseTxn != nil && k.caseTxn.Time.Set:
			want = k.caseTxn.Time.Time
		default:
			return "", "", false, false
		}
		want = want.In(tz.Shanghai)
		lt := *f.Time
		if lt.Year == 0 {
			lt.Year = want.Year() // a chat stamp without a year: the record's
		}
		// The screenshot's wall clock is read as UTC+8, the zone of the
		// bills; a phone elsewhere would show another hour.
		at, _ := lt.In(tz.Shanghai)
		slack := timeSlack
		if !f.Time.HasSeconds {
			slack += time.Minute
		}
		return f.Value, want.Format("2006-01-02 15:04:05"), absDur(at.Sub(want)) <= slack, true
	case ocr.FieldCounterparty:
		if page.Kind == ocr.KindChat {
			return "", "", false, false // a chat's title is a nickname, not the payee of a bill
		}
		var want string
		switch {
		case k.row != nil:
			want = k.row.Counterparty
		case k.caseTxn != nil:
			want = k.caseTxn.Counterparty
		}
		a, b := nameKey(f.Value), nameKey(want)
		if a == "" || b == "" {
			return "", "", false, false
		}
		return f.Value, want, a == b || strings.Contains(a, b) || strings.Contains(b, a), true
	}
	return "", "", false, false
}

// nameKey is a name as compared: what stands before a masked bracket
// (张三(**三) is 张三), without spaces.
func nameKey(s string) string {
	if i := strings.IndexAny(s, "(（"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), "")
}

// view is the match for the dossier (nil for none).
func (sm *screenMatch) view() *templates.OCRView {
	if sm == nil {
		return nil
	}
	v := &templates.OCRView{}
	for _, r := range sm.rows {
		v.Rows = append(v.Rows, templates.OCRRow{Field: r.field, Value: r.value, MatchZh: r.matchZh, MatchEn: r.matchEn, Alert: r.alert})
	}
	for _, s := range sm.shows {
		v.Shows = append(v.Shows, templates.OCRShow{Field: s.field, Value: s.value})
	}
	return v
}
