package dump

import (
	"os"
	"testing"

	"github.com/casebundle/casebundle/internal/ocrshots"
)

func TestDump(t *testing.T) {
	for _, s := range ocrshots.Set(os.Getenv("FULL") != "") {
		b, err := s.Encode()
		if err != nil {
			t.Fatal(err)
		}
		ext := ".png"
		if s.JPEG != 0 {
			ext = ".jpg"
		}
		os.WriteFile("/tmp/ocrw/shots/"+s.Name+ext, b, 0o644)
	}
}
