package web

import "testing"

// TestFactsOfferDraft: the facts page offers what the shared draft
// (bundle.Draft) found beyond the bills' rows, a number read from a
// screenshot and the other party's WeChat ID, marked prefilled with the
// file it came from; a number case.yaml has is not offered again.
func TestFactsOfferDraft(t *testing.T) {
	doc, err := parseCaseDoc([]byte("transactions:\n  - id: \"4200002345202511031234567890\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := &analysis{
		drafted: []draftedTxn{
			{ID: "1000050001202511030123456789012345", Time: "2025-11-03T14:05:12+08:00", Amount: "5000.00", Direction: "out", Counterparty: "张三", From: "shots/转账.png", Disputed: true},
			{ID: "4200002345202511031234567890", From: "shots/账单详情.png"},
		},
		draftParty: map[string]field{"respondent.wechat_id": {Value: "zhangsan_1988", Prefilled: true, From: "shots/名片.png"}},
	}
	fv := factsFromDoc("zh", doc, a)
	var got *txnRow
	n := 0
	for i, r := range fv.Txns {
		if r.ID == "1000050001202511030123456789012345" {
			got = &fv.Txns[i]
		}
		if r.ID == "4200002345202511031234567890" {
			n++
		}
	}
	if got == nil {
		t.Fatalf("the screenshot's number is not offered: %+v", fv.Txns)
	}
	if !got.Prefilled || got.From != "shots/转账.png" || !got.Suggested || got.Time != "2025-11-03 14:05:12" || got.Amount != "5000.00" || !got.Disputed {
		t.Errorf("offered row %+v", *got)
	}
	if n != 1 {
		t.Errorf("the number case.yaml has appears %d times", n)
	}
	found := false
	for _, g := range fv.Groups {
		for _, f := range g.Fields {
			if f.Name == "respondent.wechat_id" {
				found = true
				if f.Value != "zhangsan_1988" || !f.Prefilled || f.From != "shots/名片.png" {
					t.Errorf("wechat_id field %+v", f)
				}
			}
		}
	}
	if !found || !fv.AnyPrefilled {
		t.Errorf("no prefilled respondent.wechat_id field")
	}
}
