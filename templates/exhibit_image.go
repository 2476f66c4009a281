package templates

import (
	"bytes"
	"errors"
	"os"

	"github.com/jung-kurt/gofpdf"
)

// mmPerPixel caps how far a small image is enlarged: never beyond 96 dpi.
const mmPerPixel = 25.4 / 96

// exhibitImage draws an image exhibit with its caption, upright and as
// large as the page allows while keeping its aspect ratio. A tall image (a
// phone screenshot) stands on the left at the full height of the page with
// the caption in a column beside it; any other goes under the caption, or
// onto the next page when the room left would shrink it well below what a
// page of its own gives.
func (dc *doc) exhibitImage(ex *Exhibit) {
	p := dc.images[imageName(ex)]
	if p == nil || p.err != nil {
		dc.caption(ex)
		dc.setY(dc.y() + 3)
		var err error = whyf(imgNotPrepared)
		if p != nil {
			err = p.err
		}
		dc.imageFailed(ex, err)
		return
	}
	const border = 0.4
	fit := func(aw, ah float64) (float64, float64) {
		nw, nh := float64(p.w)*mmPerPixel, float64(p.h)*mmPerPixel
		s := min(aw/nw, ah/nh, 1)
		return nw * s, nh * s
	}

	if float64(p.h) >= 1.4*float64(p.w) {
		const capW, gutter = 64.0, 5.0
		// The file name and the hash run across the page, so that the
		// hash stays on one line; the rest of the caption stands beside
		// the image.
		rows, errRow := dc.captionRows(ex)
		top, side := rows[:2], rows[2:]
		band := rowHeight(dc.cells(&table{cols: captionCols}, top[0], sizeSmall), lineHeight(sizeSmall)) +
			rowHeight(dc.cells(&table{cols: captionCols}, top[1], sizeSmall), lineHeight(sizeSmall))
		availH := contentBottom - dc.y() - band - 3 - 2*border
		w, h := fit(contentW-capW-gutter-2*border, availH)
		capH, drawCaption := dc.sideCaption(side, errRow-2, capW)
		// What OCR read stands under the caption when it fits there,
		// else in a table after the image (exhibit_ocr.go).
		ocrH, drawOCR := dc.sideOCR(ex, capW)
		if ocrH > 0 {
			ocrH += 3
		}
		if capH <= availH && h >= 100 {
			dc.table(&table{cols: captionCols, rows: top, keyColumn: true, size: sizeSmall})
			dc.setY(dc.y() + 3)
			y := dc.y() + border
			dc.drawImage(ex, p, marginL+border, y, w, h)
			drawCaption(pageW-marginR-capW, y-border)
			if drawOCR != nil && capH+ocrH <= availH {
				drawOCR(pageW-marginR-capW, y-border+capH+3)
				dc.setY(y + max(h+border, capH+ocrH))
				return
			}
			dc.setY(y + max(h+border, capH))
			dc.ocrTable(ex)
			return
		}
	}

	dc.caption(ex)
	dc.setY(dc.y() + 3)
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
	dc.drawImage(ex, p, x, y, w, h)
	dc.setY(y + h + border)
	dc.ocrTable(ex)
}

// drawImage draws the image in its frame; the first pass only reserves the
// room. An image gofpdf refuses all the same is replaced by a box in the
// same place, so that the layout does not move.
func (dc *doc) drawImage(ex *Exhibit, p *preparedImage, x, y, w, h float64) {
	const border = 0.4
	if dc.final {
		if err := dc.placeImage(ex, p, x, y, w, h); err != nil {
			dc.failedBoxAt(ex, err, x, y, w, h)
		} else {
			dc.ocrText(ex, x, y, w, h)
		}
	}
	dc.stroke(colRule, 0.3)
	dc.pdf.Rect(x-border/2, y-border/2, w+border, h+border, "D")
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
				return whyf(imgUnreadable, err)
			}
			typ, pw, ph, again, err := prepareBytes(raw, ex.Item.Meta.Orientation)
			if err != nil {
				return err
			}
			if typ != p.typ || pw != p.w || ph != p.h || !bytes.Equal(again, raw) {
				return whyf(imgChanged)
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
func (dc *doc) imageFailed(ex *Exhibit, err error) {
	dc.noteBox(dc.failedText(ex, err), colAlert, sizeBody)
}

// failedText says why an image is not shown, in the dossier's language
// when the reason is one of ours, and where its original is.
func (dc *doc) failedText(ex *Exhibit, err error) string {
	reason := err.Error()
	var y *why
	if errors.As(err, &y) {
		reason = y.in(dc.w)
	}
	w := dc.w
	where := ex.File
	if ex.Item != nil {
		where = "data/" + ex.Item.Path
	}
	return w.imageFailed + dc.colon() + reason + "\n" + w.inBundle + where
}

// failedBoxAt writes the failure into the area the image was to fill, so
// that the layout of the page does not change.
func (dc *doc) failedBoxAt(ex *Exhibit, err error, x, y, w, h float64) {
	const pad = 3.0
	dc.fill(colAlert)
	dc.stroke(colRule, 0.3)
	dc.pdf.Rect(x, y, w, h, "FD")
	lh := lineHeight(sizeSmall)
	dc.font(sizeSmall, colText)
	lines := dc.m.wrap(dc.m.clean(dc.failedText(ex, err), true), sizeSmall, w-2*pad)
	for i, ln := range lines {
		ly := y + pad + float64(i)*lh
		if ly+lh > y+h-pad {
			break
		}
		dc.textAt(x+pad, ly, w-2*pad, lh, ln, "L")
	}
	dc.font(sizeBody, colText)
}
