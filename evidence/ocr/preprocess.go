package ocr

import (
	"fmt"
	"image"
	"image/color"
	"math"

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
	// ColourRegions counts the coloured regions found (bubbles, icons).
	ColourRegions int `json:"colour_regions"`
	// Background is the page's most common grey level, which a pass's
	// contrast curve maps to white.
	Background int `json:"background"`
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
	g, sat := planes(img)
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
	if s.FlattenColour {
		prep.ColourRegions = flattenColour(g, sat)
	}

	prep.Background = background(g)
	if s.MaxWidth > 0 && w > s.MaxWidth {
		sh := (h*s.MaxWidth + w/2) / w
		dst := image.NewGray(image.Rect(0, 0, s.MaxWidth, sh))
		draw.BiLinear.Scale(dst, dst.Rect, g, g.Rect, draw.Src, nil)
		g = dst
		prep.ScaledWidth, prep.ScaledHeight = s.MaxWidth, sh
	}
	return g, prep, nil
}

// planes converts the image to 8-bit luma and saturation (the spread
// between the brightest and darkest channel), with transparency composited
// over white as a viewer shows it.
func planes(img image.Image) (*image.Gray, []uint8) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	g := image.NewGray(image.Rect(0, 0, w, h))
	sat := make([]uint8, w*h)
	put := func(i int, r, gg, bb uint8) {
		g.Pix[i] = uint8((19595*uint32(r) + 38470*uint32(gg) + 7471*uint32(bb) + 1<<15) >> 16)
		sat[i] = max(r, gg, bb) - min(r, gg, bb)
	}
	over := func(v, a uint8) uint8 { return uint8((uint32(v)*uint32(a) + 255*(255-uint32(a)) + 127) / 255) }
	switch src := img.(type) {
	case *image.RGBA:
		for y := 0; y < h; y++ {
			row := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X)*4:]
			for x := 0; x < w; x++ {
				// Premultiplied: screenshots are opaque, so this is the colour.
				put(y*w+x, row[4*x], row[4*x+1], row[4*x+2])
			}
		}
	case *image.NRGBA:
		for y := 0; y < h; y++ {
			row := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X)*4:]
			for x := 0; x < w; x++ {
				a := row[4*x+3]
				put(y*w+x, over(row[4*x], a), over(row[4*x+1], a), over(row[4*x+2], a))
			}
		}
	case *image.Gray:
		for y := 0; y < h; y++ {
			copy(g.Pix[y*w:y*w+w], src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X):])
		}
	case *image.YCbCr:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				yi := src.YOffset(x+b.Min.X, y+b.Min.Y)
				ci := src.COffset(x+b.Min.X, y+b.Min.Y)
				r, gg, bb := color.YCbCrToRGB(src.Y[yi], src.Cb[ci], src.Cr[ci])
				put(y*w+x, r, gg, bb)
			}
		}
	default:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				c := color.NRGBAModel.Convert(img.At(x+b.Min.X, y+b.Min.Y)).(color.NRGBA)
				put(y*w+x, over(c.R, c.A), over(c.G, c.A), over(c.B, c.A))
			}
		}
	}
	return g, sat
}

// Thresholds of flattenColour: a pixel is coloured above satColoured,
// neutral (text, page) below satNeutral; a block of blockSize² pixels is
// coloured when half its pixels are.
const (
	blockSize   = 8
	satColoured = 50
	satNeutral  = 25
	minBlocks   = 12
)

// flattenColour turns coloured regions (chat bubbles, the orange transfer
// bubble, buttons) into dark text on the light background the rest of the
// page has after inverting. Tesseract binarises the whole page with one
// threshold, so white text on orange, or dark text on a dark-mode green
// bubble, is lost as a dark blob. Inside each region the neutral pixels
// are the text: whichever of light or dark it is, it becomes dark, and the
// colour becomes the background. Regions without neutral pixels (avatars,
// icons) become background.
func flattenColour(g *image.Gray, sat []uint8) int {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	bw, bh := (w+blockSize-1)/blockSize, (h+blockSize-1)/blockSize
	coloured := make([]bool, bw*bh)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			n, tot := 0, 0
			for y := by * blockSize; y < min(h, (by+1)*blockSize); y++ {
				for x := bx * blockSize; x < min(w, (bx+1)*blockSize); x++ {
					tot++
					if sat[y*w+x] > satColoured {
						n++
					}
				}
			}
			coloured[by*bw+bx] = 2*n >= tot
		}
	}
	label := make([]int32, bw*bh)
	regions := 0
	var stack []int
	for start := range coloured {
		if !coloured[start] || label[start] != 0 {
			continue
		}
		regions++
		id := int32(regions)
		var blocks []int
		stack = append(stack[:0], start)
		label[start] = id
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			blocks = append(blocks, i)
			x, y := i%bw, i/bw
			for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
				if n[0] < 0 || n[1] < 0 || n[0] >= bw || n[1] >= bh {
					continue
				}
				j := n[1]*bw + n[0]
				if coloured[j] && label[j] == 0 {
					label[j] = id
					stack = append(stack, j)
				}
			}
		}
		if len(blocks) >= minBlocks {
			flattenRegion(g, sat, blocks, bw)
		}
	}
	return regions
}

// flattenRegion flattens one region, taken as the rectangle of blocks
// around it (bubbles are rectangles; dense text inside one can leave
// blocks that are not coloured themselves).
func flattenRegion(g *image.Gray, sat []uint8, blocks []int, bw int) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	bx0, by0, bx1, by1 := bw, 1<<30, -1, -1
	for _, i := range blocks {
		x, y := i%bw, i/bw
		bx0, by0, bx1, by1 = min(bx0, x), min(by0, y), max(bx1, x), max(by1, y)
	}
	x0, y0 := bx0*blockSize, by0*blockSize
	x1, y1 := min(w, (bx1+1)*blockSize), min(h, (by1+1)*blockSize)
	// The interior leaves out one block all round: the page around a
	// rounded bubble is there, and only its colour goes.
	ix0, iy0, ix1, iy1 := x0+blockSize, y0+blockSize, x1-blockSize, y1-blockSize
	interior := func(x, y int) bool { return x >= ix0 && x < ix1 && y >= iy0 && y < iy1 }
	var colSum, colN, satSum, textSum, textN int
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			p := y*w + x
			switch {
			case sat[p] > satColoured:
				colSum += int(g.Pix[p])
				satSum += int(sat[p])
				colN++
			case interior(x, y) && sat[p] < satNeutral:
				textSum += int(g.Pix[p])
				textN++
			}
		}
	}
	if colN == 0 {
		return
	}
	bubble, bubbleSat := colSum/colN, max(satSum/colN, 1)
	lightText := textN > 0 && textSum/textN > bubble
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			p := y*w + x
			if !interior(x, y) {
				if sat[p] > satNeutral/2 {
					g.Pix[p] = 255
				}
				continue
			}
			if textN == 0 {
				g.Pix[p] = 255
				continue
			}
			// t is how much of the pixel is text rather than colour.
			t := 1 - min(float64(sat[p])/float64(bubbleSat), 1)
			v := float64(g.Pix[p])
			if lightText {
				v = 255 - v
			}
			g.Pix[p] = uint8(255 - t*(255-v) + 0.5)
		}
	}
}

// background returns the most common grey level.
func background(g *image.Gray) int {
	var hist [256]int
	for _, v := range g.Pix {
		hist[v]++
	}
	bg := 255
	for v := range hist {
		if hist[v] > hist[bg] {
			bg = v
		}
	}
	return bg
}

// contrast returns a copy of g with the background level bg mapped to
// white and everything below it darkened by a power curve, (v/bg)^gamma:
// grey text (time stamps, labels at #999 on #ededed) falls under
// Tesseract's one global threshold instead of vanishing above it. A page
// whose background is not light is returned as it is.
func contrast(g *image.Gray, bg int, gamma float64) *image.Gray {
	if bg < 128 || gamma <= 1 {
		return g
	}
	var lut [256]uint8
	for v := range lut {
		x := min(float64(v)/float64(bg), 1)
		lut[v] = uint8(255*math.Pow(x, gamma) + 0.5)
	}
	out := image.NewGray(g.Rect)
	for i, v := range g.Pix {
		out.Pix[i] = lut[v]
	}
	return out
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
