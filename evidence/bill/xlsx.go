package bill

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebundle/casebundle/internal/tz"
)

// parseXLSX reads the first worksheet of a workbook that holds a bill
// table. The zip is checked before excelize sees it: a declared uncompressed
// total above 256 MiB or more than 10,000 parts is refused (a zip bomb), and
// excelize is held to the same limit; Go's zip reader refuses an entry that
// inflates beyond its declared size.
func parseXLSX(data []byte) (*Bill, error) {
	if err := checkZip(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipBytes,
		UnzipXMLSizeLimit: maxUnzipBytes,
	})
	if err != nil {
		return nil, fmt.Errorf("open xlsx: %w: %w", ErrNotBill, err)
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	var firstErr error
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			continue
		}
		src := &xlsxSource{rows: rows}
		b, err := scan(src, scanOptions{container: "xlsx", numeric: true, date1904: date1904})
		rows.Close()
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, ErrNotBill) {
			return nil, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = ErrNotBill
	}
	return nil, firstErr
}

// checkZip refuses archives that are not a workbook or that would unpack
// to too much.
func checkZip(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("read zip: %w: %w", ErrNotBill, err)
	}
	if len(zr.File) > maxZipEntries {
		return fmt.Errorf("%d parts in the zip, at most %d: %w", len(zr.File), maxZipEntries, ErrTooLarge)
	}
	var total uint64
	workbook, encrypted := false, false
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > maxUnzipBytes {
			return fmt.Errorf("zip part %q unpacks to %d bytes: %w", zf.Name, zf.UncompressedSize64, ErrTooLarge)
		}
		total += zf.UncompressedSize64
		if total > maxUnzipBytes {
			return fmt.Errorf("zip unpacks to more than %d bytes: %w", maxUnzipBytes, ErrTooLarge)
		}
		if strings.EqualFold(strings.ReplaceAll(zf.Name, `\`, "/"), "xl/workbook.xml") {
			workbook = true
		}
		if zf.Flags&0x1 != 0 {
			encrypted = true
		}
	}
	if !workbook {
		if encrypted {
			return ErrEncrypted
		}
		return fmt.Errorf("zip holds no xl/workbook.xml: %w", ErrNotBill)
	}
	return nil
}

// xlsxSource yields worksheet rows with raw cell values: numbers as
// stored (a time is an Excel serial number), text as written.
type xlsxSource struct {
	rows *excelize.Rows
	n    int
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, 0, fmt.Errorf("read worksheet: %w", err)
		}
		return nil, 0, io.EOF
	}
	s.n++
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.n, &rowError{err: err}
	}
	return cells, s.n, nil
}

// excelTime converts an Excel serial date (days since 1899-12-30, or
// since 1904-01-01) to the wall-clock time it shows, placed in UTC+8: WeChat
// writes Beijing time, and the serial number carries no zone.
func excelTime(s string, date1904 bool) (time.Time, bool) {
	v, err := strconv.ParseFloat(s, 64)
	// 1 is 1900-01-01; 2958465 is 9999-12-31.
	if err != nil || v < 1 || v >= 2958466 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, tz.Shanghai), true
}
