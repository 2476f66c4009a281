package evidence_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/samplegen"
)

func mustPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	b, err := samplegen.EncodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustJPEG(t testing.TB, ex samplegen.EXIF) []byte {
	t.Helper()
	b, err := samplegen.JPEGWithEXIF(image.NewRGBA(image.Rect(0, 0, 64, 48)), ex)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hasFinding(it *evidence.Item, code string, sev evidence.Severity) bool {
	for _, f := range it.Findings {
		if f.Code == code && f.Severity == sev {
			return true
		}
	}
	return false
}

func TestRead(t *testing.T) {
	var gifBuf bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 10, 10), []color.Color{color.White, color.Black})
	if err := gif.Encode(&gifBuf, pal, nil); err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/3)
	}
	tests := []struct {
		name  string
		data  []byte
		kind  evidence.Kind
		mime  string
		check func(t *testing.T, it *evidence.Item)
	}{
		{"png screenshot", mustPNG(t, 117, 253), evidence.KindImage, "image/png", func(t *testing.T, it *evidence.Item) {
			if it.Meta.Width != 117 || it.Meta.Height != 253 || it.Meta.BitDepth != 8 || it.Meta.Alpha {
				t.Errorf("meta %+v", it.Meta)
			}
			if !hasFinding(it, "no_capture_metadata", evidence.Info) || it.HasError() {
				t.Errorf("findings %+v", it.Findings)
			}
		}},
		{"jpeg with zone", mustJPEG(t, samplegen.EXIF{DateTimeOriginal: "2025:11:04 09:30:12", OffsetTimeOriginal: "+08:00",
			Make: "Xiaomi", Model: "Redmi Note 12", Orientation: 6, GPS: &samplegen.GPS{Lat: 31.2304, Lon: 121.4737}}), evidence.KindImage, "image/jpeg",
			func(t *testing.T, it *evidence.Item) {
				c := it.Captured
				if c == nil || !c.ZoneKnown || c.String() != "2025-11-04T01:30:12Z" {
					t.Errorf("captured %+v", c)
				}
				if it.Meta.Orientation != 6 || it.Meta.Camera != "Xiaomi Redmi Note 12" || it.Meta.CaptureZone != "+08:00" {
					t.Errorf("meta %+v", it.Meta)
				}
				if it.Meta.GPS == nil || it.Meta.GPS.Lat < 31.23 || it.Meta.GPS.Lat > 31.231 || it.Meta.GPS.Lon < 121.47 || it.Meta.GPS.Lon > 121.474 {
					t.Errorf("gps %+v", it.Meta.GPS)
				}
			}},
		{"jpeg without zone", mustJPEG(t, samplegen.EXIF{DateTimeOriginal: "2025:11:03 14:20:01", Make: "HUAWEI", Model: "P40"}), evidence.KindImage, "image/jpeg",
			func(t *testing.T, it *evidence.Item) {
				c := it.Captured
				if c == nil || c.ZoneKnown || c.String() != "2025-11-03T14:20:01" || it.Meta.CaptureZone != "unknown" {
					t.Errorf("captured %+v zone %q", c, it.Meta.CaptureZone)
				}
				if !hasFinding(it, "capture_zone_unknown", evidence.Info) {
					t.Errorf("findings %+v", it.Findings)
				}
			}},
		{"gif", gifBuf.Bytes(), evidence.KindImage, "image/gif", nil},
		{"16-bit png", samplegen.PNG16(40, 30), evidence.KindImage, "image/png", func(t *testing.T, it *evidence.Item) {
			if it.Meta.BitDepth != 16 || it.HasError() {
				t.Errorf("meta %+v findings %+v", it.Meta, it.Findings)
			}
		}},
		{"alpha png", samplegen.PNGAlpha(40, 30), evidence.KindImage, "image/png", func(t *testing.T, it *evidence.Item) {
			if !it.Meta.Alpha {
				t.Errorf("meta %+v", it.Meta)
			}
		}},
		{"truncated png", samplegen.TruncatedPNG(200, 300), evidence.KindImage, "image/png", func(t *testing.T, it *evidence.Item) {
			if !hasFinding(it, "image_unreadable", evidence.Error) {
				t.Errorf("findings %+v", it.Findings)
			}
		}},
		{"50000x50000 header", samplegen.HugePNG(), evidence.KindImage, "image/png", func(t *testing.T, it *evidence.Item) {
			if !hasFinding(it, "image_too_large", evidence.Error) || !strings.Contains(it.Findings[0].MessageEn, "50000×50000") {
				t.Errorf("findings %+v", it.Findings)
			}
		}},
		{"pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), evidence.KindPDF, "application/pdf", func(t *testing.T, it *evidence.Item) {
			if !hasFinding(it, "pdf_unreadable", evidence.Error) {
				t.Errorf("findings %+v", it.Findings)
			}
		}},
		{"utf-8 text", []byte("情况说明\n2025年11月3日\n"), evidence.KindDocument, "text/plain", func(t *testing.T, it *evidence.Item) {
			if it.Meta.Encoding != "utf-8" || it.Meta.Lines != 2 {
				t.Errorf("meta %+v", it.Meta)
			}
		}},
		{"empty", nil, evidence.KindOther, "application/octet-stream", func(t *testing.T, it *evidence.Item) {
			if !hasFinding(it, "empty_file", evidence.Error) {
				t.Errorf("findings %+v", it.Findings)
			}
		}},
		{"random bytes", random, evidence.KindOther, "application/octet-stream", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var copyBuf bytes.Buffer
			mod := time.Date(2025, 11, 3, 6, 5, 0, 0, time.UTC)
			it, err := evidence.Read("screens/证据 1.png", bytes.NewReader(tt.data), &copyBuf, mod, evidence.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if it.Kind != tt.kind || it.MIME != tt.mime {
				t.Errorf("kind %s mime %s, want %s %s", it.Kind, it.MIME, tt.kind, tt.mime)
			}
			sum := sha256.Sum256(tt.data)
			if it.SHA256 != hex.EncodeToString(sum[:]) || it.Size != int64(len(tt.data)) {
				t.Errorf("hash %s size %d", it.SHA256, it.Size)
			}
			if !bytes.Equal(copyBuf.Bytes(), tt.data) {
				t.Errorf("the copy differs from the original (%d vs %d bytes)", copyBuf.Len(), len(tt.data))
			}
			for _, f := range it.Findings {
				if f.File != "screens/证据 1.png" || f.MessageZh == "" || f.MessageEn == "" {
					t.Errorf("finding does not name the file in both languages: %+v", f)
				}
			}
			if tt.check != nil {
				tt.check(t, it)
			}
		})
	}
}

// A big file is hashed and copied whole, though only its head is inspected.
func TestReadLarge(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB of text
	var out bytes.Buffer
	it, err := evidence.Read("big.txt", bytes.NewReader(data), &out, time.Time{}, evidence.Limits{MaxPixels: 1, MaxText: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != len(data) || it.Size != int64(len(data)) || !hasFinding(it, "text_too_large", evidence.Info) {
		t.Fatalf("copied %d of %d, findings %+v", out.Len(), len(data), it.Findings)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n > 0 {
		r.n = 0
		return copy(p, "\x89PNG\r\n\x1a\n"), nil
	}
	return 0, errors.New("input/output error")
}

func TestReadErrors(t *testing.T) {
	_, err := evidence.Read("a.png", bytes.NewReader(mustPNG(t, 10, 10)), failingWriter{}, time.Time{}, evidence.DefaultLimits)
	var re *evidence.ReadError
	if !errors.As(err, &re) || !re.Write || !strings.Contains(err.Error(), "copy a.png: disk full") {
		t.Errorf("write failure: %v", err)
	}
	_, err = evidence.Read("b.png", &failingReader{n: 1}, nil, time.Time{}, evidence.DefaultLimits)
	if !errors.As(err, &re) || re.Write || !strings.Contains(err.Error(), "read b.png: input/output error") {
		t.Errorf("read failure: %v", err)
	}
}

// FuzzRead feeds anything to Read: it must not panic, must hash and copy
// every byte, and must keep its findings naming the file.
func FuzzRead(f *testing.F) {
	f.Add(mustPNG(f, 8, 8))
	f.Add(samplegen.TruncatedPNG(20, 20))
	f.Add(samplegen.HugePNG())
	f.Add(samplegen.PNG16(4, 4))
	f.Add(mustJPEG(f, samplegen.EXIF{DateTimeOriginal: "2025:11:04 09:30:12", Orientation: 6}))
	f.Add([]byte("交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"))
	f.Add([]byte("%PDF-1.4\n"))
	for _, p := range []string{"heif/testdata/photo.heic", "heif/testdata/burst.heic", "media/testdata/voice.m4a",
		"media/testdata/iphone.mov", "media/testdata/voice.silk", "media/testdata/cbr.mp3"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		it, err := evidence.Read("f.bin", bytes.NewReader(data), &out, time.Time{}, evidence.Limits{MaxPixels: 4_000_000, MaxText: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if it.SHA256 != hex.EncodeToString(sum[:]) || !bytes.Equal(out.Bytes(), data) {
			t.Fatal("hash or copy differs from the input")
		}
		for _, fd := range it.Findings {
			if fd.File != "f.bin" {
				t.Fatalf("finding names %q", fd.File)
			}
		}
	})
}
