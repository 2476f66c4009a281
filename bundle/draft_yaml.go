package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// PrefillMark starts the comment beside every value case.yaml was given
// from the evidence rather than typed: "# 待核对 prefilled: 读自 F，请核对 /
// read from F, check it". The serve page shows a value with this comment
// as prefilled until the user confirms it, and then drops the comment.
const PrefillMark = "待核对 prefilled"

// PrefillComment is the comment for a value read from file (a path in the
// case folder), with the note after it.
func PrefillComment(file, note string) string {
	c := fmt.Sprintf("# %s: 读自 %s，请核对 / read from %s, check it", PrefillMark, oneLineText(file), oneLineText(file))
	if note = oneLineText(note); note != "" {
		c += "; " + note
	}
	return c
}

// oneLineText keeps a comment on its line: control characters (a newline
// in a file name) become spaces.
func oneLineText(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s))
}

// quoteYAML writes s as a double-quoted YAML scalar (JSON's string syntax
// is a subset of YAML's double-quoted style).
func quoteYAML(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func (f Fact) note() string {
	return joinNote(oneLineText(f.NoteZh), oneLineText(f.NoteEn), " / ")
}

// comment is the line comment of a drafted value: the prefill mark and
// source for a value read from a file, else the note alone; then the
// template's own explanation, when the line had one.
func (f Fact) comment(explain string) string {
	c := ""
	switch {
	case f.Value != "" && f.From != "":
		c = PrefillComment(f.From, f.note())
	case f.note() != "":
		c = "# " + f.note()
	}
	if explain = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(explain), "#")); explain != "" {
		if c == "" {
			return "# " + explain
		}
		c += "; " + explain
	}
	return c
}

// CaseYAML is case.yaml drafted: init's commented template, with every
// value the draft has written in and commented with the file it was read
// from. A blank opt.Platform takes the draft's platform. The result is
// checked with ParseCase.
func (d *CaseDraft) CaseYAML(opt InitOptions) ([]byte, error) {
	platform := opt.Platform
	if platform == "" {
		platform = d.Platform.Value
	}
	tmpl, err := renderTemplate(InitOptions{Purpose: opt.Purpose, Lang: opt.Lang, Platform: platform})
	if err != nil {
		return nil, err
	}
	values := map[string]Fact{"title": d.Title, "complaint_type": d.ComplaintType,
		"respondent.name": d.Respondent.Name, "respondent.wechat_id": d.Respondent.WeChatID, "respondent.account": d.Respondent.Account}
	if opt.Platform == "" {
		values["platform"] = d.Platform
	}
	lines := strings.Split(string(tmpl), "\n")
	var out []string
	section := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		indent, key, value, explain, ok := splitLine(line)
		if ok && indent == "" {
			section = key
		}
		name := key
		if indent != "" {
			name = section + "." + key
		}
		switch {
		case ok && indent == "" && key == "transactions":
			out = append(out, "transactions:")
			i = copyComments(lines, i+1, &out)
			out = append(out, d.txnLines()...)
			out = append(out, d.noteLines()...)
			continue
		case ok && indent == "" && key == "items":
			out = append(out, "items:")
			i = copyComments(lines, i+1, &out)
			out = append(out, d.itemLines()...)
			continue
		case ok:
			if f, has := values[name]; has && (f.Value != "" || f.note() != "") {
				v := value
				if f.Value != "" {
					v = scalarFor(name, f.Value)
				}
				out = append(out, strings.TrimRight(indent+key+": "+v+"  "+f.comment(explain), " "))
				continue
			}
		}
		out = append(out, line)
	}
	data := []byte(strings.Join(out, "\n"))
	if _, err := ParseCase(CaseFile, data); err != nil {
		return nil, fmt.Errorf("the drafted case.yaml does not parse (a bug): %w", err)
	}
	return data, nil
}

// scalarFor writes enumerations bare, as init does, and text quoted.
func scalarFor(name, v string) string {
	switch name {
	case "platform", "complaint_type", "purpose", "lang":
		return v
	}
	return quoteYAML(v)
}

// splitLine splits a "  key: value   # comment" line of the template.
func splitLine(line string) (indent, key, value, comment string, ok bool) {
	t := strings.TrimLeft(line, " ")
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "-") {
		return "", "", "", "", false
	}
	indent = line[:len(line)-len(t)]
	k, rest, found := strings.Cut(t, ":")
	if !found || strings.ContainsAny(k, " \"'") {
		return "", "", "", "", false
	}
	rest = strings.TrimSpace(rest)
	if i := strings.Index(rest, "#"); i >= 0 {
		value, comment = strings.TrimSpace(rest[:i]), rest[i:]
	} else {
		value = rest
	}
	return indent, k, value, comment, true
}

// copyComments copies the comment lines from lines[i] on (the commented
// example under transactions: and items:) and returns the index of the
// last one copied.
func copyComments(lines []string, i int, out *[]string) int {
	for ; i < len(lines) && strings.HasPrefix(lines[i], "#"); i++ {
		*out = append(*out, lines[i])
	}
	return i - 1
}

// txnLines are the drafted transactions as entries of transactions:.
func (d *CaseDraft) txnLines() []string {
	var out []string
	for _, t := range d.Transactions {
		var shown []string
		for _, s := range t.Shown {
			shown = append(shown, fmt.Sprintf("%s（%s）", oneLineText(s.File), oneLineText(s.Zh)))
		}
		out = append(out, "  # 见 / shown in: "+strings.Join(shown, ", "))
		if len(t.Other) > 0 {
			out = append(out, "  # 同一笔的其他单号 / other numbers of this payment: "+oneLineText(strings.Join(t.Other, ", ")))
		}
		out = append(out, "  - id: "+quoteYAML(t.ID.Value)+"  "+t.ID.comment(""))
		if t.Time.Value != "" {
			out = append(out, "    time: "+t.Time.Value+"  "+t.Time.comment(""))
		} else if t.Time.note() != "" {
			out = append(out, "    # time: "+t.Time.note())
		}
		if t.Amount.Value != "" {
			out = append(out, "    amount: "+t.Amount.Value+"  "+t.Amount.comment(""))
		}
		if t.Direction.Value != "" {
			out = append(out, "    direction: "+t.Direction.Value+"  "+t.Direction.comment(""))
		} else {
			out = append(out, "    # direction: 证据没有说明是付出还是收到，请填写 out 或 in / the evidence does not say: write out or in")
		}
		if t.Counterparty.Value != "" {
			out = append(out, "    counterparty: "+quoteYAML(t.Counterparty.Value)+"  "+t.Counterparty.comment(""))
		} else if t.Counterparty.note() != "" {
			out = append(out, "    # counterparty: "+t.Counterparty.note())
		}
		if t.Disputed.Value != "" {
			out = append(out, "    disputed: "+t.Disputed.Value+"  "+t.Disputed.comment(""))
		} else {
			out = append(out, "    disputed: false  # 是否计入损失，由你决定 / counts toward the loss? your call")
		}
	}
	return out
}

// noteLines are the draft's notes as comments.
func (d *CaseDraft) noteLines() []string {
	var out []string
	for _, n := range d.Notes {
		out = append(out, "  # 注意 / note: "+oneLineText(n.Zh)+" / "+oneLineText(n.En))
	}
	return out
}

// itemLines are the drafted notes of every file, under items:.
func (d *CaseDraft) itemLines() []string {
	var out []string
	for _, it := range d.Items {
		var kv []string
		if it.Title.Value != "" {
			kv = append(kv, "title: "+quoteYAML(it.Title.Value))
		}
		if it.Proves.Value != "" {
			kv = append(kv, "proves: "+quoteYAML(it.Proves.Value))
		}
		line := "  " + quoteYAML(it.Path) + ": {" + strings.Join(kv, ", ") + "}"
		switch {
		case it.Title.From != "" || it.Proves.From != "":
			line += "  " + PrefillComment(it.Path, "标题和证明目的由读到的内容拟定 / title and proves made from what was read")
		default:
			line += "  # 请写明证据名称和证明目的 / say what it is and what it proves"
		}
		out = append(out, line)
	}
	return out
}

// partyLines are the drafted facts of the respondent, as keys under
// respondent:.
func (d *CaseDraft) partyLines() []string {
	var out []string
	for _, kv := range []struct {
		key string
		f   Fact
	}{{"name", d.Respondent.Name}, {"wechat_id", d.Respondent.WeChatID}, {"account", d.Respondent.Account}} {
		if kv.f.Value != "" {
			out = append(out, "  "+kv.key+": "+quoteYAML(kv.f.Value)+"  "+kv.f.comment(""))
		}
	}
	return out
}

// PasteYAML is the part of a draft (usually Missing's) as YAML the user
// can paste into case.yaml: entries for transactions: and keys for
// respondent:, each section headed by a comment saying where it goes.
// It is "" when there is nothing to paste.
func (d *CaseDraft) PasteYAML() string {
	txns, party := d.txnLines(), d.partyLines()
	if len(txns) == 0 && len(party) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("# 证据中有、case.yaml 里没有的事实，核对后粘贴 / facts found in the evidence, not in case.yaml: check, then paste\n")
	if len(txns) > 0 {
		b.WriteString("# 粘贴到 transactions: 下（空的 transactions: [] 先删去 []）/ paste under transactions: (drop the [] of an empty list)\n")
		for _, l := range txns {
			b.WriteString(l + "\n")
		}
	}
	if len(party) > 0 {
		b.WriteString("# 粘贴到 respondent: 下，替换空着的同名行 / paste under respondent:, in place of the blank line of the same key\n")
		for _, l := range party {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
