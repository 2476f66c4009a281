package chat

// Format "pywxdump-csv": PyWxDump's chat CSV (docs/formats.md), file
// <wxid>_<start>_<end>.csv beside a users.json. UTF-8 without BOM, CRLF
// records. Two header generations:
//
//	id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime   (v3.1.x, 2024-08 →)
//	id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime   (≤ v3.0.42)
//
// In the older one, content is JSON {"src": …, "msg": …} and talker is "我"
// for own rows. type_name is a Chinese type name (文本, 图片, 语音, 转账,
// 系统通知, 消息撤回N, 未知, …); is_sender 1/0; talker the sender's wxid (the
// user's own wxid on own rows; names are in users.json, see Chat.Rename);
// CreateTime local wall clock "YYYY-MM-DD HH:MM:SS" without zone. A
// transfer's msg is "转账：￥5000.00\n转账说明：…\n转账时间：…\n" ("已收款：…"
// for the receipt; a refund also says "转账", but its 转账时间 is the
// original transfer's, earlier than the row's own time). System rows keep
// the raw StrContent (<revokemsg> for recalls).
//
// Confirmed against the exporter's source: xaoyaoo/PyWxDump
// pywxdump/api/export/exportCSV.py @ 0c727dc34fc54475f9ec43a8faf4ddb3fbc42a77
// (9 columns, utf-8, newline='', QUOTE_MINIMAL) and
// pywxdump/dbpreprocess/export/exportCSV.py (8 columns, json.dumps content).

import (
	"encoding/json"
	"strings"
	"time"
)

var pyWxDumpCSV = reader{
	format: "pywxdump-csv",
	byHead: func(s *sample) verdict {
		return mineIf(s.csvHas("type_name", "is_sender", "talker", "CreateTime") && (s.csvHas("msg") || s.csvHas("content")))
	},
	parse: parsePyWxDumpCSV,
}

var pyWxDumpTypes = map[string]MessageType{
	"文本": MsgText, "引用回复": MsgText, "图片": MsgImage, "语音": MsgVoice, "视频": MsgVideo,
	"动画表情": MsgOther, "位置": MsgOther, "文件": MsgFile, "卡片式链接": MsgLink,
	"分享卡片式链接": MsgLink, "合并转发的聊天记录": MsgOther, "转账": MsgTransfer, "红包": MsgRedPacket,
	"语音通话": MsgOther, "系统通知": MsgSystem, "拍一拍": MsgSystem, "邀请加群": MsgSystem,
	"未知": MsgOther, "其他": MsgOther,
}

func parsePyWxDumpCSV(b *builder, text string) {
	b.explicit = true
	readCSV(b, text, func(col columns, rec []string) bool {
		t, ok := parseLocal(col.get(rec, "CreateTime"))
		kind := strings.TrimSpace(col.get(rec, "type_name"))
		if !ok || kind == "" {
			b.skip()
			return true
		}
		msg := col.get(rec, "msg")
		if _, v3 := col["msg"]; !v3 {
			msg = pyWxDumpContent(col.get(rec, "content"))
		}
		m := Message{Time: t, Sender: strings.TrimSpace(col.get(rec, "talker")), Direction: "other"}
		if strings.TrimSpace(col.get(rec, "is_sender")) == "1" {
			m.Direction = "me"
			if b.me == "" {
				b.me = m.Sender
			}
		}
		if m.Sender == "" {
			m.Sender = "未知"
		}
		typ, known := pyWxDumpTypes[kind]
		switch {
		case strings.HasPrefix(kind, "消息撤回") || ((typ == MsgSystem || !known) && isRecall(msg)):
			m.Type, m.Text = MsgRecall, noticeText(msg)
		case typ == MsgSystem:
			m.Type, m.Text = system(msg)
		case typ == MsgTransfer:
			m.Type, m.Text, m.Transfer = MsgTransfer, strings.TrimRight(msg, "\r\n"), pyWxDumpTransfer(msg, t)
		case typ == MsgImage:
			m.Type, m.Text = MsgImage, "[图片]"
		case typ == MsgVideo:
			m.Type, m.Text = MsgVideo, "[视频]"
		case typ == MsgVoice:
			m.Type, m.Text = MsgVoice, "[语音] "+strings.TrimPrefix(msg, "语音时长：")
		case typ == MsgFile:
			m.Type, m.Text = MsgFile, "[文件] "+msg
		case typ == MsgRedPacket:
			m.Type, m.Text, m.Transfer = MsgRedPacket, msg, newTransfer(msg, roleInit, "")
		case !known:
			m.Type, m.Text = MsgOther, "["+kind+"]"
			if msg != "" && msg != kind {
				m.Text += " " + msg
			}
		default:
			m.Type, m.Text = typ, msg
		}
		return b.add(m)
	})
}

// pyWxDumpContent reads the JSON content column of PyWxDump ≤ 3.0.42.
func pyWxDumpContent(s string) string {
	var v struct {
		Msg string `json:"msg"`
	}
	if json.Unmarshal([]byte(s), &v) == nil {
		return v.Msg
	}
	return s
}

// pyWxDumpTransfer reads "转账：￥5000.00\n转账说明：…\n转账时间：…".
func pyWxDumpTransfer(msg string, at time.Time) *Transfer {
	first, _, _ := strings.Cut(msg, "\n")
	label, _, _ := strings.Cut(first, "：")
	role := roleInit
	if r, ok := statusRole(label); ok {
		role = r
	}
	var memo string
	var started time.Time
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, "转账说明："); ok {
			memo = v
		}
		if v, ok := strings.CutPrefix(l, "转账时间："); ok {
			started, _ = parseLocal(v)
		}
	}
	// A refund is printed "转账：" too; its 转账时间 is the original
	// transfer's start, well before the refund row itself.
	if role == roleInit && !started.IsZero() && at.Sub(started) > 5*time.Minute {
		role = roleRefund
	}
	return newTransfer(first, role, memo)
}
