package templates

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/disintegration/imaging"

	"github.com/casebundle/casebundle/evidence"
	"github.com/casebundle/casebundle/internal/membudget"
)

// The complaint pack: the text for the platform's complaint form, the
// images that prove the payment and the payee, and for consumer
// complaints the fields of the 12315 form, on one page to copy from.

const (
	// complaintRunes is the longest text the complaint form takes: WeChat
	// Pay's complaint description holds 300 characters.
	complaintRunes = 300
	// complaintImageMax is the largest image the forms accept: 2 MB.
	complaintImageMax = 2 << 20
	// complaintImages is how many images the pack holds at most.
	complaintImages = 6
)

// complaintText is the text for the complaint form, at most
// complaintRunes runes, beginning with the transaction IDs: the desk finds
// the payment by them. Then the time and amount of each payment, the
// payee, what is asked, and as much of the narrative as still fits.
func (ps *papersCtx) complaintText() string {
	w := ps.w
	pays := ps.disputedIDs()
	var b strings.Builder
	fits := func(s string) bool {
		return utf8.RuneCountInString(b.String())+utf8.RuneCountInString(s) <= complaintRunes
	}
	if len(pays) > 0 {
		var ids []string
		for i, t := range pays {
			more := ""
			if i+1 < len(pays) {
				more = w.pCMore(len(pays))
			}
			if utf8.RuneCountInString(w.pCIDs(strings.Join(append(ids, t.ID), w.listSep)+more)) > complaintRunes {
				break
			}
			ids = append(ids, t.ID)
		}
		more := ""
		if len(ids) < len(pays) {
			more = w.pCMore(len(pays))
		}
		b.WriteString(w.pCIDs(strings.Join(ids, w.listSep) + more))
		for _, t := range pays {
			when := ""
			if t.HasTime {
				when = w.whenShort(t.Time)
			}
			if s := w.pCPay(when, ps.amount(t.Amount)); fits(s) {
				b.WriteString(s)
			}
		}
	}
	if s := ps.payeeShort(); s != "" && fits(s) {
		b.WriteString(s)
	}
	if s := lookup(w.pComplaintAsk, ps.complaintType()); fits(s) {
		b.WriteString(s)
	}
	if room := complaintRunes - utf8.RuneCountInString(b.String()); room > 20 {
		b.WriteString(fitSentences(ps.d.Narrative, room))
	}
	return strings.TrimSpace(b.String())
}

// fitSentences is the opening of the narrative in at most n runes: whole
// sentences when one ends in the room, else up to the last comma with an
// ellipsis, else nothing (a number cut in half would mislead).
func fitSentences(narrative string, n int) string {
	text := strings.Join(strings.Fields(strings.ReplaceAll(narrative, "\n", " ")), " ")
	rs := []rune(text)
	if len(rs) <= n {
		return text
	}
	for i := n - 1; i >= 0; i-- {
		if strings.ContainsRune("。！？；!?;", rs[i]) {
			return string(rs[:i+1])
		}
	}
	for i := n - 2; i >= 0; i-- {
		if strings.ContainsRune("，,、", rs[i]) {
			return string(rs[:i]) + "…"
		}
	}
	return ""
}

// payeeShort names the payee by every identifier the case gives, briefly.
func (ps *papersCtx) payeeShort() string {
	w, r := ps.w, ps.d.Respondent
	var ids []string
	for _, kv := range [][2]string{{"", r.Name}, {w.wechatID, r.WeChatID}, {w.phone, r.Phone}, {w.account, r.Account}} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			ids = append(ids, kv[0]+v)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return w.pCPayee(strings.Join(ids, w.listSep))
}

// complaintExhibits are the image exhibits that prove the payment and the
// payee: those the route's required materials found, then those a
// disputed payment's ID was seen in, in exhibit order, at most
// complaintImages.
func (ps *papersCtx) complaintExhibits() []*Exhibit {
	want := map[int]bool{}
	for _, c := range ps.d.Checklist {
		if c.Required {
			for _, n := range c.Exhibits {
				want[n] = true
			}
		}
	}
	for _, t := range ps.disputedIDs() {
		for _, n := range t.Exhibits {
			want[n] = true
		}
	}
	var out []*Exhibit
	for i := range ps.d.Exhibits {
		ex := &ps.d.Exhibits[i]
		if want[ex.Number] && isImage(ex) && ex.File != "" && len(out) < complaintImages {
			out = append(out, ex)
		}
	}
	return out
}

// complaintImage is one exported image: its name in the pack, the
// exhibit, and whether it is the original's bytes or a re-encoded copy.
type complaintImage struct {
	name    string
	ex      *Exhibit
	data    []byte
	copied  bool
	problem string
}

// complaintImagesOf exports the pack's images. They are named in order,
// "01-转账成功.png", after the file they come from.
func (ps *papersCtx) complaintImagesOf() []complaintImage {
	if ps.imgsDone {
		return ps.imgs
	}
	ps.imgsDone = true
	var out []complaintImage
	for i, ex := range ps.complaintExhibits() {
		stem := strings.TrimSuffix(path.Base(ex.Item.Path), path.Ext(ex.Item.Path))
		data, ext, copied, err := exportImage(ex.File, ex.Item)
		ci := complaintImage{ex: ex, data: data, copied: copied}
		if err != nil {
			ci.problem = err.Error()
			if wy, ok := err.(*why); ok {
				ci.problem = wy.in(ps.w)
			}
		} else {
			ci.name = fmt.Sprintf("%02d-%s.%s", i+1, safeName(stem), ext)
		}
		out = append(out, ci)
	}
	ps.imgs = out
	return out
}

// exportImage makes an image the complaint forms accept: JPEG or PNG of
// at most complaintImageMax bytes. An upright JPEG or PNG small enough,
// without a recorded location, is the original's bytes; anything else is
// decoded, turned upright, flattened onto white and written as JPEG,
// scaled down until it fits. Re-encoding drops the metadata, and with it
// a GPS position the platform has no need of.
func exportImage(file string, it *evidence.Item) (data []byte, ext string, copied bool, err error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, "", false, whyf(imgUnreadable, err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return nil, "", false, whyf(imgBadHeader, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", false, whyf(imgNoPixels, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, "", false, whyf(imgTooLarge, cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	upright := it.Meta.Orientation <= 1 || it.Meta.Orientation > 8
	if len(raw) <= complaintImageMax && upright && it.Meta.GPS == nil {
		switch format {
		case "jpeg":
			return raw, "jpg", true, nil
		case "png":
			return raw, "png", true, nil
		}
	}
	held := membudget.Images.Acquire(int64(cfg.Width) * int64(cfg.Height) * 8)
	defer membudget.Images.Release(held)
	img, err := decodeFirst(raw, format)
	if err != nil {
		return nil, "", false, err
	}
	if format == "jpeg" {
		img = orient(img, it.Meta.Orientation)
	}
	b := img.Bounds()
	flat := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(flat, flat.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), img, b.Min, draw.Over)
	var cur image.Image = flat
	for range 12 {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, cur, &jpeg.Options{Quality: 88}); err != nil {
			return nil, "", false, whyf(imgReencode, err)
		}
		if buf.Len() <= complaintImageMax {
			return buf.Bytes(), "jpg", false, nil
		}
		// Scale by the square root of the excess, a little more, so that
		// one or two steps are enough.
		f := math.Sqrt(float64(complaintImageMax)/float64(buf.Len())) * 0.92
		nw := max(1, int(float64(cur.Bounds().Dx())*f))
		cur = imaging.Resize(cur, nw, 0, imaging.Lanczos)
	}
	return nil, "", false, whyf(imgReencode, fmt.Errorf("cannot bring the image under %d bytes", complaintImageMax))
}

// consumer reports the complaint types 12315 takes: goods not as
// described or not delivered.
func (ps *papersCtx) consumer() bool {
	return ps.d.ComplaintType == "fake_goods" || ps.d.ComplaintType == "not_delivered"
}

// complaintPack is the page to copy the complaint from: where to file it,
// the text, the payments with their IDs, the images and, for consumer
// complaints, the 12315 fields.
func (ps *papersCtx) complaintPack() *paper {
	w, d := ps.w, ps.d
	p := newPaper(w, "complaint", w.pTitleComplaintPack)
	where := lookup(w.pComplaintWhere, d.Platform)
	if d.Platform == "" {
		where = w.pComplaintWhere["other"]
	}
	p.box(where)
	text := ps.complaintText()
	p.heading(w.pHComplaintText(utf8.RuneCountInString(text), complaintRunes))
	p.para(ps.or(text, w.pNotePayments))
	p.note(w.pTextFile(ps.complaintDir(ps.w.lang) + "/" + w.pComplaintTxt))

	p.heading(w.pHComplaintTxns)
	rows := [][]string{}
	for _, t := range ps.disputedIDs() {
		when := w.unknownTime
		if t.HasTime {
			when = w.when(t.Time)
		}
		rows = append(rows, []string{t.ID, dash(merchantID(d, t.ID)), when, ps.amount(t.Amount)})
	}
	if len(rows) == 0 {
		p.para(ps.blank(w.pNotePayments))
	} else {
		p.grid([]pcol{{w.colTxnID, 60}, {w.colMerchantID, 0}, {w.colTime, 40}, {w.colAmount, 26}}, rows)
	}

	p.heading(w.pHComplaintImages)
	imgs := ps.complaintImagesOf()
	if len(imgs) == 0 {
		p.para(w.pNoImages)
	} else {
		rows := make([][]string, len(imgs))
		for i, ci := range imgs {
			name, how := ci.name, w.pImageCopied
			switch {
			case ci.problem != "":
				name, how = "—", w.pImageFailed(ci.problem)
			case !ci.copied:
				how = w.pImageReencoded
			}
			rows[i] = []string{name, w.exhibitNo(ci.ex.Number) + w.titleSep + exhibitTitle(ci.ex), w.bytes(int64(len(ci.data))), how}
		}
		p.grid([]pcol{{w.pColFile, 44}, {w.colTitle, 0}, {w.pColSize, 24}, {w.pColImage, 46}}, rows)
	}
	p.note(w.pImagesNote(ps.complaintDir("zh")))

	if ps.consumer() {
		p.heading(w.pH12315)
		r := d.Respondent
		p.card([][]string{
			{w.p12315Complainant, ps.claimantLines(true)},
			{w.p12315Respondent, ps.labelled(
				[3]string{w.name, r.Name, w.pNoteMerchantName},
				[3]string{w.pAddress, ps.f.RespondentAddress, w.pNoteMerchantAddress},
				[3]string{w.phone, r.Phone, ""},
				[3]string{w.wechatID, r.WeChatID, ""})},
			{w.p12315Request, lookup(w.p12315Ask, d.ComplaintType) + w.colon + ps.amount(ps.claim.principal)},
			{w.p12315Facts, ps.or(text, w.pNoteNarrative)},
		})
		p.note(w.p12315Where)
	}
	return p
}

// complaintDir is the folder of the pack's text in a language; the
// images are in the Chinese pack's folder only.
func complaintDirOf(lang string) string {
	if lang != "zh" {
		return PapersDir + "/" + lang + "/complaint"
	}
	return PapersDir + "/complaint"
}

func (ps *papersCtx) complaintDir(lang string) string { return complaintDirOf(lang) }

// complaintFiles are the pack's text, as UTF-8, and its images.
func (ps *papersCtx) complaintFiles() ([]PaperFile, error) {
	w := ps.w
	cdir := complaintDirOf(w.lang)
	files := []PaperFile{{Paper: "complaint", Name: w.pTitleComplaintPack, Path: cdir + "/" + w.pComplaintTxt, Data: []byte(ps.m.clean(ps.complaintText(), true))}}
	if ps.w.lang != "zh" {
		// The images are the same in every language; the reading copy
		// refers to the Chinese pack's.
		return files, nil
	}
	for _, ci := range ps.complaintImagesOf() {
		if ci.problem == "" {
			files = append(files, PaperFile{Paper: "complaint", Name: w.pTitleComplaintPack, Path: cdir + "/" + ci.name, Data: ci.data})
		}
	}
	return files, nil
}
