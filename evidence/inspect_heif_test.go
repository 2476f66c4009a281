package evidence

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHEIFItem(t *testing.T) {
	photo := readFile(t, filepath.Join("heif", "testdata", "photo.heic"))
	if photo.Kind != KindImage || photo.Meta.Format != "heic" || photo.Meta.Images != 0 ||
		photo.Captured == nil || photo.Captured.Source != "exif" || photo.Meta.CaptureZone != "+08:00" ||
		photo.Captured.String() != "2024-03-05T06:22:10Z" || len(photo.Findings) != 0 {
		t.Errorf("photo.heic: %+v captured %v findings %v", photo.Meta, photo.Captured, codes(photo))
	}
	burst := readFile(t, filepath.Join("heif", "testdata", "burst.heic"))
	if burst.Meta.Images != 3 || burst.Meta.Width != 160 || burst.Captured != nil || len(codes(burst)) != 1 || codes(burst)[0] != "no_capture_metadata" {
		t.Errorf("burst.heic: %+v findings %v", burst.Meta, codes(burst))
	}
}

// TestHEIFTooLarge: a HEIC whose every ispe claims 50000×50000 is an
// image_too_large finding and is not decoded (nor read further).
func TestHEIFTooLarge(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("heif", "testdata", "photo.heic"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("ispe"))
		if j < 0 {
			break
		}
		at := i + j + 4 + 4 // after the type, version and flags
		binary.BigEndian.PutUint32(data[at:], 50000)
		binary.BigEndian.PutUint32(data[at+4:], 50000)
		i, n = at+8, n+1
	}
	if n == 0 {
		t.Fatal("no ispe in photo.heic")
	}
	it, err := Read("big.heic", bytes.NewReader(data), nil, time.Time{}, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(it.Findings) != 1 || it.Findings[0].Code != "image_too_large" || it.Findings[0].Severity != Error ||
		it.Findings[0].MessageEn != "The image header claims 50000×50000 pixels, over the limit of 50 megapixels; it was not decoded. The original is kept and hashed." {
		t.Errorf("findings %+v", it.Findings)
	}
}
