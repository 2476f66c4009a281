// Package bundle knows a case: it reads case.yaml, reads every evidence
// file once through package evidence, cross-checks the facts, and seals the
// result into a BagIt bundle with a PDF dossier (drawn by package
// templates). It also verifies bundles, its own and other tools' bags.
//
// It also drafts a case from its evidence (draft.go): Draft proposes the
// facts an Analysis shows, each value with the file it was read from;
// CaseDraft.CaseYAML writes them into init's commented template (init
// --from, InitFrom), CaseDraft.Missing and PasteYAML give what an
// existing case.yaml lacks (check), and the serve page offers the same.
// The rules are in docs/design.md §3a.
//
// # The bundle (BagIt 1.0, RFC 8493)
//
//	OUT/
//	  bagit.txt               "BagIt-Version: 1.0" and "Tag-File-Character-Encoding: UTF-8"
//	  bag-info.txt            Bagging-Date (YYYY-MM-DD of the run's clock), Payload-Oxum
//	                          ("<bytes>.<files>" of data/), Bag-Software-Agent ("casebundle
//	                          <version>"), External-Identifier (the case ID), External-Description
//	                          (the case title, when there is one)
//	  manifest-sha256.txt     "<sha256>  data/<path>\n" for every payload file, sorted by path;
//	                          CR, LF and % in a path are percent-encoded (%0D, %0A, %25)
//	  tagmanifest-sha256.txt  the same for bag-info.txt, bagit.txt, every dossier volume,
//	                          manifest-sha256.txt, manifest.json and timestamp.tsr (when present)
//	  manifest.json           see below
//	  dossier.pdf             the dossier (volume 1: front matter, index with volume and page,
//	                          checklist, the first exhibits, appendix)
//	  dossier-2.pdf, …        the following exhibits, when the dossier is larger than
//	                          Options.VolumeSize (default 50 MB = 50,000,000 bytes)
//	  timestamp.tsr           RFC 3161 TimeStampResp (DER) over the SHA-256 of
//	                          manifest-sha256.txt, with --tsa
//	  data/                   case.yaml and every evidence file, byte for byte, same relative paths
//
// A bundle is written into a temporary folder ".OUT.tmp-*" beside OUT and
// renamed into place (RENAME_NOREPLACE on Linux) when complete: OUT holds a
// whole bundle or nothing, and an existing OUT is never replaced. The case
// folder is only read.
//
// # manifest.json
//
// One JSON document, UTF-8, two-space indented, keys in this order (the
// struct order of Manifest). Times are RFC 3339 in UTC ("2025-11-03T06:05:00Z")
// except a capture time whose zone the device did not record, written as the
// device's wall clock without a zone ("2025-11-03T14:20:01") with meta
// capture_zone "unknown". Amounts are strings with two decimals ("5000.00"),
// exact, never floats.
//
//	format            "casebundle/1"; a reader must check it
//	case              id ("CB-<yyyymmdd>-<first 8 hex of manifest_sha256>"), title, purpose
//	                  (complaint|police|civil), lang (zh|en), platform, complaint_type,
//	                  claimant and respondent {name, id_number, phone, wechat_id, account}
//	generated         the run's one clock (--time, SOURCE_DATE_EPOCH or now)
//	software          "casebundle <version>"
//	manifest_sha256   hex SHA-256 of manifest-sha256.txt: what the timestamp covers
//	timestamp         null, or {tsa, gen_time, serial, policy, hash_algorithm}
//	dossier           {volumes: ["dossier.pdf", …], pages: [pages per volume], redacted}
//	ocr               only when screenshots were read (--ocr on, or auto with the engine
//	                  installed; absent otherwise, so other bundles are unchanged): the engine
//	                  that read them, {engine ("tesseract"), version ("5.3.0"), languages[]
//	                  (the engine's, sorted), settings {passes[] {lang, psm, contrast}, grayscale,
//	                  flatten_colour, invert_dark, dark_below, max_width, omp_thread_limit}}
//	items[]           exhibit (1..n as printed in the dossier), volume, pages [first, last]
//	                  in that volume, path ("data/…"; "" for a file that could not be read),
//	                  sha256, size, mime, kind (image|chat|bill|pdf|document|audio|video|other),
//	                  title, proves, source, times {modified, captured, ingested}, meta, ocr,
//	                  findings[]
//	  meta            images: format, width, height, bit_depth, interlaced, alpha,
//	                  orientation, camera, gps {lat, lon}, capture_zone; HEIF photos (format
//	                  heic, heif or avif) also images, the number of images the file holds
//	                  when more than one (the dossier shows the primary one), and orientation
//	                  is the file's irot/imir, which the decoder applies; text: encoding, lines;
//	                  chats: messages, participants, first, last; bills: rows, provider,
//	                  period ("YYYY-MM-DD/YYYY-MM-DD"); audio and video: format (the
//	                  container: mp4, mov, 3gp, m4a, mp3, aac, amr, amr-wb, wav, ogg, silk),
//	                  duration_ms (the playing time in whole milliseconds, an integer rounded
//	                  down; absent when the file does not say), codecs[] (one per track:
//	                  "avc1", "mp4a", "mp3", "opus", …), sample_rate (Hz), channels, camera
//	                  (make and model), gps, capture_zone, time_source (where the creation time
//	                  in times.captured comes from: "quicktime", the creation date an iPhone
//	                  writes with its zone; "mvhd", the movie header, UTC, rewritten by every
//	                  export; "udta", ©day); video also width, height (coded, before
//	                  rotation), frame_rate (average, "29.97"), rotation (degrees clockwise a
//	                  player turns it); empty fields are left out. What is said in a recording
//	                  is not transcribed
//	                  PDFs: pages, pdf_version, producer, creator, created (RFC 3339 UTC, or
//	                  the clock as written with created_zone "unknown"), encrypted (opened
//	                  with an empty password), repaired, revisions, signatures[] {field,
//	                  name (the dictionary's /Name), signer (certificate subject CN), issuer,
//	                  signing_time, covers_whole_file, bytes_after, digest_matches,
//	                  signature_matches_key, chain_checked (always false: no certificate
//	                  chain, trust list or revocation is checked, so no signature is called
//	                  valid)}; a statement whose table was read: statement (its title),
//	                  statement_issuer (wechat|alipay|cmb|icbc|boc|ccb), third_party (true:
//	                  issued by a platform or bank, 民事证据规定 第94条), and the bill fields
//	                  rows, provider (wechat|alipay|bank), period
//	  ocr             only on a phone screenshot the engine read (PNG, JPEG or WebP,
//	                  portrait, 600 to 1600 pixels wide; absent otherwise): page_kind
//	                  (wechat_transfer, wechat_bill_detail, alipay_bill_detail, bank_transfer,
//	                  chat, other) and fields[] in a fixed order (transfer_id, transaction_id,
//	                  order_id, merchant_order_id, serial, amount, time, time_received,
//	                  counterparty, method, card_tail), each {name, label (as read; "" when
//	                  found without one), value (an ID without spaces, an amount "-5000.00"
//	                  with its sign as shown, a time "2025-11-03 14:05:12" as the phone
//	                  showed it, zone unknown), confidence (0-100, the lowest of its words),
//	                  box [x, y, w, h] (pixels of the image), form (valid|invalid|unknown for
//	                  a transaction number, "" for the other fields)}. A machine's reading:
//	                  a screenshot is listed under transactions[].exhibits only when one of
//	                  its IDs of form valid or unknown equals a known ID exactly
//	transactions[]    every transaction ID seen in case.yaml and the bills: id, platform,
//	                  form (valid|invalid|unknown), time, amount, currency ("CNY"),
//	                  direction (out|in|""), counterparty, disputed, sources[] ("case.yaml",
//	                  "data/…"), exhibits[] (where the ID was seen, screenshots whose ID was
//	                  read exactly included), statement_pages[]
//	                  {exhibit, page} (the page of a PDF statement each row with the ID
//	                  is on; left out when none), findings[]
//	checklist[]       material (zh), material_en, required, present, exhibits[]
//	totals            loss (sum of disputed outgoing amounts of case.yaml), currency
//	findings[]        case-level findings; each finding anywhere is
//	                  {code, severity (info|warning|error), file, message_zh, message_en}
//	papers[]          only with build --papers (absent otherwise): every file of
//	                  the papers to file, {name (the paper's title), file
//	                  ("papers/…"), sha256}, in the order they are written
//
// # Finding codes
//
// The codes of findings[] in manifest.json, with their severity and what
// they mean. The list is stable: a code keeps its name and meaning, and a
// new code is added here and to the catalogue of evidence/findings.go,
// which holds each code's words in both languages and what the user can do
// (TestFindingCodesDocumented keeps the two the same).
//
//	bill_empty                    info           a bill export holds no transactions
//	bill_encrypted                warning        a password-protected zip (how WeChat Pay sends bills): not read
//	bill_layout_unknown           warning        a table that looks like a bank statement whose columns no layout places
//	bill_rows_skipped             warning        rows of a bill or PDF statement without a readable time or amount were skipped
//	bill_unreadable               warning        a file that looks like a bill export could not be read
//	capture_after_build           warning        a capture time later than the dossier's generation time
//	capture_long_before           warning        a capture time more than two years before the first transaction
//	capture_zone_unknown          info           a photo's EXIF time, or a recording's creation time, has no zone: shown as the device's local time
//	case_time_no_zone             info           a case.yaml transaction time without a zone, read as UTC+8
//	chat_lines_skipped            warning        records of a chat export could not be read and were skipped
//	chat_me_inferred              info           which participant is the user was deduced, not read
//	chat_me_unknown               info           the chat export does not say which participant is the user
//	chat_no_times                 warning        the chat text has no message times, only their order
//	chat_transfer_amount_missing  warning        a chat transfer whose amount the export does not carry
//	chat_transfer_not_in_bill     warning        a chat transfer with no bill row within ten minutes and of the same amount
//	chat_transfers_dropped        warning        the chat format leaves out transfers and red packets
//	chat_truncated                warning        a chat of more than a million messages: the rest were not read
//	chat_unreadable               warning        a file that looks like a chat export could not be read
//	chat_zone_unknown             info           chat times are the exporting device's local time without a zone
//	dossier_redacted              info           the dossier masks the claimant's personal numbers
//	empty_file                    error          the file is empty (0 bytes)
//	exif_unreadable               warning        a photo's EXIF metadata is damaged
//	image_format_unsupported      warning        an image format the dossier cannot show (AVIF, …); the original is kept
//	image_too_large               error          an image header claims more pixels than the limit (or a HEIF file is over 64 MiB); not decoded
//	image_unreadable              error          an image whose header cannot be read or that does not decode
//	media_damaged                 warning        a recording's or video's container is damaged (a box size that lies, cut short)
//	media_format_unsupported      info           a recording or video format that is not read (kept, no duration or time)
//	name_not_utf8                 warning        a file name that is not UTF-8 (GBK from an old zip)
//	no_capture_metadata           info           a screenshot, photo, recording or video without a capture or creation time
//	no_case_yaml                  warning        the case folder has no case.yaml
//	not_regular_file              warning        a pipe, device or socket in the case folder: not opened
//	note_without_file             warning        case.yaml names an item the case folder does not have
//	ocr_bill_mismatch             warning        a screenshot shows a bill row's ID with another amount, time or payee: maybe edited
//	ocr_failed                    warning        the OCR engine failed on a screenshot
//	ocr_id_near_match             info           a number read unsurely is one character from a known ID: "probably …", never linked
//	ocr_unavailable               info           --ocr auto without a usable Tesseract: screenshots not read (says how to install it)
//	pdf_changed_after_signing     warning        a PDF signature's byte range does not reach the end: bytes appended or changed after signing
//	pdf_encrypted                 warning        a PDF that needs a password: not read, pages not shown; the original is sealed
//	pdf_repaired                  info           a PDF's cross-reference table is wrong: objects found by scanning
//	pdf_signature_mismatch        warning        the digest a PDF signature signed does not match the bytes it covers
//	pdf_statement_unreadable      warning        a PDF that looks like a statement whose table cannot be read
//	pdf_too_large                 warning        a PDF over the size or a reading limit: kept and hashed, not read
//	pdf_unreadable                error          a file that is not a readable PDF: pages not shown; the original is sealed
//	symlink_skipped               warning        a symbolic link in the case folder: not followed
//	text_too_large                info           a text file over the parsing limit: kept, not parsed
//	txn_amount_mismatch           warning        two sources give one transaction ID different amounts
//	txn_id_date_invalid           warning        the date inside a case.yaml transaction ID is not a calendar date
//	txn_id_date_mismatch          warning        the date inside a transaction ID is more than a day from its time
//	txn_id_invalid                warning,error  a transaction ID not of its platform's form (error in case.yaml, warning in a bill)
//	txn_no_bill                   info           the case has no bill to check a transaction against
//	txn_not_in_bill               warning        a case.yaml transaction is in none of the case's bills
//	txn_not_shown                 info           with OCR: a case.yaml transaction that no screenshot or bill shows
//	txn_time_mismatch             warning        two sources give one transaction ID different times
//	unreadable                    error          a file or folder of the case could not be read
//	video_frames_failed           warning        ffmpeg could not take a video's frames; the dossier shows none
//	video_frames_unavailable      info           ffmpeg is not installed: the dossier shows no frames of a video
//
// Exhibit numbers follow the order of the keys under items: in case.yaml,
// then the other files by path. Findings never stop a build; an error
// finding makes build exit 1.
//
// # Batches and shards
//
// Batch builds every direct subfolder of a root into OUTROOT/<name>.bundle.
// With a Shard K/N it builds only the cases whose name ShardOf puts in
// shard K, so N workers split one root with no coordination. Every batch
// writes its Summary to OUTROOT/.casebundle/shard-K-of-N.json (the whole
// batch is shard 0 of 1) by temp + rename, and ReadReport merges the
// summaries and bundles of one OUTROOT. docs/scale.md has the formats.
package bundle
