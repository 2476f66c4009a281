package ocr

// NearMatch reports a known ID that differs from read by exactly one
// character: one substituted, one dropped or one inserted. These are the
// errors Tesseract makes in long numbers (a dropped 0, 1 or 3; 5 read as 6).
// It is for a "probably …, check by eye" note beside a low-confidence read,
// never for linking evidence: a wrong link is worse than none.
//
// An exact match is not a near match (ok is false; link it the normal
// way). When two known IDs are both one character away, the read is
// ambiguous and ok is false. Reads shorter than 6 characters are never
// matched.
func NearMatch(read string, known []string) (string, bool) {
	if len(read) < 6 {
		return "", false
	}
	found := ""
	for _, k := range known {
		if k == read {
			return "", false
		}
		if oneEdit(read, k) {
			if found != "" && found != k {
				return "", false
			}
			found = k
		}
	}
	return found, found != ""
}

// oneEdit reports whether a and b differ by exactly one substitution,
// insertion or deletion (byte-wise; IDs are ASCII).
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := 0; i < len(a); i++ {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}
