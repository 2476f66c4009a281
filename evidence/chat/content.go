package chat

// Shared pieces of the chat parsers: decoding the bytes, reading CSV,
// times, and reading message bodies (placeholders, transfers, notices).

import (
	"bytes"
	"encoding/csv"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/casebundle/casebundle/internal/money"
)

// decode turns the bytes into UTF-8 text: a UTF-8 BOM is dropped,
// UTF-16 with a BOM is decoded, and bytes that are not UTF-8 but read as
// GBK (old Windows tools, Excel "save as CSV") are decoded as GBK. partial
// says data is a cut-off head, so a split character at its end is ignored.
func decode(data []byte, partial bool) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(data[3:], partial), "utf-8-bom"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		if partial && len(data)%2 == 1 {
			data = data[:len(data)-1]
		}
		out, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		return strings.ToValidUTF8(string(out), "\uFFFD"), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if partial && len(data)%2 == 1 {
			data = data[:len(data)-1]
		}
		out, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		return strings.ToValidUTF8(string(out), "\uFFFD"), "utf-16be"
	}
	if partial {
		data = trimPartialRune(data)
	}
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	// Mostly UTF-8 with a few broken bytes stays UTF-8; GBK text has few
	// byte runs that happen to be valid multi-byte UTF-8.
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	if multi > 10*bad {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8"
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8"
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), "gbk"
}

func validUTF8(b []byte, partial bool) string {
	if partial {
		b = trimPartialRune(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return b
		}
		if c >= 0xC0 { // a lead byte: is its sequence complete?
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// readCSV reads CSV text record by record: header first, then fn for
// every record with the column index. Unreadable records are counted as
// skipped. fn returns false to stop.
func readCSV(b *builder, text string, fn func(col columns, rec []string) bool) {
	r := csv.NewReader(strings.NewReader(text))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var col columns
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			b.skip()
			continue
		}
		if col == nil {
			col = headerColumns(rec)
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if !fn(col, rec) {
			return
		}
	}
}

// columns maps a header name to its column.
type columns map[string]int

func headerColumns(rec []string) columns {
	col := columns{}
	for i, h := range rec {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	return col
}

func (c columns) has(names ...string) bool {
	for _, n := range names {
		if _, ok := c[n]; !ok {
			return false
		}
	}
	return true
}

// get returns the named field of rec, "" when absent (short rows).
func (c columns) get(rec []string, name string) string {
	if i, ok := c[name]; ok && i < len(rec) {
		return rec[i]
	}
	return ""
}

// parseLocal reads a zone-less local time as the exports print it.
func parseLocal(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05", "2006/1/2 15:04:05", "2006-01-02 15:04", "2006/1/2 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var amountRe = regexp.MustCompile(`[¥￥]\s*([0-9][0-9,]*(?:\.[0-9]+)?)|([0-9][0-9,]*(?:\.[0-9]+)?)\s*元`)

// findAmount finds the first amount written "¥5000.00", "￥5,000.00" or
// "5000.00元" in s.
func findAmount(s string) (money.Fen, bool) {
	m := amountRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	num := m[1]
	if num == "" {
		num = m[2]
	}
	v, err := money.Parse(num)
	if err != nil || v < 0 {
		return 0, false
	}
	return v, true
}

// statusWords maps the status words of the exports to a role, longest
// first so that 已被退还 is not read as 已退还.
var statusWords = []struct {
	word string
	role payRole
}{
	{"发起非实时转账", roleInit},
	{"非实时转账收款", roleReceipt},
	{"对方已收款", rolePayerReceipt},
	{"已被退还", rolePayerRefund},
	{"已被接收", rolePayerReceipt},
	{"发起转账", roleInit},
	{"已收款", roleReceipt},
	{"已接收", roleReceipt},
	{"已退还", roleRefund},
	{"已退回", roleRefund},
	{"已过期", roleExpired},
	{"待收款", roleInit},
}

// statusRole finds a status word in s.
func statusRole(s string) (payRole, bool) {
	for _, w := range statusWords {
		if strings.Contains(s, w.word) {
			return w.role, true
		}
	}
	return roleUnknown, false
}

// newTransfer builds the transfer of a message whose text carries an
// amount, or nil.
func newTransfer(text string, role payRole, memo string) *Transfer {
	amt, ok := findAmount(text)
	if !ok {
		return nil
	}
	return &Transfer{Amount: amt, Status: role.status(), Memo: strings.TrimSpace(memo), role: role}
}

var tagRe = regexp.MustCompile(`<[/!?]?[A-Za-z_][^<>]*>`)

// noticeText turns a system message into readable text: XML tags, CDATA
// and the "重新编辑" link of a recall are dropped; a 4.x <sysmsg> keeps its
// <content>.
func noticeText(s string) string {
	if i := strings.Index(s, "<content>"); i >= 0 {
		if j := strings.Index(s[i:], "</content>"); j >= 0 {
			s = s[i+len("<content>") : i+j]
		}
	}
	if strings.Contains(s, "<") {
		s = strings.ReplaceAll(s, "<![CDATA[", "")
		s = strings.ReplaceAll(s, "]]>", "")
		s = strings.ReplaceAll(s, `<a href="weixin://revoke_edit_click">重新编辑</a>`, "")
		s = tagRe.ReplaceAllString(s, "")
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}

// isRecall reports whether a system message is a recall notice.
func isRecall(s string) bool {
	return strings.Contains(s, "撤回了一条消息") || strings.Contains(s, "revokemsg")
}

// system builds a system or recall message from its raw text.
func system(raw string) (MessageType, string) {
	if isRecall(raw) {
		return MsgRecall, noticeText(raw)
	}
	return MsgSystem, noticeText(raw)
}

// noticePhrases are system notices that a header-less line of a text
// export (WechatExporter, copied chats) is recognised by.
var noticePhrases = []string{
	"撤回了一条消息", "现在可以开始聊天了", "以上是打招呼的内容", "但被对方拒收了",
	"开启了朋友验证", "拍了拍", "加入了群聊", "移出了群聊", "修改群名为", "你已添加了",
	"领取了你的红包", "你领取了", "System Message: ", "对方已收款", "已被退还",
}

func looksNotice(s string) bool {
	for _, p := range noticePhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// bracketTypes are the placeholders of the text exports: WeChatMsg TXT
// "[图片]", MemoTrace "【图片】", WechatExporter "[语音 6\"]", copied text.
var bracketTypes = map[string]MessageType{
	"图片": MsgImage, "视频": MsgVideo, "语音": MsgVoice, "表情": MsgOther, "表情包": MsgOther,
	"动画表情": MsgOther, "文件": MsgFile, "链接": MsgLink, "分享链接": MsgLink, "音乐分享": MsgLink,
	"小程序": MsgLink, "视频号": MsgLink, "位置": MsgOther, "位置分享": MsgOther, "名片": MsgOther,
	"音视频通话": MsgOther, "语音通话": MsgOther, "视频通话": MsgOther, "合并转发的聊天记录": MsgOther,
	"聊天记录": MsgOther, "收藏笔记": MsgOther, "红包": MsgRedPacket, "转账": MsgTransfer,
	"发起转账": MsgTransfer, "已收款": MsgTransfer, "已退还": MsgTransfer, "非实时转账收款": MsgTransfer,
	"发起非实时转账": MsgTransfer, "未知": MsgTransfer,
}

// classify reads a message body as the text exports print it and
// returns its type, its display text and, for money, its transfer.
func classify(body string) (MessageType, string, *Transfer) {
	body = strings.TrimRight(strings.ReplaceAll(body, "\r\n", "\n"), "\n ")
	if rest, ok := strings.CutPrefix(body, "微信转账"); ok { // WechatExporter
		amount, memo, _ := strings.Cut(rest, "\n")
		role, _ := statusRole(amount)
		if role == roleUnknown && strings.HasSuffix(strings.TrimSpace(amount), "- 转账") {
			role = roleInit
		}
		return MsgTransfer, body, newTransfer(amount, role, memo)
	}
	open, closer := "", ""
	switch {
	case strings.HasPrefix(body, "【"):
		open, closer = "【", "】"
	case strings.HasPrefix(body, "["):
		open, closer = "[", "]"
	default:
		return MsgText, body, nil
	}
	end := strings.Index(body, closer)
	if end < 0 {
		return MsgText, body, nil
	}
	label := body[len(open):end]
	rest := body[end+len(closer):]
	key := label
	if i := strings.IndexAny(key, " :："); i >= 0 { // [语音 6"], [文件: a.pdf]
		key = key[:i]
	}
	typ, ok := bracketTypes[key]
	if !ok || (open == "[" && key == "未知") {
		return MsgText, body, nil
	}
	if open == "[" && key == "转账" && strings.HasPrefix(rest, "|") {
		return MsgText, body, nil // chatlog's form, read by its own parser
	}
	display := "[" + label + "]" + rest
	switch typ {
	case MsgTransfer:
		role, _ := statusRole(label)
		if label == "转账" {
			role, _ = statusRole(rest)
		}
		first, after, _ := strings.Cut(rest, "\n")
		memo := ""
		for _, l := range strings.Split(after, "\n") {
			if m, ok := strings.CutPrefix(strings.TrimSpace(l), "备注:"); ok {
				memo = m
			}
		}
		if strings.TrimSpace(memo) == "None" {
			memo = ""
		}
		return MsgTransfer, display, newTransfer(first, role, memo)
	case MsgRedPacket:
		return MsgRedPacket, display, newTransfer(rest, roleInit, "")
	}
	return typ, display, nil
}

// xmlValue returns the text of the first <name>…</name> in s.
func xmlValue(s, name string) string {
	i := strings.Index(s, "<"+name+">")
	if i < 0 {
		return ""
	}
	s = s[i+len(name)+2:]
	j := strings.Index(s, "</"+name+">")
	if j < 0 {
		return ""
	}
	v := strings.TrimSuffix(strings.TrimPrefix(s[:j], "<![CDATA["), "]]>")
	return html.UnescapeString(v)
}

var voiceLenRe = regexp.MustCompile(`voicelength="([0-9]{1,9})"`)

// voiceText is "[语音]" with the length in seconds when the XML has it.
func voiceText(xml string) string {
	if m := voiceLenRe.FindStringSubmatch(xml); m != nil {
		ms, _ := strconv.Atoi(m[1])
		return "[语音] " + strconv.Itoa((ms+500)/1000) + "s"
	}
	return "[语音]"
}
