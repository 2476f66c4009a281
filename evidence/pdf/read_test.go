package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  string // RFC 3339 of Time, "" for zero
		known bool
	}{
		{"D:20250103142500+08'00'", "2025-01-03T06:25:00Z", true},
		{"D:20250103142500+08'00", "2025-01-03T06:25:00Z", true},
		{"D:20250103142500+0800", "2025-01-03T06:25:00Z", true},
		{"D:20250103142500-05'30'", "2025-01-03T19:55:00Z", true},
		{"D:20250103142500Z", "2025-01-03T14:25:00Z", true},
		{"D:20250103142500Z00'00'", "2025-01-03T14:25:00Z", true},
		{"D:20250103142500", "2025-01-03T14:25:00Z", false}, // gofpdf: no zone
		{"20250103142500", "2025-01-03T14:25:00Z", false},
		{"D:2025", "2025-01-01T00:00:00Z", false},
		{"D:202501", "2025-01-01T00:00:00Z", false},
		{"D:20250231", "", false},
		{"D:20251301", "", false},
		{"yesterday", "", false},
		{"", "", false},
	} {
		d := ParseDate(c.in)
		got := ""
		if !d.IsZero() {
			got = d.Time.Format(time.RFC3339)
		}
		if got != c.want || d.ZoneKnown != c.known || d.Raw != c.in {
			t.Errorf("ParseDate(%q) = %s zone %v, want %s zone %v", c.in, got, d.ZoneKnown, c.want, c.known)
		}
	}
}

func TestTextString(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                    "plain",
		"\xfe\xff\x5f\xae\x4f\xe1": "微信",
		"\xef\xbb\xbf微信":           "微信",
		"caf\xe9 \x80 \x92":        "café • ™",
	} {
		if got := textString([]byte(in)); got != want {
			t.Errorf("textString(%q) = %q, want %q", in, got, want)
		}
	}
}

func onePage(extra string) []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 " + extra + " >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}
}

func TestReadErrors(t *testing.T) {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	for _, c := range []struct {
		name  string
		data  []byte
		lim   Limits
		want  error
		inMsg string
	}{
		{"not a pdf", []byte("hello"), Limits{}, ErrBroken, "no %PDF- header"},
		{"empty", nil, Limits{}, ErrBroken, "header"},
		{"million pages", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>", "<< /Type /Page /Parent 2 0 R >>"}, ""), Limits{}, ErrLimit, "1000000 pages"},
		{"pages loop", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2 >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] >>"}, ""), Limits{}, ErrBroken, "loops back"},
		{"kid twice", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 >>", "<< /Type /Page >>"}, ""), Limits{}, ErrBroken, "loops back"},
		{"no pages", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, ""), Limits{}, ErrBroken, "no page"},
		{"no catalog", buildPDF([]string{"<< /Type /Pages >>"}, ""), Limits{}, ErrBroken, "catalog"},
		{"ref loop", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "3 0 R", "2 0 R"}, ""), Limits{}, ErrBroken, "page tree"},
		{"deep nesting", buildPDF(append(onePage(""), "<< /A "+deep+" >>"), "/Info 4 0 R"), Limits{}, ErrLimit, "MaxDepth"},
		{"file too big", buildPDF(onePage(""), ""), Limits{MaxFileBytes: 100}, ErrLimit, "MaxFileBytes"},
		{"too many pages", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] >>", "<< /Type /Page >>", "<< /Type /Page >>", "<< /Type /Page >>"}, ""), Limits{MaxPages: 2}, ErrLimit, "MaxPages"},
		{"xref claims millions", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 99999999\n0000000000 65535 f \ntrailer << /Root 1 0 R >>\nstartxref\n45\n%%EOF"), Limits{}, ErrLimit, "MaxObjects"},
		{"object stream bomb, document budget", buildXrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, []string{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page >>"}, zlibBomb(3<<20)), Limits{MaxDecodedBytes: 2 << 20}, ErrLimit, "MaxStreamBytes=2097152"},
		{"object stream bomb, small limit", buildXrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, []string{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page >>"}, zlibBomb(2<<20)), Limits{MaxStreamBytes: 1 << 20}, ErrLimit, "MaxStreamBytes"},
		{"object stream inside itself", buildXrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, []string{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page >>", "<< /Length 4 0 R >>"}, nil), Limits{}, nil, ""},
	} {
		_, err := Read(c.data, c.lim)
		if c.want == nil {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.inMsg) {
			t.Errorf("%s: err = %v, want %v containing %q", c.name, err, c.want, c.inMsg)
		}
	}
}

func TestReadXrefStream(t *testing.T) {
	data := buildXrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>"}, []string{"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", "<< /Type /Page /Parent 2 0 R >>", "<< /Type /Page /Parent 2 0 R >>"}, nil)
	doc, err := Read(data, Limits{})
	if err != nil || doc.Pages != 2 || doc.Repaired {
		t.Fatalf("%v %+v", err, doc)
	}
	// Without the cross-reference stream the objects in the object stream
	// are still found.
	cut := data[:bytes.LastIndex(data, []byte("startxref"))]
	doc, err = Read(cut, Limits{})
	if err != nil || doc.Pages != 2 || !doc.Repaired {
		t.Fatalf("repaired: %v %+v", err, doc)
	}
}

func TestReadBasics(t *testing.T) {
	data := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 /Rotate 90 >>",
		"<< /Type /Page /Parent 4 0 R >>",
		"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 100 200] >>",
		"<< /Producer (WeChat Pay) /Creator <FEFF5FAE4FE1> /Title (\\344) /CreationDate (D:20250103142500+08'00') /ModDate (D:20250104) >>",
	}, "/Info 7 0 R")
	doc, err := Read(data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 3 || doc.ClaimedPages != 2 || doc.Version != "1.7" || doc.Repaired || doc.Revisions != 1 {
		t.Errorf("pages %d claimed %d version %q repaired %v", doc.Pages, doc.ClaimedPages, doc.Version, doc.Repaired)
	}
	if doc.pages[2].mediaBox != [4]float64{0, 0, 100, 200} || doc.pages[1].mediaBox != [4]float64{0, 0, 595, 842} || doc.pages[1].rotate != 90 || doc.pages[0].rotate != 0 {
		t.Errorf("inherited attributes: %+v", doc.pages)
	}
	in := doc.Info
	if in.Producer != "WeChat Pay" || in.Creator != "微信" || in.Title != "ä" || !in.CreationDate.ZoneKnown || in.ModDate.ZoneKnown || in.ModDate.Time.Day() != 4 {
		t.Errorf("info %+v", in)
	}

	// A wrong xref offset and a wrong /Length are repaired.
	bad := bytes.Replace(data, []byte("xref\n0 8\n0000000000 65535 f \n0000000015"), []byte("xref\n0 8\n0000000000 65535 f \n0000000099"), 1)
	doc, err = Read(bad, Limits{})
	if err != nil || doc.Pages != 3 || !doc.Repaired {
		t.Errorf("bad offset: %v %+v", err, doc)
	}
	// No xref at all: the objects are found by scanning.
	cut := data[:bytes.Index(data, []byte("xref"))]
	doc, err = Read(cut, Limits{})
	if err != nil || doc.Pages != 3 || !doc.Repaired || doc.Info.Producer != "WeChat Pay" {
		t.Errorf("no xref: %v %+v", err, doc)
	}
}
