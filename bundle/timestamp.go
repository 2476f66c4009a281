package bundle

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/casebundle/casebundle/internal/cmslock"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// MaxTSAReply bounds what is read from a time-stamp authority: a reply
// with its certificate chain is a few kilobytes.
const MaxTSAReply = 1 << 20

// DefaultTSATimeout is how long a TSA gets to answer.
const DefaultTSATimeout = 30 * time.Second

// TSAClient asks an RFC 3161 time-stamp authority over HTTP.
type TSAClient struct {
	URL string
	// HTTP is the client used; nil means one with DefaultTSATimeout.
	HTTP *http.Client
}

// NewTSAClient returns a Timestamper for the TSA at url.
func NewTSAClient(url string) *TSAClient { return &TSAClient{URL: url} }

// TSAError is a time-stamp authority that could not be reached or refused
// to stamp: the build stops, and nothing is left behind.
type TSAError struct {
	URL string
	Err error
}

func (e *TSAError) Error() string {
	return fmt.Sprintf("time-stamp authority %s: %v", e.URL, e.Err)
}

func (e *TSAError) Unwrap() error { return e.Err }

// ExitCode is 1: the work ran and the time-stamp authority failed it.
func (e *TSAError) ExitCode() int { return 1 }

// ErrorHint says what to do about it.
func (e *TSAError) ErrorHint() string {
	return "check the --tsa URL and the network, try again or use another TSA; or build without --tsa (no trusted time)"
}

// Stamp asks the TSA for a token over digest, the SHA-256 of
// manifest-sha256.txt. It checks the reply before returning it: status
// granted, the imprint and the nonce are what was asked, and the signature
// verifies against the certificate in the token.
func (c *TSAClient) Stamp(ctx context.Context, digest []byte) (*ManifestTimestamp, []byte, error) {
	fail := func(format string, args ...any) error {
		return &TSAError{URL: c.URL, Err: fmt.Errorf(format, args...)}
	}
	if len(digest) != crypto.SHA256.Size() {
		return nil, nil, fail("a SHA-256 digest has %d bytes, got %d", crypto.SHA256.Size(), len(digest))
	}
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
	if err != nil {
		return nil, nil, fail("make a nonce: %v", err)
	}
	req := &timestamp.Request{HashAlgorithm: crypto.SHA256, HashedMessage: digest, Certificates: true, Nonce: nonce}
	body, err := req.Marshal()
	if err != nil {
		return nil, nil, fail("encode the request: %v", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return nil, nil, fail("%v", err)
	}
	hreq.Header.Set("Content-Type", "application/timestamp-query")
	hreq.Header.Set("Accept", "application/timestamp-reply")
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: DefaultTSATimeout}
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap()
		}
		return nil, nil, fail("cannot be reached: %v", err)
	}
	defer resp.Body.Close()
	der, err := io.ReadAll(io.LimitReader(resp.Body, MaxTSAReply+1))
	if err != nil {
		return nil, nil, fail("read the reply: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fail("answered HTTP %s", resp.Status)
	}
	if len(der) > MaxTSAReply {
		return nil, nil, fail("the reply is larger than %d bytes", MaxTSAReply)
	}
	ts, err := cmslock.Do(func() (*timestamp.Timestamp, error) { return timestamp.ParseResponse(der) })
	if err != nil {
		return nil, nil, fail("refused or sent an unreadable reply: %v", err)
	}
	if ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, digest) {
		return nil, nil, fail("the token covers another digest than the one asked for")
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, nil, fail("the token's nonce is not the one sent (a replayed or foreign reply)")
	}
	if _, err := checkTokenSignature(ts.RawToken, nil); err != nil {
		return nil, nil, fail("%v", err)
	}
	return timestampInfo(c.URL, ts), der, nil
}

func timestampInfo(tsa string, ts *timestamp.Timestamp) *ManifestTimestamp {
	serial := ""
	if ts.SerialNumber != nil {
		serial = ts.SerialNumber.String()
	}
	return &ManifestTimestamp{
		TSA:           tsa,
		GenTime:       ts.Time.UTC().Format(time.RFC3339Nano),
		Serial:        serial,
		Policy:        ts.Policy.String(),
		HashAlgorithm: "sha256",
	}
}

// checkTokenSignature verifies the signature of a TimeStampToken against
// the certificate it carries, that this certificate is for time-stamping,
// and, when roots is not nil, that it chains to one of roots at the
// token's time. It returns the signer's certificate.
func checkTokenSignature(token []byte, roots *x509.CertPool) (*x509.Certificate, error) {
	p7, err := cmslock.Do(func() (*pkcs7.PKCS7, error) { return pkcs7.Parse(token) })
	if err != nil {
		return nil, fmt.Errorf("the token is not a readable signature: %v", err)
	}
	signer := p7.GetOnlySigner()
	if signer == nil {
		return nil, errors.New("the token carries no signer certificate (it was requested with certReq), so its signature cannot be checked")
	}
	if !slices.Contains(signer.ExtKeyUsage, x509.ExtKeyUsageTimeStamping) {
		return nil, fmt.Errorf("the signer %q is not a time-stamping certificate (no timeStamping extended key usage)", signer.Subject)
	}
	ts, err := cmslock.Do(func() (*timestamp.Timestamp, error) { return timestamp.Parse(token) })
	if err != nil {
		return nil, fmt.Errorf("the token's signature does not verify: %v", err)
	}
	opts := x509.VerifyOptions{
		Roots:         roots,
		Intermediates: x509.NewCertPool(),
		CurrentTime:   ts.Time,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping},
	}
	for _, c := range p7.Certificates {
		opts.Intermediates.AddCert(c)
	}
	if err := p7.VerifyWithOpts(opts); err != nil {
		if roots != nil && strings.Contains(err.Error(), "chain") {
			return nil, fmt.Errorf("the TSA certificate %q does not chain to the given CA: %v", signer.Subject, err)
		}
		return nil, fmt.Errorf("the token's signature does not verify: %v", err)
	}
	return signer, nil
}

// readCAFile reads PEM (or one DER) certificates to trust for the TSA.
func readCAFile(path string) (*x509.CertPool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read CA file %s: %w", path, err)
	}
	pool := x509.NewCertPool()
	n := 0
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, fmt.Errorf("read CA file %s: %w", path, err)
		}
		pool.AddCert(c)
		n++
	}
	if n == 0 {
		c, err := x509.ParseCertificate(data)
		if err != nil {
			return nil, fmt.Errorf("read CA file %s: no PEM or DER certificate in it", path)
		}
		pool.AddCert(c)
	}
	return pool, nil
}
