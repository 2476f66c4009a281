package pdf

import (
	"bytes"
	"fmt"
	"slices"
)

// readXref reads the cross-reference sections from the last startxref back
// through /Prev. When they cannot be read it rebuilds the table by
// scanning the file for object headers (r.repaired).
func (r *reader) readXref() error {
	off, err := r.startxref()
	if err == nil {
		err = r.readSections(off)
	}
	if isLimit(err) {
		return err
	}
	if err != nil || r.trailer == nil || r.trailer["Root"] == nil {
		return r.repair()
	}
	return nil
}

func (r *reader) startxref() (int64, error) {
	tail := r.data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, fmt.Errorf("no startxref")
	}
	l := &lexer{b: tail, pos: i + len("startxref"), maxDepth: 1}
	t, err := l.token()
	if err != nil {
		return 0, err
	}
	v, ok := t.(int64)
	if !ok || v < 0 || v >= int64(len(r.data)) {
		return 0, fmt.Errorf("startxref %v outside the file", t)
	}
	return v, nil
}

func (r *reader) readSections(off int64) error {
	seen := map[int64]bool{}
	for {
		if seen[off] {
			return nil // a /Prev loop: the sections read so far stand
		}
		seen[off] = true
		r.sections++
		if r.sections > r.lim.MaxXrefSections {
			return &LimitError{Limit: "MaxXrefSections", Max: int64(r.lim.MaxXrefSections), What: "too many cross-reference sections"}
		}
		trailer, err := r.readSection(off)
		if err != nil {
			return err
		}
		if r.trailer == nil {
			r.trailer = trailer
		} else {
			for _, k := range []name{"Root", "Info", "ID", "Encrypt"} {
				if _, ok := r.trailer[k]; !ok && trailer[k] != nil {
					r.trailer[k] = trailer[k]
				}
			}
		}
		// A hybrid file names an extra cross-reference stream.
		if xs, ok := trailer["XRefStm"].(int64); ok && xs > 0 && xs < int64(len(r.data)) && !seen[xs] {
			seen[xs] = true
			if _, err := r.readSection(xs); err != nil && isLimit(err) {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			if f, isF := trailer["Prev"].(float64); isF {
				prev, ok = int64(f), true
			}
		}
		if !ok || prev < 0 || prev >= int64(len(r.data)) {
			return nil
		}
		off = prev
	}
}

func (r *reader) addEntry(num int, e xrefEntry) error {
	if _, ok := r.xref[num]; ok {
		return nil // a newer section already has it
	}
	if len(r.xref) >= r.lim.MaxObjects {
		return &LimitError{Limit: "MaxObjects", Max: int64(r.lim.MaxObjects), What: "cross-reference table too large"}
	}
	r.xref[num] = e
	return nil
}

// readSection reads one table ("xref" ... "trailer" <<>>) or one
// cross-reference stream at off and returns its trailer dictionary.
func (r *reader) readSection(off int64) (dict, error) {
	l := &lexer{b: r.data, pos: int(off), maxDepth: r.lim.MaxDepth}
	t, err := l.token()
	if err != nil {
		return nil, err
	}
	if t == keyword("xref") {
		return r.readTable(l)
	}
	if _, ok := t.(int64); ok {
		return r.readXrefStream(off)
	}
	// Some writers' startxref is a few bytes off: look for "xref" nearby.
	return nil, fmt.Errorf("no cross-reference section at offset %d", off)
}

func (r *reader) readTable(l *lexer) (dict, error) {
	for {
		t, err := l.token()
		if err != nil {
			return nil, err
		}
		if t == keyword("trailer") {
			o, err := l.object(0)
			if err != nil {
				return nil, err
			}
			d, ok := o.(dict)
			if !ok {
				return nil, fmt.Errorf("trailer is not a dictionary")
			}
			return d, nil
		}
		start, ok1 := t.(int64)
		c, err := l.token()
		if err != nil {
			return nil, err
		}
		count, ok2 := c.(int64)
		if !ok1 || !ok2 || start < 0 || count < 0 {
			return nil, fmt.Errorf("bad cross-reference subsection header")
		}
		if start+count > int64(r.lim.MaxObjects) {
			return nil, &LimitError{Limit: "MaxObjects", Max: int64(r.lim.MaxObjects), What: fmt.Sprintf("cross-reference subsection of %d entries from %d", count, start)}
		}
		// Each entry is 20 bytes; refuse a count the file cannot hold.
		if count*18 > int64(len(r.data)-l.pos) {
			return nil, fmt.Errorf("cross-reference subsection claims %d entries, more than the file holds", count)
		}
		for i := int64(0); i < count; i++ {
			a, err1 := l.token()
			b, err2 := l.token()
			k, err3 := l.token()
			if err1 != nil || err2 != nil || err3 != nil {
				return nil, fmt.Errorf("cross-reference entry %d cut short", start+i)
			}
			ao, ok1 := a.(int64)
			_, ok2 := b.(int64)
			if !ok1 || !ok2 || (k != keyword("n") && k != keyword("f")) {
				return nil, fmt.Errorf("bad cross-reference entry %d", start+i)
			}
			num := int(start + i)
			if k == keyword("f") || ao == 0 {
				if _, ok := r.xref[num]; !ok {
					r.markFree(num)
				}
				continue
			}
			if err := r.addEntry(num, xrefEntry{off: ao}); err != nil {
				return nil, err
			}
		}
	}
}

// markFree records a free entry: the object is absent in this revision.
func (r *reader) markFree(num int) {
	if len(r.xref) < r.lim.MaxObjects {
		r.xref[num] = xrefEntry{off: -1}
	}
}

func (r *reader) readXrefStream(off int64) (dict, error) {
	l := &lexer{b: r.data, pos: int(off), maxDepth: 1}
	n, _ := l.token()
	num, ok := n.(int64)
	if !ok || num < 0 || num > 1<<31 {
		return nil, fmt.Errorf("no cross-reference stream at offset %d", off)
	}
	o, err := r.parseAt(int(num), off)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*stream)
	if !ok {
		return nil, fmt.Errorf("object at offset %d is not a cross-reference stream", off)
	}
	if t, _ := s.dict["Type"].(name); t != "XRef" {
		return nil, fmt.Errorf("object at offset %d is not a cross-reference stream", off)
	}
	size, _ := r.resolveInt(s.dict["Size"])
	if size < 0 || size > r.lim.MaxObjects {
		return nil, &LimitError{Limit: "MaxObjects", Max: int64(r.lim.MaxObjects), What: fmt.Sprintf("cross-reference stream /Size %d", size)}
	}
	wa, _ := s.dict["W"].(array)
	if len(wa) != 3 {
		return nil, fmt.Errorf("cross-reference stream without /W of 3 widths")
	}
	var w [3]int
	for i := range w {
		v, ok := wa[i].(int64)
		if !ok || v < 0 || v > 8 {
			return nil, fmt.Errorf("bad /W in cross-reference stream")
		}
		w[i] = int(v)
	}
	var index []int
	if ia, ok := s.dict["Index"].(array); ok {
		for _, x := range ia {
			v, ok := x.(int64)
			if !ok || v < 0 || v > int64(r.lim.MaxObjects) {
				return nil, fmt.Errorf("bad /Index in cross-reference stream")
			}
			index = append(index, int(v))
		}
	} else {
		index = []int{0, size}
	}
	data, err := r.decodeStream(s)
	if err != nil {
		return nil, err
	}
	entry := w[0] + w[1] + w[2]
	if entry == 0 {
		return nil, fmt.Errorf("cross-reference stream with zero-width entries")
	}
	pos := 0
	field := func(width int, def int64) int64 {
		if width == 0 {
			return def
		}
		var v int64
		for i := 0; i < width; i++ {
			v = v<<8 | int64(data[pos])
			pos++
		}
		return v
	}
	for i := 0; i+1 < len(index); i += 2 {
		start, count := index[i], index[i+1]
		if start+count > r.lim.MaxObjects {
			return nil, &LimitError{Limit: "MaxObjects", Max: int64(r.lim.MaxObjects), What: "cross-reference stream index"}
		}
		for j := 0; j < count; j++ {
			if pos+entry > len(data) {
				return s.dict, nil // short data: keep what was read
			}
			typ := field(w[0], 1)
			f2 := field(w[1], 0)
			f3 := field(w[2], 0)
			num := start + j
			switch typ {
			case 0:
				if _, ok := r.xref[num]; !ok {
					r.markFree(num)
				}
			case 1:
				if err := r.addEntry(num, xrefEntry{off: f2}); err != nil {
					return nil, err
				}
			case 2:
				if f2 < 0 || f2 > 1<<31 {
					continue
				}
				if err := r.addEntry(num, xrefEntry{inStream: true, off: f2, idx: int(f3)}); err != nil {
					return nil, err
				}
			}
		}
	}
	return s.dict, nil
}

// repair rebuilds the table from a scan of the file and finds the trailer:
// the last "trailer" dictionary, else the last cross-reference stream's
// dictionary, else the catalog object.
func (r *reader) repair() error {
	r.repaired = true
	r.xref = map[int]xrefEntry{}
	r.cache = map[int]any{}
	idx := r.scanIndex()
	if len(idx) == 0 {
		return broken("no objects found")
	}
	r.trailer = nil
	if i := bytes.LastIndex(r.data, []byte("trailer")); i >= 0 {
		l := &lexer{b: r.data, pos: i + len("trailer"), maxDepth: r.lim.MaxDepth}
		if o, err := l.object(0); err == nil {
			if d, ok := o.(dict); ok && d["Root"] != nil {
				r.trailer = d
			}
		}
	}
	nums := make([]int, 0, len(idx))
	for n := range idx {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		r.xref[n] = xrefEntry{off: idx[n]}
	}
	if r.trailer == nil {
		// Newest first: the highest offset is the latest definition.
		for k := len(nums) - 1; k >= 0 && r.trailer == nil; k-- {
			if s, ok := r.load(nums[k]).(*stream); ok {
				if t, _ := s.dict["Type"].(name); t == "XRef" && s.dict["Root"] != nil {
					r.trailer = s.dict
				}
			}
		}
	}
	if r.trailer == nil {
		for _, n := range nums {
			if d, ok := r.load(n).(dict); ok {
				if t, _ := d["Type"].(name); t == "Catalog" {
					r.trailer = dict{"Root": ref{n, 0}}
					break
				}
			}
		}
	}
	if r.trailer == nil {
		return broken("no trailer and no catalog found")
	}
	if r.trailer["Info"] == nil {
		// Without a trailer the information dictionary is the one that
		// looks like it (the last one in the file).
		best, bestOff := -1, int64(-1)
		for _, n := range nums {
			d, ok := r.load(n).(dict)
			if !ok || d["Type"] != nil {
				continue
			}
			if d["Producer"] != nil || d["Creator"] != nil || d["CreationDate"] != nil {
				if idx[n] > bestOff {
					best, bestOff = n, idx[n]
				}
			}
		}
		if best >= 0 {
			r.trailer["Info"] = ref{best, 0}
		}
	}
	// Objects inside object streams are not found by the scan: add them.
	for _, n := range nums {
		s, ok := r.load(n).(*stream)
		if !ok {
			continue
		}
		if t, _ := s.dict["Type"].(name); t != "ObjStm" {
			continue
		}
		os, err := r.objectStream(n)
		if err != nil {
			r.noteLimit(err)
			continue
		}
		for i, on := range os.nums {
			if _, ok := r.xref[on]; !ok && len(r.xref) < r.lim.MaxObjects {
				r.xref[on] = xrefEntry{inStream: true, off: int64(n), idx: i}
			}
		}
	}
	return nil
}
