package chat_test

import (
	"fmt"

	"github.com/casebundle/casebundle/evidence/chat"
)

func ExampleParse() {
	// A MemoTrace CSV export (the BOM and CRLF of the real files left out).
	data := []byte("消息ID,类型,发送人,时间,内容,备注,昵称,更多信息\n" +
		"1,文本,张三,2025-11-12 10:10:20,先转账，收到款马上发货,张三,张三,more\n" +
		"2,转账,李明,2025-11-12 10:12:48,\"【发起转账】:￥5000.00\n备注: 手机货款\n\",,,more\n" +
		"3,转账,张三,2025-11-12 10:13:30,\"【已收款】:￥5000.00\n备注: 手机货款\n\",张三,张三,more\n" +
		"4,系统消息,,2025-11-13 09:46:00,\"<revokemsg>\"\"张三\"\" 撤回了一条消息</revokemsg>\",张三,张三,more\n")
	format, _ := chat.Detect(data)
	c, err := chat.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, people, first, last := c.Meta()
	fmt.Println(format, n, people, "me:", c.Me)
	fmt.Println(first.Format("2006-01-02 15:04:05"), "–", last.Format("2006-01-02 15:04:05"), "zone known:", c.ZoneKnown())
	for _, m := range c.Messages {
		fmt.Printf("%s %s %q\n", m.Type, m.Direction, m.Text)
	}
	for _, m := range c.Transfers() {
		t := m.Transfer
		fmt.Println("transfer:", m.Time.Format("2006-01-02 15:04"), t.Direction, t.Amount.Grouped(), t.Status, t.Memo)
	}
	// Output:
	// memotrace-csv 4 [张三 李明] me: 李明
	// 2025-11-12 10:10:20 – 2025-11-13 09:46:00 zone known: false
	// text other "先转账，收到款马上发货"
	// transfer me "[发起转账]:￥5000.00\n备注: 手机货款"
	// transfer other "[已收款]:￥5000.00\n备注: 手机货款"
	// recall  "\"张三\" 撤回了一条消息"
	// transfer: 2025-11-12 10:12 out 5,000.00 已收款 手机货款
}
