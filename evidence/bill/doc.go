// Package bill reads the payment bills users export: WeChat Pay (xlsx of
// 2025 and 2026, the older CSV), Alipay (CSV before and since 2023) and
// bank statements (CSV or xlsx with the column names banks use: mainland
// banks' Chinese headers, Hong Kong banks' English ones).
//
// Parse finds the header row by its column names wherever it is, reads the
// preamble above it (account, period) and every row below it into Row
// (time in UTC+8, amount in integer fen, direction, IDs without the padding
// spreadsheets add). Each known table is one layout in the layouts table
// of bill.go, defined beside its sources: wechat.go, alipay.go, bank.go.
// The containers are csv.go (UTF-8, UTF-16, GB18030; comma or tab) and
// xlsx.go (zip sizes checked before anything is inflated). A new bill
// layout is one layout value and one entry in layouts. Bank statements
// (bank.go) add what banks write: titles and preambles, separate in and out
// columns, amounts with currency marks, dates without a year or day first,
// 借贷 flags, footers; Bill.Bank and Bill.Card name the bank and card. A
// table that looks like a statement but that no layout places is a
// LayoutError naming its columns.
//
// The package knows nothing of bundles or findings: the package evidence
// turns Bill.Skipped, an empty bill and the errors ErrNotBill,
// ErrEncrypted and ErrTooLarge into findings.
package bill
