package bundle

import (
	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/ocr"
	"github.com/casebundle/casebundle/internal/money"
)

// Format is the version of manifest.json.
const Format = "casebundle/1"

// Manifest is manifest.json. The field order is the key order of the file.
type Manifest struct {
	Format         string             `json:"format"`
	Case           ManifestCase       `json:"case"`
	Generated      string             `json:"generated"`
	Software       string             `json:"software"`
	ManifestSHA256 string             `json:"manifest_sha256"`
	Timestamp      *ManifestTimestamp `json:"timestamp"`
	Dossier        ManifestDossier    `json:"dossier"`
	// OCR is the engine that read the screenshots (--ocr); absent when
	// OCR did not run.
	OCR          *ocr.Info           `json:"ocr,omitempty"`
	Items        []ManifestItem      `json:"items"`
	Transactions []ManifestTxn       `json:"transactions"`
	Checklist    []ManifestChecklist `json:"checklist"`
	Totals       ManifestTotals      `json:"totals"`
	Findings     []evidence.Finding  `json:"findings"`
	// Papers lists the papers to file; only build --papers writes it.
	Papers []ManifestPaper `json:"papers,omitempty"`
}

// ManifestCase is the case block: the facts of case.yaml.
type ManifestCase struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Purpose       string `json:"purpose"`
	Lang          string `json:"lang"`
	Platform      string `json:"platform"`
	ComplaintType string `json:"complaint_type"`
	Claimant      Party  `json:"claimant"`
	Respondent    Party  `json:"respondent"`
}

// ManifestTimestamp is the RFC 3161 token's content, when there is one.
type ManifestTimestamp struct {
	TSA           string `json:"tsa"`
	GenTime       string `json:"gen_time"`
	Serial        string `json:"serial"`
	Policy        string `json:"policy"`
	HashAlgorithm string `json:"hash_algorithm"`
}

// ManifestDossier names the dossier's volumes and says how it was made.
type ManifestDossier struct {
	Volumes  []string `json:"volumes"`
	Pages    []int    `json:"pages"`
	Redacted bool     `json:"redacted"`
}

// ManifestItem is one evidence file.
type ManifestItem struct {
	Exhibit int           `json:"exhibit"`
	Volume  int           `json:"volume"`
	Pages   [2]int        `json:"pages"`
	Path    string        `json:"path"`
	SHA256  string        `json:"sha256"`
	Size    int64         `json:"size"`
	MIME    string        `json:"mime"`
	Kind    evidence.Kind `json:"kind"`
	Title   string        `json:"title"`
	Proves  string        `json:"proves"`
	Source  string        `json:"source"`
	Times   ManifestTimes `json:"times"`
	Meta    evidence.Meta `json:"meta"`
	// OCR is what was read from a screenshot; absent when it was not read.
	OCR      *ManifestOCR       `json:"ocr,omitempty"`
	Findings []evidence.Finding `json:"findings"`
}

// ManifestTimes are an item's times: RFC 3339 UTC, except a capture time
// whose zone the device did not record (written without a zone; meta
// capture_zone says "unknown").
type ManifestTimes struct {
	Modified string `json:"modified"`
	Captured string `json:"captured"`
	Ingested string `json:"ingested"`
}

// ManifestTxn is one transaction ID seen in the case.
type ManifestTxn struct {
	ID           string     `json:"id"`
	Platform     string     `json:"platform"`
	Form         string     `json:"form"`
	Time         string     `json:"time"`
	Amount       *money.Fen `json:"amount"`
	Currency     string     `json:"currency"`
	Direction    string     `json:"direction"`
	Counterparty string     `json:"counterparty"`
	Disputed     bool       `json:"disputed"`
	Sources      []string   `json:"sources"`
	Exhibits     []int      `json:"exhibits"`
	// StatementPages: where the ID is in a PDF statement (statement.go).
	StatementPages []ManifestPage     `json:"statement_pages,omitempty"`
	Findings       []evidence.Finding `json:"findings"`
}

// ManifestChecklist is one material of the route's checklist.
type ManifestChecklist struct {
	Material   string `json:"material"`
	MaterialEn string `json:"material_en"`
	Required   bool   `json:"required"`
	Present    bool   `json:"present"`
	Exhibits   []int  `json:"exhibits"`
}

// ManifestTotals is the loss: the sum of outgoing disputed amounts.
type ManifestTotals struct {
	Loss     money.Fen `json:"loss"`
	Currency string    `json:"currency"`
}
