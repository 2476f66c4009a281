package bundle

import "fmt"

// ManifestPage is a page of a PDF statement exhibit (manifest.json
// transactions[].statement_pages).
type ManifestPage struct {
	Exhibit int `json:"exhibit"`
	Page    int `json:"page"`
}

// statementWhere names a page of a PDF statement in a finding, in English
// and in Chinese.
func statementWhere(path string, page int) (en, zh string) {
	return fmt.Sprintf("%s page %d", path, page), fmt.Sprintf("%s 第 %d 页", path, page)
}

// addStatementPage records the statement page of a sighting once.
func addStatementPage(mt *ManifestTxn, s sighting) {
	if s.page <= 0 || s.exhibit <= 0 {
		return
	}
	p := ManifestPage{Exhibit: s.exhibit, Page: s.page}
	for _, have := range mt.StatementPages {
		if have == p {
			return
		}
	}
	mt.StatementPages = append(mt.StatementPages, p)
}
