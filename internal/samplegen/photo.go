package samplegen

import (
	"image"
	"image/color"
)

// Photo sizes in pixels: a landscape 4:3 frame, smaller than a real
// 50-megapixel camera's so that the demo case stays small.
const (
	photoLong  = 1600
	photoShort = 1200
)

// StatementPhoto draws, upright (portrait, 1200x1600), a photo of a
// printed bank statement lying on a wooden desk: 李明's account, the
// ¥5,000.00 payment to 财付通 on 2025-11-03 circled in red pen and the
// bank's round stamp.
func StatementPhoto() *image.RGBA {
	w, h := photoShort, photoLong
	c := newCanvas(w, h, 1, rgb(0, 0, 0))
	wood(c)
	paper := image.Rect(150, 170, 1070, 1470)
	shadow(c, paper.Add(image.Pt(18, 22)), 26)
	c.fill(paper, rgb(0xF4, 0xF2, 0xEC))

	ink := rgb(0x2A, 0x2A, 0x30)
	grey := rgb(0x6A, 0x6A, 0x70)
	x := paper.Min.X + 60
	y := paper.Min.Y + 110
	c.textCentered(paper.Min.X+paper.Dx()/2, y, 40, ink, true, "招商银行 个人账户交易明细")
	y += 44
	c.textCentered(paper.Min.X+paper.Dx()/2, y, 20, grey, false, "China Merchants Bank Transaction Statement")
	y += 70
	for _, ln := range []string{
		"户　　名：李明",
		"账　　号：6214 83** **** 8816",
		"币　　种：人民币",
		"起止日期：2025-11-01 至 2025-11-04",
	} {
		c.text(x, y, 24, ink, false, ln)
		y += 40
	}
	y += 20
	cols := []int{x, x + 160, x + 330, x + 480, x + 610}
	right := paper.Max.X - 60
	c.fill(image.Rect(x, y, right, y+3), ink)
	y += 40
	for i, hd := range []string{"记账日期", "交易金额", "联机余额", "交易摘要", "对手信息"} {
		c.text(cols[i], y, 22, ink, true, hd)
	}
	y += 18
	c.fill(image.Rect(x, y, right, y+2), ink)
	rows := [][]string{
		{"2025-11-01", "-36.50", "17,382.17", "快捷支付", "美团支付"},
		{"2025-11-02", "-128.00", "17,254.17", "快捷支付", "支付宝-盒马"},
		{"2025-11-03", "-5,000.00", "12,254.17", "快捷支付", "财付通-微信转账"},
		{"2025-11-03", "-18.00", "12,236.17", "快捷支付", "财付通-滴滴出行"},
		{"2025-11-04", "+3.21", "12,239.38", "结息", "活期结息"},
	}
	var circled image.Rectangle
	for _, row := range rows {
		y += 56
		for i, cell := range row {
			c.text(cols[i], y, 22, ink, false, cell)
		}
		if row[1] == "-5,000.00" {
			circled = image.Rect(x-20, y-46, right+14, y+22)
		}
		c.fill(image.Rect(x, y+20, right, y+21), rgb(0xC8, 0xC6, 0xC0))
	}
	y += 90
	c.text(x, y, 22, grey, false, "打印时间：2025-11-04 09:26:47　　打印网点：上海浦东新区张杨路支行")
	y += 40
	c.text(x, y, 22, grey, false, "本明细仅供参考，以银行系统记录为准。")

	// Red pen around the transfer, and the bank's stamp.
	red := rgb(0xC8, 0x24, 0x2C)
	ellipse(c, circled, 5, red)
	stamp := image.Pt(paper.Max.X-200, paper.Max.Y-230)
	c.ring(stamp.X, stamp.Y, 120, 9, red)
	c.textCentered(stamp.X, stamp.Y+18, 54, red, false, "★")
	c.textCentered(stamp.X, stamp.Y-48, 22, red, false, "招商银行上海分行")
	c.textCentered(stamp.X, stamp.Y+78, 24, red, false, "业务专用章")

	light(c, w*3/5, h/4)
	return c.img
}

// MonitorPhoto draws a photo (landscape, 1600x1200) of a computer screen
// showing WeChat for PC: the chat with 张三, the accepted ¥5,000.00 transfer
// and the first request to send it back.
func MonitorPhoto() *image.RGBA {
	w, h := photoLong, photoShort
	c := newCanvas(w, h, 1, rgb(0, 0, 0))
	// A dim room: wall above the desk.
	for y := 0; y < h; y++ {
		v := uint8(58 + y*22/h)
		c.fill(image.Rect(0, y, w, y+1), rgb(v, v-2, v-6))
	}
	c.fill(image.Rect(0, 1040, w, h), rgb(0x5A, 0x48, 0x3A))
	// Stand and bezel.
	c.fill(image.Rect(740, 980, 860, 1080), rgb(0x26, 0x26, 0x28))
	c.roundRect(image.Rect(600, 1070, 1000, 1100), 10, rgb(0x2E, 0x2E, 0x30))
	bezel := image.Rect(110, 70, 1490, 1000)
	c.roundRect(bezel, 14, rgb(0x16, 0x16, 0x18))
	screen := bezel.Inset(22)
	c.fill(screen, rgb(0xF5, 0xF5, 0xF5))

	// WeChat for PC: icon strip, chat list, conversation.
	strip := image.Rect(screen.Min.X, screen.Min.Y, screen.Min.X+64, screen.Max.Y)
	c.fill(strip, rgb(0x2E, 0x2E, 0x2E))
	c.roundRect(image.Rect(strip.Min.X+14, strip.Min.Y+30, strip.Min.X+50, strip.Min.Y+66), 4, rgb(0x4F, 0xA3, 0x7B))
	c.textCentered(strip.Min.X+32, strip.Min.Y+56, 20, colWhite, false, "李")
	for i := 0; i < 4; i++ {
		c.roundRect(image.Rect(strip.Min.X+20, strip.Min.Y+110+i*62, strip.Min.X+44, strip.Min.Y+134+i*62), 5, rgb(0x9A, 0x9A, 0x9A))
	}
	list := image.Rect(strip.Max.X, screen.Min.Y, strip.Max.X+300, screen.Max.Y)
	c.fill(list, rgb(0xE6, 0xE6, 0xE6))
	c.roundRect(image.Rect(list.Min.X+14, list.Min.Y+22, list.Max.X-14, list.Min.Y+54), 4, rgb(0xDA, 0xDA, 0xDA))
	c.text(list.Min.X+28, list.Min.Y+45, 17, colGreyText, false, "搜索")
	chats := []struct{ name, last, when string }{
		{"张三", "你好，不好意思，我刚才转错…", "14:18"},
		{"张珊", "好的，等你转过来", "14:02"},
		{"文件传输助手", "[图片]", "13:40"},
		{"家人群", "妈妈：晚上回来吃饭吗", "12:15"},
		{"公司-财务部", "报销单已经收到", "昨天"},
	}
	for i, ch := range chats {
		top := list.Min.Y + 72 + i*84
		if i == 0 {
			c.fill(image.Rect(list.Min.X, top, list.Max.X, top+84), rgb(0xC9, 0xC9, 0xC9))
		}
		c.roundRect(image.Rect(list.Min.X+14, top+14, list.Min.X+70, top+70), 4, avatarColour(i))
		c.textCentered(list.Min.X+42, top+52, 24, colWhite, false, string([]rune(ch.name)[:1]))
		c.text(list.Min.X+84, top+36, 19, colBlack, false, ch.name)
		c.textRight(list.Max.X-12, top+34, 14, colLightText, false, ch.when)
		c.text(list.Min.X+84, top+64, 15, colGreyText, false, ch.last)
	}
	conv := image.Rect(list.Max.X, screen.Min.Y, screen.Max.X, screen.Max.Y)
	c.text(conv.Min.X+28, conv.Min.Y+46, 22, colBlack, false, "张三")
	c.fill(image.Rect(conv.Min.X, conv.Min.Y+70, conv.Max.X, conv.Min.Y+71), rgb(0xDA, 0xDA, 0xDA))
	c.textCentered(conv.Min.X+conv.Dx()/2, conv.Min.Y+112, 15, colLightText, false, "14:05")
	me := conv.Max.X - 30 - 44
	c.roundRect(image.Rect(me, conv.Min.Y+134, me+44, conv.Min.Y+178), 4, rgb(0x4F, 0xA3, 0x7B))
	c.textCentered(me+22, conv.Min.Y+165, 20, colWhite, false, "李")
	card := image.Rect(me-14-300, conv.Min.Y+134, me-14, conv.Min.Y+244)
	c.roundRect(card, 6, colTransferOK)
	ix, iy := card.Min.X+40, card.Min.Y+40
	c.ring(ix, iy, 22, 3, colWhite)
	c.line(ix-10, iy-4, ix+10, iy-4, 3, colWhite)
	c.line(ix+10, iy-4, ix+4, iy-10, 3, colWhite)
	c.line(ix+10, iy+5, ix-10, iy+5, 3, colWhite)
	c.line(ix-10, iy+5, ix-4, iy+11, 3, colWhite)
	c.text(card.Min.X+76, card.Min.Y+38, 22, colWhite, true, demoAmount)
	c.text(card.Min.X+76, card.Min.Y+66, 16, colWhite, false, "已被接收")
	c.text(card.Min.X+16, card.Max.Y-12, 14, colWhite, false, "微信转账")
	c.textCentered(conv.Min.X+conv.Dx()/2, conv.Min.Y+296, 15, colLightText, false, "14:18")
	msg := []string{"你好，不好意思，我刚才转错账了。这5000元本来", "是转给我同事张珊的，名字打错转到了你这里。"}
	c.roundRect(image.Rect(me, conv.Min.Y+318, me+44, conv.Min.Y+362), 4, rgb(0x4F, 0xA3, 0x7B))
	c.textCentered(me+22, conv.Min.Y+349, 20, colWhite, false, "李")
	bubble := image.Rect(me-14-470, conv.Min.Y+318, me-14, conv.Min.Y+404)
	c.roundRect(bubble, 5, colBubbleMe)
	for i, ln := range msg {
		c.text(bubble.Min.X+16, bubble.Min.Y+34+i*32, 19, colBlack, false, ln)
	}
	c.fill(image.Rect(conv.Min.X, conv.Max.Y-190, conv.Max.X, conv.Max.Y-189), rgb(0xDA, 0xDA, 0xDA))
	c.fill(image.Rect(conv.Min.X, conv.Max.Y-189, conv.Max.X, conv.Max.Y), colWhite)
	c.text(conv.Min.X+24, conv.Max.Y-140, 19, colBlack, false, "麻烦你把5000元退回给我，谢谢！")
	c.roundRect(image.Rect(conv.Max.X-130, conv.Max.Y-60, conv.Max.X-24, conv.Max.Y-22), 4, colGreen)
	c.textCentered(conv.Max.X-77, conv.Max.Y-33, 17, colWhite, false, "发送(S)")

	// The screen glows a little brighter than the room; a camera sees a
	// soft highlight and darker corners.
	light(c, w/2, h*2/5)
	return c.img
}

func avatarColour(i int) color.RGBA {
	cols := []color.RGBA{rgb(0x6C, 0x8E, 0xBF), rgb(0xD9, 0x8C, 0x6B), rgb(0x57, 0xB3, 0x8E), rgb(0xC0, 0x7C, 0xC8), rgb(0x8A, 0x9A, 0xA8)}
	return cols[i%len(cols)]
}

// wood fills the canvas with a warm desk surface with wavy grain.
func wood(c *canvas) {
	w, h := c.width(), c.height()
	for y := 0; y < h; y++ {
		row := c.img.Pix[y*c.img.Stride:]
		for x := 0; x < w; x++ {
			// Two triangle waves: a slow bend across, stripes down.
			bend := tri(x+y/3, 1300)*90/255 + tri(x*2+y, 2300)*40/255
			g := tri(y*4+bend*6, 520)
			v := (g - 128) / 8
			row[4*x+0] = clamp8(148 + v)
			row[4*x+1] = clamp8(102 + v*3/4)
			row[4*x+2] = clamp8(64 + v/2)
			row[4*x+3] = 255
		}
	}
}

// tri is a triangle wave of the given period, 0..255.
func tri(v, period int) int {
	m := v % period
	if m < 0 {
		m += period
	}
	return abs(2*m-period) * 255 / period
}

func clamp8(v int) uint8 {
	return uint8(min(max(v, 0), 255))
}

// shadow darkens a soft-edged rectangle: the shadow of the paper.
func shadow(c *canvas, r image.Rectangle, soft int) {
	for y := r.Min.Y - soft; y < r.Max.Y+soft; y++ {
		for x := r.Min.X - soft; x < r.Max.X+soft; x++ {
			if !image.Pt(x, y).In(c.img.Rect) {
				continue
			}
			dx := max(r.Min.X-x, x-r.Max.X+1, 0)
			dy := max(r.Min.Y-y, y-r.Max.Y+1, 0)
			d := max(dx, dy)
			if d >= soft {
				continue
			}
			k := 150 + 106*d/soft // 150/256 at the edge, 1 at soft px out
			i := c.img.PixOffset(x, y)
			for j := 0; j < 3; j++ {
				c.img.Pix[i+j] = uint8(int(c.img.Pix[i+j]) * k / 256)
			}
		}
	}
}

// ellipse draws the outline of the ellipse inscribed in r, thick pixels
// wide, as a pen stroke would.
func ellipse(c *canvas, r image.Rectangle, thick int, col color.RGBA) {
	a, b := r.Dx()/2, r.Dy()/2
	cx, cy := r.Min.X+a, r.Min.Y+b
	// (x/a)² + (y/b)² between the inner and outer bounds, in integers:
	// x²b² + y²a² compared with a²b², scaled by 1000.
	ao, bo := a+thick/2, b+thick/2
	ai, bi := a-thick/2, b-thick/2
	for y := -bo; y <= bo; y++ {
		for x := -ao; x <= ao; x++ {
			out := x*x*bo*bo + y*y*ao*ao
			in := x*x*bi*bi + y*y*ai*ai
			if out <= ao*ao*bo*bo && in >= ai*ai*bi*bi {
				c.set(cx+x, cy+y, col)
			}
		}
	}
}

// light brightens the picture near (lx, ly) and darkens the corners, like
// a room lamp seen through a phone lens.
func light(c *canvas, lx, ly int) {
	w, h := c.width(), c.height()
	far := w*w + h*h
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := (x-lx)*(x-lx) + (y-ly)*(y-ly)
			k := 272 - 80*(d/64)/(far/64) // 272/256 at the lamp, ~0.75 far away
			i := c.img.PixOffset(x, y)
			for j := 0; j < 3; j++ {
				c.img.Pix[i+j] = clamp8(int(c.img.Pix[i+j]) * k / 256)
			}
		}
	}
}
