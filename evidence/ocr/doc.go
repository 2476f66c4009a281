// Package ocr reads phone screenshots of payment pages and chats: it runs
// Tesseract, rebuilds the text lines, says what kind of page it is and
// finds the fields a case needs (transaction numbers, amount, time,
// counterparty, payment method), each with its confidence and its box.
//
// It is a leaf package: it imports nothing of casebundle but internal/money,
// and knows nothing of items, bundles or PDFs. The build integrates it.
//
// # Engine
//
// Tesseract 4 or later (5 recommended) with the chi_sim and eng language
// data runs as an external program, so the casebundle binary stays pure Go.
// Find locates it (an explicit path for a --tesseract flag, else
// $CASEBUNDLE_TESSERACT, else PATH) and checks its version and languages:
//
//	e, err := ocr.Find(opts.Tesseract)
//	switch {
//	case errors.Is(err, ocr.ErrNotInstalled): // --ocr auto: one note with err's install hint
//	case err != nil:                          // *MissingLanguageError: chi_sim missing
//	}
//
// Every process runs with OMP_THREAD_LIMIT=1 (Settings.ThreadLimit):
// unlimited, Tesseract's threads fight over the cores and a page takes
// three to four times longer. Parallelism comes from a Pool, one engine
// process per core.
//
// # Reading a page
//
// Engine.Read (an image.Image) and Engine.ReadBytes (PNG, JPEG, WebP)
// preprocess the page, run the passes of Settings one after the other and
// return a *Page. Preprocessing, each step measured on rendered payment
// pages and chats: grey by luma; a dark page (mean grey below 100)
// inverted; coloured regions (the orange transfer bubble, green bubbles,
// avatars) flattened into dark text on a light ground, since Tesseract's
// one global threshold turns them into dark blobs; a contrast curve
// (v/background)^3 so that light grey text (chat time stamps, labels)
// stays under that threshold, on the chi_sim pass only (on the other it
// thickens strokes: HQP read as HOP); pages wider than 1600 pixels scaled
// down. Phone widths are read as they are (scaling 1284 to 1170 saved no
// time), and 720-pixel forwards are not scaled up: they read as well as
// the originals. No binarising: it lost amounts.
// The default passes are `-l chi_sim+eng --psm 11` (sparse text: IDs,
// amounts, times, names) and `-l chi_sim --psm 6` (labels, and 年/月/日,
// which the mixed pass reads as Latin letters). Every field is looked for
// in the words of both passes and the best reading is kept: a number that
// has its form over one that does not, then the value most passes agree
// on, then the higher confidence (Field.Pass, Field.Agree).
//
// NewPage does the pure-Go half (boxes mapped to the original pixels,
// lines, kind, fields) from the words of each pass; ParseTSV parses the
// engine's TSV output, bounded by MaxTSVBytes and MaxTSVRows.
//
// # Page kind and fields
//
// Classify names the page: wechat_transfer, wechat_bill_detail,
// alipay_bill_detail, bank_transfer, chat or other, with the cues it saw
// (Page.KindReason). FindFields finds, by their labels at the start of a
// line:
//
//   - transaction numbers: 交易单号/交易号 (transaction_id), 转账单号
//     (transfer_id), 商户单号/商家订单号/商户订单号 (merchant_order_id), 订单号
//     (order_id), 交易流水号/流水号 (serial); in chats also a long number
//     alone in a bubble, named by its form. A number that wraps onto the
//     next line is joined (Field.Joined) when the next line holds only
//     letters and digits, sits under the value and the first line was full
//     or the form needs more digits, and never when the join would break
//     a valid number. Each is checked with CheckID (Field.Form); a number
//     that fails its form is kept as read and marked invalid with the
//     reason, never "fixed".
//   - amount: the tallest amount with two decimals, in integer fen
//     (Field.Fen, money.Fen) with its sign; "一" or a dash touching the
//     digits is a minus; ',' or '.' as thousands separator both read.
//   - time (转账时间, 支付时间, 交易时间 …; time_received for 收款时间): the
//     wall-clock time as shown (Field.Time, a LocalTime with
//     ZoneKnown=false always: a screenshot has no zone). Layouts
//     2025年11月3日 14:05:12, 2025-11-03 14:05, 11月3日 14:05 (Year 0). In a
//     chat, the stamp above the transfer bubble.
//   - counterparty: 收款方, 收款人, 对方账户, 商户全称 …, else 待张三收款,
//     转给张三, 张三已收款, else a chat's title.
//   - method (支付方式, 付款方式, 付款账户) and card_tail (the four digits in
//     招商银行储蓄卡(1234)).
//
// NearMatch reports a known ID one character away from a low-confidence
// read, for a "probably …, check by eye" note. It must never make a link.
//
// # Cache
//
// A Cache keeps each Page as JSON under the hash of the image's SHA-256,
// the engine version, its languages and the settings
// (os.UserCacheDir()/casebundle/ocr by default). Entries are written to a
// temporary name and renamed; a corrupt entry is a miss. Pool.ReadData and
// Pool.ReadFile read through it; Result.Cached says when nothing ran.
//
// # For the integration (manifest.json, dossier, init --from)
//
//   - manifest.json: Engine.Info() once per build (engine, version,
//     languages, settings; no paths), and per screenshot Page.Kind and
//     Page.Fields (name, label, value, conf, box, form). Everything is
//     sorted and free of maps, so the same image, engine and settings give
//     the same JSON.
//   - invisible text over the image: Page.Words with Pass == 0, boxes in
//     the original image's pixels (Page.Prep.Width × Height); Page.Lines
//     are the same words as lines.
//   - cross-checks: link on Field.Value of an ID field whose Form.Form is
//     valid or unknown, exact matches only; NearMatch for the rest.
//   - init --from: the fields give transactions (ID, LocalTime, Fen with
//     its sign, counterparty, method); Year 0 times need the year from
//     the ID's embedded date (IDForm.Date) or the user.
package ocr
