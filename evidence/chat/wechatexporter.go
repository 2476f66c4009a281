package chat

// Format "wechatexporter-txt": BlueMatthew/WechatExporter (iOS/iTunes
// backups) in text mode, file <会话名>/index.txt (docs/formats.md). UTF-8
// without BOM, LF. The file is frame.html rendered as text:
//
//	张三 - 微信聊天记录            (English UI: "张三 - WeChat Chat History")
//	<blank>
//	NAME (YYYY-MM-DD HH:MM:SS):MESSAGE
//	…
//
// The title names the session, i.e. the other party of a 1:1 chat. Every
// message template ends with "\n" except transfer.html, which is
// "NAME (TIME):微信转账 ￥5000.00 - STATUS" followed by "\r\n" + memo when there
// is a memo: the next message is glued onto the memo line (or onto the
// transfer line itself when there is no memo):
//
//	李明 (2025-11-12 10:12:48):微信转账 ￥5000.00 - 转账\r\n
//	手机货款张三 (2025-11-12 10:13:30):微信转账 ￥5000.00 - 已收款\r\n
//	手机货款张三 (2025-11-12 10:14:02):收到了，下午给你发货\n
//
// so a header is searched anywhere in a line, and its name is split from
// the glued memo by the names seen at the start of ordinary lines. STATUS is
// 转账, 已收款, 已退还, 已接收, 已被接收, 已被退还 or 已过期. System messages
// (notice.html) are a bare line with no name and no time: they get a zero
// Time. Media are "[图片]", "[视频]", "[表情]", "[语音 6\"]", "[红包]",
// "[文件: name]". Times are local wall clock without zone.
//
// Confirmed against the exporter's source: BlueMatthew/WechatExporter
// WechatExporter/res/templates_txt/transfer.html
// @ 8f8ce412fc57c4c792cb519e9d1fb980e0f58cfd, which is exactly
// "%%NAME%% (%%TIME%%):%%ML:Weixin Transfer%% %%MESSAGE%%" with no trailing
// newline; msg.html and notice.html from the same folder.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxNameBytes bounds the name searched at the end of a glued memo.
const maxNameBytes = 128

var (
	weMarkerRe = regexp.MustCompile(` \((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\):`)
	weTitleRe  = regexp.MustCompile(`^(.+) - (?:微信聊天记录|WeChat Chat History)$`)
)

var wechatExporterTXT = reader{
	format: "wechatexporter-txt",
	byHead: func(s *sample) verdict { return mineIf(wechatExporterTitle(s.first) != "") },
	byBody: func(s *sample) bool { return looksWechatExporter(s.text) },
	parse:  parseWechatExporter,
}

// wechatExporterTitle returns the session name of a title line.
func wechatExporterTitle(line string) string {
	if m := weTitleRe.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
		return m[1]
	}
	return ""
}

// looksWechatExporter finds at least two message lines with a
// "NAME (TIME):" header at their start in the first lines.
func looksWechatExporter(text string) bool {
	n, seen := 0, 0
	for line := range strings.Lines(text) {
		if seen++; seen > 200 {
			break
		}
		if loc := weMarkerRe.FindStringIndex(line); loc != nil && loc[0] > 0 && loc[0] <= 200 {
			n++
		}
	}
	return n >= 2
}

func parseWechatExporter(b *builder, text string) {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimPrefix(lines[i], "\ufeff")
	}
	// The title, if any, is the first non-blank line.
	start := 0
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	if start < len(lines) {
		if t := wechatExporterTitle(strings.TrimRight(lines[start], "\r")); t != "" {
			b.title = t
			start++
		}
	}
	lines = lines[start:]

	// Names at the start of lines that do not follow a transfer (where a
	// memo may be glued in front of the name).
	names := map[string]bool{}
	afterTransfer := false
	for _, line := range lines {
		loc := weMarkerRe.FindStringIndex(line)
		if loc != nil && loc[0] > 0 && !afterTransfer {
			names[line[:loc[0]]] = true
		}
		afterTransfer = loc != nil && strings.HasPrefix(line[loc[1]:], "微信转账")
	}

	var cur *weMessage
	var msgs []weMessage
	flush := func() {
		if cur != nil {
			msgs = append(msgs, *cur)
			cur = nil
		}
	}
	for _, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		pos, curStart := 0, -1 // curStart: where cur's text starts in this line
		for _, loc := range weMarkerRe.FindAllStringSubmatchIndex(line, -1) {
			prefix := line[pos:loc[0]]
			var name string
			switch {
			case cur != nil && cur.transfer:
				// Glued after a transfer: [memo or status tail][NAME].
				_, name = splitGluedName(prefix, names)
			case pos == 0 && prefix != "":
				name = prefix
			}
			if name == "" {
				continue // a marker inside an ordinary message's text
			}
			ns := loc[0] - len(name)
			switch {
			case curStart >= 0:
				cur.body[len(cur.body)-1] = line[curStart:ns]
			case cur != nil && ns > 0:
				cur.body = append(cur.body, line[:ns]) // the memo line
			}
			flush()
			body := line[loc[1]:]
			cur = &weMessage{name: name, time: line[loc[2]:loc[3]], body: []string{body},
				transfer: strings.HasPrefix(body, "微信转账")}
			pos, curStart = loc[1], loc[1]
		}
		if curStart >= 0 {
			continue
		}
		switch {
		case strings.TrimSpace(line) == "":
			if cur != nil && !cur.transfer {
				cur.body = append(cur.body, "")
			}
		case cur == nil || looksNotice(line):
			flush()
			msgs = append(msgs, weMessage{notice: true, body: []string{line}})
		default:
			cur.body = append(cur.body, line)
		}
	}
	flush()

	for _, wm := range msgs {
		var m Message
		body := strings.Join(wm.body, "\n")
		if wm.notice {
			m.Type, m.Text = system(strings.TrimPrefix(body, "System Message: "))
		} else {
			t, ok := parseLocal(wm.time)
			if !ok {
				b.skip()
				continue
			}
			m.Time, m.Sender = t, wm.name
			m.Type, m.Text, m.Transfer = classify(body)
			if strings.HasPrefix(body, "System Message: ") {
				m.Type, m.Text = system(strings.TrimPrefix(body, "System Message: "))
			}
		}
		if !b.add(m) {
			return
		}
	}
}

type weMessage struct {
	name, time string
	body       []string
	transfer   bool
	notice     bool
}

// splitGluedName splits "手机货款张三" into the memo "手机货款" and the
// longest known name that ends it. Without a known name, the name is what
// follows the transfer's status word, else the whole prefix.
func splitGluedName(prefix string, names map[string]bool) (lead, name string) {
	// Try the suffixes of the prefix, longest first, up to the longest
	// name WeChat allows (and well beyond): the work per header is bounded
	// however many names a hostile file holds.
	best := ""
	for i := max(0, len(prefix)-maxNameBytes); i < len(prefix); i++ {
		if utf8.RuneStart(prefix[i]) && names[prefix[i:]] {
			best = prefix[i:]
			break
		}
	}
	if best == "" {
		// A name seen only glued: cut after the transfer's status word.
		for _, w := range []string{"已被接收", "已被退还", "已收款", "已退还", "已接收", "已过期", "转账"} {
			if i := strings.LastIndex(prefix, " - "+w); i >= 0 && i+len(" - "+w) < len(prefix) {
				return prefix[:i+len(" - "+w)], prefix[i+len(" - "+w):]
			}
		}
		return "", prefix
	}
	return prefix[:len(prefix)-len(best)], best
}
