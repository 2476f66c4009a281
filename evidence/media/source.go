package media

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

// source is the one-pass stream with its position. Every read goes through
// it so that pos is the file offset of the next byte.
type source struct {
	br   *bufio.Reader
	pos  int64
	size int64 // -1 when unknown
	buf  []byte
	err  error // a read error met by peek, which cannot return it
}

// readError marks a failure of the underlying reader, as opposed to the end
// of the file, which is a property of the content.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }
func (e readError) Unwrap() error { return e.err }

func newSource(r io.Reader, size int64) *source {
	if size < 0 {
		size = -1
	}
	return &source{br: bufio.NewReaderSize(r, 64<<10), size: size}
}

// classify keeps io.EOF and io.ErrUnexpectedEOF as they are (truncation)
// and wraps anything else as a readError.
func classify(err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	var re readError
	if errors.As(err, &re) {
		return err
	}
	return readError{err}
}

// isEOF reports whether err is the end of the stream (the file is shorter
// than its structure says).
func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// remaining is how many bytes the file has after pos, or -1.
func (s *source) remaining() int64 {
	if s.size < 0 {
		return -1
	}
	if s.pos > s.size {
		return 0
	}
	return s.size - s.pos
}

// peek returns up to n bytes without consuming them (n ≤ 64 KiB).
func (s *source) peek(n int) []byte {
	p, err := s.br.Peek(n)
	if err != nil && err != bufio.ErrBufferFull && !isEOF(err) && s.err == nil {
		s.err = readError{err}
	}
	return p
}

// read reads exactly n bytes into a fresh slice. The caller bounds n.
func (s *source) read(n int) ([]byte, error) {
	b := make([]byte, n)
	k, err := io.ReadFull(s.br, b)
	s.pos += int64(k)
	if err != nil {
		return b[:k], classify(err)
	}
	return b, nil
}

// fill reads exactly len(b) bytes into b.
func (s *source) fill(b []byte) error {
	k, err := io.ReadFull(s.br, b)
	s.pos += int64(k)
	return classify(err)
}

func (s *source) u8() (uint8, error) {
	c, err := s.br.ReadByte()
	if err != nil {
		return 0, classify(err)
	}
	s.pos++
	return c, nil
}

func (s *source) u16le() (uint16, error) {
	var b [2]byte
	err := s.fill(b[:])
	return binary.LittleEndian.Uint16(b[:]), err
}

func (s *source) u32le() (uint32, error) {
	var b [4]byte
	err := s.fill(b[:])
	return binary.LittleEndian.Uint32(b[:]), err
}

// skip reads through n bytes in 1 MiB blocks and returns how many there
// were; short of n only at the end of the stream (with io.ErrUnexpectedEOF).
func (s *source) skip(n int64) (int64, error) {
	if n <= 0 {
		return 0, nil
	}
	// Small skips from the buffer, large ones in big blocks so that a
	// hashing reader below sees large reads.
	if n <= int64(s.br.Buffered()) {
		k, err := s.br.Discard(int(n))
		s.pos += int64(k)
		return int64(k), classify(err)
	}
	if s.buf == nil {
		s.buf = make([]byte, 1<<20)
	}
	k, err := io.CopyBuffer(discard{}, io.LimitReader(s.br, n), s.buf)
	s.pos += k
	if err != nil {
		return k, classify(err)
	}
	if k < n {
		return k, io.ErrUnexpectedEOF
	}
	return k, nil
}

// skipAll reads to the end of the stream.
func (s *source) skipAll() error {
	if s.buf == nil {
		s.buf = make([]byte, 1<<20)
	}
	k, err := io.CopyBuffer(discard{}, s.br, s.buf)
	s.pos += k
	return classify(err)
}

// discard is io.Discard without its ReaderFrom, whose 8 KiB reads would
// make CopyBuffer ignore the big buffer.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
