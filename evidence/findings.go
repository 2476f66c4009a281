package evidence

import (
	"fmt"
	"sort"
)

// Code names one wording of a finding in the catalogue below: its severity,
// its message in Chinese and in English, and what the user can do about
// it. Code.Name is the code manifest.json writes. A few names have two
// wordings (an invalid ID in a bill row and in case.yaml, a photo and a
// screenshot without capture time), so two Codes may share one Name.
//
// A call site passes a Code, the file and the values the message names:
//
//	f := evidence.NewFinding(evidence.CodeEmptyFile, path)
//	it.Add(evidence.CodeBillRowsSkipped, n)
type Code int

// The catalogue's codes. The list of names, with their severity and
// meaning, is documented in bundle/doc.go, and a test there keeps both the
// same.
const (
	codeNone Code = iota

	// Reading a file: Read, its kind and its content.
	CodeEmptyFile
	CodeImageFormatUnsupported
	CodePhotoFormatUnsupported // args: the format, upper case ("HEIC")
	CodeTextTooLarge           // args: the limit in MiB
	CodeImageHeaderUnreadable  // args: the error
	CodeImageTooLarge          // args: width, height, Text of the limit (万 pixels, megapixels)
	CodeImageUndecodable       // args: the error
	CodeScreenshotNoMetadata
	CodePhotoNoCaptureTime
	CodeEXIFUnreadable     // args: the error
	CodeCaptureZoneUnknown // args: the capture time as written
	CodeBillEncrypted
	CodeBillUnreadable        // args: the error
	CodeBillRowsSkipped       // args: the number of rows
	CodeBillEmpty             //
	CodeBillLayoutUnknown     // args: the column names, joined
	CodeBillTxnIDInvalid      // args: line, ID, Text of the problem
	CodeBillTxnIDDateMismatch // args: line, ID, embedded date, row time
	CodeChatUnreadable        // args: the error
	CodeChatZoneUnknown       //
	CodeChatNoTimes           //
	CodeChatTransferAmountMissing
	CodeChatTransfersDropped
	CodeChatMeUnknown
	CodeChatMeInferred // args: the user's name
	CodeChatLinesSkipped
	CodeChatTruncated
	CodeHEIFFileTooLarge       // args: the limit in MiB
	CodeMediaFormatUnsupported // args: the MIME type
	CodeMediaDamaged           // args: Text of the problem
	CodeMediaNoCreationTime    //
	CodeMediaZoneUnknown       // args: the creation time as written
	CodeVideoNoFFmpeg          //
	CodeVideoFramesFailed      // args: the error

	// PDF documents (inspect_pdf.go).
	CodePDFTooLarge              // args: the limit in MiB
	CodePDFOverLimit             // args: the limit's description
	CodePDFEncrypted             //
	CodePDFUnreadable            // args: the reason
	CodePDFRepaired              //
	CodePDFChangedAfterSigning   // args: the signature field, bytes after the signed range
	CodePDFSignatureMismatch     // args: the signature field
	CodePDFStatementUnreadable   // args: the error
	CodePDFStatementRowsSkipped  // args: the number of rows, the pages
	CodePDFStatementTxnIDInvalid // args: page, ID, Text of the problem
	CodePDFStatementTxnIDDate    // args: page, ID, embedded date, row time

	// The case folder (package bundle).
	CodeUnreadable      // args: the error
	CodeFileUnreadable  // args: the error
	CodeSymlinkSkipped  // args: the link's target
	CodeNotRegularFile  //
	CodeNameNotUTF8     // args: the name read as GBK, the name percent-encoded
	CodeNoCaseYAML      //
	CodeNoteWithoutFile // args: the path named in case.yaml
	CodeCaseTimeNoZone  // args: line, transaction ID

	// Checks across the case (package bundle).
	CodeCaptureAfterBuild     // args: capture time, generation time
	CodeCaptureLongBefore     // args: capture time
	CodeTxnIDInvalid          // args: Text of where, ID, Text of the problem
	CodeTxnIDDateInvalid      // args: Text of where, ID, Text of the problem
	CodeTxnIDDateMismatch     // args: Text of where, ID, embedded date, stated time
	CodeTxnNotInBill          // args: ID
	CodeTxnNoBill             // args: ID
	CodeTxnAmountMismatch     // args: ID, Text of where, amount, Text of where, amount
	CodeTxnTimeMismatch       // args: ID, Text of where, time, Text of where, time
	CodeChatTransferNotInBill // args: the transfer's time, Text of its amount
	CodeDossierRedacted

	// Text read from screenshots by OCR (package bundle, ocr.go and
	// crosscheck_ocr.go). None is made when OCR is off.
	CodeOCRUnavailable  // args: the error (it says how to install the engine)
	CodeOCRFailed       // args: the error
	CodeOCRBillMismatch // args: Text of the field, ID, screenshot exhibit, its value, Text of the bill row, its value
	CodeOCRIDNearMatch  // args: the number as read, Text of what was read, the known ID, Text of where it is known
	CodeTxnNotShown     // args: ID

	codeCount
)

// entry is one wording of a finding. zh and en are fmt templates of the
// message taking the call site's values (an explicit index such as %[2]s
// puts them in the order of the language); doZh and doEn say what the user
// can do. The hints are catalogue data only: manifest.json and the dossier
// carry the messages.
type entry struct {
	name       string
	severity   Severity
	zh, en     string
	doZh, doEn string
}

var catalogue = [codeCount]entry{
	CodeEmptyFile: {"empty_file", Error,
		"文件为空（0 字节），没有可供核验的内容。",
		"The file is empty (0 bytes): there is nothing to check.",
		"从手机或电脑重新导出或复制这个文件，确认它有内容后再放入案件文件夹。",
		"Export or copy the file again from the phone or computer, check that it has content, and put it in the case folder again."},
	CodeImageFormatUnsupported: {"image_format_unsupported", Warning,
		"该图片格式无法在卷宗中显示；原件已保存在证据包中。",
		"This image format cannot be shown in the dossier; the original is kept in the bundle.",
		"如需在卷宗中显示，请另存为 PNG 或 JPEG 一并放入案件文件夹，原件保留。",
		"To show it in the dossier, save a PNG or JPEG copy beside it in the case folder and keep the original."},
	CodePhotoFormatUnsupported: {"image_format_unsupported", Warning,
		"%s 格式的照片无法在卷宗中显示；原件已保存在证据包中。",
		"A %s photo cannot be shown in the dossier; the original is kept in the bundle.",
		"如需在卷宗中显示，请在手机上把照片导出为 JPEG（或设置“兼容性最佳”）后一并放入，原件保留。",
		"To show it in the dossier, export the photo from the phone as JPEG (\"Most Compatible\") and add it beside the original."},
	CodeTextTooLarge: {"text_too_large", Info,
		"文本文件超过 %d MiB，未解析内容；原件已保存。",
		"The text file is larger than %d MiB and was not parsed; the original is kept.",
		"如果这是聊天记录或账单，请只导出与本案有关的时间段或会话。",
		"If this is a chat or a bill, export only the period or the conversation the case is about."},
	CodeImageHeaderUnreadable: {"image_unreadable", Error,
		"不是可读取的图片：无法读取图片头（%v）。原件已保存并计算哈希。",
		"Not a readable image: the image header cannot be read (%v). The original is kept and hashed.",
		"从手机相册重新导出这张图片（不要用聊天软件压缩后的副本），替换案件文件夹中的文件。",
		"Export the picture again from the phone's gallery (not a copy a chat app has recompressed) and replace the file in the case folder."},
	CodeImageTooLarge: {"image_too_large", Error,
		"图片头声称尺寸为 %d×%d，超过 %s 万像素的上限，未解码。原件已保存并计算哈希。",
		"The image header claims %d×%d pixels, over the limit of %s megapixels; it was not decoded. The original is kept and hashed.",
		"如果图片确实这么大，请另存一份缩小的副本放入案件文件夹；如果不是，文件可能已损坏，请重新导出。",
		"If the picture really is that large, add a scaled-down copy to the case folder; if not, the file may be damaged: export it again."},
	CodeImageUndecodable: {"image_unreadable", Error,
		"不是可读取的图片：解码失败（%v），文件可能被截断或损坏。原件已保存并计算哈希。",
		"Not a readable image: decoding failed (%v); the file may be truncated or damaged. The original is kept and hashed.",
		"从手机相册重新导出或重新截图，替换案件文件夹中的文件。",
		"Export the picture or take the screenshot again, and replace the file in the case folder."},
	CodeScreenshotNoMetadata: {"no_capture_metadata", Info,
		"截图不含拍摄时间等元数据（PNG 截图通常如此）；时间以文件修改时间和其他证据为准。",
		"The screenshot carries no capture metadata (usual for PNG screenshots); rely on the file time and other evidence.",
		"无需处理；如果截图的时间重要，请在 case.yaml 的说明中写明截图时间，或附上显示时间的截图。",
		"Nothing to do; if the time matters, note it for this item in case.yaml or add a screenshot that shows the time."},
	CodePhotoNoCaptureTime: {"no_capture_metadata", Info,
		"照片不含 EXIF 拍摄时间；时间以文件修改时间和其他证据为准。",
		"The photo carries no EXIF capture time; rely on the file time and other evidence.",
		"如有原始照片（而非聊天软件转发的副本），请用原始照片替换；否则在 case.yaml 的说明中写明拍摄时间。",
		"If you have the original photo (not a copy forwarded by a chat app), use it instead; otherwise note the time for this item in case.yaml."},
	CodeEXIFUnreadable: {"exif_unreadable", Warning,
		"照片的 EXIF 元数据损坏，无法完整读取（%v）。",
		"The photo's EXIF metadata is damaged and could not be read in full (%v).",
		"如有原始照片，请用原始照片替换；照片本身仍可作为证据。",
		"If you have the original photo, use it instead; the picture itself still counts as evidence."},
	CodeCaptureZoneUnknown: {"capture_zone_unknown", Info,
		"EXIF 拍摄时间 %s 未记录时区，按手机本地时间显示（中国大陆手机通常为 UTC+8）。",
		"The EXIF capture time %s has no zone; it is shown as the phone's local time (phones in mainland China usually use UTC+8).",
		"无需处理；如果拍摄时手机不在 UTC+8 时区，请在 case.yaml 的说明中写明。",
		"Nothing to do; if the phone was not on UTC+8 when the photo was taken, say so for this item in case.yaml."},
	CodeBillEncrypted: {"bill_encrypted", Warning,
		"这是加密的压缩包（微信支付账单用 6 位密码加密），无法读取其中的内容；如果是账单，请用 App 中显示的密码解压后再放入案件文件夹。",
		"This is an encrypted archive (WeChat Pay protects bills with a 6-digit password); if it is a bill, unzip it with the password shown in the app and add the bill itself.",
		"用微信支付 App 中显示的 6 位密码解压，把其中的 xlsx 账单放入案件文件夹。",
		"Unzip it with the 6-digit password the WeChat Pay app shows and put the xlsx bill inside in the case folder."},
	CodeBillUnreadable: {"bill_unreadable", Warning,
		"看起来像账单，但无法读取：%v",
		"This looks like a bill export but cannot be read: %v",
		"从微信、支付宝或网银重新导出账单，不要用 Excel 打开后另存。",
		"Export the bill again from WeChat, Alipay or the bank, and do not open and re-save it in Excel."},
	CodeBillRowsSkipped: {"bill_rows_skipped", Warning,
		"账单中有 %d 行无法读取（缺少时间或金额），已跳过。",
		"%d rows of the bill could not be read (no time or amount) and were skipped.",
		"对照原始账单检查被跳过的行；如涉及本案交易，请重新导出账单。",
		"Check the skipped rows against the original bill; if they hold a transaction of the case, export the bill again."},
	CodeBillLayoutUnknown: {"bill_layout_unknown", Warning,
		"看起来像银行流水，但无法识别列：%s。文件已原样封存，但其中的交易未读入。",
		"Looks like a bank statement, but its columns could not be placed: %s. The file is sealed as it is, but its transactions were not read.",
		"从网银或手机银行重新导出 CSV 或 Excel 明细（不要手工编辑表头）；若仍无法识别，请把这家银行的导出格式反馈给我们。",
		"Export the statement again from online or mobile banking as CSV or Excel, without editing its header; if it still cannot be read, report this bank's export format to us."},
	CodeBillEmpty: {"bill_empty", Info,
		"账单中没有交易记录。",
		"The bill holds no transactions.",
		"确认导出的时间段包含被骗的交易，必要时重新导出账单。",
		"Check that the exported period covers the disputed payment; export the bill again if needed."},
	CodeBillTxnIDInvalid: {"txn_id_invalid", Warning,
		"账单第 %d 行的单号 %s 格式无效：%s。",
		"Line %d of the bill: the ID %s is not valid: %s.",
		"对照 App 中的交易详情核对这一行的单号；账单若被编辑过，请重新导出。",
		"Compare the ID of this row with the payment's detail page in the app; if the bill was edited, export it again."},
	CodeBillTxnIDDateMismatch: {"txn_id_date_mismatch", Warning,
		"账单第 %d 行：单号 %s 中的日期 %s 与交易时间 %s 相差超过一天。",
		"Line %[1]d of the bill: the date %[3]s inside ID %[2]s is more than a day from the time %[4]s.",
		"对照 App 中的交易详情核对这一行的单号和时间。",
		"Compare the ID and the time of this row with the payment's detail page in the app."},
	CodeChatUnreadable: {"chat_unreadable", Warning,
		"看起来像聊天记录导出，但无法读取：%v",
		"This looks like a chat export but cannot be read: %v",
		"用导出工具重新导出这段聊天，或附上聊天截图。",
		"Export the chat again with the export tool, or add screenshots of the chat."},
	CodeChatZoneUnknown: {"chat_zone_unknown", Info,
		"聊天记录的时间是导出设备的本地时间，未注明时区（通常为北京时间 UTC+8）。",
		"The chat times are the exporting device's local time without a zone (usually Beijing time, UTC+8).",
		"无需处理；如果导出的电脑或手机不在 UTC+8 时区，请在 case.yaml 的说明中写明。",
		"Nothing to do; if the exporting computer or phone was not on UTC+8, say so for this item in case.yaml."},
	CodeChatNoTimes: {"chat_no_times", Warning,
		"该聊天记录文本不含消息时间，只能看出先后顺序。",
		"This chat text carries no message times, only their order.",
		"用导出工具（如 WeChatMsg、MemoTrace）导出带时间的聊天记录，或附上显示时间的截图。",
		"Export the chat with a tool that keeps the times (WeChatMsg, MemoTrace), or add screenshots that show them."},
	CodeChatTransferAmountMissing: {"chat_transfer_amount_missing", Warning,
		"聊天记录中有转账消息，但导出文件不含金额，请以账单或转账截图为准。",
		"The chat has a transfer message but the export does not carry its amount; rely on the bill or a screenshot of the transfer.",
		"附上转账详情截图或导出账单，以证明转账金额。",
		"Add a screenshot of the transfer's details or the bill export to prove the amount."},
	CodeChatTransfersDropped: {"chat_transfers_dropped", Warning,
		"此格式（WeChatMsg/留痕 TXT）不导出转账和红包消息，聊天中即使有转账也不会出现，请另附 CSV 导出或转账截图。",
		"This format (WeChatMsg TXT) leaves out transfers and red packets; add the CSV export or a screenshot of the transfer.",
		"用同一工具再导出一份 CSV，或附上转账截图。",
		"Export the same chat again as CSV with the same tool, or add a screenshot of the transfer."},
	CodeChatMeUnknown: {"chat_me_unknown", Info,
		"无法从导出文件判断哪一方是本人。",
		"The export does not say which participant is the user.",
		"在 case.yaml 的说明中写明聊天中哪个名字是本人。",
		"Say in case.yaml which name in the chat is the user."},
	CodeChatMeInferred: {"chat_me_inferred", Info,
		"根据会话标题或系统提示推断本人为“%s”。",
		"The user was taken to be \"%s\" from the session title or system notices.",
		"核对推断是否正确；如不正确，请在 case.yaml 的说明中写明哪个名字是本人。",
		"Check that this is right; if not, say in case.yaml which name in the chat is the user."},
	CodeChatLinesSkipped: {"chat_lines_skipped", Warning,
		"有无法识别的记录被跳过。",
		"Some records could not be read and were skipped.",
		"对照原始聊天检查是否缺少与本案有关的消息；必要时重新导出或附上截图。",
		"Check against the original chat that no message of the case is missing; export again or add screenshots if needed."},
	CodeChatTruncated: {"chat_truncated", Warning,
		"聊天记录超过一百万条，其余未读取。",
		"The chat has more than a million messages; the rest were not read.",
		"只导出与本案有关的会话和时间段。",
		"Export only the conversation and the period the case is about."},
	CodeHEIFFileTooLarge: {"image_too_large", Error,
		"HEIF 照片文件超过 %d MiB，未读取其内容，未解码。原件已保存并计算哈希。",
		"The HEIF photo file is larger than %d MiB; its content was not read or decoded. The original is kept and hashed.",
		"如果这确实是一张照片，请在手机上导出为 JPEG 后一并放入案件文件夹，原件保留。",
		"If this really is one photo, export it from the phone as JPEG and add the copy beside the original."},
	CodeMediaFormatUnsupported: {"media_format_unsupported", Info,
		"%s 格式的录音或视频未读取：卷宗中不显示时长、编码和创建时间。原件已原样保存在证据包中，可用播放器打开。",
		"A %s recording or video is not read: its duration, codecs and creation time are not shown. The original is kept in the bundle as it is and opens in a player.",
		"无需处理；如需显示时长和时间，请另存一份 M4A、MP3、WAV 或 MP4 格式的副本一并放入，原件保留。",
		"Nothing to do; to show the duration and time, add a copy saved as M4A, MP3, WAV or MP4 beside the original."},
	CodeMediaDamaged: {"media_damaged", Warning,
		"录音或视频的文件结构有问题：%s 原件已原样保存。",
		"The recording's file structure has a problem: %s The original is kept as it is.",
		"用播放器打开原件确认能否完整播放；如不能，请从手机或聊天软件重新导出原始文件。",
		"Open the original in a player to check that it plays to the end; if not, export the original file again from the phone or chat app."},
	CodeMediaNoCreationTime: {"no_capture_metadata", Info,
		"录音或视频文件未记录创建时间；时间以文件修改时间和其他证据为准。",
		"The recording or video records no creation time; rely on the file time and other evidence.",
		"如有手机上的原始文件（而非转发或转换后的副本），请用原始文件替换；否则在 case.yaml 的说明中写明录制时间。",
		"If you have the original file from the phone (not a forwarded or converted copy), use it instead; otherwise note the recording time for this item in case.yaml."},
	CodeMediaZoneUnknown: {"capture_zone_unknown", Info,
		"文件记录的创建时间 %s 未注明时区，按设备本地时间显示（中国大陆手机通常为 UTC+8）。",
		"The creation time %s in the file has no zone; it is shown as the device's local time (phones in mainland China usually use UTC+8).",
		"无需处理；如果录制时设备不在 UTC+8 时区，请在 case.yaml 的说明中写明。",
		"Nothing to do; if the device was not on UTC+8 when recording, say so for this item in case.yaml."},
	CodeVideoNoFFmpeg: {"video_frames_unavailable", Info,
		"未找到 ffmpeg，卷宗中没有这段视频的截图；视频原件已原样保存在证据包的 data/ 中，可用播放器查看。",
		"ffmpeg was not found, so the dossier shows no frames of this video; the video itself is kept unchanged in the bundle's data/ and plays in any player.",
		"安装 ffmpeg 后重新生成：apt-get install ffmpeg（Debian、Ubuntu）或 brew install ffmpeg（macOS）；也可用 --ffmpeg 或环境变量 CASEBUNDLE_FFMPEG 指定其路径。",
		"Install ffmpeg and build again: apt-get install ffmpeg (Debian, Ubuntu) or brew install ffmpeg (macOS); or point --ffmpeg or CASEBUNDLE_FFMPEG at it."},
	CodeVideoFramesFailed: {"video_frames_failed", Warning,
		"ffmpeg 未能从这段视频截取画面（%v）；卷宗中没有截图，视频原件已原样保存在 data/ 中。",
		"ffmpeg could not take frames from this video (%v); the dossier shows none, and the video itself is kept unchanged in data/.",
		"用播放器打开原件确认能否播放；如不能，请从手机重新导出视频。",
		"Open the original in a player to check that it plays; if not, export the video from the phone again."},

	CodePDFTooLarge: {"pdf_too_large", Warning,
		"PDF 文件超过 %d MiB，未读取其内容，卷宗中不显示其页面；原件已保存在证据包的 data/ 中并计算哈希。",
		"The PDF is larger than %d MiB: its content was not read and its pages are not shown; the original is kept in the bundle's data/ and hashed.",
		"如果这是账单或流水，请只导出与本案有关的时间段，另存为较小的 PDF 一并放入，原件保留。",
		"If this is a statement, export only the period the case is about as a smaller PDF and add it beside the original."},
	CodePDFOverLimit: {"pdf_too_large", Warning,
		"PDF 超出读取上限（%s），未读取其内容，卷宗中不显示其页面；原件已保存在证据包的 data/ 中并计算哈希。",
		"The PDF exceeds a reading limit (%s): its content was not read and its pages are not shown; the original is kept in the bundle's data/ and hashed.",
		"用查看器打开并“打印为 PDF”另存一份一并放入，原件保留；如果打不开，文件可能已损坏，请重新下载。",
		"Open it in a viewer and save a copy with \"Print to PDF\" beside the original; if it does not open, the file may be damaged: download it again."},
	CodePDFEncrypted: {"pdf_encrypted", Warning,
		"PDF 设有打开密码，无法读取其内容，卷宗中不显示其页面；原件已保存在证据包的 data/ 中并计算哈希。",
		"The PDF needs a password to open: its content cannot be read and its pages are not shown; the original is kept in the bundle's data/ and hashed.",
		"用密码打开后“打印为 PDF”另存一份不加密的副本一并放入，原件保留；银行流水的密码通常在短信或邮件中。",
		"Open it with its password and save an unencrypted copy with \"Print to PDF\" beside the original; a bank usually sends the password by SMS or e-mail."},
	CodePDFUnreadable: {"pdf_unreadable", Error,
		"不是可读取的 PDF（%s），卷宗中不显示其页面；原件已保存在证据包的 data/ 中并计算哈希。",
		"Not a readable PDF (%s): its pages are not shown; the original is kept in the bundle's data/ and hashed.",
		"从 App、网银或邮件中重新下载这个 PDF，替换案件文件夹中的文件。",
		"Download the PDF again from the app, the bank or the e-mail, and replace the file in the case folder."},
	CodePDFRepaired: {"pdf_repaired", Info,
		"PDF 的交叉引用表有误，已按查看器的做法逐个查找对象读取；内容可能不完整。",
		"The PDF's cross-reference table is wrong; its objects were found by scanning, as viewers do, and may be incomplete.",
		"无需处理；如有原始下载的文件，请用它替换。",
		"Nothing to do; if you have the file as first downloaded, use it instead."},
	CodePDFChangedAfterSigning: {"pdf_changed_after_signing", Warning,
		"签名 %s 签署的字节范围没有覆盖整个文件：签署后文件又被追加或修改了 %d 字节，这部分内容不在签名范围内。",
		"Signature %s does not cover the whole file: %d bytes were appended or changed after signing and are not covered by it.",
		"向出具方重新获取原始签名文件；如果追加的是另一个签名或批注，请说明其来源。",
		"Get the signed file again from its issuer; if what was appended is another signature or a note, say where it came from."},
	CodePDFSignatureMismatch: {"pdf_signature_mismatch", Warning,
		"签名 %s 所签署的摘要与文件中相应字节的摘要不一致：签名范围内的内容在签署后被改动过。",
		"The digest signed by signature %s does not match the bytes it covers: content inside the signed range was changed after signing.",
		"向出具方重新获取原始签名文件，不要使用经过编辑或转存的副本。",
		"Get the signed file again from its issuer; do not use a copy that was edited or re-saved."},
	CodePDFStatementUnreadable: {"pdf_statement_unreadable", Warning,
		"这份 PDF 看起来是交易流水，但无法读取其中的表格（%v）；页面仍显示在卷宗中。",
		"This PDF looks like a statement, but its table cannot be read (%v); its pages are still shown in the dossier.",
		"从 App 或网银重新申请或下载流水 PDF；也可另附账单导出文件（CSV 或 xlsx）。",
		"Request or download the statement PDF again; a bill export (CSV or xlsx) can be added as well."},
	CodePDFStatementRowsSkipped: {"bill_rows_skipped", Warning,
		"流水中有 %d 行无法读取（缺少时间或金额），已跳过；所在页：%s。",
		"%d rows of the statement could not be read (no time or amount) and were skipped; on page(s) %s.",
		"对照 PDF 页面检查被跳过的行；如涉及本案交易，请在 case.yaml 中写明。",
		"Check the skipped rows against the PDF's pages; if they hold a transaction of the case, note it in case.yaml."},
	CodePDFStatementTxnIDInvalid: {"txn_id_invalid", Warning,
		"流水第 %d 页的单号 %s 格式无效：%s。",
		"Page %d of the statement: the ID %s is not valid: %s.",
		"对照 App 中的交易详情核对这一行的单号；流水若被编辑过，请重新下载。",
		"Compare the ID of this row with the payment's detail page in the app; if the statement was edited, download it again."},
	CodePDFStatementTxnIDDate: {"txn_id_date_mismatch", Warning,
		"流水第 %d 页：单号 %s 中的日期 %s 与交易时间 %s 相差超过一天。",
		"Page %[1]d of the statement: the date %[3]s inside ID %[2]s is more than a day from the time %[4]s.",
		"对照 App 中的交易详情核对这一行的单号和时间。",
		"Compare the ID and the time of this row with the payment's detail page in the app."},

	CodeUnreadable: {"unreadable", Error,
		"无法读取：%v",
		"cannot be read: %v",
		"检查文件或文件夹的权限（或是否仍在同步），再运行一次。",
		"Check the permissions of the file or folder (or whether it is still syncing) and run again."},
	CodeFileUnreadable: {"unreadable", Error,
		"无法读取此文件：%v；它没有放入证据包。",
		"This file cannot be read: %v; it is not in the bundle.",
		"检查文件的权限（或是否仍在下载、同步），再运行一次。",
		"Check the file's permissions (or whether it is still downloading or syncing) and run again."},
	CodeSymlinkSkipped: {"symlink_skipped", Warning,
		"这是指向 %s 的符号链接，未跟随，也未复制其目标；请把文件本身放入案件文件夹。",
		"This is a symbolic link to %s; it was not followed and its target was not copied. Put the file itself in the case folder.",
		"把链接指向的文件本身复制到案件文件夹中，替换这个链接。",
		"Copy the file the link points to into the case folder in place of the link."},
	CodeNotRegularFile: {"not_regular_file", Warning,
		"不是普通文件（管道、设备或套接字），未打开读取。",
		"Not a regular file (a pipe, device or socket); it was not opened.",
		"从案件文件夹中移除它，只放入普通文件。",
		"Remove it from the case folder; put only ordinary files there."},
	CodeNameNotUTF8: {"name_not_utf8", Warning,
		"文件名不是 UTF-8 编码（可能来自旧版 Windows 压缩包的 GBK 编码），按 GBK 解读为「%s」；证据包中保留原始字节，按字节写作 %s。",
		"The file name is not UTF-8 (perhaps GBK from an old Windows zip); read as GBK it is \"%s\". The bundle keeps the exact bytes, percent-encoded: %s.",
		"把文件重命名为可读的名称（或用支持 UTF-8 的工具重新解压），再运行一次。",
		"Rename the file to a readable name (or unzip again with a tool that writes UTF-8 names) and run again."},
	CodeNoCaseYAML: {"no_case_yaml", Warning,
		"案件文件夹中没有 case.yaml：案件事实（当事人、交易、案情）为空。运行 casebundle init 生成模板后填写。",
		"The case folder has no case.yaml: the facts (parties, transactions, narrative) are blank. Run casebundle init to write a template and fill it in.",
		"运行 casebundle init 生成 case.yaml，填写当事人、交易和案情后再运行 build。",
		"Run casebundle init, fill in the parties, transactions and narrative of case.yaml, and build again."},
	CodeNoteWithoutFile: {"note_without_file", Warning,
		"case.yaml 的 items 中写了 %s，但案件文件夹中没有这个文件。",
		"case.yaml lists %s under items, but the case folder has no such file.",
		"把这个文件放入案件文件夹，或改正 case.yaml 中的路径。",
		"Put the file in the case folder, or correct its path in case.yaml."},
	CodeCaseTimeNoZone: {"case_time_no_zone", Info,
		"case.yaml 第 %d 行交易 %s 的时间未写时区，按北京时间（UTC+8）理解。",
		"case.yaml line %d: the time of transaction %s has no zone; it is read as Beijing time (UTC+8).",
		"无需处理；如果不是北京时间，请在时间后写明时区，例如 +08:00。",
		"Nothing to do; if it is not Beijing time, write the zone after the time, e.g. +08:00."},

	CodeCaptureAfterBuild: {"capture_after_build", Warning,
		"拍摄时间 %s 晚于卷宗生成时间 %s：手机时钟可能有误，或元数据被改动。",
		"The capture time %s is later than the dossier's generation time %s: the phone's clock may be wrong, or the metadata was changed.",
		"检查手机的日期和时间设置；如能说明原因，请在 case.yaml 的说明中写明。",
		"Check the phone's date and time settings; if you know the reason, note it for this item in case.yaml."},
	CodeCaptureLongBefore: {"capture_long_before", Warning,
		"拍摄时间 %s 比案件第一笔交易早两年以上，请确认这份材料与本案有关。",
		"The capture time %s is more than two years before the case's first transaction; check that this item belongs to the case.",
		"确认这份材料属于本案；如不属于，请从案件文件夹中移除。",
		"Check that this item belongs to the case; if not, remove it from the case folder."},
	CodeTxnIDInvalid: {"txn_id_invalid", Error,
		"%s：交易单号 %s 格式无效：%s。请从支付详情页重新复制单号。",
		"%s: transaction ID %s is not valid: %s. Copy the ID again from the payment's detail page.",
		"在微信或支付宝的交易详情页长按复制单号，粘贴到 case.yaml。",
		"Copy the ID from the payment's detail page in WeChat or Alipay (long press) and paste it into case.yaml."},
	CodeTxnIDDateInvalid: {"txn_id_date_invalid", Warning,
		"%s：交易单号 %s：%s。",
		"%s: transaction ID %s: %s.",
		"对照交易详情页核对 case.yaml 中的单号。",
		"Compare the ID in case.yaml with the payment's detail page."},
	CodeTxnIDDateMismatch: {"txn_id_date_mismatch", Warning,
		"%s：交易单号 %s 中的日期 %s 与所写交易时间 %s 相差超过一天。",
		"%[1]s: the date %[3]s inside transaction ID %[2]s is more than a day from the stated time %[4]s.",
		"对照交易详情页核对 case.yaml 中这笔交易的单号和时间。",
		"Compare the ID and the time of this transaction in case.yaml with the payment's detail page."},
	CodeTxnNotInBill: {"txn_not_in_bill", Warning,
		"case.yaml 中的交易 %s 不在案件的任何账单中：请核对单号，或补充包含这笔交易的账单。",
		"Transaction %s of case.yaml is in none of the case's bills: check the ID, or add the bill that holds it.",
		"核对单号；或导出包含这笔交易时间段的账单放入案件文件夹。",
		"Check the ID, or export a bill whose period holds the transaction and add it to the case folder."},
	CodeTxnNoBill: {"txn_no_bill", Info,
		"案件中没有账单可核对交易 %s；建议导出微信/支付宝账单或银行流水一并提交。",
		"The case has no bill to check transaction %s against; add the WeChat/Alipay bill or bank statement.",
		"在微信支付或支付宝中申请导出账单，或从网银导出流水，放入案件文件夹。",
		"Request the bill export in WeChat Pay or Alipay, or export the statement from online banking, and add it to the case folder."},
	CodeTxnAmountMismatch: {"txn_amount_mismatch", Warning,
		"交易 %s 的金额不一致：%s 写 %s 元，%s 写 %s 元。",
		"Transaction %s has two amounts: %s says %s yuan, %s says %s yuan.",
		"以账单为准改正 case.yaml 中的金额，或说明差异的原因。",
		"Correct the amount in case.yaml after the bill, or explain the difference."},
	CodeTxnTimeMismatch: {"txn_time_mismatch", Warning,
		"交易 %s 的时间不一致：%s 写 %s，%s 写 %s。",
		"Transaction %s has two times: %s says %s, %s says %s.",
		"以账单为准改正 case.yaml 中的时间（注意时区），或说明差异的原因。",
		"Correct the time in case.yaml after the bill (mind the zone), or explain the difference."},
	CodeChatTransferNotInBill: {"chat_transfer_not_in_bill", Warning,
		"聊天中 %s 的转账（%s）在账单中找不到对应记录（时间相差 10 分钟内、金额相同）。",
		"The chat's transfer at %s (%s) has no matching bill row (within ten minutes, same amount).",
		"确认账单覆盖这笔转账的时间和付款账户；转账可能来自另一个账户或已退回。",
		"Check that a bill covers the transfer's time and the paying account; it may have come from another account or been returned."},
	CodeDossierRedacted: {"dossier_redacted", Info,
		"本卷宗已脱敏：申请人的身份证号、手机号、银行卡号及文字中同类号码已部分隐去；截图和照片按原样显示，原件未改动。",
		"This dossier is redacted: the claimant's ID-card, phone and bank-card numbers, and numbers of those kinds in the text, are partly hidden; screenshots and photos are shown as they are, and the originals are unchanged.",
		"无需处理；提交给需要完整信息的机关时，请生成未脱敏的卷宗。",
		"Nothing to do; for an authority that needs the full numbers, build the dossier without redaction."},

	CodeOCRUnavailable: {"ocr_unavailable", Info,
		"未能使用文字识别引擎，截图中的文字没有识别，卷宗中的截图不能搜索：%v",
		"The OCR engine cannot be used, so the text in the screenshots was not read and cannot be searched in the dossier: %v",
		"安装 Tesseract 与简体中文语言包（Debian/Ubuntu：sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim；macOS：brew install tesseract tesseract-lang），或用 --tesseract 或环境变量 CASEBUNDLE_TESSERACT 指定其路径，再运行一次；不需要识别时用 --ocr off。",
		"Install Tesseract with Simplified Chinese (Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim; macOS: brew install tesseract tesseract-lang), or point --tesseract or CASEBUNDLE_TESSERACT at it, and run again; --ocr off skips the reading."},
	CodeOCRFailed: {"ocr_failed", Warning,
		"识别这张截图中的文字失败（%v）；截图本身仍是证据，已原样保存。",
		"Reading the text of this screenshot failed (%v); the screenshot itself is still evidence and is kept as it is.",
		"再运行一次；如仍失败，请检查 Tesseract 能否单独读取这张图片（tesseract 文件名 stdout -l chi_sim+eng）。",
		"Run again; if it fails again, check that Tesseract reads the picture on its own (tesseract FILE stdout -l chi_sim+eng)."},
	CodeOCRBillMismatch: {"ocr_bill_mismatch", Warning,
		"截图与账单不符：交易 %[2]s 的%[1]s，证据 %[3]d（截图，机器识别）显示 %[4]s，%[5]s 为 %[6]s。截图可能被修改过，或显示的是另一笔付款。",
		"The screenshot and the bill disagree: for transaction %[2]s, exhibit %[3]d (a screenshot, read by machine) shows the %[1]s %[4]s, %[5]s has %[6]s. The screenshot may be edited, or show another payment.",
		"对照手机上的原始页面和账单核对；先用眼睛看截图（机器识别可能有误）。如截图是别人发来的，请向付款方索取账单或交易详情。",
		"Compare the original page on the phone with the bill; look at the screenshot first (the machine may have misread it). If someone else sent the screenshot, ask the payer for the bill or the payment's detail page."},
	CodeOCRIDNearMatch: {"ocr_id_near_match", Info,
		"截图中识别出%[2]s %[1]s（识别把握不大或格式不符），与%[4]s的 %[3]s 只差一个字符：很可能就是 %[3]s，请人工核对截图。未作关联。",
		"The screenshot reads %[2]s %[1]s (read with low confidence, or not of its form), one character from %[3]s of %[4]s: probably %[3]s, check by eye. It is not linked.",
		"看一眼截图上的单号，与已知单号逐位核对；一致时可在 case.yaml 的说明中写明。",
		"Look at the number on the screenshot and compare it digit by digit with the known ID; if they are the same, say so for this item in case.yaml."},
	CodeTxnNotShown: {"txn_not_shown", Info,
		"case.yaml 中的交易 %s 没有任何截图或账单显示。",
		"Transaction %s of case.yaml is shown by no screenshot or bill of the case.",
		"补充这笔交易的详情页截图（显示交易单号）或包含它的账单。",
		"Add a screenshot of the payment's detail page (showing its transaction ID) or a bill that holds it."},
}

// Text is a value worded in each language, for a message that names it:
// where a value was seen ("case.yaml 第 3 行" / "case.yaml line 3"), why an
// ID is invalid. A Text argument is formatted as its Zh in the Chinese
// message and as its En in the English one.
type Text struct{ Zh, En string }

// NewFinding words the finding c about file with the values args, in the
// order of the catalogue's Chinese message.
func NewFinding(c Code, file string, args ...any) Finding {
	e := c.entry()
	return Finding{Code: e.name, Severity: e.severity, File: file,
		MessageZh: fmt.Sprintf(e.zh, inLang(args, false)...),
		MessageEn: fmt.Sprintf(e.en, inLang(args, true)...)}
}

// Add appends the finding c, about the item's file, to the item.
func (it *Item) Add(c Code, args ...any) {
	it.Findings = append(it.Findings, NewFinding(c, it.Path, args...))
}

func inLang(args []any, en bool) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			a = t.Zh
			if en {
				a = t.En
			}
		}
		out[i] = a
	}
	return out
}

func (c Code) entry() entry {
	if c <= codeNone || c >= codeCount {
		panic(fmt.Sprintf("evidence: finding code %d is not in the catalogue", int(c)))
	}
	return catalogue[c]
}

// Name is the code manifest.json writes, e.g. "empty_file".
func (c Code) Name() string { return c.entry().name }

// Severity is the finding's severity.
func (c Code) Severity() Severity { return c.entry().severity }

// Messages returns the fmt templates of the Chinese and the English
// message.
func (c Code) Messages() (zh, en string) { e := c.entry(); return e.zh, e.en }

// Hint says what the user can do about the finding, in Chinese and in
// English.
func (c Code) Hint() (zh, en string) { e := c.entry(); return e.doZh, e.doEn }

// Codes returns every code of the catalogue, in the catalogue's order.
func Codes() []Code {
	cs := make([]Code, 0, codeCount-1)
	for c := codeNone + 1; c < codeCount; c++ {
		cs = append(cs, c)
	}
	return cs
}

// Names returns the distinct codes manifest.json can hold, sorted, each
// with the severities its wordings have (least serious first).
func Names() []NameInfo {
	byName := map[string]map[Severity]bool{}
	for _, c := range Codes() {
		e := c.entry()
		if byName[e.name] == nil {
			byName[e.name] = map[Severity]bool{}
		}
		byName[e.name][e.severity] = true
	}
	var out []NameInfo
	for name, sevs := range byName {
		ni := NameInfo{Name: name}
		for _, s := range []Severity{Info, Warning, Error} {
			if sevs[s] {
				ni.Severities = append(ni.Severities, s)
			}
		}
		out = append(out, ni)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// NameInfo is one code of manifest.json and its severities.
type NameInfo struct {
	Name       string
	Severities []Severity
}
