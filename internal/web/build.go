package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// job is one build of a case, running or done.
type job struct {
	files, pages atomic.Int64
	stage        atomic.Value // string
	mu           sync.Mutex
	finished     bool
	err, hint    string
	result       *built
}

func (j *job) Add(n int) {
	if st, _ := j.stage.Load().(string); st == "pages" {
		j.pages.Add(int64(n))
	} else {
		j.files.Add(int64(n))
	}
}

func (j *job) Stage(what string) { j.stage.Store(what) }

// jobStatus is what the build page polls.
type jobStatus struct {
	Running bool   `json:"running"`
	Stage   string `json:"stage"`
	Files   int64  `json:"files"`
	Total   int    `json:"total"`
	Pages   int64  `json:"pages"`
	Error   string `json:"error,omitempty"`
	Hint    string `json:"hint,omitempty"`
	Bundle  string `json:"bundle,omitempty"`
}

func (j *job) status(total int) jobStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	st, _ := j.stage.Load().(string)
	s := jobStatus{Running: !j.finished, Stage: st, Files: j.files.Load(), Total: total, Pages: j.pages.Load(), Error: j.err, Hint: j.hint}
	if j.result != nil {
		s.Bundle = j.result.Name
	}
	return s
}

func (s *Server) lockFor(dir string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.locks[dir]
	if m == nil {
		m = &sync.Mutex{}
		s.locks[dir] = m
	}
	return m
}

// startBuild seals the case into its next bundle, one build per case at a
// time: a second request while one runs gets 409.
func (s *Server) startBuild(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	l := lang(r)
	lock := s.lockFor(c.Dir)
	if !lock.TryLock() {
		c.close()
		if wantsJSON(r) {
			writeJSON(w, http.StatusConflict, map[string]string{"error": word(l, "build.busy")})
			return
		}
		s.message(w, r, ss, http.StatusConflict, word(l, "build.busy.title"), word(l, "build.busy"), "")
		return
	}
	out, err := s.nextBundle(c.Name)
	if err != nil {
		lock.Unlock()
		c.close()
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	j := &job{}
	j.Stage("files")
	s.mu.Lock()
	s.jobs[c.Name] = j
	s.mu.Unlock()
	name, dir := c.Name, c.Dir
	c.close()
	go func() {
		defer lock.Unlock()
		if s.beforeBuild != nil {
			s.beforeBuild()
		}
		res, err := buildCase(s.ctx, dir, filepath.Join(s.ws, out), s.opt.Now(), j)
		if err == nil {
			j.Stage("verify")
			res.Verified, _ = verifyBundle(res.Bundle)
			j.Stage("thumbnails")
			s.thumbsFor(res)
		}
		j.mu.Lock()
		j.finished = true
		if err != nil {
			j.err, j.hint = caseErrorText(err)
		} else {
			j.result = res
		}
		j.mu.Unlock()
		s.forget(name)
	}()
	if wantsJSON(r) {
		writeJSON(w, http.StatusAccepted, map[string]string{"bundle": out})
		return
	}
	http.Redirect(w, r, caseURL(name)+"/build", http.StatusSeeOther)
}

func (s *Server) jobOf(name string) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jobs[name]
}

func (s *Server) buildStatus(w http.ResponseWriter, r *http.Request, _ *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	j := s.jobOf(c.Name)
	if j == nil {
		writeJSON(w, http.StatusOK, jobStatus{})
		return
	}
	total, _, _ := countFiles(c.root)
	writeJSON(w, http.StatusOK, j.status(total))
}

func (s *Server) buildPage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	v := s.caseView(r, ss, c, "build")
	data := map[string]any{"Pdftoppm": s.pdftoppm() != ""}
	var res *built
	if j := s.jobOf(c.Name); j != nil {
		total, _, _ := countFiles(c.root)
		st := j.status(total)
		data["Status"] = st
		v.Refresh = st.Running
		j.mu.Lock()
		res = j.result
		j.mu.Unlock()
	}
	if res == nil {
		if bs := s.bundlesOf(c.Name); len(bs) > 0 {
			if b, err := readBuilt(filepath.Join(s.ws, bs[len(bs)-1])); err == nil {
				res = b
			}
		}
	}
	if res != nil {
		data["Result"] = res
		data["Thumbs"] = s.thumbsFor(res)
	}
	v.Data = data
	s.render(w, http.StatusOK, "build", v)
}

// bundleOfCase checks the {bundle} of a URL: one of the case's bundles.
func (s *Server) bundleOfCase(c *caseRef, b string) bool {
	for _, x := range s.bundlesOf(c.Name) {
		if x == b {
			return true
		}
	}
	return false
}

// download serves a file of a case's bundle: a dossier volume, a paper,
// manifest.json, or the zip ("zip").
func (s *Server) download(w http.ResponseWriter, r *http.Request, _ *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	b := r.PathValue("bundle")
	if !s.bundleOfCase(c, b) {
		http.NotFound(w, r)
		return
	}
	file := r.PathValue("file")
	rel := b + "/" + file
	if file == "zip" {
		rel = b + ".zip"
	} else if _, err := cleanRel(file); err != nil {
		s.nameRefused(w, r, err)
		return
	} else if !(file == "manifest.json" || strings.HasPrefix(file, "papers/") || (strings.HasPrefix(file, "dossier") && strings.HasSuffix(file, ".pdf"))) {
		http.NotFound(w, r)
		return
	}
	if err := checkNoLinks(s.wsRoot, rel, true); err != nil {
		http.NotFound(w, r)
		return
	}
	f, err := s.wsRoot.Open(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	disp := "attachment"
	if r.URL.Query().Get("view") != "" {
		disp = "inline"
	}
	base := path.Base(rel)
	if file == "dossier.pdf" || strings.HasPrefix(file, "dossier-") {
		base = c.Name + "-" + base
	}
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disp, map[string]string{"filename": base}))
	if ct := mime.TypeByExtension(path.Ext(base)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// thumbSet is the page images of one bundle's first volume.
type thumbSet struct {
	once  sync.Once
	dir   string
	files []string
	err   error
}

// maxThumbs bounds the pages drawn as thumbnails.
const maxThumbs = 60

func (s *Server) pdftoppm() string {
	switch s.opt.Pdftoppm {
	case "-":
		return ""
	case "":
		p, err := exec.LookPath("pdftoppm")
		if err != nil {
			return ""
		}
		return p
	}
	return s.opt.Pdftoppm
}

// thumbsFor draws (once) the first pages of the bundle's dossier with
// pdftoppm into the server's temporary folder; none when pdftoppm is not
// there.
func (s *Server) thumbsFor(b *built) *thumbSet {
	s.mu.Lock()
	t := s.thumbs[b.Bundle]
	if t == nil {
		t = &thumbSet{}
		s.thumbs[b.Bundle] = t
	}
	s.mu.Unlock()
	t.once.Do(func() {
		tool := s.pdftoppm()
		if tool == "" {
			t.err = errors.New("pdftoppm not found")
			return
		}
		dir, err := os.MkdirTemp(s.tmp, "thumbs-")
		if err != nil {
			t.err = err
			return
		}
		t.dir = dir
		ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, tool, "-png", "-scale-to", "360", "-l", strconv.Itoa(maxThumbs),
			filepath.Join(b.Bundle, volumeName(1)), filepath.Join(dir, "p"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.err = fmt.Errorf("pdftoppm: %v: %s", err, strings.TrimSpace(string(out)))
			return
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			t.files = append(t.files, e.Name())
		}
		// p-1.png … p-9.png or p-01.png …: by the page number.
		sort.Slice(t.files, func(i, j int) bool { return pageOf(t.files[i]) < pageOf(t.files[j]) })
	})
	return t
}

func pageOf(name string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "p-"), ".png"))
	return n
}

// Pages are the page numbers there are thumbnails of.
func (t *thumbSet) Pages() []int {
	var out []int
	for _, f := range t.files {
		out = append(out, pageOf(f))
	}
	return out
}

func (s *Server) thumb(w http.ResponseWriter, r *http.Request, _ *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	b := r.PathValue("bundle")
	n, err := strconv.Atoi(r.PathValue("n"))
	if !s.bundleOfCase(c, b) || err != nil {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	t := s.thumbs[filepath.Join(s.ws, b)]
	s.mu.Unlock()
	if t == nil {
		http.NotFound(w, r)
		return
	}
	for _, f := range t.files {
		if pageOf(f) == n {
			w.Header().Set("Content-Type", "image/png")
			w.Header().Set("Cache-Control", "private, max-age=3600")
			http.ServeFile(w, r, filepath.Join(t.dir, f))
			return
		}
	}
	http.NotFound(w, r)
}

func (s *Server) verifyPage(w http.ResponseWriter, r *http.Request, ss *session) {
	v := newView(r, ss, word(lang(r), "verify.title"))
	s.render(w, http.StatusOK, "verify", v)
}

// verifyUpload checks a bundle zip dropped on the page: it streams to a
// temporary file of the server (never into a case) and is removed after.
func (s *Server) verifyUpload(w http.ResponseWriter, r *http.Request, ss *session) {
	l := lang(r)
	fail := func(status int, msg string) {
		if wantsJSON(r) {
			writeJSON(w, status, map[string]string{"error": msg})
			return
		}
		s.message(w, r, ss, status, word(l, "verify.title"), msg, "")
	}
	if r.ContentLength > s.opt.MaxVerifySize {
		fail(http.StatusRequestEntityTooLarge, fmt.Sprintf(word(l, "verify.toolarge"), humanSize(s.opt.MaxVerifySize)))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxVerifySize+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		fail(http.StatusBadRequest, word(l, "verify.nofile"))
		return
	}
	var tmp string
	var name string
	for tmp == "" {
		part, err := mr.NextPart()
		if err != nil {
			if errors.Is(err, io.EOF) {
				fail(http.StatusBadRequest, word(l, "verify.nofile"))
			} else {
				fail(http.StatusBadRequest, err.Error())
			}
			return
		}
		if part.FormName() != "zip" {
			continue
		}
		name = path.Base(rawFileName(part))
		f, err := os.CreateTemp(s.tmp, "verify-*.zip")
		if err != nil {
			fail(http.StatusInternalServerError, err.Error())
			return
		}
		tmp = f.Name()
		defer os.Remove(tmp)
		n, err := io.Copy(f, io.LimitReader(part, s.opt.MaxVerifySize+1))
		f.Close()
		if err != nil || n > s.opt.MaxVerifySize {
			fail(http.StatusRequestEntityTooLarge, fmt.Sprintf(word(l, "verify.toolarge"), humanSize(s.opt.MaxVerifySize)))
			return
		}
	}
	rep, err := verifyBundle(tmp)
	if err != nil {
		fail(http.StatusUnprocessableEntity, strings.ReplaceAll(err.Error(), tmp, name))
		return
	}
	if wantsJSON(r) {
		v := newView(r, ss, "")
		v.Data = map[string]any{"Name": name, "R": rep}
		html, _ := s.renderPart("verify", "verifyresult", v)
		writeJSON(w, http.StatusOK, map[string]any{"ok": rep.OK, "html": html})
		return
	}
	v := newView(r, ss, word(l, "verify.title"))
	v.Data = map[string]any{"Name": name, "R": rep}
	s.render(w, http.StatusOK, "verify", v)
}
