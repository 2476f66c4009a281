package samplegen

import (
	"fmt"
	"image"
)

// PhotoScreenshot returns a chat screenshot that weighs what a real one
// does. Real phone screenshots of a chat or a payment page at 1170x2532
// are 300 KB to 1.5 MB as PNG, because they hold pictures: photos sent in
// the chat, a photo wallpaper behind it. A photo has smooth colour fields
// at several scales and sensor grain, which PNG's filters and deflate
// cannot squeeze, where NumberedScreenshot's flat colours give about 70 KB.
//
// Every screenshot holds one photo sent in the chat (34 to 46 % of the
// width, after 0 to 3 messages, following from i); wallpaper puts the
// conversation on a blurred photo wallpaper as well. At 1170x2532 that is
// about 400 KB on average (316 to 452 KB) without a wallpaper and about
// 950 KB (885 KB to 1.1 MB) with one.
// Everything else follows from i, as in NumberedScreenshot. A size that is
// not positive means 1170x2532. It is safe to call concurrently, and it
// uses only integer arithmetic, so every platform draws the same pixels.
func PhotoScreenshot(i, w, h int, wallpaper bool) image.Image {
	if w <= 0 || h <= 0 {
		w, h = IPhoneWidth, IPhoneHeight
	}
	c := newCanvas(w, h, float64(w)/390, colGreyBG)
	r := splitmix(uint64(i)*0x2545F4914F6CDD1D + 0x9E3779B97F4A7C15)
	if wallpaper {
		photo(c, c.img.Rect, &r, c.px(40), 0, false)
	}
	top := c.navBar(c.statusBar(fmt.Sprintf("%d:%02d", 8+(i/60)%12, i%60), colGreyBG), fmt.Sprintf("客户%04d", i%10000), colGreyBG, true)
	c.fill(image.Rect(0, top, w, top+1), rgb(0xDA, 0xDA, 0xDA))
	y := top + c.px(16)
	y = c.message(y, "客", Message{From: Notice, Text: fmt.Sprintf("截图 #%d", i)})
	limit := h - c.px(100)
	// The photo comes after 0 to 3 messages, 38 to 52 % of the width.
	photoAt := int(r.next() % 4)
	pw := w * (34 + int(r.next()%13)) / 100
	ph := pw * 4 / 3
	for n := 0; y < limit; n++ {
		from := Peer
		if r.next()%2 == 0 {
			from = Me
		}
		if n == photoAt && y+ph <= limit {
			y = c.photoMessage(y, from, pw, ph, &r)
			continue
		}
		var m Message
		switch k := r.next() % 8; {
		case k == 0:
			m = Message{From: Notice, Text: fmt.Sprintf("%02d:%02d", r.next()%24, r.next()%60)}
		case k == 1 && from == Me:
			m = Message{From: Me, Transfer: fmt.Sprintf("¥%d.%02d", 1+r.next()%9999, r.next()%100), Text: "已被接收", Accepted: r.next()%2 == 0}
		default:
			text := phrases[r.next()%uint64(len(phrases))]
			if r.next()%3 == 0 {
				text += phrases[r.next()%uint64(len(phrases))]
			}
			m = Message{From: from, Text: text}
		}
		y = c.message(y, "客", m)
	}
	c.inputBar()
	c.homeIndicator()
	return c.img
}

// photoMessage draws a photo of pw×ph pixels sent by from, with its
// avatar, at y, and returns the y below it.
func (c *canvas) photoMessage(y int, from Sender, pw, ph int, r *splitmix) int {
	avatar, margin, gap := c.px(40), c.px(12), c.px(10)
	ax, bx := margin, margin+avatar+gap
	letter, avatarCol := "客", rgb(0x6C, 0x8E, 0xBF)
	if from == Me {
		ax = c.width() - margin - avatar
		bx = ax - gap - pw
		letter, avatarCol = "李", rgb(0x4F, 0xA3, 0x7B)
	}
	c.roundRect(image.Rect(ax, y, ax+avatar, y+avatar), c.px(4), avatarCol)
	c.textCentered(ax+avatar/2, c.baseline(y+avatar/2, 19), 19, colWhite, false, letter)
	photo(c, image.Rect(bx, y, bx+pw, y+ph), r, c.px(40), 1, true)
	return y + ph + c.px(16)
}

// photo paints a photograph-like picture into rect: value noise at a
// coarse cell of cell pixels (light and shapes), with detail at a quarter
// of it when detail is set, a gradient from top to bottom (sky to
// ground), and per-pixel grain of ±grain levels on the brightness.
func photo(c *canvas, rect image.Rectangle, r *splitmix, cell, grain int, detail bool) {
	rect = rect.Intersect(c.img.Rect)
	if rect.Empty() || c.dry {
		return
	}
	cell = max(cell, 4)
	coarse := newValueNoise(rect.Dx(), rect.Dy(), cell, r)
	var fine *valueNoise
	if detail {
		fine = newValueNoise(rect.Dx(), rect.Dy(), max(cell/4, 2), r)
	}
	base := [3]int{int(r.next() % 128), int(r.next() % 128), int(r.next() % 128)}
	tint := [3]int{int(r.next()%96) - 48, int(r.next()%96) - 48, int(r.next()%96) - 48}
	g := grainSourceOf(r.next())
	span := uint32(2*grain + 1)
	for y := 0; y < rect.Dy(); y++ {
		row := c.img.Pix[(rect.Min.Y+y)*c.img.Stride+rect.Min.X*4:]
		ty := [3]int{tint[0] * y / rect.Dy(), tint[1] * y / rect.Dy(), tint[2] * y / rect.Dy()}
		for x := 0; x < rect.Dx(); x++ {
			v := coarse.at(x, y)
			if fine != nil {
				f := fine.at(x, y)
				v = [3]int{v[0] + f[0]/3, v[1] + f[1]/3, v[2] + f[2]/3}
			}
			n := 0
			if grain > 0 {
				n = int(g.next()%span) - grain
			}
			for ch := range 3 {
				row[4*x+ch] = clamp8(base[ch] + v[ch] + ty[ch] + n)
			}
			row[4*x+3] = 255
		}
	}
}

// valueNoise is a grid of random colours, one every cell pixels, read
// between its points by bilinear interpolation: a smooth random field.
type valueNoise struct {
	cell, cols int
	pts        [][3]int
}

func newValueNoise(w, h, cell int, r *splitmix) *valueNoise {
	cols, rows := w/cell+2, h/cell+2
	v := &valueNoise{cell: cell, cols: cols, pts: make([][3]int, cols*rows)}
	for i := range v.pts {
		x := r.next()
		v.pts[i] = [3]int{int(x & 0x7F), int(x >> 8 & 0x7F), int(x >> 16 & 0x7F)}
	}
	return v
}

// at is the field's colour at (x, y), each channel 0 to 127.
func (v *valueNoise) at(x, y int) [3]int {
	cx, cy := x/v.cell, y/v.cell
	fx, fy := x%v.cell, y%v.cell
	p := v.pts[cy*v.cols+cx:]
	q := v.pts[(cy+1)*v.cols+cx:]
	var out [3]int
	d := v.cell * v.cell
	for ch := range 3 {
		top := p[0][ch]*(v.cell-fx) + p[1][ch]*fx
		bot := q[0][ch]*(v.cell-fx) + q[1][ch]*fx
		out[ch] = (top*(v.cell-fy) + bot*fy) / d
	}
	return out
}

// grainSource is xorshift32: grain for every pixel without the cost of a
// 64-bit mix per pixel.
type grainSource uint32

func grainSourceOf(seed uint64) grainSource { return grainSource(uint32(seed) | 1) }

func (g *grainSource) next() uint32 {
	x := uint32(*g)
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	*g = grainSource(x)
	return x
}
