package samplegen

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"
	"unicode/utf8"

	"github.com/casebundle/casebundle/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// parsedFont parses the embedded font once. A *sfnt.Font may be shared
// between goroutines; every canvas makes its own faces (each with its own
// buffer), so drawing is safe to run concurrently.
var parsedFont = sync.OnceValue(func() *sfnt.Font {
	f, err := opentype.Parse(fonts.MicroHei)
	if err != nil {
		// The font is embedded in the binary: a parse failure is a build defect.
		panic(fmt.Sprintf("samplegen: parse embedded font: %v", err))
	}
	return f
})

// canvas draws on an opaque RGBA image in layout points: one point is
// scale pixels, so the same layout fits 1170- and 1080-pixel-wide screens.
type canvas struct {
	img   *image.RGBA
	scale float64
	faces map[float64]font.Face
	// dry makes every drawing call a no-op, so a layout can be measured
	// with the code that draws it.
	dry bool
}

func newCanvas(w, h int, scale float64, bg color.RGBA) *canvas {
	c := &canvas{
		img:   image.NewRGBA(image.Rect(0, 0, w, h)),
		scale: scale,
		faces: make(map[float64]font.Face),
	}
	c.fill(c.img.Rect, bg)
	return c
}

// px converts points to pixels.
func (c *canvas) px(pt float64) int { return int(math.Round(pt * c.scale)) }

func (c *canvas) width() int  { return c.img.Rect.Dx() }
func (c *canvas) height() int { return c.img.Rect.Dy() }

// fill paints a rectangle in one opaque colour.
func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	if c.dry {
		return
	}
	draw.Draw(c.img, r, &image.Uniform{C: col}, image.Point{}, draw.Src)
}

// roundRect paints a rectangle whose corners are quarter circles of radius rad.
func (c *canvas) roundRect(r image.Rectangle, rad int, col color.RGBA) {
	r = r.Canon()
	if rad*2 > r.Dx() {
		rad = r.Dx() / 2
	}
	if rad*2 > r.Dy() {
		rad = r.Dy() / 2
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		// Distance from the corner circle's centre to the pixel row's
		// centre, doubled so that it stays an integer.
		d2 := 0
		switch {
		case y < r.Min.Y+rad:
			d2 = 2*(r.Min.Y+rad-y) - 1
		case y >= r.Max.Y-rad:
			d2 = 2*(y-(r.Max.Y-rad)) + 1
		}
		inset := 0
		if d2 > 0 {
			inset = rad - isqrt(4*rad*rad-d2*d2)/2
		}
		c.fill(image.Rect(r.Min.X+inset, y, r.Max.X-inset, y+1), col)
	}
}

// isqrt is the integer square root of v (0 for v <= 0). All geometry is
// integer so that every platform draws the same pixels: Go may fuse a
// floating-point multiply and add into one instruction on arm64, which
// rounds differently.
func isqrt(v int) int {
	if v <= 0 {
		return 0
	}
	r := int(math.Sqrt(float64(v)))
	for r*r > v {
		r--
	}
	for (r+1)*(r+1) <= v {
		r++
	}
	return r
}

// circle paints a disc centred on (cx, cy).
func (c *canvas) circle(cx, cy, rad int, col color.RGBA) {
	c.roundRect(image.Rect(cx-rad, cy-rad, cx+rad, cy+rad), rad, col)
}

// ring paints a circle outline of the given thickness.
func (c *canvas) ring(cx, cy, rad, thick int, col color.RGBA) {
	outer := rad * rad
	inner := (rad - thick) * (rad - thick)
	for y := cy - rad; y <= cy+rad; y++ {
		for x := cx - rad; x <= cx+rad; x++ {
			d := (x-cx)*(x-cx) + (y-cy)*(y-cy)
			if d <= outer && d >= inner {
				c.set(x, y, col)
			}
		}
	}
}

// line paints a thick straight line with round ends.
func (c *canvas) line(x0, y0, x1, y1, thick int, col color.RGBA) {
	n := max(abs(x1-x0), abs(y1-y0))
	rad := max(thick/2, 1)
	for i := 0; i <= n; i++ {
		x, y := x0, y0
		if n > 0 {
			x += divRound((x1-x0)*i, n)
			y += divRound((y1-y0)*i, n)
		}
		c.circle(x, y, rad, col)
	}
}

// divRound is a/b rounded to the nearest integer, halves away from zero.
func divRound(a, b int) int {
	if (a < 0) != (b < 0) {
		return (a - b/2) / b
	}
	return (a + b/2) / b
}

func (c *canvas) set(x, y int, col color.RGBA) {
	if !c.dry && image.Pt(x, y).In(c.img.Rect) {
		c.img.SetRGBA(x, y, col)
	}
}

// face returns the font at size points, made once per canvas.
func (c *canvas) face(size float64) font.Face {
	if f, ok := c.faces[size]; ok {
		return f
	}
	f, err := opentype.NewFace(parsedFont(), &opentype.FaceOptions{
		Size:    size * c.scale,
		DPI:     72,
		Hinting: font.HintingNone,
	})
	if err != nil {
		panic(fmt.Sprintf("samplegen: font face at %.1fpt: %v", size, err))
	}
	q := quantFace{Face: f}
	c.faces[size] = q
	return q
}

// quantFace rounds the coverage of every glyph pixel to one of a few
// levels. Text keeps smooth edges, but the picture holds far fewer
// distinct colours, so its PNG compresses like a real screenshot's.
type quantFace struct{ font.Face }

func (q quantFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	dr, mask, mp, adv, ok := q.Face.Glyph(dot, r)
	if !ok || dr.Empty() {
		return dr, mask, mp, adv, ok
	}
	out := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	src, isAlpha := mask.(*image.Alpha)
	for y := 0; y < dr.Dy(); y++ {
		for x := 0; x < dr.Dx(); x++ {
			var a uint8
			if isAlpha {
				a = src.AlphaAt(mp.X+x, mp.Y+y).A
			} else {
				_, _, _, a32 := mask.At(mp.X+x, mp.Y+y).RGBA()
				a = uint8(a32 >> 8)
			}
			out.Pix[y*out.Stride+x] = alphaLevels[a]
		}
	}
	return dr, out, image.Point{}, adv, ok
}

// alphaLevels maps 256 coverage values onto 5 levels.
var alphaLevels = func() (t [256]uint8) {
	for i := range t {
		t[i] = uint8((i + 32) / 64 * 64)
		if i >= 224 {
			t[i] = 255
		}
	}
	return t
}()

// textWidth is the advance of s at size points, in pixels.
func (c *canvas) textWidth(size float64, s string) int {
	return font.MeasureString(c.face(size), s).Ceil()
}

// text draws s with its baseline at y and its left edge at x, and returns
// the x after the last glyph. Bold text is drawn twice, one pixel apart,
// since the font has no bold face.
func (c *canvas) text(x, y int, size float64, col color.RGBA, bold bool, s string) int {
	if c.dry {
		return x + c.textWidth(size, s)
	}
	d := font.Drawer{
		Dst:  c.img,
		Src:  &image.Uniform{C: col},
		Face: c.face(size),
		Dot:  fixed.P(x, y),
	}
	d.DrawString(s)
	if bold {
		d.Dot = fixed.P(x+c.boldShift(), y)
		d.DrawString(s)
	}
	return d.Dot.X.Ceil()
}

func (c *canvas) boldShift() int {
	if s := int(c.scale / 2.5); s > 1 {
		return s
	}
	return 1
}

// textCentered draws s centred on cx.
func (c *canvas) textCentered(cx, y int, size float64, col color.RGBA, bold bool, s string) {
	c.text(cx-c.textWidth(size, s)/2, y, size, col, bold, s)
}

// textRight draws s ending at right.
func (c *canvas) textRight(right, y int, size float64, col color.RGBA, bold bool, s string) {
	c.text(right-c.textWidth(size, s), y, size, col, bold, s)
}

// baseline returns the baseline that centres text of size points
// vertically on mid: CJK glyphs sit about 0.38 em above the baseline.
func (c *canvas) baseline(mid int, size float64) int {
	return mid + int(math.Round(0.36*size*c.scale))
}

// noStart holds punctuation that must not begin a line.
const noStart = "，。、；：？！）」』》”’,.;:?!)%"

// wrap breaks s into lines no wider than maxW pixels at size points.
// Any two hanzi may be split; runs of Latin letters and digits are kept
// together when they fit on a line of their own; closing punctuation
// never starts a line.
func (c *canvas) wrap(s string, size float64, maxW int) []string {
	var lines []string
	runes := []rune(s)
	start := 0
	for start < len(runes) {
		end := start
		for end < len(runes) && c.textWidth(size, string(runes[start:end+1])) <= maxW {
			end++
		}
		if end == start {
			end = start + 1 // a single glyph wider than the line still goes somewhere
		}
		if end < len(runes) {
			// Keep words of ASCII letters and digits whole when possible.
			if isWordRune(runes[end]) && isWordRune(runes[end-1]) {
				b := end
				for b > start && isWordRune(runes[b-1]) {
					b--
				}
				if b > start {
					end = b
				}
			}
			// Pull one character down so punctuation does not open the next line.
			if containsRune(noStart, runes[end]) && end-start > 1 {
				end--
			}
		}
		lines = append(lines, string(runes[start:end]))
		start = end
	}
	return lines
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r == '*')
}

func containsRune(set string, r rune) bool {
	for _, s := range set {
		if s == r {
			return true
		}
	}
	return false
}

// rgb is a shorthand for an opaque colour.
func rgb(r, g, b uint8) color.RGBA { return color.RGBA{R: r, G: g, B: b, A: 255} }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
