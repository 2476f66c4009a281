package chat

// Format "forwarded": chat text copied out of WeChat itself, from a merged
// forward (合并转发) or a multi-select copy (docs/formats.md). No exporter writes
// it and no authoritative description exists, so this layout is inferred
// from what users report:
//
//	张三和李明的聊天记录            optional title ("<A>与<B>的聊天记录", "群聊的聊天记录")
//	<blank>
//	张三 2025/11/12 10:03          Mac: "NAME YYYY/M/D HH:MM" (minute precision)
//	你好……
//	<blank>
//	李明:                          Windows: "NAME:" and no time at all
//	……
//
// Paragraphs are separated by blank lines; a header is only taken at the
// start of a paragraph. A paragraph without a header is a system notice when
// it comes before any message or reads like one ("撤回了一条消息", …),
// otherwise it continues the message before it (a message may contain
// blank lines). Media and money are placeholders ("[图片]", "[转账]"), so a
// transfer's amount is not in the text. Times are local wall clock without
// zone; Windows copies carry none (zero Time).
//
// Confirmed only indirectly: the Mac and Windows header shapes are the
// regexes of LincZero/obsidian-chat-view-qq (demo.md
// @ d1fff67140ba80c19ff00c0889eb467a27591a38, issues #2 and #6); the title
// wording is from 合并转发 payloads parsed by WechatExporter
// (parseForwardedMsgs) and WeChatMsg (wxManager/parser/link_parser.py).

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	fwdTitleRe   = regexp.MustCompile(`^(?:.+(?:和|与).+|群聊)的聊天记录$`)
	fwdMacHeadRe = regexp.MustCompile(`^(.+?) (\d{4}[/-]\d{1,2}[/-]\d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?)$`)
)

var forwardedTXT = reader{
	format: "forwarded",
	byHead: func(s *sample) verdict { return mineIf(forwardedTitle(s.first)) },
	byBody: func(s *sample) bool { return looksForwarded(s.text) },
	parse:  parseForwarded,
}

func forwardedTitle(line string) bool {
	return fwdTitleRe.MatchString(strings.TrimSpace(line))
}

// fwdWinHead returns the name of a Windows "NAME:" header line.
func fwdWinHead(line string) (string, bool) {
	name, ok := strings.CutSuffix(line, ":")
	if !ok {
		name, ok = strings.CutSuffix(line, "：")
	}
	name = strings.TrimSpace(name)
	if !ok || name == "" || utf8.RuneCountInString(name) > 30 || strings.ContainsAny(name, ":：") {
		return "", false
	}
	return name, true
}

// fwdParagraph is a paragraph of copied text.
type fwdParagraph struct{ lines []string }

func fwdParagraphs(text string) []fwdParagraph {
	var ps []fwdParagraph
	open := false
	for line := range strings.Lines(text) {
		line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r\n")
		if strings.TrimSpace(line) == "" {
			open = false
			continue
		}
		if !open {
			ps = append(ps, fwdParagraph{})
			open = true
		}
		p := &ps[len(ps)-1]
		p.lines = append(p.lines, line)
	}
	return ps
}

// looksForwarded finds message headers at paragraph starts: two Mac
// headers, or (Windows) at least three "NAME:" headers that start at least
// half of the paragraphs, with names that repeat.
func looksForwarded(text string) bool {
	ps := fwdParagraphs(text)
	if len(ps) > 400 {
		ps = ps[:400]
	}
	mac, win := 0, 0
	names := map[string]bool{}
	for _, p := range ps {
		if fwdMacHeadRe.MatchString(p.lines[0]) {
			mac++
		}
		if n, ok := fwdWinHead(p.lines[0]); ok && len(p.lines) > 1 {
			win++
			names[n] = true
		}
	}
	if mac >= 2 {
		return true
	}
	return win >= 3 && 2*win >= len(ps) && len(names) < win
}

func parseForwarded(b *builder, text string) {
	ps := fwdParagraphs(text)
	if len(ps) > 0 && len(ps[0].lines) == 1 && forwardedTitle(ps[0].lines[0]) {
		ps = ps[1:]
	}
	mac := false
	for _, p := range ps {
		if fwdMacHeadRe.MatchString(p.lines[0]) {
			mac = true
			break
		}
	}
	type fwdMsg struct {
		name, when string
		body       []string
		notice     bool
	}
	var msgs []fwdMsg
	for _, p := range ps {
		head := p.lines[0]
		var name, when string
		if mac {
			if m := fwdMacHeadRe.FindStringSubmatch(head); m != nil {
				name, when = strings.TrimSpace(m[1]), m[2]+" "+m[3]
			}
		} else if n, ok := fwdWinHead(head); ok && len(p.lines) > 1 {
			name = n
		}
		switch {
		case name != "":
			msgs = append(msgs, fwdMsg{name: name, when: when, body: p.lines[1:]})
		case len(msgs) == 0 || looksNotice(strings.Join(p.lines, "\n")):
			msgs = append(msgs, fwdMsg{notice: true, body: p.lines})
		default: // a blank line inside the previous message
			last := &msgs[len(msgs)-1]
			last.body = append(append(last.body, ""), p.lines...)
		}
	}
	for _, fm := range msgs {
		var m Message
		body := strings.Join(fm.body, "\n")
		if fm.notice {
			m.Type, m.Text = system(body)
		} else {
			if fm.when != "" {
				t, ok := parseLocal(fm.when)
				if !ok {
					b.skip()
					continue
				}
				m.Time = t
			}
			m.Sender = fm.name
			m.Type, m.Text, m.Transfer = classify(body)
		}
		if !b.add(m) {
			return
		}
	}
}
