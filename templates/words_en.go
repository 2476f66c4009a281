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

// enWords is the English wording of the dossier. Its keys are zhWords'
// keys (words_test.go checks).
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
		evidence.KindAudio:    "recording",
		evidence.KindVideo:    "video",
		evidence.KindPDF:      "PDF document",
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

	// Chat and bill exhibit pages.

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

	// Volumes.

	volOf:   func(k, n int) string { return fmt.Sprintf("Volume %d of %d", k, n) },
	volCell: func(vol int, pages string) string { return "Vol. " + strconv.Itoa(vol) + "\n" + pagesEn(pages) },
	volAt: func(n, vol int, pages string) string {
		return "Exhibit " + strconv.Itoa(n) + " (vol. " + strconv.Itoa(vol) + ", " + pagesEn(pages) + ")"
	},
	volNote: func(n int) string {
		return fmt.Sprintf("The dossier has %d volumes (dossier.pdf is volume 1, dossier-2.pdf volume 2, and so on); the Page column gives each exhibit's volume and its page in that volume, counted from 1 in every volume.", n)
	},
	volOver: func(vol, n int, size, limit string) string {
		return fmt.Sprintf("Volume %d holds exhibit %d alone (%s): it is larger than the volume limit of %s and cannot be split.", vol, n, size, limit)
	},
	volElsewhere: "This volume holds no exhibits: they start in volume 2; the evidence index gives the volume and page of each.",

	// PDF exhibits.

	pdfBand:          func(n, page, pages int) string { return fmt.Sprintf("Exhibit %d, page %d of %d", n, page, pages) },
	capProducer:      "Producer",
	capCreator:       "Creator",
	capCreated:       "PDF created",
	capSignatures:    "Digital signatures",
	capStatement:     "Statement",
	capThirdParty:    "Data source",
	capCaseRows:      "Case transactions",
	pdfVector:        "vector pages, imported as they are",
	pdfRendered:      "pictures rendered from the PDF (150 dpi)",
	pdfEncryptedOpen: "encrypted with an empty password: anyone can open it",
	zoneNotRecorded:  " (the file records no zone)",
	sigNone:          "none",
	sigCovers:        "covers the whole file",
	sigDigestOK:      "the signed digest matches the signed bytes",
	sigDigestBad:     "the signed digest does not match the signed bytes",
	sigChainNote:     "This is what the file states and a check of its bytes only: the certificate chain, trust list and revocation were not checked, so it does not show that a signature is valid or who really signed.",
	sigChainShort:    "chain not checked",
	sigAt:            "signed",
	sigChanged: func(after int64) string {
		return "changed after signing (" + money.Grouped(after) + " bytes after the signed range)"
	},
	sigNames: func(name, signer string) string {
		return "named \"" + name + "\" in the signature, certificate subject \"" + signer + "\""
	},
	statementRead: func(title string, rows int) string {
		return fmt.Sprintf("%s; %d transactions read from the PDF's text", title, rows)
	},
	thirdParty:      "issued by a third party (platform or bank): data provided by a neutral third-party platform that records and keeps electronic data, Supreme People's Court Provisions on Evidence in Civil Procedure, art. 94(1)(ii)",
	thirdPartyShort: "issued by a third party (platform), art. 94",
	caseRowAt: func(id string, page int) string {
		return fmt.Sprintf("%s: page %d of the statement", id, page)
	},
	pdfPageFailed: func(reason, where string) string {
		return "This page could not be drawn (" + reason + "). The original is in the bundle at: " + where
	},
	pdfNoRenderer:    "it cannot be imported as it is, and pdftoppm (poppler-utils) is not installed",
	pdfUnchecked:     "the copy in the bundle does not match the recorded hash",
	colStatementPage: "Page",
	billGapPages: func(n, from, to int) string {
		if n == 1 {
			return fmt.Sprintf("… 1 row left out here (page %d of the PDF) …", from)
		}
		return fmt.Sprintf("… %d rows left out here (pages %d–%d of the PDF) …", n, from, to)
	},
	billLegendPDF: func(names string) string {
		s := "★ dark yellow: the ID of a payment listed in case.yaml."
		if names != "" {
			s += " ◆ light yellow: the counterparty is " + names + "."
		}
		return s + " Page is the PDF page the row is on. This table is what was read from the PDF's text; the pages above are the record."
	},

	transferStates: map[string]string{"待收款": "awaiting receipt", "已收款": "received", "已退还": "refunded", "已过期": "expired"},

	colon:       ": ",
	titleSep:    ": ",
	aside:       func(s string) string { return " (" + s + ")" },
	yuanSign:    "CNY ",
	exhibitNums: func(nums []int) string { return joinInts(nums, ", ") },
	pick:        func(zh, en string) string { return preferFirst(en, zh) },
	remarkRunes: 40,

	audioFacts:        "Recording",
	videoFacts:        "Video",
	mediaDuration:     "Duration",
	mediaFormat:       "File format",
	mediaCodecs:       "Codecs",
	mediaRate:         "Sample rate",
	mediaChannels:     "Channels",
	mediaPicture:      "Picture",
	mediaFPS:          "Frame rate",
	mediaDevice:       "Device",
	mediaCreated:      "Created",
	mediaMvhd:         "Movie header time",
	mediaLocation:     "Location",
	mediaUnknown:      "not recorded",
	mediaNoTranscript: "Not transcribed: casebundle does not recognise or transcribe what is said in a recording or video, and the dossier does not record it; play the original to check.",
	framesNone:        "The dossier shows no frames of this video; the findings above say why. The video itself is in the bundle.",
	mediaRotation:     func(deg int) string { return fmt.Sprintf(" (turned %d° clockwise when played)", deg) },
	mediaTimeSource: map[string]string{
		"quicktime": "QuickTime creation date, with its zone",
		"mvhd":      "movie header mvhd, UTC; rewritten by every export or conversion",
		"udta":      "©day tag",
	},
	mediaPlay: func(path string) string {
		return "Play: open data/" + path + " of the bundle in any player (the original, byte for byte)"
	},
	framesTitle: func(n int) string {
		return fmt.Sprintf("Frames of the video: %d, taken at even times, each labelled with its time from the start (m:ss.mmm)", n)
	},
	framesNote: func(path string) string {
		return "ffmpeg took these frames from data/" + path + " when the dossier was made. They are a view, not evidence: the evidence is the video file in data/."
	},
	heifImages: func(n int) string { return fmt.Sprintf("the file holds %d images; the primary one is shown", n) },

	ocrTitle:         "Read from the image by machine (for reference)",
	ocrColField:      "Field",
	ocrColValue:      "Read",
	ocrColMatch:      "Matches",
	capOCR:           "Read by machine",
	ocrLocal:         " (phone local time)",
	ocrAppendixTitle: "Text in the screenshots",
	ocrFields: map[string]string{
		"transaction_id": "transaction ID", "transfer_id": "transfer ID", "merchant_order_id": "merchant order number",
		"order_id": "order number", "serial": "serial number", "amount": "amount", "time": "time",
		"time_received": "time received", "counterparty": "payee", "method": "paid with", "card_tail": "card ending",
	},
	ocrShows: func(field, value string) string { return "shows " + field + " " + value },
	ocrAppendix: func(engine string) string {
		return "The invisible text under the screenshots (searchable and copyable) and the tables beside them of what was read were recognised from the images by the OCR engine " +
			engine + " when the dossier was made, and may be wrong. The evidence is the image itself: check any number against the image before citing it."
	},
	imageProblems: map[imageProblem]string{
		imgNotPrepared: "the image was not prepared",
		imgUnreadable:  "cannot read the file: %v",
		imgChanged:     "the file changed while the dossier was drawn",
		imgNoFile:      "no file to draw",
		imgBadHeader:   "unreadable image header (%v)",
		imgNoPixels:    "image has no pixels (%d×%d)",
		imgTooLarge:    "image is %d×%d pixels, more than the %d megapixels the dossier draws",
		imgFormat:      "image format %s cannot be drawn",
		imgNoDecode:    "image does not decode (%v)",
		imgReencode:    "re-encode image: %v",
		pngNot:         "not a PNG file",
		pngNoIEND:      "PNG file is truncated (no IEND chunk)",
		pngPastEnd:     "PNG file is truncated (a chunk runs past the end)",
		pngBadCRC:      "PNG file is damaged (bad CRC in %s chunk)",
		pngBadIHDR:     "PNG file has a bad IHDR chunk",
		pngNoIDAT:      "PNG file has no image data",
		pngNoPalette:   "PNG file has no palette",
	},

	// Papers to file (English reading copies).

	pTitleComplaint:     "Statement of claim",
	pTitleInvestigation: "Application for the court to collect evidence",
	pTitlePreservation:  "Application for preservation of property",
	pTitleEvidenceList:  "List of evidence",
	pTitleDemand:        "Letter of demand",
	pTitlePolice:        "Police report",
	pTitleEData:         "List of electronic data",
	pTitleComplaintPack: "Complaint (to copy from)",
	pComplaintTxt:       "complaint.txt",
	pNotePrefix:         "note: ",
	pPlatformUnknown:    "(payment service not given)",
	pIDNumber:           "ID number",
	pPayAccount:         "Paying account",
	pRecvAccount:        "Receiving account",
	pAddress:            "Address",
	pKnownBy:            "Paid through",
	pShownName:          "Name shown on the payment page",
	pRecipient:          "Recipient",
	pContact:            "Phone",
	pOwnAccount:         "the account I paid from",
	pDevice:             "Device",

	pNoteName:            "your full name; claimant.name in case.yaml",
	pNoteOwnID:           "as on your ID card; claimant.id_number in case.yaml",
	pNoteOwnAddress:      "your address as on your ID card or residence permit; a separate address for service may be added; papers.claimant_address in case.yaml",
	pNotePhone:           "a number on which the court can reach you",
	pNoteAskCourt:        "unknown; the court is asked to obtain it from the payment company (see the application for the court to collect evidence)",
	pNoteAskCourtKnown:   "unknown; the court may be asked to help find it when the claim is filed",
	pNoteCourt:           "a claim for money held without a legal ground goes to the court where the defendant lives (Civil Procedure Law art. 22); a contract claim may also go to the court where the contract was performed (art. 24); when the defendant's address is unknown, ask the litigation service centre of the court or the 12368 hotline, or look it up in the People's Court Online Service; write it in papers.court of case.yaml",
	pNotePayments:        "case.yaml lists no disputed payment: add its transaction ID, time and amount under transactions with disputed: true",
	pNoteNarrative:       "write what happened, in time order; narrative in case.yaml",
	pNoteMediation:       "choose yes, no or unsure in papers.mediation of case.yaml, or tick a box here",
	pNoteInterestBasis:   "you have not chosen whether to claim interest: set papers.interest.basis in case.yaml to lpr (the loan prime rate: write the one-year LPR you looked up in rate), rate (a rate you state, in rate) or none (no interest); the program never picks a rate for you",
	pNoteRate:            "write the yearly rate in percent: the one-year LPR is published on the 20th of each month by the National Interbank Funding Center (People's Bank of China, www.chinamoney.com.cn); papers.interest.rate in case.yaml",
	pNoteFrom:            "the payment date is unknown: give the time under transactions, or a start day in papers.interest.from",
	pNoteBank:            "the payee's bank; papers.respondent_bank in case.yaml",
	pNoteCompany:         "the payment company or bank the payee used",
	pNoteCompanyAddress:  "look it up by name in the National Enterprise Credit Information Publicity System (www.gsxt.gov.cn)",
	pNoteSecurity:        "the court may require security (Civil Procedure Law art. 103), usually cash or a litigation-preservation guarantee from an insurer; ask the court",
	pNoteOrigin:          "the phone model or the account",
	pNoteMerchantName:    "the business name on the shop's licence page",
	pNoteMerchantAddress: "the address on the same licence",

	pHParties:           "1. Parties",
	pHClaims:            "2. Claims and their grounds",
	pHCourt:             "3. Court and preservation",
	pHFacts:             "4. Facts and reasons",
	pHMediation:         "5. Mediation",
	pHEvidence:          "6. Evidence",
	pPlaintiff:          "Plaintiff",
	pService:            "Address for service",
	pEService:           "Electronic service accepted",
	pEServiceOptions:    "yes (by text message / WeChat / e-mail, number or address: ________________)|no",
	pDefendant:          "Defendant",
	pAgent:              "Agent ad litem",
	pAgentOptions:       "yes (name, firm, phone: ________________)|no",
	pDefendantNamedBy:   "The defendant's real name, ID number and address are unknown; the claim names the defendant by the WeChat ID, phone, account and transaction IDs known above, and the plaintiff files with it an application asking the court to obtain the defendant's real-name record from the payment company.",
	pDefendantIDUnknown: "The defendant's ID number and address are unknown (the name is as the payment page shows it, to be confirmed by the record obtained); the plaintiff files with this claim an application asking the court to obtain the defendant's real-name record from the payment company.",
	pCourtBlank:         func(line string) string { return "the " + line + " People's Court" },
	pYesNo:              "yes|no",
	pMediationOptions:   "willing to try mediation first|not willing|not sure, would like to know more",
	pMediation:          "Willing to mediate",

	pClaimPrincipal: "1. Return of the principal",
	pClaimInterest:  "2. Interest",
	pClaimCosts:     "3. Costs",
	pClaimTotal:     "4. Total claimed",
	pClaimBasis:     "5. Legal grounds",
	pNoInterest:     "No interest is claimed.",
	pRateStated:     "the yearly rate of",
	pRateLPR:        "the one-year loan prime rate (LPR) of",
	pInterestMethod: "Method: simple interest by the day, a year of 365 days, the days being the difference of the calendar dates, rounded half up to the fen; interest after the day of computation runs on until the money is returned.",
	pCosts:          "The defendant bears the costs of the suit.",
	pNoCosts:        "Costs are not claimed from the defendant.",

	pCourt:             "Court",
	pAgreedCourt:       "Agreed court or arbitration",
	pPreservation:      "Preservation",
	pPreservationFiled: "Applied for: see the application for preservation of property (freezing the defendant's receiving account up to the total claimed).",
	pNoPreservation:    "Not applied for. Once the defendant's receiving account is known, preservation can be sought under Civil Procedure Law art. 103.",

	pFactPayment:   "1. Time, amount, channel and transaction ID of each payment",
	pFactPayee:     "2. Who received it",
	pFactGround:    "3. Why it was paid, and the lack of a legal ground",
	pFactNarrative: "4. What happened",
	pFactIdentity:  "5. The defendant's identity",

	pColWhere:      "Where in the evidence",
	pEvidenceNote:  "The numbers are those of the evidence index of the dossier (dossier.pdf); each exhibit's original and SHA-256 are in the bundle's data/ folder and in the list of evidence.",
	pTo:            "To",
	pSignPlaintiff: "Plaintiff (signature)",
	pAttachHead:    "Enclosed:",

	pInvestigationIntro: "Under Civil Procedure Law art. 67(2), art. 94 of the Supreme People's Court's interpretation of that law and art. 20 of its Provisions on Evidence in Civil Procedure, a party may ask the court in writing, before the time for evidence ends, to collect evidence the party cannot collect for objective reasons. This application names whom the court should ask, what, why, the facts to prove and the leads (the transaction IDs). File it with the statement of claim.",
	pApplicant:          "Applicant",
	pHolder:             "Party asked to disclose",
	pCaseOf:             "Case",
	pHRequest:           "Request",
	pColChannel:         "Channel",
	pSought:             "To be disclosed: 1. the real name and citizen ID number the receiving account was verified with; 2. the phone number bound to it; 3. its transaction history from the day of the first payment above to the day of disclosure, including the receipt of each payment above.",
	pHReasons:           "Facts and reasons",
	pFactsToProve:       "Facts to prove: the identity of the defendant (so that the right person is sued and served) and that the defendant received the payments above.",
	pSignApplicant:      "Applicant (signature)",
	pInvestigationAfter: "Note: a party represented by a lawyer may, where the local court allows it, ask instead for an investigation order (调查令) that the lawyer takes to the company; the content is the same. Once the court has the record, complete the defendant's name, ID number and address in the statement of claim.",

	pPreservationIntro: "Under Civil Procedure Law art. 103, when a party's conduct or other causes may make a judgment hard to enforce, the court may, on the other party's application, order the preservation of that party's property. The court may require the applicant to provide security.",
	pRespondentApp:     "Respondent",
	pSecurity:          "Security: ",

	pEvidenceListIntro: "This list follows art. 19 of the Supreme People's Court's Provisions on Evidence in Civil Procedure: each piece of evidence numbered by group, with its source, what it proves, a signature and the date of filing, and a copy for each opposing party. The numbers are those of the evidence index of the dossier (dossier.pdf).",
	pSubmitter:         "Submitted by",
	pColProves:         "What it proves",
	pColCopies:         "Copies and pages",
	pColAuthentic:      "Authenticity",
	pGroupsNote:        "Groups: 3-1, 3-2 … under one number are one group (consecutive material of one source and one matter). \"Authenticity\" states only what can be checked: the original in the bundle, its SHA-256 and, when there is a timestamp, its time. A trusted timestamp is a time certificate issued by a time-stamp authority under RFC 3161, not a blockchain record.",
	pSignSubmitter:     "Submitted by (signature)",
	pFilingDate:        "Date of filing",

	pChannels: "Report only through these real channels: call 110; go to the police station where it happened or where you live; report in the National Anti-Fraud Center app (国家反诈中心); 96110 is the national anti-fraud warning line, for advice only: it does not get money back. " +
		"Any website, group, \"lawyer\" or \"hacker\" who offers to recover your money for a fee is a fraud; the police never ask you to transfer money or give a code by phone or online. Ask for the receipt of your report (受案回执) and keep it. (This box is for you; it need not be filed.)",
	pReporter:         "Reporting person",
	pSuspect:          "Person reported",
	pPoliceCauseLabel: "Matter",
	pHPoliceFacts:     "What happened",
	pHLoss:            "Loss",
	pHPoliceRequest:   "Requests",
	pHPoliceAttach:    "Enclosed",
	pSignReporter:     "Reporting person (signature)",

	pEDataIntro:    "This list follows art. 14 of the 2016 Provisions of the Supreme People's Court, the Supreme People's Procuratorate and the Ministry of Public Security on collecting, extracting, reviewing and judging electronic data in criminal cases (法发〔2016〕22号): the category, format and integrity value of each file, one row per line of the bundle's manifest-sha256.txt, for the police to attach to their record of collection.",
	pHolderPerson:  "Holder (provider) of the data",
	pMedium:        "Medium",
	pManifestHash:  "Manifest digest",
	pCollected:     "Copying and hashing",
	pColFile:       "File",
	pColCategory:   "Category and format",
	pColSize:       "Size",
	pColHash:       "Integrity value (SHA-256)",
	pColOrigin:     "Source device or account",
	pColObtained:   "How obtained",
	pColTime:       "Time",
	pEDataCheck:    "Times are Beijing time (UTC+8) unless marked as phone local time. To check: in the bundle folder run sha256sum -c manifest-sha256.txt; every file must show OK. The manifest's own SHA-256 is in the table above.",
	pSignProvider:  "Holder (provider) of the data, signature",
	pSignOfficer:   "Investigating officer, signature",
	pCaseFileKind:  "Statement of the facts",
	pWrittenByUser: "written by the provider",
	pByCamera:      "photographed",
	pByScreen:      "screenshot or saved image",
	pByUser:        "file supplied by the provider",
	pUnknownTool:   "an export tool",

	pHComplaintTxns:   "Payments",
	pHComplaintImages: "Images to upload",
	pNoImages:         "No exhibit is an image that proves the payment and the payee: add screenshots of the payment success page and of the payee's details.",
	pImageCopied:      "the original, unchanged",
	pImageReencoded:   "re-encoded from the original as JPEG (turned upright, metadata removed, scaled under 2 MB when needed)",
	pColImage:         "Export",
	pH12315:           "12315 complaint fields",
	p12315Complainant: "Complainant",
	p12315Respondent:  "Respondent",
	p12315Request:     "Request",
	p12315Facts:       "Facts",
	p12315Where:       "File with the national 12315 platform: www.12315.cn, the 全国12315平台 mini-program in WeChat or Alipay, or call 12315.",

	pDemandNotes: "Notes (delete this box before sending): a demand interrupts the limitation period (Civil Code art. 195: when the right holder asks the obligor to perform, the period is interrupted and starts again; the period is three years, art. 188). " +
		"Keep proof of delivery: sent by WeChat or text message, take screenshots of the message and any reply; sent by post, use EMS, write \"催告函\" on the waybill and keep the waybill and the delivery record. Add these to the case folder as evidence.",
	pSignDemander: "Sender (signature)",

	pNeedsHeading:    "What the papers still need",
	pNeedsIntro:      "These are the blanks in the papers to file (the papers/ folder) that you must fill in, and how; each is a line with a note in the paper.",
	pColPaper:        "Paper",
	pColNeed:         "Missing",
	pColHow:          "How to fill it",
	pNeedIdentity:    "The defendant's real name, ID number and address",
	pNeedIdentityHow: "only the court can obtain them: the application for the court to collect evidence is written; file it with the statement of claim",
	pNeedDelivery:    "Delivery and its proof",
	pNeedDeliveryHow: "send the letter of demand and keep proof of delivery (it interrupts the limitation period)",
	pNeedAll:         "Every paper",
	pNeedSign:        "Signature and date",
	pNeedSignHow:     "sign by hand after printing; change the date to the day of filing if needed",
	pReadingCopy:     "READING COPY in English, not for filing: courts, the police and the complaint desks take the Chinese version beside it (papers/, one folder up). It says the same, paper for paper.",

	pCause: map[string]string{
		"wrong_transfer":   "claim for unjust enrichment",
		"duplicate_charge": "claim for unjust enrichment",
		"fraud":            "claim for unjust enrichment",
		"other":            "claim for unjust enrichment",
		"fake_goods":       "online sales contract dispute",
		"not_delivered":    "online sales contract dispute",
	},
	pBasis: map[string]string{
		"wrong_transfer":   "Civil Code art. 985: where a person obtains an improper benefit without a legal ground, the person who suffers the loss may ask for the benefit to be returned; art. 987: where the person enriched knew or should have known there was no legal ground, the person who suffered the loss may ask for the benefit to be returned and for compensation of the loss.",
		"duplicate_charge": "Civil Code arts. 985 and 987 (a payment charged twice: the payee has no legal ground for the second charge).",
		"fraud":            "Civil Code arts. 985 and 987. Note: when the police have opened a fraud case, the court may dismiss the claim and pass it to them (art. 11 of the Supreme People's Court's Provisions on economic crime in economic disputes); ask the police first how the case stands.",
		"other":            "Civil Code arts. 985 and 987 (where there is a contract, rewrite this with its terms and the provisions on contracts).",
		"fake_goods":       "Civil Code art. 577 (liability for breach) and art. 563 (termination); where the seller deceived you, additional damages may be claimed under art. 55 of the Consumer Rights Protection Law.",
		"not_delivered":    "Civil Code art. 577 (liability for breach) and art. 563 (termination).",
	},
	pNoGround: map[string]string{
		"wrong_transfer":   "The plaintiff paid the defendant by mistake; no contract or other legal relation between them calls for the payment, and the defendant has no legal ground to keep it.",
		"duplicate_charge": "The money is a second charge for one transaction; the defendant has no legal ground to keep it.",
		"fraud":            "The plaintiff paid after being deceived; the defendant has no legal ground to keep the money.",
		"other":            "No legal relation between the parties calls for the payment: " + blankLine + " (note: say why it was paid)",
		"fake_goods":       "The plaintiff bought goods from the defendant and paid; the goods delivered are not as agreed.",
		"not_delivered":    "The plaintiff bought goods from the defendant and paid; the defendant did not deliver them.",
	},
	pPoliceCause: map[string]string{
		"fraud":            "Suspected fraud (Criminal Law art. 266)",
		"wrong_transfer":   "Money transferred by mistake that the payee refuses to return; the police are asked to examine it",
		"duplicate_charge": "A double charge not refunded; the police are asked to examine it",
		"fake_goods":       "Money taken for goods that are not as described; the police are asked to examine whether it is a crime",
		"not_delivered":    "Money taken for goods never sent; the police are asked to examine whether it is a crime",
		"other":            "The police are asked to examine it",
	},
	pPoliceAsk: map[string]string{
		"fraud":            "1. Accept the report and issue a receipt; 2. open a case, identify the person reported, recover the money and return it to the reporting person; 3. stop and freeze the receiving account.",
		"wrong_transfer":   "1. Accept the report and issue a receipt; 2. examine the matter and help identify the payee.",
		"duplicate_charge": "1. Accept the report and issue a receipt; 2. examine the matter.",
		"fake_goods":       "1. Accept the report and issue a receipt; 2. examine whether it is fraud or another crime and, if so, open a case and recover the money.",
		"not_delivered":    "1. Accept the report and issue a receipt; 2. examine whether it is fraud or another crime and, if so, open a case and recover the money.",
		"other":            "1. Accept the report and issue a receipt; 2. examine the matter.",
	},
	pComplaintAsk: map[string]string{
		"wrong_transfer":   "I transferred this by mistake; the payee has not returned it when asked. Please contact the payee to return it, or tell me how the payee's real-name record can be obtained for a lawsuit.",
		"duplicate_charge": "This transaction was charged twice; please check and refund the second charge.",
		"fraud":            "I was deceived into paying and have reported (or will report) it to the police. Please freeze or restrict the receiving account and assist the police.",
		"fake_goods":       "The goods received are not as described; please help me get a refund.",
		"not_delivered":    "The seller has not sent the goods after payment; please help me get a refund.",
		"other":            "Please check this transaction and help.",
	},
	pDemandGround: map[string]string{
		"wrong_transfer":   "I paid this money into your account by mistake; no legal relation between us calls for it, and you have no legal ground to keep it. Under Civil Code art. 985 you must return it.",
		"duplicate_charge": "This money is a second charge for one transaction; you have no legal ground to keep it, and under Civil Code art. 985 you must return it.",
		"fraud":            "I paid this money after being deceived; you have no legal ground to keep it and must return it.",
		"fake_goods":       "The goods you delivered are not as agreed; under Civil Code art. 577 you are liable for the breach and must refund the price.",
		"not_delivered":    "You took the money and did not deliver the goods; under Civil Code art. 577 you are liable for the breach and must refund the price.",
		"other":            "You have no legal ground to keep this money; under Civil Code art. 985 you must return it.",
	},
	pDemandElse: map[string]string{
		"fraud":            "If it is not returned in time, I will give this letter and its proof of delivery to the police and sue you for the money, interest and costs.",
		"wrong_transfer":   "If it is not returned in time, I will sue you for the money, interest and costs.",
		"duplicate_charge": "If it is not returned in time, I will sue you for the money, interest and costs.",
		"fake_goods":       "If it is not returned in time, I will sue you or complain to the market regulator.",
		"not_delivered":    "If it is not returned in time, I will sue you or complain to the market regulator.",
		"other":            "If it is not returned in time, I will sue you for the money, interest and costs.",
	},
	pPlatformService: map[string]string{"wechat": "WeChat Pay", "alipay": "Alipay", "bank": "bank transfer", "other": "another channel"},
	pComplaintWhere: map[string]string{
		"wechat": "Complain to WeChat Pay: WeChat → Me → Services → Wallet → Bills, open the transaction → questions about this order → complain; or call WeChat Pay's service line 95017. Paste the text below into the description and upload the images below in order.",
		"alipay": "Complain to Alipay: Alipay → Me → Bills, open the transaction → questions about this order → complain; or call Alipay's service line 95188. Paste the text below into the description and upload the images below in order.",
		"bank":   "Complain to your bank: call the service number on the back of your card or go to a branch, and give the transaction number and the text below; when the bank cannot take the money back, ask for its answer in writing.",
		"other":  "Complain to the payment service the payee used: find \"complain\" on the transaction's page or call its service line, paste the text below and upload the images below in order.",
	},
	pCompany:   map[string]string{"wechat": "Tenpay Payment Technology Co., Ltd. (财付通支付科技有限公司, WeChat Pay)", "alipay": "Alipay (China) Network Technology Co., Ltd. (支付宝（中国）网络技术有限公司)"},
	pEDataKind: map[string]string{"image": "image", "chat": "chat", "bill": "bill", "document": "document", "other": "other"},
	p12315Ask:  map[string]string{"fake_goods": "return and refund", "not_delivered": "refund"},

	pAmount:   func(s string) string { return "CNY " + s },
	pHolderOf: func(s string) string { return "the real-name holder of " + s },
	pPayeeOf:  func(id string) string { return "the payee of transaction " + id },
	pIdentityApplied: func(c string) string {
		return "The plaintiff cannot find the defendant's real name, ID number and address alone, and files with this claim an application asking the court to obtain them from " + c + "."
	},
	pLPRPublished:   func(d string) string { return "published " + d },
	pInterestSum:    func(s string) string { return "Interest so far, in all: " + s },
	pTotalPrincipal: func(s string) string { return s + " (the principal; no interest claimed; costs not included)." },
	pTotalOpen: func(p string) string {
		return "The principal of " + p + " plus interest (the rate is not yet chosen, see item 2; add the total once it is). Costs not included."
	},
	pAttachPaper: func(t string) string { return t + ", 1 copy" },
	pRequestText: func(c string) string {
		return "The applicant asks the court to obtain from " + c + " the following about the account that received these payments:"
	},
	pThirdParty: func(p string) string {
		if p == "" {
			p = "the payment service or bank"
		}
		return "a bill exported from " + p + ": data recorded by a third party, which can be checked with it"
	},
	pCapturedAt: func(s string) string { return "time the file records it was made: " + s },
	pMediumText: func(id string) string {
		return "an evidence bundle (BagIt, case ID " + id + "); the original files are in its data/ folder"
	},
	pByExport:    func(t string) string { return "exported with " + t },
	pByDownload:  func(p string) string { return "downloaded from " + p },
	pCIDs:        func(ids string) string { return ids + " (transaction ID): " },
	pCPayee:      func(ids string) string { return "Payee: " + ids + ". " },
	pImageFailed: func(p string) string { return "not exported: " + p },
	pImagesNote: func(dir string) string {
		return "The images are in " + dir + "/; upload them in the order of their names. Each is a JPEG or PNG of at most 2 MB. The originals are in the bundle's data/ folder, unchanged."
	},
	pTextFile:   func(p string) string { return "The same text (UTF-8): " + p },
	pOriginalIn: func(p string) string { return "original in the bundle: " + p },

	pAttachCopies: func(n int) string { return "copies of this statement of claim: " + strconv.Itoa(n) },
	pAttachDossier: func(pages int) string {
		if pages > 0 {
			return "the evidence (dossier.pdf), 1 copy, " + strconv.Itoa(pages) + " pages"
		}
		return "the evidence (dossier.pdf), 1 copy"
	},
	pCopies: func(n int) string {
		return "To bring: the original statement of claim and one copy for each defendant (" + strconv.Itoa(n) + "): " + strconv.Itoa(n+1) + " in all."
	},
	pListCopies: func(n int) string {
		return "Copies of this list and of the evidence for the opposing parties: " + strconv.Itoa(n) + " party, " + strconv.Itoa(n) + " copy; and 1 for the court."
	},
	pComplaintIntro: func(n int) string {
		return "This statement follows the element style of the model forms issued by the Supreme People's Court, the Ministry of Justice and the All China Lawyers Association (法〔2024〕46号, 法〔2025〕82号); a claim for unjust enrichment has no model form of its own, so the elements of Civil Code art. 985 are laid out the same way. " +
			"File the original and one copy for each defendant (here " + strconv.Itoa(n) + "). A line is a fact the case does not have: fill it in truthfully, never invent it."
	},
	pCMore: func(n int) string { return " (" + strconv.Itoa(n) + " payments in all)" },

	pPayLine: func(when, amount, service, id string) string {
		return when + ": " + amount + " paid by " + service + ", transaction ID " + id
	},
	pDossierPages: func(vol int, pages string, multi bool) string {
		if multi {
			return "dossier vol. " + strconv.Itoa(vol) + ", p. " + pages
		}
		return "dossier p. " + pages
	},
	pPrincipal: func(total, parts string, n int) string {
		if n == 1 {
			return "That the defendant return " + total + "."
		}
		return "That the defendant return " + total + " (" + strconv.Itoa(n) + " payments: " + parts + " = " + total + ")."
	},
	pInterestRule: func(principal, from, name, rate string) string {
		return "On " + principal + " from " + from + " at " + name + " " + rate + " until the money is returned."
	},
	pInterestSoFar: func(to, principal, rate string, days int, amount string) string {
		return "To " + to + ": " + principal + " × " + rate + " × " + strconv.Itoa(days) + " days ÷ 365 days = " + amount
	},
	pDaysCounted: func(from, to string, days int) string {
		return strconv.Itoa(days) + " days = " + to + " − " + from
	},
	pTotalWithInterest: func(total, principal, interest, to string) string {
		return total + " (principal " + principal + " + interest to " + to + " of " + interest + "; costs not included)."
	},
	pPayeeKnown: func(ids, txns string) string {
		return "The payee is the defendant, known through transaction " + txns + "; known: " + ids + "."
	},
	pReasons: func(known, c string) string {
		return "The applicant means to sue the payee for the return of these payments but knows only: " + known + "; not the payee's real name, citizen ID number or address, so the defendant cannot be identified or served (Civil Procedure Law art. 122 requires a definite defendant). " +
			c + " keeps this record under the real-name rules; it is another person's personal information that an individual may not obtain, and payment companies and banks disclose it only to courts, the police and other competent authorities. It is evidence the applicant cannot collect for objective reasons (art. 94(1)(2) of the interpretation of the Civil Procedure Law), so the court is asked to collect it."
	},
	pFreeze: func(account, sum string) string {
		return "That the court order the freezing of the deposits in the respondent's receiving account (" + account + "), or the seizure of other property of equal value, up to " + sum + "."
	},
	pTrustedTime: func(when, tsa string) string {
		return "trusted time: " + when + " (RFC 3161 timestamp issued by " + tsa + ", over manifest-sha256.txt)"
	},
	pCollectedText: func(when, sw string) string {
		return when + ": " + sw + " copied the original files the provider gave byte for byte into the bundle and computed the SHA-256 of each"
	},
	pCPay: func(when, amount string) string {
		if when == "" {
			return "paid " + amount + "; "
		}
		return when + " paid " + amount + "; "
	},
	pDemandTo: func(name, ids string) string {
		if ids == "" {
			return "To " + name + ":"
		}
		return "To " + name + " (" + ids + "):"
	},
	pDemandOpening: func(claimant, service string) string {
		if claimant == "" {
			claimant = blankLine
		}
		return "I, " + claimant + ", paid you by " + service + " as follows:"
	},
	pCaseOfText: func(c, r, cause string) string {
		if c == "" {
			c = blankLine
		}
		return c + " v. " + r + ", " + cause
	},
	pPreservationReasons: func(c, r, cause string) string {
		if c == "" {
			c = blankLine
		}
		return "In " + c + " v. " + r + " (" + cause + "), to keep the respondent from moving or disposing of the money so that a judgment could not be enforced, the applicant asks under Civil Procedure Law art. 103 for the preservation of the respondent's property."
	},
	pCopiesPages: func(copies, pages int) string {
		if pages <= 0 {
			return strconv.Itoa(copies) + " copy"
		}
		return strconv.Itoa(copies) + " copy, " + strconv.Itoa(pages) + " p."
	},
	pHComplaintText: func(n, limit int) string {
		return "Complaint text (" + strconv.Itoa(n) + " characters, at most " + strconv.Itoa(limit) + ")"
	},
	pPoliceAttachments: func(files, pages int) string {
		s := "1. The list of electronic data (" + strconv.Itoa(files) + " files); 2. the evidence (dossier.pdf)"
		if pages > 0 {
			s += ", " + strconv.Itoa(pages) + " pages"
		}
		return s + "; 3. the evidence bundle with every original file, which can be copied onto a storage medium."
	},
	pDemandAsk: func(days int, sum, account string) string {
		return "I formally demand that within " + strconv.Itoa(days) + " days of receiving this letter you return " + sum + " in all to " + account + "."
	},
}

// rowsEn counts bill rows.
func rowsEn(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}

// pagesEn writes "p. 3" or "pp. 3–4".
func pagesEn(pages string) string {
	if strings.ContainsAny(pages, "–-") {
		return "pp. " + pages
	}
	return "p. " + pages
}
