package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for Read
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Page is what was read from one image.
type Page struct {
	Prep Prep `json:"prep"`
	Kind Kind `json:"kind"`
	// KindReason names the cues the kind was decided by.
	KindReason string `json:"kind_reason"`
	// Words are the words of every pass, boxes in original pixels, sorted
	// by pass and then Tesseract's order. Pass 0 (sparse text, Chinese and
	// English) covers the page best: lay its words as invisible text.
	Words  []Word  `json:"words"`
	Lines  []Line  `json:"lines"`
	Fields []Field `json:"fields"`
}

// Line is a text line rebuilt from the words of one pass.
type Line struct {
	Pass int    `json:"pass"`
	Text string `json:"text"`
	Box  Box    `json:"box"`
	Conf int    `json:"conf"` // lowest word confidence
}

// Field returns the first field of the given name.
func (p *Page) Field(name string) (Field, bool) {
	for _, f := range p.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// NewPage assembles a page from the words of each pass (boxes in the
// engine's pixels, as ParseTSV returns them): it maps the boxes to the
// original image, numbers the passes, rebuilds the lines, classifies the
// page and finds its fields. Read calls it; tests call it on saved TSV.
func NewPage(prep Prep, passes [][]Word) *Page {
	var words []Word
	for i, ws := range passes {
		for _, w := range ws {
			w.Pass = i
			w.Box = prep.toOriginal(w.Box)
			words = append(words, w)
		}
	}
	sortWords(words)
	rows := buildRows(words)
	kind, why := classifyRows(rows)
	p := &Page{Prep: prep, Kind: kind, KindReason: why, Words: words, Fields: findFields(rows, kind)}
	for _, r := range rows {
		_, conf := r.span(0, len(r.compact))
		p.Lines = append(p.Lines, Line{Pass: r.pass, Text: r.spaced(0), Box: r.box, Conf: conf})
	}
	if p.Words == nil {
		p.Words = []Word{}
	}
	if p.Fields == nil {
		p.Fields = []Field{}
	}
	if p.Lines == nil {
		p.Lines = []Line{}
	}
	return p
}

// Read reads a page: preprocessing, every pass of the settings one after
// the other, then NewPage. Cancelling ctx kills the running engine.
func (e *Engine) Read(ctx context.Context, img image.Image) (*Page, error) {
	g, prep, err := preprocess(img, e.Settings)
	if err != nil {
		return nil, err
	}
	encoded := map[float64][]byte{}
	passes := make([][]Word, len(e.Settings.Passes))
	for i, p := range e.Settings.Passes {
		data, ok := encoded[p.Contrast]
		if !ok {
			data = encodePGM(contrast(g, prep.Background, p.Contrast))
			encoded[p.Contrast] = data
		}
		ws, err := e.runPass(ctx, data, p, i)
		if err != nil {
			return nil, err
		}
		passes[i] = ws
	}
	return NewPage(prep, passes), nil
}

// ReadBytes decodes an encoded image (PNG, JPEG or WebP) and reads it. The
// header is checked against MaxPixels before the pixels are decoded.
func (e *Engine) ReadBytes(ctx context.Context, data []byte) (*Page, error) {
	img, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return e.Read(ctx, img)
}

// Decode decodes a PNG, JPEG or WebP image after checking its size.
func Decode(data []byte) (image.Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("%s image of %dx%d pixels: outside 1 to %d pixels", format, cfg.Width, cfg.Height, MaxPixels)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode %s image: %w", format, err)
	}
	return img, nil
}
