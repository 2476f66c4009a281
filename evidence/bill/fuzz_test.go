package bill

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse feeds text exports (CSV in UTF-8, GBK, UTF-16) to Parse.
func FuzzParse(f *testing.F) {
	names, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil || len(names) == 0 {
		f.Fatalf("no seed files: %v", err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(billFuzzCheck)
}

// FuzzParseXLSX feeds workbooks to Parse. Besides the workbooks as
// excelize writes them, the seeds hold the same workbooks repacked with stored
// (uncompressed) parts and no CRC, so that a mutation reaches the XML inside
// instead of breaking the deflate stream.
func FuzzParseXLSX(f *testing.F) {
	for _, layout2026 := range []bool{false, true} {
		x := billTestXLSX(f, layout2026)
		f.Add(x)
		f.Add(billTestRepackStored(f, x))
	}
	f.Add(billTestZip(f, 1, 300<<20, false))
	f.Fuzz(billFuzzCheck)
}

func billFuzzCheck(t *testing.T, data []byte) {
	b, err := Parse(data)
	// Parse keeps no state: the same bytes give the same bill or error.
	again, errAgain := Parse(data)
	if (err == nil) != (errAgain == nil) || !reflect.DeepEqual(b, again) {
		t.Fatalf("two parses differ: %v, %v", err, errAgain)
	}
	if err != nil {
		if b != nil {
			t.Fatalf("Parse returned a bill and an error: %v", err)
		}
		return
	}
	if b.Provider == "" || b.Layout == "" {
		t.Fatalf("empty provider or layout: %+v", b)
	}
	if len(b.Rows) > maxRows {
		t.Fatalf("%d rows", len(b.Rows))
	}
	last := 0
	for _, r := range b.Rows {
		if r.Amount < 0 {
			t.Fatalf("negative amount %s at line %d", r.Amount, r.Line)
		}
		if r.Direction != "" && r.Direction != "in" && r.Direction != "out" {
			t.Fatalf("direction %q", r.Direction)
		}
		if r.Line <= last {
			t.Fatalf("line %d after line %d", r.Line, last)
		}
		last = r.Line
		if r.Time.IsZero() || r.Time.Location().String() != "UTC+8" {
			t.Fatalf("time %v at line %d", r.Time, r.Line)
		}
		if cleanID(r.TxnID) != r.TxnID || cleanID(r.MerchantID) != r.MerchantID {
			t.Fatalf("IDs %q, %q at line %d are not clean", r.TxnID, r.MerchantID, r.Line)
		}
	}
	if len(b.Rows) > 0 && (b.Start.IsZero() || b.End.IsZero()) {
		t.Fatalf("rows but no period")
	}
}

// billTestRepackStored rewrites a zip with every part stored and without a
// CRC, which Go's zip reader then does not check.
func billTestRepackStored(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		fw, err := w.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Store,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
