package pdf

import (
	"bytes"
	"crypto"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"hash"
	"strings"
	"time"

	"github.com/casebundle/casebundle/internal/cmslock"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// Signature is one signature field of the file with what can be said about
// it without trusting anyone. There is deliberately no "Valid" field: the
// certificate chain is not checked (no trust store, no revocation), so
// nothing here says who really signed. What is checked is arithmetic: which
// bytes the signature covers, whether the digest it signed matches those
// bytes, and whether the signature value matches the key of the
// certificate it carries.
type Signature struct {
	Field     string // fully qualified field name, e.g. "Signature1"
	SubFilter string // adbe.pkcs7.detached, ETSI.CAdES.detached, adbe.pkcs7.sha1, ETSI.RFC3161
	// Name, Reason, Location and ContactInfo are as the signing software
	// wrote them in the signature dictionary (claims, not facts).
	Name, Reason, Location, ContactInfo string
	// SigningTime is /M of the signature dictionary (claimed by the signer's
	// software, often without a zone).
	SigningTime Date
	// CMSSigningTime is the signingTime attribute inside the signed data
	// (UTC), zero when absent. For a document time stamp it is the time of
	// the time-stamp token.
	CMSSigningTime time.Time
	// SignerCN and SignerSubject name the subject of the signer certificate
	// carried in /Contents; IssuerCN its issuer. Empty when /Contents could
	// not be parsed.
	SignerCN, SignerSubject, IssuerCN string
	// ByteRange is the signed range [start1 len1 start2 len2].
	ByteRange []int64
	// CoversWholeFile: the range starts at 0, its gap is exactly the
	// /Contents hex string, and it ends at the end of the file. False for a
	// file appended to or changed after signing; BytesAfter then counts the
	// bytes after the signed range.
	CoversWholeFile bool
	BytesAfter      int64
	// DigestAlgorithm of the signed data ("SHA-256"); DigestMatches is true
	// when the digest the signer signed equals the digest of the ByteRange
	// bytes as they are in this file.
	DigestAlgorithm string
	DigestMatches   bool
	// SignatureMatchesKey: the signature value checks out with the public
	// key of the signer certificate that /Contents carries. Anyone can make
	// a certificate with any name, so this says the bytes were not altered
	// since that key signed them, not who holds the key.
	SignatureMatchesKey bool
	// Problems lists what could not be read or did not match, in words.
	Problems []string
}

// Signer is the best name for who the signature says signed: the
// certificate's subject CN, else the /Name of the dictionary.
func (s *Signature) Signer() string {
	if s.SignerCN != "" {
		return s.SignerCN
	}
	return s.Name
}

// readSignatures finds the signature fields through the form's field tree
// (/AcroForm /Fields, /Kids) and the pages' widget annotations, each
// signature dictionary once.
func (r *reader) readSignatures(root dict) ([]Signature, error) {
	var out []Signature
	seenV := map[int]bool{}
	seenNode := map[int]bool{}
	addV := func(field dict, fullName string) error {
		vobj := field["V"]
		if rf, ok := vobj.(ref); ok {
			if seenV[rf.num] {
				return nil
			}
			seenV[rf.num] = true
		}
		v := r.resolveDict(vobj)
		if v == nil {
			return nil
		}
		if len(out) >= r.lim.MaxSignatures {
			return &LimitError{Limit: "MaxSignatures", Max: int64(r.lim.MaxSignatures), What: "too many signature fields"}
		}
		out = append(out, r.signature(v, fullName))
		return nil
	}
	var walk func(o any, parent string, ft name, depth int) error
	walk = func(o any, parent string, ft name, depth int) error {
		if depth > r.lim.MaxDepth {
			return &LimitError{Limit: "MaxDepth", Max: int64(r.lim.MaxDepth), What: "form field tree nested too deep"}
		}
		if rf, ok := o.(ref); ok {
			if seenNode[rf.num] {
				return nil
			}
			seenNode[rf.num] = true
		}
		f := r.resolveDict(o)
		if f == nil {
			return nil
		}
		full := parent
		if t, ok := r.resolve(f["T"]).(pdfString); ok {
			if full != "" {
				full += "."
			}
			full += textString(t)
		}
		if x, ok := r.resolve(f["FT"]).(name); ok {
			ft = x
		}
		if ft == "Sig" && f["V"] != nil {
			if err := addV(f, full); err != nil {
				return err
			}
		}
		if kids, ok := r.resolve(f["Kids"]).(array); ok {
			for _, k := range kids {
				if err := walk(k, full, ft, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if af := r.resolveDict(root["AcroForm"]); af != nil {
		if fields, ok := r.resolve(af["Fields"]).(array); ok {
			for _, f := range fields {
				if err := walk(f, "", "", 0); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// signatureWidgets looks at the pages' annotations for signature widgets
// that the form does not list (some signing tools forget /AcroForm).
func (d *Doc) signatureWidgets() error {
	r := d.r
	seen := map[string]bool{}
	for _, s := range d.Signatures {
		seen[fmt.Sprint(s.ByteRange)] = true
	}
	for _, p := range d.pages {
		annots, _ := r.resolve(p.dict["Annots"]).(array)
		if len(annots) > 10000 {
			annots = annots[:10000]
		}
		for _, a := range annots {
			ad := r.resolveDict(a)
			if ad == nil {
				continue
			}
			ft, _ := r.resolve(ad["FT"]).(name)
			if ft == "" {
				if par := r.resolveDict(ad["Parent"]); par != nil {
					ft, _ = r.resolve(par["FT"]).(name)
					if ad["V"] == nil {
						ad = par
					}
				}
			}
			if ft != "Sig" {
				continue
			}
			v := r.resolveDict(ad["V"])
			if v == nil {
				continue
			}
			var br []int64
			if a, ok := r.resolve(v["ByteRange"]).(array); ok {
				for _, x := range a {
					n, _ := r.resolveInt(x)
					br = append(br, int64(n))
				}
			}
			if seen[fmt.Sprint(br)] {
				continue
			}
			seen[fmt.Sprint(br)] = true
			if len(d.Signatures) >= r.lim.MaxSignatures {
				return &LimitError{Limit: "MaxSignatures", Max: int64(r.lim.MaxSignatures), What: "too many signature fields"}
			}
			t, _ := r.resolve(ad["T"]).(pdfString)
			d.Signatures = append(d.Signatures, r.signature(v, textString(t)))
		}
	}
	return nil
}

func (r *reader) signature(v dict, field string) Signature {
	s := Signature{Field: field}
	str := func(k name) string {
		b, _ := r.resolve(v[k]).(pdfString)
		return textString(b)
	}
	sf, _ := r.resolve(v["SubFilter"]).(name)
	s.SubFilter = string(sf)
	s.Name, s.Reason, s.Location, s.ContactInfo = str("Name"), str("Reason"), str("Location"), str("ContactInfo")
	if m := str("M"); m != "" {
		s.SigningTime = ParseDate(m)
	}
	contents, _ := r.resolve(v["Contents"]).(pdfString)
	if br, ok := r.resolve(v["ByteRange"]).(array); ok {
		for _, x := range br {
			n, ok := r.resolveInt(x)
			if !ok {
				break
			}
			s.ByteRange = append(s.ByteRange, int64(n))
		}
	}
	signed, ok := r.checkRange(&s, contents)
	if len(contents) == 0 {
		s.Problems = append(s.Problems, "no /Contents")
		return s
	}
	der := trimDER(contents)
	if sf == "ETSI.RFC3161" {
		r.checkTimestamp(&s, der, signed, ok)
		return s
	}
	p7, err := cmslock.Do(func() (*pkcs7.PKCS7, error) { return pkcs7.Parse(der) })
	if err != nil {
		s.Problems = append(s.Problems, "the signed data in /Contents cannot be parsed: "+err.Error())
		return s
	}
	if len(p7.Signers) == 0 {
		s.Problems = append(s.Problems, "the signed data has no signer")
		return s
	}
	si := p7.Signers[0]
	var cert *x509.Certificate
	for _, c := range p7.Certificates {
		if bytes.Equal(c.RawIssuer, si.IssuerAndSerialNumber.IssuerName.FullBytes) && c.SerialNumber.Cmp(si.IssuerAndSerialNumber.SerialNumber) == 0 {
			cert = c
			break
		}
	}
	if cert == nil && len(p7.Certificates) == 1 {
		cert = p7.Certificates[0]
	}
	if cert != nil {
		s.SignerCN = cert.Subject.CommonName
		s.SignerSubject = cert.Subject.String()
		s.IssuerCN = cert.Issuer.CommonName
	} else {
		s.Problems = append(s.Problems, "the signer certificate is not in /Contents")
	}
	var st time.Time
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &st); err == nil {
		s.CMSSigningTime = st.UTC()
	}
	h, hname := hashFor(si.DigestAlgorithm.Algorithm)
	s.DigestAlgorithm = hname
	if h == 0 {
		s.Problems = append(s.Problems, "unknown digest algorithm "+si.DigestAlgorithm.Algorithm.String())
		return s
	}
	if !ok {
		return s
	}
	content := signed
	if sf == "adbe.pkcs7.sha1" {
		// The signed content is the SHA-1 of the byte range, carried inside.
		d := sha1.Sum(signed)
		if !bytes.Equal(p7.Content, d[:]) {
			s.Problems = append(s.Problems, "the SHA-1 inside the signed data does not match the byte range")
			return s
		}
		content = p7.Content
	}
	var md []byte
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &md); err != nil {
		s.Problems = append(s.Problems, "no messageDigest attribute")
		return s
	}
	hh := newHash(h)
	hh.Write(content)
	s.DigestMatches = bytes.Equal(hh.Sum(nil), md)
	if !s.DigestMatches {
		s.Problems = append(s.Problems, "the signed digest does not match the bytes of the byte range (changed after signing)")
		return s
	}
	if cert != nil {
		p7.Content = content
		switch err := p7.Verify(); {
		case err == nil:
			s.SignatureMatchesKey = true
		case strings.Contains(err.Error(), "outside of certificate validity"):
			// pkcs7 stops before checking the value; say what it found.
			s.Problems = append(s.Problems, "the signing time is outside the certificate's validity")
		default:
			s.Problems = append(s.Problems, "the signature value does not match the certificate's key: "+err.Error())
		}
	}
	return s
}

// checkRange computes CoversWholeFile and BytesAfter and returns the signed
// bytes (the two ranges joined) when the range is inside the file.
func (r *reader) checkRange(s *Signature, contents []byte) ([]byte, bool) {
	size := int64(len(r.data))
	br := s.ByteRange
	if len(br) != 4 {
		s.Problems = append(s.Problems, fmt.Sprintf("/ByteRange has %d numbers, not 4", len(br)))
		return nil, false
	}
	a, b, c, d := br[0], br[1], br[2], br[3]
	if a < 0 || b < 0 || c < 0 || d < 0 || a+b > c || c+d > size || a+b > size {
		s.Problems = append(s.Problems, "/ByteRange points outside the file")
		return nil, false
	}
	s.BytesAfter = size - (c + d)
	gapOK := false
	if c-(a+b) >= 2 && r.data[a+b] == '<' && r.data[c-1] == '>' {
		hexd, err := asciiHex(r.data[a+b+1 : c-1])
		gapOK = err == nil && bytes.Equal(hexd, contents)
	}
	if !gapOK {
		s.Problems = append(s.Problems, "the gap in /ByteRange is not exactly the /Contents string")
	}
	s.CoversWholeFile = a == 0 && gapOK && s.BytesAfter == 0
	if s.BytesAfter > 0 {
		s.Problems = append(s.Problems, fmt.Sprintf("%d bytes after the signed range: the file was changed or added to after signing", s.BytesAfter))
	}
	if a != 0 {
		s.Problems = append(s.Problems, fmt.Sprintf("the signed range starts at byte %d, not 0", a))
	}
	signed := make([]byte, 0, b+d)
	signed = append(signed, r.data[a:a+b]...)
	signed = append(signed, r.data[c:c+d]...)
	return signed, true
}

func (r *reader) checkTimestamp(s *Signature, der, signed []byte, ok bool) {
	ts, err := cmslock.Do(func() (*timestamp.Timestamp, error) { return timestamp.Parse(der) })
	if err != nil {
		s.Problems = append(s.Problems, "the time-stamp token in /Contents cannot be parsed: "+err.Error())
		return
	}
	s.CMSSigningTime = ts.Time.UTC()
	if len(ts.Certificates) > 0 {
		s.SignerCN = ts.Certificates[0].Subject.CommonName
		s.SignerSubject = ts.Certificates[0].Subject.String()
		s.IssuerCN = ts.Certificates[0].Issuer.CommonName
	}
	s.DigestAlgorithm = hashName(ts.HashAlgorithm)
	if !ok || !ts.HashAlgorithm.Available() {
		return
	}
	h := ts.HashAlgorithm.New()
	h.Write(signed)
	s.DigestMatches = bytes.Equal(h.Sum(nil), ts.HashedMessage)
	if !s.DigestMatches {
		s.Problems = append(s.Problems, "the time-stamped digest does not match the bytes of the byte range")
	}
	// timestamp.Parse has already checked the token's signature value.
	s.SignatureMatchesKey = s.DigestMatches
}

// trimDER cuts /Contents to the length its outer DER header gives: the
// hex string is padded with zeros to the size reserved before signing.
func trimDER(b []byte) []byte {
	var raw asn1.RawValue
	rest, err := asn1.Unmarshal(b, &raw)
	if err != nil {
		return bytes.TrimRight(b, "\x00")
	}
	return b[:len(b)-len(rest)]
}

var (
	oidSHA1   = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
)

func hashFor(oid asn1.ObjectIdentifier) (crypto.Hash, string) {
	switch {
	case oid.Equal(oidSHA1):
		return crypto.SHA1, "SHA-1"
	case oid.Equal(oidSHA256):
		return crypto.SHA256, "SHA-256"
	case oid.Equal(oidSHA384):
		return crypto.SHA384, "SHA-384"
	case oid.Equal(oidSHA512):
		return crypto.SHA512, "SHA-512"
	}
	return 0, oid.String()
}

func hashName(h crypto.Hash) string {
	switch h {
	case crypto.SHA1:
		return "SHA-1"
	case crypto.SHA256:
		return "SHA-256"
	case crypto.SHA384:
		return "SHA-384"
	case crypto.SHA512:
		return "SHA-512"
	}
	return h.String()
}

func newHash(h crypto.Hash) hash.Hash {
	switch h {
	case crypto.SHA1:
		return sha1.New()
	case crypto.SHA256:
		return sha256.New()
	case crypto.SHA384:
		return sha512.New384()
	}
	return sha512.New()
}
