package bundle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/casebundle/casebundle/internal/tz"
	"github.com/casebundle/casebundle/templates"
)

// CasePapers is the papers block of case.yaml: the facts the papers to
// file need (build --papers) that the rest of case.yaml does not hold.
// Every key is optional; what is missing stays a blank line in the papers.
type CasePapers struct {
	// Court is the court the claim is filed with.
	Court string `yaml:"court"`
	// ClaimantAddress is the claimant's address (住所地) for service.
	ClaimantAddress string `yaml:"claimant_address"`
	// RespondentAddress is the respondent's address, when known.
	RespondentAddress string `yaml:"respondent_address"`
	// RespondentBank is the bank of the respondent's receiving account.
	RespondentBank string       `yaml:"respondent_bank"`
	Interest       CaseInterest `yaml:"interest"`
	// Costs asks that the respondent bear the costs; missing means yes.
	Costs *bool `yaml:"costs"`
	// Mediation answers whether to try mediation first: yes, no, unsure.
	Mediation string `yaml:"mediation"`
	// DeadlineDays is the time the demand letter gives (1–365; 0 is 7).
	DeadlineDays int `yaml:"deadline_days"`
}

// CaseInterest is how interest is claimed. The rate is the user's: the
// LPR they looked up or a rate they state, never one the program picks.
type CaseInterest struct {
	// Basis is lpr, rate or none; blank means not chosen yet.
	Basis string   `yaml:"basis"`
	Rate  CaseRate `yaml:"rate"`
	// LPRDate is the day the LPR used was published.
	LPRDate CaseDate `yaml:"lpr_date"`
	// From is the day interest starts; blank means each payment's day.
	From CaseDate `yaml:"from"`
}

// CaseRate is a yearly rate in percent, read from its text ("3.0",
// "3.45%"), never as a float.
type CaseRate struct {
	PPM  int64 // millionths of one: 3.45% is 34500
	Line int
}

// UnmarshalYAML reads the rate exactly.
func (r *CaseRate) UnmarshalYAML(n *yaml.Node) error {
	if strings.TrimSpace(n.Value) == "" {
		return nil
	}
	ppm, err := templates.ParseRate(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: rate %q: want %v", n.Line, n.Value, err)
	}
	*r = CaseRate{PPM: ppm, Line: n.Line}
	return nil
}

// CaseDate is a calendar day, 2025-11-03, in Beijing.
type CaseDate struct {
	Time time.Time // midnight UTC+8, in UTC
	Set  bool
}

// UnmarshalYAML reads the day as written, never through YAML's own types.
func (d *CaseDate) UnmarshalYAML(n *yaml.Node) error {
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02"} {
		if v, err := time.ParseInLocation(layout, s, tz.Shanghai); err == nil {
			*d = CaseDate{Time: v.UTC(), Set: true}
			return nil
		}
	}
	return fmt.Errorf("line %d: date %q is not a day such as 2025-11-03", n.Line, s)
}

// The allowed values of the papers block.
var papersAllowed = map[string][]string{
	"mediation": {"yes", "no", "unsure"},
	"basis":     {"lpr", "rate", "none"},
}

// validatePapers checks the papers block: values in their lists, a rate
// only with a basis that uses it, a deadline of 1 to 365 days.
func (c *Case) validatePapers(path string, root *yaml.Node) error {
	p := c.Papers
	line := func(keys ...string) int { return nestedLine(root, append([]string{"papers"}, keys...)...) }
	for _, kv := range [][3]string{{"mediation", p.Mediation, ""}, {"basis", p.Interest.Basis, "interest"}} {
		if kv[1] == "" || slices.Contains(papersAllowed[kv[0]], kv[1]) {
			continue
		}
		keys := []string{kv[0]}
		if kv[2] != "" {
			keys = []string{kv[2], kv[0]}
		}
		return &CaseError{Path: path, Line: line(keys...), Msg: fmt.Sprintf("papers: %s %q is not one of %s", strings.Join(keys, "."), kv[1], strings.Join(papersAllowed[kv[0]], ", "))}
	}
	if p.Interest.Basis == "none" && p.Interest.Rate.PPM != 0 {
		return &CaseError{Path: path, Line: p.Interest.Rate.Line, Msg: "papers: interest.rate is given but interest.basis is none",
			Hint: "set basis to lpr or rate to claim interest at that rate, or remove the rate"}
	}
	if p.DeadlineDays < 0 || p.DeadlineDays > 365 {
		return &CaseError{Path: path, Line: line("deadline_days"), Msg: fmt.Sprintf("papers: deadline_days %d is not between 1 and 365", p.DeadlineDays),
			Hint: "the demand letter usually gives 7 days"}
	}
	return nil
}

// nestedLine is the line of a key inside mappings (papers → interest →
// basis), or 0.
func nestedLine(root *yaml.Node, keys ...string) int {
	if len(root.Content) == 0 {
		return 0
	}
	n := root.Content[0]
	line := 0
	for _, k := range keys {
		if n.Kind != yaml.MappingNode {
			return line
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			return line
		}
	}
	return line
}

// papersFacts is the papers block as the templates take it.
func papersFacts(c *Case) *templates.PapersFacts {
	p := c.Papers
	costs := p.Costs == nil || *p.Costs
	return &templates.PapersFacts{
		Court: strings.TrimSpace(p.Court), ClaimantAddress: strings.TrimSpace(p.ClaimantAddress),
		RespondentAddress: strings.TrimSpace(p.RespondentAddress), RespondentBank: strings.TrimSpace(p.RespondentBank),
		Interest: templates.InterestChoice{Basis: p.Interest.Basis, RatePPM: p.Interest.Rate.PPM,
			LPRDate: p.Interest.LPRDate.Time, From: p.Interest.From.Time},
		Costs: costs, Mediation: p.Mediation, DeadlineDays: p.DeadlineDays,
	}
}
