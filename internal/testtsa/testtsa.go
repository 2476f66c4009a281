// Package testtsa runs throwaway RFC 3161 time-stamp authorities on
// 127.0.0.1 for tests: each has its own CA and a TSA certificate with the
// critical timeStamping extended key usage. One signs in Go
// (digitorus/timestamp), the other with `openssl ts -reply`, so that what
// casebundle stores is checked against a second, independent
// implementation. Nothing here leaves the loopback interface.
package testtsa

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/digitorus/timestamp"
)

// TSA is one running authority.
type TSA struct {
	// URL is where to POST a TimeStampReq.
	URL string
	// CAFile is the PEM certificate of the CA that issued the TSA's
	// certificate: what `openssl ts -verify -CAfile` and `verify --ca` need.
	CAFile string
	// Kind is "go" or "openssl".
	Kind string
	// Requests counts the requests served.
	Requests int
	srv      *httptest.Server
	mu       sync.Mutex
}

// Close stops the server.
func (t *TSA) Close() { t.srv.Close() }

// Policy is the policy OID both authorities put in their tokens.
var Policy = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1, 1}

const maxQuery = 64 << 10

// NewGo starts a TSA that signs with an ECDSA P-256 key in Go. dir receives
// ca.pem.
func NewGo(dir string) (*TSA, error) {
	caKey, ca, caDER, err := newCA("casebundle test TSA CA")
	if err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "casebundle test TSA (Go)", Organization: []string{"casebundle tests"}},
		NotBefore:    time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		// RFC 3161 2.3: the extended key usage is timeStamping only, critical.
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o644); err != nil {
		return nil, err
	}
	t := &TSA{CAFile: caFile, Kind: "go"}
	t.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := readQuery(w, r)
		if !ok {
			return
		}
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		t.mu.Lock()
		t.Requests++
		t.mu.Unlock()
		ts := &timestamp.Timestamp{
			HashAlgorithm:     req.HashAlgorithm,
			HashedMessage:     req.HashedMessage,
			Time:              time.Now().UTC().Truncate(time.Second),
			Nonce:             req.Nonce,
			Policy:            Policy,
			AddTSACertificate: req.Certificates,
		}
		reply, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(reply)
	}))
	t.URL = t.srv.URL + "/tsr"
	return t, nil
}

func newCA(name string) (*ecdsa.PrivateKey, *x509.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"casebundle tests"}},
		NotBefore:             time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, der, err
}

func readQuery(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/timestamp-query" {
		http.Error(w, "POST an application/timestamp-query", http.StatusBadRequest)
		return nil, false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxQuery))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return nil, false
	}
	return body, true
}

// NewOpenSSL starts a TSA that answers with `openssl ts -reply`, with an
// RSA CA and TSA certificate made by openssl in dir. It fails when openssl
// is not installed.
func NewOpenSSL(dir string) (*TSA, error) {
	if _, err := exec.LookPath("openssl"); err != nil {
		return nil, err
	}
	ext := `[tsa_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`
	conf := fmt.Sprintf(`[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = %s
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = %s
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`, dir, Policy)
	files := map[string]string{"ext.cnf": ext, "tsa.cnf": conf, "serial": "01\n"}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			return nil, err
		}
	}
	steps := [][]string{
		{"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650",
			"-subj", "/O=casebundle tests/CN=casebundle test TSA CA (openssl)",
			"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"},
		{"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=casebundle tests/CN=casebundle test TSA (openssl)"},
		{"x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2", "-days", "3650",
			"-extfile", "ext.cnf", "-extensions", "tsa_ext", "-out", "tsa.pem"},
	}
	for _, s := range steps {
		if out, err := runOpenSSL(dir, s...); err != nil {
			return nil, fmt.Errorf("openssl %s: %v\n%s", s[0], err, out)
		}
	}
	t := &TSA{CAFile: filepath.Join(dir, "ca.pem"), Kind: "openssl"}
	t.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := readQuery(w, r)
		if !ok {
			return
		}
		// openssl keeps its serial in a file: one reply at a time.
		t.mu.Lock()
		defer t.mu.Unlock()
		t.Requests++
		q := filepath.Join(dir, "query.tsq")
		out := filepath.Join(dir, "reply.tsr")
		os.Remove(out)
		if err := os.WriteFile(q, body, 0o644); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if msg, err := runOpenSSL(dir, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", q,
			"-signer", "tsa.pem", "-inkey", "tsa.key", "-chain", "ca.pem", "-out", out); err != nil {
			http.Error(w, fmt.Sprintf("openssl ts -reply: %v: %s", err, msg), http.StatusInternalServerError)
			return
		}
		reply, err := os.ReadFile(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(reply)
	}))
	t.URL = t.srv.URL + "/tsr"
	return t, nil
}

func runOpenSSL(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("openssl", args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// NewRefusing starts a TSA that answers every request with status
// rejection (badAlg), as a real TSA refuses a hash it does not take.
func NewRefusing() *TSA {
	t := &TSA{Kind: "refusing"}
	t.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := readQuery(w, r); !ok {
			return
		}
		reply, _ := timestamp.CreateErrorResponse(timestamp.Rejection, timestamp.BadAlgorithm)
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(reply)
	}))
	t.URL = t.srv.URL + "/tsr"
	return t
}

// ClosedURL is a URL on 127.0.0.1 where nothing listens: a port that was
// just open and is closed again.
func ClosedURL() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/tsr", nil
}

// OpenSSLVerify runs `openssl ts -verify -data manifest-sha256.txt -in
// timestamp.tsr -CAfile caFile` inside bundleDir, as the dossier tells a
// reader to, and returns its output.
func OpenSSLVerify(bundleDir, caFile string) (string, error) {
	cmd := exec.Command("openssl", "ts", "-verify", "-data", "manifest-sha256.txt", "-in", "timestamp.tsr", "-CAfile", caFile)
	cmd.Dir = bundleDir
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return strings.TrimSpace(b.String()), err
}
