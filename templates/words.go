package templates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/money"
	"github.com/casebundle/casebundle/internal/tz"
)

// words is the wording of one language. Every fixed string of the dossier
// comes from here, so a page file never holds Chinese or English text.
type words struct {
	lang string

	// Cover titles by purpose, and what the route is.
	coverTitle map[string]string
	routeDesc  map[string]string
	// Party labels by purpose: claimant, respondent.
	claimant   map[string]string
	respondent map[string]string

	caseID, purpose, platform, complaintType string
	lossTotal, exhibitCount, generated       string
	manifestDigest, trustedTime, software    string
	none, notGiven, blankTitle               string
	idNumber, phone, wechatID, account, name string
	coverNote, contents                      string
	platforms, complaintTypes                map[string]string
	exhibitsUnit                             func(n int) string
	disputedCount                            func(n int) string
	tsaLine                                  func(tsa, serial, policy string) string

	// Section headings, by section; hFindings heads the findings inside the
	// checklist.
	headings    map[SectionID]string
	hFindings   string
	exhibit     func(n int) string
	exhibitCont func(n int) string

	narrativeBlank string

	// Loss table.
	colTxnID, colTime, colAmount, colDirection, colCounterparty, colDisputed, colExhibits string
	dirOut, dirIn, yes, no, totalRow, noTransactions, invalidID                           string
	timesNote, localMark                                                                  string

	// Chronology.
	colEvent, colExhibit, noEvents string

	// Evidence index.
	colNo, colTitle, colSource, colPurpose, colPage, indexNote string

	// Checklist and findings.
	colMaterial, colRequired, colPresent, required, optional, present, missing string
	noChecklist, noFindings, colSeverity, colMessage, colFile                  string
	severity                                                                   map[evidence.Severity]string

	// Exhibit caption.
	capFile, capSHA, capSize, capType, capCaptured, capModified, capTitle string
	capProves, capSource, capFindings, capDimensions                      string
	bytes                                                                 func(n int64) string
	kinds                                                                 map[evidence.Kind]string
	imageFailed, inBundle, textTruncated, textEmpty, pdfPages             string
	notDrawn, noExhibits                                                  string
	lineCount                                                             func(shown, total int, more bool) string

	// Appendix.
	manifestIntro, digestLabel, verifyIntro, verifyStep1, verifyStep2 string
	verifyStep3, verifyDigest, tsaCA, bundleDir, fontNote, noManifest string
	manifestTitle, verifyTitle, licenceTitle                          string

	// Times.
	zoneSuffix, localSuffix, unknownTime string

	// Footer.
	pageOf                     func(x, y int) string
	footerCase, footerManifest string

	// Exhibit numbers in lists (exhibitList, exhibitRefs) and with pages.
	exhibitNo    func(n int) string
	exhibitShort func(n int) string
	exhibitAt    func(n int, pages string) string
	listSep      string

	// Deadlines.
	noDeadlines, deadlineNote, expired      string
	colDeadline, colFrom, colDue, colStatus string
	deadlineName, deadlineBasis             map[deadlineKind]string
	hoursLeft, daysLeft                     func(n int) string

	// Civil evidence index.
	civilIndexIntro, civilNumbersNote, colOriginal, colRemarks string
	formMissing, formPrint, formElectronic, noRemarks          string
	submitter, signHere, dateLabel                             string
	moreFindings                                               func(n int) string
	longDate                                                   func(t time.Time) string
	civilHeading                                               func(n int, label string) string

	// Complaint page.
	complaintFacts, disputedAmount, complaintTxns, colMerchantID string
	complaintStatement, statementBlank, colWhere, addMissing     string
	missingHint, sealTitle                                       string
	statementMore                                                func(page string) string
	complaintMaterials                                           func(kind string) string

	// Police report.
	unknownField, receiptTitle, receiptNote string
	policeIndexIntro, afterReport           string
}

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
}

var enWords = &words{
	lang: "en",
	coverTitle: map[string]string{
		"complaint": "Complaint",
		"police":    "Police report",
		"civil":     "Evidence for civil proceedings",
	},
	routeDesc: map[string]string{
		"complaint": "Complaint to the payment platform or bank",
		"police":    "Report to the police",
		"civil":     "Civil proceedings (for the court)",
	},
	claimant: map[string]string{
		"complaint": "Complainant",
		"police":    "Reporting person",
		"civil":     "Claimant",
	},
	respondent: map[string]string{
		"complaint": "Respondent",
		"police":    "Reported person",
		"civil":     "Respondent",
	},
	caseID:         "Case ID",
	purpose:        "Purpose",
	platform:       "Payment platform",
	complaintType:  "Complaint type",
	lossTotal:      "Total loss",
	exhibitCount:   "Exhibits",
	generated:      "Generated",
	manifestDigest: "Manifest digest",
	trustedTime:    "Trusted timestamp",
	software:       "Software",
	none:           "none",
	notGiven:       "(not given)",
	blankTitle:     "(untitled case)",
	name:           "Name",
	idNumber:       "ID number",
	phone:          "Phone",
	wechatID:       "WeChat ID",
	account:        "Account",
	coverNote: "Note: every exhibit is a byte-for-byte copy of the original file, kept in the data/ folder of the bundle. " +
		"The SHA-256 of each exhibit is printed in its caption and in the appendix; the digest of manifest-sha256.txt is given above. " +
		"The appendix explains how to check by hand that nothing was changed.",
	contents: "Contents",
	platforms: map[string]string{
		"wechat": "WeChat Pay",
		"alipay": "Alipay",
		"bank":   "Bank",
		"other":  "Other",
	},
	complaintTypes: map[string]string{
		"wrong_transfer":   "Transfer to the wrong person",
		"fake_goods":       "Counterfeit goods",
		"fraud":            "Fraud",
		"not_delivered":    "Paid but not delivered",
		"duplicate_charge": "Duplicate charge",
		"other":            "Other",
	},
	exhibitsUnit: func(n int) string {
		if n == 1 {
			return "1 item"
		}
		return strconv.Itoa(n) + " items"
	},
	disputedCount: func(n int) string {
		if n == 1 {
			return " (1 disputed payment)"
		}
		return fmt.Sprintf(" (%d disputed payments)", n)
	},
	tsaLine: func(tsa, serial, policy string) string {
		s := "TSA: " + tsa
		if serial != "" {
			s += "; serial: " + serial
		}
		if policy != "" {
			s += "; policy: " + policy
		}
		return s
	},

	headings: map[SectionID]string{
		SectionCover:      "Cover",
		SectionNarrative:  "Narrative",
		SectionLosses:     "Losses",
		SectionChronology: "Chronology",
		SectionDeadlines:  "Deadlines",
		SectionIndex:      "Evidence index",
		SectionChecklist:  "Checklist",
		SectionExhibits:   "Exhibits",
		SectionAppendix:   "Appendix: manifest and verification",
	},
	hFindings:   "Findings",
	exhibit:     func(n int) string { return "Exhibit " + strconv.Itoa(n) },
	exhibitCont: func(n int) string { return "Exhibit " + strconv.Itoa(n) + " (continued)" },

	narrativeBlank: "(No narrative was given. Write what happened in the narrative field of case.yaml: when, to whom, how much, how it was paid, how the fraud or mistake came to light, and what has been done since.)",

	colTxnID:        "Transaction ID",
	colTime:         "Time",
	colAmount:       "Amount (CNY)",
	colDirection:    "In/out",
	colCounterparty: "Counterparty",
	colDisputed:     "Disputed",
	colExhibits:     "Exhibits",
	dirOut:          "out",
	dirIn:           "in",
	yes:             "yes",
	no:              "no",
	totalRow:        "Total of disputed payments out",
	noTransactions:  "(No transactions were given. List them under transactions in case.yaml: ID, time, amount and counterparty.)",
	invalidID:       " (ID format doubtful)",
	timesNote:       "Times are Beijing time (UTC+8).",
	localMark:       "Times marked * are phone local time; the zone was not recorded.",

	colEvent:   "Event",
	colExhibit: "Exhibit",
	noEvents:   "(No dated events.)",

	colNo:      "No.",
	colTitle:   "Title",
	colSource:  "Source",
	colPurpose: "Purpose",
	colPage:    "Page",
	indexNote:  "Page numbers refer to this volume (volume 1).",

	colMaterial: "Material",
	colRequired: "Required",
	colPresent:  "Present",
	required:    "required",
	optional:    "optional",
	present:     "present",
	missing:     "missing",
	noChecklist: "(No checklist for this purpose.)",
	noFindings:  "(No findings.)",
	colSeverity: "Severity",
	colMessage:  "Finding",
	colFile:     "File",
	severity: map[evidence.Severity]string{
		evidence.Info:    "info",
		evidence.Warning: "warning",
		evidence.Error:   "error",
	},

	capFile:       "File",
	capSHA:        "SHA-256",
	capSize:       "Size",
	capType:       "Type",
	capDimensions: "Dimensions",
	capCaptured:   "Captured",
	capModified:   "Modified",
	capTitle:      "Title",
	capProves:     "Purpose",
	capSource:     "Source",
	capFindings:   "Findings",
	bytes:         func(n int64) string { return money.Grouped(n) + " bytes" },
	kinds: map[evidence.Kind]string{
		evidence.KindImage:    "image",
		evidence.KindChat:     "chat",
		evidence.KindBill:     "bill",
		evidence.KindDocument: "document",
		evidence.KindOther:    "other",
	},
	imageFailed:   "This image cannot be shown in the dossier",
	notDrawn:      "The dossier does not reproduce this kind of file; see the original in the bundle.",
	noExhibits:    "(No evidence files.)",
	inBundle:      "The original is in the bundle at: ",
	textTruncated: "Extract of the file content",
	textEmpty:     "(The file is empty.)",
	pdfPages:      "Pages",
	lineCount: func(shown, total int, more bool) string {
		if more {
			return fmt.Sprintf("(Only the first %d lines are shown; the full content is in the original in the bundle.)", shown)
		}
		if total == 1 {
			return "(1 line, shown in full.)"
		}
		return fmt.Sprintf("(%d lines, shown in full.)", total)
	},

	manifestTitle: "Manifest (manifest-sha256.txt)",
	manifestIntro: "The SHA-256 and path of every file in the bundle, line for line as in manifest-sha256.txt:",
	digestLabel:   "SHA-256 of manifest-sha256.txt itself (manifest digest):",
	verifyTitle:   "How to verify",
	verifyIntro:   "Anyone can check that the evidence is unchanged without this software. Open a terminal on the computer holding the bundle:",
	verifyStep1:   "1. In the bundle folder, check the hash of every evidence file and tag file (every line must say OK):",
	verifyStep2:   "2. Or let casebundle check the manifests, tag files and timestamp:",
	verifyStep3:   "3. Verify the trusted timestamp (needs the CA certificate of the time-stamping authority). The timestamp signs the hash of manifest-sha256.txt, which lists the hash of every original, so it proves that all originals existed at the stamped time and have not changed since; read the token with openssl ts -reply -in timestamp.tsr -text:",
	verifyDigest:  "4. Check the manifest digest: this command must print the digest given on this page:",
	noManifest:    "(The manifest is empty.)",
	tsaCA:         "<TSA CA certificate>",
	bundleDir:     "<bundle>",
	licenceTitle:  "Font licence",
	fontNote: "This file embeds a subset of the WenQuanYi Micro Hei font, copyright 2007 Google Corporation and " +
		"2008-2009 WenQuanYi Project Board of Trustees, used under the Apache License 2.0 (full text: https://www.apache.org/licenses/LICENSE-2.0).",

	zoneSuffix:  " (UTC+8, Beijing time)",
	localSuffix: " (phone local time, zone not recorded)",
	unknownTime: "(unknown)",

	pageOf:         func(x, y int) string { return fmt.Sprintf("Page %d of %d", x, y) },
	footerCase:     "Case ID: ",
	footerManifest: "Manifest: ",

	exhibitNo:    func(n int) string { return "Exhibit " + strconv.Itoa(n) },
	exhibitShort: func(n int) string { return "Ex. " + strconv.Itoa(n) },
	exhibitAt: func(n int, pages string) string {
		if strings.ContainsAny(pages, "–-") {
			return "Exhibit " + strconv.Itoa(n) + " (pp. " + pages + ")"
		}
		return "Exhibit " + strconv.Itoa(n) + " (p. " + pages + ")"
	},
	listSep: "; ",

	noDeadlines:  "(No payment out with a time is recorded, so no deadline can be computed. Give the time of each payment under transactions in case.yaml.)",
	deadlineNote: "Dates are Beijing dates; the status is as at the time this dossier was generated. A period whose last day is a public holiday ends on the day after the holiday (Civil Code, Art. 203); the limitation period restarts when it is interrupted, e.g. by suing, by demanding payment or by the other party agreeing to pay (Civil Code, Art. 195).",
	expired:      "passed",
	colDeadline:  "Deadline",
	colFrom:      "Counted from (payment time, ID)",
	colDue:       "Ends",
	colStatus:    "Status (when generated)",
	deadlineName: map[deadlineKind]string{
		dlDelay2h:    "Withdraw a delayed transfer (2-hour arrival)",
		dlDelay24h:   "Withdraw a delayed transfer (24-hour arrival)",
		dlRefund7:    "Merchant refund: 7 days",
		dlRefund30:   "Merchant refund: 30 days",
		dlLimitation: "Limitation period for a civil claim (3 years)",
	},
	deadlineBasis: map[deadlineKind]string{
		dlDelay2h:    "Delayed transfer: only when the transfer was sent with 2-hour or 24-hour arrival; until the money arrives it can be withdrawn from the transfer record or through WeChat Pay support (95017). An instant transfer cannot be withdrawn.",
		dlRefund7:    "Merchant refund, 7 days: goods bought online may be returned without reason within seven days of receipt (Consumer Rights Protection Law, Art. 25); counted here from the payment date, the earliest possible end.",
		dlRefund30:   "Merchant refund, 30 days: the usual after-sales and platform refund window; the merchant's and the platform's rules decide. Counted here from the payment date.",
		dlLimitation: "Limitation period: a civil claim must be brought within three years from the day the claimant knew or should have known of the loss and of who caused it (Civil Code, Art. 188); counted here from the first disputed payment, the earliest possible end.",
	},
	hoursLeft: func(n int) string {
		if n == 1 {
			return "about 1 hour left"
		}
		return fmt.Sprintf("about %d hours left", n)
	},
	daysLeft: func(n int) string {
		if n == 1 {
			return "1 day left"
		}
		return fmt.Sprintf("%d days left", n)
	},

	civilIndexIntro:  "Drawn up under the Supreme People's Court's Provisions on Evidence in Civil Proceedings. Exhibits in the same folder whose titles differ only by a sequence number (e.g. \"chat (1)\", \"chat (2)\") form one group, numbered 3-1, 3-2 and so on.",
	civilNumbersNote: "The second line of the No. column, \"Ex. N\", is the exhibit number of the bundle (exhibit in manifest.json); each exhibit page is headed with it and gives the number of this index.",
	colOriginal:      "Original or copy",
	colRemarks:       "Remarks",
	formMissing:      "not copied; no original",
	formPrint:        "printout (original in the bundle)",
	formElectronic:   "electronic original (in the bundle)",
	noRemarks:        "none",
	submitter:        "Submitted by",
	signHere:         "(signature)",
	dateLabel:        "Date",
	moreFindings: func(n int) string {
		if n == 1 {
			return "1 more, see the exhibit page"
		}
		return fmt.Sprintf("%d more, see the exhibit page", n)
	},
	longDate: func(t time.Time) string {
		if t.IsZero() {
			return "____________"
		}
		return t.In(tz.Shanghai).Format("2 January 2006")
	},
	civilHeading: func(n int, label string) string { return "Exhibit " + strconv.Itoa(n) + " (index no. " + label + ")" },

	complaintFacts:     "Complaint details",
	disputedAmount:     "Amount in dispute",
	complaintTxns:      "Payments concerned",
	colMerchantID:      "Merchant order no.",
	complaintStatement: "Statement",
	statementBlank:     "(No narrative was given. Write what happened in the narrative field of case.yaml.)",
	colWhere:           "Where in this dossier",
	addMissing:         "missing: please add",
	missingHint:        "Missing material: put the file in the case folder (or use casebundle add) and generate this dossier again.",
	sealTitle:          "Sealed evidence",
	statementMore:      func(page string) string { return " (extract; the full narrative is on page " + page + ")" },
	complaintMaterials: func(kind string) string { return "Materials required (" + kind + ")" },

	unknownField:     "(unknown)",
	policeIndexIntro: "This index is the list of the evidence (证据清单) handed in with the report. The original of every exhibit is kept in the bundle and can be checked as the appendix explains.",
	afterReport:      "add after reporting",
	receiptTitle:     "Keep the police receipt",
	receiptNote: "After reporting, ask the officer for the receipt of the report (受案回执 or 立案告知书) and keep the original. " +
		"Photograph or scan it, add it to this case with casebundle add (for example: casebundle add CASE receipt.jpg --title \"Police receipt\") " +
		"and generate the dossier again; the payment platform and the court will both ask for it.",
}

// wordsFor returns the wording for lang ("" is Chinese).
func wordsFor(lang string) (*words, error) {
	switch lang {
	case "", "zh":
		return zhWords, nil
	case "en":
		return enWords, nil
	}
	return nil, fmt.Errorf("templates: unknown language %q (want zh or en)", lang)
}

// when shows an instant in Beijing time with the zone written out.
func (w *words) when(t time.Time) string {
	if t.IsZero() {
		return w.unknownTime
	}
	return t.In(tz.Shanghai).Format("2006-01-02 15:04:05") + w.zoneSuffix
}

// whenShort shows an instant in Beijing time without the zone, for tables
// that state the zone once beneath them.
func (w *words) whenShort(t time.Time) string {
	if t.IsZero() {
		return w.unknownTime
	}
	return t.In(tz.Shanghai).Format("2006-01-02 15:04:05")
}

// captured shows a capture time: in Beijing time when the zone is known,
// otherwise as the device wrote it, marked as phone local time.
func (w *words) captured(c *evidence.Captured) string {
	if c == nil || c.Time.IsZero() {
		return w.unknownTime
	}
	if c.ZoneKnown {
		return w.when(c.Time)
	}
	return c.Time.Format("2006-01-02 15:04:05") + w.localSuffix
}

// money shows an amount in yuan.
func (w *words) money(f money.Fen) string {
	if w.lang == "en" {
		return "CNY " + f.Grouped()
	}
	return "¥" + f.Grouped() + " 元"
}

// exhibitList writes exhibit numbers as "证据1、3" or "1, 3" (for columns
// headed "Exhibits").
func (w *words) exhibitList(nums []int) string {
	if len(nums) == 0 {
		return "—"
	}
	parts := make([]string, len(nums))
	if w.lang == "en" {
		for i, n := range nums {
			parts[i] = strconv.Itoa(n)
		}
		return strings.Join(parts, ", ")
	}
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return "证据" + strings.Join(parts, "、")
}

// lookup returns table[key], or key itself when the table does not know it.
func lookup(table map[string]string, key string) string {
	if v, ok := table[key]; ok {
		return v
	}
	return key
}

// material is a checklist entry's name in the dossier's language.
func (w *words) material(c ChecklistEntry) string {
	if w.lang == "en" && c.MaterialEn != "" || c.MaterialZh == "" {
		return c.MaterialEn
	}
	return c.MaterialZh
}
