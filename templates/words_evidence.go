package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/evidence/chat"
)

// evWords is the wording of the chat and bill exhibit pages, one value per
// language, kept apart from words so that these pages have their own table.
type evWords struct {
	// Chat header block.
	chatFacts, chatFormat, chatParticipants, chatMe, chatMessages string
	chatPeriod, chatTransfers, chatMeUnknown, chatMeInferred      string
	chatSkipped                                                   func(n int) string
	chatTruncated                                                 string
	chatCount                                                     func(n int, kinds string) string
	chatTransferSum                                               func(n int, out, in string) string
	chatNoTransfers                                               string
	chatTranscript                                                string
	chatZoneLocal, chatZoneBeijing                                string
	chatLegend                                                    string
	chatEmpty, chatNotListed, to                                  string
	chatFormats                                                   map[string]string
	// msgName names message types in the count of the header block.
	msgName map[chat.MessageType]string

	// Message types as the transcript marks them.
	msgKind map[chat.MessageType]string
	// Transfer lines.
	transfer, redPacket, amountUnknown, memo string
	payOut, payIn                            string
	recalled                                 string

	// Bill header block and table.
	billFacts, billProvider, billLayout, billAccount, billPeriod, billRows string
	billOut, billIn, billNeutral, billRelevant                             string
	billTable                                                              string
	colLine, colType, colGoods, colInOut, colBillAmount, colBillStatus     string
	colBillTime, colBillParty, colBillID                                   string
	inOut                                                                  map[string]string
	billCountSum                                                           func(n int, sum string) string
	billRelevantRows                                                       func(byID, byParty int) string
	billNoRelevant                                                         string
	billLegend                                                             func(names string) string
	billGap                                                                func(n, from, to int) string
	billMore                                                               func(n int, path string) string
	billShortened                                                          func(shown, total int) string
	billEmpty                                                              string
	providers                                                              map[string]string
}

var zhEvWords = &evWords{
	chatFacts:        "聊天记录概况",
	chatFormat:       "导出格式",
	chatParticipants: "参与者",
	chatMe:           "本人（导出者）",
	chatMessages:     "消息数",
	chatPeriod:       "时间范围",
	chatTransfers:    "转账与红包",
	chatMeUnknown:    "（导出文件未注明哪一方是本人；所有消息靠左排列）",
	chatMeInferred:   "（根据会话名称或系统提示推断）",
	chatSkipped: func(n int) string {
		return fmt.Sprintf("另有 %d 行无法识别为消息，未列出，见原件", n)
	},
	chatTruncated: "聊天记录超过一百万条，其后的消息未读取，见原件",
	chatCount: func(n int, kinds string) string {
		if kinds == "" {
			return strconv.Itoa(n) + " 条"
		}
		return strconv.Itoa(n) + " 条（" + kinds + "）"
	},
	chatTransferSum: func(n int, out, in string) string {
		return fmt.Sprintf("%d 笔；本人付出 %s，本人收到 %s", n, out, in)
	},
	chatNoTransfers: "无",
	chatTranscript:  "聊天记录全文",
	chatZoneLocal:   "以下时间为导出设备的本地时间，导出文件未记录时区（通常为北京时间 UTC+8），按原样显示。",
	chatZoneBeijing: "以下时间均为北京时间（UTC+8）。",
	chatLegend:      "本人的消息靠右（绿色），对方的消息靠左（白色），系统提示居中（灰色），转账和红包以橙色标出；无法显示的表情等字符以 □ 代替。",
	chatEmpty:       "（聊天记录中没有消息。）",
	chatNotListed:   "未列出",
	to:              " 至 ",
	chatFormats: map[string]string{
		"wechatmsg-csv":      "WeChatMsg（留痕）CSV",
		"wechatmsg-txt":      "WeChatMsg（留痕）TXT",
		"memotrace-csv":      "MemoTrace（留痕）CSV",
		"memotrace-txt":      "MemoTrace（留痕）TXT",
		"pywxdump-csv":       "PyWxDump CSV",
		"wechatexporter-txt": "WechatExporter TXT",
		"forwarded":          "从微信复制或转发的聊天记录文本",
		"chatlog-csv":        "chatlog CSV",
	},
	msgName: map[chat.MessageType]string{
		chat.MsgText:      "文字",
		chat.MsgImage:     "图片",
		chat.MsgVoice:     "语音",
		chat.MsgVideo:     "视频",
		chat.MsgFile:      "文件",
		chat.MsgLink:      "链接",
		chat.MsgTransfer:  "转账",
		chat.MsgRedPacket: "红包",
		chat.MsgRecall:    "撤回",
		chat.MsgSystem:    "系统提示",
		chat.MsgOther:     "其他",
	},

	msgKind: map[chat.MessageType]string{
		chat.MsgText:      "文字",
		chat.MsgImage:     "[图片]",
		chat.MsgVoice:     "[语音]",
		chat.MsgVideo:     "[视频]",
		chat.MsgTransfer:  "转账",
		chat.MsgRedPacket: "红包",
		chat.MsgRecall:    "撤回",
		chat.MsgSystem:    "系统",
		chat.MsgFile:      "[文件]",
		chat.MsgLink:      "[链接]",
		chat.MsgOther:     "[其他消息]",
	},
	transfer:      "转账",
	redPacket:     "红包",
	amountUnknown: "金额未记录",
	memo:          "备注：",
	payOut:        "本人付出",
	payIn:         "本人收到",
	recalled:      "撤回了一条消息",

	billFacts:     "账单概况",
	billProvider:  "账单来源",
	billLayout:    "文件格式",
	billAccount:   "账户",
	billPeriod:    "账单期间",
	billRows:      "交易笔数",
	billOut:       "支出合计",
	billIn:        "收入合计",
	billNeutral:   "不计收支",
	billRelevant:  "与本案有关",
	billTable:     "账单明细",
	colLine:       "行号",
	colBillTime:   "时间",
	colType:       "类型",
	colBillParty:  "交易对方",
	colGoods:      "商品",
	colInOut:      "收/支",
	colBillAmount: "金额（元）",
	colBillStatus: "状态",
	colBillID:     "交易单号",
	inOut:         map[string]string{"out": "支出", "in": "收入", "": "不计收支"},
	billCountSum:  func(n int, sum string) string { return fmt.Sprintf("%d 笔，%s", n, sum) },
	billRelevantRows: func(byID, byParty int) string {
		var parts []string
		if byID > 0 {
			parts = append(parts, fmt.Sprintf("★ 交易单号与本案交易一致：%d 行", byID))
		}
		if byParty > 0 {
			parts = append(parts, fmt.Sprintf("◆ 交易对方一致：%d 行", byParty))
		}
		return strings.Join(parts, "；")
	},
	billNoRelevant: "（账单中没有与本案交易单号或交易对方一致的行）",
	billLegend: func(names string) string {
		s := "★ 深黄底：交易单号与 case.yaml 所列本案交易一致。"
		if names != "" {
			s += "◆ 浅黄底：交易对方为" + names + "。"
		}
		return s + "行号为该行在原件中的行号。金额按原件逐位照录。"
	},
	billGap: func(n, from, to int) string {
		return fmt.Sprintf("…… 此处略去 %d 行（原件第 %d–%d 行）……", n, from, to)
	},
	billMore: func(n int, path string) string {
		return fmt.Sprintf("另有 %d 行未列出，见原件 %s", n, path)
	},
	billShortened: func(shown, total int) string {
		return fmt.Sprintf("账单共 %d 行，以下列出前几行以及与本案有关的行和其前后各几行，共 %d 行。", total, shown)
	},
	billEmpty: "（账单中没有交易记录。）",
	providers: map[string]string{"wechat": "微信支付", "alipay": "支付宝", "bank": "银行"},
}

var enEvWords = &evWords{
	chatFacts:        "About this chat",
	chatFormat:       "Export format",
	chatParticipants: "Participants",
	chatMe:           "Me (who exported it)",
	chatMessages:     "Messages",
	chatPeriod:       "Period",
	chatTransfers:    "Transfers and red packets",
	chatMeUnknown:    "(the export does not say which side is the user; every message is on the left)",
	chatMeInferred:   " (deduced from the chat title or a system notice)",
	chatSkipped: func(n int) string {
		if n == 1 {
			return "1 more line could not be read as a message and is not listed; see the original"
		}
		return fmt.Sprintf("%d more lines could not be read as messages and are not listed; see the original", n)
	},
	chatTruncated: "The chat holds more than a million messages; the rest were not read; see the original",
	chatCount: func(n int, kinds string) string {
		s := strconv.Itoa(n)
		if kinds != "" {
			s += " (" + kinds + ")"
		}
		return s
	},
	chatTransferSum: func(n int, out, in string) string {
		return fmt.Sprintf("%d; paid by me %s, paid to me %s", n, out, in)
	},
	chatNoTransfers: "none",
	chatTranscript:  "Full transcript",
	chatZoneLocal:   "Times below are the exporting device's local time; the export does not record the zone (usually Beijing time, UTC+8). They are shown as written.",
	chatZoneBeijing: "Times below are Beijing time (UTC+8).",
	chatLegend:      "My messages are on the right (green), the other side's on the left (white), system notices centred (grey), transfers and red packets in orange; emoji and other characters the font lacks are shown as □.",
	chatEmpty:       "(The chat holds no messages.)",
	chatNotListed:   "Not listed",
	to:              " to ",
	chatFormats: map[string]string{
		"wechatmsg-csv":      "WeChatMsg CSV",
		"wechatmsg-txt":      "WeChatMsg TXT",
		"memotrace-csv":      "MemoTrace CSV",
		"memotrace-txt":      "MemoTrace TXT",
		"pywxdump-csv":       "PyWxDump CSV",
		"wechatexporter-txt": "WechatExporter TXT",
		"forwarded":          "chat text copied or forwarded out of WeChat",
		"chatlog-csv":        "chatlog CSV",
	},
	msgName: map[chat.MessageType]string{
		chat.MsgText:      "text",
		chat.MsgImage:     "image",
		chat.MsgVoice:     "voice",
		chat.MsgVideo:     "video",
		chat.MsgFile:      "file",
		chat.MsgLink:      "link",
		chat.MsgTransfer:  "transfer",
		chat.MsgRedPacket: "red packet",
		chat.MsgRecall:    "recalled",
		chat.MsgSystem:    "system",
		chat.MsgOther:     "other",
	},

	msgKind: map[chat.MessageType]string{
		chat.MsgText:      "text",
		chat.MsgImage:     "[image]",
		chat.MsgVoice:     "[voice]",
		chat.MsgVideo:     "[video]",
		chat.MsgTransfer:  "transfer",
		chat.MsgRedPacket: "red packet",
		chat.MsgRecall:    "recalled",
		chat.MsgSystem:    "system",
		chat.MsgFile:      "[file]",
		chat.MsgLink:      "[link]",
		chat.MsgOther:     "[other message]",
	},
	transfer:      "transfer",
	redPacket:     "red packet",
	amountUnknown: "amount not recorded",
	memo:          "Note: ",
	payOut:        "paid by me",
	payIn:         "paid to me",
	recalled:      "recalled a message",

	billFacts:     "About this bill",
	billProvider:  "Issued by",
	billLayout:    "File format",
	billAccount:   "Account",
	billPeriod:    "Period",
	billRows:      "Transactions",
	billOut:       "Total out",
	billIn:        "Total in",
	billNeutral:   "Neither in nor out",
	billRelevant:  "Concerning this case",
	billTable:     "Bill rows",
	colLine:       "Line",
	colBillTime:   "Time",
	colType:       "Type",
	colBillParty:  "Counterparty",
	colGoods:      "Goods",
	colInOut:      "In/out",
	colBillAmount: "Amount (CNY)",
	colBillStatus: "Status",
	colBillID:     "Transaction ID",
	inOut:         map[string]string{"out": "out", "in": "in", "": "neither"},
	billCountSum:  func(n int, sum string) string { return fmt.Sprintf("%d, %s", n, sum) },
	billRelevantRows: func(byID, byParty int) string {
		var parts []string
		if byID > 0 {
			parts = append(parts, fmt.Sprintf("★ the ID of a payment of this case: %s", rowsEn(byID)))
		}
		if byParty > 0 {
			parts = append(parts, fmt.Sprintf("◆ the counterparty of this case: %s", rowsEn(byParty)))
		}
		return strings.Join(parts, "; ")
	},
	billNoRelevant: "(no row has the ID or the counterparty of a payment of this case)",
	billLegend: func(names string) string {
		s := "★ dark yellow: the ID of a payment listed in case.yaml."
		if names != "" {
			s += " ◆ light yellow: the counterparty is " + names + "."
		}
		return s + " Line is the line of the row in the original. Amounts are copied digit for digit."
	},
	billGap: func(n, from, to int) string {
		if n == 1 {
			return fmt.Sprintf("… 1 row left out here (line %d of the original) …", from)
		}
		return fmt.Sprintf("… %d rows left out here (lines %d–%d of the original) …", n, from, to)
	},
	billMore: func(n int, path string) string {
		if n == 1 {
			return "1 more row not listed; see the original " + path
		}
		return fmt.Sprintf("%d more rows not listed; see the original %s", n, path)
	},
	billShortened: func(shown, total int) string {
		return fmt.Sprintf("The bill has %d rows; listed here are the first few, the rows concerning this case and a few rows around each: %d rows.", total, shown)
	},
	billEmpty: "(The bill holds no transactions.)",
	providers: map[string]string{"wechat": "WeChat Pay", "alipay": "Alipay", "bank": "Bank"},
}

func rowsEn(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}

// ev returns the chat and bill wording of the dossier's language.
func (w *words) ev() *evWords {
	if w.lang == "en" {
		return enEvWords
	}
	return zhEvWords
}
