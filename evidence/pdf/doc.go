// Package pdf reads the PDF files victims add to a case: platform and bank
// statements (微信支付交易明细证明, 支付宝交易流水证明, bank 流水), signed PDFs
// and any other PDF exhibit. It is a leaf package: it imports neither
// evidence nor bundle, only internal/money and internal/tz, so the build
// can call it from wherever PDF exhibits are handled.
//
// What it owns:
//
//   - Read: a bounded PDF parser of its own (classic and stream
//     cross-reference tables, object streams, incremental updates, a rebuild
//     by scanning when the table is wrong, the standard security handler with
//     an empty user password, RC4 and AES). It gives the page count, the
//     information dictionary with dates read from PDF date strings (zone kept
//     when written, ZoneKnown otherwise false) and the signatures. Every
//     loop and allocation is capped by Limits: a file that claims a million
//     pages, loops its page tree or its references, nests too deep or
//     inflates a stream past MaxStreamBytes is refused with a *LimitError or
//     a *BrokenError, never read half-way; an encrypted file that needs a
//     password is an *EncryptedError (errors.Is ErrEncrypted).
//   - Signatures: each signature field, the name its dictionary gives, the
//     signer certificate's subject CN from the CMS in /Contents, the signing
//     time, whether the byte range covers the whole file (CoversWholeFile,
//     BytesAfter for a file changed or appended to after signing), whether
//     the signed digest matches the bytes (DigestMatches) and whether the
//     signature value matches the certificate's key. There is no "Valid":
//     no certificate chain, trust list or revocation is checked, so the
//     package never says who signed, only what the file claims and whether
//     its bytes are the ones signed. Captions must say it that way.
//   - PageText: text runs with positions and sizes, through ToUnicode maps,
//     simple encodings and the Chinese CMaps, bounded by MaxOps and MaxRuns.
//   - ParseStatement: the transaction table of the layouts in LAYOUTS.md,
//     as rows with integer fen, UTC times and the page each row is on.
//   - RenderPage: a page drawn as PNG by poppler's pdftoppm, for pages that
//     cannot be imported as vectors (ErrRendererMissing without poppler).
//
// For the integrator (dossier and manifest):
//
//	doc, err := pdf.Read(data, pdf.Limits{})   // errors.Is: ErrEncrypted, ErrBroken, ErrLimit → a finding naming the file; the original stays sealed
//	doc.Pages, doc.Info.Producer, doc.Info.CreationDate, doc.Revisions, doc.Signatures → manifest.json and the caption
//	st, err := pdf.ParseStatement(doc)         // ErrNotStatement: an ordinary PDF exhibit
//	st.Rows[i].ID / .MerchantOrder / .Page     → cross-checks: an ID of case.yaml found in the statement links to the exhibit and page
//
// A statement the platform or bank issued is third-party data (民事证据规定
// 第94条); the caller marks it so in the index. Pages go into the dossier as
// vector templates with github.com/phpdave11/gofpdi (internal/gofpdicheck
// shows the calls and that they work with the repository's gofpdf); gofpdi
// panics on encrypted files, so the caller recovers and draws those pages
// with RenderPage, and never drops a page in silence.
//
// A Doc is not safe for concurrent use; Read one per goroutine. Output is
// deterministic: nothing ranges over a map to produce it.
package pdf
