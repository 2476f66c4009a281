package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"
)

// Limits bound what Read keeps in memory and decodes.
type Limits struct {
	// MaxPixels is the largest image (width × height) that is decoded.
	// A header that claims more is a finding, and the image is not decoded.
	MaxPixels int64
	// MaxText is the largest text-like file (chat export, bill, CSV) that is
	// read into memory and parsed; a larger one is kept and hashed only.
	MaxText int64
	// MaxPDF is the largest PDF that is read into memory and parsed
	// (inspect_pdf.go); a larger one is kept and hashed only, with a
	// finding. 0 means DefaultLimits.MaxPDF.
	MaxPDF int64
}

// DefaultLimits fit a phone's screenshots and photos with room to spare: 50
// megapixels is a 8660 × 5773 photo, 64 MiB a chat export of years.
var DefaultLimits = Limits{MaxPixels: 50_000_000, MaxText: 64 << 20, MaxPDF: 64 << 20}

// headSize is how much of the start of a file is kept for sniffing the
// kind, reading the image header and the EXIF segment (at most 64 KiB in a
// JPEG, but it may follow other APP segments).
const headSize = 256 << 10

// Read streams a file once. Every byte is hashed with SHA-256 and, when dst
// is not nil, copied to dst; the content is inspected on the way. path is
// the slash-separated name in the case folder, used in findings. The error
// is non-nil only when reading r or writing dst failed; problems with the
// content are findings on the returned Item.
func Read(path string, r io.Reader, dst io.Writer, modified time.Time, lim Limits) (*Item, error) {
	it := &Item{Path: path, Modified: modified.UTC(), Kind: KindOther, MIME: "application/octet-stream"}
	h := sha256.New()
	sink := &trackedWriter{w: dst}
	var n countWriter
	src := &trackedReader{r: r}
	tee := io.TeeReader(src, io.MultiWriter(h, &n, sink))

	head := make([]byte, headSize)
	k, err := io.ReadFull(tee, head)
	head = head[:k]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, ioError(path, src, sink, err)
	}
	atEOF := err != nil

	rest := io.Reader(tee)
	if atEOF {
		rest = eofReader{}
	}
	size := int64(-1)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if err := inspect(it, head, rest, size, lim); err != nil {
		return nil, ioError(path, src, sink, err)
	}
	// Whatever the inspection did not read is still hashed and copied.
	// In 1 MiB blocks: io.Discard's own ReadFrom reads 8 KiB at a time,
	// which halves the hashing speed of a large file.
	buf := copyBuffers.Get().(*[]byte)
	_, err = io.CopyBuffer(struct{ io.Writer }{io.Discard}, tee, *buf)
	copyBuffers.Put(buf)
	if err != nil {
		return nil, ioError(path, src, sink, err)
	}
	it.Size = int64(n)
	it.SHA256 = hex.EncodeToString(h.Sum(nil))
	if it.Size == 0 {
		it.Add(CodeEmptyFile)
	}
	return it, nil
}

// copyBuffers are the 1 MiB blocks Read copies the rest of a file in, kept
// for the next file: a new one for every file of a case of hundreds was
// most of the memory a build allocated.
var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 1<<20); return &b }}

// inspect decides the kind and reads the metadata. rest yields the bytes
// after head; inspect may leave some of them unread. size is the file's
// length when known, else -1.
func inspect(it *Item, head []byte, rest io.Reader, size int64, lim Limits) error {
	if len(head) == 0 {
		it.MIME = "application/octet-stream"
		return nil
	}
	mt := mimetype.Detect(head)
	it.MIME = mt.String()
	if i := strings.IndexByte(it.MIME, ';'); i >= 0 {
		it.MIME = it.MIME[:i]
	}
	switch {
	case mt.Is("image/png"), mt.Is("image/jpeg"), mt.Is("image/gif"), mt.Is("image/webp"):
		return inspectImage(it, head, rest, lim)
	case mt.Is("image/heic"), mt.Is("image/heif"), mt.Is("image/avif"):
		return inspectHEIF(it, head, rest, lim)
	case isMedia(mt, head):
		return inspectMedia(it, head, rest, size)
	case mt.Is("application/pdf"):
		return inspectPDF(it, head, rest, lim)
	case strings.HasPrefix(it.MIME, "image/"):
		it.Kind = KindImage
		it.Add(CodeImageFormatUnsupported)
		return nil
	case isTextLike(mt, head):
		return inspectText(it, head, rest, lim)
	case mt.Is("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), mt.Is("application/zip"):
		return inspectBinaryDoc(it, head, rest, lim)
	}
	it.Kind = KindOther
	return nil
}

func isTextLike(mt *mimetype.MIME, head []byte) bool {
	for m := mt; m != nil; m = m.Parent() {
		if m.Is("text/plain") {
			return true
		}
	}
	// UTF-16 with a byte order mark is text that mimetype may not call so.
	return bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
}

// readAllBounded returns head followed by the rest of the stream, or
// ok=false when the whole is larger than max (the stream is then left
// partly read; Read drains it).
func readAllBounded(head []byte, rest io.Reader, max int64) ([]byte, bool, error) {
	var buf bytes.Buffer
	buf.Write(head)
	n, err := io.Copy(&buf, io.LimitReader(rest, max-int64(len(head))+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(head))+n > max {
		return nil, false, nil
	}
	return buf.Bytes(), true, nil
}

func inspectText(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindDocument
	data, ok, err := readAllBounded(head, rest, lim.MaxText)
	if err != nil {
		return err
	}
	if !ok {
		it.Add(CodeTextTooLarge, lim.MaxText>>20)
		return nil
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		it.Meta.Encoding = "utf-8-bom"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		it.Meta.Encoding = "utf-16le"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		it.Meta.Encoding = "utf-16be"
	case utf8.Valid(data):
		it.Meta.Encoding = "utf-8"
	default:
		it.Meta.Encoding = "gbk?"
	}
	if it.Meta.Encoding == "utf-8" || it.Meta.Encoding == "utf-8-bom" {
		it.Meta.Lines = bytes.Count(data, []byte{'\n'})
		if len(data) > 0 && data[len(data)-1] != '\n' {
			it.Meta.Lines++
		}
	}
	classifyText(it, data)
	return nil
}

func inspectBinaryDoc(it *Item, head []byte, rest io.Reader, lim Limits) error {
	it.Kind = KindDocument
	if !strings.Contains(it.MIME, "spreadsheet") {
		// A zip is kept as an original; only a bill inside one is read,
		// and the bill reader checks the sizes before it inflates.
		it.Kind = KindOther
	}
	data, ok, err := readAllBounded(head, rest, lim.MaxText)
	if err != nil {
		return err
	}
	if ok {
		classifyText(it, data)
	}
	return nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// trackedWriter remembers a write error so that Read can tell a failed copy
// (the bundle's disk) from a failed read (the user's file).
type trackedWriter struct {
	w   io.Writer
	err error
}

func (t *trackedWriter) Write(p []byte) (int, error) {
	if t.w == nil {
		return len(p), nil
	}
	n, err := t.w.Write(p)
	if err != nil {
		t.err = err
	}
	return n, err
}

type trackedReader struct {
	r   io.Reader
	err error
}

func (t *trackedReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		t.err = err
	}
	return n, err
}

// ReadError says whether reading the original or writing the copy failed.
type ReadError struct {
	Path  string
	Write bool // the copy could not be written
	Err   error
}

func (e *ReadError) Error() string {
	if e.Write {
		return fmt.Sprintf("copy %s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("read %s: %v", e.Path, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }

func ioError(path string, src *trackedReader, sink *trackedWriter, err error) error {
	if sink.err != nil {
		return &ReadError{Path: path, Write: true, Err: sink.err}
	}
	if src.err != nil {
		return &ReadError{Path: path, Err: src.err}
	}
	return &ReadError{Path: path, Err: err}
}
