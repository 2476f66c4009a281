package evidence

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

// billParseCSV decodes a text export and reads it as comma-separated values,
// or, failing that, as tab-separated values (Excel's "Unicode text" export).
func billParseCSV(data []byte, headerOnly bool) (*Bill, error) {
	text, err := billDecodeText(data)
	if err != nil {
		return nil, err
	}
	var firstErr error
	for _, sep := range []rune{',', '\t'} {
		b, err := billScan(newBillCSVSource(text, sep), billScanOptions{container: "csv", headerOnly: headerOnly})
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

// billDecodeText returns the text of a bill in UTF-8: UTF-8 with or without
// BOM, UTF-16 with BOM (either byte order), or else GB18030, the superset of
// the GBK that Alipay and many banks write.
func billDecodeText(data []byte) (string, error) {
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

// billCSVSource reads records from decoded text.
type billCSVSource struct {
	r *csv.Reader
}

func newBillCSVSource(text string, sep rune) *billCSVSource {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	return &billCSVSource{r: r}
}

func (s *billCSVSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.StartLine, &billRowError{err: err}
		}
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}
