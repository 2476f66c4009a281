//go:build ignore

// gen writes the small bill exports in this folder. They are faithful in
// shape to real exports (preamble, header, padding, encoding) and made-up in
// content. Run from the repository root:
//
//	go run evidence/bill/testdata/gen.go
package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const dir = "evidence/bill/testdata"

func main() {
	write("wechat-2025.csv", utf8BOM(crlf(wechatCSV(false))))
	write("wechat-extra-line.csv", utf8BOM(crlf(wechatCSV(true))))
	write("wechat-utf16.csv", utf16LE(crlf(wechatTabs())))
	write("alipay-2022.csv", gbk(crlf(alipay2022)))
	write("alipay-2023.csv", gbk(crlf(alipay2023)))
	write("bank-cmb.csv", []byte(bankCMB))
	write("bank-boc-gbk.csv", gbk(crlf(bankBOC)))
	write("bank-debit-credit.csv", utf8BOM(bankDebitCredit))
	write("not-a-bill.csv", []byte("姓名,电话,地址\n张三,13800138000,北京\n"))
	bankExports()
}

func write(name string, data []byte) {
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		log.Fatal(err)
	}
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func utf8BOM(s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) }

func gbk(s string) []byte {
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		log.Fatal(err)
	}
	return []byte(out)
}

func utf16LE(s string) []byte {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		log.Fatal(err)
	}
	return []byte(out)
}

const wechatPreamble = `微信支付账单明细,,,,,,,,,,
微信昵称：[李明],,,,,,,,,,
起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59],,,,,,,,,,
导出类型：[全部],,,,,,,,,,
导出时间：[2025-04-02 09:15:27],,,,,,,,,,
,,,,,,,,,,
共5笔记录,,,,,,,,,,
收入：1笔 8.88元,,,,,,,,,,
支出：3笔 5000.30元,,,,,,,,,,
中性交易：1笔 100.10元,,,,,,,,,,
注：,,,,,,,,,,
1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,,,
2. 本明细仅展示当前账单中的交易，不包括已删除的记录,,,,,,,,,,
3. 本明细仅供个人对账使用,,,,,,,,,,
`

const wechatTable = `,,,,,,,,,,
----------------------微信支付账单明细列表--------------------,,,,,,,,,,
交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
2025-03-03 14:05:00,转账,张三,转账备注:微信转账,支出,¥5000.00,零钱,对方已收钱,1000050001202503030123456789012	,/	,/
2025-03-03 18:20:11,商户消费,某便利店,"饮料",支出,¥0.10,零钱,支付成功,4200002345202503031234567890	,20250303182011000001	,"/"
2025-03-04 08:01:02,商户消费,某便利店,"面包",支出,¥0.20,招商银行(1234),支付成功,4200002345202503045678901234	,20250304080102000002	,"/"
2025-03-05 12:00:00,微信红包,王五,/,收入,¥8.88,/,已存入零钱,1000039501250305000123456789012345	,/	,/
2025-03-06 09:30:45,零钱提现,招商银行(1234),"/",/,¥100.10,零钱,提现已到账,2025030610007714823552388317	,/	,"服务费¥0.10"
`

func wechatCSV(extra bool) string {
	s := wechatPreamble
	if extra {
		s += "4. 本账单中所有时间均为UTC+08:00时间,,,,,,,,,,\n"
	}
	return s + wechatTable
}

// wechatTabs is the same bill as Excel saves it in "Unicode text": UTF-16,
// tab-separated.
func wechatTabs() string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(wechatCSV(false), "\n"), "\n") {
		line = strings.ReplaceAll(line, "\t", "")
		line = strings.ReplaceAll(line, `"`, "")
		b.WriteString(strings.ReplaceAll(line, ",", "\t"))
		b.WriteString("\n")
	}
	return b.String()
}

const alipay2022 = `支付宝交易记录明细查询
账号:[2088102112345678]
起始日期:[2022-06-01 00:00:00]    终止日期:[2022-06-30 23:59:59]
---------------------------------交易记录明细列表------------------------------------
交易号                  ,商家订单号               ,交易创建时间              ,付款时间                ,最近修改时间              ,交易来源地     ,类型              ,交易对方            ,商品名称                ,金额（元）   ,收/支     ,交易状态    ,服务费（元）   ,成功退款（元）  ,备注                  ,资金状态     ,
2022060322001412345678901234	,T200P1234567890123456789	,2022-06-03 10:15:01 ,2022-06-03 10:15:03 ,2022-06-03 10:15:03 ,其他（包括阿里巴巴和外部商家）,即时到账交易          ,某某数码专营店        ,蓝牙耳机                ,299.00  ,支出      ,交易成功    ,0.00     ,0.00     ,                    ,已支出      ,
2022061022001498765432109876	,                    	,2022-06-10 21:00:00 ,2022-06-10 21:00:01 ,2022-06-10 21:00:01 ,支付宝网站     ,即时到账交易          ,张三              ,转账                  ,0.10    ,支出      ,交易成功    ,0.00     ,0.00     ,                    ,已支出      ,
2022061122001498765432100001	,                    	,2022-06-11 07:30:00 ,                    ,2022-06-11 07:30:09 ,支付宝网站     ,即时到账交易          ,张三              ,转账                  ,0.20    ,支出      ,交易成功    ,0.00     ,0.00     ,                    ,已支出      ,
2022062022001455556666777788	,                    	,2022-06-20 16:45:10 ,2022-06-20 16:45:12 ,2022-06-20 16:45:12 ,支付宝网站     ,即时到账交易          ,王五              ,收款                  ,88.00   ,收入      ,交易成功    ,0.00     ,0.00     ,                    ,已收入      ,
2022062522001411112222333344	,                    	,2022-06-25 09:00:00 ,2022-06-25 09:00:00 ,2022-06-25 09:00:00 ,支付宝网站     ,转账                ,余额宝             ,余额宝-转入            ,500.00  ,          ,交易成功    ,0.00     ,0.00     ,                    ,资金转移    ,
------------------------------------------------------------------------------------
共5笔记录
已收入:1笔,88.00元
待收入:0笔,0.00元
已支出:3笔,299.30元
待支出:0笔,0.00元
导出时间:[2022-07-01 10:00:00]    用户:李明
`

const alipay2023 = `------------------------------------------------------------------------------------
导出信息：
姓名：李明
支付宝账户：liming@example.com
起始时间：[2025-11-01 00:00:00]    终止时间：[2025-11-30 23:59:59]
导出交易类型：[全部]
导出时间：[2025-12-01 08:00:00]
共5笔记录
收入：1笔 200.00元
支出：3笔 5000.30元
不计收支：1笔 49.90元

特别提示：
1.本回单内容可表明支付宝受理了相应支付交易申请，因系统原因或通讯故障等偶发因素导致本回单与实际交易结果不符时，以实际交易情况为准；
2.请勿将本回单作为收款方发货的凭据使用，请查证账户实际到账情况后再进行发货操作；
3.本明细仅供个人对账使用。

------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------
交易时间            ,交易分类                ,交易对方                ,对方账号                ,商品说明                ,收/支                 ,金额                  ,收/付款方式              ,交易状态                ,交易订单号     ,商家订单号           ,备注                  ,
2025-11-03 14:05:00 ,转账红包                ,张三                  ,zha***@163.com      ,转账                  ,支出                  ,5000.00             ,余额                  ,交易成功                ,2025110322001412345678901234	,                    	,                    ,
2025-11-04 09:10:00 ,日用百货                ,某某超市              ,/                   ,购物                  ,支出                  ,0.10                ,花呗                  ,交易成功                ,2025110422001400000000000001	,T200P2025110400000001	,                    ,
2025-11-05 19:30:00 ,日用百货                ,某某超市              ,/                   ,购物                  ,支出                  ,0.20                ,花呗                  ,交易成功                ,2025110522001400000000000002	,T200P2025110500000002	,                    ,
2025-11-20 11:00:00 ,退款                    ,某某网店              ,/                   ,退款-连衣裙           ,不计收支                ,49.90               ,余额                  ,退款成功                ,2025112022001400000000000003_2025112000001	,T200P2025112000000003	,                    ,
2025-11-28 20:00:00 ,转账红包                ,王五                  ,wan***@qq.com       ,还款                  ,收入                  ,200.00              ,余额                  ,交易成功                ,2025112822001400000000000004	,                    	,                    ,
`

const bankCMB = `记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要
2025-11-01,CNY,"2,000.00","7,271.66",转账汇款,王五 6214830000000001,还款
2025-11-03,CNY,"-5,000.00","2,271.66",转账汇款,张三 6222020000000002,转账
2025-11-04,CNY,-0.10,"2,271.56",快捷支付,某某超市,消费
2025-11-05,CNY,-0.20,"2,271.36",快捷支付,某某超市,消费
`

const bankBOC = `中国银行交易流水明细单
记账日期,记账时间,币别,金额,余额,交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行,借记卡号
2025-11-03,14:05:00,人民币,"-5,000.00","2,240.28",跨行转账,手机银行,-------------------,借款,张三,6222******0002,-------------------,3167
2025-11-04,09:10:00,人民币,-0.10,"2,240.18",网上快捷支付,银企对接,-------------------,----------,支付宝-某某超市,Z200******010N,-------------------,3167
2025-11-05,19:30:00,人民币,-0.20,"2,239.98",网上快捷支付,银企对接,-------------------,----------,支付宝-某某超市,Z200******010N,-------------------,3167
2025-11-28,20:00:00,人民币,200.00,"2,439.98",银联入账,卡组织线上/无卡交易,-------------------,转账,王五,6214******0001,-------------------,3167
`

const bankDebitCredit = `账号：6222020000000002
户名：李明
起始日期：20251101 终止日期：20251130
交易日期,交易时间,摘要,借方发生额,贷方发生额,余额,对方户名,对方账号,交易流水号,附言
20251103,140500,转账,5000.00,,2271.66,张三,6222020000000002,="2025110314050012345",借款
20251104,091000,消费,0.10,,2271.56,某某超市,,2025110409100012346,
20251105,193000,消费,0.20,,2271.36,某某超市,,2025110519300012347,
20251128,200000,转账,,200.00,2471.36,王五,6214830000000001,2025112820000012348,还款
`

// bankExports writes one export per bank layout. Their sources are listed
// in README.md in this folder and in docs/formats.md; names and numbers are
// made up.
func bankExports() {
	write("bank-icbc-debit.csv", gbk(crlf(icbcDebit())))
	write("bank-icbc-debit-v2.csv", []byte(icbcDebitV2()))
	write("bank-icbc-credit.csv", utf8BOM(icbcCredit()))
	write("bank-boc-credit.csv", gbk(crlf(bocCredit)))
	write("bank-bocom-debit.csv", gbk(crlf(bocomDebit)))
	write("bank-bocom-credit.csv", []byte(bocomCredit))
	write("bank-cmb-debit.csv", gbk(crlf(cmbDebit)))
	write("bank-cmb-flow.csv", []byte(cmbFlow))
	write("bank-cmb-credit.csv", gbk(crlf(cmbCredit)))
	write("bank-ccb-debit.csv", []byte(ccbDebit))
	write("bank-ccb-detail.csv", gbk(crlf(ccbDetail)))
	write("bank-abc-debit.csv", []byte(abcDebit))
	write("bank-hsbchk-debit.csv", []byte(hsbcDebit))
	write("bank-hsbchk-credit.csv", []byte(hsbcCredit))
	write("bank-bochk-debit.csv", utf8BOM(crlf(bochkDebit)))
	write("bank-flag-generic.csv", utf8BOM(crlf(flagGeneric)))
	write("bank-unknown-layout.csv", []byte(unknownLayout))
}

// icbcCell pads a cell as ICBC's 明细查询文件下载 does: spaces to a fixed width,
// then a tab, quoted when asked.
func icbcCell(s string, width int, quote bool) string {
	n := width - len([]rune(s))
	if n < 1 {
		n = 1
	}
	v := s + strings.Repeat(" ", n) + "\t"
	if quote {
		return `"` + v + `"`
	}
	return v
}

// icbcRow: date, 摘要, 交易场所, in, out (记账金额), balance, 对方户名, 对方账户 (v2 only)
type icbcRow struct {
	date, summary, place, in, out, balance, party, account string
}

var icbcDebitRows = []icbcRow{
	{"2024-01-28", "消费", "某某便利店", "", "13.40", "9,892.60", "深圳市财付通支付科技有限公司", ""},
	{"2024-01-20", "网转", "手机银行", "", "5,000.00", "9,906.00", "张三", ""},
	{"2024-01-15", "他行汇入", "", "1,234.56", "", "14,906.00", "李四", ""},
	{"2024-01-10", "工资", "", "8,000.00", "", "13,671.44", "某某科技有限公司", ""},
	{"2024-01-05", "退款", "财付通-微信红包", "1.04", "", "5,671.44", "深圳市财付通支付科技有限公司", ""},
}

func icbcDebit() string {
	var b strings.Builder
	b.WriteString("明细查询文件下载\n\n卡号: 6222****1234,\"卡别名: 工资卡\"\n\n子账户序号: 00000,子账户类别: 活期,\"子账户别名: \"\n\n")
	b.WriteString("交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名\n")
	for _, r := range icbcDebitRows {
		b.WriteString(strings.Join([]string{
			icbcCell(r.date, 10, false), icbcCell(r.summary, 20, true), icbcCell(r.place, 60, true), icbcCell("CHN", 20, true),
			icbcCell("钞", 10, false), icbcCell("-", 20, true), icbcCell("-", 20, true), icbcCell("-", 15, false),
			icbcCell(r.in, 20, true), icbcCell(r.out, 20, true), icbcCell("人民币", 15, false), icbcCell(r.balance, 20, true),
			icbcCell(r.party, 140, true), "",
		}, ",") + "\n")
	}
	b.WriteString(" \n人民币合计,,,,,,,,\"9,235.60          \t\",\"5,013.40          \t\",\n")
	return b.String()
}

var icbcDebitV2Rows = []icbcRow{
	{"2024-03-18", "跨行汇款", "手机银行", "", "20,000.00", "1,443.55", "张三", "6217****5678"},
	{"2024-03-12", "消费", "支付宝", "", "56.80", "21,443.55", "支付宝（中国）网络技术有限公司", ""},
	{"2024-03-08", "他行汇入", "", "300.00", "", "21,500.35", "王五", "6228****0001"},
	{"2024-03-01", "利息", "", "0.35", "", "21,200.35", "个人活期结息", ""},
}

func icbcDebitV2() string {
	var b strings.Builder
	b.WriteString("明细查询文件下载\n\n卡号: 6222****9876,\"卡别名: \"\n\n子账户序号: 00000,子账户类别: 活期,\"子账户别名: \"\n\n")
	b.WriteString("交易日期,摘要,交易详情,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名,对方账户\n")
	for _, r := range icbcDebitV2Rows {
		b.WriteString(strings.Join([]string{
			icbcCell(r.date, 10, false), icbcCell(r.summary, 20, true), icbcCell("", 30, true), icbcCell(r.place, 60, true),
			icbcCell("CHN", 20, true), icbcCell("钞", 10, false), icbcCell("-", 20, true), icbcCell("-", 20, true),
			icbcCell("-", 15, false), icbcCell(r.in, 20, true), icbcCell(r.out, 20, true), icbcCell("人民币", 15, false),
			icbcCell(r.balance, 20, true), icbcCell(r.party, 140, true), icbcCell(r.account, 19, true), "",
		}, ",") + "\n")
	}
	b.WriteString(" \n人民币合计,,,,,,,,,\"300.35          \t\",\"20,056.80          \t\",\n")
	return b.String()
}

func icbcCredit() string {
	rows := []struct{ date, summary, place, in, out, balance string }{
		{"2024-04-22", "银联在线支付", "某某旗舰店", "", "0.01", "-6,086.11"},
		{"2024-05-05", "消费", "财付通-某某平台商户", "", "18.00", "-3,728.62"},
		{"2024-05-04", "ETC", "某某联合电子收费股份", "", "12.35", "-3,684.62"},
		{"2024-04-25", "人民币自动转帐还款", "某某分行银行卡中心", "4,621.01", "", "-1,971.63"},
		{"2024-03-20", "********************", "某某联合电子收费股份", "", "29.45", "-16,042.73"},
	}
	var b strings.Builder
	b.WriteString("明细查询文件下载\n\n卡号: 6212****5678,\"卡别名: \"\n\n子账户类别:\n\n")
	b.WriteString("交易日期,记账日期,摘要,交易场所,交易国家或地区简称,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名\n")
	for _, r := range rows {
		b.WriteString(strings.Join([]string{
			icbcCell(r.date, 10, false), icbcCell(r.date, 10, false), icbcCell(r.summary, 30, true), icbcCell(r.place, 40, false),
			icbcCell("CHN", 20, true), icbcCell(r.in, 20, true), icbcCell(r.out, 20, true), icbcCell("人民币", 20, false),
			icbcCell(r.in, 20, true), icbcCell(r.out, 20, true), icbcCell("人民币", 20, false), icbcCell(r.balance, 20, true),
			icbcCell("", 20, true), "",
		}, ",") + "\n")
	}
	b.WriteString(" \n合计金额,,,,,\"4621.01           \t\",\"59.81           \t\",\t,\"4621.01           \t\",\"59.81           \t\",\n")
	return b.String()
}

const bocCredit = `中国银行信用卡账单(2025年01月)
交易日,银行记账日,卡号后四位,交易描述,存入,支出,币种
2024-12-13,2024-12-14,4260,上海公共交通卡股份有限CHN,,50.00,CNY
2024-12-20,2024-12-20,,存款利息,0.01,,CNY
2024-12-21,2024-12-22,2875,网银在线-京东商城业务CHN,,468.32,CNY
2024-12-24,2024-12-25,2875,网银在线CHN,70.48,,CNY
2024-12-22,2024-12-24,2875,MICROSOFT*XBOXJPN,,3.72,USD
`

const bocomDebit = `序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,交易地点,摘要
1,2024-02-01,00:00:00,存款利息,贷 Cr,1.23,1334.63,1323132313211331313,应付个人活期储蓄存款利息,批处理,
2,2024-02-02,13:15:12,信用卡转账还款,借 Dr,300.00,1034.63,6222600000001234,李明,其他,
3,2024-02-04,11:46:44,其他交易,贷 Cr,10.00,1044.63,6217000000005678,王五,网络支付,银联入账(王五/其它)转账
4,2024-02-05,12:48:15,转账,借 Dr,5000.00,-3955.37,6222020000000002,张三,手机银行,转账
5,2024-02-06,11:30:54,异地跨行消费,借 Dr,100.79,-4056.16,555551312313213123,网上国网,网上国网,
`

const bocomCredit = `交易日期,记账日期,交易说明,交易币种/金额,入账币种/金额
2025-01-10,2025-01-10,退货 支付宝-某某出行,CNY 123.18,CNY 123.18
2025-01-11,2025-01-12,消费 美团,CNY 2.99,CNY 2.99
2025-01-13,2025-01-13,消费 京东商城平台商户,CNY 10.00,CNY 10.00
2025-01-17,2025-01-17,消费 饿了么平台商户,CNY 10.74,CNY 10.74
2025-01-20,2025-01-21,消费 某某海外商户,USD 5.00,CNY 36.12
2025-01-29,2025-01-29,信用卡还款 转账还款-李明 6666 支付宝-李明,CNY 666.60,CNY 666.60
`

const cmbDebit = "# 招商银行交易记录\n" +
	"# 导出时间: [2024-02-01 10:20:30]\n" +
	"# 账    号: [一卡通:6214********1234 人民币活期]\n" +
	"# 币    种: [人民币]\n" +
	"# 起始日期: [20240101]   终止日期: [20240131]\n" +
	"# 过滤设置: 无\n" +
	"交易日期,交易时间,支出,存入,余额,交易类型,交易备注\n" +
	"\t20240103,\t09:15:02,\t,\t8000.00,\t9271.66,\t代发工资,\t某某科技有限公司工资\n" +
	"\t20240105,\t10:30:00,\t5000.00,\t,\t4271.66,\t转账汇款,\t张三 6222020000000002\n" +
	"\t20240106,\t12:01:59,\t35.50,\t,\t4236.16,\t快捷支付,\t财付通-某某餐厅\n" +
	"\t20240120,\t18:45:10,\t1000.00,\t,\t3236.16,\t银联ATM取款,\t银联ATM取款\n" +
	"\n" +
	"# 收入合计: 8000.00 人民币\n" +
	"# 支出合计: 6035.50 人民币\n"

// cmbFlow is the 招商银行交易流水 statement (a PDF in the app) copied out as
// tab-separated text and saved as .csv.
const cmbFlow = "招商银行交易流水\n" +
	"Transaction Statement of China Merchants Bank\n" +
	"2024-01-01 -- 2024-01-31\n" +
	"户    名：李明\t\t\t账号：6214830000001234\n" +
	"账户类型：一卡通\t\t\t开 户 行：某某支行\n" +
	"申请时间：2024-02-01 10:00:00\t\t\t验 证 码：ABCD1234EFGH\n" +
	"记账日期\t货币\t交易金额\t联机余额\t交易摘要\t对手信息\t客户摘要\n" +
	"Date\tCurrency\tTransaction Amount\tBalance\tTransaction Type\tCounter Party\tCustomer Type\n" +
	"2024-01-01\tCNY\t1,234.00\t1,271.66\t代发住房公积金\t北京住房公积金管理中心1111111111\t01月01日约定提取\n" +
	"2024-01-05\tCNY\t-5,000.00\t271.66\t转账汇款\t张三 6222020000000002\t转账\n" +
	"2024-01-20\tCNY\t-1,000.00\t123.45\t银联ATM取款\t\t银联 ATM 取款，中国银行\n" +
	"2024-01-23\tCNY\t-10.14\t1,218.24\t快捷支付\t抖音电商商家888888888\t抖音支付-抖音电商商家\n" +
	"2024-01-27\tCNY\t-3.00\t81.22\t一网通支付\t国网电力有限公司99999999999999\t供电\n" +
	"合并统计\tTotal\n" +
	"收入\t1,234.00\t支出\t6,013.14\n"

const cmbCredit = `招商银行信用卡对账单（个人消费卡账户 2024年01月）（补）
交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额
,12/29,掌上生活还款,-1.23,1234,-1.23
,12/30,财付通还款,-345.67,1234,-345.67
01/02,01/03,掌上生活影票-电影票,56.78,1234,56.78
01/03,01/04,手机银行饭票,-3.90,1234,-3.90(CN)
01/05,01/07,中国移动,"8,000.00",1234,"8,000.00(CN)"
01/08,01/09,京东支付-某某商城,"1,299.00",1234,"1,299.00(CN)"
`

const ccbDebit = `中国建设银行个人活期账户交易明细
卡号/账号:6217000010001234567,客户名称:李明
起始日期:20240101,结束日期:20240131
币别:人民币元
序号,摘要,币别,钞汇,交易日期,交易金额,账户余额,交易地点/附言,对方账号与户名
1,消费,人民币元,钞,20240103,-25.00,"9,975.00",财付通-某某面馆,
2,转账存入,人民币元,钞,20240108,"3,000.00","12,975.00",转账,6228480000001111/王五
3,转账支取,人民币元,钞,20240112,"-5,000.00","7,975.00",手机银行转账,6222020000000002/张三
4,结息,人民币元,钞,20240121,0.52,"7,975.52",结息,
`

const ccbDetail = `China Construction Bank 中国建设银行 个人活期账户交易明细,,,,,,,,,,
开户机构：某某支行,,,,,,,,,,
币别：人民币,,,,,,,,,,
账号：6217000010007654321,,,,,,,,,,
,,,,,,,,,,
记账日,交易日期,交易时间,支出,收入,账户余额,币种,摘要,对方账号,对方户名,交易地点
20250103,20250103,09:12:45,120.00,,"9,880.00",人民币,消费,,某某超市,北京市
20250105,20250105,14:30:00,"5,000.00",,"4,880.00",人民币,转账支出,6222020000000002,张三,手机银行
20250110,20250110,10:00:00,,"8,500.00","13,380.00",人民币,代发工资,11001000000000000001,某某科技有限公司,
20250115,20250114,23:59:59,9.90,,"13,370.10",人民币,快捷支付,,财付通-某某会员,
以上数据仅供参考，具体内容请以柜台为准,,,,,,,,,,
`

const abcDebit = `交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息,日 志 号,交易渠道,交易附言
20240101,123456,转存,+10000.00,11000.00,王五,369396693,超级网银,转账
20240102,132324,财付通,-10.00,10990.00,微信支付北京一卡通,369333999,电子商务,UA01234123412341234微信支付-北京一卡通
20240103,,正常还款,-2345.89,8644.11,12341234123412341,111222333
20240104,,结息,+0.01,8644.12,--,0000000000,,个人活期结息
20240104,,利息税,+0.00,8644.12,--,0000000000,,个人活期结息`

const hsbcDebit = "Date,Description,Billing amount,Billing currency,Balance,Balance currency\n" +
	"24/03/2025,TRIPLE Z                 HC1234567890123456   22MAR,\"-1.00\"\t,HKD,\"3,612.17\"\t,HKD\n" +
	"24/03/2025,MOBILE WITHDRAWAL        (22MAR25),\"-100.00\"\t,HKD,\"3,613.17\"\t,HKD\n" +
	"20/03/2025,FUND TRANSFER FROM       12-345678-9 CHAN TAI MAN,\"500.00\"\t,HKD,\"3,713.17\"\t,HKD\n" +
	"18/03/2025,POS PURCHASE             SUPERMARKET HK,\"-75.50\"\t,HKD,\"3,213.17\"\t,HKD\n" +
	"12/03/2025,SALARY PAYMENT           ABC COMPANY LTD,\"12,500.00\"\t,HKD,\"3,288.67\"\t,HKD\n" +
	"01/03/2025,INTEREST CREDIT,\"5.45\"\t,HKD,\"10,561.33\"\t,HKD "

const hsbcCredit = "Transaction date,Post date,Description,Billing amount,Billing currency,Transaction status,Merchant name,Country / region,Area / district,Credit / Debit\n" +
	"09/04/2025,10/04/2025,QR       UNIONPAY MERCHANT         CHN          CN,\"-1,099.14\"\t,CNY,POSTED,UNIONPAY MERCHANT,CHINA,CHN,DEBIT\n" +
	"08/04/2025,09/04/2025,\"QR       YAHUI CATERING CO.,LTD.   CHN          CN\",\"-18.00\"\t\t,CNY,POSTED,\"YAHUI CATERING CO.,LTD.\",CHINA,CHN,DEBIT\n" +
	"07/04/2025,08/04/2025,SALES:   MCDONALDS (HKD)              CHN          CN,\"-27.90\"\t,HKD,POSTED,MCDONALDS,CHINA,CHN,DEBIT\n" +
	"31/03/2025,01/04/2025,RETURN:  PINDUODUO PLATFORM        CHN          CN,\"25.00\"\t,CNY,POSTED,PINDUODUO PLATFORM,CHINA,CHN,CREDIT\n" +
	"24/03/2025,24/03/2025,PAYMENT - THANK YOU,\"3,266.16\"\t,CNY,POSTED,,,,CREDIT\n" +
	"20/03/2025,21/03/2025,SALES:   KFC RESTAURANT            CHN          CN,\"-179.50\"\t,CNY,POSTED,KFC RESTAURANT,CHINA,CHN,DEBIT "

const bochkDebit = `Bank of China (Hong Kong) Limited
Account Number: 012-345-6-789012-3
Statement Period: 01/03/2025 - 31/03/2025
Date,Transaction Details,Deposit,Withdrawal,Balance,Currency
01/03/2025,B/F BALANCE,,,"10,000.00",HKD
03/03/2025,FPS TRANSFER TO CHAN TAI MAN,,"5,000.00","5,000.00",HKD
10/03/2025,SALARY ABC LIMITED,"20,000.00",,"25,000.00",HKD
15/03/2025,OCTOPUS AAVS,,500.00,"24,500.00",HKD
28/03/2025,CREDIT INTEREST,1.23,,"24,501.23",HKD
`

const flagGeneric = "账户明细查询\n" +
	"账号：6230580000001234567,户名：李明\n" +
	"起止日期：2024-01-01 至 2024-01-31\n" +
	"交易时间,收/支,交易金额,账户余额,交易类型,对方户名,对方账号,交易流水号,备注\n" +
	"2024-01-05 10:30:00\t,支\t,5000.00\t,1000.00\t,转账\t,张三\t,6222020000000002\t,HQP20240105103000001A\t,借款\t\n" +
	"2024-01-06 08:00:01 ,收 ,200.00 ,1200.00 ,转账 ,王五 ,6214830000000001 ,HQP20240106080001002B ,还款 \n" +
	"2024-01-07 19:20:30,支,0.10,1199.90,消费,某某超市,,HQP20240107192030003C,\n" +
	"合计,收入 200.00,支出 5000.10\n" +
	"导出时间：2024-02-01 09:00:00,,\n" +
	"温馨提示：本明细仅供参考,,\n"

// unknownLayout is a statement whose amount column no layout names.
const unknownLayout = `某某银行账户交易明细
日期,对方,变动金额,余额,说明
2024-01-05,张三,-5000.00,1000.00,转账
2024-01-06,王五,200.00,1200.00,还款
`
