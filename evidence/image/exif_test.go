package image_test

import (
	stdimage "image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casebundle/casebundle/evidence/image"
	"github.com/casebundle/casebundle/internal/samplegen"
)

func mustJPEG(t testing.TB, ex samplegen.EXIF) []byte {
	t.Helper()
	b, err := samplegen.JPEGWithEXIF(stdimage.NewRGBA(stdimage.Rect(0, 0, 64, 48)), ex)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadEXIF(t *testing.T) {
	e, err := image.ReadEXIF(mustJPEG(t, samplegen.EXIF{DateTimeOriginal: "2025:11:04 09:30:12", OffsetTimeOriginal: "+08:00",
		Make: "Xiaomi", Model: "Xiaomi 14", Orientation: 6, GPS: &samplegen.GPS{Lat: 31.2304, Lon: 121.4737}}))
	if err != nil || e == nil {
		t.Fatalf("ReadEXIF = %+v, %v", e, err)
	}
	if want := time.Date(2025, 11, 4, 1, 30, 12, 0, time.UTC); !e.ZoneKnown || !e.Time.Equal(want) || e.Zone != "+08:00" {
		t.Errorf("time %v zone known %v zone %q; want %v, true, +08:00", e.Time, e.ZoneKnown, e.Zone, want)
	}
	if e.Orientation != 6 || e.Camera != "Xiaomi 14" || e.GPS == nil || e.GPS.Lat != 31.2304 || e.GPS.Lon != 121.4737 {
		t.Errorf("orientation %d camera %q gps %+v", e.Orientation, e.Camera, e.GPS)
	}

	// Without an offset tag the time is the wall clock as written.
	e, err = image.ReadEXIF(mustJPEG(t, samplegen.EXIF{DateTimeOriginal: "2025:11:04 09:30:12", Make: "Apple", Model: "iPhone 15"}))
	if err != nil || e == nil {
		t.Fatalf("ReadEXIF = %+v, %v", e, err)
	}
	if want := time.Date(2025, 11, 4, 9, 30, 12, 0, time.UTC); e.ZoneKnown || !e.Time.Equal(want) || e.Camera != "Apple iPhone 15" {
		t.Errorf("time %v zone known %v camera %q; want %v, false", e.Time, e.ZoneKnown, e.Camera, want)
	}

	// An implausible time is no time.
	e, _ = image.ReadEXIF(mustJPEG(t, samplegen.EXIF{DateTimeOriginal: "1970:01:01 00:00:00"}))
	if e == nil || !e.Time.IsZero() {
		t.Errorf("1970: %+v", e)
	}
}

// FuzzReadEXIF proves that the patched goexif neither panics nor allocates
// without bound on hostile EXIF (huge counts, IFD loops): seeded with
// goexif's own corrupt samples and a good photo.
func FuzzReadEXIF(f *testing.F) {
	f.Add(mustJPEG(f, samplegen.EXIF{DateTimeOriginal: "2025:11:04 09:30:12", OffsetTimeOriginal: "+08:00", Make: "Xiaomi", Model: "M", Orientation: 6, GPS: &samplegen.GPS{Lat: 31, Lon: 121}}))
	corrupt, _ := filepath.Glob("../../third_party/goexif/exif/corrupt/*.jpg")
	for _, p := range corrupt {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add(exifIFDLoop())
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		e, _ := image.ReadEXIF(data)
		if e != nil && e.Orientation != 0 && (e.Orientation < 1 || e.Orientation > 8) {
			t.Fatalf("orientation %d", e.Orientation)
		}
	})
}

// exifIFDLoop is a raw EXIF block whose IFD0 points to IFD1 and IFD1 back
// to IFD0: goexif used to catch only a loop from an IFD to itself.
func exifIFDLoop() []byte {
	b := []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00")
	// IFD0 at 8: zero tags, next IFD at 14.
	b = append(b, 0, 0, 14, 0, 0, 0)
	// IFD1 at 14: zero tags, next IFD at 8.
	b = append(b, 0, 0, 8, 0, 0, 0)
	return b
}

func TestEXIFBombs(t *testing.T) {
	corrupt, _ := filepath.Glob("../../third_party/goexif/exif/corrupt/*.jpg")
	if len(corrupt) == 0 {
		t.Fatal("goexif's corrupt samples are missing")
	}
	inputs := [][]byte{exifIFDLoop(), hugeCount()}
	for _, p := range corrupt {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	for i, in := range inputs {
		done := make(chan struct{})
		go func() {
			defer close(done)
			image.ReadEXIF(in)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("input %d: ReadEXIF did not return", i)
		}
	}
}

// hugeCount is a raw EXIF block with one tag of type LONG whose count is
// 0x40000001: 4 × count wraps to 4 in 32 bits, so unpatched goexif read the
// value inline and then allocated count int64s (8 GiB).
func hugeCount() []byte {
	b := []byte("Exif\x00\x00II*\x00\x08\x00\x00\x00")
	b = append(b, 1, 0)                    // one tag
	b = append(b, 0x0f, 0x01, 4, 0)        // tag 0x010f (Make), type LONG
	b = append(b, 0, 0, 0, 0x40)           // count 0x40000000
	b = append(b, 26, 0, 0, 0, 0, 0, 0, 0) // offset 26, next IFD 0
	return b
}
