package chat

// Format "wechatmsg-csv": WeChatMsg / 留痕 / MemoTrace v1.1.2–v2.0.5, the file
// <备注>_utf8.csv (docs/formats.md). UTF-8 with BOM, CRLF records, Python
// csv.writer quoting (newlines inside quoted fields). Header:
//
//	localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender
//
// Type/SubType are the raw MSG.db codes (1 text, 3 image, 34 voice, 43 video,
// 47 sticker, 49/2000 transfer, 49/2001 red packet, 10000 system); IsSender
// 1 marks the user's own rows; CreateTime is Unix seconds, so these times
// are instants (ZoneKnown); StrTime is the same time as local wall clock.
// StrContent is raw: XML for images and voice, <revokemsg> for recalls, and
// empty for every type-49 message, so a transfer's amount is not in this
// file. Remark/NickName/Sender are the sender's remark (sanitized for file
// names), nickname and wxid. Older files (v1.0.2–v1.1.1) have 9-field rows
// without the last three; the "export all" messages.csv writes "我" in
// Sender for own rows.
//
// Confirmed against the exporter's source: LC044/WeChatMsg
// app/util/exporter/exporter_csv.py @ 43d6792926e25dc940b6904acc8ab010e5e43f05
// (columns, utf-8-sig, csv.writer, [*msg[:9], remark, nickname, wxid]).

import (
	"strconv"
	"strings"
	"time"
)

var wechatMsgCSV = reader{
	format: "wechatmsg-csv",
	byHead: func(s *sample) verdict {
		return mineIf(s.csvHas("Type", "SubType", "IsSender", "StrContent") && (s.csvHas("CreateTime") || s.csvHas("StrTime")))
	},
	parse: parseWeChatMsgCSV,
}

// wechatMsgTXT is WeChatMsg's TXT export, read by timeblocks.go. It writes
// no transfers and no red packets.
var wechatMsgTXT = reader{
	format:         "wechatmsg-txt",
	byHead:         func(s *sample) verdict { return s.timeBlocksAre("wechatmsg-txt") },
	parse:          func(b *builder, text string) { parseTimeBlocks(b, text, true) },
	dropsTransfers: true,
}

func parseWeChatMsgCSV(b *builder, text string) {
	b.explicit = true
	all := strings.Contains(text, ",我\r\n") || strings.Contains(text, ",我\n") // messages.csv
	readCSV(b, text, func(col columns, rec []string) bool {
		typ, err1 := strconv.Atoi(strings.TrimSpace(col.get(rec, "Type")))
		sub, _ := strconv.Atoi(strings.TrimSpace(col.get(rec, "SubType")))
		var m Message
		if ct, err := strconv.ParseInt(strings.TrimSpace(col.get(rec, "CreateTime")), 10, 64); err == nil && ct > 0 && ct < 1<<33 {
			m.Time, m.ZoneKnown = time.Unix(ct, 0).UTC(), true
		} else if t, ok := parseLocal(col.get(rec, "StrTime")); ok {
			m.Time = t
		}
		if err1 != nil || m.Time.IsZero() {
			b.skip()
			return true
		}
		own := strings.TrimSpace(col.get(rec, "IsSender")) == "1"
		m.Sender = weChatMsgSender(col, rec, own, all)
		m.Direction = "other"
		if own {
			m.Direction = "me"
			if b.me == "" {
				b.me = m.Sender
			}
		}
		content := col.get(rec, "StrContent")
		m.Type, m.Text, m.Transfer = weChatMsgContent(typ, sub, content)
		return b.add(m)
	})
}

// weChatMsgSender is the remark, else nickname, else wxid of the row;
// "我"/"对方" for 9-field rows that carry no names.
func weChatMsgSender(col columns, rec []string, own, all bool) string {
	if all {
		if s := strings.TrimSpace(col.get(rec, "Sender")); s != "" {
			return s
		}
	}
	for _, name := range []string{"Remark", "NickName", "Sender"} {
		if s := strings.TrimSpace(col.get(rec, name)); s != "" {
			return s
		}
	}
	if own {
		return "我"
	}
	return "对方"
}

// weChatMsgContent reads a row's type codes and raw StrContent.
func weChatMsgContent(typ, sub int, content string) (MessageType, string, *Transfer) {
	switch typ {
	case 1:
		return MsgText, content, nil
	case 3:
		return MsgImage, "[图片]", nil
	case 34:
		return MsgVoice, voiceText(content), nil
	case 43:
		return MsgVideo, "[视频]", nil
	case 47:
		return MsgOther, "[表情]", nil
	case 48:
		return MsgOther, "[位置]", nil
	case 42:
		return MsgOther, "[名片]", nil
	case 50:
		return MsgOther, "[通话]", nil
	case 10000, 10002:
		t, s := system(content)
		return t, s, nil
	case 49:
		switch sub {
		case 2000:
			return weChatMsgTransfer(content)
		case 2001:
			var tr *Transfer
			if v := xmlValue(content, "feedesc"); v != "" {
				tr = newTransfer(v, roleInit, "")
			}
			return MsgRedPacket, "[红包]", tr
		case 5:
			if t := xmlValue(content, "title"); t != "" {
				return MsgLink, "[链接] " + t, nil
			}
			return MsgLink, "[链接]", nil
		case 6:
			if t := xmlValue(content, "title"); t != "" {
				return MsgFile, "[文件] " + t, nil
			}
			return MsgFile, "[文件]", nil
		case 57:
			if t := xmlValue(content, "title"); t != "" {
				return MsgText, t, nil
			}
			return MsgText, "[引用]", nil
		}
		return MsgOther, "[分享]", nil
	}
	if content != "" && !strings.HasPrefix(strings.TrimSpace(content), "<") {
		return MsgOther, content, nil
	}
	return MsgOther, "[消息]", nil
}

// weChatMsgTransfer reads a 49/2000 row. Its StrContent is normally
// empty; when a version does keep the <wcpayinfo> XML, the amount, the
// paysubtype and the memo are read from it.
func weChatMsgTransfer(content string) (MessageType, string, *Transfer) {
	fee := xmlValue(content, "feedesc")
	if fee == "" {
		return MsgTransfer, "[转账]", nil
	}
	role := roleUnknown
	switch strings.TrimSpace(xmlValue(content, "paysubtype")) {
	case "1", "7":
		role = roleInit
	case "3", "5":
		role = roleReceipt
	case "4":
		role = roleRefund
	case "8":
		role = rolePayerReceipt
	case "9":
		role = rolePayerRefund
	}
	memo := xmlValue(content, "pay_memo")
	text := "[转账] " + fee
	if s := role.status(); s != "" {
		text += " " + s
	}
	if memo != "" {
		text += "\n" + memo
	}
	return MsgTransfer, text, newTransfer(fee, role, memo)
}
