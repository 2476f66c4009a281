package templates

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const (
	// textLines is how many lines of a text exhibit the dossier prints.
	textLines = 60
	// textWindow is how much of a text file is read to find them.
	textWindow = 256 << 10
	// textLineRunes caps one printed line (a minified file is one line).
	textLineRunes = 2000
)

// exhibitText prints the first lines of a text file in a box, saying
// whether that is all of it.
func (dc *doc) exhibitText(ex *Exhibit) {
	w := dc.w
	lines, more, err := readText(ex.File, ex.Item.Meta.Encoding)
	if err != nil {
		dc.noteBox(w.inBundle+"data/"+ex.Item.Path+"\n"+err.Error(), colAlert, sizeBody)
		return
	}
	if len(lines) == 0 {
		dc.para(w.textEmpty, sizeBody, colMuted, 0)
		return
	}
	dc.subheading(w.textTruncated, lineHeight(sizeSmall)*3)
	dc.codeBlock(strings.Join(lines, "\n"), sizeSmall)
	dc.setY(dc.y() + 1.5)
	dc.para(w.lineCount(len(lines), len(lines), more), sizeSmall, colMuted, 0)
}

// readText returns up to textLines lines of a text file, decoded from its
// encoding (UTF-8 unless the evidence reader found GBK), and whether the
// file holds more. Invalid bytes become U+FFFD.
func readText(path, encoding string) ([]string, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	buf := make([]byte, textWindow+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, false, err
	}
	more := n > textWindow
	buf = buf[:min(n, textWindow)]
	switch strings.ToLower(encoding) {
	case "gbk", "gb2312", "gb18030":
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(buf); err == nil {
			buf = d
		}
	}
	buf = bytes.TrimPrefix(buf, []byte("\xef\xbb\xbf"))
	text := strings.ToValidUTF8(string(buf), "\uFFFD")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	all := strings.Split(text, "\n")
	if len(all) > 0 && all[len(all)-1] == "" {
		all = all[:len(all)-1]
	}
	if len(all) > textLines {
		all, more = all[:textLines], true
	}
	for i, ln := range all {
		if utf8.RuneCountInString(ln) > textLineRunes {
			all[i] = string([]rune(ln)[:textLineRunes]) + "…"
		}
	}
	return all, more, nil
}
