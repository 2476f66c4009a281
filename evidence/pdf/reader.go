package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

type xrefEntry struct {
	inStream bool  // object is inside an object stream
	off      int64 // byte offset, or the object stream's number
	idx      int   // index inside the object stream
}

// objStream is a decoded object stream (PDF 1.5): its objects' offsets.
type objStream struct {
	data  []byte
	first int
	nums  []int
	offs  []int
}

// reader holds the state of one file: its cross-reference table, the
// objects loaded so far and the decoding budget spent.
type reader struct {
	data     []byte
	lim      Limits
	xref     map[int]xrefEntry
	trailer  dict
	cache    map[int]any
	loading  map[int]bool
	objstm   map[int]*objStream
	decoded  int64
	sections int
	repaired bool
	scanned  map[int]int64 // object offsets found by scanning, when the table is bad
	limitErr error         // first limit hit while resolving; Read reports it
	crypt    *decrypter
	fonts    map[any]*font // fonts by object number (or dictionary) for PageText
}

func newReader(data []byte, lim Limits) *reader {
	return &reader{
		data:    data,
		lim:     lim,
		xref:    map[int]xrefEntry{},
		cache:   map[int]any{},
		loading: map[int]bool{},
		objstm:  map[int]*objStream{},
	}
}

func (r *reader) noteLimit(err error) {
	var le *LimitError
	if r.limitErr == nil && errors.As(err, &le) {
		r.limitErr = err
	}
}

// resolve follows references (at most a few hops: a reference to a
// reference is legal but a chain is not useful) and returns nil for
// anything that cannot be loaded, as the standard asks for a missing object.
func (r *reader) resolve(o any) any {
	for hop := 0; hop < 8; hop++ {
		rf, ok := o.(ref)
		if !ok {
			return o
		}
		o = r.load(rf.num)
	}
	return nil
}

func (r *reader) resolveInt(o any) (int, bool) {
	switch v := r.resolve(o).(type) {
	case int64:
		if v > 1<<40 || v < -(1<<40) {
			return 0, false
		}
		return int(v), true
	case float64:
		if v > 1<<40 || v < -(1<<40) {
			return 0, false
		}
		return int(v), true
	}
	return 0, false
}

func (r *reader) resolveDict(o any) dict {
	switch v := r.resolve(o).(type) {
	case dict:
		return v
	case *stream:
		return v.dict
	}
	return nil
}

// load returns object num, parsing it on first use. A loop (an object whose
// parsing needs itself, e.g. a stream /Length pointing to its own object, or
// an object stream inside itself) yields nil.
func (r *reader) load(num int) any {
	if v, ok := r.cache[num]; ok {
		return v
	}
	if r.loading[num] {
		return nil
	}
	if len(r.cache) >= r.lim.MaxObjects {
		r.noteLimit(&LimitError{Limit: "MaxObjects", Max: int64(r.lim.MaxObjects), What: "too many objects loaded"})
		return nil
	}
	r.loading[num] = true
	v, err := r.loadUncached(num)
	delete(r.loading, num)
	if err != nil {
		r.noteLimit(err)
		v = nil
	}
	r.cache[num] = v
	return v
}

func (r *reader) loadUncached(num int) (any, error) {
	e, ok := r.xref[num]
	if !ok {
		if off, ok := r.scanIndex()[num]; ok {
			return r.parseAt(num, off)
		}
		return nil, nil
	}
	if !e.inStream && e.off < 0 {
		return nil, nil // free in the newest revision
	}
	if e.inStream {
		return r.loadFromStream(num, int(e.off), e.idx)
	}
	v, err := r.parseAt(num, e.off)
	if err != nil && !isLimit(err) {
		// A wrong offset in the table: find the object by scanning.
		if off, ok := r.scanIndex()[num]; ok && off != e.off {
			r.repaired = true
			return r.parseAt(num, off)
		}
	}
	return v, err
}

func isLimit(err error) bool { return errors.Is(err, ErrLimit) }

// parseAt parses "num gen obj ... endobj" at off.
func (r *reader) parseAt(num int, off int64) (any, error) {
	if off < 0 || off >= int64(len(r.data)) {
		return nil, fmt.Errorf("object %d: offset %d outside the file", num, off)
	}
	l := &lexer{b: r.data, pos: int(off), maxDepth: r.lim.MaxDepth}
	n, err := l.token()
	if err != nil {
		return nil, err
	}
	g, err := l.token()
	if err != nil {
		return nil, err
	}
	kw, err := l.token()
	if err != nil {
		return nil, err
	}
	ni, ok1 := n.(int64)
	gi, ok2 := g.(int64)
	if !ok1 || !ok2 || kw != keyword("obj") || int(ni) != num {
		return nil, fmt.Errorf("object %d: no \"%d 0 obj\" at offset %d", num, num, off)
	}
	v, err := l.object(0)
	if err != nil {
		if isLimit(err) {
			return nil, err
		}
		if es, ok := err.(*errSyntax); ok && es.msg != "" && r.lim.MaxDepth > 0 && bytes.Contains([]byte(es.msg), []byte("nested deeper")) {
			return nil, &LimitError{Limit: "MaxDepth", Max: int64(r.lim.MaxDepth), What: fmt.Sprintf("object %d: %s", num, es.msg)}
		}
		return nil, err
	}
	d, isDict := v.(dict)
	if !isDict {
		return r.decryptObj(v, num, int(gi)), nil
	}
	save := l.pos
	tok, err := l.token()
	if err != nil || tok != keyword("stream") {
		l.pos = save
		return r.decryptObj(d, num, int(gi)), nil
	}
	// The data starts after CRLF or LF (a lone CR is tolerated).
	p := l.pos
	if p < len(r.data) && r.data[p] == '\r' {
		p++
	}
	if p < len(r.data) && r.data[p] == '\n' {
		p++
	}
	length := -1
	if lv, ok := r.resolveInt(d["Length"]); ok && lv >= 0 && int64(p)+int64(lv) <= int64(len(r.data)) {
		end := p + lv
		rest := r.data[end:]
		rest = bytes.TrimLeft(rest[:min(len(rest), 64)], " \r\n\t\f\x00")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			length = lv
		}
	}
	if length < 0 {
		// A wrong /Length: the data ends before "endstream".
		i := bytes.Index(r.data[p:], []byte("endstream"))
		if i < 0 {
			return nil, fmt.Errorf("object %d: stream without endstream", num)
		}
		length = i
		for length > 0 && (r.data[p+length-1] == '\n' || r.data[p+length-1] == '\r') {
			length--
		}
	}
	s := &stream{dict: d, raw: r.data[p : p+length]}
	dd := r.decryptObj(d, num, int(gi)).(dict)
	s.dict = dd
	if r.crypt != nil && !isXRefOrMeta(dd) {
		s.raw = r.crypt.decryptStream(s.raw, num, int(gi))
	}
	return s, nil
}

func isXRefOrMeta(d dict) bool {
	t, _ := d["Type"].(name)
	return t == "XRef"
}

func (r *reader) loadFromStream(num, stmNum, idx int) (any, error) {
	os, err := r.objectStream(stmNum)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= len(os.nums) || os.nums[idx] != num {
		// Some writers get the index wrong: look for the number.
		idx = -1
		for i, n := range os.nums {
			if n == num {
				idx = i
				break
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("object %d not in object stream %d", num, stmNum)
		}
	}
	start := os.first + os.offs[idx]
	if start < 0 || start >= len(os.data) {
		return nil, fmt.Errorf("object %d: offset outside object stream %d", num, stmNum)
	}
	l := &lexer{b: os.data, pos: start, maxDepth: r.lim.MaxDepth}
	v, err := l.object(0)
	if err != nil {
		if bytes.Contains([]byte(err.Error()), []byte("nested deeper")) {
			return nil, &LimitError{Limit: "MaxDepth", Max: int64(r.lim.MaxDepth), What: fmt.Sprintf("object %d: %v", num, err)}
		}
		return nil, err
	}
	return v, nil
}

func (r *reader) objectStream(stmNum int) (*objStream, error) {
	if os, ok := r.objstm[stmNum]; ok {
		if os == nil {
			return nil, fmt.Errorf("object stream %d unreadable", stmNum)
		}
		return os, nil
	}
	r.objstm[stmNum] = nil // a loop through this stream finds nil
	s, ok := r.load(stmNum).(*stream)
	if !ok {
		return nil, fmt.Errorf("object stream %d missing", stmNum)
	}
	data, err := r.decodeStream(s)
	if err != nil {
		r.noteLimit(err)
		return nil, err
	}
	n, _ := r.resolveInt(s.dict["N"])
	first, _ := r.resolveInt(s.dict["First"])
	if n < 0 || n > len(data)/2 || first < 0 || first > len(data) {
		return nil, fmt.Errorf("object stream %d: bad /N or /First", stmNum)
	}
	os := &objStream{data: data, first: first}
	l := &lexer{b: data[:first], maxDepth: 1}
	for i := 0; i < n; i++ {
		a, err1 := l.token()
		b, err2 := l.token()
		ai, ok1 := a.(int64)
		bi, ok2 := b.(int64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || ai < 0 || bi < 0 || bi > int64(len(data)) || ai > 1<<31 {
			break
		}
		os.nums = append(os.nums, int(ai))
		os.offs = append(os.offs, int(bi))
	}
	r.objstm[stmNum] = os
	return os, nil
}

// scanIndex finds "n g obj" headers by scanning the whole file, once; the
// last definition of a number wins, as in an incremental update.
func (r *reader) scanIndex() map[int]int64 {
	if r.scanned != nil {
		return r.scanned
	}
	r.scanned = map[int]int64{}
	d := r.data
	from := 0
	for {
		i := bytes.Index(d[from:], []byte("obj"))
		if i < 0 {
			break
		}
		at := from + i
		from = at + 3
		if at+3 < len(d) && isRegular(d[at+3]) {
			continue
		}
		// Walk back: spaces, generation digits, spaces, number digits.
		j := at - 1
		if j < 0 || !isSpace(d[j]) {
			continue
		}
		for j >= 0 && isSpace(d[j]) {
			j--
		}
		ge := j
		for j >= 0 && d[j] >= '0' && d[j] <= '9' {
			j--
		}
		if j == ge || j < 0 || !isSpace(d[j]) {
			continue
		}
		for j >= 0 && isSpace(d[j]) {
			j--
		}
		ne := j
		for j >= 0 && d[j] >= '0' && d[j] <= '9' {
			j--
		}
		if j == ne || ne-j > 10 {
			continue
		}
		num, err := strconv.Atoi(string(d[j+1 : ne+1]))
		if err != nil || num > 1<<31 {
			continue
		}
		if _, seen := r.scanned[num]; !seen && len(r.scanned) >= r.lim.MaxObjects {
			break
		}
		r.scanned[num] = int64(j + 1)
	}
	return r.scanned
}
