package templates

import (
	"fmt"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/money"
)

func TestParseRate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"3.0", 30000, true}, {"3.45%", 34500, true}, {" 3.1 ", 31000, true}, {"3.4567", 34567, true},
		{".5", 5000, true}, {"100", 1000000, true}, {"3", 30000, true}, {"3.45％", 34500, true},
		{"", 0, false}, {"0", 0, false}, {"100.0001", 0, false}, {"3.45678", 0, false}, {"-1", 0, false},
		{"3,0", 0, false}, {"1e2", 0, false}, {"abc", 0, false}, {"3..0", 0, false}, {"1000", 0, false},
	} {
		got, err := ParseRate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseRate(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"3.0", "3.45%", "", ".", "99.9999", "0.0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ppm, err := ParseRate(s)
		if err != nil {
			return
		}
		if ppm <= 0 || ppm > ratePPMMax {
			t.Fatalf("ParseRate(%q) = %d, out of range", s, ppm)
		}
		// What it reads, it writes back to the same rate.
		if again, err := ParseRate(ratePercent(ppm)); err != nil || again != ppm {
			t.Fatalf("ParseRate(%q) = %d, but %q reads as %d, %v", s, ppm, ratePercent(ppm), again, err)
		}
	})
}

func TestRatePercent(t *testing.T) {
	for ppm, want := range map[int64]string{30000: "3.00", 34500: "3.45", 34567: "3.4567", 5000: "0.50", 1000000: "100.00", 31: "0.0031"} {
		if got := ratePercent(ppm); got != want {
			t.Errorf("ratePercent(%d) = %q, want %q", ppm, got, want)
		}
	}
}

func TestInterestFen(t *testing.T) {
	for _, tc := range []struct {
		p    money.Fen
		ppm  int64
		days int
		want money.Fen
	}{
		{500000, 30000, 17, 699},            // 698.63 → 699
		{120050, 30000, 20, 197},            // 197.34
		{30000, 30000, 20, 49},              // 49.32
		{365, 1000000, 1, 1},                // exactly 1
		{73, 1000000, 1, 0},                 // 0.2 → 0
		{219, 1000000, 1, 1},                // 0.6 → 1
		{1825, 100000, 1, 1},                // 0.5 → 1, half up
		{500000, 30000, 0, 0},               // no days
		{0, 30000, 10, 0},                   // no principal
		{1 << 60, 1000000, 9999, 1<<63 - 1}, // too large for int64: the largest
	} {
		if got := interestFen(tc.p, tc.ppm, tc.days); got != tc.want {
			t.Errorf("interestFen(%d, %d, %d) = %d, want %d", tc.p, tc.ppm, tc.days, got, tc.want)
		}
	}
}

func TestDaysBetween(t *testing.T) {
	// A payment late on 3 November Beijing time (still the 3rd in UTC+8)
	// counts from the 3rd; the 20th is 17 days later.
	from := day(time.Date(2025, 11, 3, 15, 59, 0, 0, time.UTC)) // 23:59 Beijing
	to := day(time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC))
	if n := daysBetween(from, to); n != 17 {
		t.Errorf("days = %d, want 17", n)
	}
	if n := daysBetween(to, from); n != 0 {
		t.Errorf("days backwards = %d, want 0", n)
	}
	// 16:00 UTC is already the next day in Beijing.
	if d := day(time.Date(2025, 11, 3, 16, 0, 0, 0, time.UTC)); d.Day() != 4 {
		t.Errorf("day = %v, want the 4th", d)
	}
}

func TestClaimOf(t *testing.T) {
	pay := func(id string, fen money.Fen, d int) Transaction {
		return Transaction{ID: id, Amount: fen, Direction: "out", Disputed: true, HasTime: true, Time: time.Date(2025, 11, d, 6, 5, 0, 0, time.UTC)}
	}
	d := &Dossier{Generated: time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC), LossTotal: 600000,
		Transactions: []Transaction{pay("a", 500000, 3), pay("b", 100000, 10), {ID: "c", Amount: 99, Direction: "in"}}}
	for _, tc := range []struct {
		f        InterestChoice
		interest money.Fen
		known    bool
		total    money.Fen
	}{
		{InterestChoice{}, 0, false, 600000},
		{InterestChoice{Basis: "none"}, 0, true, 600000},
		{InterestChoice{Basis: "lpr"}, 0, false, 600000},
		{InterestChoice{Basis: "lpr", RatePPM: 30000}, 699 + 82, true, 600781}, // b: 100000×3%×10/365 = 82.19
		{InterestChoice{Basis: "rate", RatePPM: 30000, From: time.Date(2025, 11, 9, 16, 0, 0, 0, time.UTC)}, 411 + 82, true, 600493},
	} {
		c := claimOf(d, &PapersFacts{Interest: tc.f})
		if c.interest != tc.interest || c.interestKnown != tc.known || c.total != tc.total || c.principal != 600000 || len(c.payments) != 2 {
			t.Errorf("%+v: interest %d known %v total %d principal %d payments %d", tc.f, c.interest, c.interestKnown, c.total, c.principal, len(c.payments))
		}
	}
}

func ExampleParseRate() {
	ppm, err := ParseRate("3.45%")
	fmt.Println(ppm, err, ratePercent(ppm))
	// Output: 34500 <nil> 3.45
}
