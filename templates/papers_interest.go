package templates

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// Interest is counted the way Chinese courts count it on a claim for money
// held without a legal ground: simple interest by the day on each
// payment, from the day it was paid (or the day the user names) to the
// day the papers are made ("暂计至"), a year of 365 days, the result
// rounded half up to the fen. The rate is the one the user wrote in
// case.yaml — the LPR they looked up, or a rate they state — and nothing
// else: with no rate there is no figure, only a blank to fill.

// ratePPMMax bounds a yearly rate: 100% in millionths.
const ratePPMMax = 1_000_000

// ParseRate reads a yearly rate written in percent — "3.0", "3.45%",
// "3.1" — into millionths of one (3.45% is 34500). At most four decimals
// are kept exactly; a rate must be above 0 and at most 100%.
func ParseRate(s string) (int64, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％"))
	if t == "" {
		return 0, errors.New("no rate")
	}
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 3 || len(frac) > 4 || !digits(whole) || !digits(frac) {
		return 0, errors.New("a yearly rate in percent with at most four decimals, such as 3.0 or 3.45")
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", 4-len(frac)), 10, 64)
	}
	ppm := w*10000 + f
	if ppm <= 0 || ppm > ratePPMMax {
		return 0, errors.New("a rate above 0% and at most 100%")
	}
	return ppm, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ratePercent writes a rate in millionths as percent with at least two
// decimals: 30000 is "3.00", 34567 is "3.4567".
func ratePercent(ppm int64) string {
	s := strconv.FormatInt(ppm/10000, 10) + "." + strconv.FormatInt(10000+ppm%10000, 10)[1:]
	for strings.HasSuffix(s, "0") && len(s) > len(strconv.FormatInt(ppm/10000, 10))+3 {
		s = s[:len(s)-1]
	}
	return s
}

// day is the calendar day of t in Beijing, as midnight UTC, so that days
// can be counted by subtraction.
func day(t time.Time) time.Time {
	b := t.In(tz.Shanghai)
	return time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
}

// daysBetween counts the days from one calendar day to a later one; a
// day before from counts as none.
func daysBetween(from, to time.Time) int {
	n := int(to.Sub(from).Hours() / 24)
	return max(n, 0)
}

// interestFen is principal × rate × days ÷ 365, rounded half up to the
// fen, in integers of any size.
func interestFen(principal money.Fen, ppm int64, days int) money.Fen {
	if principal <= 0 || ppm <= 0 || days <= 0 {
		return 0
	}
	n := new(big.Int).Mul(big.NewInt(int64(principal)), big.NewInt(ppm))
	n.Mul(n, big.NewInt(int64(days)))
	den := big.NewInt(365 * 1_000_000)
	n.Mul(n, big.NewInt(2))
	n.Add(n, den)
	n.Quo(n, new(big.Int).Mul(den, big.NewInt(2)))
	if !n.IsInt64() {
		return money.Fen(1<<63 - 1)
	}
	return money.Fen(n.Int64())
}

// interestPart is the interest on one payment.
type interestPart struct {
	txn       Transaction
	from, to  time.Time // calendar days
	days      int
	amount    money.Fen
	computed  bool // false without a rate or a payment date
	principal money.Fen
}

// claimMoney is the money the claim asks for: each disputed payment, the
// interest on each when the user chose a rate, and the total.
type claimMoney struct {
	payments  []Transaction // disputed outgoing payments of case.yaml
	principal money.Fen
	basis     string // lpr, rate, none, "" (not chosen)
	ppm       int64  // 0: no rate given
	parts     []interestPart
	interest  money.Fen
	// interestKnown is true when every part could be computed.
	interestKnown bool
	to            time.Time
	total         money.Fen
}

// claimOf works out the money of the claim: the principal is the
// disputed loss total of the dossier, made of its disputed outgoing
// payments; interest runs to the day the papers are made.
func claimOf(d *Dossier, f *PapersFacts) claimMoney {
	c := claimMoney{basis: f.Interest.Basis, ppm: f.Interest.RatePPM, to: day(d.Generated)}
	for _, t := range d.Transactions {
		if t.Disputed && t.Direction == "out" {
			c.payments = append(c.payments, t)
			c.principal += t.Amount
		}
	}
	if d.LossTotal != 0 {
		// The dossier's total is the one every route shows.
		c.principal = d.LossTotal
	}
	c.interestKnown = c.basis == "none"
	if c.basis == "lpr" || c.basis == "rate" {
		c.interestKnown = c.ppm > 0 && len(c.payments) > 0
		for _, t := range c.payments {
			p := interestPart{txn: t, to: c.to, principal: t.Amount}
			switch {
			case !f.Interest.From.IsZero():
				p.from = day(f.Interest.From)
			case t.HasTime:
				p.from = day(t.Time)
			}
			if !p.from.IsZero() && c.ppm > 0 {
				p.days = daysBetween(p.from, p.to)
				p.amount = interestFen(t.Amount, c.ppm, p.days)
				p.computed = true
				c.interest += p.amount
			} else {
				c.interestKnown = false
			}
			c.parts = append(c.parts, p)
		}
	}
	c.total = c.principal
	if c.interestKnown {
		c.total += c.interest
	}
	return c
}
