package ocr_test

import (
	"fmt"

	"github.com/casebundle/casebundle/evidence/ocr"
)

// Words as Tesseract's TSV gives them; here written by hand.
const exampleTSV = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
	"5\t1\t1\t1\t1\t1\t400\t200\t260\t60\t93\t账单详情\n" +
	"5\t1\t2\t1\t1\t1\t300\t500\t560\t120\t91\t-5,000.00\n" +
	"5\t1\t3\t1\t1\t1\t84\t900\t200\t48\t95\t支付时间\n" +
	"5\t1\t3\t1\t1\t2\t354\t900\t300\t48\t90\t2025年11月3日\n" +
	"5\t1\t3\t1\t1\t3\t680\t900\t200\t48\t92\t14:05:12\n" +
	"5\t1\t4\t1\t1\t1\t84\t1000\t200\t48\t96\t交易单号\n" +
	"5\t1\t4\t1\t1\t2\t354\t1000\t730\t48\t88\t4200002345202511031234567890\n"

func ExampleFindFields() {
	words, err := ocr.ParseTSV([]byte(exampleTSV))
	if err != nil {
		panic(err)
	}
	kind, why := ocr.Classify(words)
	fmt.Println(kind, "because", why)
	for _, f := range ocr.FindFields(words, kind) {
		fmt.Printf("%s %s", f.Name, f.Value)
		if f.Form != nil {
			fmt.Printf(" (%s, dated %s)", f.Form.Form, f.Form.Date)
		}
		if f.Time != nil {
			fmt.Printf(" (zone known: %v)", f.Time.ZoneKnown)
		}
		fmt.Println()
	}
	// Output:
	// wechat_bill_detail because 账单详情, 交易单号
	// transaction_id 4200002345202511031234567890 (valid, dated 2025-11-03)
	// amount -5000.00
	// time 2025-11-03 14:05:12 (zone known: false)
}

func ExampleNearMatch() {
	known := []string{"4200002345202511031234567890"}
	// A low-confidence read with a dropped 0.
	if id, ok := ocr.NearMatch("420000234520251103123456789", known); ok {
		fmt.Println("probably", id, "- check by eye")
	}
	// Output: probably 4200002345202511031234567890 - check by eye
}

func ExampleCheckID() {
	f := ocr.CheckID(ocr.IDWeChatTransfer, "10000500012025110301234567")
	fmt.Println(f.Form, "-", f.Reason)
	// Output: invalid - a WeChat 转账单号 has 31 to 40 digits, this one has 26
}
