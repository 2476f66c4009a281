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
