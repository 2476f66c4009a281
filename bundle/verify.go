package bundle

import (
	"bufio"
	"bytes"
	"crypto"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/casebundle/casebundle/internal/cmslock"
	"github.com/digitorus/timestamp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Problem is one thing wrong with a bundle, naming the file.
type Problem struct {
	File    string `json:"file"`
	Problem string `json:"problem"` // changed, missing, extra, malformed, oxum, timestamp, outside, unsupported, …
	Message string `json:"message"`
}

// VerifyReport is what verify found.
type VerifyReport struct {
	Bundle   string    `json:"bundle"`
	OK       bool      `json:"ok"`
	Version  string    `json:"bagit_version"`
	Checked  int       `json:"checked"` // file hashes compared
	Payload  int       `json:"payload_files"`
	Problems []Problem `json:"problems"`
	// Notes are facts that do not make the bag invalid (a fetch.txt whose
	// files are all present, a manifest in an algorithm verify does not
	// know beside one it does, a timestamp not checked against a CA).
	Notes []Problem `json:"notes"`
	// Warnings are things a careful reader should look at that still leave
	// the bag valid, as bagit-python and bagit-java's linter treat them: two
	// payload names that differ only in case or Unicode form, a file listed
	// twice with the same checksum, a manifest written by md5sum/sha256sum in
	// binary mode ("<sum> *<path>"), files an operating system leaves behind
	// (.DS_Store, Thumbs.db), a bag-info label with space before its colon in
	// a bag older than 1.0. Each names its file.
	Warnings  []Problem        `json:"warnings"`
	Timestamp *VerifyTimestamp `json:"timestamp"`
}

// VerifyTimestamp is what verify read from timestamp.tsr.
type VerifyTimestamp struct {
	GenTime string `json:"gen_time"`
	Serial  string `json:"serial"`
	Policy  string `json:"policy"`
	// Signer is the TSA certificate's subject.
	Signer string `json:"signer"`
	// ImprintOK: the token covers the SHA-256 of manifest-sha256.txt as it is.
	ImprintOK bool `json:"imprint_ok"`
	// SignatureOK: the signature verifies against the certificate in the token.
	SignatureOK bool `json:"signature_ok"`
	// Chained: the TSA certificate chains to the --ca file (false without one).
	Chained bool `json:"chained_to_ca"`
}

// VerifyOptions control a verify.
type VerifyOptions struct {
	// CAFile holds the PEM certificate(s) of the TSA's CA; when set, the
	// timestamp must chain to it (and a bundle without one fails).
	CAFile string
}

// Limits on what verify reads into memory: tag files (manifests,
// bag-info.txt) and the timestamp. Payload files are hashed as streams.
const (
	maxTagFile     = 256 << 20
	maxZipEntries  = 1 << 20
	timestampFile  = "timestamp.tsr"
	manifestSHA256 = "manifest-sha256.txt"
)

var hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
}

// knownVersions are the BagIt versions verify reads: the drafts since 0.93
// and RFC 8493 (1.0).
var knownVersions = map[string]bool{"0.93": true, "0.94": true, "0.95": true, "0.96": true, "0.97": true, "1.0": true}

var (
	versionLine  = regexp.MustCompile(`^BagIt-Version: ([0-9]+\.[0-9]+)$`)
	encodingLine = regexp.MustCompile(`^Tag-File-Character-Encoding: (\S+)$`)
)

// verifier holds one run over one bag.
type verifier struct {
	fsys    fs.FS
	r       *VerifyReport
	enc     encoding.Encoding
	onDisk  map[string]int64 // payload files: "data/..." → size
	tagDisk map[string]bool  // every file outside data/
	buf     []byte
	// casebundle: made by casebundle, so held to what it writes (a tag
	// manifest, manifests in canonical form).
	casebundle bool
	// oxum is bag-info.txt's Payload-Oxum (octets, files), when given.
	oxum *[2]int64
	// bagInfo is the tag file that held the bag's metadata.
	bagInfo string
}

// madeByCasebundle: manifest.json says format casebundle/….
func (v *verifier) madeByCasebundle() bool {
	if !v.tagDisk["manifest.json"] {
		return false
	}
	data, err := v.readTag("manifest.json")
	if err != nil {
		return false
	}
	var m struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(data, &m) == nil && strings.HasPrefix(m.Format, "casebundle/")
}

func (v *verifier) add(file, kind, format string, args ...any) {
	v.r.Problems = append(v.r.Problems, Problem{File: file, Problem: kind, Message: fmt.Sprintf(format, args...)})
}

func (v *verifier) warn(file, kind, format string, args ...any) {
	v.r.Warnings = append(v.r.Warnings, Problem{File: file, Problem: kind, Message: fmt.Sprintf(format, args...)})
}

func (v *verifier) note(file, kind, format string, args ...any) {
	v.r.Notes = append(v.r.Notes, Problem{File: file, Problem: kind, Message: fmt.Sprintf(format, args...)})
}

// Verify checks a bag, a folder or a .zip holding one (at its root or in
// one top folder): bagit.txt, bag-info.txt and its Payload-Oxum, every
// payload manifest (each must list every payload file, and every hash
// must match), every tag manifest, and timestamp.tsr when there is one
// (its imprint is the SHA-256 of manifest-sha256.txt, its signature
// verifies, and it chains to opt.CAFile when given). Bags made by other
// BagIt tools (0.93 to 0.97 and 1.0) are read too. It returns an error
// only when path cannot be read at all or opt.CAFile is unusable;
// everything else is a Problem in the report.
func Verify(path string) (*VerifyReport, error) { return VerifyWith(path, VerifyOptions{}) }

// VerifyWith is Verify with options (a CA for the timestamp).
func VerifyWith(path string, opt VerifyOptions) (*VerifyReport, error) {
	var roots *x509.CertPool
	if opt.CAFile != "" {
		var err error
		if roots, err = readCAFile(opt.CAFile); err != nil {
			return nil, err
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", path, err)
	}
	var fsys fs.FS
	if st.IsDir() {
		fsys = rawDirFS(path)
	} else {
		zfs, closer, err := openZipBag(path)
		if err != nil {
			return nil, err
		}
		defer closer.Close()
		fsys = zfs
	}
	v := &verifier{fsys: fsys, r: &VerifyReport{Bundle: path, Problems: []Problem{}, Notes: []Problem{}, Warnings: []Problem{}},
		onDisk: map[string]int64{}, tagDisk: map[string]bool{}, buf: make([]byte, 1<<20)}
	if err := v.run(opt, roots); err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", path, err)
	}
	sort.SliceStable(v.r.Problems, func(i, j int) bool { return v.r.Problems[i].File < v.r.Problems[j].File })
	v.r.OK = len(v.r.Problems) == 0
	return v.r, nil
}

func (v *verifier) run(opt VerifyOptions, roots *x509.CertPool) error {
	if _, err := fs.ReadDir(v.fsys, "."); err != nil {
		return err
	}
	v.checkDeclaration()

	// What is there: payload under data/, tag files elsewhere.
	if err := fs.WalkDir(v.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			v.add(p, "unreadable", "%s cannot be read: %v", p, unwrapPath(err))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if strings.HasPrefix(p, "data/") {
			info, err := fs.Stat(v.fsys, p)
			if err != nil {
				v.add(p, "unreadable", "%s cannot be read: %v", p, unwrapPath(err))
				return nil
			}
			v.onDisk[p] = info.Size()
		} else {
			v.tagDisk[p] = true
		}
		return nil
	}); err != nil {
		return err
	}
	if st, err := fs.Stat(v.fsys, "data"); err != nil || !st.IsDir() {
		v.add("data/", "missing", "the payload folder data/ is missing: this is not a complete BagIt bag")
	}
	v.r.Payload = len(v.onDisk)

	var payloadManifests, tagManifests []string
	for p := range v.tagDisk {
		switch {
		case strings.Contains(p, "/"):
		case strings.HasPrefix(p, "manifest-") && strings.HasSuffix(p, ".txt"):
			payloadManifests = append(payloadManifests, p)
		case strings.HasPrefix(p, "tagmanifest-") && strings.HasSuffix(p, ".txt"):
			tagManifests = append(tagManifests, p)
		}
	}
	sort.Strings(payloadManifests)
	sort.Strings(tagManifests)

	fields := v.checkBagInfo()
	v.casebundle = strings.HasPrefix(first(fields["Bag-Software-Agent"]), "casebundle") || v.madeByCasebundle()
	if v.casebundle && !v.tagDisk["tagmanifest-sha256.txt"] {
		v.add("tagmanifest-sha256.txt", "missing", "tagmanifest-sha256.txt is missing: casebundle always writes it (deleted?)")
	}
	known := 0
	for _, mf := range payloadManifests {
		if _, ok := hashes[algOf(mf)]; ok {
			known++
		}
	}
	if len(payloadManifests) == 0 {
		v.add("manifest-sha256.txt", "missing", "the bag has no payload manifest (manifest-<algorithm>.txt)")
	} else if known == 0 {
		v.add(payloadManifests[0], "unsupported", "no payload manifest uses an algorithm verify knows (md5, sha1, sha224, sha256, sha384, sha512), so nothing could be checked")
	}
	var allListed map[string]bool
	for _, mf := range payloadManifests {
		listed, ok := v.checkManifest(mf, true)
		if !ok {
			continue
		}
		for _, p := range sortedKeys(v.onDisk) {
			if !listed[p] {
				if osFile(p) {
					continue // a warning of checkNames
				}
				v.add(p, "extra", "%s is in data/ but not listed in %s (added after the bag was made?)", p, mf)
			}
		}
		allListed = listed
	}
	v.checkNames(allListed)
	v.checkOxum(v.bagInfo, allListed)
	tagged := map[string]bool{}
	for _, tf := range tagManifests {
		listed, _ := v.checkManifest(tf, false)
		for p := range listed {
			tagged[p] = true
		}
	}
	v.checkFetch()
	casebundle := v.casebundle
	// A casebundle bundle lists every tag file but the tag manifests.
	if casebundle && len(tagManifests) > 0 {
		for _, n := range sortedKeys(v.tagDisk) {
			if strings.HasPrefix(n, "tagmanifest-") || tagged[n] {
				continue
			}
			v.add(n, "extra", "%s is in the bundle but not listed in the tag manifest (added after the bundle was sealed?)", n)
		}
	}
	v.checkTimestamp(opt, roots, casebundle)
	return nil
}

// checkDeclaration reads bagit.txt: exactly two lines, BagIt-Version and
// Tag-File-Character-Encoding, UTF-8 without a byte-order mark.
func (v *verifier) checkDeclaration() {
	v.enc = unicode.UTF8
	data, err := v.readTag("bagit.txt")
	if err != nil {
		v.add("bagit.txt", "missing", "bagit.txt is missing or unreadable: this is not a BagIt bag (%v)", unwrapPath(err))
		return
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe")) {
		v.add("bagit.txt", "malformed", "bagit.txt starts with a byte-order mark (BOM); BagIt requires plain UTF-8 without one")
		return
	}
	if !utf8.Valid(data) {
		v.add("bagit.txt", "malformed", "bagit.txt is not UTF-8")
		return
	}
	lines := splitLines(string(data))
	if len(lines) != 2 {
		v.add("bagit.txt", "malformed", "bagit.txt has %d lines; it must have exactly two: \"BagIt-Version: M.N\" and \"Tag-File-Character-Encoding: ENCODING\"", len(lines))
		if len(lines) == 0 {
			return
		}
	}
	m := versionLine.FindStringSubmatch(lines[0])
	switch {
	case m != nil:
		v.r.Version = m[1]
		if !knownVersions[m[1]] {
			v.add("bagit.txt", "unsupported", "BagIt-Version %s is not one verify knows (0.93 to 0.97, 1.0)", m[1])
		}
	case strings.HasPrefix(strings.TrimSpace(lines[0]), "BagIt-Version"):
		v.add("bagit.txt", "malformed", "line 1 %q has invalid whitespace or a bad version: it must read exactly \"BagIt-Version: M.N\"", lines[0])
	default:
		v.add("bagit.txt", "malformed", "line 1 %q is not \"BagIt-Version: M.N\"", lines[0])
	}
	if len(lines) < 2 {
		return
	}
	m = encodingLine.FindStringSubmatch(lines[1])
	switch {
	case m != nil:
		enc, err := ianaindex.IANA.Encoding(m[1])
		if err != nil || enc == nil {
			v.add("bagit.txt", "unsupported", "Tag-File-Character-Encoding %q is not an encoding verify can read", m[1])
			return
		}
		v.enc = enc
	case strings.HasPrefix(strings.TrimSpace(lines[1]), "Tag-File-Character-Encoding"):
		v.add("bagit.txt", "malformed", "line 2 %q has invalid whitespace: it must read exactly \"Tag-File-Character-Encoding: ENCODING\"", lines[1])
	default:
		v.add("bagit.txt", "malformed", "line 2 %q is not \"Tag-File-Character-Encoding: ENCODING\"", lines[1])
	}
}

// before1 reports whether bagit.txt declares a draft version before RFC
// 8493's 1.0 (0.93 to 0.97), whose rules were looser in places.
func (v *verifier) before1() bool {
	major, _, ok := strings.Cut(v.r.Version, ".")
	return ok && major == "0"
}

// splitLines splits on LF, CRLF or CR; a final line terminator ends the
// last line rather than starting an empty one.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func (v *verifier) readTag(name string) ([]byte, error) {
	f, err := v.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTagFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTagFile {
		return nil, fmt.Errorf("larger than %d MB", maxTagFile>>20)
	}
	return data, nil
}

// readText reads a tag file in the bag's declared encoding.
func (v *verifier) readText(name string) (string, error) {
	data, err := v.readTag(name)
	if err != nil {
		return "", err
	}
	if v.enc != unicode.UTF8 {
		dec, err := v.enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("not in the declared encoding: %v", err)
		}
		data = bytes.TrimPrefix(dec, []byte("\ufeff"))
	}
	return string(data), nil
}

func algOf(manifest string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(manifest, "tag"), "manifest-"), ".txt")
}

// checkManifest compares every line of one manifest with the files; it
// returns the paths it lists, and false when it could not be read.
func (v *verifier) checkManifest(name string, payload bool) (map[string]bool, bool) {
	listed := map[string]bool{}
	alg := algOf(name)
	newHash, ok := hashes[alg]
	if !ok {
		v.note(name, "unsupported", "%s uses the algorithm %q, which verify does not know; its lines were not checked", name, alg)
		return listed, false
	}
	text, err := v.readText(name)
	if err != nil {
		v.add(name, "unreadable", "%s cannot be read: %v", name, unwrapPath(err))
		return listed, false
	}
	if strings.HasPrefix(text, "\ufeff") {
		v.add(name, "malformed", "%s starts with a byte-order mark (BOM)", name)
		text = strings.TrimPrefix(text, "\ufeff")
	}
	size := newHash().Size() * 2
	var canon [][2]string // path, line
	defer func() {
		// casebundle writes "<lowercase hex>  <path>\n", sorted by path; any
		// other byte is an edit, even one that leaves every hash matching
		// (an upper-cased digit).
		if !v.casebundle || alg != "sha256" {
			return
		}
		sort.SliceStable(canon, func(i, j int) bool { return canon[i][0] < canon[j][0] })
		var want strings.Builder
		for _, c := range canon {
			want.WriteString(c[1])
		}
		if text != want.String() {
			v.add(name, "changed", "%s is not byte for byte what casebundle wrote (lowercase checksums, two spaces, LF, sorted by path): it was edited", name)
		}
	}()
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	binaryMarker := false
	sums := map[string]string{} // resolved path → checksum, for lines listed twice
	for sc.Scan() {
		line++
		t := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" {
			continue
		}
		i := strings.IndexAny(t, " \t")
		if i < 0 {
			v.add(name, "malformed", "%s line %d is not \"<checksum> <path>\"", name, line)
			continue
		}
		sum, rest := t[:i], strings.TrimLeft(t[i:], " \t")
		if t[i:i+1] == " " && strings.HasPrefix(t[i+1:], "*") {
			rest = t[i+2:] // sha256sum's binary-mode marker
			if !binaryMarker {
				binaryMarker = true
				v.warn(name, "md5sum-style", "%s line %d has \"<checksum> *<path>\", the binary-mode marker of md5sum/sha256sum; BagIt writes a space only (read as the same path)", name, line)
			}
		}
		if rest == "" || len(sum) != size || !isHex(sum) {
			v.add(name, "malformed", "%s line %d is not \"<%s checksum> <path>\"", name, line, alg)
			continue
		}
		raw := DecodePath(rest)
		clean := path.Clean(raw)
		if strings.HasPrefix(raw, "/") || clean == ".." || strings.HasPrefix(clean, "../") || clean == "." {
			v.add(name, "outside", "%s line %d names %q, outside the bag: a manifest may only list files inside it", name, line, raw)
			continue
		}
		if payload && !strings.HasPrefix(clean, "data/") {
			v.add(name, "malformed", "%s line %d names %q, which is not in data/: a payload manifest lists payload files only", name, line, raw)
			continue
		}
		listedAs := clean
		canon = append(canon, [2]string{clean, strings.ToLower(sum) + "  " + EncodePath(clean) + "\n"})
		here := v.hasPayload(clean)
		if !payload {
			here = v.tagDisk[clean] || here
		}
		if !here {
			// A name that differs only in Unicode form (NFC on one
			// system, NFD on a Mac) is the same name to a person and to
			// the disk that made the bag: read it, with a warning.
			if other := v.sameButForm(clean, payload); other != "" {
				v.warn(other, "normalization", "%s line %d names %+q, the bag holds %+q: the same name in another Unicode form (NFC/NFD); checked as that file", name, line, clean, other)
				clean, here = other, true
			}
		}
		if prev, dup := sums[clean]; dup {
			if strings.EqualFold(prev, sum) {
				v.warn(clean, "duplicate", "%s is listed twice in %s with the same checksum (line %d)", clean, name, line)
			} else {
				v.add(clean, "duplicate", "%s is listed twice in %s with different checksums (line %d)", clean, name, line)
			}
			continue
		}
		sums[clean] = sum
		listed[clean] = true
		if !here {
			if other := v.sameButCase(listedAs); other != "" {
				v.add(listedAs, "missing", "%s is listed in %s but the bag holds %s, whose name differs only in case", listedAs, name, other)
			} else {
				v.add(listedAs, "missing", "%s is listed in %s but is not in the bag (deleted?)", listedAs, name)
			}
			continue
		}
		got, err := v.hashFile(clean, newHash())
		if err != nil {
			v.add(clean, "unreadable", "%s is listed in %s but cannot be read: %v", clean, name, unwrapPath(err))
			continue
		}
		v.r.Checked++
		if !strings.EqualFold(got, sum) {
			v.add(clean, "changed", "%s has changed, or its line in %s was edited: its %s is %s, %s says %s", clean, name, alg, got, name, strings.ToLower(sum))
		}
	}
	if err := sc.Err(); err != nil {
		v.add(name, "malformed", "%s cannot be read: %v", name, err)
	}
	return listed, true
}

func (v *verifier) hasPayload(p string) bool { _, ok := v.onDisk[p]; return ok }

// sameButForm finds a file whose name equals p in Unicode normal form C
// but is written with other code points (a name made on a Mac is NFD).
func (v *verifier) sameButForm(p string, payload bool) string {
	want := norm.NFC.String(p)
	sets := []map[string]bool{keysOf(v.onDisk)}
	if !payload {
		sets = append(sets, v.tagDisk)
	}
	for _, set := range sets {
		for _, q := range sortedKeys(set) {
			if q != p && norm.NFC.String(q) == want {
				return q
			}
		}
	}
	return ""
}

// checkNames warns about payload names that a case-insensitive disk or a
// Unicode-normalising one would take for the same file (two files there
// become one when the bag is copied to a Mac or Windows), and about files
// that an operating system leaves in a folder it browsed.
func (v *verifier) checkNames(listed map[string]bool) {
	seen := map[string]string{}
	for _, p := range sortedKeys(v.onDisk) {
		k := strings.ToLower(norm.NFC.String(p))
		if q, ok := seen[k]; ok {
			v.warn(p, "name-collision", "%+q and %+q differ only in case or Unicode form: a Mac or Windows disk would hold them as one file", q, p)
		} else {
			seen[k] = p
		}
		if osFile(p) {
			if listed[p] {
				v.warn(p, "system-file", "%s is a file an operating system writes by itself (Finder, Explorer), listed in the manifest as payload", p)
			} else {
				v.warn(p, "system-file", "%s is a file an operating system writes by itself (Finder, Explorer) and is not in the manifest: it was left by browsing the folder, not sealed evidence", p)
			}
		}
	}
}

// osFile: names macOS, Windows and Linux desktops create on their own.
func osFile(p string) bool {
	for _, part := range strings.Split(p, "/") {
		switch part {
		case ".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini", ".directory",
			".Spotlight-V100", ".Trashes", ".fseventsd", ".TemporaryItems", "__MACOSX":
			return true
		}
		if strings.HasPrefix(part, "._") {
			return true
		}
	}
	return false
}

// sameButCase finds a file whose name equals p but for case, which a
// case-insensitive disk would have confused with it.
func (v *verifier) sameButCase(p string) string {
	for _, set := range []map[string]bool{v.tagDisk, keysOf(v.onDisk)} {
		for q := range set {
			if q != p && strings.EqualFold(q, p) {
				return q
			}
		}
	}
	return ""
}

func (v *verifier) hashFile(name string, h hash.Hash) (string, error) {
	f, err := v.fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.CopyBuffer(h, f, v.buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// checkBagInfo reads bag-info.txt (optional): every line is "Label: value"
// or a continuation starting with a space or tab; labels carry no
// surrounding whitespace; Payload-Oxum, when present, matches data/.
func (v *verifier) checkBagInfo() map[string][]string {
	fields := map[string][]string{}
	name := "bag-info.txt"
	if !v.tagDisk[name] {
		if v.r.Version != "" && v.r.Version < "0.96" && v.tagDisk["package-info.txt"] {
			name = "package-info.txt"
		} else {
			return fields
		}
	}
	v.bagInfo = name
	text, err := v.readText(name)
	if err != nil {
		v.add(name, "unreadable", "%s cannot be read: %v", name, unwrapPath(err))
		return fields
	}
	last := ""
	for i, l := range splitLines(text) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			if last == "" {
				v.add(name, "malformed", "%s line %d continues a value, but no label comes before it", name, i+1)
				continue
			}
			vals := fields[last]
			vals[len(vals)-1] += " " + strings.TrimSpace(l)
			continue
		}
		k, val, ok := strings.Cut(l, ":")
		if !ok {
			v.add(name, "malformed", "%s line %d %q is not \"Label: value\"", name, i+1, l)
			last = ""
			continue
		}
		switch {
		case k == strings.TrimSpace(k) && k != "":
		case strings.TrimSpace(k) != "" && strings.TrimLeft(k, " \t") == k && v.before1():
			// BagIt 0.97 and earlier drafts allowed whitespace between
			// the label and the colon ("Test-Tag : value"); RFC 8493
			// (1.0) does not.
			v.warn(name, "separator", "%s line %d: the label %q has space before its colon, which BagIt %s allows and 1.0 does not", name, i+1, k, v.r.Version)
		default:
			v.add(name, "malformed", "%s line %d: the label %q has invalid whitespace (it must be \"Label: value\")", name, i+1, k)
		}
		last = strings.TrimSpace(k)
		fields[last] = append(fields[last], strings.TrimSpace(val))
	}
	ox := fields["Payload-Oxum"]
	if len(ox) == 0 {
		return fields
	}
	if len(ox) > 1 {
		v.add(name, "malformed", "%s gives Payload-Oxum %d times; it may appear once", name, len(ox))
	}
	octets, count, ok := strings.Cut(ox[0], ".")
	o, err1 := strconv.ParseInt(octets, 10, 64)
	n, err2 := strconv.Atoi(count)
	if !ok || err1 != nil || err2 != nil {
		v.add(name, "malformed", "Payload-Oxum %q is not <octets>.<files>", ox[0])
		return fields
	}
	v.oxum = &[2]int64{o, int64(n)}
	return fields
}

// checkOxum compares bag-info.txt's Payload-Oxum with data/. Files an
// operating system wrote into data/ after sealing, listed in no manifest
// (a warning of checkNames), are not counted.
func (v *verifier) checkOxum(name string, listed map[string]bool) {
	if v.oxum == nil {
		return
	}
	var total, sys int64
	files := 0
	for p, s := range v.onDisk {
		total += s
		if osFile(p) && !listed[p] {
			sys += s
			files++
		}
	}
	o, n := v.oxum[0], v.oxum[1]
	if total-sys == o && int64(len(v.onDisk)-files) == n {
		return
	}
	v.add(name, "oxum", "Payload-Oxum says %d bytes in %d files, data/ holds %d bytes in %d files", o, n, total, len(v.onDisk))
}

// checkFetch reports fetch.txt: verify downloads nothing, so a file it
// lists that is not in the bag makes the bag incomplete; when every such
// file is there already, the bag is complete and fetch.txt is a note.
func (v *verifier) checkFetch() {
	if !v.tagDisk["fetch.txt"] {
		return
	}
	text, err := v.readText("fetch.txt")
	if err != nil {
		v.add("fetch.txt", "unreadable", "fetch.txt cannot be read: %v", unwrapPath(err))
		return
	}
	var absent []string
	for i, l := range splitLines(text) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) < 3 {
			v.add("fetch.txt", "malformed", "fetch.txt line %d is not \"URL LENGTH PATH\"", i+1)
			continue
		}
		p := DecodePath(strings.Join(f[2:], " "))
		if _, ok := v.onDisk[path.Clean(p)]; !ok {
			absent = append(absent, p)
		}
	}
	if len(absent) > 0 {
		v.add("fetch.txt", "unsupported", "fetch.txt lists %d file(s) to download that are not in the bag (%s); casebundle does not fetch them, so this bag is incomplete", len(absent), strings.Join(absent, ", "))
		return
	}
	v.note("fetch.txt", "unsupported", "fetch.txt is present; casebundle does not download, but every file it lists is already in the bag and was checked")
}

// checkTimestamp checks timestamp.tsr against manifest-sha256.txt.
func (v *verifier) checkTimestamp(opt VerifyOptions, roots *x509.CertPool, casebundle bool) {
	recorded := v.recordedTimestamp(casebundle)
	if !v.tagDisk[timestampFile] {
		switch {
		case recorded != nil:
			v.add(timestampFile, "missing", "manifest.json records a trusted timestamp (%s, serial %s) but timestamp.tsr is missing", recorded.GenTime, recorded.Serial)
		case opt.CAFile != "":
			v.add(timestampFile, "missing", "--ca %s was given but the bundle has no trusted timestamp (timestamp.tsr)", opt.CAFile)
		}
		return
	}
	der, err := v.readTag(timestampFile)
	if err != nil {
		v.add(timestampFile, "unreadable", "timestamp.tsr cannot be read: %v", unwrapPath(err))
		return
	}
	ts, err := cmslock.Do(func() (*timestamp.Timestamp, error) { return timestamp.ParseResponse(der) })
	if err != nil {
		v.add(timestampFile, "timestamp", "timestamp.tsr is not a valid, granted RFC 3161 reply with a verifying signature: %v", err)
		return
	}
	vt := &VerifyTimestamp{GenTime: ts.Time.UTC().Format(time.RFC3339Nano), Policy: ts.Policy.String()}
	if ts.SerialNumber != nil {
		vt.Serial = ts.SerialNumber.String()
	}
	v.r.Timestamp = vt
	manifest, err := v.readTag(manifestSHA256)
	switch {
	case err != nil:
		v.add(timestampFile, "timestamp", "timestamp.tsr covers manifest-sha256.txt, which cannot be read: %v", unwrapPath(err))
	case ts.HashAlgorithm != crypto.SHA256:
		v.add(timestampFile, "timestamp", "timestamp.tsr covers a %v digest; casebundle stamps the SHA-256 of manifest-sha256.txt", ts.HashAlgorithm)
	default:
		sum := sha256.Sum256(manifest)
		if !bytes.Equal(sum[:], ts.HashedMessage) {
			v.add(timestampFile, "timestamp", "the trusted timestamp of %s covers manifest digest %x, but manifest-sha256.txt now has digest %x: the manifest was rewritten after it was stamped (a re-sealed bundle)", vt.GenTime, ts.HashedMessage, sum)
		} else {
			vt.ImprintOK = true
		}
	}
	signer, err := checkTokenSignature(ts.RawToken, nil)
	if err != nil {
		v.add(timestampFile, "timestamp", "timestamp.tsr: %v", err)
		return
	}
	vt.SignatureOK = true
	vt.Signer = signer.Subject.String()
	if roots != nil {
		if _, err := checkTokenSignature(ts.RawToken, roots); err != nil {
			v.add(timestampFile, "timestamp", "timestamp.tsr: %v", err)
		} else {
			vt.Chained = true
		}
	} else {
		v.note(timestampFile, "unchecked", "the timestamp's signature verifies, but its TSA certificate (%s) was not checked against a trusted CA: give the TSA's CA certificate with --ca", vt.Signer)
	}
	if recorded != nil && (recorded.Serial != vt.Serial || !sameInstant(recorded.GenTime, vt.GenTime)) {
		v.add("manifest.json", "timestamp", "manifest.json records the timestamp %s serial %s, timestamp.tsr holds %s serial %s", recorded.GenTime, recorded.Serial, vt.GenTime, vt.Serial)
	}
}

func sameInstant(a, b string) bool {
	ta, err1 := time.Parse(time.RFC3339Nano, a)
	tb, err2 := time.Parse(time.RFC3339Nano, b)
	return err1 == nil && err2 == nil && ta.Equal(tb)
}

// recordedTimestamp is manifest.json's timestamp block in a casebundle
// bundle, or nil.
func (v *verifier) recordedTimestamp(casebundle bool) *ManifestTimestamp {
	if !casebundle || !v.tagDisk["manifest.json"] {
		return nil
	}
	data, err := v.readTag("manifest.json")
	if err != nil {
		return nil
	}
	var m struct {
		Timestamp *ManifestTimestamp `json:"timestamp"`
	}
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return m.Timestamp
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func keysOf(m map[string]int64) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// rawDirFS reads a bag folder. Unlike os.DirFS it accepts names that are
// not UTF-8 (a GBK-named file copied from an old Windows disk is still
// evidence); it refuses names that climb out of the folder, does not
// follow a symbolic link and does not block on a FIFO.
type rawDirFS string

func (d rawDirFS) path(op, name string) (string, error) {
	if name == "." {
		return string(d), nil
	}
	if name == "" || strings.HasPrefix(name, "/") || slices.Contains(strings.Split(name, "/"), "..") {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(d), filepath.FromSlash(name)), nil
}

func (d rawDirFS) Open(name string) (fs.File, error) {
	p, err := d.path("open", name)
	if err != nil {
		return nil, err
	}
	if name == "." {
		return os.Open(p)
	}
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return os.Open(p)
	}
	return openNoFollow(p)
}

func (d rawDirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := d.path("readdir", name)
	if err != nil {
		return nil, err
	}
	return os.ReadDir(p)
}

func (d rawDirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.path("stat", name)
	if err != nil {
		return nil, err
	}
	return os.Lstat(p)
}
