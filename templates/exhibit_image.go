package templates

import (
	"bytes"
	"fmt"
	"os"

	"github.com/jung-kurt/gofpdf"
)

// mmPerPixel caps how far a small image is enlarged: never beyond 96 dpi.
const mmPerPixel = 25.4 / 96

// exhibitImage draws an image exhibit upright, as large as the page allows
// while keeping its aspect ratio. When the room left under the caption
// would shrink it well below what a page of its own gives, it moves to the
// next page.
func (dc *doc) exhibitImage(ex *Exhibit) {
	p := dc.images[imageName(ex)]
	if p == nil || p.err != nil {
		reason := "?"
		if p != nil {
			reason = p.err.Error()
		}
		dc.imageFailed(ex, reason)
		return
	}
	const border = 0.4
	fit := func(aw, ah float64) (float64, float64) {
		nw, nh := float64(p.w)*mmPerPixel, float64(p.h)*mmPerPixel
		s := min(aw/nw, ah/nh, 1)
		return nw * s, nh * s
	}
	w, h := fit(contentW-2*border, contentBottom-dc.y()-2*border)
	contH := lineHeight(sizeSmall) + 2
	fw, fh := fit(contentW-2*border, contentBottom-contentTop-contH-2*border)
	if w < 0.72*fw || h < 20 {
		dc.newPage()
		dc.font(sizeSmall, colMuted)
		dc.textAt(marginL, dc.y(), contentW, lineHeight(sizeSmall), dc.w.exhibitCont(ex.Number), "L")
		dc.font(sizeBody, colText)
		dc.setY(dc.y() + contH)
		w, h = fw, fh
	}
	x := marginL + (contentW-w)/2
	y := dc.y() + border
	if dc.final {
		if err := dc.placeImage(ex, p, x, y, w, h); err != nil {
			dc.failedBoxAt(ex, err.Error(), x, y, w, h)
		}
	}
	dc.stroke(colRule, 0.3)
	dc.pdf.Rect(x-border/2, y-border/2, w+border, h+border, "D")
	dc.setY(y + h + border)
}

// placeImage registers the prepared image (once per name) and draws it.
// gofpdf's errors stick to the document, so an image is checked before it
// is handed over, and a refusal all the same is cleared and reported.
func (dc *doc) placeImage(ex *Exhibit, p *preparedImage, x, y, w, h float64) error {
	pdf := dc.pdf
	if err := pdf.Error(); err != nil {
		return err
	}
	opt := gofpdf.ImageOptions{ImageType: p.typ}
	if pdf.GetImageInfo(p.name) == nil {
		data := p.data
		if data == nil {
			raw, err := os.ReadFile(ex.File)
			if err != nil {
				return err
			}
			typ, pw, ph, again, err := prepareBytes(raw, ex.Item.Meta.Orientation)
			if err != nil {
				return err
			}
			if typ != p.typ || pw != p.w || ph != p.h || !bytes.Equal(again, raw) {
				return fmt.Errorf("%s changed while the dossier was drawn", ex.File)
			}
			data = raw
		}
		pdf.RegisterImageOptionsReader(p.name, opt, bytes.NewReader(data))
		if err := pdf.Error(); err != nil {
			pdf.ClearError()
			return err
		}
	}
	pdf.ImageOptions(p.name, x, y, w, h, false, opt, 0, "")
	if err := pdf.Error(); err != nil {
		pdf.ClearError()
		return err
	}
	return nil
}

// imageFailed draws a box saying the image cannot be shown, and why.
func (dc *doc) imageFailed(ex *Exhibit, reason string) {
	dc.noteBox(dc.failedText(ex, reason), colAlert, sizeBody)
}

func (dc *doc) failedText(ex *Exhibit, reason string) string {
	w := dc.w
	where := ex.File
	if ex.Item != nil {
		where = "data/" + ex.Item.Path
	}
	return w.imageFailed + dc.colon() + reason + "\n" + w.inBundle + where
}

// failedBoxAt writes the failure into the area the image was to fill, so
// that the layout of the page does not change.
func (dc *doc) failedBoxAt(ex *Exhibit, reason string, x, y, w, h float64) {
	const pad = 3.0
	dc.fill(colAlert)
	dc.stroke(colRule, 0.3)
	dc.pdf.Rect(x, y, w, h, "FD")
	lh := lineHeight(sizeSmall)
	dc.font(sizeSmall, colText)
	lines := dc.m.wrap(dc.m.clean(dc.failedText(ex, reason), true), sizeSmall, w-2*pad)
	for i, ln := range lines {
		ly := y + pad + float64(i)*lh
		if ly+lh > y+h-pad {
			break
		}
		dc.textAt(x+pad, ly, w-2*pad, lh, ln, "L")
	}
	dc.font(sizeBody, colText)
}
