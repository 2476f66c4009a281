package bill_test

import (
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
