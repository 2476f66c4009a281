package bundle

import (
	"fmt"
	"slices"
	"strings"
)

// The case.yaml keys with a closed set of values, each value with what it
// means in Chinese. This one table serves case.yaml parsing, init's flags,
// and the --purpose and --lang flags of build, single and --batch: a value
// not in it is refused the same way everywhere (valueError). The commented
// template that init writes lists the same values (a test keeps them equal).
var valueTable = []struct {
	key string
	// blank is what a blank or missing value means in a build.
	blank   string
	choices []choice
	// flagOnly marks a key that is a flag of build and check, never a
	// key of case.yaml (so init's template does not list it).
	flagOnly bool
}{
	{key: "purpose", blank: "civil", choices: []choice{{"complaint", "平台投诉"}, {"police", "报案"}, {"civil", "民事诉讼"}}},
	{key: "lang", blank: "zh", choices: []choice{{"zh", "中文"}, {"en", "English"}}},
	{key: "platform", choices: []choice{{"wechat", "微信支付"}, {"alipay", "支付宝"}, {"bank", "银行"}, {"other", "其他"}}},
	{key: "complaint_type", choices: []choice{{"wrong_transfer", "转错账"}, {"fake_goods", "虚假商品"}, {"fraud", "诈骗"},
		{"not_delivered", "未收到货"}, {"duplicate_charge", "重复扣款"}, {"other", "其他"}}},
	{key: "direction", choices: []choice{{"out", "付出"}, {"in", "收到"}}},
	{key: "ocr", blank: "auto", flagOnly: true, choices: []choice{{"auto", "有识别引擎时识别截图文字"}, {"on", "必须识别，缺引擎即报错"}, {"off", "不识别"}}},
}

type choice struct{ value, zh string }

// allowedValues lists the values of key in the table's order; nil for a
// key without a closed set.
func allowedValues(key string) []string {
	for _, f := range valueTable {
		if f.key == key {
			vals := make([]string, len(f.choices))
			for i, c := range f.choices {
				vals[i] = c.value
			}
			return vals
		}
	}
	return nil
}

// blankValue is what a blank value of key means in a build ("" when a
// blank stays blank).
func blankValue(key string) string {
	for _, f := range valueTable {
		if f.key == key {
			return f.blank
		}
	}
	return ""
}

// valueHint explains the values of key as the case.yaml template does:
// "complaint 平台投诉 | police 报案 | civil 民事诉讼".
func valueHint(key string) string {
	for _, f := range valueTable {
		if f.key == key {
			parts := make([]string, len(f.choices))
			for i, c := range f.choices {
				parts[i] = c.value + " " + c.zh
			}
			return strings.Join(parts, " | ")
		}
	}
	return ""
}

// valueError says why v is not a value of key, "" when it is one (a blank
// value always is).
func valueError(key, v string) string {
	vals := allowedValues(key)
	if v == "" || slices.Contains(vals, v) {
		return ""
	}
	return fmt.Sprintf("%s %q is not one of %s", key, v, strings.Join(vals, ", "))
}

// checkFlag refuses a flag's value that is not in the table: exit 2, with
// the flag named as typed (--purpose).
func checkFlag(key, v string) error {
	if msg := valueError(key, v); msg != "" {
		return &UsageError{Msg: "--" + msg, Hint: valueHint(key)}
	}
	return nil
}

// checkKey refuses a case.yaml value that is not in the table, naming the
// file and line.
func checkKey(path string, line int, key, v string) error {
	if msg := valueError(key, v); msg != "" {
		return &CaseError{Path: path, Line: line, Msg: msg, Hint: valueHint(key)}
	}
	return nil
}

// checkJobs refuses a negative number of parallel workers (0 means one per
// CPU); what names what is worked on at once (files, cases).
func checkJobs(n int, what string) error {
	if n < 0 {
		return &UsageError{Msg: fmt.Sprintf("-j %d: the number of %s worked on at once must be positive", n, what),
			Hint: "give a number such as -j 2, or leave -j out for one per CPU"}
	}
	return nil
}
