// Package evidence knows one item of evidence and nothing of PDFs or bundles.
//
// Read streams a file once: it hashes the bytes with SHA-256, copies them to
// a writer (the bundle's data/ folder), detects the kind by content rather
// than by extension (read.go), hands the content to the reader of its kind
// and turns what the reader reports into the Item's metadata, capture time
// and findings (inspect_image.go, inspect_pdf.go, classify.go). Anything wrong with the
// content becomes a Finding on the Item; only a failed read or write is an
// error.
//
// Every finding is made from the one catalogue of findings.go: a Code per
// wording, with its severity, its Chinese and English message and what the
// user can do. Call sites pass a Code and the values the message names
// (NewFinding, Item.Add).
//
// ParseTxnID classifies a WeChat Pay, Alipay or bank transaction number and
// reads the date embedded in it (txn.go).
//
// # Where a new reader goes
//
// The readers are subpackages named for what they read: evidence/chat
// (chat exports, one file per format), evidence/bill (payment bills, one
// layout per table), evidence/image (image headers, decoding, EXIF),
// evidence/heif (HEIC photos: inspect_heif.go) and evidence/media
// (recordings and videos: inspect_media.go, Item.Media). They are leaves:
// they do not import evidence, and return their own types and typed
// problems. The readers still to come, evidence/ocr (text in screenshots)
// and evidence/pdf (PDF documents), plug in the same way, in four places: the kind detection of inspect in read.go sends the content to the
// reader; a small inspect_<kind>.go here turns its result into Meta,
// Captured and findings; each problem it can report gets a Code in
// findings.go (and a line in bundle/doc.go's list); and a parsed result the
// dossier draws becomes a typed field of Item, as Chat and Bill are.
package evidence
