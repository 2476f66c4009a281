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

// words is the wording of one language: every fixed string of the dossier,
// and the punctuation and forms that differ between Chinese and English.
// zhWords (words_zh.go) and enWords (words_en.go) are its two values; a
// page file takes its words from dc.w and holds no Chinese or English text
// of its own. Every field must be set in both (words_test.go checks): a
// string not empty, a func not nil, a map with the same keys in both and
// no empty value; a field tagged words:"blank-ok" may be empty in one
// language (not in both).
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

	// Chat exhibit pages (exhibit_chat.go): the header block.
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

	// Bill exhibit pages (exhibit_bill.go): the header block and table.
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

	// Recording and video exhibits (exhibit_media.go): the facts box, the
	// contact sheet; and the caption of a HEIF photo holding several
	// images.
	audioFacts, videoFacts, mediaDuration, mediaFormat, mediaCodecs string
	mediaRate, mediaChannels, mediaPicture, mediaFPS, mediaDevice   string
	mediaCreated, mediaMvhd, mediaLocation, mediaUnknown            string
	mediaNoTranscript, framesNone                                   string
	mediaRotation                                                   func(deg int) string
	mediaTimeSource                                                 map[string]string
	mediaPlay                                                       func(path string) string
	framesTitle                                                     func(n int) string
	framesNote                                                      func(path string) string
	heifImages                                                      func(n int) string

	// Text read from screenshots by OCR (exhibit_ocr.go): the table's
	// title and columns, the field names, the caption row and the index
	// line of a linked ID, and the appendix's note.
	ocrTitle, ocrColField, ocrColValue, ocrColMatch, capOCR string
	ocrLocal, ocrAppendixTitle                              string
	ocrFields                                               map[string]string
	ocrShows                                                func(field, value string) string
	ocrAppendix                                             func(engine string) string

	// Volumes (volume.go).
	volOf        func(k, n int) string              // "第 2 卷 / 共 3 卷", in the header and the PDF title
	volCell      func(vol int, pages string) string // an index cell
	volAt        func(n, vol int, pages string) string
	volNote      func(n int) string
	volOver      func(vol, n int, size, limit string) string
	volElsewhere string

	// PDF exhibits (exhibit_pdf.go): the caption, the band over each page,
	// signatures, statements and pages that cannot be drawn.
	pdfBand                                                   func(n, page, pages int) string
	capProducer, capCreator, capCreated, capSignatures        string
	capStatement, capThirdParty, capCaseRows                  string
	pdfVector, pdfRendered, pdfEncryptedOpen, zoneNotRecorded string
	sigNone, sigCovers, sigDigestOK, sigDigestBad             string
	sigChainNote, sigChainShort, sigAt                        string
	sigChanged                                                func(after int64) string
	sigNames                                                  func(name, signer string) string
	statementRead                                             func(title string, rows int) string
	thirdParty, thirdPartyShort                               string
	caseRowAt                                                 func(id string, page int) string
	pdfPageFailed                                             func(reason, where string) string
	pdfNoRenderer, pdfUnchecked, colStatementPage             string
	billGapPages                                              func(n, from, to int) string
	billLegendPDF                                             func(names string) string

	// Chat transfer states as the chat readers set them, in this language;
	// a state not listed is shown as the export wrote it.
	transferStates map[string]string
	// Why an image cannot be drawn (imageprep.go), as formats.
	imageProblems map[imageProblem]string

	// Punctuation and forms.
	colon       string                  // after a label: "：", ": "
	titleSep    string                  // between an exhibit's number and its title
	aside       func(s string) string   // a remark after a word: "（图片）", " (image)"
	yuanSign    string                  // before an amount: "¥", "CNY "
	yuanUnit    string                  `words:"blank-ok"` // after a total: " 元"; English has none
	exhibitNums func(nums []int) string // exhibit numbers in a column headed "Exhibits"
	// pick chooses between the Chinese and the English text of a datum
	// (a finding, an event, a checklist entry): this language's when set,
	// else the other.
	pick func(zh, en string) string
	// remarkRunes is how much of a finding the 备注 column of the civil
	// index shows: a hanzi is about twice as wide as a Latin letter.
	remarkRunes int

	// Papers to file (papers_*.go): the 起诉状, the applications, the
	// evidence list, the demand letter, the police report and its
	// electronic-data list, the complaint pack, and the checklist of what
	// they still need. Maps are keyed by complaint type (pCause, pBasis,
	// pNoGround, pPoliceCause, pPoliceAsk, pComplaintAsk, pDemandGround,
	// pDemandElse), by platform (pPlatformService, pComplaintWhere,
	// pCompany) or by evidence kind (pEDataKind); a choice is written
	// "是|否", its options separated by "|".
	pTitleComplaint, pTitleInvestigation, pTitlePreservation, pTitleEvidenceList  string
	pTitleDemand, pTitlePolice, pTitleEData, pTitleComplaintPack, pComplaintTxt   string
	pNotePrefix, pPlatformUnknown, pIDNumber, pPayAccount, pRecvAccount, pAddress string
	pKnownBy, pShownName, pRecipient, pContact, pOwnAccount, pDevice              string
	pNoteName, pNoteOwnID, pNoteOwnAddress, pNotePhone, pNoteAskCourt             string
	pNoteAskCourtKnown, pNoteCourt, pNotePayments, pNoteNarrative, pNoteMediation string
	pNoteInterestBasis, pNoteRate, pNoteFrom, pNoteBank, pNoteCompany             string
	pNoteCompanyAddress, pNoteSecurity, pNoteOrigin, pNoteMerchantName            string
	pNoteMerchantAddress                                                          string
	pHParties, pHClaims, pHCourt, pHFacts, pHMediation, pHEvidence                string
	pPlaintiff, pService, pEService, pEServiceOptions, pDefendant, pAgent         string
	pAgentOptions, pDefendantNamedBy, pYesNo, pMediationOptions, pMediation       string
	pClaimPrincipal, pClaimInterest, pClaimCosts, pClaimTotal, pClaimBasis        string
	pNoInterest, pRateStated, pRateLPR, pInterestMethod, pCosts, pNoCosts         string
	pCourt, pAgreedCourt, pPreservation, pPreservationFiled, pNoPreservation      string
	pFactPayment, pFactPayee, pFactGround, pFactNarrative, pFactIdentity          string
	pColWhere, pEvidenceNote, pTo, pSignPlaintiff, pAttachHead                    string
	pInvestigationIntro, pApplicant, pHolder, pCaseOf, pHRequest, pColChannel     string
	pSought, pHReasons, pFactsToProve, pSignApplicant, pInvestigationAfter        string
	pPreservationIntro, pRespondentApp, pSecurity                                 string
	pEvidenceListIntro, pSubmitter, pColProves, pColCopies, pColAuthentic         string
	pGroupsNote, pSignSubmitter, pFilingDate                                      string
	pChannels, pReporter, pSuspect, pPoliceCauseLabel, pHPoliceFacts, pHLoss      string
	pHPoliceRequest, pHPoliceAttach, pSignReporter                                string
	pEDataIntro, pHolderPerson, pMedium, pManifestHash, pCollected, pColFile      string
	pColCategory, pColSize, pColHash, pColOrigin, pColObtained, pColTime          string
	pEDataCheck, pSignProvider, pSignOfficer, pCaseFileKind, pWrittenByUser       string
	pByCamera, pByScreen, pByUser, pUnknownTool                                   string
	pHComplaintTxns, pHComplaintImages, pNoImages, pImageCopied, pImageReencoded  string
	pColImage, pH12315, p12315Complainant, p12315Respondent, p12315Request        string
	p12315Facts, p12315Where                                                      string
	pDemandNotes, pSignDemander                                                   string
	pNeedsHeading, pNeedsIntro, pColPaper, pColNeed, pColHow, pNeedIdentity       string
	pNeedIdentityHow, pNeedDelivery, pNeedDeliveryHow, pNeedAll, pNeedSign        string
	pNeedSignHow                                                                  string
	// pReadingCopy heads every paper of a reading copy (not for filing).
	pReadingCopy                                                                 string `words:"blank-ok"`
	pDefendantIDUnknown                                                          string
	pCourtBlank                                                                  func(line string) string
	pCause, pBasis, pNoGround, pPoliceCause, pPoliceAsk, pComplaintAsk           map[string]string
	pDemandGround, pDemandElse, pPlatformService, pComplaintWhere, pCompany      map[string]string
	pEDataKind, p12315Ask                                                        map[string]string
	pAmount, pHolderOf, pPayeeOf, pIdentityApplied, pLPRPublished, pInterestSum  func(s string) string
	pTotalPrincipal, pTotalOpen, pAttachPaper, pRequestText, pThirdParty         func(s string) string
	pCapturedAt, pMediumText, pByExport, pByDownload, pCIDs, pCPayee             func(s string) string
	pImageFailed, pImagesNote, pTextFile, pOriginalIn                            func(s string) string
	pAttachCopies, pAttachDossier, pCopies, pListCopies, pComplaintIntro, pCMore func(n int) string
	pPayLine                                                                     func(when, amount, service, id string) string
	pDossierPages                                                                func(vol int, pages string, multi bool) string
	pPrincipal                                                                   func(total, parts string, n int) string
	pInterestRule                                                                func(principal, from, name, rate string) string
	pInterestSoFar                                                               func(to, principal, rate string, days int, amount string) string
	pDaysCounted                                                                 func(from, to string, days int) string
	pTotalWithInterest                                                           func(total, principal, interest, to string) string
	pPayeeKnown, pReasons, pFreeze, pTrustedTime, pCollectedText, pCPay          func(a, b string) string
	pDemandTo, pDemandOpening                                                    func(a, b string) string
	pCaseOfText, pPreservationReasons                                            func(claimant, respondent, cause string) string
	pCopiesPages, pHComplaintText                                                func(a, b int) string
	pPoliceAttachments                                                           func(files, pages int) string
	pDemandAsk                                                                   func(days int, sum, account string) string
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

// money shows an amount with its currency: "¥5,000.00", "CNY 5,000.00".
// A total on the cover, the complaint form and under the loss table adds
// yuanUnit: "¥5,000.00 元".
func (w *words) money(f money.Fen) string {
	return w.yuanSign + f.Grouped()
}

// exhibitList writes exhibit numbers as "证据1、3" or "1, 3" (for columns
// headed "Exhibits"), a dash for none.
func (w *words) exhibitList(nums []int) string {
	if len(nums) == 0 {
		return "—"
	}
	return w.exhibitNums(nums)
}

// joinInts writes numbers with sep between them.
func joinInts(nums []int, sep string) string {
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, sep)
}

// preferFirst is first, or second when first is empty: the pick of a
// wording whose own language comes first.
func preferFirst(first, second string) string {
	if first != "" {
		return first
	}
	return second
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
	return w.pick(c.MaterialZh, c.MaterialEn)
}
