package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"time"
)

// ISO BMFF (ISO/IEC 14496-12) and QuickTime: .mp4, .mov, .3gp, .m4a.
//
// The boxes are walked as they come, one pass: containers are entered,
// the few header boxes needed are read (each bounded by Limits.MaxMeta
// or a fixed prefix), and everything else, mdat above all, is read
// through. A moov after mdat is therefore found like one before it.

// errStop unwinds the walk after a problem that ends it (truncation, a
// box size that makes the rest unreadable).
var errStop = errors.New("stop")

// 1904-01-01 UTC, the epoch of mvhd times.
var epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// imageBrands are the major brands of HEIF/AVIF still images: an ISO BMFF
// file, but a photo, not a recording.
var imageBrands = map[string]bool{
	"heic": true, "heix": true, "heim": true, "heis": true, "mif1": true,
	"msf1": true, "avif": true, "avci": true, "jpeg": true, "avis": true,
	"hevc": true, "hevx": true, "heif": true,
}

// topBoxes are the box types that may start an ISO BMFF or QuickTime file.
var topBoxes = map[string]bool{
	"ftyp": true, "moov": true, "mdat": true, "wide": true, "free": true,
	"skip": true, "pnot": true,
}

func looksBMFF(p []byte) bool {
	if len(p) < 8 || !topBoxes[string(p[4:8])] {
		return false
	}
	size := binary.BigEndian.Uint32(p)
	if string(p[4:8]) == "ftyp" {
		return size >= 16 && size <= 4096
	}
	return size == 0 || size == 1 || size >= 8
}

type trak struct {
	Track
	timescale uint32
	stSamples uint64 // sum of stts sample counts
	stTicks   uint64 // sum of stts sample_count*sample_delta
	sttsOK    bool
	rotation  int
	tkW, tkH  int
	rate      int
	channels  int
}

type bmff struct {
	s      *source
	in     *Info
	boxes  int
	tracks []*trak
	cur    *trak
	brand  string

	sawMoov      bool
	cut          bool // a box was cut at the end of the file
	mvTimescale  uint32
	mvDuration   uint64
	mvCreated    uint64
	keys         []string          // moov/meta/keys, index 1-based in ilst
	keyItems     map[uint32]string // ilst item index -> value, resolved after
	namedItems   map[string]string // iTunes-style ilst and udta ©xxx
	metaIsMdta   bool
	metaHandlers []string
}

func readBMFF(s *source, in *Info) error {
	b := &bmff{s: s, in: in, keyItems: map[uint32]string{}, namedItems: map[string]string{}}
	in.Container = "mov" // a QuickTime file may have no ftyp
	err := b.walk(-1, 0, "")
	if err != nil && err != errStop {
		return err
	}
	if b.brand != "" && imageBrands[b.brand] && !b.sawMoov {
		return ErrNotMedia
	}
	b.finish()
	return nil
}

// walk reads the boxes from s.pos to end (-1: to the end of the stream).
func (b *bmff) walk(end int64, depth int, parent string) error {
	s := b.s
	for end < 0 || s.pos < end {
		start := s.pos
		if end >= 0 && end-start < 8 {
			// QuickTime ends some lists with a 32-bit zero.
			rest, err := s.read(int(end - start))
			if err != nil {
				return b.truncated(start, err)
			}
			if !allZero(rest) {
				b.in.problem(ProblemBoxSize, start, fmt.Sprintf("%d stray bytes at the end of %q", len(rest), parent))
			}
			return nil
		}
		hdr, err := s.read(8)
		if err != nil {
			if len(hdr) == 0 && isEOF(err) && end < 0 {
				return nil // the clean end of the file
			}
			return b.truncated(start, err)
		}
		size := uint64(binary.BigEndian.Uint32(hdr))
		typ := fourcc(hdr[4:8])
		hlen := uint64(8)
		switch size {
		case 1:
			ext, err := s.read(8)
			if err != nil {
				return b.truncated(start, err)
			}
			size = binary.BigEndian.Uint64(ext)
			hlen = 16
		case 0: // to the end of the parent, or of the file
			switch {
			case end >= 0:
				size = uint64(end - start)
			case s.size >= 0:
				size = uint64(max(s.size-start, 8))
			default:
				size = math.MaxInt64
			}
		}
		if start == 0 && !topBoxes[typ] {
			return ErrNotMedia
		}
		if size < hlen {
			b.in.problem(ProblemBoxSize, start, fmt.Sprintf("box %q of %d bytes", typ, size))
			return errStop
		}
		boxEnd := int64(math.MaxInt64)
		if size <= uint64(math.MaxInt64-start) {
			boxEnd = start + int64(size)
		}
		if end >= 0 && boxEnd > end {
			if b.cut && end == s.size {
				// The parent was cut at the end of the file: its
				// children are cut with it, one problem says so.
				boxEnd = end
			} else {
				b.in.problem(ProblemBoxExceedsBox, start, fmt.Sprintf("box %q of %d bytes runs %d bytes past %q", typ, size, boxEnd-end, parent))
				boxEnd = end
			}
		}
		if s.size >= 0 && boxEnd > s.size && size != math.MaxInt64 {
			b.in.problem(ProblemBoxExceedsFile, start, fmt.Sprintf("box %q claims %d bytes, the file has %d after it", typ, size, s.size-start))
			boxEnd = s.size
			b.cut = true
		}
		b.boxes++
		if b.boxes > b.in.lim.MaxBoxes {
			b.in.problem(ProblemTooManyBoxes, start, fmt.Sprintf("more than %d boxes", b.in.lim.MaxBoxes))
			return errStop
		}
		if err := b.box(typ, start, boxEnd, depth, parent); err != nil {
			return err
		}
		if boxEnd == math.MaxInt64 {
			if err := s.skipAll(); err != nil {
				return err
			}
			return nil
		}
		if s.pos < boxEnd {
			if _, err := s.skip(boxEnd - s.pos); err != nil {
				return b.truncated(start, err)
			}
		}
	}
	return nil
}

// truncated turns an end of stream into a problem and stops the walk;
// a read error of the underlying reader goes up as it is.
func (b *bmff) truncated(off int64, err error) error {
	if !isEOF(err) {
		return err
	}
	b.in.problem(ProblemTruncated, off, fmt.Sprintf("the file ends at %d", b.s.pos))
	return errStop
}

// containers are walked into wherever they appear.
var containers = map[string]bool{
	"moov": true, "trak": true, "mdia": true, "minf": true, "stbl": true,
	"edts": true, "udta": true,
}

// box handles one box whose payload runs from s.pos to end.
func (b *bmff) box(typ string, start, end int64, depth int, parent string) error {
	s := b.s
	if depth >= b.in.lim.MaxDepth {
		b.in.problem(ProblemTooDeep, start, fmt.Sprintf("box %q at depth %d", typ, depth))
		return nil
	}
	payload := end - s.pos
	switch {
	case typ == "ftyp" && depth == 0:
		p, err := b.prefix(end, 8)
		if err != nil {
			return err
		}
		if len(p) >= 4 {
			b.brand = fourcc(p[:4])
			b.in.Container = containerOf(b.brand)
			if imageBrands[b.brand] {
				return ErrNotMedia
			}
		}
		return nil
	case typ == "moov":
		b.sawMoov = true
		return b.walk(end, depth+1, typ)
	case typ == "trak" && parent == "moov":
		if len(b.tracks) >= b.in.lim.MaxTracks {
			b.in.problem(ProblemTooManyTracks, start, fmt.Sprintf("more than %d tracks", b.in.lim.MaxTracks))
			return nil
		}
		b.cur = &trak{}
		b.tracks = append(b.tracks, b.cur)
		err := b.walk(end, depth+1, typ)
		b.cur = nil
		return err
	case containers[typ]:
		return b.walk(end, depth+1, typ)
	case typ == "meta":
		// ISO meta is a FullBox (4 bytes of version and flags before its
		// children); QuickTime's is a plain container.
		if p := s.peek(8); len(p) == 8 && !(fourcc(p[4:8]) == "hdlr" || fourcc(p[4:8]) == "keys") {
			if _, err := s.skip(4); err != nil {
				return b.truncated(start, err)
			}
		}
		return b.walk(end, depth+1, typ)
	case typ == "mvhd" && parent == "moov":
		return b.mvhd(end)
	case b.cur != nil && typ == "tkhd":
		return b.tkhd(end)
	case b.cur != nil && typ == "mdhd":
		return b.mdhd(end)
	case typ == "hdlr":
		p, err := b.prefix(end, 12)
		if err != nil || len(p) < 12 {
			return err
		}
		h := fourcc(p[8:12])
		if parent == "mdia" && b.cur != nil {
			b.cur.Handler = h
		} else if parent == "meta" {
			b.metaHandlers = append(b.metaHandlers, h)
		}
		return nil
	case b.cur != nil && typ == "stsd":
		return b.stsd(end)
	case b.cur != nil && typ == "stts":
		return b.stts(start, end)
	case typ == "keys" && parent == "meta":
		p, err := b.meta(typ, start, end, payload)
		if err != nil || p == nil {
			return err
		}
		b.parseKeys(p)
		return nil
	case typ == "ilst" && parent == "meta":
		return b.ilst(end, depth+1)
	case parent == "udta" && strings.HasPrefix(typ, "\xa9"):
		p, err := b.meta(typ, start, end, payload)
		if err != nil || p == nil {
			return err
		}
		// QuickTime user data text: 16-bit length, 16-bit language, text.
		if len(p) >= 4 {
			n := int(binary.BigEndian.Uint16(p))
			if n <= len(p)-4 {
				b.namedItems[typ] = string(p[4 : 4+n])
			}
		}
		return nil
	}
	return nil
}

// prefix reads at most n bytes of the payload (the rest is skipped by walk).
func (b *bmff) prefix(end int64, n int64) ([]byte, error) {
	n = min(n, end-b.s.pos)
	if n <= 0 {
		return nil, nil
	}
	p, err := b.s.read(int(n))
	if err != nil {
		return nil, b.truncated(b.s.pos, err)
	}
	return p, nil
}

// meta reads a whole metadata payload if it is within MaxMeta.
func (b *bmff) meta(typ string, start, end, payload int64) ([]byte, error) {
	if payload > b.in.lim.MaxMeta {
		b.in.problem(ProblemMetaTooLarge, start, fmt.Sprintf("box %q of %d bytes", typ, payload))
		return nil, nil
	}
	return b.prefix(end, payload)
}

// fullBox splits the version from a FullBox payload.
func fullBox(p []byte) (version byte, body []byte, ok bool) {
	if len(p) < 4 {
		return 0, nil, false
	}
	return p[0], p[4:], true
}

func (b *bmff) mvhd(end int64) error {
	p, err := b.prefix(end, 32)
	if err != nil {
		return err
	}
	v, q, ok := fullBox(p)
	switch {
	case ok && v == 1 && len(q) >= 28:
		b.mvCreated = binary.BigEndian.Uint64(q)
		b.mvTimescale = binary.BigEndian.Uint32(q[16:])
		b.mvDuration = binary.BigEndian.Uint64(q[20:])
	case ok && v == 0 && len(q) >= 16:
		b.mvCreated = uint64(binary.BigEndian.Uint32(q))
		b.mvTimescale = binary.BigEndian.Uint32(q[8:])
		b.mvDuration = uint64(binary.BigEndian.Uint32(q[12:]))
		if b.mvDuration == math.MaxUint32 {
			b.mvDuration = 0 // all ones: unknown
		}
	default:
		b.in.problem(ProblemBadHeader, end, "mvhd too short or of unknown version")
	}
	return nil
}

func (b *bmff) tkhd(end int64) error {
	p, err := b.prefix(end, 96)
	if err != nil {
		return err
	}
	v, q, ok := fullBox(p)
	var rest []byte
	switch {
	case ok && v == 1 && len(q) >= 32:
		b.cur.ID = binary.BigEndian.Uint32(q[16:])
		rest = q[32:]
	case ok && v == 0 && len(q) >= 20:
		b.cur.ID = binary.BigEndian.Uint32(q[8:])
		rest = q[20:]
	default:
		b.in.problem(ProblemBadHeader, end, "tkhd too short or of unknown version")
		return nil
	}
	// reserved 8, layer 2, group 2, volume 2, reserved 2, matrix 36, w, h
	if len(rest) >= 60 {
		m := rest[16:52]
		a := int32(binary.BigEndian.Uint32(m[0:]))
		bb := int32(binary.BigEndian.Uint32(m[4:]))
		c := int32(binary.BigEndian.Uint32(m[12:]))
		d := int32(binary.BigEndian.Uint32(m[16:]))
		b.cur.rotation = rotation(a, bb, c, d)
		b.cur.tkW = int(binary.BigEndian.Uint32(rest[52:]) >> 16)
		b.cur.tkH = int(binary.BigEndian.Uint32(rest[56:]) >> 16)
	}
	return nil
}

// rotation reads the clockwise turn from the 2×2 part of a display matrix
// (16.16 fixed point); anything but a quarter turn counts as none.
func rotation(a, b, c, d int32) int {
	const one = 1 << 16
	switch {
	case a == 0 && b == one && c == -one && d == 0:
		return 90
	case a == -one && b == 0 && c == 0 && d == -one:
		return 180
	case a == 0 && b == -one && c == one && d == 0:
		return 270
	}
	return 0
}

func (b *bmff) mdhd(end int64) error {
	p, err := b.prefix(end, 36)
	if err != nil {
		return err
	}
	v, q, ok := fullBox(p)
	var dur uint64
	switch {
	case ok && v == 1 && len(q) >= 28:
		b.cur.timescale = binary.BigEndian.Uint32(q[16:])
		dur = binary.BigEndian.Uint64(q[20:])
	case ok && v == 0 && len(q) >= 16:
		b.cur.timescale = binary.BigEndian.Uint32(q[8:])
		dur = uint64(binary.BigEndian.Uint32(q[12:]))
		if dur == math.MaxUint32 {
			dur = 0
		}
	default:
		b.in.problem(ProblemBadHeader, end, "mdhd too short or of unknown version")
		return nil
	}
	if d, ok := ticksToDuration(dur, uint64(b.cur.timescale)); ok {
		b.cur.Duration = d
	}
	return nil
}

func (b *bmff) stsd(end int64) error {
	p, err := b.prefix(end, 256)
	if err != nil {
		return err
	}
	_, q, ok := fullBox(p)
	if !ok || len(q) < 12 {
		return nil
	}
	// entry_count, then the first sample entry: size, format.
	b.cur.Codec = fourcc(q[8:12])
	e := q[12:] // reserved 6, data_reference_index 2, then by handler
	if len(e) < 8 {
		return nil
	}
	e = e[8:]
	switch b.cur.Handler {
	case "vide":
		if len(e) >= 20 {
			b.cur.Width = int(binary.BigEndian.Uint16(e[16:]))
			b.cur.Height = int(binary.BigEndian.Uint16(e[18:]))
		}
	case "soun":
		if len(e) < 20 {
			return nil
		}
		version := binary.BigEndian.Uint16(e)
		b.cur.channels = int(binary.BigEndian.Uint16(e[8:]))
		b.cur.rate = int(binary.BigEndian.Uint32(e[16:]) >> 16)
		if version == 2 && len(e) >= 36 {
			// QuickTime sound description v2: a float64 rate and a
			// 32-bit channel count after the v0 fields.
			r := math.Float64frombits(binary.BigEndian.Uint64(e[24:]))
			if r >= 1 && r <= 1e7 {
				b.cur.rate = int(r)
			}
			if ch := binary.BigEndian.Uint32(e[32:]); ch <= 1024 {
				b.cur.channels = int(ch)
			}
		}
		// MP4 files write 2 channels and the rate in the entry whatever
		// the stream holds; the AAC decoder configuration in esds says
		// what it really is.
		if i := bytes.Index(e, []byte("esds")); i >= 0 {
			if rate, ch, ok := esdsAudio(e[i+4:]); ok {
				if rate > 0 {
					b.cur.rate = rate
				}
				if ch > 0 {
					b.cur.channels = ch
				}
			}
		}
	}
	return nil
}

// stts is read entry by entry, never as a whole: its count may claim
// millions, and the box may be shorter than the count says.
func (b *bmff) stts(start, end int64) error {
	p, err := b.prefix(end, 8)
	if err != nil || len(p) < 8 {
		return err
	}
	count := uint64(binary.BigEndian.Uint32(p[4:]))
	fits := uint64(end-b.s.pos) / 8
	if count > fits {
		b.in.problem(ProblemCountExceedsBox, start, fmt.Sprintf("stts claims %d entries, its box holds %d", count, fits))
		count = fits
	}
	if count > uint64(b.in.lim.MaxSttsEntries) {
		b.in.problem(ProblemTableTooLong, start, fmt.Sprintf("stts of %d entries", count))
		return nil
	}
	var e [8]byte
	var samples, ticks uint64
	for range count {
		if err := b.s.fill(e[:]); err != nil {
			return b.truncated(b.s.pos, err)
		}
		n := uint64(binary.BigEndian.Uint32(e[:]))
		d := uint64(binary.BigEndian.Uint32(e[4:]))
		samples += n // < 2^32 * 2^32: cannot overflow
		hi, lo := mulAdd(n, d, ticks)
		if hi != 0 {
			return nil // overflow: no frame rate
		}
		ticks = lo
	}
	b.cur.stSamples, b.cur.stTicks, b.cur.sttsOK = samples, ticks, true
	b.cur.Samples = int64(samples)
	return nil
}

// mulAdd returns a*b+c as a 128-bit number.
func mulAdd(a, b, c uint64) (hi, lo uint64) {
	hi, lo = bits.Mul64(a, b)
	lo2 := lo + c
	if lo2 < lo {
		hi++
	}
	return hi, lo2
}

// ilst items: in QuickTime metadata each item's type is the 1-based index
// of its key; in iTunes metadata it is the tag ("©day"). The value is in a
// "data" box: size, "data", type, locale, value.
func (b *bmff) ilst(end int64, depth int) error {
	s := b.s
	for s.pos < end {
		start := s.pos
		if end-start < 8 {
			_, err := s.skip(end - start)
			return b.truncatedIf(start, err)
		}
		hdr, err := s.read(8)
		if err != nil {
			return b.truncated(start, err)
		}
		size := int64(binary.BigEndian.Uint32(hdr))
		if size < 8 {
			b.in.problem(ProblemBoxSize, start, fmt.Sprintf("ilst item of %d bytes", size))
			return nil
		}
		itemEnd := start + size
		if itemEnd > end {
			b.in.problem(ProblemBoxExceedsBox, start, fmt.Sprintf("ilst item of %d bytes runs past ilst", size))
			itemEnd = end
		}
		b.boxes++
		if b.boxes > b.in.lim.MaxBoxes {
			b.in.problem(ProblemTooManyBoxes, start, fmt.Sprintf("more than %d boxes", b.in.lim.MaxBoxes))
			return errStop
		}
		p, err := b.meta("ilst item", start, itemEnd, itemEnd-s.pos)
		if err != nil {
			return err
		}
		if v, ok := dataValue(p); ok {
			if b.keysOrIndex(hdr[4:8]) {
				b.keyItems[binary.BigEndian.Uint32(hdr[4:8])] = v
			} else {
				b.namedItems[fourcc(hdr[4:8])] = v
			}
		}
		if s.pos < itemEnd {
			if _, err := s.skip(itemEnd - s.pos); err != nil {
				return b.truncated(start, err)
			}
		}
	}
	return nil
}

func (b *bmff) truncatedIf(off int64, err error) error {
	if err != nil {
		return b.truncated(off, err)
	}
	return nil
}

// keysOrIndex tells a QuickTime key index from an iTunes tag: tags are
// printable fourccs, indexes small integers.
func (b *bmff) keysOrIndex(t []byte) bool {
	return binary.BigEndian.Uint32(t) < 1<<16
}

// dataValue finds the first "data" box of type UTF-8 (1) in an item.
func dataValue(p []byte) (string, bool) {
	for len(p) >= 16 {
		size := int(binary.BigEndian.Uint32(p))
		if size < 8 || size > len(p) {
			return "", false
		}
		if string(p[4:8]) == "data" && size >= 16 {
			typ := binary.BigEndian.Uint32(p[8:]) & 0xFFFFFF
			if typ == 1 {
				v := p[16:size]
				if len(v) > 256 {
					return "", false
				}
				return string(v), true
			}
		}
		p = p[size:]
	}
	return "", false
}

func (b *bmff) parseKeys(p []byte) {
	_, q, ok := fullBox(p)
	if !ok || len(q) < 4 {
		return
	}
	count := binary.BigEndian.Uint32(q)
	q = q[4:]
	for i := uint32(0); i < count && len(q) >= 8; i++ {
		size := int(binary.BigEndian.Uint32(q))
		if size < 8 || size > len(q) {
			b.in.problem(ProblemBadHeader, -1, fmt.Sprintf("keys entry %d of %d bytes", i+1, size))
			return
		}
		b.keys = append(b.keys, string(q[8:size]))
		q = q[size:]
	}
}

func fourcc(p []byte) string {
	return string(p[:4])
}

func allZero(p []byte) bool {
	for _, c := range p {
		if c != 0 {
			return false
		}
	}
	return true
}

func containerOf(brand string) string {
	switch {
	case brand == "qt  ":
		return "mov"
	case strings.HasPrefix(brand, "3gp") || strings.HasPrefix(brand, "3g2") || strings.HasPrefix(brand, "3ge"):
		return "3gp"
	case brand == "M4A " || brand == "M4B " || brand == "M4P ":
		return "m4a"
	}
	return "mp4"
}

// finish turns what the walk collected into Info.
func (b *bmff) finish() {
	in := b.in
	if !b.sawMoov {
		in.problem(ProblemNoMoov, -1, "no moov box in the file")
	}
	var video, audio *trak
	for _, t := range b.tracks {
		in.Tracks = append(in.Tracks, t.Track)
		switch t.Handler {
		case "vide":
			in.Codecs = append(in.Codecs, t.Codec)
			if video == nil {
				video = t
			}
		case "soun":
			in.Codecs = append(in.Codecs, t.Codec)
			if audio == nil {
				audio = t
			}
		}
	}
	switch {
	case video != nil:
		in.Kind = Video
	case audio != nil:
		in.Kind = Audio
	default:
		if b.sawMoov && !b.cut {
			in.problem(ProblemNoTracks, -1, fmt.Sprintf("%d tracks, none audio or video", len(b.tracks)))
		}
		in.Kind = Video
		if in.Container == "m4a" {
			in.Kind = Audio
		}
	}
	if video != nil {
		in.Width, in.Height = video.Width, video.Height
		if in.Width == 0 || in.Height == 0 {
			in.Width, in.Height = video.tkW, video.tkH
		}
		in.Rotation = video.rotation
		if video.sttsOK && video.stTicks > 0 && video.stSamples > 0 {
			in.setFrameRate(video.stSamples, uint64(video.timescale), video.stTicks)
		}
	}
	if audio != nil {
		in.SampleRate, in.Channels = audio.rate, audio.channels
		if in.SampleRate == 0 {
			in.SampleRate = int(audio.timescale)
		}
	}
	if b.mvTimescale != 0 && b.mvDuration != 0 {
		in.setDuration(b.mvDuration, uint64(b.mvTimescale))
	} else if b.sawMoov {
		// A fragmented file or a writer that left mvhd empty: the longest
		// track.
		for _, t := range b.tracks {
			if t.Duration > in.Duration {
				in.Duration, in.DurationKnown = t.Duration, true
			}
		}
	}

	// Metadata: QuickTime keys first, then iTunes/udta tags.
	named := map[string]string{}
	for i, k := range b.keys {
		if v, ok := b.keyItems[uint32(i+1)]; ok {
			named[k] = v
		}
	}
	in.Make = named["com.apple.quicktime.make"]
	in.Model = named["com.apple.quicktime.model"]
	in.Software = named["com.apple.quicktime.software"]
	in.Location = named["com.apple.quicktime.location.ISO6709"]
	if in.Location == "" {
		in.Location = b.namedItems["\xa9xyz"]
	}
	if in.Location != "" {
		in.Latitude, in.Longitude, in.HasLocation = parseISO6709(in.Location)
	}
	if b.mvCreated != 0 {
		if b.mvCreated > 1<<40 {
			in.problem(ProblemBadTime, -1, fmt.Sprintf("mvhd creation time %d", b.mvCreated))
		} else {
			in.MvhdCreated = epoch1904.Add(time.Duration(b.mvCreated) * time.Second)
		}
	}
	if v, ok := named["com.apple.quicktime.creationdate"]; ok {
		if t, zone, ok := parseDate(v); ok {
			in.Created, in.CreatedZoneKnown, in.CreatedSource, in.CreatedWritten = t, zone, SourceQuickTime, v
			return
		}
		in.problem(ProblemBadTime, -1, fmt.Sprintf("com.apple.quicktime.creationdate %q", v))
	}
	if !in.MvhdCreated.IsZero() {
		in.Created, in.CreatedZoneKnown, in.CreatedSource = in.MvhdCreated, true, SourceMvhd
		in.CreatedWritten = fmt.Sprint(b.mvCreated)
		return
	}
	if v, ok := b.namedItems["\xa9day"]; ok {
		if t, zone, ok := parseDate(v); ok {
			in.Created, in.CreatedZoneKnown, in.CreatedSource, in.CreatedWritten = t, zone, SourceUdta, v
		}
	}
}

// esdsAudio reads the sampling rate and channel configuration of the
// AudioSpecificConfig in an esds payload (ISO/IEC 14496-1 descriptors).
func esdsAudio(p []byte) (rate, channels int, ok bool) {
	if len(p) < 4 {
		return 0, 0, false
	}
	p = p[4:] // version and flags
	// descriptor reads a tag and its variable-length size.
	descriptor := func(p []byte) (tag byte, body []byte, rest []byte, ok bool) {
		if len(p) < 2 {
			return 0, nil, nil, false
		}
		tag, p = p[0], p[1:]
		n := 0
		for i := 0; i < 4; i++ {
			if len(p) == 0 {
				return 0, nil, nil, false
			}
			c := p[0]
			p = p[1:]
			n = n<<7 | int(c&0x7F)
			if c&0x80 == 0 {
				break
			}
		}
		if n > len(p) {
			n = len(p) // the prefix read may cut the descriptor
		}
		return tag, p[:n], p[n:], true
	}
	tag, es, _, ok := descriptor(p)
	if !ok || tag != 0x03 || len(es) < 3 {
		return 0, 0, false
	}
	flags := es[2]
	es = es[3:]
	if flags&0x80 != 0 {
		if len(es) < 2 {
			return 0, 0, false
		}
		es = es[2:]
	}
	if flags&0x40 != 0 {
		if len(es) < 1 || len(es) < 1+int(es[0]) {
			return 0, 0, false
		}
		es = es[1+int(es[0]):]
	}
	if flags&0x20 != 0 {
		if len(es) < 2 {
			return 0, 0, false
		}
		es = es[2:]
	}
	tag, dc, _, ok := descriptor(es)
	if !ok || tag != 0x04 || len(dc) < 13 || dc[0] != 0x40 { // 0x40: MPEG-4 audio
		return 0, 0, false
	}
	tag, asc, _, ok := descriptor(dc[13:])
	if !ok || tag != 0x05 || len(asc) < 2 {
		return 0, 0, false
	}
	// 5 bits object type (31: 6 more), 4 bits rate index (15: 24-bit
	// rate), 4 bits channel configuration.
	var bitsv uint64
	for i := 0; i < 8; i++ {
		bitsv <<= 8
		if i < len(asc) {
			bitsv |= uint64(asc[i])
		}
	}
	pos := 0
	take := func(n int) int {
		v := int(bitsv >> (64 - pos - n) & (1<<n - 1))
		pos += n
		return v
	}
	if take(5) == 31 {
		take(6)
	}
	if ri := take(4); ri == 15 {
		rate = take(24)
	} else if ri < len(adtsRates) {
		rate = adtsRates[ri]
	}
	channels = take(4)
	if channels == 7 {
		channels = 8
	} else if channels > 7 {
		channels = 0
	}
	return rate, channels, true
}
