package ocrshots

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// canvas draws in layout points (CSS pixels of a 390-point-wide phone);
// one point is scale pixels.
type canvas struct {
	img   *image.RGBA
	scale float64
	fc    faces
	cache map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

func newCanvas(w, h int, fc faces, bg color.RGBA) *canvas {
	c := &canvas{
		img:   image.NewRGBA(image.Rect(0, 0, w, h)),
		scale: float64(w) / 390,
		fc:    fc,
		cache: map[faceKey]font.Face{},
	}
	c.fill(c.img.Rect, bg)
	return c
}

// useFonts switches the canvas to other fonts.
func (c *canvas) useFonts(fc faces) {
	c.fc = fc
	c.cache = map[faceKey]font.Face{}
}

func (c *canvas) px(pt float64) int { return int(math.Round(pt * c.scale)) }

func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(c.img, r, &image.Uniform{C: col}, image.Point{}, draw.Src)
}

func (c *canvas) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if f, ok := c.cache[k]; ok {
		return f
	}
	var sf *sfnt.Font = c.fc.regular
	if bold {
		sf = c.fc.bold
	}
	f, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: size * c.scale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // sizes are constants of this package
	}
	c.cache[k] = f
	return f
}

// width returns the width in pixels of s at size points.
func (c *canvas) width(s string, size float64, bold bool) int {
	return font.MeasureString(c.face(size, bold), s).Ceil()
}

// text draws s with its left edge at x pixels and its baseline at y
// pixels, and returns the box it covers.
func (c *canvas) text(s string, x, y int, size float64, bold bool, col color.RGBA) image.Rectangle {
	f := c.face(size, bold)
	d := font.Drawer{Dst: c.img, Src: &image.Uniform{C: col}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
	m := f.Metrics()
	return image.Rect(x, y-m.Ascent.Ceil(), x+c.width(s, size, bold), y+m.Descent.Ceil())
}

// centred draws s centred on the page.
func (c *canvas) centred(s string, y int, size float64, bold bool, col color.RGBA) image.Rectangle {
	x := (c.img.Rect.Dx() - c.width(s, size, bold)) / 2
	return c.text(s, x, y, size, bold, col)
}

// wrap breaks s into lines no wider than max pixels, at any character, as
// phones break long numbers.
func (c *canvas) wrap(s string, size float64, max int) []string {
	var lines []string
	line := ""
	for _, r := range s {
		if line != "" && c.width(line+string(r), size, false) > max {
			lines = append(lines, line)
			line = ""
		}
		line += string(r)
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// roundRect fills a rectangle with rounded corners of radius rad pixels.
func (c *canvas) roundRect(r image.Rectangle, rad int, col color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cx, cy := x, y
			switch {
			case x < r.Min.X+rad:
				cx = r.Min.X + rad
			case x >= r.Max.X-rad:
				cx = r.Max.X - rad - 1
			}
			switch {
			case y < r.Min.Y+rad:
				cy = r.Min.Y + rad
			case y >= r.Max.Y-rad:
				cy = r.Max.Y - rad - 1
			}
			dx, dy := x-cx, y-cy
			if dx*dx+dy*dy <= rad*rad {
				c.img.SetRGBA(x, y, col)
			}
		}
	}
}

// circle fills a disc centred at (cx, cy) with radius r pixels.
func (c *canvas) circle(cx, cy, r int, col color.RGBA) {
	c.roundRect(image.Rect(cx-r, cy-r, cx+r, cy+r), r, col)
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}
