package docx_test

import (
	"fmt"
	"time"

	"github.com/casebundle/casebundle/internal/docx"
)

func Example() {
	d := docx.New("SimSun", 10.5, "zh-CN")
	d.SetFooter(docx.Footer{Before: "第 ", Between: " 页 / 共 ", After: " 页"})
	d.Paragraph(docx.Para{Text: "催告函", Align: docx.Center, Size: 18, Bold: true})
	d.Paragraph(docx.Para{Text: "张三：\n请于收到本函之日起7日内返还5,000.00元。"})
	d.Table(docx.Table{Widths: []float64{40, 134}, Header: []string{"交易单号", "金额"},
		Rows: [][]string{{"4200002345202511031234567890", "5,000.00"}}})
	b, err := d.Bytes(time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b[:2]))
	// Output: PK
}
