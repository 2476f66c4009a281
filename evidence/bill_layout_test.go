package evidence_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
)

// TestBankLayoutUnknown: a bank statement whose columns no layout places
// stays a document and carries bill_layout_unknown naming its columns; a
// known bank export becomes a bill without that finding.
func TestBankLayoutUnknown(t *testing.T) {
	read := func(name string) *evidence.Item {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("bill", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		it, err := evidence.Read(name, bytes.NewReader(data), nil, time.Time{}, evidence.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	it := read("bank-unknown-layout.csv")
	if it.Kind == evidence.KindBill || !hasFinding(it, "bill_layout_unknown", evidence.Warning) {
		t.Fatalf("kind %s, findings %+v", it.Kind, it.Findings)
	}
	for _, f := range it.Findings {
		if f.Code == "bill_layout_unknown" && (!strings.Contains(f.MessageZh, "日期, 对方, 变动金额, 余额, 说明") || !strings.Contains(f.MessageEn, "变动金额")) {
			t.Errorf("finding %+v does not name the columns", f)
		}
	}
	it = read("bank-icbc-debit.csv")
	if it.Kind != evidence.KindBill || it.Meta.Rows != 5 || hasFinding(it, "bill_layout_unknown", evidence.Warning) {
		t.Errorf("icbc: kind %s, rows %d, findings %+v", it.Kind, it.Meta.Rows, it.Findings)
	}
}
