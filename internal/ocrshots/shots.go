package ocrshots

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
)

// Shot is one screenshot of the test set: a page drawn in one way, then
// perhaps downscaled or recompressed as a forward does.
type Shot struct {
	Name  string
	Page  Page
	Opt   Options
	Scale int // when nonzero, the width the drawn image is downscaled to
	JPEG  int // when nonzero, the JPEG quality it is recompressed with
	Truth Truth
}

// Variant names the copies made of each page.
func (s Shot) Variant() string {
	switch {
	case s.JPEG != 0:
		return "jpeg"
	case s.Scale != 0:
		return fmt.Sprintf("w%d", s.Scale)
	case s.Opt.Dark:
		return "dark"
	}
	return "light"
}

// Set returns the test screenshots: every page light and dark at 1080,
// 1170 and 1284 pixels (the font alternating), a 720-wide downscale and a
// JPEG (quality 70) copy of each light 1170 page, and an edited copy of
// each page with a changed amount (54 screenshots). full=false returns 14
// that still hold every page, theme, width and variant, for a test that
// stays fast.
func Set(full bool) []Shot {
	var out []Shot
	widths := []int{1080, 1170, 1284}
	for pi, p := range Pages() {
		add := func(s Shot) {
			if s.Opt.Font == "" {
				s.Opt.Font = NotoSans
			}
			s.Truth = s.Page.Truth
			s.Name = fmt.Sprintf("%s_%s_%d_%s", s.Page.Name, s.Variant(), s.Opt.Width, fontTag(s.Opt.Font))
			out = append(out, s)
		}
		for wi, w := range widths {
			f := NotoSans
			if (pi+wi)%2 == 1 {
				f = ZenHei
			}
			for _, dk := range []bool{false, true} {
				if !full && (w != widths[pi%3] || dk != (pi%2 == 1)) {
					continue
				}
				add(Shot{Page: p, Opt: Options{Width: w, Dark: dk, Font: f}})
			}
		}
		if full || pi%2 == 0 {
			add(Shot{Page: p, Opt: Options{Width: 1170}, Scale: 720})
		}
		if full || pi%2 == 1 {
			add(Shot{Page: p, Opt: Options{Width: 1170, Font: ZenHei}, JPEG: 70})
		}
		if full || pi%3 == 0 {
			add(Shot{Page: Edited(p), Opt: Options{Width: 1170}})
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fontTag(f Font) string {
	if f == ZenHei {
		return "wqy"
	}
	return "noto"
}

// Image draws the shot, downscaled when asked (JPEG is applied by Encode).
func (s Shot) Image() (image.Image, error) {
	img, err := Render(s.Page, s.Opt)
	if err != nil {
		return nil, err
	}
	if s.Scale == 0 {
		return img, nil
	}
	b := img.Bounds()
	h := b.Dy() * s.Scale / b.Dx()
	dst := image.NewRGBA(image.Rect(0, 0, s.Scale, h))
	draw.CatmullRom.Scale(dst, dst.Rect, img, b, draw.Src, nil)
	return dst, nil
}

// Encode returns the shot as a file would hold it: PNG, or JPEG when the
// shot is a recompressed copy.
func (s Shot) Encode() ([]byte, error) {
	img, err := s.Image()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if s.JPEG != 0 {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: s.JPEG})
	} else {
		err = png.Encode(&buf, img)
	}
	return buf.Bytes(), err
}
