package pdf

import (
	"bytes"
	"fmt"

	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Doc is what Read found in a PDF file.
type Doc struct {
	Version string // from the header, e.g. "1.7"
	Pages   int    // pages found in the page tree
	// ClaimedPages is the /Count of the root of the page tree; it differs
	// from Pages in a damaged file.
	ClaimedPages int
	Info         Info
	// Encrypted is true for a file encrypted with an empty user password
	// (anyone may open it; an owner password restricts printing or
	// editing). A file that needs a password is an *EncryptedError instead.
	Encrypted bool
	// Repaired is true when the cross-reference table was wrong or missing
	// and objects were found by scanning the file, as viewers do.
	Repaired bool
	// Revisions counts the cross-reference sections: 1 for a file written
	// once, more after each incremental update (an edit or a signature
	// appended to the file).
	Revisions  int
	Signatures []Signature
	Size       int64 // bytes of the file

	r     *reader
	pages []page
}

// Info is the document information dictionary.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	CreationDate, ModDate                               Date
}

// Date is a PDF date string ("D:20250103142500+08'00'") read as a time.
// When the string gives a zone (Z, +08'00', -05'00'), ZoneKnown is true and
// Time is that instant in UTC. Without a zone (gofpdf and many others write
// none), ZoneKnown is false and Time holds the clock reading as written, in
// time.UTC: it is not an instant. Raw is the string as stored; a string
// that is not a date leaves Time zero and keeps Raw.
type Date struct {
	Time      time.Time
	ZoneKnown bool
	Raw       string
}

// IsZero reports whether no date was read.
func (d Date) IsZero() bool { return d.Time.IsZero() }

type page struct {
	dict      dict
	resources dict
	mediaBox  [4]float64
	rotate    int
}

// Read parses a PDF within the limits. It returns an *EncryptedError when a
// password is needed, a *BrokenError when the file is not a readable PDF and
// a *LimitError when reading it would need more than lim allows. Read never
// modifies data and keeps a reference to it for PageText.
func Read(data []byte, lim Limits) (*Doc, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, &LimitError{Limit: "MaxFileBytes", Max: lim.MaxFileBytes, What: fmt.Sprintf("file of %d bytes", len(data))}
	}
	head := data[:min(len(data), 1024)]
	h := bytes.Index(head, []byte("%PDF-"))
	if h < 0 {
		return nil, broken("no %%PDF- header in the first 1024 bytes")
	}
	doc := &Doc{Size: int64(len(data))}
	v := data[h+5:]
	n := 0
	for n < len(v) && n < 8 && (v[n] == '.' || (v[n] >= '0' && v[n] <= '9')) {
		n++
	}
	doc.Version = string(v[:n])

	r := newReader(data, lim)
	doc.r = r
	// A limit hit while loading an object makes the object missing; the
	// limit, not the missing object, is then the reason given.
	fail := func(err error) (*Doc, error) {
		if r.limitErr != nil {
			return nil, r.limitErr
		}
		return nil, err
	}
	if err := r.readXref(); err != nil {
		return fail(err)
	}
	if r.trailer["Encrypt"] != nil {
		if err := r.openEncryption(); err != nil {
			return fail(err)
		}
		doc.Encrypted = true
		// Objects loaded to read the /Encrypt dictionary were not decrypted.
		keep := map[int]any{}
		if r.crypt.encryptRef >= 0 {
			keep[r.crypt.encryptRef] = r.cache[r.crypt.encryptRef]
		}
		r.cache = keep
		r.objstm = map[int]*objStream{}
	}
	root := r.resolveDict(r.trailer["Root"])
	if root == nil {
		return fail(broken("the catalog (/Root) cannot be read"))
	}
	if err := r.readPages(doc, root); err != nil {
		return fail(err)
	}
	doc.Info = r.readInfo()
	sigs, err := r.readSignatures(root)
	if err != nil {
		return fail(err)
	}
	doc.Signatures = sigs
	if err := doc.signatureWidgets(); err != nil {
		return fail(err)
	}
	if r.limitErr != nil {
		return nil, r.limitErr
	}
	doc.Repaired = r.repaired
	doc.Revisions = r.sections
	if doc.Repaired {
		doc.Revisions = bytes.Count(data, []byte("%%EOF"))
	}
	return doc, nil
}

func (r *reader) readPages(doc *Doc, root dict) error {
	top := r.resolveDict(root["Pages"])
	if top == nil {
		return broken("the catalog has no page tree (/Pages)")
	}
	if c, ok := r.resolveInt(top["Count"]); ok {
		doc.ClaimedPages = c
		if c > r.lim.MaxPages {
			return &LimitError{Limit: "MaxPages", Max: int64(r.lim.MaxPages), What: fmt.Sprintf("page tree claims %d pages", c)}
		}
	}
	visited := map[int]bool{}
	if rf, ok := root["Pages"].(ref); ok {
		visited[rf.num] = true
	}
	var walk func(node dict, depth int, res dict, box [4]float64, rot int) error
	walk = func(node dict, depth int, res dict, box [4]float64, rot int) error {
		if depth > r.lim.MaxDepth {
			return &LimitError{Limit: "MaxDepth", Max: int64(r.lim.MaxDepth), What: "page tree nested too deep"}
		}
		if d := r.resolveDict(node["Resources"]); d != nil {
			res = d
		}
		if b, ok := r.rect(node["MediaBox"]); ok {
			box = b
		}
		if v, ok := r.resolveInt(node["Rotate"]); ok {
			rot = v
		}
		t, _ := r.resolve(node["Type"]).(name)
		kids, hasKids := r.resolve(node["Kids"]).(array)
		if t == "Page" || (!hasKids && t != "Pages") {
			if len(doc.pages) >= r.lim.MaxPages {
				return &LimitError{Limit: "MaxPages", Max: int64(r.lim.MaxPages), What: "page tree holds more pages than allowed"}
			}
			doc.pages = append(doc.pages, page{dict: node, resources: res, mediaBox: box, rotate: rot})
			return nil
		}
		for _, k := range kids {
			if rf, ok := k.(ref); ok {
				if visited[rf.num] {
					return broken("page tree loops back to object %d", rf.num)
				}
				visited[rf.num] = true
			}
			kd := r.resolveDict(k)
			if kd == nil {
				continue // a missing page object is skipped, as viewers do
			}
			if err := walk(kd, depth+1, res, box, rot); err != nil {
				return err
			}
			if r.limitErr != nil {
				return r.limitErr
			}
		}
		return nil
	}
	if err := walk(top, 0, nil, [4]float64{0, 0, 612, 792}, 0); err != nil {
		return err
	}
	doc.Pages = len(doc.pages)
	if doc.Pages == 0 {
		return broken("the page tree holds no page")
	}
	return nil
}

func (r *reader) rect(o any) ([4]float64, bool) {
	a, ok := r.resolve(o).(array)
	if !ok || len(a) != 4 {
		return [4]float64{}, false
	}
	var out [4]float64
	for i, x := range a {
		f, ok := num(r.resolve(x))
		if !ok {
			return [4]float64{}, false
		}
		out[i] = f
	}
	return out, true
}

func num(o any) (float64, bool) {
	switch v := o.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func (r *reader) readInfo() Info {
	d := r.resolveDict(r.trailer["Info"])
	if d == nil {
		return Info{}
	}
	str := func(k name) string {
		s, _ := r.resolve(d[k]).(pdfString)
		return textString(s)
	}
	return Info{
		Title: str("Title"), Author: str("Author"), Subject: str("Subject"), Keywords: str("Keywords"),
		Creator: str("Creator"), Producer: str("Producer"),
		CreationDate: ParseDate(str("CreationDate")),
		ModDate:      ParseDate(str("ModDate")),
	}
}

// textString decodes a PDF text string: UTF-16BE with a byte order mark,
// UTF-8 with one (PDF 2.0), else PDFDocEncoding.
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf && utf8.Valid(b[3:]) {
		return string(b[3:])
	}
	rs := make([]rune, 0, len(b))
	for _, c := range b {
		if c >= 0x80 && c < 0xa1 {
			rs = append(rs, pdfDocHigh[c-0x80])
			continue
		}
		rs = append(rs, rune(c))
	}
	return string(rs)
}

// pdfDocHigh maps PDFDocEncoding 0x80-0xA0 (ISO 32000-1, Annex D).
var pdfDocHigh = [33]rune{
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
	0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD,
	0x20AC,
}

// ParseDate reads a PDF date string: "D:YYYYMMDDHHmmSSOHH'mm'" where every
// part after the year is optional and O is "+", "-" or "Z". See Date.
func ParseDate(s string) Date {
	d := Date{Raw: s}
	t := s
	if len(t) >= 2 && t[:2] == "D:" {
		t = t[2:]
	}
	digits := func(n int) (int, bool) {
		if len(t) < n {
			return 0, false
		}
		v := 0
		for i := 0; i < n; i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		t = t[n:]
		return v, true
	}
	year, ok := digits(4)
	if !ok {
		return d
	}
	parts := []int{1, 1, 0, 0, 0}
	for i := range parts {
		v, ok := digits(2)
		if !ok {
			break
		}
		parts[i] = v
	}
	mon, day, hh, mm, ss := parts[0], parts[1], parts[2], parts[3], parts[4]
	if mon < 1 || mon > 12 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60 {
		return d
	}
	wall := time.Date(year, time.Month(mon), day, hh, mm, ss, 0, time.UTC)
	if wall.Day() != day {
		return d // 31 February and the like
	}
	if len(t) > 0 {
		switch t[0] {
		case 'Z', 'z':
			d.Time, d.ZoneKnown = wall, true
			return d
		case '+', '-':
			sign := 1
			if t[0] == '-' {
				sign = -1
			}
			t = t[1:]
			zh, ok := digits(2)
			if !ok || zh > 14 {
				d.Time = wall
				return d
			}
			zm := 0
			if len(t) > 0 && t[0] == '\'' {
				t = t[1:]
			}
			if v, ok := digits(2); ok && v < 60 {
				zm = v
			}
			off := sign * (zh*3600 + zm*60)
			d.Time, d.ZoneKnown = wall.Add(-time.Duration(off)*time.Second), true
			return d
		}
	}
	d.Time = wall
	return d
}
