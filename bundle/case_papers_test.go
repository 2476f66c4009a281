package bundle

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseCasePapers(t *testing.T) {
	tests := []struct {
		name, yaml string
		wantErr    string // substring; "" means no error
		wantLine   int
		check      func(t *testing.T, c *Case)
	}{
		{name: "full block", yaml: `title: x
papers:
  court: 上海市浦东新区人民法院
  claimant_address: 上海市浦东新区张杨路1号
  respondent_address: ""
  respondent_bank: 招商银行
  interest: {basis: lpr, rate: 3.0, lpr_date: 2025-10-20, from: 2025-11-04}
  costs: false
  mediation: unsure
  deadline_days: 10
`, check: func(t *testing.T, c *Case) {
			p := c.Papers
			if p.Court != "上海市浦东新区人民法院" || p.RespondentBank != "招商银行" || p.Mediation != "unsure" || p.DeadlineDays != 10 || p.Costs == nil || *p.Costs {
				t.Errorf("papers: %+v", p)
			}
			if p.Interest.Rate.PPM != 30000 || p.Interest.LPRDate.Time.Format("2006-01-02T15:04Z07:00") != "2025-10-19T16:00Z" || !p.Interest.From.Set {
				t.Errorf("interest: %+v", p.Interest)
			}
			f := papersFacts(c)
			if f.Costs || f.Interest.RatePPM != 30000 || f.Court != p.Court || f.DeadlineDays != 10 {
				t.Errorf("facts: %+v", f)
			}
		}},
		{name: "no block: costs claimed", yaml: "title: x\n", check: func(t *testing.T, c *Case) {
			if f := papersFacts(c); !f.Costs || f.Interest.Basis != "" || f.DeadlineDays != 0 {
				t.Errorf("facts: %+v", f)
			}
		}},
		{name: "rate as text with percent", yaml: "papers:\n  interest: {basis: rate, rate: \"3.45%\"}\n", check: func(t *testing.T, c *Case) {
			if c.Papers.Interest.Rate.PPM != 34500 {
				t.Errorf("rate %+v", c.Papers.Interest.Rate)
			}
		}},
		{name: "unknown key in papers", yaml: "papers:\n  court: x\n  judge: y\n", wantErr: `unknown key "judge"`, wantLine: 3},
		{name: "unknown key in interest", yaml: "papers:\n  interest:\n    basis: lpr\n    percent: 3\n", wantErr: `unknown key "percent"`, wantLine: 4},
		{name: "bad basis", yaml: "papers:\n  interest:\n    basis: fixed\n", wantErr: "interest.basis \"fixed\" is not one of lpr, rate, none", wantLine: 3},
		{name: "bad mediation", yaml: "papers:\n  mediation: maybe\n", wantErr: "mediation \"maybe\"", wantLine: 2},
		{name: "rate with none", yaml: "papers:\n  interest:\n    basis: none\n    rate: 3.0\n", wantErr: "basis is none", wantLine: 4},
		{name: "bad rate", yaml: "papers:\n  interest: {basis: rate, rate: 3.456789}\n", wantErr: "rate \"3.456789\"", wantLine: 2},
		{name: "rate over 100", yaml: "papers:\n  interest: {basis: rate, rate: 120}\n", wantErr: "at most 100%", wantLine: 2},
		{name: "bad date", yaml: "papers:\n  interest: {from: 11/04}\n", wantErr: "not a day such as 2025-11-03", wantLine: 2},
		{name: "deadline too long", yaml: "papers:\n  deadline_days: 400\n", wantErr: "deadline_days 400", wantLine: 2},
		{name: "deadline not a number", yaml: "papers:\n  deadline_days: soon\n", wantErr: "soon", wantLine: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseCase("case.yaml", []byte(tc.yaml))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				tc.check(t, c)
				return
			}
			var ce *CaseError
			if !errors.As(err, &ce) || !strings.Contains(ce.Msg, tc.wantErr) || ce.Line != tc.wantLine {
				t.Fatalf("err = %v (line %d), want %q at line %d", err, lineOf(ce), tc.wantErr, tc.wantLine)
			}
		})
	}
}

func lineOf(ce *CaseError) int {
	if ce == nil {
		return -1
	}
	return ce.Line
}

// The template init writes parses, papers block included, and explains
// every key of the block in both languages.
func TestInitTemplatePapers(t *testing.T) {
	dir := t.TempDir()
	p, err := Init(filepath.Join(dir, "c"), InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	c, err := ParseCase(p, data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Papers.DeadlineDays != 7 || c.Papers.Costs == nil || !*c.Papers.Costs {
		t.Errorf("papers: %+v", c.Papers)
	}
	for _, key := range []string{"court:", "claimant_address:", "respondent_address:", "respondent_bank:", "basis:", "rate:", "lpr_date:", "from:", "costs:", "mediation:", "deadline_days:"} {
		i := strings.Index(string(data), "  "+key)
		if i < 0 {
			t.Errorf("the template lacks %s", key)
			continue
		}
		line := string(data[i:])
		line = line[:strings.IndexByte(line, '\n')]
		if !strings.Contains(line, "#") || !strings.Contains(line, "/") {
			t.Errorf("the template does not explain %s in both languages: %s", key, line)
		}
	}
}
