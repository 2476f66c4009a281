package evidence

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // register the GIF decoder
	_ "image/jpeg" // register the JPEG decoder
	_ "image/png"  // register the PNG decoder
	"io"
	"strings"

	_ "golang.org/x/image/webp" // register the WebP decoder
)

// PNGHeader is what the IHDR chunk (and a look for tRNS) says about a PNG.
type PNGHeader struct {
	Width, Height int
	BitDepth      int
	ColorType     int
	Interlaced    bool
	// Alpha is true for colour types with an alpha channel and for a tRNS
	// chunk (seen before the first IDAT).
	Alpha bool
}

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// ParsePNGHeader reads the IHDR of a PNG from its first bytes and looks
// for a tRNS chunk before the image data.
func ParsePNGHeader(head []byte) (PNGHeader, error) {
	var h PNGHeader
	if !bytes.HasPrefix(head, pngSig) || len(head) < 33 {
		return h, errors.New("no PNG signature and header")
	}
	if string(head[12:16]) != "IHDR" {
		return h, errors.New("first chunk is not IHDR")
	}
	w := binary.BigEndian.Uint32(head[16:20])
	hh := binary.BigEndian.Uint32(head[20:24])
	if w == 0 || hh == 0 || w > 1<<31-1 || hh > 1<<31-1 {
		return h, fmt.Errorf("invalid size %d×%d", w, hh)
	}
	h.Width, h.Height = int(w), int(hh)
	h.BitDepth = int(head[24])
	h.ColorType = int(head[25])
	h.Interlaced = head[28] == 1
	h.Alpha = h.ColorType == 4 || h.ColorType == 6
	// Walk the chunks in head up to the first IDAT.
	for off := 8; off+8 <= len(head); {
		n := int(binary.BigEndian.Uint32(head[off : off+4]))
		typ := string(head[off+4 : off+8])
		if typ == "IDAT" || typ == "IEND" || n < 0 || n > len(head) {
			break
		}
		if typ == "tRNS" {
			h.Alpha = true
		}
		off += 12 + n
	}
	return h, nil
}

func inspectImage(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindImage
	it.Meta.Format = strings.TrimPrefix(it.MIME, "image/")
	if it.Meta.Format == "png" {
		if ph, err := ParsePNGHeader(head); err == nil {
			it.Meta.BitDepth = ph.BitDepth
			it.Meta.Interlaced = ph.Interlaced
			it.Meta.Alpha = ph.Alpha
		}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(head))
	if err != nil {
		it.addFinding("image_unreadable", Error,
			fmt.Sprintf("不是可读取的图片：无法读取图片头（%v）。原件已保存并计算哈希。", err),
			fmt.Sprintf("Not a readable image: the image header cannot be read (%v). The original is kept and hashed.", err))
		return nil
	}
	it.Meta.Width, it.Meta.Height = cfg.Width, cfg.Height
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > lim.MaxPixels {
		it.addFinding("image_too_large", Error,
			fmt.Sprintf("图片头声称尺寸为 %d×%d，超过 %d 万像素的上限，未解码。原件已保存并计算哈希。", cfg.Width, cfg.Height, lim.MaxPixels/10000),
			fmt.Sprintf("The image header claims %d×%d pixels, over the limit of %d megapixels; it was not decoded. The original is kept and hashed.", cfg.Width, cfg.Height, lim.MaxPixels/1_000_000))
		return nil
	}
	if it.Meta.Format == "jpeg" {
		readEXIF(it, head)
	} else {
		it.addFinding("no_capture_metadata", Info,
			"截图不含拍摄时间等元数据（PNG 截图通常如此）；时间以文件修改时间和其他证据为准。",
			"The screenshot carries no capture metadata (usual for PNG screenshots); rely on the file time and other evidence.")
	}
	if err := decodeCheck(io.MultiReader(bytes.NewReader(head), rest)); err != nil {
		it.addFinding("image_unreadable", Error,
			fmt.Sprintf("不是可读取的图片：解码失败（%v），文件可能被截断或损坏。原件已保存并计算哈希。", err),
			fmt.Sprintf("Not a readable image: decoding failed (%v); the file may be truncated or damaged. The original is kept and hashed.", err))
	}
	return nil
}

// decodeCheck decodes the whole image to prove it is readable. A decoder
// that panics on hostile input is reported as an error, not a crash.
func decodeCheck(r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decoder failed: %v", p)
		}
	}()
	_, _, err = image.Decode(r)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("unexpected end of data")
	}
	return err
}
