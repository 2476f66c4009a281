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
}
