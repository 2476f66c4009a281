package bundle

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// CaseFile is the name of the facts file at the top of a case folder.
const CaseFile = "case.yaml"

// maxCaseFile bounds case.yaml: it holds facts and notes, not evidence.
const maxCaseFile = 4 << 20

// Party is the claimant or the respondent.
type Party struct {
	Name     string `yaml:"name" json:"name"`
	IDNumber string `yaml:"id_number" json:"id_number"`
	Phone    string `yaml:"phone" json:"phone"`
	WeChatID string `yaml:"wechat_id" json:"wechat_id"`
	Account  string `yaml:"account" json:"account"`
}

// CaseTxn is one transaction as case.yaml states it.
type CaseTxn struct {
	ID           string    `yaml:"id"`
	Time         CaseTime  `yaml:"time"`
	Amount       CaseMoney `yaml:"amount"`
	Direction    string    `yaml:"direction"`
	Counterparty string    `yaml:"counterparty"`
	Disputed     bool      `yaml:"disputed"`
	Line         int       `yaml:"-"`
}

// ItemNote is what the user says about one evidence file.
type ItemNote struct {
	Title  string `yaml:"title"`
	Proves string `yaml:"proves"`
	Source string `yaml:"source"`
}

// Case is case.yaml (schema: docs/design.md#caseyaml). A missing key is blank.
type Case struct {
	Title         string              `yaml:"title"`
	Purpose       string              `yaml:"purpose"`
	Lang          string              `yaml:"lang"`
	Platform      string              `yaml:"platform"`
	ComplaintType string              `yaml:"complaint_type"`
	Claimant      Party               `yaml:"claimant"`
	Respondent    Party               `yaml:"respondent"`
	Narrative     string              `yaml:"narrative"`
	Transactions  []CaseTxn           `yaml:"transactions"`
	Items         map[string]ItemNote `yaml:"items"`
	// Papers are the facts only the papers to file need (case_papers.go).
	Papers CasePapers `yaml:"papers"`

	// ItemOrder is the order of the keys under items:, which sets the
	// exhibit numbers of those files.
	ItemOrder []string `yaml:"-"`
	// Present is false when the folder has no case.yaml.
	Present bool `yaml:"-"`
	// Findings are notes on the facts (a time without a zone, …).
	Findings []evidence.Finding `yaml:"-"`
}

// CaseTime is a time in case.yaml. Without a zone it is read as Beijing
// time (UTC+8) and a finding says so.
type CaseTime struct {
	Time      time.Time
	ZoneKnown bool
	Set       bool
}

// UnmarshalYAML reads the time as written, never through YAML's own types.
func (t *CaseTime) UnmarshalYAML(n *yaml.Node) error {
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00", "2006-01-02T15:04Z07:00"} {
		if v, err := time.Parse(layout, s); err == nil {
			*t = CaseTime{Time: v.UTC(), ZoneKnown: true, Set: true}
			return nil
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02 15:04"} {
		if v, err := time.ParseInLocation(layout, s, tz.Shanghai); err == nil {
			*t = CaseTime{Time: v.UTC(), ZoneKnown: false, Set: true}
			return nil
		}
	}
	return fmt.Errorf("line %d: time %q is not a date and time such as 2025-11-03T14:05:00+08:00", n.Line, s)
}

// CaseMoney is an amount read from its text, never as a float.
type CaseMoney struct {
	Fen money.Fen
	Set bool
}

// UnmarshalYAML reads "5000.00" exactly.
func (m *CaseMoney) UnmarshalYAML(n *yaml.Node) error {
	if strings.TrimSpace(n.Value) == "" {
		return nil
	}
	v, err := money.Parse(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: amount %q is not an amount such as 5000.00", n.Line, n.Value)
	}
	if v < 0 {
		return fmt.Errorf("line %d: amount %q is negative: write it positive and say direction: out", n.Line, n.Value)
	}
	*m = CaseMoney{Fen: v, Set: true}
	return nil
}

// CaseError is a case.yaml that cannot be used; it names the file and line.
type CaseError struct {
	Path string
	Line int
	Msg  string
	Hint string
}

func (e *CaseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// ExitCode is 2: the input cannot be read.
func (e *CaseError) ExitCode() int { return 2 }

// ErrorHint says how to fix case.yaml.
func (e *CaseError) ErrorHint() string { return e.Hint }

var (
	unknownFieldRE = regexp.MustCompile(`line (\d+): field (\S+) not found in type`)
	lineRE         = regexp.MustCompile(`line (\d+)(?:, column (\d+))?: (.*)`)
)

// ReadCase reads case.yaml from dir. A missing file gives an empty case with
// Present false; an unreadable or invalid one is a *CaseError.
func ReadCase(path string) (*Case, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Case{}, nil
	}
	if err != nil {
		return nil, &CaseError{Path: path, Msg: err.Error()}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &CaseError{Path: path, Msg: err.Error()}
	}
	if !st.Mode().IsRegular() {
		return nil, &CaseError{Path: path, Msg: "not a regular file"}
	}
	buf, err := io.ReadAll(io.LimitReader(f, maxCaseFile+1))
	if err != nil {
		return nil, &CaseError{Path: path, Msg: err.Error()}
	}
	if len(buf) > maxCaseFile {
		return nil, &CaseError{Path: path, Msg: fmt.Sprintf("larger than %d MiB; case.yaml holds facts and notes, put evidence in files beside it", maxCaseFile>>20)}
	}
	return ParseCase(path, buf)
}

// ParseCase parses the bytes of a case.yaml; path is used in errors.
func ParseCase(path string, data []byte) (c *Case, err error) {
	defer func() {
		// yaml.v3 panics on a few malformed documents; an input is never
		// a reason to crash.
		if p := recover(); p != nil {
			c, err = nil, &CaseError{Path: path, Msg: fmt.Sprintf("not valid YAML (%v)", p)}
		}
	}()
	c = &Case{Present: true}
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &CaseError{Path: path, Msg: "is UTF-16 encoded", Hint: "save case.yaml as UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8Valid(data) {
		return nil, &CaseError{Path: path, Msg: "is not UTF-8 (perhaps GBK)", Hint: "save case.yaml as UTF-8, e.g. iconv -f GBK -t UTF-8"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return nil, yamlError(path, err)
	}
	c.Present = true
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		recordTxnLines(&root, c)
	}
	if err := c.validate(path, &root); err != nil {
		return nil, err
	}
	return c, nil
}

func yamlError(path string, err error) error {
	msg := err.Error()
	if m := unknownFieldRE.FindStringSubmatch(msg); m != nil {
		line := atoi(m[1])
		return &CaseError{Path: path, Line: line, Msg: fmt.Sprintf("unknown key %q", m[2]),
			Hint: "the keys are title, purpose, lang, platform, complaint_type, claimant, respondent, narrative, transactions, items, papers (see casebundle init)"}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	if m := lineRE.FindStringSubmatch(strings.TrimSpace(msg)); m != nil {
		line := atoi(m[1])
		text := m[3]
		if m[2] != "" {
			text = "column " + m[2] + ": " + text
		}
		return &CaseError{Path: path, Line: line, Msg: text, Hint: "fix case.yaml at that line; casebundle init shows a commented example"}
	}
	return &CaseError{Path: path, Msg: "not valid YAML: " + msg}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }

// recordTxnLines notes the line of every transaction, for findings.
func recordTxnLines(root *yaml.Node, c *Case) {
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "items" && m.Content[i+1].Kind == yaml.MappingNode {
			items := m.Content[i+1].Content
			for j := 0; j+1 < len(items); j += 2 {
				c.ItemOrder = append(c.ItemOrder, items[j].Value)
			}
		}
		if m.Content[i].Value == "transactions" && m.Content[i+1].Kind == yaml.SequenceNode {
			for j, n := range m.Content[i+1].Content {
				if j < len(c.Transactions) {
					c.Transactions[j].Line = n.Line
				}
			}
		}
	}
}

func keyLine(root *yaml.Node, key string) int {
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return 0
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 0
}

func (c *Case) validate(path string, root *yaml.Node) error {
	for _, kv := range [][2]string{{"purpose", c.Purpose}, {"lang", c.Lang}, {"platform", c.Platform}, {"complaint_type", c.ComplaintType}} {
		if err := checkKey(path, keyLine(root, kv[0]), kv[0], kv[1]); err != nil {
			return err
		}
	}
	if err := c.validatePapers(path, root); err != nil {
		return err
	}
	for i, t := range c.Transactions {
		if err := checkKey(path, t.Line, "direction", t.Direction); err != nil {
			return err
		}
		if strings.TrimSpace(t.ID) == "" {
			return &CaseError{Path: path, Line: t.Line, Msg: fmt.Sprintf("transaction %d has no id", i+1), Hint: "copy the 交易单号 from the payment's detail page"}
		}
		if t.Time.Set && !t.Time.ZoneKnown {
			c.Findings = append(c.Findings, evidence.NewFinding(evidence.CodeCaseTimeNoZone, CaseFile, t.Line, t.ID))
		}
	}
	return nil
}
