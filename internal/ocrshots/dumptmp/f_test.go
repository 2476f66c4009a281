package dump

import (
	"testing"
	"os"
	"golang.org/x/image/font/opentype"
)

func TestFonts(t *testing.T) {
	for _, p := range []string{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc","/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc","/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"} {
		b, _ := os.ReadFile(p)
		c, err := opentype.ParseCollection(b)
		if err != nil { t.Log(p, err); continue }
		for i := 0; i < c.NumFonts(); i++ { _, err := c.Font(i); t.Log(p, i, err) }
	}
}
