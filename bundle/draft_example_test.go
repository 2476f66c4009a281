package bundle_test

import (
	"fmt"
	"time"

	"github.com/casebundle/casebundle/bundle"
	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/bill"
)

// A bill that shows one transfer: the draft proposes it with the file it
// was read from, and Missing lists it for a case.yaml that lacks it.
func ExampleDraft() {
	paid := time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC) // 14:05 Beijing time
	a := &bundle.Analysis{Case: &bundle.Case{}, Exhibits: []bundle.Exhibit{{Number: 1, Item: &evidence.Item{
		Path: "账单.csv", Kind: evidence.KindBill, Bill: &bill.Bill{Provider: "wechat", Rows: []bill.Row{{
			Time: paid, Type: "转账", Counterparty: "张三", Direction: "out", Amount: 500000,
			TxnID: "1000050001202511030123456789012", Line: 18}}}}}}}
	d := bundle.Draft(a)
	t := d.Transactions[0]
	fmt.Println(t.ID.Value, t.Time.Value, t.Amount.Value, t.Direction.Value, t.Counterparty.Value, "from", t.ID.From)
	fmt.Println("other party:", d.Respondent.Name.Value, "platform:", d.Platform.Value, "type:", d.ComplaintType.Value)
	fmt.Println(len(d.Missing(&bundle.Case{}).Transactions), "to paste")
	// Output:
	// 1000050001202511030123456789012 2025-11-03T14:05:00+08:00 5000.00 out 张三 from 账单.csv
	// other party: 张三 platform: wechat type: wrong_transfer
	// 1 to paste
}
