// Package evidence knows one item of evidence and nothing of PDFs or bundles.
//
// Read streams a file once: it hashes the bytes with SHA-256, copies them to
// a writer (the bundle's data/ folder), detects the kind by content rather
// than by extension, validates what it can (does the image header make sense,
// does the image decode, is the EXIF time plausible) and extracts metadata
// (EXIF capture time, orientation, camera, GPS). Anything wrong with the
// content becomes a Finding on the Item; only a failed read or write is an
// error.
//
// ParseTxnID classifies a WeChat Pay, Alipay or bank transaction number and
// reads the date embedded in it.
package evidence
