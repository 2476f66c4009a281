package evidence

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/casebundle/casebundle/internal/tz"
)

// Forms of a transaction ID (manifest.json transactions[].form).
const (
	FormValid   = "valid"   // matches a known form of its platform
	FormInvalid = "invalid" // looks like a known form but is broken (wrong length, stray characters)
	FormUnknown = "unknown" // no known form: a bank serial or a merchant's order number
)

// TxnInfo is what the shape of a transaction ID says.
type TxnInfo struct {
	ID       string
	Platform string // wechat, alipay, bank, "" when unknown
	KindZh   string // 交易单号, 转账单号, 交易号, …
	KindEn   string
	Form     string
	// Date is the calendar day embedded in the ID (midnight UTC+8), when
	// the form carries one and it is a real date.
	Date    time.Time
	HasDate bool
	// Problem says why Form is invalid, or what is odd about the date.
	ProblemZh string
	ProblemEn string
}

// ParseTxnID classifies a transaction ID by its form. The forms (docs/formats.md):
// WeChat Pay 交易单号, 28 digits starting 4200 with yyyymmdd at positions
// 11–18; WeChat 转账单号, 31 or more digits starting 1000050001 followed by
// yyyymmdd; Alipay 交易号, 28 digits starting with yyyymmdd. The embedded
// date is a soft check: a date that is not a calendar date is reported, never
// a reason to call the ID invalid.
func ParseTxnID(raw string) TxnInfo {
	id := strings.TrimSpace(strings.Trim(strings.TrimSpace(raw), "\t'\"`"))
	info := TxnInfo{ID: id, Form: FormUnknown, KindZh: "未知单号", KindEn: "unrecognised number"}
	if id == "" {
		info.Form = FormInvalid
		info.ProblemZh, info.ProblemEn = "单号为空", "the ID is empty"
		return info
	}
	digits := allDigits(id)
	switch {
	case strings.HasPrefix(id, "1000050001"):
		info.Platform, info.KindZh, info.KindEn = "wechat", "微信转账单号", "WeChat transfer number"
		switch {
		case !digits:
			info.setInvalid("微信转账单号只能由数字组成", "a WeChat transfer number has digits only", id)
		case len(id) < 31 || len(id) > 40:
			info.setInvalid(fmt.Sprintf("微信转账单号应为 31 位以上数字，此处为 %d 位", len(id)),
				fmt.Sprintf("a WeChat transfer number has 31 or more digits, this one has %d", len(id)), id)
		default:
			info.Form = FormValid
			info.embeddedDate(id[10:18], wechatSince)
		}
	case strings.HasPrefix(id, "4200") || strings.HasPrefix(id, "4100"):
		info.Platform, info.KindZh, info.KindEn = "wechat", "微信支付交易单号", "WeChat Pay transaction ID"
		switch {
		case !digits:
			info.setInvalid("微信支付交易单号只能由数字组成", "a WeChat Pay transaction ID has digits only", id)
		case len(id) != 28:
			info.setInvalid(fmt.Sprintf("微信支付交易单号应为 28 位数字，此处为 %d 位", len(id)),
				fmt.Sprintf("a WeChat Pay transaction ID has 28 digits, this one has %d", len(id)), id)
		default:
			info.Form = FormValid
			info.embeddedDate(id[10:18], wechatSince)
		}
	case digits && len(id) >= 8 && (strings.HasPrefix(id, "20") || strings.HasPrefix(id, "19")) && looksLikeDate(id[:8]):
		info.Platform, info.KindZh, info.KindEn = "alipay", "支付宝交易号", "Alipay transaction number"
		if len(id) != 28 && len(id) != 32 {
			info.setInvalid(fmt.Sprintf("支付宝交易号应为 28 位数字，此处为 %d 位", len(id)),
				fmt.Sprintf("an Alipay transaction number has 28 digits, this one has %d", len(id)), id)
			info.Platform = "alipay"
		} else {
			info.Form = FormValid
			info.embeddedDate(id[:8], alipaySince)
		}
	case digits:
		info.KindZh, info.KindEn = "银行流水号或其他单号", "bank serial or other number"
	default:
		for _, r := range id {
			if r > unicode.MaxASCII || unicode.IsSpace(r) || unicode.IsControl(r) {
				info.setInvalid("单号含有空格、全角或不可见字符", "the ID holds spaces, full-width or invisible characters", id)
				return info
			}
		}
		info.KindZh, info.KindEn = "商户订单号", "merchant order number"
	}
	return info
}

func (t *TxnInfo) setInvalid(zh, en, id string) {
	t.Form = FormInvalid
	t.ProblemZh, t.ProblemEn = zh, en
}

// The first days on which each platform issued IDs of the form that
// ParseTxnID reads: WeChat Pay opened with WeChat 5.0 in August 2013 (its
// transfers came later still), Alipay on Taobao in October 2003. An ID
// whose embedded date lies before that cannot be real.
var (
	wechatSince = time.Date(2013, 8, 1, 0, 0, 0, 0, tz.Shanghai)
	alipaySince = time.Date(2003, 10, 1, 0, 0, 0, 0, tz.Shanghai)
)

func (t *TxnInfo) embeddedDate(s string, since time.Time) {
	d, err := time.ParseInLocation("20060102", s, tz.Shanghai)
	if err != nil || d.Year() > 2100 {
		t.ProblemZh = fmt.Sprintf("单号中的日期 %s 不是有效日期", s)
		t.ProblemEn = fmt.Sprintf("the date %s inside the ID is not a calendar date", s)
		return
	}
	t.Date, t.HasDate = d, true
	if d.Before(since) {
		t.setInvalid(fmt.Sprintf("单号中的日期 %s 早于平台开始发放此类单号的时间（%s）", d.Format("2006-01-02"), since.Format("2006年1月")),
			fmt.Sprintf("the date %s inside the ID is before such IDs were issued (%s)", d.Format("2006-01-02"), since.Format("January 2006")), t.ID)
	}
}

// ParseTxnIDAt is ParseTxnID with the run's clock: an ID whose embedded
// date is later than now's calendar day in UTC+8 cannot have been issued
// yet and is invalid, with the reason. Every check of a case, a bill or
// the txn command goes through here; ParseTxnID alone judges the form.
func ParseTxnIDAt(raw string, now time.Time) TxnInfo {
	t := ParseTxnID(raw)
	if !t.HasDate || now.IsZero() || t.Form == FormInvalid {
		return t
	}
	n := now.In(tz.Shanghai)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, tz.Shanghai)
	if t.Date.After(today) {
		t.setInvalid(fmt.Sprintf("单号中的日期 %s 晚于当前日期 %s：这样的单号还不可能存在", t.Date.Format("2006-01-02"), today.Format("2006-01-02")),
			fmt.Sprintf("the date %s inside the ID is after today, %s: no such ID can exist yet", t.Date.Format("2006-01-02"), today.Format("2006-01-02")), t.ID)
	}
	return t
}

// DateMismatch reports whether the ID's embedded date is more than a day
// away from the stated time (compared as calendar days in UTC+8).
func (t TxnInfo) DateMismatch(stated time.Time) bool {
	if !t.HasDate || stated.IsZero() {
		return false
	}
	s := stated.In(tz.Shanghai)
	day := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, tz.Shanghai)
	diff := day.Sub(t.Date)
	if diff < 0 {
		diff = -diff
	}
	return diff > 24*time.Hour
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func looksLikeDate(s string) bool {
	d, err := time.Parse("20060102", s)
	return err == nil && d.Year() >= 2004 && d.Year() <= 2100
}
