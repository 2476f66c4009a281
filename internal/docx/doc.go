// Package docx writes small, editable Word documents (Office Open XML,
// ISO/IEC 29500): paragraphs, headings, simple bordered tables, a footer
// with the page number, and a Chinese font named for the East Asian text
// of every run.
//
// It owns nothing but the format. casebundle's papers to file
// (templates/papers_*.go) draw each paper once as a PDF and once through
// this package, from the same blocks of text, so that a lawyer can edit
// the .docx and still file what the PDF says.
//
// The bytes are deterministic: the zip entries are written in name order,
// each with the same modification time (the run's clock, given by the
// caller), and nothing reads the system clock, the locale or map order.
// Text is escaped for XML and every rune XML 1.0 cannot carry (control
// characters, unpaired surrogates, U+FFFE/U+FFFF) is dropped, so any Go
// string gives a well-formed document.
package docx
