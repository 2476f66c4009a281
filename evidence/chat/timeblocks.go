package chat

// Formats "wechatmsg-txt" and "memotrace-txt": the TXT exports of WeChatMsg
// / 留痕 v1.1.2–v2.0.5 (docs/formats.md) and of the MemoTrace 2025 rewrite
// (§1.5). Both are UTF-8 without BOM, LF, no header line; one block per
// message, blocks separated by a blank line:
//
//	2025-11-12 10:03:02 张三
//	你好，闲鱼上看到你问的那台iPhone 15 Pro
//
// The time is local wall clock without zone. They differ in details:
//
//   - wechatmsg-txt: every block ends "\n\n" (so the file does too); a
//     system message is one line "TIME TEXT" with no name, recalls keep
//     their <revokemsg> XML; media are "[图片]", "[语音]", "[视频]";
//     transfers and red packets are not written at all; names are
//     JS-escaped (\" \' \\ &amp; &lt; &gt;).
//   - memotrace-txt: blocks joined by "\n\n" with no newline at the end; a
//     system message has a time-only title line; media are "【图片】",
//     "【语音】"; transfers "【发起转账】:￥5000.00\n备注: 手机货款\n" (hence two
//     blank lines after them).
//
// Neither escapes the content, so a header line is only taken as one at the
// start of the file or after a blank line.
//
// Confirmed against the exporters' source: LC044/WeChatMsg
// app/util/exporter/exporter_txt.py (f'{str_time} {name}\n{content}\n\n',
// system messages without name) and zprolab/WeChatMsg exporter/exporter_txt.py
// @ 6535ed011c90f4ce5daea6986d420617b14a70f2 ('\n\n'.join of
// f'{title}\n{to_text()}', title = time only for system messages).

import (
	"regexp"
	"strings"
)

var timeHeaderRe = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?: (.*))?$`)

func timeHeader(line string) bool { return timeHeaderRe.MatchString(line) }

// timeBlocksAre is the verdict of the reader of format on a sample: the
// first line is a time header and the blocks have that format's shape. A
// time header over lines that are not blocks (a log file) is no chat.
func (s *sample) timeBlocksAre(format string) verdict {
	if !timeHeader(s.first) {
		return notMine
	}
	if !s.blocksDone {
		s.blocksDone = true
		s.blocks = timeBlocksFormat(s.text, s.complete)
	}
	switch s.blocks {
	case "":
		return notChat
	case format:
		return mine
	}
	return notMine
}

// timeBlock is one block: its header and body lines.
type timeBlock struct {
	time, rest string
	hasRest    bool
	body       []string
}

func splitTimeBlocks(text string) ([]timeBlock, int) {
	var blocks []timeBlock
	skipped := 0
	prevBlank := true
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		if prevBlank {
			if m := timeHeaderRe.FindStringSubmatchIndex(line); m != nil {
				b := timeBlock{time: line[m[2]:m[3]]}
				if m[4] >= 0 {
					b.rest, b.hasRest = line[m[4]:m[5]], true
				}
				blocks = append(blocks, b)
				prevBlank = false
				continue
			}
		}
		prevBlank = strings.TrimSpace(line) == ""
		if len(blocks) == 0 {
			if !prevBlank {
				skipped++
			}
			continue
		}
		last := &blocks[len(blocks)-1]
		last.body = append(last.body, line)
	}
	for i := range blocks {
		body := blocks[i].body
		for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
			body = body[:len(body)-1]
		}
		blocks[i].body = body
	}
	return blocks, skipped
}

// timeBlocksFormat tells WeChatMsg's TXT from MemoTrace's, or returns
// "" for a log file, whose timestamped lines follow each other without the
// blank lines that separate the blocks of a chat export.
func timeBlocksFormat(text string, complete bool) string {
	blocks, _ := splitTimeBlocks(text)
	stamped := 0
	for _, b := range blocks {
		for _, l := range b.body {
			if timeHeaderRe.MatchString(l) {
				stamped++
			}
		}
	}
	if stamped >= len(blocks) {
		return ""
	}
	oneLine := false
	for i, b := range blocks {
		if !b.hasRest {
			return "memotrace-txt" // a time-only title
		}
		if len(b.body) > 0 && strings.HasPrefix(b.body[0], "【") {
			return "memotrace-txt"
		}
		if len(b.body) == 0 && (i < len(blocks)-1 || complete) {
			oneLine = true
		}
	}
	if oneLine || (complete && strings.HasSuffix(text, "\n\n")) {
		return "wechatmsg-txt"
	}
	if complete && !strings.HasSuffix(text, "\n") {
		return "memotrace-txt"
	}
	return "wechatmsg-txt"
}

func parseTimeBlocks(b *builder, text string, wechatmsg bool) {
	blocks, skipped := splitTimeBlocks(text)
	b.chat.Skipped += skipped
	for _, blk := range blocks {
		t, ok := parseLocal(blk.time)
		if !ok {
			b.skip()
			continue
		}
		m := Message{Time: t}
		body := strings.Join(blk.body, "\n")
		switch {
		case !blk.hasRest: // MemoTrace system title
			m.Type, m.Text = system(body)
		case len(blk.body) == 0: // WeChatMsg one-line system message
			m.Type, m.Text = system(blk.rest)
		default:
			m.Sender = strings.TrimSpace(blk.rest)
			if wechatmsg {
				m.Sender = unescapeJS(m.Sender)
			}
			m.Type, m.Text, m.Transfer = classify(body)
		}
		if !b.add(m) {
			return
		}
	}
}

// unescapeJS undoes WeChatMsg's escape_js_and_html on names.
func unescapeJS(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\'`, `'`, `\n`, "\n",
		"&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}
