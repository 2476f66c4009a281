package ocr

import (
	"fmt"
	"image"
	"image/color"

	"golang.org/x/image/draw"
)

// Prep records what preprocessing did to a page, so that boxes can be
// mapped back to the original pixels and the reader can tell why a page
// read as it did.
type Prep struct {
	Width  int `json:"width"` // the original image
	Height int `json:"height"`
	// ScaledWidth and ScaledHeight are the size the engine read; equal to
	// Width and Height when the page was not scaled.
	ScaledWidth  int  `json:"scaled_width"`
	ScaledHeight int  `json:"scaled_height"`
	Inverted     bool `json:"inverted"` // the page was dark and was inverted
	Mean         int  `json:"mean"`     // mean grey level 0-255 before inverting
}

// toOriginal maps a box from the engine's pixels to the original image's.
func (p Prep) toOriginal(b Box) Box {
	if p.ScaledWidth == p.Width || p.ScaledWidth == 0 {
		return b
	}
	sx := func(v int) int { return (v*p.Width + p.ScaledWidth/2) / p.ScaledWidth }
	sy := func(v int) int { return (v*p.Height + p.ScaledHeight/2) / p.ScaledHeight }
	x0, y0, x1, y1 := sx(b.X), sy(b.Y), sx(b.Right()), sy(b.Bottom())
	return Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// MaxPixels bounds the images Read accepts: a phone screenshot has some
// 3 million; 40 million is a long scrolling capture.
const MaxPixels = 40 << 20

// preprocess turns the page into the grey image the engine reads.
func preprocess(img image.Image, s Settings) (*image.Gray, Prep, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 || int64(w)*int64(h) > MaxPixels {
		return nil, Prep{}, fmt.Errorf("image of %dx%d pixels: outside 1 to %d pixels", w, h, MaxPixels)
	}
	g := grey(img, s.Grayscale == "min_channel")
	prep := Prep{Width: w, Height: h, ScaledWidth: w, ScaledHeight: h}
	var sum int64
	for _, v := range g.Pix {
		sum += int64(v)
	}
	prep.Mean = int(sum / int64(len(g.Pix)))
	if s.InvertDark && prep.Mean < s.DarkBelow {
		prep.Inverted = true
		for i, v := range g.Pix {
			g.Pix[i] = 255 - v
		}
	}
	if s.MaxWidth > 0 && w > s.MaxWidth {
		sh := (h*s.MaxWidth + w/2) / w
		dst := image.NewGray(image.Rect(0, 0, s.MaxWidth, sh))
		draw.BiLinear.Scale(dst, dst.Rect, g, g.Rect, draw.Src, nil)
		g = dst
		prep.ScaledWidth, prep.ScaledHeight = s.MaxWidth, sh
	}
	return g, prep, nil
}

// grey converts to 8-bit grey, by luma or by the darkest channel. The
// darkest channel keeps white text on coloured bubbles (WeChat's orange
// transfer bubble) readable, where luma leaves it faint; for grey pages
// both are the same.
func grey(img image.Image, minChannel bool) *image.Gray {
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	conv := func(r, gg, bb uint8) uint8 {
		if minChannel {
			return min(r, gg, bb)
		}
		return uint8((19595*uint32(r) + 38470*uint32(gg) + 7471*uint32(bb) + 1<<15) >> 16)
	}
	switch src := img.(type) {
	case *image.RGBA:
		for y := 0; y < b.Dy(); y++ {
			row := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X)*4:]
			out := g.Pix[y*g.Stride:]
			for x := 0; x < b.Dx(); x++ {
				// Premultiplied alpha over black; screenshots are opaque.
				out[x] = conv(row[4*x], row[4*x+1], row[4*x+2])
			}
		}
	case *image.NRGBA:
		for y := 0; y < b.Dy(); y++ {
			row := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X)*4:]
			out := g.Pix[y*g.Stride:]
			for x := 0; x < b.Dx(); x++ {
				// Composite over white, as a viewer shows a transparent PNG.
				a := uint32(row[4*x+3])
				c := func(v uint8) uint8 { return uint8((uint32(v)*a + 255*(255-a) + 127) / 255) }
				out[x] = conv(c(row[4*x]), c(row[4*x+1]), c(row[4*x+2]))
			}
		}
	case *image.Gray:
		for y := 0; y < b.Dy(); y++ {
			copy(g.Pix[y*g.Stride:y*g.Stride+b.Dx()], src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X):])
		}
	case *image.YCbCr:
		for y := 0; y < b.Dy(); y++ {
			out := g.Pix[y*g.Stride:]
			for x := 0; x < b.Dx(); x++ {
				yi := src.YOffset(x+b.Min.X, y+b.Min.Y)
				ci := src.COffset(x+b.Min.X, y+b.Min.Y)
				if !minChannel {
					out[x] = src.Y[yi]
					continue
				}
				r, gg, bb := color.YCbCrToRGB(src.Y[yi], src.Cb[ci], src.Cr[ci])
				out[x] = conv(r, gg, bb)
			}
		}
	default:
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				c := color.NRGBAModel.Convert(img.At(x+b.Min.X, y+b.Min.Y)).(color.NRGBA)
				a := uint32(c.A)
				f := func(v uint8) uint8 { return uint8((uint32(v)*a + 255*(255-a) + 127) / 255) }
				g.Pix[y*g.Stride+x] = conv(f(c.R), f(c.G), f(c.B))
			}
		}
	}
	return g
}

// encodePGM writes the grey image as binary PGM, which the engine reads on
// stdin without the cost of PNG compression.
func encodePGM(g *image.Gray) []byte {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	head := fmt.Sprintf("P5\n%d %d\n255\n", w, h)
	out := make([]byte, 0, len(head)+w*h)
	out = append(out, head...)
	for y := 0; y < h; y++ {
		out = append(out, g.Pix[y*g.Stride:y*g.Stride+w]...)
	}
	return out
}
