package evidence

import (
	"strings"
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
		// Embedded dates before the platform issued such IDs.
		{"4200002345201211031234567890", "wechat", FormInvalid, "2012-11-03"},
		{"1000050001201301011234567890123", "wechat", FormInvalid, "2013-01-01"},
		{"4200002345201308011234567890", "wechat", FormValid, "2013-08-01"},
		{"2003091522001412345678901234", "", FormUnknown, ""}, // 2003: not read as Alipay at all
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

// TestParseTxnIDAt: an embedded date after the run's day (UTC+8) is
// invalid with the reason; the day itself is not.
func TestParseTxnIDAt(t *testing.T) {
	now := time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC) // 10:00 UTC+8
	tests := []struct {
		id, form, says string
	}{
		{"4200002345209911031234567890", FormInvalid, "after today, 2025-11-20"},
		{"4200002345202511211234567890", FormInvalid, "2025-11-21 inside the ID is after today"},
		{"4200002345202511201234567890", FormValid, ""},
		{"1000050001202512011234567890123", FormInvalid, "after today"},
		{"2099110322001412345678901234", FormInvalid, "after today"},
		{"2025110322001412345678901234", FormValid, ""},
		{"T20991103ABC", FormUnknown, ""}, // no embedded date to judge
	}
	for _, tt := range tests {
		got := ParseTxnIDAt(tt.id, now)
		if got.Form != tt.form || !strings.Contains(got.ProblemEn, tt.says) {
			t.Errorf("ParseTxnIDAt(%q) = %s %q, want %s %q", tt.id, got.Form, got.ProblemEn, tt.form, tt.says)
		}
		if got.Form == FormInvalid && got.ProblemZh == "" {
			t.Errorf("ParseTxnIDAt(%q): no Chinese reason", tt.id)
		}
	}
	// 2025-11-20 16:30 UTC is already 2025-11-21 in UTC+8.
	late := time.Date(2025, 11, 20, 16, 30, 0, 0, time.UTC)
	if got := ParseTxnIDAt("4200002345202511211234567890", late); got.Form != FormValid {
		t.Errorf("at %s the ID of 2025-11-21 is %s (%s), want valid", late, got.Form, got.ProblemEn)
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
