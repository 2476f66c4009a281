package bill

import (
	"bytes"
	"encoding/csv"
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

// csvSource reads records from decoded text.
type csvSource struct {
	r *csv.Reader
}

func newCSVSource(text string, sep rune) *csvSource {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	return &csvSource{r: r}
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.StartLine, &rowError{err: err}
		}
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}
