package bill

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// parseCSV decodes a text export and reads it as comma-separated values,
// or, failing that, as tab-separated values (Excel's "Unicode text" export).
func parseCSV(data []byte) (*Bill, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	var firstErr error
	for _, sep := range []rune{',', '\t'} {
		b, err := scan(newCSVSource(text, sep), scanOptions{container: "csv"})
		if err == nil {
			return b, nil
		}
		if firstErr == nil || !errors.Is(err, ErrNotBill) {
			firstErr = err
		}
		if !errors.Is(err, ErrNotBill) {
			break
		}
	}
	return nil, firstErr
}

// decodeText returns the text of a bill in UTF-8: UTF-8 with or without
// BOM, UTF-16 with BOM (either byte order), or else GB18030, the superset of
// the GBK that Alipay and many banks write.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrNotBill
		}
		return string(out), nil
	case utf8.Valid(data):
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", ErrNotBill
	}
	return string(out), nil
}

// csvSource splits decoded text into records. It is written for the CSV
// that banks produce rather than for RFC 4180 alone: a quoted cell may be
// followed by padding before the separator ("-1.00"\t, as HSBC Hong Kong
// writes), a lone quote inside a cell is kept as text, and a quote that
// opens a cell but does not close within a few lines is taken as a literal
// character, so that one stray quote cannot swallow the rest of the file.
// Blank lines are skipped. A record keeps at most maxFields cells.
type csvSource struct {
	text string
	pos  int
	line int // 1-based line of pos
	sep  byte
	// unclosed is where a quoted cell that did not close gave up: a quote
	// opening a cell before it cannot close before it either, and is taken
	// as a literal at once (this keeps a line of stray quotes linear).
	unclosed int
}

const (
	maxFields      = 4096 // cells kept of one record
	maxQuotedLines = 20   // line breaks a quoted cell may hold
)

func newCSVSource(text string, sep rune) *csvSource {
	return &csvSource{text: text, line: 1, sep: byte(sep)}
}

func (s *csvSource) next() ([]string, int, error) {
	for {
		if s.pos >= len(s.text) {
			return nil, 0, io.EOF
		}
		switch {
		case s.text[s.pos] == '\n':
			s.pos++
			s.line++
			continue
		case strings.HasPrefix(s.text[s.pos:], "\r\n"):
			s.pos += 2
			s.line++
			continue
		}
		break
	}
	start := s.line
	var rec []string
	for {
		f, end := s.field()
		if len(rec) < maxFields {
			rec = append(rec, f)
		}
		if end {
			return rec, start, nil
		}
	}
}

// field reads the cell at pos and moves past its separator; end reports
// that the record ended (a line break or the end of the text).
func (s *csvSource) field() (string, bool) {
	t := s.text
	j := s.pos
	for j < len(t) && s.blank(t[j]) {
		j++
	}
	if j < len(t) && t[j] == '"' {
		if v, k, ok := s.quoted(j + 1); ok {
			return v, s.advance(k)
		}
	}
	k := s.pos
	for k < len(t) && t[k] != s.sep && t[k] != '\n' {
		k++
	}
	v := t[s.pos:k]
	if k < len(t) && t[k] == '\n' {
		v = strings.TrimSuffix(v, "\r")
	} else if k == len(t) {
		v = strings.TrimSuffix(v, "\r")
	}
	return v, s.advance(k)
}

func (s *csvSource) blank(c byte) bool {
	return c == ' ' || (c == '\t' && s.sep != '\t')
}

// quoted reads a quoted cell whose text starts at from. It returns the
// cell and the index of the separator, line break or end that follows the
// closing quote and its padding; ok is false when the quote does not close
// within maxQuotedLines lines.
func (s *csvSource) quoted(from int) (string, int, bool) {
	t := s.text
	if from < s.unclosed {
		return "", 0, false
	}
	var b strings.Builder
	lines := 0
	for k := from; k < len(t); {
		switch c := t[k]; {
		case c == '"' && k+1 < len(t) && t[k+1] == '"':
			b.WriteByte('"')
			k += 2
		case c == '"':
			m := k + 1
			for m < len(t) && (s.blank(t[m]) || t[m] == '\r') {
				m++
			}
			if m == len(t) || t[m] == s.sep || t[m] == '\n' {
				return b.String(), m, true
			}
			b.WriteByte('"') // a lone quote inside the cell
			k++
		case c == '\r' && k+1 < len(t) && t[k+1] == '\n':
			k++
		case c == '\n':
			if lines++; lines > maxQuotedLines {
				s.unclosed = k
				return "", 0, false
			}
			b.WriteByte(c)
			k++
		default:
			b.WriteByte(c)
			k++
		}
	}
	s.unclosed = len(t)
	return "", 0, false
}

// advance moves pos past the separator or line break at k and reports
// whether the record ended there.
func (s *csvSource) advance(k int) bool {
	s.line += strings.Count(s.text[s.pos:k], "\n")
	switch {
	case k >= len(s.text):
		s.pos = len(s.text)
		return true
	case s.text[k] == '\n':
		s.pos = k + 1
		s.line++
		return true
	default:
		s.pos = k + 1
		return false
	}
}
