package evidence

import (
	"testing"
	"time"
)

func TestParseTxnID(t *testing.T) {
	tests := []struct {
		id       string
		platform string
		form     string
		date     string // yyyy-mm-dd or ""
	}{
		{"4200002345202511031234567890", "wechat", FormValid, "2025-11-03"},
		{" 4200002345202511031234567890\t", "wechat", FormValid, "2025-11-03"},
		{"420000234520251103123456789", "wechat", FormInvalid, ""},   // 27 digits
		{"42000023452025110312345678901", "wechat", FormInvalid, ""}, // 29 digits
		{"4200002345202513031234567890", "wechat", FormValid, ""},    // month 13: soft
		{"42000023452025110312345678 0", "wechat", FormInvalid, ""},  // space inside
		{"1000050001202511031234567890123", "wechat", FormValid, "2025-11-03"},
		{"100005000120251103123", "wechat", FormInvalid, ""},
		{"2025110322001412345678901234", "alipay", FormValid, "2025-11-03"},
		{"20251103220014123456789012", "alipay", FormInvalid, ""},
		{"T20251103ABC", "", FormUnknown, ""},
		{"62170000123", "", FormUnknown, ""},
		{"", "", FormInvalid, ""},
		{"４２００", "", FormInvalid, ""},
	}
	for _, tt := range tests {
		got := ParseTxnID(tt.id)
		if got.Platform != tt.platform || got.Form != tt.form {
			t.Errorf("ParseTxnID(%q) = platform %q form %q (%s), want %q %q", tt.id, got.Platform, got.Form, got.ProblemEn, tt.platform, tt.form)
		}
		gotDate := ""
		if got.HasDate {
			gotDate = got.Date.Format("2006-01-02")
		}
		if gotDate != tt.date {
			t.Errorf("ParseTxnID(%q) date = %q, want %q", tt.id, gotDate, tt.date)
		}
		if got.Form == FormInvalid && got.ProblemEn == "" {
			t.Errorf("ParseTxnID(%q): invalid without a reason", tt.id)
		}
	}
}

func TestDateMismatch(t *testing.T) {
	info := ParseTxnID("4200002345202511031234567890")
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for s, want := range map[string]bool{
		"2025-11-03T14:05:00+08:00": false,
		"2025-11-02T23:59:00+08:00": false, // a day before: tolerated
		"2025-11-02T16:30:00Z":      false, // 2025-11-03 00:30 in UTC+8
		"2025-11-05T10:00:00+08:00": true,
		"2024-11-03T14:05:00+08:00": true,
	} {
		if got := info.DateMismatch(at(s)); got != want {
			t.Errorf("DateMismatch(%s) = %v, want %v", s, got, want)
		}
	}
}

func FuzzParseTxnID(f *testing.F) {
	for _, s := range []string{"4200002345202511031234567890", "1000050001202511031234567890123", "2025110322001412345678901234", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info := ParseTxnID(s)
		switch info.Form {
		case FormValid, FormInvalid, FormUnknown:
		default:
			t.Fatalf("form %q", info.Form)
		}
		if info.Form == FormInvalid && info.ProblemEn == "" {
			t.Fatalf("invalid %q without a reason", s)
		}
		_ = info.DateMismatch(time.Unix(0, 0))
	})
}
