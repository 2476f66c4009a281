package bundle

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a bundle, naming the file.
type Problem struct {
	File    string `json:"file"`
	Problem string `json:"problem"` // changed, missing, extra, malformed, oxum, …
	Message string `json:"message"`
}

// VerifyReport is what verify found.
type VerifyReport struct {
	Bundle   string    `json:"bundle"`
	OK       bool      `json:"ok"`
	Checked  int       `json:"checked"` // file hashes compared
	Payload  int       `json:"payload_files"`
	Problems []Problem `json:"problems"`
}

var hashes = map[string]func() hash.Hash{"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New}

// Verify checks a bag: bagit.txt, bag-info.txt's Payload-Oxum, every
// payload manifest (each must list every payload file, and every hash must
// match) and every tag manifest. It returns an error only when dir is not a
// readable folder; everything else is a Problem in the report.
func Verify(dir string) (*VerifyReport, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("read bundle %s: not a folder", dir)
	}
	r := &VerifyReport{Bundle: dir, Problems: []Problem{}}
	add := func(file, kind, format string, args ...any) {
		r.Problems = append(r.Problems, Problem{File: file, Problem: kind, Message: fmt.Sprintf(format, args...)})
	}

	bagit, err := os.ReadFile(filepath.Join(dir, "bagit.txt"))
	if err != nil {
		add("bagit.txt", "missing", "bagit.txt is missing: this is not a BagIt bag")
	} else if !bytes.HasPrefix(bagit, []byte("BagIt-Version: ")) {
		add("bagit.txt", "malformed", "bagit.txt does not start with BagIt-Version")
	}

	// The payload on disk.
	onDisk := map[string]int64{}
	dataDir := filepath.Join(dir, "data")
	if err := filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dataDir {
				add("data/", "missing", "the payload folder data/ is missing")
				return fs.SkipDir
			}
			rel, _ := filepath.Rel(dir, p)
			add(filepath.ToSlash(rel), "unreadable", "cannot be read: %v", unwrapPath(err))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return nil
		}
		onDisk[filepath.ToSlash(rel)] = info.Size()
		return nil
	}); err != nil {
		return nil, err
	}
	r.Payload = len(onDisk)

	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", dir, err)
	}
	var payloadManifests, tagManifests []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, "manifest-") && strings.HasSuffix(n, ".txt"):
			payloadManifests = append(payloadManifests, n)
		case strings.HasPrefix(n, "tagmanifest-") && strings.HasSuffix(n, ".txt"):
			tagManifests = append(tagManifests, n)
		case n == "fetch.txt":
			add(n, "unsupported", "fetch.txt lists files to download; casebundle does not fetch them, so this bag cannot be checked complete")
		}
	}
	sort.Strings(payloadManifests)
	sort.Strings(tagManifests)
	if len(payloadManifests) == 0 {
		add("manifest-sha256.txt", "missing", "the bag has no payload manifest")
	}
	for _, mf := range payloadManifests {
		listed := checkManifest(dir, mf, r, add)
		for p := range onDisk {
			if _, ok := listed[p]; !ok {
				add(p, "extra", "%s is in data/ but not listed in %s (added after the bundle was sealed?)", p, mf)
			}
		}
	}
	tagged := map[string]bool{}
	for _, tf := range tagManifests {
		for p := range checkManifest(dir, tf, r, add) {
			tagged[p] = true
		}
	}
	checkOxum(dir, onDisk, add)
	// A casebundle bundle lists every tag file but the tag manifest itself.
	if agentIsCasebundle(dir) && len(tagManifests) > 0 {
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || strings.HasPrefix(n, "tagmanifest-") || tagged[n] {
				continue
			}
			add(n, "extra", "%s is in the bundle but not listed in the tag manifest (added after the bundle was sealed?)", n)
		}
	}
	sort.SliceStable(r.Problems, func(i, j int) bool { return r.Problems[i].File < r.Problems[j].File })
	r.OK = len(r.Problems) == 0
	return r, nil
}

// checkManifest compares every line of one manifest with the files; it
// returns the paths it lists.
func checkManifest(dir, name string, r *VerifyReport, add func(file, kind, format string, args ...any)) map[string]bool {
	listed := map[string]bool{}
	alg := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "tag"), "manifest-"), ".txt")
	newHash, ok := hashes[alg]
	if !ok {
		add(name, "unsupported", "unknown checksum algorithm %q", alg)
		return listed
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		add(name, "unreadable", "cannot be read: %v", unwrapPath(err))
		return listed
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	buf := make([]byte, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		sum, p, ok := strings.Cut(text, " ")
		p = strings.TrimLeft(p, " *")
		if !ok || p == "" || len(sum) != newHash().Size()*2 {
			add(name, "malformed", "line %d is not \"<checksum>  <path>\"", line)
			continue
		}
		p = DecodePath(p)
		clean := filepath.ToSlash(filepath.Clean(p))
		if filepath.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") {
			add(name, "malformed", "line %d names %q, outside the bag", line, p)
			continue
		}
		listed[clean] = true
		got, err := hashPath(filepath.Join(dir, filepath.FromSlash(clean)), newHash(), buf)
		if err != nil {
			add(clean, "missing", "%s is listed in %s but cannot be read: %v", clean, name, unwrapPath(err))
			continue
		}
		r.Checked++
		if !strings.EqualFold(got, sum) {
			add(clean, "changed", "%s has changed, or its line in %s was edited: %s is %s, %s says %s", clean, name, alg, got, name, strings.ToLower(sum))
		}
	}
	if err := sc.Err(); err != nil {
		add(name, "malformed", "cannot be read: %v", err)
	}
	return listed
}

func hashPath(path string, h hash.Hash, buf []byte) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// bagInfoFields reads bag-info.txt (labels and values, continuation lines
// joined).
func bagInfoFields(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "bag-info.txt"))
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	last := ""
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if l == "" {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			fields[last] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		last = strings.TrimSpace(k)
		fields[last] = strings.TrimSpace(v)
	}
	return fields, nil
}

func checkOxum(dir string, onDisk map[string]int64, add func(file, kind, format string, args ...any)) {
	fields, err := bagInfoFields(dir)
	if err != nil {
		return // bag-info.txt is optional in BagIt
	}
	ox, ok := fields["Payload-Oxum"]
	if !ok {
		return
	}
	octets, count, ok := strings.Cut(ox, ".")
	o, err1 := strconv.ParseInt(octets, 10, 64)
	n, err2 := strconv.Atoi(count)
	if !ok || err1 != nil || err2 != nil {
		add("bag-info.txt", "malformed", "Payload-Oxum %q is not <octets>.<files>", ox)
		return
	}
	var total int64
	for _, s := range onDisk {
		total += s
	}
	if total != o || len(onDisk) != n {
		add("bag-info.txt", "oxum", "Payload-Oxum says %d bytes in %d files, data/ holds %d bytes in %d files", o, n, total, len(onDisk))
	}
}

func agentIsCasebundle(dir string) bool {
	fields, err := bagInfoFields(dir)
	return err == nil && strings.HasPrefix(fields["Bag-Software-Agent"], "casebundle")
}
