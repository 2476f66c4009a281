package templates

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"runtime"
	"sync"

	"github.com/disintegration/imaging"
	"golang.org/x/image/webp"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/membudget"
)

// maxPixels is the largest image the dossier decodes (50 megapixels); the
// header is read first, so a bomb is refused before any pixel is.
const maxPixels = 50_000_000

// imageProblem is a reason an image cannot be drawn; its text in each
// language is words.imageProblems[p], a format for the arguments whyf gets.
type imageProblem int

const (
	imgNotPrepared imageProblem = iota + 1
	imgUnreadable               // the file cannot be read: the error
	imgChanged                  // the file changed after it was hashed
	imgNoFile
	imgBadHeader // the decoder's error
	imgNoPixels  // width, height
	imgTooLarge  // width, height, the limit in megapixels
	imgFormat    // the format name
	imgNoDecode  // the decoder's error
	imgReencode  // the encoder's error
	pngNot
	pngNoIEND
	pngPastEnd
	pngBadCRC // the chunk type
	pngBadIHDR
	pngNoIDAT
	pngNoPalette
	imageProblemEnd // one past the last; words_test checks every problem has a text
)

// why is the reason an image cannot be drawn, told in the dossier's
// language by in; Error gives the English text.
type why struct {
	problem imageProblem
	args    []any
}

func (e *why) Error() string { return e.in(enWords) }

// in is the reason in the wording w.
func (e *why) in(w *words) string { return fmt.Sprintf(w.imageProblems[e.problem], e.args...) }

// whyf records a reason with the arguments its text needs.
func whyf(p imageProblem, args ...any) error {
	return &why{problem: p, args: args}
}

// preparedImage is an image made ready for gofpdf, or the reason it cannot
// be shown. gofpdf embeds JPEG and opaque 8-bit non-interlaced PNG as they
// are; everything else is decoded and re-encoded here, so that gofpdf never
// refuses an image (its refusals stick to the whole document).
type preparedImage struct {
	name string // registration name, derived from the SHA-256
	typ  string // "png" or "jpg"
	w, h int    // pixels, upright
	// data is the re-encoded image; nil means the file is embedded as it is
	// and is read again when drawn, so that it is not held twice.
	data []byte
	err  error
}

// imageName is the registration name of an item's image: stable across
// runs and shared by identical files.
func imageName(ex *Exhibit) string {
	if ex.Item != nil && len(ex.Item.SHA256) == 64 {
		return "sha256-" + ex.Item.SHA256
	}
	return fmt.Sprintf("exhibit-%d", ex.Number)
}

func isImage(ex *Exhibit) bool {
	return ex.Item != nil && ex.Item.Kind == evidence.KindImage
}

// prepareImages prepares every image of the dossier once, in parallel. The
// result depends only on the files, never on the order the workers ran in.
func prepareImages(exhibits []Exhibit) map[string]*preparedImage {
	out := map[string]*preparedImage{}
	var todo []*Exhibit
	for i := range exhibits {
		ex := &exhibits[i]
		if !isImage(ex) {
			continue
		}
		name := imageName(ex)
		if _, ok := out[name]; ok {
			continue
		}
		out[name] = &preparedImage{name: name}
		todo = append(todo, ex)
	}
	var wg sync.WaitGroup
	jobs := make(chan *Exhibit)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for ex := range jobs {
				p := out[imageName(ex)]
				p.typ, p.w, p.h, p.data, p.err = prepareFile(ex.File, ex.Item.Meta.Orientation)
			}
		})
	}
	for _, ex := range todo {
		jobs <- ex
	}
	close(jobs)
	wg.Wait()
	prepareFrames(exhibits, out)
	return out
}

// prepareFile reads an image file and makes it ready for gofpdf.
func prepareFile(path string, orientation int) (typ string, w, h int, data []byte, err error) {
	if path == "" {
		return "", 0, 0, nil, whyf(imgNoFile)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", 0, 0, nil, whyf(imgUnreadable, err)
	}
	typ, w, h, data, err = prepareBytes(raw, orientation)
	if err == nil && data != nil && bytes.Equal(data, raw) {
		data = nil
	}
	return typ, w, h, data, err
}

// prepareBytes returns the image to embed: raw itself when gofpdf can take
// it as it is, otherwise a re-encoded copy.
func prepareBytes(raw []byte, orientation int) (typ string, w, h int, data []byte, err error) {
	if isHEIF(raw) {
		return prepareHEIF(raw)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return "", 0, 0, nil, whyf(imgBadHeader, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return "", 0, 0, nil, whyf(imgNoPixels, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return "", 0, 0, nil, whyf(imgTooLarge, cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	// Decoding holds the pixels and, to flatten or turn them, a copy: take
	// their bytes from the shared budget so parallel workers never hold
	// more decoded images at once than it allows.
	held := membudget.Images.Acquire(int64(cfg.Width) * int64(cfg.Height) * 8)
	defer membudget.Images.Release(held)
	switch format {
	case "jpeg":
		return prepareJPEG(raw, cfg, orientation)
	case "png":
		return preparePNG(raw)
	case "gif", "webp":
		img, err := decodeFirst(raw, format)
		if err != nil {
			return "", 0, 0, nil, err
		}
		return encodePNG(img)
	}
	return "", 0, 0, nil, whyf(imgFormat, format)
}

func decodeFirst(raw []byte, format string) (image.Image, error) {
	var (
		img image.Image
		err error
	)
	switch format {
	case "gif":
		img, err = gif.Decode(bytes.NewReader(raw))
	case "webp":
		img, err = webp.Decode(bytes.NewReader(raw))
	case "png":
		img, err = png.Decode(bytes.NewReader(raw))
	default:
		img, err = jpeg.Decode(bytes.NewReader(raw))
	}
	if err != nil {
		return nil, whyf(imgNoDecode, err)
	}
	return img, nil
}

// prepareJPEG passes an upright JPEG through and turns one with an EXIF
// orientation upright.
func prepareJPEG(raw []byte, cfg image.Config, orientation int) (string, int, int, []byte, error) {
	supported := cfg.ColorModel == color.GrayModel || cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.CMYKModel
	if orientation <= 1 || orientation > 8 {
		if supported && jpegComplete(raw) {
			return "jpg", cfg.Width, cfg.Height, raw, nil
		}
		// A JPEG without its end marker may be truncated, or carry data
		// after the image (motion photos): decoding tells which.
		img, err := decodeFirst(raw, "jpeg")
		if err != nil {
			return "", 0, 0, nil, err
		}
		if supported {
			return "jpg", cfg.Width, cfg.Height, raw, nil
		}
		return encodeJPEG(img)
	}
	img, err := decodeFirst(raw, "jpeg")
	if err != nil {
		return "", 0, 0, nil, err
	}
	return encodeJPEG(orient(img, orientation))
}

// jpegComplete reports whether a JPEG ends with its end-of-image marker.
func jpegComplete(raw []byte) bool {
	t := bytes.TrimRight(raw, "\x00\r\n ")
	return len(t) >= 4 && t[len(t)-2] == 0xFF && t[len(t)-1] == 0xD9
}

// orient applies an EXIF orientation (2..8), as imaging does for its own
// AutoOrientation option.
func orient(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

func encodeJPEG(img image.Image) (string, int, int, []byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		return "", 0, 0, nil, whyf(imgReencode, err)
	}
	b := img.Bounds()
	return "jpg", b.Dx(), b.Dy(), buf.Bytes(), nil
}

// encodePNG flattens img onto white and writes it as an opaque 8-bit,
// non-interlaced PNG: the one kind gofpdf embeds without work of its own.
func encodePNG(img image.Image) (string, int, int, []byte, error) {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Over)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return "", 0, 0, nil, fmt.Errorf("re-encode image: %w", err)
	}
	return "png", b.Dx(), b.Dy(), buf.Bytes(), nil
}

// pngInfo is what the dossier needs from a PNG's chunks.
type pngInfo struct {
	width, height     int
	depth, colorType  byte
	interlaced, trans bool
}

// readPNG walks the chunks of a PNG, checking each chunk's CRC, without
// inflating any image data: enough to know that the file is whole and
// whether gofpdf can embed it as it is.
func readPNG(raw []byte) (pngInfo, error) {
	var info pngInfo
	const sig = "\x89PNG\r\n\x1a\n"
	if len(raw) < len(sig) || string(raw[:len(sig)]) != sig {
		return info, whyf(pngNot)
	}
	p := raw[len(sig):]
	seenIHDR, seenIDAT, seenPLTE := false, false, false
	for {
		if len(p) < 12 {
			return info, whyf(pngNoIEND)
		}
		n := binary.BigEndian.Uint32(p[:4])
		if uint64(n) > uint64(len(p)-12) {
			return info, whyf(pngPastEnd)
		}
		kind := string(p[4:8])
		body := p[8 : 8+n]
		if crc32.ChecksumIEEE(p[4:8+n]) != binary.BigEndian.Uint32(p[8+n:12+n]) {
			return info, whyf(pngBadCRC, kind)
		}
		switch kind {
		case "IHDR":
			if n != 13 || seenIHDR {
				return info, whyf(pngBadIHDR)
			}
			seenIHDR = true
			info.width = int(binary.BigEndian.Uint32(body[0:4]))
			info.height = int(binary.BigEndian.Uint32(body[4:8]))
			info.depth, info.colorType = body[8], body[9]
			info.interlaced = body[12] != 0
		case "PLTE":
			seenPLTE = true
		case "tRNS":
			info.trans = true
		case "IDAT":
			seenIDAT = true
		case "IEND":
			if !seenIHDR || !seenIDAT {
				return info, whyf(pngNoIDAT)
			}
			if info.colorType == 3 && !seenPLTE {
				return info, whyf(pngNoPalette)
			}
			return info, nil
		}
		p = p[12+n:]
	}
}

// preparePNG passes an opaque 8-bit non-interlaced PNG through untouched
// and re-encodes any other (16-bit, interlaced, alpha, under 8 bits).
func preparePNG(raw []byte) (string, int, int, []byte, error) {
	info, err := readPNG(raw)
	if err != nil {
		return "", 0, 0, nil, err
	}
	opaque := (info.colorType == 0 || info.colorType == 2 || info.colorType == 3) && !info.trans
	if info.depth == 8 && !info.interlaced && opaque {
		return "png", info.width, info.height, raw, nil
	}
	img, err := decodeFirst(raw, "png")
	if err != nil {
		return "", 0, 0, nil, err
	}
	return encodePNG(img)
}
