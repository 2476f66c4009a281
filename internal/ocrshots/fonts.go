package ocrshots

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Font names a system CJK font the screenshots are drawn with. Neither is
// the font the project embeds (WenQuanYi Micro Hei), so a test that reads
// these screenshots does not only recognise our own glyphs.
type Font string

// The fonts of Debian's fonts-noto-cjk and fonts-wqy-zenhei packages.
const (
	NotoSans Font = "noto-sans-cjk-sc"
	ZenHei   Font = "wqy-zenhei"
)

// ErrNoFont is returned when a system font is not installed.
var ErrNoFont = errors.New("system CJK font not installed (apt-get install fonts-noto-cjk fonts-wqy-zenhei)")

// fontFiles lists where each font lives on Debian/Ubuntu and Homebrew-ish
// systems, and which member of the collection to take.
var fontFiles = map[Font][]string{
	NotoSans: {
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	},
	ZenHei: {
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
	},
}

// boldFiles are the bold faces used for the large amounts (Noto only;
// Zen Hei has no bold and is drawn regular, as phones with it do).
var boldFiles = map[Font][]string{
	NotoSans: {
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
	},
}

type faces struct {
	regular, bold *sfnt.Font
}

var (
	fontMu    sync.Mutex
	fontCache = map[Font]faces{}
)

// load parses the font once per process.
func load(f Font) (faces, error) {
	fontMu.Lock()
	defer fontMu.Unlock()
	if fc, ok := fontCache[f]; ok {
		return fc, nil
	}
	reg, err := openFirst(fontFiles[f], f)
	if err != nil {
		return faces{}, err
	}
	fc := faces{regular: reg, bold: reg}
	if files := boldFiles[f]; len(files) > 0 {
		if b, err := openFirst(files, f); err == nil {
			fc.bold = b
		}
	}
	fontCache[f] = fc
	return fc, nil
}

func openFirst(paths []string, f Font) (*sfnt.Font, error) {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if f == ZenHei {
			// Zen Hei's tables start at odd offsets, which sfnt refuses:
			// copy its first face into a standalone font with aligned tables.
			data, err = alignedMember(data, 0)
			if err != nil {
				return nil, fmt.Errorf("parse %s: %w", p, err)
			}
			return opentype.Parse(data)
		}
		c, err := opentype.ParseCollection(data)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", p, err)
		}
		return pickMember(c, f)
	}
	return nil, fmt.Errorf("%s: %w", f, ErrNoFont)
}

// pickMember takes the Simplified Chinese member of a collection (Noto's
// collection holds JP, KR, SC, TC and HK faces; its glyph shapes differ).
func pickMember(c *opentype.Collection, f Font) (*sfnt.Font, error) {
	var buf sfnt.Buffer
	for i := 0; i < c.NumFonts(); i++ {
		m, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		name, err := m.Name(&buf, sfnt.NameIDFamily)
		if err != nil {
			continue
		}
		if f != NotoSans || strings.HasSuffix(name, " SC") {
			return m, nil
		}
	}
	return nil, fmt.Errorf("%s: no Simplified Chinese face in the collection", f)
}

// Available reports whether the font can be loaded.
func Available(f Font) bool {
	_, err := load(f)
	return err == nil
}

// alignedMember copies face i of a TrueType collection into a standalone
// font file whose tables start on four-byte boundaries.
func alignedMember(b []byte, i int) ([]byte, error) {
	bad := errors.New("malformed font collection")
	if len(b) < 12 || string(b[:4]) != "ttcf" {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint32(b[8:12]))
	if i >= n || len(b) < 12+4*n {
		return nil, bad
	}
	off := int(binary.BigEndian.Uint32(b[12+4*i:]))
	if off+12 > len(b) {
		return nil, bad
	}
	numTables := int(binary.BigEndian.Uint16(b[off+4:]))
	dir := off + 12
	if dir+16*numTables > len(b) {
		return nil, bad
	}
	head := 12 + 16*numTables
	out := make([]byte, head, len(b)/2)
	copy(out, b[off:off+12])
	for t := 0; t < numTables; t++ {
		e := b[dir+16*t : dir+16*t+16]
		o, l := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if o < 0 || l < 0 || o+l > len(b) {
			return nil, bad
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		ne := out[12+16*t : 12+16*t+16]
		copy(ne, e)
		binary.BigEndian.PutUint32(ne[8:], uint32(len(out)))
		out = append(out, b[o:o+l]...)
	}
	return out, nil
}
