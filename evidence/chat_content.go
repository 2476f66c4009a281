package evidence

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

// chatDecode turns the bytes into UTF-8 text: a UTF-8 BOM is dropped,
// UTF-16 with a BOM is decoded, and bytes that are not UTF-8 but read as
// GBK (old Windows tools, Excel "save as CSV") are decoded as GBK. partial
// says data is a cut-off head, so a split character at its end is ignored.
func chatDecode(data []byte, partial bool) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return chatValid(data[3:], partial), "utf-8-bom"
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
		data = chatTrimPartialRune(data)
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

func chatValid(b []byte, partial bool) string {
	if partial {
		b = chatTrimPartialRune(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// chatTrimPartialRune drops an incomplete UTF-8 sequence at the end.
func chatTrimPartialRune(b []byte) []byte {
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

// chatCSV reads CSV text record by record: header first, then fn for
// every record with the column index. Unreadable records are counted as
// skipped. fn returns false to stop.
func chatCSV(b *chatBuilder, text string, fn func(col chatColumns, rec []string) bool) {
	r := csv.NewReader(strings.NewReader(text))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var col chatColumns
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
			col = chatHeaderColumns(rec)
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

// chatColumns maps a header name to its column.
type chatColumns map[string]int

func chatHeaderColumns(rec []string) chatColumns {
	col := chatColumns{}
	for i, h := range rec {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	return col
}

func (c chatColumns) has(names ...string) bool {
	for _, n := range names {
		if _, ok := c[n]; !ok {
			return false
		}
	}
	return true
}

// get returns the named field of rec, "" when absent (short rows).
func (c chatColumns) get(rec []string, name string) string {
	if i, ok := c[name]; ok && i < len(rec) {
		return rec[i]
	}
	return ""
}

// chatDetectCSVHeader names the CSV format whose header line this is.
func chatDetectCSVHeader(line string) string {
	if !strings.Contains(line, ",") {
		return ""
	}
	rec, err := csv.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		return ""
	}
	col := chatHeaderColumns(rec)
	switch {
	case col.has("Type", "SubType", "IsSender", "StrContent") && (col.has("CreateTime") || col.has("StrTime")):
		return "wechatmsg-csv"
	case col.has("类型", "发送人", "时间", "内容"):
		return "memotrace-csv"
	case col.has("type_name", "is_sender", "talker", "CreateTime") && (col.has("msg") || col.has("content")):
		return "pywxdump-csv"
	case col.has("Time", "SenderName", "Sender", "Talker", "Content"):
		return "chatlog-csv"
	}
	return ""
}

// chatParseLocal reads a zone-less local time as the exports print it.
func chatParseLocal(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05", "2006/1/2 15:04:05", "2006-01-02 15:04", "2006/1/2 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var chatAmountRe = regexp.MustCompile(`[¥￥]\s*([0-9][0-9,]*(?:\.[0-9]+)?)|([0-9][0-9,]*(?:\.[0-9]+)?)\s*元`)

// chatFindAmount finds the first amount written "¥5000.00", "￥5,000.00" or
// "5000.00元" in s.
func chatFindAmount(s string) (money.Fen, bool) {
	m := chatAmountRe.FindStringSubmatch(s)
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

// chatStatusWords maps the status words of the exports to a role, longest
// first so that 已被退还 is not read as 已退还.
var chatStatusWords = []struct {
	word string
	role chatRole
}{
	{"发起非实时转账", chatRoleInit},
	{"非实时转账收款", chatRoleReceipt},
	{"对方已收款", chatRolePayerReceipt},
	{"已被退还", chatRolePayerRefund},
	{"已被接收", chatRolePayerReceipt},
	{"发起转账", chatRoleInit},
	{"已收款", chatRoleReceipt},
	{"已接收", chatRoleReceipt},
	{"已退还", chatRoleRefund},
	{"已退回", chatRoleRefund},
	{"已过期", chatRoleExpired},
	{"待收款", chatRoleInit},
}

// chatStatusRole finds a status word in s.
func chatStatusRole(s string) (chatRole, bool) {
	for _, w := range chatStatusWords {
		if strings.Contains(s, w.word) {
			return w.role, true
		}
	}
	return chatRoleUnknown, false
}

// chatNewTransfer builds the transfer of a message whose text carries an
// amount, or nil.
func chatNewTransfer(text string, role chatRole, memo string) *ChatTransfer {
	amt, ok := chatFindAmount(text)
	if !ok {
		return nil
	}
	return &ChatTransfer{Amount: amt, Status: role.status(), Memo: strings.TrimSpace(memo), role: role}
}

var chatTagRe = regexp.MustCompile(`<[/!?]?[A-Za-z_][^<>]*>`)

// chatNotice turns a system message into readable text: XML tags, CDATA
// and the "重新编辑" link of a recall are dropped; a 4.x <sysmsg> keeps its
// <content>.
func chatNotice(s string) string {
	if i := strings.Index(s, "<content>"); i >= 0 {
		if j := strings.Index(s[i:], "</content>"); j >= 0 {
			s = s[i+len("<content>") : i+j]
		}
	}
	if strings.Contains(s, "<") {
		s = strings.ReplaceAll(s, "<![CDATA[", "")
		s = strings.ReplaceAll(s, "]]>", "")
		s = strings.ReplaceAll(s, `<a href="weixin://revoke_edit_click">重新编辑</a>`, "")
		s = chatTagRe.ReplaceAllString(s, "")
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}

// chatIsRecall reports whether a system message is a recall notice.
func chatIsRecall(s string) bool {
	return strings.Contains(s, "撤回了一条消息") || strings.Contains(s, "revokemsg")
}

// chatSystem builds a system or recall message from its raw text.
func chatSystem(raw string) (MessageType, string) {
	if chatIsRecall(raw) {
		return MsgRecall, chatNotice(raw)
	}
	return MsgSystem, chatNotice(raw)
}

// chatNoticePhrases are system notices that a header-less line of a text
// export (WechatExporter, copied chats) is recognised by.
var chatNoticePhrases = []string{
	"撤回了一条消息", "现在可以开始聊天了", "以上是打招呼的内容", "但被对方拒收了",
	"开启了朋友验证", "拍了拍", "加入了群聊", "移出了群聊", "修改群名为", "你已添加了",
	"领取了你的红包", "你领取了", "System Message: ", "对方已收款", "已被退还",
}

func chatLooksNotice(s string) bool {
	for _, p := range chatNoticePhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// chatBracketTypes are the placeholders of the text exports: WeChatMsg TXT
// "[图片]", MemoTrace "【图片】", WechatExporter "[语音 6\"]", copied text.
var chatBracketTypes = map[string]MessageType{
	"图片": MsgImage, "视频": MsgVideo, "语音": MsgVoice, "表情": MsgOther, "表情包": MsgOther,
	"动画表情": MsgOther, "文件": MsgFile, "链接": MsgLink, "分享链接": MsgLink, "音乐分享": MsgLink,
	"小程序": MsgLink, "视频号": MsgLink, "位置": MsgOther, "位置分享": MsgOther, "名片": MsgOther,
	"音视频通话": MsgOther, "语音通话": MsgOther, "视频通话": MsgOther, "合并转发的聊天记录": MsgOther,
	"聊天记录": MsgOther, "收藏笔记": MsgOther, "红包": MsgRedPacket, "转账": MsgTransfer,
	"发起转账": MsgTransfer, "已收款": MsgTransfer, "已退还": MsgTransfer, "非实时转账收款": MsgTransfer,
	"发起非实时转账": MsgTransfer, "未知": MsgTransfer,
}

// chatClassify reads a message body as the text exports print it and
// returns its type, its display text and, for money, its transfer.
func chatClassify(body string) (MessageType, string, *ChatTransfer) {
	body = strings.TrimRight(strings.ReplaceAll(body, "\r\n", "\n"), "\n ")
	if rest, ok := strings.CutPrefix(body, "微信转账"); ok { // WechatExporter
		amount, memo, _ := strings.Cut(rest, "\n")
		role, _ := chatStatusRole(amount)
		if role == chatRoleUnknown && strings.HasSuffix(strings.TrimSpace(amount), "- 转账") {
			role = chatRoleInit
		}
		return MsgTransfer, body, chatNewTransfer(amount, role, memo)
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
	typ, ok := chatBracketTypes[key]
	if !ok || (open == "[" && key == "未知") {
		return MsgText, body, nil
	}
	if open == "[" && key == "转账" && strings.HasPrefix(rest, "|") {
		return MsgText, body, nil // chatlog's form, read by its own parser
	}
	display := "[" + label + "]" + rest
	switch typ {
	case MsgTransfer:
		role, _ := chatStatusRole(label)
		if label == "转账" {
			role, _ = chatStatusRole(rest)
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
		return MsgTransfer, display, chatNewTransfer(first, role, memo)
	case MsgRedPacket:
		return MsgRedPacket, display, chatNewTransfer(rest, chatRoleInit, "")
	}
	return typ, display, nil
}

// chatXMLValue returns the text of the first <name>…</name> in s.
func chatXMLValue(s, name string) string {
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

var chatVoiceLenRe = regexp.MustCompile(`voicelength="([0-9]{1,9})"`)

// chatVoiceText is "[语音]" with the length in seconds when the XML has it.
func chatVoiceText(xml string) string {
	if m := chatVoiceLenRe.FindStringSubmatch(xml); m != nil {
		ms, _ := strconv.Atoi(m[1])
		return "[语音] " + strconv.Itoa((ms+500)/1000) + "s"
	}
	return "[语音]"
}
