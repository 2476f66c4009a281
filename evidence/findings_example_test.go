package evidence_test

import (
	"fmt"

	"github.com/casebundle/casebundle/evidence"
)

func ExampleNewFinding() {
	where := evidence.Text{Zh: "case.yaml 第 12 行", En: "case.yaml line 12"}
	problem := evidence.Text{Zh: "微信支付交易单号应为 28 位数字，此处为 27 位", En: "a WeChat Pay transaction ID has 28 digits, this one has 27"}
	f := evidence.NewFinding(evidence.CodeTxnIDInvalid, "case.yaml", where, "420000123420251103567890123", problem)
	fmt.Println(f.Code, f.Severity)
	fmt.Println(f.MessageZh)
	fmt.Println(f.MessageEn)
	zh, en := evidence.CodeTxnIDInvalid.Hint()
	fmt.Println(zh)
	fmt.Println(en)
	// Output:
	// txn_id_invalid error
	// case.yaml 第 12 行：交易单号 420000123420251103567890123 格式无效：微信支付交易单号应为 28 位数字，此处为 27 位。请从支付详情页重新复制单号。
	// case.yaml line 12: transaction ID 420000123420251103567890123 is not valid: a WeChat Pay transaction ID has 28 digits, this one has 27. Copy the ID again from the payment's detail page.
	// 在微信或支付宝的交易详情页长按复制单号，粘贴到 case.yaml。
	// Copy the ID from the payment's detail page in WeChat or Alipay (long press) and paste it into case.yaml.
}
