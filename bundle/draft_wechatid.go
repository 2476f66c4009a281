package bundle

import (
	"regexp"
	"strings"

	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/evidence/ocr"
)

// WeChat IDs in text. A 微信号 the user chose has 6 to 20 letters, digits,
// '_' and '-', and starts with a letter; an account that never chose one
// is known by its wxid (wxid_ and letters and digits). Text names one as
// "微信号：abc123", "微信号是 abc123", "我的微信号 abc123".
var (
	reWeChatIDLabel = regexp.MustCompile(`微信号\s*(?:是|为|[:：])?\s*([A-Za-z][-_A-Za-z0-9]{5,19})([-_A-Za-z0-9]?)`)
	reWeChatID      = regexp.MustCompile(`^[A-Za-z][-_A-Za-z0-9]{5,19}$`)
	reWxid          = regexp.MustCompile(`^wxid_[a-z0-9]{6,32}$`)
)

// maxIDText bounds the text searched for a WeChat ID: a chat message or a
// page's lines, never a whole file.
const maxIDText = 64 << 10

// wxid reports whether s is a wxid.
func wxid(s string) bool { return reWxid.MatchString(s) }

// findWeChatID returns the first WeChat ID that text names after the label
// 微信号. An ID longer than 20 characters is no WeChat ID and is skipped.
func findWeChatID(text string) (string, bool) {
	if len(text) > maxIDText {
		text = text[:maxIDText]
	}
	for _, m := range reWeChatIDLabel.FindAllStringSubmatch(text, 4) {
		if m[2] != "" { // the run goes on past 20 characters
			continue
		}
		if id := m[1]; reWeChatID.MatchString(id) {
			return id, true
		}
	}
	return "", false
}

// chatWeChatID is the WeChat ID the other party of a chat wrote in a text
// message ("加我微信号 abc123"); the user's own messages are not read, since
// they may name anyone's.
func chatWeChatID(c *chat.Chat) (string, bool) {
	for _, m := range c.Messages {
		if m.Type != chat.MsgText || m.Direction != "other" {
			continue
		}
		if id, ok := findWeChatID(m.Text); ok {
			return id, true
		}
	}
	return "", false
}

// pageWeChatID is the WeChat ID on a screenshot (a profile or a payee's
// page: "微信号：abc123"), read from the lines of the Chinese pass with
// the spaces OCR puts between characters removed.
func pageWeChatID(p *ocr.Page) (string, bool) {
	for _, l := range p.Lines {
		if id, ok := findWeChatID(strings.ReplaceAll(l.Text, " ", "")); ok {
			return id, true
		}
	}
	return "", false
}
