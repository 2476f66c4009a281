package pdf

import (
	"errors"
	"fmt"
)

// Limits bound the work Read and PageText do on one file. A file that needs
// more is refused with a *LimitError, never read half-way in silence. The
// zero value of a field means the default of DefaultLimits.
type Limits struct {
	MaxFileBytes    int64 // size of the file itself
	MaxPages        int   // pages in the page tree (and the /Count it claims)
	MaxObjects      int   // entries of the cross-reference table
	MaxDepth        int   // nesting of arrays and dictionaries, and of the page tree
	MaxStreamBytes  int64 // decoded bytes of one stream
	MaxDecodedBytes int64 // decoded bytes of all streams of the document together
	MaxXrefSections int   // cross-reference sections chained by /Prev
	MaxSignatures   int   // signature fields read
	MaxOps          int   // content-stream operators interpreted per page
	MaxRuns         int   // text runs returned per page
}

// DefaultLimits suit bank and platform statements (a few hundred pages at
// most) with a wide margin.
var DefaultLimits = Limits{
	MaxFileBytes:    512 << 20,
	MaxPages:        5000,
	MaxObjects:      2_000_000,
	MaxDepth:        64,
	MaxStreamBytes:  64 << 20,
	MaxDecodedBytes: 512 << 20,
	MaxXrefSections: 256,
	MaxSignatures:   64,
	MaxOps:          2_000_000,
	MaxRuns:         200_000,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxFileBytes > 0 {
		d.MaxFileBytes = l.MaxFileBytes
	}
	if l.MaxPages > 0 {
		d.MaxPages = l.MaxPages
	}
	if l.MaxObjects > 0 {
		d.MaxObjects = l.MaxObjects
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxStreamBytes > 0 {
		d.MaxStreamBytes = l.MaxStreamBytes
	}
	if l.MaxDecodedBytes > 0 {
		d.MaxDecodedBytes = l.MaxDecodedBytes
	}
	if l.MaxXrefSections > 0 {
		d.MaxXrefSections = l.MaxXrefSections
	}
	if l.MaxSignatures > 0 {
		d.MaxSignatures = l.MaxSignatures
	}
	if l.MaxOps > 0 {
		d.MaxOps = l.MaxOps
	}
	if l.MaxRuns > 0 {
		d.MaxRuns = l.MaxRuns
	}
	return d
}

// Errors of Read; compare with errors.Is or errors.As.
var (
	// ErrEncrypted: the file has an /Encrypt dictionary that Read cannot
	// open (a user password is set, or an unknown security handler). The
	// error is an *EncryptedError.
	ErrEncrypted = errors.New("pdf: encrypted")
	// ErrBroken: the file is not a readable PDF. The error is a
	// *BrokenError with the reason.
	ErrBroken = errors.New("pdf: broken")
	// ErrLimit: the file needs more than Limits allow. The error is a
	// *LimitError naming the limit.
	ErrLimit = errors.New("pdf: over limit")
)

// EncryptedError says why an encrypted file could not be opened.
type EncryptedError struct {
	Filter string // security handler, usually "Standard"
	V, R   int    // algorithm and revision of the handler
	Reason string // e.g. "a user password is set"
}

func (e *EncryptedError) Error() string {
	return fmt.Sprintf("pdf: encrypted (%s V%d R%d): %s", e.Filter, e.V, e.R, e.Reason)
}

// Is makes errors.Is(err, ErrEncrypted) true.
func (e *EncryptedError) Is(target error) bool { return target == ErrEncrypted }

// BrokenError is a file that is not a readable PDF.
type BrokenError struct {
	Reason string // e.g. "no %PDF- header", "page tree loops back to object 3"
}

func (e *BrokenError) Error() string { return "pdf: broken: " + e.Reason }

// Is makes errors.Is(err, ErrBroken) true.
func (e *BrokenError) Is(target error) bool { return target == ErrBroken }

// LimitError is a file that needs more than Limits allow.
type LimitError struct {
	Limit string // field of Limits, e.g. "MaxPages"
	Max   int64
	What  string // e.g. "page tree claims 1000000 pages"
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("pdf: over limit %s=%d: %s", e.Limit, e.Max, e.What)
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

func broken(format string, a ...any) error {
	return &BrokenError{Reason: fmt.Sprintf(format, a...)}
}
