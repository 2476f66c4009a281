package bill

// Alipay bill exports (支付宝交易明细), GBK-encoded CSV.
//
// Layouts confirmed against public parsers and their test data:
//   - before 2023 (web export, "支付宝交易记录明细查询", 账号:[…], 起始日期:[…]
//     终止日期:[…], a "-----交易记录明细列表-----" line, then the table, then a
//     dashed line and a summary 共N笔记录 / 已收入 / 已支出 / 导出时间 / 用户):
//     jiegec/china_bean_importers alipay_web/__init__.py (header 交易号,
//     商家订单号; table ends at "------"); mayswind/ezbookkeeping
//     pkg/converters/alipay (交易记录明细列表 marker, GBK).
//   - since 2023 (app export, "导出信息：", 姓名：, 支付宝账户：, 起始时间：[…]
//     终止时间：[…], 特别提示, a "-----支付宝（中国）网络技术有限公司  电子客户回单-----"
//     line, then the table; cells padded with spaces, IDs followed by a tab):
//     deb-sig/double-entry-generator example/alipay/example-alipay-records.csv,
//     pkg/provider/alipay/alipay.go and issue #84.

var alipay2023Layout = layout{
	provider: "alipay",
	version:  "2023",
	required: [][]string{{"交易时间"}, {"交易分类"}, {"交易对方"}, {"收/支"}, {"金额"}, {"交易订单号"}},
	fields: map[field][]string{
		fieldTime:           {"交易时间"},
		fieldType:           {"交易分类"},
		fieldCounterparty:   {"交易对方"},
		fieldCounterAccount: {"对方账号"},
		fieldGoods:          {"商品说明"},
		fieldDirection:      {"收/支"},
		fieldAmount:         {"金额"},
		fieldMethod:         {"收/付款方式"},
		fieldStatus:         {"交易状态"},
		fieldTxnID:          {"交易订单号"},
		fieldMerchantID:     {"商家订单号"},
		fieldNote:           {"备注"},
	},
}

var alipay2022Layout = layout{
	provider: "alipay",
	version:  "2022",
	required: [][]string{{"交易号"}, {"交易创建时间"}, {"交易对方"}, {"金额(元)"}, {"收/支"}},
	fields: map[field][]string{
		fieldTime:         {"交易创建时间"},
		fieldPayTime:      {"付款时间"},
		fieldType:         {"类型"},
		fieldCounterparty: {"交易对方"},
		fieldGoods:        {"商品名称"},
		fieldDirection:    {"收/支"},
		fieldAmount:       {"金额(元)"},
		fieldStatus:       {"交易状态"},
		fieldTxnID:        {"交易号"},
		fieldMerchantID:   {"商家订单号"},
		fieldNote:         {"备注"},
	},
}
