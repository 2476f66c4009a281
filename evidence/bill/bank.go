package bill

// Bank account statements exported as CSV or xlsx (UTF-8 or GBK).
//
// Banks differ; the columns are found by the names Chinese banks use,
// confirmed against the bank examples of deb-sig/double-entry-generator:
// example/cmb/debit/example-cmb-records.csv (记账日期, 交易金额 signed, 交易摘要,
// 对手信息, 客户摘要), example/boc/debit/example-boc-records.csv (a title line,
// 记账日期 and 记账时间 apart, 金额 signed, 交易名称, 附言, 对方账户名,
// 对方卡号/账号, "-----" for empty cells) and
// example/bocom_debit/example-bocom_debit-records.csv (交易日期, 交易时间,
// 交易类型, 借贷 "借 Dr"/"贷 Cr", 交易金额 unsigned, 对方账号, 对方户名, 摘要).
// Other common names (借方发生额 / 贷方发生额, 支出金额 / 收入金额, 流水号,
// 交易参考号) are matched the same way.

var bankLayout = layout{
	provider: "bank",
	required: [][]string{
		{"交易日期", "记账日期", "交易时间", "入账日期", "交易日", "记账日", "日期"},
		{"交易金额", "发生额", "金额", "借方发生额", "贷方发生额", "支出金额", "收入金额", "借方金额", "贷方金额"},
		{"摘要", "交易摘要", "交易类型", "交易名称", "对方户名", "对方账户名", "对方名称", "对手信息", "对方账号",
			"余额", "联机余额", "账户余额", "交易后余额", "流水号", "交易流水号", "交易参考号", "备注", "附言"},
	},
	fields: map[field][]string{
		fieldTime:           {"交易时间", "交易日期时间"},
		fieldDate:           {"交易日期", "记账日期", "入账日期", "交易日", "记账日", "日期"},
		fieldClock:          {"交易时间", "记账时间", "时间"},
		fieldType:           {"交易类型", "交易名称", "交易摘要", "摘要", "业务摘要"},
		fieldCounterparty:   {"对方户名", "对方账户名", "对方名称", "对方账户名称", "收/付方名称", "交易对方", "对手信息"},
		fieldCounterAccount: {"对方账号", "对方卡号/账号", "对方账户", "对方卡号", "收/付方账号"},
		fieldDirection:      {"借贷标志", "借贷", "收支", "收/支", "借贷方向", "交易方向"},
		fieldAmount:         {"交易金额", "发生额", "金额"},
		fieldDebit:          {"借方发生额", "支出金额", "借方金额", "支出"},
		fieldCredit:         {"贷方发生额", "收入金额", "贷方金额", "存入金额", "收入"},
		fieldMethod:         {"交易渠道", "渠道"},
		fieldTxnID:          {"流水号", "交易流水号", "交易参考号", "交易序号", "凭证号"},
		fieldNote:           {"备注", "附言", "用途", "交易附言", "客户摘要", "摘要"},
	},
}
