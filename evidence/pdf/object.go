package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// The PDF object model (ISO 32000-1, 7.3). Objects are plain Go values:
//
//	nil        null
//	bool       boolean
//	int64      integer
//	float64    real
//	pdfString  string (bytes as written after escapes are undone)
//	name       name, without the slash
//	array      array
//	dict       dictionary
//	ref        indirect reference "n g R"
//	*stream    stream: its dictionary and the raw (still encoded) bytes
type (
	pdfString []byte
	name      string
	array     []any
	dict      map[name]any
	ref       struct{ num, gen int }
	stream    struct {
		dict dict
		raw  []byte // a slice of the file or of a decoded object stream; not copied
	}
)

// lexer reads PDF tokens and objects from a byte slice. It never allocates
// more than the bytes it reads, and nesting is capped by maxDepth.
type lexer struct {
	b        []byte
	pos      int
	maxDepth int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// keyword is a bare token such as obj, endobj, stream, R, or an operator of a
// content stream.
type keyword string

// errSyntax is a syntax error at a byte offset.
type errSyntax struct {
	pos int
	msg string
}

func (e *errSyntax) Error() string { return fmt.Sprintf("offset %d: %s", e.pos, e.msg) }

func (l *lexer) errf(format string, a ...any) error {
	return &errSyntax{pos: l.pos, msg: fmt.Sprintf(format, a...)}
}

// token reads one token: a number (int64 or float64), a name, a string, a
// keyword, or one of the delimiters "[", "]", "<<", ">>", "{", "}" (as
// keyword). At the end of the data it returns nil, io.EOF-like errEnd.
func (l *lexer) token() (any, error) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, errEnd
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
			l.pos++
		}
		return decodeName(l.b[start:l.pos]), nil
	case c == '(':
		return l.literalString()
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return keyword("<<"), nil
		}
		return l.hexString()
	case c == '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return keyword(">>"), nil
		}
		l.pos++
		return nil, l.errf("stray '>'")
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.pos++
		return keyword(string(c)), nil
	case c == ')':
		l.pos++
		return nil, l.errf("stray ')'")
	}
	start := l.pos
	for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
		l.pos++
	}
	tok := l.b[start:l.pos]
	if n, ok := parseNumber(tok); ok {
		return n, nil
	}
	return keyword(tok), nil
}

var errEnd = &errSyntax{pos: -1, msg: "unexpected end of data"}

// parseNumber reads "12", "-3", "+.5", "4." as int64 or float64.
func parseNumber(tok []byte) (any, bool) {
	if len(tok) == 0 || len(tok) > 40 {
		return nil, false
	}
	dot, digits := false, 0
	for i, c := range tok {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case (c == '-' || c == '+') && i == 0:
		default:
			return nil, false
		}
	}
	if digits == 0 {
		return nil, false
	}
	if !dot {
		v, err := strconv.ParseInt(string(tok), 10, 64)
		if err != nil {
			// Too long for int64: keep it as a real.
			f, _ := strconv.ParseFloat(string(tok), 64)
			return f, true
		}
		return v, true
	}
	s := string(tok)
	if s[0] == '+' {
		s = s[1:]
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, false
	}
	return f, true
}

func decodeName(b []byte) name {
	if bytes.IndexByte(b, '#') < 0 {
		return name(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return name(out)
}

func (l *lexer) literalString() (any, error) {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out), nil
			}
			out = append(out, c)
		case '\\':
			if l.pos >= len(l.b) {
				return nil, errEnd
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return nil, errEnd
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hexString() (any, error) {
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return pdfString(out), nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, l.errf("bad hex digit %q in string", c)
		}
		if half {
			out = append(out, hi<<4|v)
			half = false
		} else {
			hi, half = v, true
		}
	}
	return nil, errEnd
}

// object reads one direct object; "n g R" becomes a ref. Streams are not
// handled here (see parseIndirect).
func (l *lexer) object(depth int) (any, error) {
	if depth > l.maxDepth {
		return nil, l.errf("objects nested deeper than %d", l.maxDepth)
	}
	tok, err := l.token()
	if err != nil {
		return nil, err
	}
	return l.objectFrom(tok, depth)
}

func (l *lexer) objectFrom(tok any, depth int) (any, error) {
	switch t := tok.(type) {
	case keyword:
		switch t {
		case "[":
			var a array
			for {
				l.skipSpace()
				if l.pos < len(l.b) && l.b[l.pos] == ']' {
					l.pos++
					return a, nil
				}
				v, err := l.object(depth + 1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
		case "<<":
			d := dict{}
			for {
				k, err := l.token()
				if err != nil {
					return nil, err
				}
				if k == keyword(">>") {
					return d, nil
				}
				kn, ok := k.(name)
				if !ok {
					return nil, l.errf("dictionary key is not a name")
				}
				v, err := l.object(depth + 1)
				if err != nil {
					return nil, err
				}
				if v != nil {
					d[kn] = v
				}
			}
		case "null":
			return nil, nil
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, l.errf("unexpected %q", string(t))
	case int64:
		// Look ahead for "g R".
		save := l.pos
		if t >= 0 {
			if g, err := l.token(); err == nil {
				if gi, ok := g.(int64); ok && gi >= 0 && gi <= 65535 {
					if r, err := l.token(); err == nil && r == keyword("R") {
						if t > 1<<31 {
							return nil, l.errf("object number %d out of range", t)
						}
						return ref{int(t), int(gi)}, nil
					}
				}
			}
		}
		l.pos = save
		return t, nil
	}
	return tok, nil
}
