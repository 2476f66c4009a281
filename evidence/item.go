package evidence

import (
	"time"

	"github.com/casebundle/casebundle/evidence/bill"
	"github.com/casebundle/casebundle/evidence/chat"
	"github.com/casebundle/casebundle/evidence/media"
	"github.com/casebundle/casebundle/evidence/ocr"
)

// Kind is the broad class of an item, decided by its content.
type Kind string

// The kinds of manifest.json.
const (
	KindImage    Kind = "image"
	KindChat     Kind = "chat"
	KindBill     Kind = "bill"
	KindDocument Kind = "document"
	KindAudio    Kind = "audio"
	KindVideo    Kind = "video"
	KindPDF      Kind = "pdf"
	KindOther    Kind = "other"
)

// Severity says how much a finding matters. An error finding makes build exit
// 1 but never stops it.
type Severity string

// Severities, from least to most serious.
const (
	Info    Severity = "info"
	Warning Severity = "warning"
	Error   Severity = "error"
)

// Finding is a fact the reader of a dossier should see: an image that does
// not decode, a screenshot without capture metadata, an ID whose date
// disagrees. It is data, never a reason to stop. Findings are made from the
// catalogue of findings.go (NewFinding, Item.Add), which holds every code
// and its words.
type Finding struct {
	Code      string   `json:"code"`
	Severity  Severity `json:"severity"`
	File      string   `json:"file"`
	MessageZh string   `json:"message_zh"`
	MessageEn string   `json:"message_en"`
}

// Captured is when the content was made: the EXIF capture time of a photo,
// the first message of a chat, the period of a bill.
type Captured struct {
	// Time is the capture time. When ZoneKnown is false, Time holds the
	// wall-clock reading of the device in time.UTC, since the device's zone
	// is not recorded: the reading is as written, not an instant.
	Time      time.Time
	ZoneKnown bool
	// Source says where the time came from: "exif", "chat", "bill".
	Source string
}

// Local returns the wall-clock value without a zone, as the device wrote it.
func (c *Captured) Local() string { return c.Time.Format("2006-01-02T15:04:05") }

// String is the value written into manifest.json: RFC 3339 in UTC when the
// zone is known, otherwise the device's wall-clock time without a zone.
func (c *Captured) String() string {
	if c == nil {
		return ""
	}
	if c.ZoneKnown {
		return c.Time.UTC().Format(time.RFC3339)
	}
	return c.Local()
}

// GPS is a position from EXIF, in decimal degrees.
type GPS struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Meta is the kind-specific metadata of manifest.json. Fields that do not
// apply to a kind stay empty and are left out of the JSON.
type Meta struct {
	// Images.
	Format      string `json:"format,omitempty"` // png, jpeg, gif, webp
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	BitDepth    int    `json:"bit_depth,omitempty"`
	Interlaced  bool   `json:"interlaced,omitempty"`
	Alpha       bool   `json:"alpha,omitempty"`
	Orientation int    `json:"orientation,omitempty"` // EXIF 1..8
	Camera      string `json:"camera,omitempty"`
	GPS         *GPS   `json:"gps,omitempty"`
	// CaptureZone is the zone of the capture time: an offset such as
	// "+08:00", or "unknown" when the device wrote local time only.
	CaptureZone string `json:"capture_zone,omitempty"`
	// Text.
	Encoding string `json:"encoding,omitempty"`
	Lines    int    `json:"lines,omitempty"`
	// PDF documents (inspect_pdf.go).
	PDFMeta
	// Chats.
	Messages     int      `json:"messages,omitempty"`
	Participants []string `json:"participants,omitempty"`
	First        string   `json:"first,omitempty"`
	Last         string   `json:"last,omitempty"`
	// Bills.
	Rows     int    `json:"rows,omitempty"`
	Provider string `json:"provider,omitempty"`
	Period   string `json:"period,omitempty"`
	// HEIF photos: how many images the file holds, when more than one
	// (a burst); the dossier shows the primary one.
	Images int `json:"images,omitempty"`
	// Recordings and videos (inspect_media.go); Format is the container
	// (mp4, mov, 3gp, m4a, mp3, aac, amr, amr-wb, wav, ogg, silk), Width
	// and Height the coded picture size, Camera the make and model the
	// file names, GPS its location. DurationMS is the playing time in
	// whole milliseconds (rounded down), absent when unknown.
	DurationMS int64    `json:"duration_ms,omitempty"`
	Codecs     []string `json:"codecs,omitempty"`
	SampleRate int      `json:"sample_rate,omitempty"`
	Channels   int      `json:"channels,omitempty"`
	FrameRate  string   `json:"frame_rate,omitempty"`
	Rotation   int      `json:"rotation,omitempty"`
	// TimeSource names the field the creation time came from: quicktime
	// (com.apple.quicktime.creationdate, with its zone), mvhd (the movie
	// header, UTC), udta (©day).
	TimeSource string `json:"time_source,omitempty"`
}

// Item is one evidence file as read: what it is, its hash and metadata, and
// the findings on it.
type Item struct {
	// Path is the slash-separated path relative to the case folder, as the
	// user named it (Chinese, spaces and all).
	Path     string
	Size     int64
	SHA256   string // lower-case hex
	MIME     string
	Kind     Kind
	Modified time.Time // file system modification time, UTC
	Captured *Captured // nil when the content carries no time
	Meta     Meta
	Findings []Finding

	// Chat is the parsed transcript when Kind is KindChat.
	Chat *chat.Chat
	// Bill is the parsed bill when Kind is KindBill, and the rows of a PDF
	// statement (Kind KindPDF, each row with its page).
	Bill *bill.Bill
	// Media is what the container of a recording or video says, when Kind
	// is KindAudio or KindVideo and the format is one evidence/media reads.
	Media *media.Info
	// OCR is what the OCR engine read from a screenshot (evidence/ocr):
	// the page kind, the words with boxes and the fields found. It is a
	// machine's reading, never the evidence: the image is. Set by the
	// build (bundle), not by Read, since OCR runs an outside program; nil
	// when OCR is off, not installed, or the image is no phone screen.
	OCR *ocr.Page
	// PDF is what was read from a PDF (Kind KindPDF); nil when it could
	// not be opened.
	PDF *PDF
}

// HasError reports whether any finding on the item is an error.
func (it *Item) HasError() bool {
	for _, f := range it.Findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
