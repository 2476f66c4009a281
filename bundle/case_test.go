package bundle

import (
	"errors"
	"strings"
	"testing"
)

func TestParseCase(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantErr string // substring; "" means no error
		check   func(t *testing.T, c *Case)
	}{
		{name: "full schema", yaml: `title: 微信转错账追回
purpose: civil
lang: zh
platform: wechat
complaint_type: wrong_transfer
claimant:   {name: 李明, id_number: "", phone: "13800000000", wechat_id: "", account: ""}
respondent: {name: 张三, wechat_id: zhangsan}
narrative: |
  2025年11月3日14时，我在微信向……
transactions:
  - id: "4200002345202511031234567890"
    time: 2025-11-03T14:05:00+08:00
    amount: 5000.10
    direction: out
    counterparty: 张三
    disputed: true
items:
  screens/b.png: {title: B}
  screens/a.png: {title: 转账成功截图, proves: 已向张三转账5000元, source: 本人手机截图}
`, check: func(t *testing.T, c *Case) {
			if c.Title != "微信转错账追回" || c.Claimant.Phone != "13800000000" || c.Respondent.WeChatID != "zhangsan" {
				t.Errorf("facts: %+v", c)
			}
			tx := c.Transactions[0]
			if tx.Amount.Fen != 500010 || tx.Time.Time.Format("2006-01-02T15:04:05Z07:00") != "2025-11-03T06:05:00Z" || !tx.Time.ZoneKnown || tx.Line != 11 {
				t.Errorf("transaction: %+v", tx)
			}
			if got := strings.Join(c.ItemOrder, ","); got != "screens/b.png,screens/a.png" {
				t.Errorf("item order %q", got)
			}
			if c.Items["screens/a.png"].Proves != "已向张三转账5000元" {
				t.Errorf("items: %+v", c.Items)
			}
		}},
		{name: "blank", yaml: "", check: func(t *testing.T, c *Case) {
			if !c.Present || c.Title != "" {
				t.Errorf("%+v", c)
			}
		}},
		{name: "unknown top key", yaml: "title: x\n\ncolour: red\n", wantErr: `case.yaml:3: unknown key "colour"`},
		{name: "unknown nested key", yaml: "claimant:\n  name: 李明\n  age: 30\n", wantErr: `case.yaml:3: unknown key "age"`},
		{name: "bad purpose", yaml: "purpose: court\n", wantErr: `case.yaml:1: purpose "court" is not one of`},
		{name: "bad direction", yaml: "transactions:\n  - id: \"1\"\n    direction: sideways\n", wantErr: `case.yaml:2: direction "sideways"`},
		{name: "float amount", yaml: "transactions:\n  - id: \"1\"\n    amount: 0.1\n", check: func(t *testing.T, c *Case) {
			if c.Transactions[0].Amount.Fen != 10 {
				t.Errorf("amount %d", c.Transactions[0].Amount.Fen)
			}
		}},
		{name: "three decimals", yaml: "transactions:\n  - id: \"1\"\n    amount: 0.105\n", wantErr: `case.yaml:3: amount "0.105"`},
		{name: "negative amount", yaml: "transactions:\n  - id: \"1\"\n    amount: -5\n", wantErr: "negative"},
		{name: "bad time", yaml: "transactions:\n  - id: \"1\"\n    time: yesterday\n", wantErr: `case.yaml:3: time "yesterday"`},
		{name: "time without zone", yaml: "transactions:\n  - id: \"1\"\n    time: 2025-11-03 14:05\n", check: func(t *testing.T, c *Case) {
			tx := c.Transactions[0]
			if tx.Time.ZoneKnown || tx.Time.Time.Format("15:04") != "06:05" {
				t.Errorf("time %+v", tx.Time)
			}
			if len(c.Findings) != 1 || c.Findings[0].Code != "case_time_no_zone" {
				t.Errorf("findings %+v", c.Findings)
			}
		}},
		{name: "missing id", yaml: "transactions:\n  - amount: 5\n", wantErr: "transaction 1 has no id"},
		{name: "syntax", yaml: "title: [unclosed\n", wantErr: "case.yaml"},
		{name: "gbk", yaml: "title: \xce\xa2\xd0\xc5\n", wantErr: "not UTF-8"},
		{name: "utf16", yaml: "\xff\xfet\x00", wantErr: "UTF-16"},
		{name: "alias bomb", yaml: aliasBomb(), wantErr: "case.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCase("case.yaml", []byte(tt.yaml))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				var ce *CaseError
				if !errors.As(err, &ce) {
					t.Fatalf("error %T is not a *CaseError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}

// aliasBomb is the billion-laughs document: yaml.v3 refuses it for
// excessive aliasing instead of expanding it.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [")
		for i := 0; i < 9; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = n
	}
	b.WriteString("title: *i\n")
	return b.String()
}

func FuzzParseCase(f *testing.F) {
	f.Add([]byte("title: x\npurpose: civil\ntransactions:\n  - id: \"4200002345202511031234567890\"\n    time: 2025-11-03T14:05:00+08:00\n    amount: 5000.00\n"))
	f.Add([]byte("items:\n  a.png: {title: t}\n"))
	f.Add([]byte(aliasBomb()))
	f.Add([]byte("colour: red\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCase("case.yaml", data)
		if err == nil && c == nil {
			t.Fatal("nil case without error")
		}
		if err != nil {
			var ce *CaseError
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not a *CaseError: %v", err, err)
			}
		}
	})
}
