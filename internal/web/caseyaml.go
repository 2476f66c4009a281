package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// The page edits case.yaml as a YAML tree (gopkg.in/yaml.v3 nodes), so
// that every comment the user or casebundle init wrote stays where it was;
// only the values the form changes are touched.

// maxCaseYAML bounds the case.yaml the page reads (as bundle does).
const maxCaseYAML = 4 << 20

// A value that was read from the evidence rather than typed carries a
// comment saying so until the user confirms it. prefillMark starts the
// comment the page writes; isPrefilled also knows the wording of drafts
// made by other tools ("… check it", "请核对").
const prefillMark = "待核对 prefilled"

func prefillComment(source string) string {
	return fmt.Sprintf("# %s: 读自 %s，请核对 / read from %s, check it", prefillMark, source, source)
}

// isPrefilled reports whether a line comment marks its value as read from
// the evidence, and from which file.
func isPrefilled(comment string) (source string, ok bool) {
	c := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(comment), "#"))
	low := strings.ToLower(c)
	if !strings.Contains(c, prefillMark) && !strings.Contains(low, "check it") && !strings.Contains(c, "请核对") {
		return "", false
	}
	if i := strings.Index(low, "read from "); i >= 0 {
		rest := c[i+len("read from "):]
		if j := strings.IndexAny(rest, ",;"); j >= 0 {
			rest = rest[:j]
		}
		return strings.TrimSpace(rest), true
	}
	return "", true
}

// stripPrefill removes the prefill part of a line comment, keeping what the
// user wrote before it.
func stripPrefill(comment string) string {
	if _, ok := isPrefilled(comment); !ok {
		return comment
	}
	if i := strings.Index(comment, prefillMark); i > 0 {
		keep := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(comment[:i]), "#;"))
		if keep != "" && keep != "#" {
			return keep
		}
	}
	return ""
}

// caseDoc is case.yaml as a tree.
type caseDoc struct {
	doc yaml.Node
}

// readCaseDoc reads case.yaml from the case root; a missing file is an
// empty document.
func readCaseDoc(root *os.Root) (*caseDoc, []byte, error) {
	if err := checkNoLinks(root, caseFileName, true); err != nil {
		return nil, nil, err
	}
	f, err := root.Open(caseFileName)
	if errors.Is(err, fs.ErrNotExist) {
		d, err := parseCaseDoc(nil)
		return d, nil, err
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCaseYAML+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxCaseYAML {
		return nil, nil, fmt.Errorf("case.yaml is larger than %d MiB", maxCaseYAML>>20)
	}
	d, err := parseCaseDoc(data)
	return d, data, err
}

func parseCaseDoc(data []byte) (d *caseDoc, err error) {
	defer func() {
		// yaml.v3 panics on a few malformed documents.
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("case.yaml is not valid YAML (%v)", p)
		}
	}()
	d = &caseDoc{}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if len(bytes.TrimSpace(data)) > 0 {
		if err := yaml.Unmarshal(data, &d.doc); err != nil {
			return nil, fmt.Errorf("case.yaml: %w", err)
		}
	}
	if d.doc.Kind == 0 {
		d.doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	if len(d.doc.Content) != 1 || d.doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("case.yaml is not a mapping of keys to values")
	}
	return d, nil
}

func (d *caseDoc) top() *yaml.Node { return d.doc.Content[0] }

// lookup returns the value node of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// ensure returns the value node of key in mapping m, adding an empty one
// of kind when missing (or replacing a value of another kind, such as the
// null of "claimant:" with nothing after it).
func ensure(m *yaml.Node, key string, kind yaml.Kind) *yaml.Node {
	if n := lookup(m, key); n != nil {
		if n.Kind != kind {
			*n = yaml.Node{Kind: kind, LineComment: n.LineComment, HeadComment: n.HeadComment, FootComment: n.FootComment}
		}
		if kind != yaml.ScalarNode && n.Style == yaml.FlowStyle && len(n.Content) == 0 {
			n.Style = 0
		}
		return n
	}
	n := &yaml.Node{Kind: kind}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, n)
	return n
}

// field is a scalar as the form shows it.
type field struct {
	Value     string
	Prefilled bool
	From      string
}

// get reads a scalar at a key path ("respondent", "name").
func (d *caseDoc) get(keys ...string) field {
	n := d.top()
	for _, k := range keys {
		n = lookup(n, k)
	}
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return field{}
	}
	f := field{Value: n.Value}
	f.From, f.Prefilled = isPrefilled(n.LineComment)
	return f
}

// scalarStyle is how a text value is written: a block for several lines,
// "" for none, else as the encoder decides.
func scalarStyle(v string) yaml.Style {
	switch {
	case strings.Contains(v, "\n"):
		return yaml.LiteralStyle
	case v == "":
		return yaml.DoubleQuotedStyle
	}
	// With the tag !!str the encoder quotes whatever YAML would read as
	// another type (13916082745, 2025-11-03, true, ~).
	return 0
}

// set writes a scalar at a key path, keeping the node's comments. A
// prefilled value gets (or keeps) the prefill comment naming its source;
// a confirmed one loses it.
func (d *caseDoc) set(value string, prefilledFrom string, plain bool, keys ...string) {
	m := d.top()
	for _, k := range keys[:len(keys)-1] {
		m = ensure(m, k, yaml.MappingNode)
	}
	n := ensure(m, keys[len(keys)-1], yaml.ScalarNode)
	setScalar(n, value, prefilledFrom, plain)
}

func setScalar(n *yaml.Node, value, prefilledFrom string, plain bool) {
	n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", value
	n.Style = scalarStyle(value)
	if plain && value != "" && !strings.Contains(value, "\n") {
		// Times, amounts and enumerations are written bare, as casebundle
		// init writes them; bundle reads them from their text.
		n.Tag, n.Style = "", 0
	}
	if n.Style == yaml.LiteralStyle && !strings.HasSuffix(value, "\n") {
		n.Value += "\n"
	}
	n.LineComment = stripPrefill(n.LineComment)
	if prefilledFrom != "" {
		c := prefillComment(prefilledFrom)
		if n.LineComment != "" {
			c = n.LineComment + "; " + strings.TrimPrefix(c, "# ")
		}
		n.LineComment = c
	}
}

// txnRow is one transaction as the form edits it.
type txnRow struct {
	ID, Time, Amount, Direction, Counterparty string
	Disputed                                  bool
	Prefilled                                 bool
	From                                      string
	// Check is the ID's form, for the page.
	Check txnCheck
	// Include is false for a suggestion the user has not taken.
	Include bool
	// Suggested: not in case.yaml, offered from the evidence.
	Suggested bool
	// Hint is a note on the row (the chat that shows it too).
	HintZh, HintEn string
}

// txns reads the transactions of case.yaml.
func (d *caseDoc) txns() []txnRow {
	seq := lookup(d.top(), "transactions")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	var out []txnRow
	for _, n := range seq.Content {
		if n.Kind != yaml.MappingNode {
			continue
		}
		get := func(k string) string {
			if v := lookup(n, k); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				return v.Value
			}
			return ""
		}
		r := txnRow{ID: get("id"), Time: get("time"), Amount: get("amount"), Direction: get("direction"),
			Counterparty: get("counterparty"), Disputed: get("disputed") == "true", Include: true}
		if v := lookup(n, "id"); v != nil {
			r.From, r.Prefilled = isPrefilled(v.LineComment)
		}
		out = append(out, r)
	}
	return out
}

// setTxns replaces the transactions with rows, keeping the comments of a
// row whose ID was there before.
func (d *caseDoc) setTxns(rows []txnRow) {
	seq := ensure(d.top(), "transactions", yaml.SequenceNode)
	seq.Style = 0
	old := map[string]*yaml.Node{}
	for _, n := range seq.Content {
		if v := lookup(n, "id"); v != nil && old[v.Value] == nil {
			old[v.Value] = n
		}
	}
	var content []*yaml.Node
	for _, r := range rows {
		n := old[r.ID]
		if n == nil || n.Kind != yaml.MappingNode {
			n = &yaml.Node{Kind: yaml.MappingNode}
		}
		delete(old, r.ID)
		from := ""
		if r.Prefilled {
			from = r.From
		}
		setScalar(ensure(n, "id", yaml.ScalarNode), r.ID, from, false)
		ensure(n, "id", yaml.ScalarNode).Style = yaml.DoubleQuotedStyle
		for _, kv := range [][2]string{{"time", r.Time}, {"amount", r.Amount}, {"direction", r.Direction}, {"counterparty", r.Counterparty}} {
			if kv[1] == "" {
				removeKey(n, kv[0])
				continue
			}
			setScalar(ensure(n, kv[0], yaml.ScalarNode), kv[1], "", kv[0] != "counterparty")
		}
		setScalar(ensure(n, "disputed", yaml.ScalarNode), fmt.Sprint(r.Disputed), "", true)
		content = append(content, n)
	}
	seq.Content = content
}

func removeKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// itemNote is the note on one evidence file under items:.
type itemNote struct {
	Path, Title, Proves, Source string
}

// items reads the notes under items:, in their order.
func (d *caseDoc) items() []itemNote {
	m := lookup(d.top(), "items")
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var out []itemNote
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := m.Content[i+1]
		get := func(k string) string {
			if n := lookup(v, k); n != nil && n.Kind == yaml.ScalarNode {
				return n.Value
			}
			return ""
		}
		out = append(out, itemNote{Path: m.Content[i].Value, Title: get("title"), Proves: get("proves"), Source: get("source")})
	}
	return out
}

// setItem writes the note of one file; an empty note removes nothing that
// is there and adds nothing that is not.
func (d *caseDoc) setItem(n itemNote) {
	m := lookup(d.top(), "items")
	var v *yaml.Node
	if m != nil && m.Kind == yaml.MappingNode {
		v = lookup(m, n.Path)
	}
	if v == nil && n.Title == "" && n.Proves == "" && n.Source == "" {
		return
	}
	m = ensure(d.top(), "items", yaml.MappingNode)
	m.Style = 0
	if v == nil {
		v = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: n.Path}, v)
	}
	if v.Kind != yaml.MappingNode {
		*v = yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	}
	for _, kv := range [][2]string{{"title", n.Title}, {"proves", n.Proves}, {"source", n.Source}} {
		if kv[1] == "" {
			removeKey(v, kv[0])
			continue
		}
		setScalar(ensure(v, kv[0], yaml.ScalarNode), kv[1], "", false)
	}
}

// bytes writes the tree back as YAML (two-space indent, as bundle does).
func (d *caseDoc) bytes() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&d.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeCaseYAML replaces case.yaml in the case root with data: a hidden
// temporary file beside it, synced, then renamed over it. Nothing else in
// the folder is written.
func writeCaseYAML(root *os.Root, data []byte) error {
	if err := checkNoLinks(root, caseFileName, true); err != nil {
		return err
	}
	tmp := tempName(caseFileName, "save")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, caseFileName)
	}
	if err != nil {
		_ = root.Remove(tmp)
	}
	return err
}
