package chat

// Format "memotrace-csv": the MemoTrace / WeChatMsg 2025 rewrite ("重写架构，
// 支持微信4.0", wxManager 3.0.0), file <备注>.csv (docs/formats.md). UTF-8 with
// BOM, CRLF records, Python csv.writer quoting. Header:
//
//	消息ID,类型,发送人,时间,内容,备注,昵称,更多信息
//
// 类型 is a Chinese type name (文本, 图片, 语音, 转账, 红包, 系统消息, …);
// 发送人 the sender's display name, empty for system rows; 时间 local wall
// clock "YYYY-MM-DD HH:MM:SS" without zone; 内容 the to_text() rendering:
// "【图片】", "【语音】", and for transfers "【发起转账】:￥5000.00\n备注: 手机货款\n"
// (【已收款】, 【已退还】, … for the other pay subtypes); recalls of WeChat 3.x
// data keep the raw <revokemsg> XML. 备注/昵称 are empty on the user's own
// rows (Me() is never filled in the open-source code), which is how Me is
// found. 更多信息 is always "more".
//
// Confirmed against the exporter's source: zprolab/WeChatMsg (a fork that
// kept LC044/WeChatMsg's history) exporter/exporter_csv.py
// @ 6535ed011c90f4ce5daea6986d420617b14a70f2 (columns, utf-8-sig, the row
// [server_id, type_name(), display_name, str_time, to_text(), remark,
// nickname, 'more'], remark/nickname from Me() for own messages).

import "strings"

var memoTraceCSV = reader{
	format: "memotrace-csv",
	byHead: func(s *sample) verdict { return mineIf(s.csvHas("类型", "发送人", "时间", "内容")) },
	parse:  parseMemoTraceCSV,
}

// memoTraceTXT is MemoTrace's TXT export, read by timeblocks.go.
var memoTraceTXT = reader{
	format: "memotrace-txt",
	byHead: func(s *sample) verdict { return s.timeBlocksAre("memotrace-txt") },
	parse:  func(b *builder, text string) { parseTimeBlocks(b, text, false) },
}

// memoTraceTypes maps the 类型 column.
var memoTraceTypes = map[string]MessageType{
	"文本": MsgText, "引用消息": MsgText, "图片": MsgImage, "视频": MsgVideo, "语音": MsgVoice,
	"表情包": MsgOther, "音视频通话": MsgOther, "文件": MsgFile, "位置分享": MsgOther,
	"分享链接": MsgLink, "小程序": MsgLink, "视频号": MsgLink, "音乐分享": MsgLink,
	"红包": MsgRedPacket, "转账": MsgTransfer, "合并转发的聊天记录": MsgOther, "收藏笔记": MsgOther,
	"个人/公众号名片": MsgOther, "企业微信名片": MsgOther, "系统消息": MsgSystem, "拍一拍": MsgSystem,
	"未知类型": MsgOther,
}

func parseMemoTraceCSV(b *builder, text string) {
	owners := map[string]int{} // senders of rows with empty 备注 and 昵称
	readCSV(b, text, func(col columns, rec []string) bool {
		t, ok := parseLocal(col.get(rec, "时间"))
		kind := strings.TrimSpace(col.get(rec, "类型"))
		if !ok || kind == "" {
			b.skip()
			return true
		}
		m := Message{Time: t, Sender: strings.TrimSpace(col.get(rec, "发送人"))}
		content := col.get(rec, "内容")
		typ, known := memoTraceTypes[kind]
		switch {
		case typ == MsgSystem || (!known && m.Sender == "" && isRecall(content)):
			m.Type, m.Text = system(content)
		case kind == "未知类型":
			m.Type, m.Text = MsgOther, "[未知类型]"
		default:
			ct, display, tr := classify(content)
			m.Type, m.Text, m.Transfer = ct, display, tr
			if known && typ != ct {
				m.Type = typ
				if typ == MsgText || typ == MsgLink || typ == MsgOther {
					m.Text = strings.TrimRight(content, "\r\n")
				}
			}
			if m.Type != MsgTransfer && m.Type != MsgRedPacket {
				m.Transfer = nil
			}
		}
		if m.Type != MsgSystem && m.Type != MsgRecall {
			if m.Sender == "" {
				m.Sender = strings.TrimSpace(col.get(rec, "昵称"))
			}
			if m.Sender == "" {
				m.Sender = "未知"
			}
			if col.get(rec, "备注") == "" && col.get(rec, "昵称") == "" {
				owners[m.Sender]++
			}
		}
		return b.add(m)
	})
	if len(owners) == 1 {
		for n := range owners {
			b.me = n
		}
	}
}
