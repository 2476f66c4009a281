package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/evidence/media"
)

// Recordings and videos. The exhibit shows the caption, a box with what
// the container says (duration, codecs, rate and channels, picture size
// and frame rate, the creation time and where it comes from) and where to
// play the original in the bundle, and says that nothing is transcribed.
// A video then gets its contact sheet: the frames bundle had ffmpeg take
// from the copy in data/, in rows, each labelled with its offset from the
// start, under a note that the frames are a view and the file is the
// evidence. Frames are drawn in the final pass only, like photos, and are
// counted in the volume plan by their PNG bytes (frameBytes).

func isMedia(it *evidence.Item) bool {
	return it != nil && (it.Kind == evidence.KindAudio || it.Kind == evidence.KindVideo)
}

// exhibitMedia draws a recording or a video after its caption.
func (dc *doc) exhibitMedia(ex *Exhibit) {
	w := dc.w
	it := ex.Item
	facts := w.audioFacts
	if it.Kind == evidence.KindVideo {
		facts = w.videoFacts
	}
	dc.subheading(facts, 20)
	dc.table(&table{cols: captionCols, rows: dc.mediaRows(it), keyColumn: true, size: sizeSmall})
	dc.setY(dc.y() + 2)
	dc.noteBox(w.mediaPlay(it.Path)+"\n"+w.mediaNoTranscript, colFillKy, sizeSmall)
	if it.Kind != evidence.KindVideo {
		return
	}
	dc.setY(dc.y() + 3)
	if len(ex.Frames) == 0 {
		dc.noteBox(w.framesNone, colAlert, sizeSmall)
		return
	}
	dc.contactSheet(ex)
}

// mediaRows are the facts of a recording or a video as label/value rows.
func (dc *doc) mediaRows(it *evidence.Item) [][]string {
	w := dc.w
	m := it.Meta
	in := it.Media
	unknown := func(s string) string {
		if s == "" {
			return w.mediaUnknown
		}
		return s
	}
	dur := ""
	if in != nil && in.DurationKnown {
		dur = media.FormatOffset(in.Duration)
	}
	rows := [][]string{
		{w.mediaDuration, unknown(dur)},
		{w.mediaFormat, unknown(m.Format)},
		{w.mediaCodecs, unknown(strings.Join(m.Codecs, ", "))},
	}
	if it.Kind == evidence.KindVideo {
		pic := ""
		if m.Width > 0 && m.Height > 0 {
			pic = fmt.Sprintf("%d × %d px", m.Width, m.Height)
			if m.Rotation != 0 {
				pic += w.mediaRotation(m.Rotation)
			}
		}
		fps := ""
		if m.FrameRate != "" {
			fps = m.FrameRate + " fps"
		}
		rows = append(rows, []string{w.mediaPicture, unknown(pic)}, []string{w.mediaFPS, unknown(fps)})
	}
	if m.SampleRate > 0 || m.Channels > 0 {
		rate := ""
		if m.SampleRate > 0 {
			rate = strconv.Itoa(m.SampleRate) + " Hz"
		}
		ch := ""
		if m.Channels > 0 {
			ch = strconv.Itoa(m.Channels)
		}
		rows = append(rows, []string{w.mediaRate, unknown(rate)}, []string{w.mediaChannels, unknown(ch)})
	}
	if m.Camera != "" {
		rows = append(rows, []string{w.mediaDevice, m.Camera})
	}
	created := w.mediaUnknown
	if it.Captured != nil {
		created = w.captured(it.Captured)
		if src, ok := w.mediaTimeSource[m.TimeSource]; ok {
			created += w.aside(src)
		}
	}
	rows = append(rows, []string{w.mediaCreated, created})
	if in != nil && !in.MvhdCreated.IsZero() && in.CreatedSource != media.SourceMvhd {
		rows = append(rows, []string{w.mediaMvhd, w.when(in.MvhdCreated)})
	}
	if m.GPS != nil {
		rows = append(rows, []string{w.mediaLocation, fmt.Sprintf("%.6f, %.6f", m.GPS.Lat, m.GPS.Lon)})
	}
	return rows
}

// frameName is the registration name of a frame of a video's contact
// sheet: stable across runs.
func frameName(ex *Exhibit, k int) string {
	return imageName(ex) + "-frame-" + strconv.Itoa(k+1)
}

// prepareFrames makes every frame of every contact sheet ready for gofpdf
// (ffmpeg writes PNGs that may be 16-bit or carry alpha).
func prepareFrames(exhibits []Exhibit, out map[string]*preparedImage) {
	for i := range exhibits {
		ex := &exhibits[i]
		for k, f := range ex.Frames {
			name := frameName(ex, k)
			if _, ok := out[name]; ok {
				continue
			}
			p := &preparedImage{name: name}
			p.typ, p.w, p.h, p.data, p.err = preparePNG(f.PNG)
			if p.err == nil && p.data == nil {
				p.data = f.PNG
			}
			out[name] = p
		}
	}
}

// frameBytes is what an exhibit's frames add to a volume.
func frameBytes(images map[string]*preparedImage, ex *Exhibit) int64 {
	var n int64
	for k := range ex.Frames {
		if p := images[frameName(ex, k)]; p != nil && p.err == nil {
			n += int64(len(p.data)) + imageAllowance
		}
	}
	return n
}

// contactSheet draws a video's frames in rows, three across for a
// landscape video and four for a portrait one, each labelled with its
// offset; rows break across pages.
func (dc *doc) contactSheet(ex *Exhibit) {
	w := dc.w
	f0 := ex.Frames[0]
	cols := 3
	if f0.Height > f0.Width {
		cols = 4
	}
	const gap = 4.0
	cellW := (contentW - float64(cols-1)*gap) / float64(cols)
	lh := lineHeight(sizeSmall)
	// Every frame of a video has one size; a row is as tall as its
	// tallest all the same.
	rowImgH := func(row []media.Frame) float64 {
		var h float64
		for _, f := range row {
			if f.Width > 0 {
				h = max(h, cellW*float64(f.Height)/float64(f.Width))
			}
		}
		return min(h, contentBottom-contentTop-lh-2-4*lh)
	}
	// The title and the note stay on the page of the first row.
	title, note := w.framesTitle(len(ex.Frames)), w.framesNote(ex.Item.Path)
	head := float64(len(dc.m.wrap(dc.m.clean(title, true), sizeSmall, contentW))+
		len(dc.m.wrap(dc.m.clean(note, true), sizeSmall, contentW)))*lh + 2
	dc.ensure(head + rowImgH(ex.Frames[:min(cols, len(ex.Frames))]) + lh + 2)
	dc.para(title, sizeSmall, colText, 0)
	dc.para(note, sizeSmall, colMuted, 0)
	dc.setY(dc.y() + 2)
	for r := 0; r*cols < len(ex.Frames); r++ {
		row := ex.Frames[r*cols : min(len(ex.Frames), (r+1)*cols)]
		imgH := rowImgH(row)
		dc.ensure(imgH + lh + 2)
		y := dc.y()
		for c, f := range row {
			k := r*cols + c
			x := marginL + float64(c)*(cellW+gap)
			p := dc.images[frameName(ex, k)]
			fw, fh := cellW, imgH
			if f.Width > 0 {
				fh = min(imgH, cellW*float64(f.Height)/float64(f.Width))
				fw = fh * float64(f.Width) / float64(f.Height)
			}
			fx := x + (cellW-fw)/2
			if p == nil || p.err != nil {
				dc.fill(colAlert)
				dc.stroke(colRule, 0.3)
				dc.pdf.Rect(fx, y, fw, fh, "FD")
			} else {
				dc.drawImage(ex, p, fx, y, fw, fh)
			}
			dc.font(sizeSmall, colMuted)
			dc.textAt(x, y+imgH+0.5, cellW, lh, media.FormatOffset(f.Offset), "C")
			dc.font(sizeBody, colText)
		}
		dc.setY(y + imgH + lh + 2)
	}
}
