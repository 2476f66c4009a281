package templates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// zhWords is the Chinese wording of the dossier, the default. Its keys are
// enWords' keys (words_test.go checks).
var zhWords = &words{

	lang: "zh",
	coverTitle: map[string]string{
		"complaint": "投诉材料",
		"police":    "报案材料",
		"civil":     "证据材料",
	},
	routeDesc: map[string]string{
		"complaint": "向支付平台或银行投诉",
		"police":    "向公安机关报案",
		"civil":     "民事诉讼（向人民法院提交）",
	},
	claimant: map[string]string{
		"complaint": "投诉人",
		"police":    "报案人",
		"civil":     "原告（申请人）",
	},
	respondent: map[string]string{
		"complaint": "被投诉方",
		"police":    "被报案人",
		"civil":     "被告（被申请人）",
	},
	caseID:         "案件编号",
	purpose:        "材料用途",
	platform:       "支付平台",
	complaintType:  "投诉类型",
	lossTotal:      "损失合计",
	exhibitCount:   "证据数量",
	generated:      "生成时间",
	manifestDigest: "清单摘要",
	trustedTime:    "可信时间戳",
	software:       "生成软件",
	none:           "无",
	notGiven:       "（未填写）",
	blankTitle:     "（未填写案件名称）",
	name:           "姓名",
	idNumber:       "身份证号",
	phone:          "手机号",
	wechatID:       "微信号",
	account:        "账户",
	coverNote: "说明：本材料所附证据均为原始文件的逐字节副本，保存在数据包的 data/ 目录中。" +
		"每份证据的 SHA-256 哈希值列于其说明栏和附录；清单文件 manifest-sha256.txt 的摘要见上表，" +
		"可按附录所列方法自行核验证据未被改动。",
	contents: "目录",
	platforms: map[string]string{
		"wechat": "微信支付",
		"alipay": "支付宝",
		"bank":   "银行",
		"other":  "其他",
	},
	complaintTypes: map[string]string{
		"wrong_transfer":   "转错账",
		"fake_goods":       "收到假货",
		"fraud":            "诈骗",
		"not_delivered":    "付款后未发货",
		"duplicate_charge": "重复扣款",
		"other":            "其他",
	},
	exhibitsUnit:  func(n int) string { return strconv.Itoa(n) + " 项" },
	disputedCount: func(n int) string { return fmt.Sprintf("（争议支出 %d 笔）", n) },
	tsaLine: func(tsa, serial, policy string) string {
		s := "时间戳机构：" + tsa
		if serial != "" {
			s += "；序列号：" + serial
		}
		if policy != "" {
			s += "；策略：" + policy
		}
		return s
	},

	headings: map[SectionID]string{
		SectionCover:      "封面",
		SectionNarrative:  "案情经过",
		SectionLosses:     "损失清单",
		SectionChronology: "事件时间线",
		SectionDeadlines:  "期限",
		SectionIndex:      "证据目录",
		SectionChecklist:  "材料清单",
		SectionExhibits:   "证据",
		SectionAppendix:   "附录 哈希清单与核验方法",
	},
	hFindings:   "核查发现",
	exhibit:     func(n int) string { return "证据" + strconv.Itoa(n) },
	exhibitCont: func(n int) string { return "证据" + strconv.Itoa(n) + "（续）" },

	narrativeBlank: "（案情经过未填写。请在 case.yaml 的 narrative 字段中写明事情经过：时间、对方、金额、转账方式、发现受骗或转错的经过、已采取的措施。）",

	colTxnID:        "交易单号",
	colTime:         "时间",
	colAmount:       "金额（元）",
	colDirection:    "方向",
	colCounterparty: "交易对方",
	colDisputed:     "争议",
	colExhibits:     "证据",
	dirOut:          "支出",
	dirIn:           "收入",
	yes:             "是",
	no:              "否",
	totalRow:        "争议支出合计",
	noTransactions:  "（未登记交易。请在 case.yaml 的 transactions 中填写交易单号、时间、金额和交易对方。）",
	invalidID:       "（单号格式存疑）",
	timesNote:       "表中时间均为北京时间（UTC+8）。",
	localMark:       "注：标 * 的时间为手机本地时间，未记录时区。",

	colEvent:   "事件",
	colExhibit: "证据",
	noEvents:   "（没有带日期的事件。）",

	colNo:      "序号",
	colTitle:   "证据名称",
	colSource:  "证据来源",
	colPurpose: "证明目的",
	colPage:    "页码",
	indexNote:  "页码为本册（第 1 册）中的页码。",

	colMaterial: "材料",
	colRequired: "是否必需",
	colPresent:  "是否已提供",
	required:    "必需",
	optional:    "可选",
	present:     "已提供",
	missing:     "缺少",
	noChecklist: "（本用途没有材料清单。）",
	noFindings:  "（未发现问题。）",
	colSeverity: "级别",
	colMessage:  "说明",
	colFile:     "文件",
	severity: map[evidence.Severity]string{
		evidence.Info:    "提示",
		evidence.Warning: "警告",
		evidence.Error:   "错误",
	},

	capFile:       "文件名",
	capSHA:        "SHA-256",
	capSize:       "大小",
	capType:       "类型",
	capDimensions: "尺寸",
	capCaptured:   "拍摄/记录时间",
	capModified:   "修改时间",
	capTitle:      "证据名称",
	capProves:     "证明目的",
	capSource:     "证据来源",
	capFindings:   "核查发现",
	bytes:         func(n int64) string { return money.Grouped(n) + " 字节" },
	kinds: map[evidence.Kind]string{
		evidence.KindImage:    "图片",
		evidence.KindChat:     "聊天记录",
		evidence.KindBill:     "账单",
		evidence.KindDocument: "文档",
		evidence.KindAudio:    "录音",
		evidence.KindVideo:    "视频",
		evidence.KindPDF:      "PDF 文档",
		evidence.KindOther:    "其他",
	},
	imageFailed:   "此图片无法在本材料中显示",
	notDrawn:      "本材料不重现此类文件的内容，请查阅数据包中的原件。",
	noExhibits:    "（没有证据文件。）",
	inBundle:      "原件保存在数据包中：",
	textTruncated: "以下为文件内容节选",
	textEmpty:     "（文件内容为空。）",
	pdfPages:      "页数",
	lineCount: func(shown, total int, more bool) string {
		if more {
			return fmt.Sprintf("（仅显示前 %d 行；完整内容见数据包中的原件。）", shown)
		}
		return fmt.Sprintf("（共 %d 行，已全部显示。）", total)
	},

	manifestTitle: "哈希清单（manifest-sha256.txt）",
	manifestIntro: "数据包中每个文件的 SHA-256 哈希值与路径，与 manifest-sha256.txt 逐行相同：",
	digestLabel:   "manifest-sha256.txt 本身的 SHA-256（清单摘要）：",
	verifyTitle:   "核验方法",
	verifyIntro:   "任何人都可以在不依赖本软件的情况下核验证据未被改动。在数据包所在的电脑上打开终端：",
	verifyStep1:   "1. 进入数据包目录，核对每个证据文件和标签文件的哈希值（应全部显示 OK）：",
	verifyStep2:   "2. 或使用本软件核验（同时检查清单、标签文件和时间戳）：",
	verifyStep3:   "3. 核验可信时间戳（需要时间戳机构的 CA 证书）。时间戳签在 manifest-sha256.txt 的哈希上，而该清单列出了每个原件的哈希，所以时间戳证明全部原件在时间戳时间之前已经存在且此后未被改动；读取时间戳内容可用 openssl ts -reply -in timestamp.tsr -text：",
	verifyDigest:  "4. 核对清单摘要：下列命令输出的值应与本页所列清单摘要一致：",
	noManifest:    "（清单为空。）",
	tsaCA:         "<时间戳机构CA证书>",
	bundleDir:     "<数据包目录>",
	licenceTitle:  "字体许可",
	fontNote: "本文件嵌入了文泉驿微米黑字体（WenQuanYi Micro Hei）的子集，" +
		"版权所有 2007 Google Corporation 与 2008-2009 文泉驿项目，依 Apache License 2.0 授权使用（许可全文：https://www.apache.org/licenses/LICENSE-2.0）。",

	zoneSuffix:  " (UTC+8 北京时间)",
	localSuffix: "（手机本地时间，未记录时区）",
	unknownTime: "（未知）",

	pageOf:         func(x, y int) string { return fmt.Sprintf("第 %d 页 / 共 %d 页", x, y) },
	footerCase:     "案件编号：",
	footerManifest: "清单摘要：",

	exhibitNo:    func(n int) string { return "证据" + strconv.Itoa(n) },
	exhibitShort: func(n int) string { return "证据" + strconv.Itoa(n) },
	exhibitAt:    func(n int, pages string) string { return "证据" + strconv.Itoa(n) + "（第" + pages + "页）" },
	listSep:      "、",

	noDeadlines:  "（未登记带时间的支出交易，无法计算期限。请在 case.yaml 的 transactions 中填写交易时间。）",
	deadlineNote: "以上日期按北京时间计算，“状态”按本材料生成时计。期间最后一日是法定休假日的，以休假日结束的次日为期间的最后一日（《民法典》第二百零三条）；诉讼时效可因起诉、请求对方履行、对方同意履行等中断并重新计算（《民法典》第一百九十五条）。",
	expired:      "已过",
	colDeadline:  "期限",
	colFrom:      "起算（交易时间、单号）",
	colDue:       "截止",
	colStatus:    "状态（生成时）",
	deadlineName: map[deadlineKind]string{
		dlDelay2h:    "延时到账撤回（2小时到账）",
		dlDelay24h:   "延时到账撤回（24小时到账）",
		dlRefund7:    "商家退款：7日",
		dlRefund30:   "商家退款：30日",
		dlLimitation: "民事诉讼时效（3年）",
	},
	deadlineBasis: map[deadlineKind]string{
		dlDelay2h:    "延时到账撤回：仅当转账时选择了“2小时到账”或“24小时到账”时适用，资金到账前可在微信转账记录中或通过微信支付客服（95017）申请撤回；实时到账的转账不能撤回。",
		dlRefund7:    "商家退款 7 日：网购商品自收货之日起七日内可无理由退货（《消费者权益保护法》第二十五条）；此处按付款日起算，是最早的截止日。",
		dlRefund30:   "商家退款 30 日：商家售后和平台退款申请的常见期限，以商家和平台的规则为准；此处按付款日起算。",
		dlLimitation: "民事诉讼时效：向人民法院请求保护民事权利的诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算（《民法典》第一百八十八条）；此处按最早一笔争议支出的日期起算，是最早的届满日。",
	},
	hoursLeft: func(n int) string { return fmt.Sprintf("剩余约 %d 小时", n) },
	daysLeft:  func(n int) string { return fmt.Sprintf("剩余 %d 天", n) },

	civilIndexIntro:  "依照最高人民法院《关于民事诉讼证据的若干规定》编制。同一文件夹中、名称仅以序号区分的证据（如“聊天记录（一）”“聊天记录（二）”）合为一组，编为 3-1、3-2 等。",
	civilNumbersNote: "序号栏第二行的“证据N”是数据包中的证据编号（manifest.json 的 exhibit），各证据页的标题以它开头，并注明本目录的序号。",
	colOriginal:      "原件/复印件",
	colRemarks:       "备注",
	formMissing:      "未能复制，无原件",
	formPrint:        "打印件（原件存于数据包）",
	formElectronic:   "电子数据原件（存于数据包）",
	noRemarks:        "无",
	submitter:        "提交人",
	signHere:         "（签名）",
	dateLabel:        "日期",
	moreFindings:     func(n int) string { return fmt.Sprintf("另有 %d 项，见证据页", n) },
	longDate: func(t time.Time) string {
		if t.IsZero() {
			return "　　年　　月　　日"
		}
		b := t.In(tz.Shanghai)
		return fmt.Sprintf("%d年%d月%d日", b.Year(), int(b.Month()), b.Day())
	},
	civilHeading: func(n int, label string) string {
		return "证据" + strconv.Itoa(n) + "（目录序号 " + label + "）"
	},

	complaintFacts:     "投诉要点",
	disputedAmount:     "争议金额",
	complaintTxns:      "涉及交易",
	colMerchantID:      "商户单号",
	complaintStatement: "投诉说明",
	statementBlank:     "（未填写案情。请在 case.yaml 的 narrative 字段中写明经过。）",
	colWhere:           "在本材料中的位置",
	addMissing:         "缺少，请补充",
	missingHint:        "缺少的材料：把文件放进案件文件夹（或用 casebundle add 加入）后重新生成本材料。",
	sealTitle:          "证据封存",
	statementMore:      func(page string) string { return "（节选，全文见案情经过，第" + page + "页）" },
	complaintMaterials: func(kind string) string { return "投诉所需材料（" + kind + "）" },

	unknownField:     "（不详）",
	policeIndexIntro: "本目录即随报案材料提交的证据清单。每份证据的原件均保存在数据包中，可按附录所列方法核验未被改动。",
	afterReport:      "报案后补充",
	receiptTitle:     "报案后请保留报案回执",
	receiptNote: "报案后请向办案民警索取报案回执（受案回执或立案告知书），妥善保管原件。" +
		"拍照或扫描后用 casebundle add 加入本案（例如：casebundle add 案件文件夹 报案回执.jpg --title 报案回执），" +
		"再重新生成材料；向支付平台投诉或向法院起诉时都需要它。",

	// Chat and bill exhibit pages.

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

	// Volumes.

	volOf:   func(k, n int) string { return fmt.Sprintf("第 %d 卷 / 共 %d 卷", k, n) },
	volCell: func(vol int, pages string) string { return "第" + strconv.Itoa(vol) + "卷\n第" + pages + "页" },
	volAt: func(n, vol int, pages string) string {
		return "证据" + strconv.Itoa(n) + "（第" + strconv.Itoa(vol) + "卷第" + pages + "页）"
	},
	volNote: func(n int) string {
		return fmt.Sprintf("本卷宗共 %d 卷（dossier.pdf 为第 1 卷，dossier-2.pdf 为第 2 卷，依此类推）；“页码”栏写明证据所在的卷及该卷中的页码，每卷页码从第 1 页起。", n)
	},
	volOver: func(vol, n int, size, limit string) string {
		return fmt.Sprintf("第 %d 卷仅含证据%d（共 %s），单件已超过每卷上限 %s，无法再拆分。", vol, n, size, limit)
	},
	volElsewhere: "本卷不含证据正文：全部证据见第 2 卷起，各证据所在的卷及页码见证据目录。",

	// PDF exhibits.

	pdfBand: func(n, page, pages int) string {
		return fmt.Sprintf("证据%d　第 %d 页 / 共 %d 页", n, page, pages)
	},
	capProducer:      "生成程序",
	capCreator:       "创建程序",
	capCreated:       "PDF 创建时间",
	capSignatures:    "数字签名",
	capStatement:     "交易流水",
	capThirdParty:    "数据来源",
	capCaseRows:      "本案交易所在页",
	pdfVector:        "原样导入的矢量页面",
	pdfRendered:      "由 PDF 渲染的图像（150 dpi）",
	pdfEncryptedOpen: "以空密码加密，任何人可打开",
	zoneNotRecorded:  "（文件未记录时区）",
	sigNone:          "无",
	sigCovers:        "签名范围覆盖整个文件",
	sigDigestOK:      "签名摘要与文件中被签署的字节一致",
	sigDigestBad:     "签名摘要与文件中被签署的字节不一致",
	sigChainNote:     "以上仅为文件本身的记载和字节核对：未核验证书链、信任列表和吊销状态，不能据此认定签名有效或签署人的真实身份。",
	sigChainShort:    "未核验证书链",
	sigAt:            "签署时间",
	sigChanged: func(after int64) string {
		return fmt.Sprintf("签署后文件被改动（签名范围之后还有 %s 字节）", money.Grouped(after))
	},
	sigNames: func(name, signer string) string {
		return "签名字典署名“" + name + "”，证书主体“" + signer + "”"
	},
	statementRead: func(title string, rows int) string {
		return fmt.Sprintf("%s，从 PDF 文字中读取 %d 笔交易", title, rows)
	},
	thirdParty:      "第三方平台出具的数据（《最高人民法院关于民事诉讼证据的若干规定》第九十四条第一款第二项：由记录和保存电子数据的中立第三方平台提供）",
	thirdPartyShort: "第三方平台出具的数据（民事证据规定第94条）",
	caseRowAt: func(id string, page int) string {
		return fmt.Sprintf("%s：流水第 %d 页", id, page)
	},
	pdfPageFailed: func(reason, where string) string {
		return "此页无法绘制（" + reason + "）。原件保存在数据包中：" + where
	},
	pdfNoRenderer:    "无法原样导入，且未安装 pdftoppm（poppler-utils）",
	pdfUnchecked:     "数据包中的副本与登记的哈希不一致",
	colStatementPage: "页码",
	billGapPages: func(n, from, to int) string {
		return fmt.Sprintf("…… 此处略去 %d 行（PDF 第 %d–%d 页）……", n, from, to)
	},
	billLegendPDF: func(names string) string {
		s := "★ 深黄底：交易单号与 case.yaml 所列本案交易一致。"
		if names != "" {
			s += "◆ 浅黄底：交易对方为" + names + "。"
		}
		return s + "页码为该行所在的 PDF 页。本表是从 PDF 文字中读出的内容，以上方的原页面为准。"
	},

	transferStates: map[string]string{"待收款": "待收款", "已收款": "已收款", "已退还": "已退还", "已过期": "已过期"},

	colon:       "：",
	titleSep:    "　",
	aside:       func(s string) string { return "（" + s + "）" },
	yuanSign:    "¥",
	yuanUnit:    " 元",
	exhibitNums: func(nums []int) string { return "证据" + joinInts(nums, "、") },
	pick:        preferFirst,
	remarkRunes: 20,

	audioFacts:        "录音信息",
	videoFacts:        "视频信息",
	mediaDuration:     "时长",
	mediaFormat:       "文件格式",
	mediaCodecs:       "编码",
	mediaRate:         "采样率",
	mediaChannels:     "声道数",
	mediaPicture:      "画面尺寸",
	mediaFPS:          "帧率",
	mediaDevice:       "设备",
	mediaCreated:      "创建时间",
	mediaMvhd:         "影片头时间",
	mediaLocation:     "位置",
	mediaUnknown:      "未记录",
	mediaNoTranscript: "未转写：本工具不识别、不转写录音或视频中说的话，卷宗不记载其内容；请播放原件核对。",
	framesNone:        "卷宗中没有这段视频的截图，原因见上方“核查发现”；视频原件见数据包。",
	mediaRotation:     func(deg int) string { return fmt.Sprintf("（播放时顺时针旋转 %d°）", deg) },
	mediaTimeSource: map[string]string{
		"quicktime": "QuickTime 创建日期，含时区",
		"mvhd":      "影片头 mvhd，UTC；导出或转换时会被改写",
		"udta":      "©day 标签",
	},
	mediaPlay: func(path string) string {
		return "播放：用任意播放器打开数据包中的 data/" + path + "（原件，逐字节保存）"
	},
	framesTitle: func(n int) string {
		return fmt.Sprintf("视频截图：%d 帧，按时长等分截取，每帧标注距开头的时间（分:秒.毫秒）", n)
	},
	framesNote: func(path string) string {
		return "这些画面由 ffmpeg 在生成卷宗时从 data/" + path + " 截取，仅供查看，不是证据；证据是 data/ 中的视频文件本身。"
	},
	heifImages: func(n int) string { return fmt.Sprintf("文件共含 %d 张图片，此处显示主图", n) },

	ocrTitle:         "识别结果（机器识别，仅供参考）",
	ocrColField:      "项目",
	ocrColValue:      "识别值",
	ocrColMatch:      "核对",
	capOCR:           "机器识别",
	ocrLocal:         "（手机本地时间）",
	ocrAppendixTitle: "截图中的文字",
	ocrFields: map[string]string{
		"transaction_id": "交易单号", "transfer_id": "转账单号", "merchant_order_id": "商户单号",
		"order_id": "订单号", "serial": "交易流水号", "amount": "金额", "time": "时间",
		"time_received": "收款时间", "counterparty": "收款方", "method": "支付方式", "card_tail": "卡号后四位",
	},
	ocrShows: func(field, value string) string { return "显示" + field + " " + value },
	ocrAppendix: func(engine string) string {
		return "各截图下方的不可见文字（可搜索、可复制）和截图旁的识别结果，是文字识别引擎 " + engine +
			" 在生成卷宗时从图片中自动识别的，可能有误。证据是图片本身：引用任何数字前，请以图片为准。"
	},
	imageProblems: map[imageProblem]string{
		imgNotPrepared: "图片未准备",
		imgUnreadable:  "无法读取文件：%v",
		imgChanged:     "文件在生成过程中被改动",
		imgNoFile:      "没有可绘制的文件",
		imgBadHeader:   "图片文件头无法识别（%v）",
		imgNoPixels:    "图片没有像素（%d×%d）",
		imgTooLarge:    "图片为 %d×%d 像素，超过本材料绘制上限 %d 百万像素",
		imgFormat:      "无法绘制 %s 格式的图片",
		imgNoDecode:    "图片无法解码（%v）",
		imgReencode:    "图片转换失败（%v）",
		pngNot:         "不是 PNG 文件",
		pngNoIEND:      "PNG 文件不完整（缺少结束块 IEND），可能在传输或保存时被截断",
		pngPastEnd:     "PNG 文件不完整（数据块超出文件末尾），可能在传输或保存时被截断",
		pngBadCRC:      "PNG 文件已损坏（%s 块校验值错误）",
		pngBadIHDR:     "PNG 文件头块 IHDR 有误",
		pngNoIDAT:      "PNG 文件没有图像数据",
		pngNoPalette:   "PNG 文件缺少调色板",
	},

	// Papers to file.

	pTitleComplaint:     "民事起诉状",
	pTitleInvestigation: "调查取证申请书",
	pTitlePreservation:  "财产保全申请书",
	pTitleEvidenceList:  "证据清单",
	pTitleDemand:        "催告函",
	pTitlePolice:        "报案书",
	pTitleEData:         "电子数据清单",
	pTitleComplaintPack: "投诉材料（复制用）",
	pComplaintTxt:       "投诉文本.txt",
	pNotePrefix:         "注：",
	pPlatformUnknown:    "（支付方式未填写）",
	pIDNumber:           "证件号码",
	pPayAccount:         "付款账户",
	pRecvAccount:        "收款账户",
	pAddress:            "住所地",
	pKnownBy:            "收款经由的交易",
	pShownName:          "付款页面显示的姓名",
	pRecipient:          "收件人",
	pContact:            "联系电话",
	pOwnAccount:         "原付款账户",
	pDevice:             "设备",

	pNoteName:            "填写本人姓名，写入 case.yaml 的 claimant.name",
	pNoteOwnID:           "按居民身份证填写，写入 case.yaml 的 claimant.id_number",
	pNoteOwnAddress:      "按身份证或居住证填写住址，送达地址可另写，写入 case.yaml 的 papers.claimant_address",
	pNotePhone:           "填写能接听法院电话的号码",
	pNoteAskCourt:        "不详；已申请人民法院向支付机构调取，见《调查取证申请书》",
	pNoteAskCourtKnown:   "不详；可在立案时请法院协助查明",
	pNoteCourt:           "不当得利纠纷一般由被告住所地人民法院管辖（民事诉讼法第二十二条），合同纠纷也可由合同履行地人民法院管辖（第二十四条）；被告住所地不明的，可向拟起诉法院的诉讼服务中心或 12368 诉讼服务热线咨询，或在“人民法院在线服务”上查询；写入 case.yaml 的 papers.court",
	pNotePayments:        "case.yaml 没有列出有争议的付款：在 transactions 中写明交易单号、时间、金额，disputed: true",
	pNoteNarrative:       "按时间顺序写明经过，写入 case.yaml 的 narrative",
	pNoteMediation:       "在 case.yaml 的 papers.mediation 中选择 yes（愿意）、no（不愿意）或 unsure（暂不确定），或在此勾选",
	pNoteInterestBasis:   "未选择是否主张利息：在 case.yaml 的 papers.interest.basis 中选择 lpr（按贷款市场报价利率，并在 rate 中填写所查到的一年期LPR数值）、rate（按约定或自定的年利率，在 rate 中填写）或 none（不主张利息）；本程序不替你选择利率",
	pNoteRate:            "填写年利率（百分数）：一年期LPR由全国银行间同业拆借中心每月20日公布，可在中国人民银行或中国货币网（www.chinamoney.com.cn）查到；写入 case.yaml 的 papers.interest.rate",
	pNoteFrom:            "付款日期不详：在 transactions 中写明时间，或在 papers.interest.from 中写明起算日",
	pNoteBank:            "填写收款人开户银行，写入 case.yaml 的 papers.respondent_bank",
	pNoteCompany:         "填写收款方所用支付机构或银行的名称",
	pNoteCompanyAddress:  "可在国家企业信用信息公示系统（www.gsxt.gov.cn）按名称查询",
	pNoteSecurity:        "法院可以责令申请人提供担保（民事诉讼法第一百零三条），常见方式为现金、保险公司出具的诉讼保全责任保险保函；请向立案法院咨询",
	pNoteOrigin:          "写明手机型号或账号",
	pNoteMerchantName:    "在店铺主页的“营业执照”“资质”处查看经营者名称",
	pNoteMerchantAddress: "同上，营业执照上的住所",

	pHParties:           "一、当事人信息",
	pHClaims:            "二、诉讼请求和依据",
	pHCourt:             "三、管辖和诉讼保全",
	pHFacts:             "四、事实与理由",
	pHMediation:         "五、调解意愿",
	pHEvidence:          "六、证据清单",
	pPlaintiff:          "原告",
	pService:            "送达地址及收件人",
	pEService:           "是否接受电子送达",
	pEServiceOptions:    "是（方式：短信 / 微信 / 电子邮箱，请写明号码或地址：________________）|否",
	pDefendant:          "被告",
	pAgent:              "委托诉讼代理人",
	pAgentOptions:       "有（姓名、单位、电话：________________）|无",
	pDefendantNamedBy:   "被告的真实姓名、证件号码和住所地不详，起诉状以上述已知的微信号、手机号、账户及交易单号指明被告；原告已同时提交《调查取证申请书》，申请人民法院向支付机构调取被告的实名信息。",
	pDefendantIDUnknown: "被告的证件号码和住所地不详（姓名按付款页面显示，以调取结果为准）；原告已同时提交《调查取证申请书》，申请人民法院向支付机构调取被告的实名信息。",
	pCourtBlank:         func(line string) string { return line + "人民法院" },
	pYesNo:              "有|无",
	pMediationOptions:   "愿意先行调解|不愿意调解|暂不确定，想了解更多",
	pMediation:          "是否愿意调解",

	pClaimPrincipal: "1. 返还本金",
	pClaimInterest:  "2. 利息",
	pClaimCosts:     "3. 诉讼费用",
	pClaimTotal:     "4. 标的总额",
	pClaimBasis:     "5. 请求依据",
	pNoInterest:     "不主张利息。",
	pRateStated:     "年利率",
	pRateLPR:        "一年期贷款市场报价利率（LPR）",
	pInterestMethod: "计算方法：按日计息，一年按365天计，天数为起算日至计算日的日历天数之差，结果四舍五入到分；计算日以后的利息继续计算至实际返还之日。",
	pCosts:          "本案诉讼费用由被告承担。",
	pNoCosts:        "不主张由被告承担诉讼费用。",

	pCourt:             "管辖法院",
	pAgreedCourt:       "有无约定管辖或仲裁",
	pPreservation:      "诉讼保全",
	pPreservationFiled: "已申请，见《财产保全申请书》（冻结被告收款账户，以标的总额为限）。",
	pNoPreservation:    "暂未申请。知道被告的收款账户后，可依民事诉讼法第一百零三条申请财产保全。",

	pFactPayment:   "1. 付款的时间、金额、方式和交易单号",
	pFactPayee:     "2. 收款人的确定",
	pFactGround:    "3. 付款原因与法律根据",
	pFactNarrative: "4. 具体经过",
	pFactIdentity:  "5. 被告身份信息",

	pColWhere:      "在证据材料中的位置",
	pEvidenceNote:  "序号与随附证据材料（dossier.pdf）的证据目录一致；各证据的原件及 SHA-256 校验值见证据包的 data/ 目录和《证据清单》。",
	pTo:            "此致",
	pSignPlaintiff: "具状人（签名）",
	pAttachHead:    "附：",

	pInvestigationIntro: "依据《中华人民共和国民事诉讼法》第六十七条第二款、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十四条和《最高人民法院关于民事诉讼证据的若干规定》第二十条，当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请人民法院调查收集。本申请书写明被调查人、调查内容、原因、待证事实和线索（交易单号），请与起诉状一并提交。",
	pApplicant:          "申请人",
	pHolder:             "被调查人（协助义务人）",
	pCaseOf:             "案件",
	pHRequest:           "申请事项",
	pColChannel:         "支付方式",
	pSought:             "调取内容：1. 收款账户实名认证的姓名和公民身份号码；2. 收款账户绑定的手机号码；3. 收款账户自上述第一笔交易之日起至调取之日的交易流水（含上述各笔交易的收款记录）。",
	pHReasons:           "事实与理由",
	pFactsToProve:       "待证事实：被告的身份（以确定适格被告并依法送达），以及被告收到上述款项的事实。",
	pSignApplicant:      "申请人（签名）",
	pInvestigationAfter: "说明：由律师代理的，可依当地法院的规定申请调查令，由代理律师持令向被调查人调取，申请内容同上，标题改为“调查令申请书”。法院调取后，请据实补正起诉状中被告的姓名、证件号码和住所地。",

	pPreservationIntro: "财产保全依据《中华人民共和国民事诉讼法》第一百零三条：可能因当事人一方的行为或者其他原因使判决难以执行的，人民法院可以根据对方当事人的申请，裁定对其财产进行保全。法院可以责令申请人提供担保。",
	pRespondentApp:     "被申请人",
	pSecurity:          "担保：",

	pEvidenceListIntro: "本清单依照《最高人民法院关于民事诉讼证据的若干规定》第十九条制作：对证据材料逐一分类编号，说明来源、证明对象和内容，签名并注明提交日期，并依照对方当事人人数提出副本。序号与随附证据材料（dossier.pdf）的证据目录一致。",
	pSubmitter:         "提交人",
	pColProves:         "证明对象和内容",
	pColCopies:         "份数和页数",
	pColAuthentic:      "真实性依据",
	pGroupsNote:        "分类：同一序号下的 3-1、3-2 等为同一组证据（同一来源、同一事项的连续材料）。“真实性依据”只写可以核验的事实：原件在证据包中、其 SHA-256 校验值，以及有可信时间戳时的时间；可信时间戳是时间戳服务机构按 RFC 3161 签发的时间证明，不是区块链存证。",
	pSignSubmitter:     "提交人（签名）",
	pFilingDate:        "提交日期",

	pChannels: "报案渠道（只有以下渠道是真的）：拨打 110；到案发地或居住地的派出所、公安机关报案；使用“国家反诈中心”APP 举报；96110 是全国反诈预警劝阻专线，可以咨询，但不会替你“追回”钱款。" +
		"任何自称能“退款”“追回损失”并要求先付费的网站、群、“律师”或“黑客”都是诈骗；公安机关不会通过电话、网络要求你转账或提供验证码。报案后请索取并保管受案回执。（本框为提示，不必提交。）",
	pReporter:         "报案人",
	pSuspect:          "被报案人",
	pPoliceCauseLabel: "案由",
	pHPoliceFacts:     "事实经过",
	pHLoss:            "损失",
	pHPoliceRequest:   "请求",
	pHPoliceAttach:    "附件",
	pSignReporter:     "报案人（签名）",

	pEDataIntro:    "本清单参照《最高人民法院 最高人民检察院 公安部关于办理刑事案件收集提取和审查判断电子数据若干问题的规定》（法发〔2016〕22号）第十四条列明电子数据的类别、文件格式、完整性校验值等，逐行对应证据包中的 manifest-sha256.txt，供公安机关制作收集、提取笔录时附卷。",
	pHolderPerson:  "电子数据持有人（提供人）",
	pMedium:        "存储介质",
	pManifestHash:  "清单文件校验值",
	pCollected:     "复制与校验",
	pColFile:       "文件名称",
	pColCategory:   "类别和格式",
	pColSize:       "大小",
	pColHash:       "完整性校验值（SHA-256）",
	pColOrigin:     "来源设备或账户",
	pColObtained:   "获取方式",
	pColTime:       "时间",
	pEDataCheck:    "时间为北京时间（UTC+8），标注“手机本地时间”的除外。核验：在证据包目录中运行 sha256sum -c manifest-sha256.txt，每个文件应显示 OK；清单文件本身的 SHA-256 见上表。",
	pSignProvider:  "电子数据持有人（提供人）签名",
	pSignOfficer:   "侦查人员签名",
	pCaseFileKind:  "案件事实说明",
	pWrittenByUser: "本人填写",
	pByCamera:      "拍摄",
	pByScreen:      "截图或保存的图片",
	pByUser:        "本人提供的文件",
	pUnknownTool:   "导出工具",

	pHComplaintTxns:   "交易信息",
	pHComplaintImages: "图片（上传凭证）",
	pNoImages:         "证据中没有能证明付款和收款人的图片：请补充转账成功页面和收款人信息页面的截图。",
	pImageCopied:      "原图，未改动",
	pImageReencoded:   "由原图转为 JPEG（已转正、去除元数据，必要时缩小到 2 MB 以内）",
	pColImage:         "导出方式",
	pH12315:           "12315 投诉信息",
	p12315Complainant: "投诉人",
	p12315Respondent:  "被投诉人",
	p12315Request:     "诉求",
	p12315Facts:       "事实",
	p12315Where:       "向全国12315平台投诉：网站 www.12315.cn，或微信、支付宝中的“全国12315平台”小程序，或拨打 12315。",

	pDemandNotes: "说明（发送前删去本框）：催告可以中断诉讼时效（民法典第一百九十五条：权利人向义务人提出履行请求的，诉讼时效中断并重新计算；诉讼时效期间为三年，第一百八十八条）。" +
		"请保留已送达的证明：通过微信或短信发送的，截图保存发送记录和对方的回复；邮寄的，使用 EMS 并在详情单上写明“催告函”，保存详情单和妥投记录。把这些证明加入案件文件夹，作为证据提交。",
	pSignDemander: "催告人（签名）",

	pNeedsHeading:    "文书待补充事项",
	pNeedsIntro:      "以下是随附文书（papers/ 目录）中尚空白、需要本人补充的事项，以及补充方法；文书中对应位置留有空白横线和注释。",
	pColPaper:        "文书",
	pColNeed:         "待补充",
	pColHow:          "如何补充",
	pNeedIdentity:    "被告真实姓名、证件号码、住所地",
	pNeedIdentityHow: "需要申请法院调取：已生成《调查取证申请书》，与起诉状一并提交",
	pNeedDelivery:    "送达并留存证明",
	pNeedDeliveryHow: "发送催告函并保存送达证明（中断诉讼时效）",
	pNeedAll:         "全部文书",
	pNeedSign:        "签名和日期",
	pNeedSignHow:     "打印后亲笔签名；日期可改为实际提交日",

	pCause: map[string]string{
		"wrong_transfer":   "不当得利纠纷",
		"duplicate_charge": "不当得利纠纷",
		"fraud":            "不当得利纠纷",
		"other":            "不当得利纠纷",
		"fake_goods":       "网络购物合同纠纷",
		"not_delivered":    "网络购物合同纠纷",
	},
	pBasis: map[string]string{
		"wrong_transfer":   "《中华人民共和国民法典》第九百八十五条：得利人没有法律根据取得不当利益的，受损失的人可以请求得利人返还取得的利益；第九百八十七条：得利人知道或者应当知道取得的利益没有法律根据的，受损失的人可以请求得利人返还其取得的利益并依法赔偿损失。",
		"duplicate_charge": "《中华人民共和国民法典》第九百八十五条、第九百八十七条（同一款项重复扣付，收款方取得重复部分没有法律根据）。",
		"fraud":            "《中华人民共和国民法典》第九百八十五条、第九百八十七条。注：涉嫌诈骗并已由公安机关立案的，法院可能依《最高人民法院关于在审理经济纠纷案件中涉及经济犯罪嫌疑若干问题的规定》第十一条驳回起诉并移送，请先向公安机关了解案件进展。",
		"other":            "《中华人民共和国民法典》第九百八十五条、第九百八十七条（如另有合同关系，请改写为合同约定及相应法律规定）。",
		"fake_goods":       "《中华人民共和国民法典》第五百七十七条（违约责任）、第五百六十三条（合同解除）；经营者有欺诈行为的，可依《中华人民共和国消费者权益保护法》第五十五条另行主张增加赔偿。",
		"not_delivered":    "《中华人民共和国民法典》第五百七十七条（违约责任）、第五百六十三条（合同解除）。",
	},
	pNoGround: map[string]string{
		"wrong_transfer":   "原告系操作失误向被告付款，原告与被告之间不存在支付该款项的合同或其他法律关系，被告取得该款项没有法律根据。",
		"duplicate_charge": "该款项系对同一笔交易的重复扣付，被告取得重复部分没有法律根据。",
		"fraud":            "该款项系原告受骗后支付，被告取得该款项没有法律根据。",
		"other":            "原告与被告之间不存在支付该款项的法律关系：" + blankLine + "（注：如实说明付款原因）",
		"fake_goods":       "原告向被告购买商品并付款，被告交付的商品与约定不符。",
		"not_delivered":    "原告向被告购买商品并付款，被告未按约定交付商品。",
	},
	pPoliceCause: map[string]string{
		"fraud":            "涉嫌诈骗（《中华人民共和国刑法》第二百六十六条）",
		"wrong_transfer":   "错误转账后对方拒不返还，请求公安机关依法审查处理",
		"duplicate_charge": "重复扣款未予退还，请求公安机关依法审查处理",
		"fake_goods":       "以销售商品为名收取钱款、交付的商品与约定不符，请求公安机关依法审查是否涉嫌犯罪",
		"not_delivered":    "收取货款后不发货，请求公安机关依法审查是否涉嫌犯罪",
		"other":            "请求公安机关依法审查处理",
	},
	pPoliceAsk: map[string]string{
		"fraud":            "1. 依法受理并出具受案回执；2. 依法立案侦查，查明被报案人身份，追缴被骗款项并返还报案人；3. 依法对涉案收款账户采取紧急止付、冻结措施。",
		"wrong_transfer":   "1. 依法受理并出具受案回执；2. 依法审查处理，协助查明收款人身份。",
		"duplicate_charge": "1. 依法受理并出具受案回执；2. 依法审查处理。",
		"fake_goods":       "1. 依法受理并出具受案回执；2. 依法审查是否涉嫌诈骗等犯罪，涉嫌犯罪的依法立案侦查，追缴款项并返还报案人。",
		"not_delivered":    "1. 依法受理并出具受案回执；2. 依法审查是否涉嫌诈骗等犯罪，涉嫌犯罪的依法立案侦查，追缴款项并返还报案人。",
		"other":            "1. 依法受理并出具受案回执；2. 依法审查处理。",
	},
	pComplaintAsk: map[string]string{
		"wrong_transfer":   "本人操作失误转错账，已联系对方要求退还未果。请协助联系收款方退还；无法退还的，请告知收款方实名信息的调取方式以便起诉。",
		"duplicate_charge": "同一笔交易被重复扣款，请核实并退还重复扣取的款项。",
		"fraud":            "本人被骗付款，已（或将）报警。请冻结或限制收款账户，并配合公安机关调查。",
		"fake_goods":       "收到的商品与描述不符，请协助退款。",
		"not_delivered":    "付款后商家未发货，请协助退款。",
		"other":            "请核实该笔交易并协助处理。",
	},
	pDemandGround: map[string]string{
		"wrong_transfer":   "上述款项系我操作失误转入你的账户，我与你之间不存在支付该款项的任何法律关系，你取得该款项没有法律根据，依据《中华人民共和国民法典》第九百八十五条应当返还。",
		"duplicate_charge": "上述款项系对同一笔交易的重复扣付，你取得重复部分没有法律根据，依据《中华人民共和国民法典》第九百八十五条应当返还。",
		"fraud":            "上述款项系我受骗后支付，你取得该款项没有法律根据，应当返还。",
		"fake_goods":       "你交付的商品与约定不符，依据《中华人民共和国民法典》第五百七十七条应当承担违约责任，返还货款。",
		"not_delivered":    "你收款后未按约定交付商品，依据《中华人民共和国民法典》第五百七十七条应当承担违约责任，返还货款。",
		"other":            "你取得上述款项没有法律根据，依据《中华人民共和国民法典》第九百八十五条应当返还。",
	},
	pDemandElse: map[string]string{
		"fraud":            "逾期未返还的，我将向公安机关提供本函及送达记录，并依法向人民法院起诉，要求你返还上述款项并承担利息和诉讼费用。",
		"wrong_transfer":   "逾期未返还的，我将依法向人民法院起诉，要求你返还上述款项并承担利息和诉讼费用。",
		"duplicate_charge": "逾期未返还的，我将依法向人民法院起诉，要求你返还上述款项并承担利息和诉讼费用。",
		"fake_goods":       "逾期未返还的，我将依法向人民法院起诉或向市场监督管理部门投诉。",
		"not_delivered":    "逾期未返还的，我将依法向人民法院起诉或向市场监督管理部门投诉。",
		"other":            "逾期未返还的，我将依法向人民法院起诉，要求你返还上述款项并承担利息和诉讼费用。",
	},
	pPlatformService: map[string]string{"wechat": "微信支付", "alipay": "支付宝", "bank": "银行转账", "other": "其他方式"},
	pComplaintWhere: map[string]string{
		"wechat": "向微信支付投诉：微信 → 我 → 服务 → 钱包 → 账单，打开该笔交易 → 对订单有疑惑 → 投诉；或拨打微信支付客服 95017。把下面的投诉文本粘贴到“投诉说明”，按顺序上传下列图片。",
		"alipay": "向支付宝投诉：支付宝 → 我的 → 账单，打开该笔交易 → 对此订单有疑问 → 投诉；或拨打支付宝客服 95188。把下面的投诉文本粘贴到说明栏，按顺序上传下列图片。",
		"bank":   "向付款银行投诉：拨打银行卡背面的客服电话或到柜台，说明交易流水号和下面的投诉文本；银行不能直接扣回款项时，请索取书面答复。",
		"other":  "向收款所用的支付平台投诉：在该笔交易的详情页找“投诉”或联系平台客服，粘贴下面的投诉文本，按顺序上传下列图片。",
	},
	pCompany:   map[string]string{"wechat": "财付通支付科技有限公司（微信支付）", "alipay": "支付宝（中国）网络技术有限公司"},
	pEDataKind: map[string]string{"image": "图片", "chat": "聊天记录", "bill": "账单", "document": "文档", "other": "其他"},
	p12315Ask:  map[string]string{"fake_goods": "退货退款", "not_delivered": "退款"},

	pAmount:   func(s string) string { return s + "元" },
	pHolderOf: func(s string) string { return s + " 的实名持有人" },
	pPayeeOf:  func(id string) string { return "交易单号 " + id + " 的收款人" },
	pIdentityApplied: func(c string) string {
		return "被告的真实姓名、证件号码和住所地原告无法自行查明；原告已同时提交《调查取证申请书》，申请人民法院向" + c + "调取。"
	},
	pLPRPublished:   func(d string) string { return d + "公布" },
	pInterestSum:    func(s string) string { return "利息暂计合计：" + s },
	pTotalPrincipal: func(s string) string { return s + "（本金，不主张利息；诉讼费用不计入）。" },
	pTotalOpen: func(p string) string {
		return "本金" + p + "，另加利息（利率未确定，计算方法见第2项；利率确定后补填合计）。诉讼费用不计入。"
	},
	pAttachPaper: func(t string) string { return "《" + t + "》1份" },
	pRequestText: func(c string) string {
		return "请求人民法院向" + c + "调取下列交易收款方账户的信息："
	},
	pThirdParty: func(p string) string {
		if p == "" {
			p = "支付平台或银行"
		}
		return "由" + p + "出具的账单导出文件，属于第三方平台记录的数据，可向出具方核实"
	},
	pCapturedAt: func(s string) string { return "文件记录的形成时间：" + s },
	pMediumText: func(id string) string {
		return "证据包（BagIt 格式，案件编号 " + id + "），原始文件在 data/ 目录中"
	},
	pByExport:    func(t string) string { return "由" + t + "导出" },
	pByDownload:  func(p string) string { return "从" + p + "下载导出" },
	pCIDs:        func(ids string) string { return ids + "（交易单号），" },
	pCPayee:      func(ids string) string { return "收款方：" + ids + "。" },
	pImageFailed: func(p string) string { return "未能导出：" + p },
	pImagesNote: func(dir string) string {
		return "图片在 " + dir + "/ 目录中，按文件名顺序上传；每张为 JPEG 或 PNG，不超过 2 MB。原件在证据包的 data/ 目录中，未改动。"
	},
	pTextFile:   func(p string) string { return "同一文本（UTF-8）：" + p },
	pOriginalIn: func(p string) string { return "原件在证据包中：" + p },

	pAttachCopies: func(n int) string { return "本起诉状副本" + strconv.Itoa(n) + "份" },
	pAttachDossier: func(pages int) string {
		if pages > 0 {
			return "证据材料（dossier.pdf）1份，共" + strconv.Itoa(pages) + "页"
		}
		return "证据材料（dossier.pdf）1份"
	},
	pCopies: func(n int) string {
		return "需提交：起诉状原件1份，并按被告人数提交副本" + strconv.Itoa(n) + "份，共" + strconv.Itoa(n+1) + "份。"
	},
	pListCopies: func(n int) string {
		return "本清单及证据副本按对方当事人人数提交：对方当事人" + strconv.Itoa(n) + "人，副本" + strconv.Itoa(n) + "份；另交法院1份。"
	},
	pComplaintIntro: func(n int) string {
		return "本起诉状依照最高人民法院、司法部、中华全国律师协会印发的民事起诉状示范文本（法〔2024〕46号、法〔2025〕82号）的要素式体例制作；不当得利纠纷没有专门的示范文本，按《中华人民共和国民法典》第九百八十五条规定的要素逐项列明。" +
			"起诉时提交起诉状原件1份，并按被告人数提交副本（本案被告" + strconv.Itoa(n) + "人）。带横线的空白是本案材料中没有的信息，请如实补填，不得虚构。"
	},
	pCMore: func(n int) string { return "等共" + strconv.Itoa(n) + "笔" },

	pPayLine: func(when, amount, service, id string) string {
		return when + "，通过" + service + "付款" + amount + "，交易单号 " + id
	},
	pDossierPages: func(vol int, pages string, multi bool) string {
		if multi {
			return "证据材料第" + strconv.Itoa(vol) + "卷第" + pages + "页"
		}
		return "证据材料第" + pages + "页"
	},
	pPrincipal: func(total, parts string, n int) string {
		if n == 1 {
			return "请求判令被告返还" + total + "。"
		}
		return "请求判令被告返还" + total + "（" + strconv.Itoa(n) + "笔：" + parts + " = " + total + "）。"
	},
	pInterestRule: func(principal, from, name, rate string) string {
		return "以" + principal + "为基数，自" + from + "起按" + name + " " + rate + " 计算至实际返还之日止。"
	},
	pInterestSoFar: func(to, principal, rate string, days int, amount string) string {
		return "暂计至" + to + "：" + principal + " × " + rate + " × " + strconv.Itoa(days) + "天 ÷ 365天 = " + amount
	},
	pDaysCounted: func(from, to string, days int) string {
		return strconv.Itoa(days) + "天 = " + to + " − " + from
	},
	pTotalWithInterest: func(total, principal, interest, to string) string {
		return total + "（本金" + principal + " + 暂计至" + to + "的利息" + interest + "；诉讼费用不计入）。"
	},
	pPayeeKnown: func(ids, txns string) string {
		return "收款人即被告，经由交易单号 " + txns + " 确定；已知：" + ids + "。"
	},
	pReasons: func(known, c string) string {
		return "申请人拟起诉收款人返还上述款项，但仅知其" + known + "，不知其真实姓名、公民身份号码和住所地，无法确定被告的身份并完成送达（民事诉讼法第一百二十二条要求有明确的被告）。" +
			"上述信息由" + c + "依实名制要求保存，属于他人个人信息，个人无权查询，支付机构和银行仅向人民法院、公安机关等有权机关提供，属于申请人因客观原因不能自行收集的证据（民事诉讼法解释第九十四条第一款第二项），故申请人民法院调查收集。"
	},
	pFreeze: func(account, sum string) string {
		return "请求裁定冻结被申请人名下的收款账户（" + account + "）内的存款，或查封、扣押其他等值财产，以" + sum + "为限。"
	},
	pTrustedTime: func(when, tsa string) string {
		return "可信时间：" + when + "（RFC 3161 时间戳，签发机构 " + tsa + "，覆盖 manifest-sha256.txt）"
	},
	pCollectedText: func(when, sw string) string {
		return when + "，由 " + sw + " 将提供人交来的原始文件逐字节复制入证据包，并计算各文件的 SHA-256"
	},
	pCPay: func(when, amount string) string {
		if when == "" {
			return "付款" + amount + "；"
		}
		return when + "付款" + amount + "；"
	},
	pDemandTo: func(name, ids string) string {
		if ids == "" {
			return name + "："
		}
		return name + "（" + ids + "）："
	},
	pDemandOpening: func(claimant, service string) string {
		if claimant == "" {
			claimant = blankLine
		}
		return "我（" + claimant + "）通过" + service + "向你付款，明细如下："
	},
	pCaseOfText: func(c, r, cause string) string {
		if c == "" {
			c = blankLine
		}
		return c + "诉" + r + cause + "一案"
	},
	pPreservationReasons: func(c, r, cause string) string {
		if c == "" {
			c = blankLine
		}
		return "申请人" + c + "诉被申请人" + r + cause + "一案，为防止被申请人转移、处分上述款项致使将来的判决难以执行，依据《中华人民共和国民事诉讼法》第一百零三条，申请对被申请人的财产采取保全措施。"
	},
	pCopiesPages: func(copies, pages int) string {
		if pages <= 0 {
			return strconv.Itoa(copies) + "份"
		}
		return strconv.Itoa(copies) + "份，" + strconv.Itoa(pages) + "页"
	},
	pHComplaintText: func(n, limit int) string {
		return "投诉文本（" + strconv.Itoa(n) + "字，限" + strconv.Itoa(limit) + "字）"
	},
	pPoliceAttachments: func(files, pages int) string {
		s := "1. 《电子数据清单》1份（" + strconv.Itoa(files) + "个文件）；2. 证据材料（dossier.pdf）1份"
		if pages > 0 {
			s += "，共" + strconv.Itoa(pages) + "页"
		}
		return s + "；3. 证据包（含全部原始文件）1份，可拷贝至存储介质提交。"
	},
	pDemandAsk: func(days int, sum, account string) string {
		return "现正式催告你：请于收到本函之日起" + strconv.Itoa(days) + "日内，将上述款项共计" + sum + "返还至我的" + account + "。"
	},
}
