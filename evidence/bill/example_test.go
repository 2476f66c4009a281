package bill_test

import (
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/casebundle/casebundle/evidence/bill"
)

func ExampleParse() {
	data, err := os.ReadFile("testdata/alipay-2023.csv") // GBK, as Alipay writes it
	if err != nil {
		log.Fatal(err)
	}
	b, err := bill.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.Provider, b.Layout, b.Account, len(b.Rows), "rows")
	fmt.Println("period", b.Start.Format("2006-01-02"), "to", b.End.Format("2006-01-02"))
	for _, r := range b.Rows {
		if r.TxnID == "2025110322001412345678901234" {
			fmt.Println(r.Time.Format("2006-01-02 15:04 MST"), r.Direction, r.Amount, r.Counterparty, "line", r.Line)
		}
	}
	// Output:
	// alipay alipay-csv-2023 liming@example.com 5 rows
	// period 2025-11-01 to 2025-11-30
	// 2025-11-03 14:05 UTC+8 out 5000.00 张三 line 20
}

// A bank statement: the bank and card are named, amounts are fen with a
// direction, and an export whose columns cannot be placed says which
// columns it saw.
func ExampleParse_bank() {
	data, err := os.ReadFile("testdata/bank-cmb-credit.csv") // GBK, MM/DD dates
	if err != nil {
		log.Fatal(err)
	}
	b, err := bill.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.Bank, b.Card, len(b.Rows), "rows")
	r := b.Rows[0]
	fmt.Println(r.Time.Format("2006-01-02"), r.Direction, r.Amount, r.Type)

	_, err = bill.Parse([]byte("日期,对方,变动金额,余额\n2024-01-05,张三,-5000.00,1000.00\n"))
	var le *bill.LayoutError
	if errors.As(err, &le) {
		fmt.Println(le.Columns, errors.Is(err, bill.ErrNotBill))
	}
	// Output:
	// CMB credit 6 rows
	// 2023-12-29 in 1.23 掌上生活还款
	// [日期 对方 变动金额 余额] true
}
