package ocr

import "testing"

func TestCheckID(t *testing.T) {
	cases := []struct {
		kind, id, form, date string
	}{
		{IDWeChatTransaction, "4200002345202511031234567890", FormValid, "2025-11-03"},
		{IDWeChatTransaction, "420000234520251103123456789", FormInvalid, ""},  // a dropped digit
		{IDWeChatTransaction, "4200002345202513031234567890", FormInvalid, ""}, // month 13
		{IDWeChatTransaction, "5200002345202511031234567890", FormInvalid, ""},
		{IDWeChatTransaction, "42000023452025110312345678O0", FormInvalid, ""}, // letter O
		{IDWeChatTransfer, "1000050001202511030123456789012345", FormValid, "2025-11-03"},
		{IDWeChatTransfer, "100005000120251103012345678901234", FormValid, "2025-11-03"},
		{IDWeChatTransfer, "10000500012025110301234567", FormInvalid, ""}, // a line lost
		{IDWeChatTransfer, "2000050001202511030123456789012345", FormInvalid, ""},
		{IDAlipayOrder, "2025110322001456781234567890", FormValid, "2025-11-03"},
		{IDAlipayOrder, "20251103200040011100123456789012", FormValid, "2025-11-03"},
		{IDAlipayOrder, "202511032200145678123456789", FormInvalid, ""},
		{IDAlipayOrder, "2025190322001456781234567890", FormInvalid, ""},
		{IDBankSerial, "HQP20251103140512345678", FormValid, ""},
		{IDBankSerial, "HQP-2025", FormInvalid, ""},
		{IDBankSerial, "12345", FormInvalid, ""},
		{IDMerchantOrder, "M20251103140512001234567", FormUnknown, ""},
		{IDMerchantOrder, "T2025_11-03", FormUnknown, ""},
		{IDMerchantOrder, "订单", FormInvalid, ""},
	}
	for _, c := range cases {
		got := CheckID(c.kind, c.id)
		if got.Form != c.form || got.Date != c.date || got.Kind != c.kind {
			t.Errorf("CheckID(%s, %s) = %+v, want form %s date %q", c.kind, c.id, got, c.form, c.date)
		}
		if got.Form == FormInvalid && (got.Reason == "" || got.ReasonZh == "") {
			t.Errorf("CheckID(%s, %s): invalid without a reason", c.kind, c.id)
		}
	}
}

func TestFormFor(t *testing.T) {
	cases := []struct {
		name string
		kind Kind
		v    string
		want string
	}{
		{FieldTransferID, KindChat, "1", IDWeChatTransfer},
		{FieldTransactionID, KindWeChatBill, "1", IDWeChatTransaction},
		{FieldTransactionID, KindBankTransfer, "1", IDBankSerial},
		{FieldOrderID, KindAlipayBill, "1", IDAlipayOrder},
		{FieldOrderID, KindOther, "4200", IDWeChatTransaction},
		{FieldOrderID, KindOther, "X1", IDMerchantOrder},
		{FieldSerial, KindBankTransfer, "1", IDBankSerial},
		{FieldMerchantOrderID, KindWeChatBill, "1", IDMerchantOrder},
		{"", KindChat, "10000500012025", IDWeChatTransfer},
		{"", KindChat, "20251103", IDAlipayOrder},
	}
	for _, c := range cases {
		if got := formFor(c.name, c.kind, c.v); got != c.want {
			t.Errorf("formFor(%s, %s, %s) = %s, want %s", c.name, c.kind, c.v, got, c.want)
		}
	}
}

func TestNearMatch(t *testing.T) {
	known := []string{"4200002345202511031234567890", "1000050001202511030123456789012345"}
	cases := []struct {
		read, want string
		ok         bool
	}{
		{"420000234520251103123456789", known[0], true},   // dropped digit
		{"42000023452025110312345678900", known[0], true}, // inserted digit
		{"4200002345202511031234567891", known[0], true},  // substitution
		{"4200002345202511031234567801", "", false},       // two apart
		{"4200002345202511031234567890", "", false},       // exact: not a near match
		{"100005000120251103012345678901234", known[1], true},
		{"12345", "", false}, // too short
	}
	for _, c := range cases {
		got, ok := NearMatch(c.read, known)
		if got != c.want || ok != c.ok {
			t.Errorf("NearMatch(%s) = %q, %v; want %q, %v", c.read, got, ok, c.want, c.ok)
		}
	}
	// Ambiguous: one character from two known IDs.
	if got, ok := NearMatch("1234567", []string{"1234568", "1234569"}); ok {
		t.Errorf("ambiguous read matched %s", got)
	}
}
