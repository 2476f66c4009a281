package templates

import (
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
	"github.com/casebundle/casebundle/internal/money"
)

// Party is the claimant or the respondent, with every identifier known.
type Party struct {
	Name     string
	IDNumber string
	Phone    string
	WeChatID string
	Account  string
}

// Transaction is one payment of the case.
type Transaction struct {
	ID           string
	Platform     string // wechat, alipay, bank, other ("" unknown)
	Form         string // valid, invalid, unknown
	Time         time.Time
	HasTime      bool
	Amount       money.Fen
	Direction    string // out, in
	Counterparty string
	Disputed     bool
	Exhibits     []int
	// FromCase is true for a payment listed in case.yaml (not only seen in
	// a bill or a chat): the bill exhibits highlight the rows of these.
	FromCase bool
}

// Event is one dated line of the chronology.
type Event struct {
	Time time.Time
	// ZoneKnown is false for times the device wrote without a zone (EXIF,
	// chat exports): they are shown as written, marked as phone local time.
	ZoneKnown bool
	TextZh    string
	TextEn    string
	Exhibit   int // 0 when the event comes from case.yaml alone
}

// ChecklistEntry is one material the route asks for.
type ChecklistEntry struct {
	MaterialZh string
	MaterialEn string
	Required   bool
	Present    bool
	Exhibits   []int
}

// Exhibit is one evidence item as the dossier shows it.
type Exhibit struct {
	Number int
	Item   *evidence.Item
	// File is the path on disk of the bytes to draw: the copy in the
	// bundle's data/ folder, never the user's original.
	File   string
	Title  string
	Proves string
	Source string
	// Frames are a video's contact sheet, taken by ffmpeg from the copy
	// in data/ (exhibit_media.go): a view of the video, never evidence.
	Frames []media.Frame
	// OCR is what was read from a screenshot and what each field matches
	// (exhibit_ocr.go); nil when the image was not read.
	OCR *OCRView
}

// Timestamp is the trusted time of an RFC 3161 token, when there is one.
type Timestamp struct {
	TSA     string
	GenTime time.Time
	Serial  string
	Policy  string
}

// ManifestLine is one line of manifest-sha256.txt.
type ManifestLine struct {
	SHA256 string
	Path   string // as written in the manifest: "data/..."
}

// Dossier is everything the PDF shows. bundle fills it; RenderVolumes draws it.
type Dossier struct {
	Purpose       string // complaint, police, civil
	Lang          string // zh, en
	CaseID        string
	Title         string
	Platform      string
	ComplaintType string
	Claimant      Party
	Respondent    Party
	Narrative     string
	Generated     time.Time // the run's one clock, UTC
	Software      string    // "casebundle <version>"

	ManifestSHA256 string // hex SHA-256 of manifest-sha256.txt
	Timestamp      *Timestamp
	Manifest       []ManifestLine

	Transactions []Transaction
	LossTotal    money.Fen
	Events       []Event // sorted by time
	Checklist    []ChecklistEntry
	Exhibits     []Exhibit // in exhibit-number order
	// Findings are the case-level findings (missing case.yaml, IDs not in a
	// bill, …); item findings are on each exhibit's Item.
	Findings []evidence.Finding
	// Redact, when set, masks personal numbers in every string the PDF
	// shows (build --redact); pictures are drawn as they are.
	Redact func(string) string
	// OnPage, when set, is called for every page of the final pass, for a
	// progress bar. It never changes the PDF.
	OnPage func()
	// Papers, when set, are the facts of the papers to file (build
	// --papers): the checklist then also lists what the papers still
	// need, and RenderPapers writes them. Nil leaves the dossier as it is
	// without papers.
	Papers *PapersFacts
	// OCREngine names the engine that read the screenshots ("tesseract
	// 5.3.0") for the appendix's note; "" when none was read.
	OCREngine string
}

// Placement says where an exhibit landed in the PDF.
type Placement struct {
	Exhibit int
	Volume  int
	First   int // first page of the exhibit in its volume, 1-based
	Last    int
}

// Layout is what RenderVolumes reports back: the real page of every exhibit and
// the number of pages, for manifest.json.
type Layout struct {
	Pages      int         // all volumes together
	Volumes    []int       // pages of each volume, volume 1 first
	Placements []Placement // in exhibit order
}
