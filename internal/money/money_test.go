package money

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Fen
		err  bool
	}{
		{"5000", 500000, false},
		{"5000.00", 500000, false},
		{"5,000.5", 500050, false},
		{"¥12.00", 1200, false},
		{"￥0.01", 1, false},
		{"-3.20", -320, false},
		{"+0.10", 10, false},
		{"12.50元", 1250, false},
		{"12.500", 1250, false},
		{"1.005", 0, true},
		{"", 0, true},
		{"abc", 0, true},
		{"1e3", 0, true},
		{"1234567890123456", 0, true},
		{".5", 50, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("Parse(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err != nil && !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) error %v is not ErrSyntax", tt.in, err)
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestExactSum(t *testing.T) {
	a, _ := Parse("0.1")
	b, _ := Parse("0.2")
	if got := (a + b).String(); got != "0.30" {
		t.Fatalf("0.1 + 0.2 = %s, want 0.30", got)
	}
}

func TestString(t *testing.T) {
	for in, want := range map[Fen]string{0: "0.00", 5: "0.05", -30: "-0.30", 123456789: "1234567.89"} {
		if got := in.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", in, got, want)
		}
	}
	if got := Fen(123456789).Grouped(); got != "1,234,567.89" {
		t.Errorf("Grouped = %q", got)
	}
	if got := Fen(-100000).Grouped(); got != "-1,000.00" {
		t.Errorf("Grouped = %q", got)
	}
}

func TestGroupedInt(t *testing.T) {
	for _, tc := range []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {-1000, "-1,000"}, {-12, "-12"},
		{3916756, "3,916,756"}, {123456789012, "123,456,789,012"},
		{math.MaxInt64, "9,223,372,036,854,775,807"}, {math.MinInt64, "-9,223,372,036,854,775,808"},
	} {
		if got := Grouped(tc.in); got != tc.want {
			t.Errorf("Grouped(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"5000.00", "¥12.00", "-3.2", "1,234.56元", "+0.01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		// What parses must print and parse back to the same amount.
		w, err := Parse(v.String())
		if err != nil || w != v {
			t.Fatalf("round trip of %q: %v -> %q -> %v (%v)", s, v, v.String(), w, err)
		}
	})
}

func ExampleGrouped() {
	fmt.Println(Grouped(3916756), Fen(500000).Grouped())
	// Output: 3,916,756 5,000.00
}
