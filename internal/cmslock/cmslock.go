// Package cmslock serialises the parsing of CMS/PKCS #7 structures.
//
// github.com/digitorus/pkcs7 (which github.com/digitorus/timestamp uses as
// well) keeps a package-level counter, encodeIndent, that its BER-to-DER
// conversion increments and decrements on every Parse: two parses at once
// race on it (the race detector reports it when two signed PDFs are read in
// parallel). The counter only feeds a commented-out debug print, so the
// race cannot change a result, but a race is a race: every caller of
// pkcs7.Parse, timestamp.Parse and timestamp.ParseResponse holds Mu.
package cmslock

import "sync"

// Mu is held around every CMS parse in casebundle.
var Mu sync.Mutex

// Do runs f with Mu held.
func Do[T any](f func() (T, error)) (T, error) {
	Mu.Lock()
	defer Mu.Unlock()
	return f()
}
