package ocrshots

import (
	"image"
	"image/color"
)

// Options choose how a page is drawn.
type Options struct {
	Width int // pixels; 1080, 1170 or 1284 (zero means 1170)
	Dark  bool
	Font  Font // zero means NotoSans
	// Photo adds a picture (a chat's image message, a bill page's advert
	// banner) drawn as deterministic noise, so that the PNG has the size
	// of a real screenshot (300 KB to 1.5 MB) for benchmarks.
	Photo bool
}

// Height returns the screen height of a phone of width w: 1080x2340,
// 1170x2532, 1284x2778, else a 19.5:9 screen.
func Height(w int) int {
	switch w {
	case 1080:
		return 2340
	case 1170:
		return 2532
	case 1284:
		return 2778
	}
	return w * 195 / 90
}

type theme struct {
	bg, card, text, grey, line    color.RGBA
	chatBg, peer, own, ownText    color.RGBA
	transfer, transferText, green color.RGBA
	orange, blue                  color.RGBA
}

var (
	light = theme{
		bg: rgb(0xffffff), card: rgb(0xffffff), text: rgb(0x191919), grey: rgb(0x888888), line: rgb(0xe5e5e5),
		chatBg: rgb(0xededed), peer: rgb(0xffffff), own: rgb(0x95ec69), ownText: rgb(0x191919),
		transfer: rgb(0xfa9d3b), transferText: rgb(0xffffff), green: rgb(0x07c160),
		orange: rgb(0xfa9d3b), blue: rgb(0x1677ff),
	}
	dark = theme{
		bg: rgb(0x111111), card: rgb(0x191919), text: rgb(0xd5d5d5), grey: rgb(0x808080), line: rgb(0x2c2c2c),
		chatBg: rgb(0x111111), peer: rgb(0x2c2c2c), own: rgb(0x3eb575), ownText: rgb(0x111111),
		transfer: rgb(0xc6803a), transferText: rgb(0xf0f0f0), green: rgb(0x07c160),
		orange: rgb(0xc6803a), blue: rgb(0x3a7be0),
	}
)

// Render draws p. It fails only when the font is not installed.
func Render(p Page, o Options) (*image.RGBA, error) {
	if o.Width == 0 {
		o.Width = 1170
	}
	if o.Font == "" {
		o.Font = NotoSans
	}
	fc, err := load(o.Font)
	if err != nil {
		return nil, err
	}
	th := light
	if o.Dark {
		th = dark
	}
	bg := th.bg
	switch {
	case p.Chat != nil:
		bg = th.chatBg
	case p.Alipay && !o.Dark:
		bg = rgb(0xf5f5f5)
	}
	c := newCanvas(o.Width, Height(o.Width), fc, bg)
	c.statusBar(th)
	y := c.px(92)
	if p.Title != "" || p.Chat != nil {
		c.text("<", c.px(14), c.px(78), 22, false, th.text)
		if p.Title != "" {
			c.centred(p.Title, c.px(78), 17, true, th.text)
		}
		c.text("···", o.Width-c.px(42), c.px(76), 18, true, th.text)
	}
	if o.Photo {
		defer c.photo(image.Rect(c.px(40), Height(o.Width)-c.px(250), o.Width-c.px(40), Height(o.Width)-c.px(90)))
	}
	if p.Chat != nil {
		c.fill(image.Rect(0, c.px(100), o.Width, c.px(101)), th.line)
		c.chat(p.Chat, th)
		return c.img, nil
	}
	if p.Alipay {
		c.roundRect(image.Rect(c.px(12), c.px(104), o.Width-c.px(12), c.px(640)), c.px(10), th.card)
	}
	y = c.px(150)
	switch p.Icon {
	case 1:
		c.circle(o.Width/2, y, c.px(28), th.green)
		c.text("✓", o.Width/2-c.px(12), y+c.px(12), 30, true, rgb(0xffffff))
	case 2:
		c.circle(o.Width/2, y, c.px(28), th.orange)
		c.circle(o.Width/2, y, c.px(20), bg)
		c.fill(image.Rect(o.Width/2-c.px(2), y-c.px(14), o.Width/2+c.px(2), y+c.px(2)), th.orange)
		c.fill(image.Rect(o.Width/2-c.px(2), y-c.px(2), o.Width/2+c.px(12), y+c.px(2)), th.orange)
	case 3:
		c.circle(o.Width/2, y, c.px(24), th.blue)
	}
	y += c.px(68)
	c.centred(p.Headline, y, 17, false, th.text)
	y += c.px(62)
	amountBox := c.centred(p.Amount, y, 38, true, th.text)
	if p.EditAmount != "" {
		// Paint over the amount and write another in a different font, as
		// an editing app does: the new digits do not quite match the page.
		c.fill(amountBox.Inset(-c.px(2)), bg)
		if p.Alipay {
			c.fill(amountBox.Inset(-c.px(2)), th.card)
		}
		other := c.fc
		if alt, err := load(ZenHei); err == nil && o.Font != ZenHei {
			c.useFonts(alt)
		} else if alt, err := load(NotoSans); err == nil {
			c.useFonts(alt)
		}
		c.centred(p.EditAmount, y, 37, true, th.text)
		c.useFonts(other)
	}
	if p.Status != "" {
		y += c.px(36)
		col := th.grey
		if p.Alipay {
			col = th.text
		}
		c.centred(p.Status, y, 15, false, col)
	}
	y += c.px(40)
	c.fill(image.Rect(c.px(24), y, o.Width-c.px(24), y+max(1, c.px(0.5))), th.line)
	y += c.px(44)
	c.rows(p.Rows, p.Layout, y, th)
	return c.img, nil
}

func (c *canvas) statusBar(th theme) {
	w := c.img.Rect.Dx()
	c.text("14:06", c.px(30), c.px(32), 16, true, th.text)
	c.roundRect(image.Rect(w-c.px(48), c.px(20), w-c.px(22), c.px(33)), c.px(3), th.text)
	for i := 0; i < 4; i++ {
		h := c.px(4 + 2*float64(i))
		x := w - c.px(94) + i*c.px(5)
		c.fill(image.Rect(x, c.px(33)-h, x+c.px(3), c.px(33)), th.text)
	}
}

// rows draws label/value rows starting at baseline y.
func (c *canvas) rows(rows []Row, layout int, y int, th theme) {
	w := c.img.Rect.Dx()
	const size = 16
	left, col, right := c.px(28), c.px(118), w-c.px(28)
	if layout == valueRight {
		left, right = c.px(30), w-c.px(30)
	}
	lineH := c.px(size * 1.5)
	for _, r := range rows {
		c.text(r.Label, left, y, size, false, th.grey)
		var lines []string
		if layout == valueRight {
			lines = c.wrap(r.Value, size, right-c.px(130))
			for i, l := range lines {
				c.text(l, right-c.width(l, size, false), y+i*lineH, size, false, th.text)
			}
		} else {
			lines = c.wrap(r.Value, size, right-col)
			for i, l := range lines {
				c.text(l, col, y+i*lineH, size, false, th.text)
			}
		}
		y += (len(lines)-1)*lineH + c.px(46)
	}
}

// chat draws the messages of a conversation below the title bar.
func (c *canvas) chat(msgs []Msg, th theme) {
	w := c.img.Rect.Dx()
	y := c.px(136)
	const size = 17
	avatar := c.px(40)
	maxText := w - 2*(c.px(12)+avatar+c.px(10)) - c.px(60)
	for _, m := range msgs {
		if m.Time != "" {
			c.centred(m.Time, y, 13, false, th.grey)
			y += c.px(34)
			continue
		}
		ax := c.px(12)
		if m.Own {
			ax = w - c.px(12) - avatar
		}
		avCol := rgb(0x6d8fb5)
		if m.Own {
			avCol = rgb(0xb58f6d)
		}
		c.roundRect(image.Rect(ax, y-c.px(4), ax+avatar, y-c.px(4)+avatar), c.px(5), avCol)
		if m.Transfer != "" {
			bw, bh := c.px(230), c.px(84)
			bx := ax + avatar + c.px(10)
			if m.Own {
				bx = ax - c.px(10) - bw
			}
			c.roundRect(image.Rect(bx, y-c.px(4), bx+bw, y-c.px(4)+bh), c.px(6), th.transfer)
			c.circle(bx+c.px(30), y+c.px(24), c.px(15), th.transferText)
			c.text(m.Transfer, bx+c.px(56), y+c.px(32), 18, true, th.transferText)
			c.fill(image.Rect(bx+c.px(10), y+c.px(52), bx+bw-c.px(10), y+c.px(53)), th.transferText)
			c.text(m.Note, bx+c.px(12), y+c.px(72), 12, false, th.transferText)
			y += bh + c.px(20)
			continue
		}
		lines := c.wrap(m.Text, size, maxText)
		tw := 0
		for _, l := range lines {
			tw = max(tw, c.width(l, size, false))
		}
		lh := c.px(size * 1.45)
		bw, bh := tw+c.px(24), len(lines)*lh+c.px(18)
		bx := ax + avatar + c.px(10)
		bg, fg := th.peer, th.text
		if m.Own {
			bx = ax - c.px(10) - bw
			bg, fg = th.own, th.ownText
		}
		c.roundRect(image.Rect(bx, y-c.px(4), bx+bw, y-c.px(4)+bh), c.px(6), bg)
		for i, l := range lines {
			c.text(l, bx+c.px(12), y+c.px(19)+i*lh, size, false, fg)
		}
		y += bh + c.px(20)
	}
}

// photo fills r with smooth coloured noise, as a photo compresses.
func (c *canvas) photo(r image.Rectangle) {
	x := uint32(2463534242)
	next := func() uint32 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			n := next()
			base := uint8(px*200/r.Dx() + 30)
			c.img.SetRGBA(px, py, color.RGBA{base + uint8(n&31), uint8(py*180/r.Dy()) + uint8(n>>8&31), 120 + uint8(n>>16&63), 255})
		}
	}
}
