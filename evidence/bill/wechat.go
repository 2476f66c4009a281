package bill

import "strings"

// WeChat Pay bill exports (微信支付账单明细).
//
// Layouts confirmed against public parsers and their test data:
//   - CSV (until mid-2025; UTF-8 with BOM, "¥12.00" amounts, IDs padded with
//     a tab): deb-sig/double-entry-generator example/wechat/example-wechat-records.csv
//     and pkg/provider/wechat/wechat.go; jiegec/china_bean_importers
//     china_bean_importers/wechat/__init__.py (header found by 交易时间, 交易类型).
//   - xlsx since mid-2025: deb-sig/double-entry-generator issue #172 and pull
//     request #173 (pkg/provider/wechat/wechat.go, translateExcel).
//   - xlsx from March 2026: a fourth note line "4. 本账单中所有时间均为UTC+08:00时间"
//     moves the header from row 17 to row 18, amounts become plain numbers and
//     times Excel serial numbers: deb-sig/double-entry-generator pull request
//     #215 and issue #217, jiegec/china_bean_importers issue #34,
//     dingdangdog/cashbook issue #170.
//
// Columns: 交易时间, 交易类型, 交易对方, 商品, 收/支, 金额(元), 支付方式, 当前状态,
// 交易单号, 商户单号, 备注. 收/支 is 支出, 收入 or "/" (中性交易).

var wechatLayout = layout{
	provider: "wechat",
	required: [][]string{{"交易时间"}, {"交易类型"}, {"交易对方"}, {"金额(元)"}, {"交易单号"}, {"商户单号"}},
	fields: map[field][]string{
		fieldTime:         {"交易时间"},
		fieldType:         {"交易类型"},
		fieldCounterparty: {"交易对方"},
		fieldGoods:        {"商品", "商品说明"},
		fieldDirection:    {"收/支"},
		fieldAmount:       {"金额(元)"},
		fieldMethod:       {"支付方式"},
		fieldStatus:       {"当前状态", "交易状态"},
		fieldTxnID:        {"交易单号"},
		fieldMerchantID:   {"商户单号"},
		fieldNote:         {"备注"},
	},
}

// wechatUTCNote is the note line the March 2026 layout adds above the
// table.
const wechatUTCNote = "本账单中所有时间均为UTC+08:00时间"

// wechatXLSXVersion tells the 2026 xlsx layout, which carries the UTC+8
// note in its preamble, from the 2025 one.
func wechatXLSXVersion(preamble [][]string) string {
	for _, cells := range preamble {
		for _, c := range cells {
			if strings.Contains(strings.ReplaceAll(c, " ", ""), wechatUTCNote) {
				return "2026"
			}
		}
	}
	return "2025"
}
