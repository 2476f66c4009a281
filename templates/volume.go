package templates

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/casebundle/casebundle/evidence"
)

// Volumes. A dossier larger than an upload cap is split into volumes, each
// its own PDF with its own page numbers:
//
//   - volume 1 holds the front matter (cover, narrative, losses,
//     chronology, deadlines, evidence index, checklist), as many exhibits
//     as fit, and the appendix (the manifest and how to check it), so that
//     the volume every reader opens first carries the index, the checklist
//     and the digests that tie every volume to the bundle;
//   - volumes 2, 3, … hold the following exhibits in order;
//   - an exhibit is never split: one that does not fit under the limit on
//     its own gets a volume of its own, larger than the limit, and the
//     index of volume 1 says so.
//
// The split is planned before anything is drawn. Each exhibit's size is
// estimated from its prepared image (the bytes embedded as they are, or
// the re-encoded bytes) or its file size for text, plus an allowance for
// its pages; then every volume is laid out without its images and written
// to a counter, which gives its exact size apart from the images, and the
// image bytes are added. A volume found too large gives up exhibits at its
// end to the next one. Every volume is planned to stay volumeMargin below
// the limit, which covers the page numbers drawn in the final pass.

// Size allowances for the first plan, before the volumes are measured.
const (
	exhibitAllowance = 12 << 10 // heading, caption, page objects of one exhibit
	textAllowance    = 24 << 10 // a text exhibit, on top of twice its size
	imageAllowance   = 1 << 10  // the image object's dictionary
	volumeAllowance  = 64 << 10 // font subset and catalogue of a volume
)

// volumeMargin is what a volume is planned to leave free below the limit.
func volumeMargin(limit int64) int64 { return limit/200 + 4<<10 }

// volumePlan says which exhibits each volume holds.
type volumePlan struct {
	ranges [][2]int // per volume, the exhibits [lo, hi) by index in Dossier.Exhibits
	limit  int64
	// over holds, by volume (0-based), the size of a volume holding one
	// exhibit that alone is larger than the limit.
	over map[int]int64
}

// count is the number of volumes.
func (p *volumePlan) count() int {
	if p == nil {
		return 1
	}
	return len(p.ranges)
}

func (p *volumePlan) multi() bool { return p.count() > 1 }

// volumePages is an exhibit's volume and pages for the index when the
// dossier has several volumes; the first pass draws a placeholder of the
// same shape.
func (dc *doc) volumePages(n int) string {
	vw := dc.w
	p, ok := dc.known[n]
	if !dc.final || !ok {
		return vw.volCell(0, "0")
	}
	return vw.volCell(p.Volume, pageRange(p))
}

func pageRange(p Placement) string {
	if p.Last > p.First {
		return strconv.Itoa(p.First) + "–" + strconv.Itoa(p.Last)
	}
	return strconv.Itoa(p.First)
}

// exhibitAt names an exhibit with where it is: "证据1（第4页）", or with its
// volume when there are several: "证据1（第2卷第4页）".
func (dc *doc) exhibitAt(n int) string {
	if !dc.plan.multi() {
		return dc.w.exhibitAt(n, dc.pages(n))
	}
	p, ok := dc.known[n]
	if !dc.final || !ok {
		return dc.w.volAt(n, 0, "0")
	}
	return dc.w.volAt(n, p.Volume, pageRange(p))
}

// indexNote is the note under the evidence index: which volume the pages
// refer to, and every volume larger than the limit.
func (dc *doc) indexNote() {
	if !dc.plan.multi() {
		dc.para(dc.w.indexNote, sizeSmall, colMuted, 0)
		return
	}
	vw := dc.w
	dc.para(vw.volNote(dc.plan.count()), sizeSmall, colMuted, 0)
	for v, r := range dc.plan.ranges {
		if size, ok := dc.plan.over[v]; ok {
			ex := dc.d.Exhibits[r[0]]
			dc.para(vw.volOver(v+1, ex.Number, dc.w.bytes(size), dc.w.bytes(dc.plan.limit)), sizeSmall, rgb{170, 20, 20}, 0)
		}
	}
}

// drawVolumeExhibits draws the exhibits of this volume, numbered with it.
func drawVolumeExhibits(dc *doc) {
	lo, hi := 0, len(dc.d.Exhibits)
	if dc.plan != nil {
		lo, hi = dc.plan.ranges[dc.volume][0], dc.plan.ranges[dc.volume][1]
	}
	if lo == hi {
		if dc.volume == 0 && dc.plan.multi() {
			dc.newPage()
			dc.sectionHeading(SectionExhibits, 20)
			dc.para(dc.w.volElsewhere, sizeBody, colMuted, 0)
		}
		return
	}
	full := dc.d
	part := *full
	part.Exhibits = full.Exhibits[lo:hi]
	dc.d = &part
	start := len(dc.places)
	drawExhibits(dc)
	dc.d = full
	for i := start; i < len(dc.places); i++ {
		dc.places[i].Volume = dc.volume + 1
	}
}

// renderer holds what every pass over every volume shares.
type renderer struct {
	d       *Dossier
	w       *words
	m       *metrics
	purpose string
	images  map[string]*preparedImage
	route   []section
	plan    *volumePlan
}

// RenderVolumes draws the dossier as one PDF per volume, each no larger
// than maxBytes unless it holds a single exhibit that is larger on its own
// (maxBytes 0 or less: one volume, however large). create is called with
// 1, 2, … for each volume in turn, once the volume is fully drawn; the
// volume is written to it in one piece and closed. One volume is drawn at
// a time, and its PDF objects (images included) are dropped before the
// next is drawn.
//
// Every volume is laid out at least twice: the first pass learns the page
// count and the pages of every exhibit, the final pass draws them into the
// footer and the evidence index, and must land every exhibit on the same
// pages. When create fails, or a later volume fails to draw, the volumes
// written before stay written: the caller removes them.
func RenderVolumes(d *Dossier, maxBytes int64, create func(volume int) (io.WriteCloser, error)) (*Layout, error) {
	r, err := newRenderer(d)
	if err != nil {
		return nil, err
	}
	r.plan = &volumePlan{ranges: [][2]int{{0, len(d.Exhibits)}}, limit: maxBytes}
	// measured holds the first-pass layout of every volume but the first,
	// from the plan: volume 1's index needs their pages.
	var measured []*snapshot
	if maxBytes > 0 && len(d.Exhibits) > 0 {
		if measured, err = r.planVolumes(maxBytes); err != nil {
			return nil, err
		}
	}
	others := map[int]Placement{}
	for _, s := range measured[min(1, len(measured)):] {
		for _, p := range s.places {
			others[p.Exhibit] = p
		}
	}
	lay := &Layout{}
	for v := range r.plan.count() {
		var prev *snapshot
		if v > 0 {
			prev = measured[v]
		}
		output, snap, err := r.finish(v, prev, others)
		if err != nil {
			return nil, err
		}
		if err := writeVolume(create, v+1, output); err != nil {
			return nil, err
		}
		lay.Pages += snap.pages
		lay.Volumes = append(lay.Volumes, snap.pages)
		lay.Placements = append(lay.Placements, snap.places...)
	}
	return lay, nil
}

func writeVolume(create func(int) (io.WriteCloser, error), volume int, output func(io.Writer) error) error {
	f, err := create(volume)
	if err != nil {
		return fmt.Errorf("templates: write PDF volume %d: %w", volume, err)
	}
	err = output(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("templates: write PDF volume %d: %w", volume, err)
	}
	return nil
}

func newRenderer(d *Dossier) (*renderer, error) {
	if d == nil {
		return nil, errors.New("templates: no dossier to render")
	}
	wd, err := wordsFor(d.Lang)
	if err != nil {
		return nil, err
	}
	route, err := routeFor(d.Purpose)
	if err != nil {
		return nil, err
	}
	m, err := fontMetrics()
	if err != nil {
		return nil, err
	}
	if d.Redact != nil {
		// Every string drawn passes through clean, so masking there
		// covers the facts, the notes and the text exhibits alike.
		mm := *m
		mm.redact = d.Redact
		m = &mm
	}
	purpose := d.Purpose
	if purpose == "" {
		purpose = "civil"
	}
	if purpose == "civil" {
		wd = civilWords(wd, d.Exhibits)
	}
	return &renderer{d: d, w: wd, m: m, purpose: purpose, images: prepareImages(d.Exhibits), route: route}, nil
}

// routeOf is the sections of a volume: the whole route in volume 1, the
// exhibits alone in the others.
func (r *renderer) routeOf(v int) []section {
	if v == 0 {
		return r.route
	}
	return []section{{SectionExhibits, drawVolumeExhibits}}
}

// pass draws volume v once: a first pass when prev is nil, else a final
// pass with the pages prev found and the placements of the other volumes.
func (r *renderer) pass(v int, prev *snapshot, others map[int]Placement) (*doc, error) {
	dc := &doc{d: r.d, w: r.w, m: r.m, purpose: r.purpose, images: r.images, volume: v, plan: r.plan}
	if prev != nil {
		dc.final, dc.total, dc.sections = true, prev.pages, prev.found
		dc.known = make(map[int]Placement, len(others)+len(prev.places))
		for n, p := range others {
			dc.known[n] = p
		}
		for _, p := range prev.places {
			dc.known[p.Exhibit] = p
		}
	}
	if err := dc.run(r.routeOf(v)); err != nil {
		return nil, err
	}
	return dc, nil
}

// finish lays volume v out until its references hold (a first pass unless
// prev is given, then final passes) and returns its PDF. Page references
// are drawn in columns wide enough that they rarely move anything, so the
// final pass almost always lands where the first did; one more settles any
// reference that did not.
// The PDF is written by the returned function straight from gofpdf's own
// buffer, so a volume is never held twice in memory.
func (r *renderer) finish(v int, prev *snapshot, others map[int]Placement) (func(io.Writer) error, *snapshot, error) {
	if prev == nil {
		dc, err := r.pass(v, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		prev = dc.snapshot()
	}
	for pass := 0; ; pass++ {
		dc, err := r.pass(v, prev, others)
		if err != nil {
			return nil, nil, err
		}
		if dc.sameLayout(prev) {
			pdf := dc.pdf
			output := func(w io.Writer) error {
				if err := pdf.Output(w); err != nil {
					return fmt.Errorf("templates: write PDF: %w", err)
				}
				return nil
			}
			return output, dc.snapshot(), nil
		}
		if pass == 1 || v > 0 {
			return nil, nil, fmt.Errorf("templates: the layout of volume %d moved between passes (%d pages, then %d); this is a bug in casebundle",
				v+1, prev.pages, dc.pdf.PageNo())
		}
		prev = dc.snapshot()
	}
}

// exhibitCost is the first estimate of an exhibit's bytes: its image,
// shared by every exhibit of the same file in a volume, and the rest.
type exhibitCost struct {
	image string // image name, "" for none
	bytes int64  // image bytes
	rest  int64
}

func (r *renderer) costs() []exhibitCost {
	out := make([]exhibitCost, len(r.d.Exhibits))
	for i := range r.d.Exhibits {
		ex := &r.d.Exhibits[i]
		c := exhibitCost{rest: exhibitAllowance}
		if p := r.images[imageName(ex)]; isImage(ex) && p != nil {
			if p.err == nil {
				c.image, c.bytes = p.name, imageBytes(ex, p)
			}
		} else if isPDF(ex) {
			c.rest += pdfBytes(ex)
		} else if it := ex.Item; it != nil && (it.Kind == evidence.KindChat || it.Kind == evidence.KindBill || isText(it)) {
			c.rest += textAllowance + 2*it.Size
		}
		c.rest += frameBytes(r.images, ex)
		out[i] = c
	}
	return out
}

// imageBytes is what an image adds to a volume: the re-encoded bytes, or
// the file embedded as it is.
func imageBytes(ex *Exhibit, p *preparedImage) int64 {
	if p.data != nil {
		return int64(len(p.data)) + imageAllowance
	}
	if ex.Item != nil && ex.Item.Size > 0 {
		return ex.Item.Size + imageAllowance
	}
	if st, err := os.Stat(ex.File); err == nil {
		return st.Size() + imageAllowance
	}
	return imageAllowance
}

// pack puts the exhibits from index from on into volumes of at most budget
// bytes by the first estimates; the first of them starts at base bytes and
// may stay empty when firstMayBeEmpty, the others hold one exhibit at least.
func pack(costs []exhibitCost, from int, base, budget int64, firstMayBeEmpty bool) [][2]int {
	var out [][2]int
	for lo := from; lo < len(costs); {
		size, seen := base, map[string]bool{}
		hi := lo
		for ; hi < len(costs); hi++ {
			add := costs[hi].rest
			if c := costs[hi]; c.image != "" && !seen[c.image] {
				add += c.bytes
			}
			if (hi > lo || firstMayBeEmpty) && size+add > budget {
				break
			}
			size += add
			if costs[hi].image != "" {
				seen[costs[hi].image] = true
			}
		}
		out = append(out, [2]int{lo, hi})
		lo, base, firstMayBeEmpty = hi, volumeAllowance, false
	}
	return out
}

// planVolumes splits the exhibits into volumes (see Volumes above) and
// returns the first-pass layout of every volume.
func (r *renderer) planVolumes(limit int64) ([]*snapshot, error) {
	budget := max(limit-volumeMargin(limit), 1)
	costs := r.costs()
	// The front matter, measured: volume 1 without exhibits.
	r.plan.ranges = [][2]int{{0, 0}}
	front, _, err := r.measure(0)
	if err != nil {
		return nil, err
	}
	r.plan.ranges = pack(costs, 0, front, budget, true)
	r.plan.over = map[int]int64{}
	var layouts []*snapshot
	for v := 0; v < len(r.plan.ranges); {
		size, snap, err := r.measure(v)
		if err != nil {
			return nil, err
		}
		lo, hi := r.plan.ranges[v][0], r.plan.ranges[v][1]
		keep := 1
		if v == 0 {
			keep = 0
		}
		if size > budget && hi-lo > keep {
			// Give up exhibits at the end, as many as the estimates say
			// cover the excess, at least one.
			excess := size - budget
			for hi-lo > keep && excess > 0 {
				hi--
				excess -= costs[hi].rest + costs[hi].bytes
			}
			r.plan.ranges[v][1] = hi
			r.plan.ranges = append(r.plan.ranges[:v+1:v+1], pack(costs, hi, volumeAllowance, budget, false)...)
			continue
		}
		if v > 0 && size > limit {
			r.plan.over[v] = size
		}
		layouts = append(layouts[:v], snap)
		v++
	}
	return layouts, nil
}

// measure lays volume v out without its images and returns its size with
// them: the first pass written to a counter, plus the image bytes.
func (r *renderer) measure(v int) (int64, *snapshot, error) {
	dc, err := r.pass(v, nil, nil)
	if err != nil {
		return 0, nil, err
	}
	snap := dc.snapshot()
	var n counter
	if err := dc.pdf.Output(&n); err != nil {
		return 0, nil, fmt.Errorf("templates: write PDF: %w", err)
	}
	size := int64(n)
	seen := map[string]bool{}
	for i := r.plan.ranges[v][0]; i < r.plan.ranges[v][1]; i++ {
		ex := &r.d.Exhibits[i]
		if p := r.images[imageName(ex)]; isImage(ex) && p != nil && p.err == nil && !seen[p.name] {
			seen[p.name] = true
			size += imageBytes(ex, p)
		}
		size += frameBytes(r.images, ex)
		// The pages of a PDF are imported (or rendered) in the final pass.
		size += pdfBytes(ex)
	}
	return size, snap, nil
}

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}
