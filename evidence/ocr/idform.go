package ocr

import (
	"fmt"
	"strings"
	"time"
)

// Forms of a number read from a page.
const (
	FormValid   = "valid"   // has the length, prefix and embedded date of its kind
	FormInvalid = "invalid" // should have a known form but does not: kept as read, never fixed
	FormUnknown = "unknown" // a kind with no fixed form (merchant order numbers)
)

// IDForm is what the shape of a number says about it. This is a small,
// self-contained copy of the ID forms the evidence package checks (kept
// here so that this package imports nothing of the rest of casebundle):
//
//   - WeChat Pay 交易单号: 28 digits, starting 4200, yyyymmdd at 1-based
//     positions 11-18 (4200002345 20251103 1234567890).
//   - WeChat 转账单号: 31 to 40 digits (32-34 in practice), starting
//     1000050001, then yyyymmdd at positions 11-18.
//   - Alipay 订单号/交易号: 28 to 32 digits starting with yyyymmdd.
//   - Bank serials (交易流水号): 6 to 40 letters and digits; letters are
//     common (HQP…, CMB…, SN…), so only the characters are checked.
//   - Merchant order numbers (商户单号, 商家订单号): 4 to 64 letters,
//     digits, '-' and '_'; no fixed form.
//
// A number that fails its form is reported invalid with the reason; the
// value is never changed to make it fit.
type IDForm struct {
	Form string `json:"form"`
	// Kind names the form checked: wechat_transaction_id,
	// wechat_transfer_id, alipay_order_id, bank_serial, merchant_order_id.
	Kind string `json:"kind"`
	// Date is the yyyy-mm-dd embedded in the number, when its form has one
	// and it is a calendar date.
	Date     string `json:"date,omitempty"`
	Reason   string `json:"reason,omitempty"`
	ReasonZh string `json:"reason_zh,omitempty"`
}

// Forms of IDForm.Kind.
const (
	IDWeChatTransaction = "wechat_transaction_id"
	IDWeChatTransfer    = "wechat_transfer_id"
	IDAlipayOrder       = "alipay_order_id"
	IDBankSerial        = "bank_serial"
	IDMerchantOrder     = "merchant_order_id"
)

// formFor chooses the form a number under a label must have on a page of
// the given kind.
func formFor(name string, kind Kind, value string) string {
	switch name {
	case FieldTransferID:
		return IDWeChatTransfer
	case FieldMerchantOrderID:
		return IDMerchantOrder
	case FieldSerial:
		return IDBankSerial
	case FieldOrderID:
		if kind == KindAlipayBill {
			return IDAlipayOrder
		}
		if strings.HasPrefix(value, "4200") {
			return IDWeChatTransaction
		}
		return IDMerchantOrder
	case FieldTransactionID:
		switch kind {
		case KindBankTransfer:
			return IDBankSerial
		case KindAlipayBill:
			return IDAlipayOrder
		}
		return IDWeChatTransaction
	}
	return guessForm(value)
}

// guessForm names the form of an unlabelled number by its prefix.
func guessForm(v string) string {
	switch {
	case strings.HasPrefix(v, "1000050"):
		return IDWeChatTransfer
	case strings.HasPrefix(v, "4200"):
		return IDWeChatTransaction
	case len(v) >= 8 && isDate(v[:8]):
		return IDAlipayOrder
	}
	return IDBankSerial
}

// CheckID checks value against the form kind (one of the ID… constants).
func CheckID(kind, value string) IDForm {
	f := IDForm{Form: FormValid, Kind: kind}
	bad := func(en, zh string) IDForm {
		f.Form, f.Reason, f.ReasonZh = FormInvalid, en, zh
		return f
	}
	n := len(value)
	switch kind {
	case IDWeChatTransaction:
		switch {
		case !allDigits(value):
			return bad("a WeChat Pay 交易单号 has digits only", "微信支付交易单号只能由数字组成")
		case n != 28:
			return bad(fmt.Sprintf("a WeChat Pay 交易单号 has 28 digits, this one has %d", n),
				fmt.Sprintf("微信支付交易单号应为 28 位数字，此处为 %d 位", n))
		case !strings.HasPrefix(value, "4200"):
			return bad("a WeChat Pay 交易单号 starts with 4200", "微信支付交易单号应以 4200 开头")
		}
		return f.withDate(value[10:18])
	case IDWeChatTransfer:
		switch {
		case !allDigits(value):
			return bad("a WeChat 转账单号 has digits only", "微信转账单号只能由数字组成")
		case n < 31 || n > 40:
			return bad(fmt.Sprintf("a WeChat 转账单号 has 31 to 40 digits, this one has %d", n),
				fmt.Sprintf("微信转账单号应为 31 至 40 位数字，此处为 %d 位", n))
		case !strings.HasPrefix(value, "1000050001"):
			return bad("a WeChat 转账单号 starts with 1000050001", "微信转账单号应以 1000050001 开头")
		}
		return f.withDate(value[10:18])
	case IDAlipayOrder:
		switch {
		case !allDigits(value):
			return bad("an Alipay 订单号 has digits only", "支付宝订单号只能由数字组成")
		case n < 28 || n > 32:
			return bad(fmt.Sprintf("an Alipay 订单号 has 28 to 32 digits, this one has %d", n),
				fmt.Sprintf("支付宝订单号应为 28 至 32 位数字，此处为 %d 位", n))
		}
		return f.withDate(value[:8])
	case IDBankSerial:
		if n < 6 || n > 40 || !alnum(value, "") {
			return bad("a bank serial has 6 to 40 letters and digits", "银行流水号应为 6 至 40 位字母和数字")
		}
		return f
	case IDMerchantOrder:
		f.Form = FormUnknown
		if n < 4 || n > 64 || !alnum(value, "-_") {
			return bad("a merchant order number has 4 to 64 letters, digits, - and _",
				"商户单号应为 4 至 64 位字母、数字、- 或 _")
		}
		return f
	}
	f.Form = FormUnknown
	return f
}

// withDate records the embedded date; a number whose date is not a
// calendar date does not have its form.
func (f IDForm) withDate(s string) IDForm {
	if !isDate(s) {
		f.Form = FormInvalid
		f.Reason = fmt.Sprintf("the date %s inside the number is not a calendar date", s)
		f.ReasonZh = fmt.Sprintf("单号中的日期 %s 不是有效日期", s)
		return f
	}
	f.Date = s[:4] + "-" + s[4:6] + "-" + s[6:8]
	return f
}

func isDate(s string) bool {
	if len(s) != 8 || !allDigits(s) {
		return false
	}
	d, err := time.Parse("20060102", s)
	return err == nil && d.Year() >= 2004 && d.Year() <= 2100
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func alnum(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.IndexByte(extra, c) >= 0) {
			return false
		}
	}
	return s != ""
}
