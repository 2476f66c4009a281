package chat

// Format "chatlog-csv": sjzar/chatlog's HTTP API /api/v1/chatlog?format=csv
// (docs/formats.md), a Go encoding/csv file: UTF-8 without BOM, LF records.
// Header:
//
//	Time,SenderName,Sender,TalkerName,Talker,Content
//
// Time is "2006-01-02 15:04:05" in the chatlog process's zone (local, UTC in
// its Docker image), so the zone is not known. SenderName is the contact's
// remark or nickname, empty for the user's own rows and for system rows;
// Sender the wxid, "系统消息" for system rows; TalkerName the group name
// (empty in 1:1 chats); Talker the contact or group id. There is no is-self
// column: own rows are those with an empty SenderName whose Sender is not
// the Talker. Content is chatlog's PlainTextContent: text;
// "![图片](http://host/image/…)"; "[语音](http://host/voice/…)";
// "[文件|name](…)"; "[链接|title](url)"; transfers
// "[转账|发送 ￥5000.00](memo)" where 发送/接收/退还 is the pay subtype (the
// payer's transfer, the payee's receipt, a refund), not the direction
// relative to the user; "[红包]".
//
// Confirmed against the source: sjzar/chatlog internal/model/message.go
// @ 53f14eaa931757024e72f44aeb54dc4b722064e1 (ParseMediaInfo: transfer
// "[转账|%s%s]%s" with 发送/接收/退还 and "(memo)"; PlainTextContent: the image,
// voice, file, link and red packet forms; system rows get Sender "系统消息").

import "strings"

var chatlogCSV = reader{
	format: "chatlog-csv",
	byHead: func(s *sample) verdict { return mineIf(s.csvHas("Time", "SenderName", "Sender", "Talker", "Content")) },
	parse:  parseChatlogCSV,
}

func parseChatlogCSV(b *builder, text string) {
	b.explicit = true
	type row struct {
		m            Message
		nameless     bool
		sender, talk string
	}
	var rows []row
	readCSV(b, text, func(col columns, rec []string) bool {
		t, ok := parseLocal(col.get(rec, "Time"))
		if !ok {
			b.skip()
			return true
		}
		if len(rows) >= maxMessages {
			b.chat.Truncated = true
			return false
		}
		name := strings.TrimSpace(col.get(rec, "SenderName"))
		sender := strings.TrimSpace(col.get(rec, "Sender"))
		m := Message{Time: t}
		content := col.get(rec, "Content")
		if sender == "系统消息" {
			m.Type, m.Text = system(content)
		} else {
			m.Type, m.Text, m.Transfer = chatlogContent(content)
			m.Sender = name
			if m.Sender == "" {
				m.Sender = sender
			}
			if m.Sender == "" {
				m.Sender = "未知"
			}
		}
		rows = append(rows, row{m: m, nameless: name == "", sender: sender, talk: strings.TrimSpace(col.get(rec, "Talker"))})
		return true
	})
	// The user is the one wxid that appears on nameless rows other than
	// the talker's; with none or several, the user is not known.
	own := map[string]bool{}
	for _, r := range rows {
		if r.m.Type != MsgSystem && r.m.Type != MsgRecall && r.nameless && r.sender != "" && r.sender != r.talk {
			own[r.sender] = true
		}
	}
	if len(own) == 1 {
		for s := range own {
			b.me = s
		}
	}
	for _, r := range rows {
		if r.m.Sender != "" && b.me != "" {
			r.m.Direction = "other"
			if r.sender == b.me {
				r.m.Direction = "me"
				r.m.Sender = b.me
			}
		}
		b.add(r.m)
	}
}

// chatlogLinks are the "[label|…](url)" and "![label](url)" forms.
var chatlogLinks = map[string]MessageType{
	"图片": MsgImage, "视频": MsgVideo, "语音": MsgVoice, "动画表情": MsgOther, "GIF表情": MsgOther,
	"文件": MsgFile, "链接": MsgLink, "分享": MsgLink, "小程序": MsgLink, "视频号": MsgLink,
	"位置": MsgOther, "名片": MsgOther, "语音通话": MsgOther, "合并转发": MsgOther, "引用": MsgText,
	"红包": MsgRedPacket, "红包封面": MsgOther, "群公告": MsgOther,
}

// chatlogContent reads chatlog's PlainTextContent.
func chatlogContent(s string) (MessageType, string, *Transfer) {
	body := strings.TrimPrefix(s, "!")
	if !strings.HasPrefix(body, "[") {
		return MsgText, s, nil
	}
	end := strings.Index(body, "]")
	if end < 0 {
		return MsgText, s, nil
	}
	label, rest := body[1:end], body[end+1:]
	key, detail, _ := strings.Cut(label, "|")
	if key == "转账" {
		memo := ""
		if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
			memo = rest[1 : len(rest)-1]
		}
		word, _, _ := strings.Cut(detail, " ")
		role := roleUnknown
		switch word {
		case "发送":
			role = roleInit
		case "接收":
			role = roleReceipt
		case "退还":
			role = roleRefund
		}
		text := "[转账] " + detail
		if memo != "" {
			text += "\n" + memo
		}
		return MsgTransfer, text, newTransfer(detail, role, memo)
	}
	typ, ok := chatlogLinks[key]
	if !ok {
		return MsgText, s, nil
	}
	text := "[" + key + "]"
	if detail != "" {
		text += " " + strings.ReplaceAll(detail, "|", " ")
	}
	if typ == MsgText { // a quote keeps its whole text
		return MsgText, s, nil
	}
	return typ, text, nil
}
