package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"math/rand"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
)

// buildPDF writes objects 1..n (bodies without "n 0 obj"/"endobj") with a
// classic cross-reference table; trailer holds extra trailer entries.
func buildPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

// appendUpdate adds an incremental update replacing or adding objects
// (number -> body) to a file built by buildPDF or signPDF.
func appendUpdate(t *testing.T, data []byte, objs map[int]string, size int) []byte {
	t.Helper()
	prev := bytes.LastIndex(data, []byte("startxref"))
	prevOff, err := strconv.Atoi(strings.Fields(string(data[prev+len("startxref"):]))[0])
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(data)
	if data[len(data)-1] != '\n' {
		b.WriteByte('\n')
	}
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	// deterministic order
	for i := 0; i < len(nums); i++ {
		for j := i + 1; j < len(nums); j++ {
			if nums[j] < nums[i] {
				nums[i], nums[j] = nums[j], nums[i]
			}
		}
	}
	offs := map[int]int{}
	for _, n := range nums {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	x := b.Len()
	b.WriteString("xref\n")
	for _, n := range nums {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offs[n])
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 8 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", size, prevOff, x)
	return b.Bytes()
}

// testCert makes a self-signed ECDSA certificate with a fixed key and
// dates, so that the signed test files are the same on every run except
// for the ECDSA signature value.
func testCert(t *testing.T, cn string) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.New(rand.NewSource(1)))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(20250101),
		Subject:               pkix.Name{CommonName: cn, Organization: []string{"casebundle test"}},
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.New(rand.NewSource(2)), tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert, key
}

const sigPlaceholderHex = 8192 // hex digits reserved for /Contents

// signedPDF builds a one-page PDF with a signature field and signs it
// (adbe.pkcs7.detached, CMS over the byte range, SHA-256) with a self-made
// certificate named cn.
func signedPDF(t *testing.T, cn string) []byte {
	t.Helper()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> /Annots [5 0 R] >>",
		streamObj("BT /F1 14 Tf 72 770 Td (Signed statement) Tj ET"),
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 /V 7 0 R /P 3 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 ********** ********** **********] " +
			"/Contents <" + strings.Repeat("0", sigPlaceholderHex) + "> /M (D:20250103142500+08'00') /Name (Test Bank) /Reason (statement) >>",
		"<< /Producer (casebundle test) /Title (signed) /CreationDate (D:20250103142500+08'00') >>",
	}
	data := buildPDF(objs, "/Info 8 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
	return signBytes(t, data, cn)
}

// signBytes fills the /ByteRange and /Contents placeholders of data.
func signBytes(t *testing.T, data []byte, cn string) []byte {
	t.Helper()
	ci := bytes.Index(data, []byte("/Contents <0000"))
	if ci < 0 {
		t.Fatal("no /Contents placeholder")
	}
	gapStart := ci + len("/Contents ")
	gapEnd := gapStart + 2 + sigPlaceholderHex
	br := fmt.Sprintf("[0 %d %d %d]", gapStart, gapEnd, len(data)-gapEnd)
	bi := bytes.Index(data, []byte("[0 ********** ********** **********]"))
	if bi < 0 {
		t.Fatal("no /ByteRange placeholder")
	}
	placeholder := len("[0 ********** ********** **********]")
	br += strings.Repeat(" ", placeholder-len(br))
	out := append([]byte{}, data...)
	copy(out[bi:], br)
	signed := append(append([]byte{}, out[:gapStart]...), out[gapEnd:]...)
	cert, key := testCert(t, cn)
	sd, err := pkcs7.NewSignedData(signed)
	if err != nil {
		t.Fatal(err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{}); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	der, err := sd.Finish()
	if err != nil {
		t.Fatal(err)
	}
	hexs := fmt.Sprintf("%x", der)
	if len(hexs) > sigPlaceholderHex {
		t.Fatalf("signature of %d hex digits does not fit", len(hexs))
	}
	copy(out[gapStart+1:], hexs)
	return out
}

func streamObj(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// tool returns the path of an outside tool or skips the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian: apt-get install poppler-utils); the pure-Go checks run without it", name)
	}
	return p
}

// buildXrefStreamPDF writes objects 1..len(objs) directly and objects
// after them inside one object stream (compressed with Flate when
// compress is set, or given as raw stream bytes in rawStm), with a
// cross-reference stream as PDF 1.5 writers do.
func buildXrefStreamPDF(objs []string, inStm []string, rawStm []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	type ent struct {
		typ byte
		f2  int
		f3  int
	}
	ents := []ent{{0, 0, 65535}}
	for i, o := range objs {
		ents = append(ents, ent{1, b.Len(), 0})
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	stmNum := len(objs) + 1 + len(inStm)
	var head, body bytes.Buffer
	for i, o := range inStm {
		fmt.Fprintf(&head, "%d %d ", len(objs)+1+i, body.Len())
		body.WriteString(o + "\n")
		ents = append(ents, ent{2, stmNum, i})
	}
	payload := append(head.Bytes(), body.Bytes()...)
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(payload)
	w.Close()
	data := z.Bytes()
	if rawStm != nil {
		data = rawStm
	}
	ents = append(ents, ent{1, b.Len(), 0})
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n", stmNum, len(inStm), head.Len(), len(data))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	xnum := stmNum + 1
	xoff := b.Len()
	ents = append(ents, ent{1, xoff, 0})
	var xs bytes.Buffer
	for _, e := range ents {
		xs.WriteByte(e.typ)
		xs.Write([]byte{byte(e.f2 >> 24), byte(e.f2 >> 16), byte(e.f2 >> 8), byte(e.f2)})
		xs.Write([]byte{byte(e.f3 >> 8), byte(e.f3)})
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", xnum, len(ents), xs.Len())
	b.Write(xs.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xoff)
	return b.Bytes()
}

func zlibBomb(n int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(make([]byte, n))
	w.Close()
	return z.Bytes()
}
