package chat

import (
	"encoding/csv"
	"strings"
)

// readers are the chat formats, one row each, in the order they are tried.
// A new format is one new file that defines its reader and one row here.
//
// Detection runs in two passes over the table: first every byHead (the
// export's first line: a CSV header, a title, a time stamp), then every
// byBody (the shape of the lines), so that a format with a telling first
// line always wins over one recognised by its body.
var readers = []*reader{
	&wechatMsgCSV,      // wechatmsg.go
	&memoTraceCSV,      // memotrace.go
	&pyWxDumpCSV,       // pywxdump.go
	&chatlogCSV,        // chatlog.go
	&wechatExporterTXT, // wechatexporter.go
	&wechatMsgTXT,      // wechatmsg.go, read by timeblocks.go
	&memoTraceTXT,      // memotrace.go, read by timeblocks.go
	&forwardedTXT,      // forwarded.go
}

// reader is one chat format: how to recognise it and how to read it.
type reader struct {
	// format is Chat.Format ("wechatmsg-csv").
	format string
	// byHead recognises the format by the export's first non-blank line
	// (it may look further into the sample to decide). notChat ends the
	// detection: the text is not a chat export of any format.
	byHead func(s *sample) verdict
	// byBody recognises the format by the shape of its lines, when no
	// first line told; nil when only the first line tells.
	byBody func(s *sample) bool
	// parse reads the decoded text into the builder.
	parse func(b *builder, text string)
	// dropsTransfers: the format does not write transfers and red packets
	// at all (reported as a problem of every such export).
	dropsTransfers bool
}

// verdict is what a reader says of a sample's first line.
type verdict int

const (
	notMine verdict = iota // another format, perhaps
	mine                   // this format
	notChat                // not a chat export at all
)

func mineIf(ok bool) verdict {
	if ok {
		return mine
	}
	return notMine
}

// sample is the decoded text being detected, with what more than one
// reader looks at worked out once.
type sample struct {
	text string
	// complete says text is the whole export, not just its head.
	complete bool
	first    string

	csvDone bool
	header  columns // the first line read as a CSV header; nil when it is not one

	blocksDone bool
	blocks     string // timeBlocksFormat of the text, when first is a time header
}

// csvHeader returns the columns of the first line when it is a CSV header
// line, else nil.
func (s *sample) csvHeader() columns {
	if !s.csvDone {
		s.csvDone = true
		if strings.Contains(s.first, ",") {
			if rec, err := csv.NewReader(strings.NewReader(s.first)).Read(); err == nil {
				s.header = headerColumns(rec)
			}
		}
	}
	return s.header
}

// csvHas reports whether the first line is a CSV header with all the names.
func (s *sample) csvHas(names ...string) bool {
	return s.csvHeader().has(names...)
}

// detect finds the reader of decoded text, or nil.
func detect(text string, complete bool) *reader {
	first, _ := firstLine(text)
	s := &sample{text: text, complete: complete, first: first}
	for _, r := range readers {
		if r.byHead == nil {
			continue
		}
		switch r.byHead(s) {
		case mine:
			return r
		case notChat:
			return nil
		}
	}
	for _, r := range readers {
		if r.byBody != nil && r.byBody(s) {
			return r
		}
	}
	return nil
}

// readerOf returns the reader of a format name, or nil.
func readerOf(format string) *reader {
	for _, r := range readers {
		if r.format == format {
			return r
		}
	}
	return nil
}

// firstLine returns the first non-blank line, without BOM and CR.
func firstLine(text string) (string, int) {
	for i := 0; text != ""; i++ {
		line, rest, _ := strings.Cut(text, "\n")
		line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r")
		if strings.TrimSpace(line) != "" {
			return line, i
		}
		text = rest
	}
	return "", 0
}
