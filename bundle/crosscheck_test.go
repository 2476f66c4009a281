package bundle

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebundle/casebundle/internal/samplegen"
)

func findingCodes(t ManifestTxn) map[string]bool {
	m := map[string]bool{}
	for _, f := range t.Findings {
		m[f.Code] = true
	}
	return m
}

// TestCrossCheck puts the demo bill and chat in a case whose case.yaml
// names one ID that is in the bill and one that is not, and one whose
// amount disagrees with the bill.
func TestCrossCheck(t *testing.T) {
	dir := t.TempDir()
	bill, err := samplegen.DemoBillXLSX()
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "bill.xlsx"), bill, 0o644))
	must(os.WriteFile(filepath.Join(dir, "chat.csv"), samplegen.DemoChatCSV(), 0o644))
	must(os.WriteFile(filepath.Join(dir, CaseFile), []byte(`transactions:
  - id: "4200002345202511031234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.00
    direction: out
    counterparty: 张三
    disputed: true
  - id: "4200002345202511039999999999"
    time: 2025-11-03T15:00:00+08:00
    amount: 20.00
    direction: out
    disputed: true
  - id: "4200002345202511038812560021"
    time: 2025-11-03T18:20:45+08:00
    amount: 81.00
    direction: out
  - id: "4200002345202511051234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 1.00
    direction: out
`), 0o644))
	a, err := Check(context.Background(), dir, Options{OCR: OCROff, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]ManifestTxn{}
	for _, tx := range a.Txns {
		byID[tx.ID] = tx
	}
	if len(byID) != 7+2 { // seven bill rows, two IDs only in case.yaml
		t.Errorf("%d transactions, want 9", len(byID))
	}
	present := byID["4200002345202511031234567890"]
	if len(present.Findings) != 0 {
		t.Errorf("the ID in the bill carries findings: %+v", present.Findings)
	}
	if len(present.Sources) != 2 || present.Exhibits[0] != 1 {
		t.Errorf("sources %v exhibits %v", present.Sources, present.Exhibits)
	}
	if c := findingCodes(byID["4200002345202511039999999999"]); !c["txn_not_in_bill"] {
		t.Errorf("missing ID: findings %v", c)
	}
	if c := findingCodes(byID["4200002345202511038812560021"]); !c["txn_amount_mismatch"] || c["txn_not_in_bill"] {
		t.Errorf("amount mismatch: findings %v", c)
	}
	if c := findingCodes(byID["4200002345202511051234567890"]); !c["txn_id_date_mismatch"] {
		t.Errorf("date mismatch: findings %v", c)
	}
	if a.Loss.String() != "5020.00" {
		t.Errorf("loss %s", a.Loss)
	}
	// The chat's transfer matches the bill row: no finding on the chat.
	for _, e := range a.Exhibits {
		for _, f := range e.Item.Findings {
			if f.Code == "chat_transfer_not_in_bill" {
				t.Errorf("chat transfer reported missing: %+v", f)
			}
		}
	}
}

func TestIDTokens(t *testing.T) {
	got := idTokens("交易单号4200002345202511031234567890，商户单号MT202511011231090001。短号1234567 end")
	want := []string{"4200002345202511031234567890", "MT202511011231090001"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("idTokens = %q, want %q", got, want)
	}
}

// TestFutureDatedIDs: an ID in case.yaml or a bill whose embedded date is
// after the run's --time is invalid, with the reason, on the transaction
// and on the bill item.
func TestFutureDatedIDs(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// The WeChat bill of the bill tests, one row's ID dated 2099-03-03.
	bill, err := os.ReadFile(filepath.Join("..", "evidence", "bill", "testdata", "wechat-2025.csv"))
	must(err)
	bill = bytes.Replace(bill, []byte("4200002345202503031234567890"), []byte("4200002345209903031234567890"), 1)
	must(os.WriteFile(filepath.Join(dir, "bill.csv"), bill, 0o644))
	must(os.WriteFile(filepath.Join(dir, CaseFile), []byte(`transactions:
  - id: "4200002345209911031234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.00
    direction: out
    disputed: true
`), 0o644))
	a, err := Check(context.Background(), dir, Options{OCR: OCROff, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]string{}
	for _, tx := range a.Txns {
		forms[tx.ID] = tx.Form
	}
	if forms["4200002345209911031234567890"] != "invalid" || forms["4200002345209903031234567890"] != "invalid" || forms["4200002345202503045678901234"] != "valid" {
		t.Fatalf("forms = %v: want both IDs dated 2099 invalid, the others valid", forms)
	}
	var onCase bool
	for _, f := range a.Txns[0].Findings {
		onCase = onCase || (f.Code == "txn_id_invalid" && f.Severity == "error" && strings.Contains(f.MessageEn, "after today"))
	}
	if !onCase {
		t.Errorf("case.yaml's future-dated ID: findings %+v, want txn_id_invalid (error) saying after today", a.Txns[0].Findings)
	}
	var onBill bool
	for _, e := range a.Exhibits {
		for _, f := range e.Item.Findings {
			onBill = onBill || (f.Code == "txn_id_invalid" && f.Severity == "warning" && strings.Contains(f.MessageEn, "Line 19 of the bill: the ID 4200002345209903031234567890 is not valid: the date 2099-03-03 inside the ID is after today"))
		}
	}
	if !onBill {
		t.Errorf("the bill row's future-dated ID has no txn_id_invalid finding: %+v", a.Exhibits)
	}
}
