package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/skip2/go-qrcode"

	"github.com/casebundle/casebundle/fonts"
)

//go:embed assets
var assets embed.FS

// Options configure a Server.
type Options struct {
	// Dir is the workspace: every folder in it is a case.
	Dir string
	// Addr is the address the server listens on (host:port, the port
	// already chosen); the Host header must name it.
	Addr string
	// Hosts are further names or addresses the Host header may carry
	// (the LAN addresses with --lan).
	Hosts []string
	// Token is the run's secret; "" makes a random one.
	Token string
	// Now is the clock of a build (casebundle's --time, SOURCE_DATE_EPOCH
	// or the system clock); nil is the system clock.
	Now func() time.Time
	// Limits on uploads; zero values take the defaults.
	MaxFileSize    int64 // one file
	MaxUploadBytes int64 // one request
	MaxFiles       int   // files in one request
	MaxCaseFiles   int   // files in one case folder
	MaxVerifySize  int64 // a zip dropped to verify
	// Pdftoppm is the page renderer for thumbnails; "" looks it up on
	// PATH, "-" turns thumbnails off.
	Pdftoppm string
}

// Defaults of the limits.
const (
	DefaultMaxFileSize    = 512 << 20
	DefaultMaxUploadBytes = 2 << 30
	DefaultMaxFiles       = 200
	DefaultMaxCaseFiles   = 5000
	DefaultMaxVerifySize  = 4 << 30
)

// Server is the page of casebundle serve.
type Server struct {
	opt      Options
	ws       string // absolute workspace
	wsRoot   *os.Root
	token    string
	port     string
	hosts    []string
	sessions sessions
	pages    map[string]*template.Template
	mux      *http.ServeMux
	tmp      string // thumbnails and verify uploads; removed by Close
	ctx      context.Context
	cancel   context.CancelFunc

	mu     sync.Mutex
	locks  map[string]*sync.Mutex // per case folder: one build at a time
	jobs   map[string]*job
	cache  map[string]cachedAnalysis
	thumbs map[string]*thumbSet

	// beforeBuild, when set (tests), runs inside the build lock before the
	// build starts.
	beforeBuild func()
}

// New makes a Server over the workspace opt.Dir.
func New(opt Options) (*Server, error) {
	if opt.Dir == "" {
		opt.Dir = "."
	}
	ws, err := filepath.Abs(opt.Dir)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(ws)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("workspace %s is not a folder", opt.Dir)
	}
	_, port, err := net.SplitHostPort(opt.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", opt.Addr, err)
	}
	root, err := os.OpenRoot(ws)
	if err != nil {
		return nil, err
	}
	if opt.Token == "" {
		opt.Token = randomToken()
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return time.Now().UTC().Truncate(time.Second) }
	}
	setDefault := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	setDefault(&opt.MaxFileSize, DefaultMaxFileSize)
	setDefault(&opt.MaxUploadBytes, DefaultMaxUploadBytes)
	setDefault(&opt.MaxVerifySize, DefaultMaxVerifySize)
	if opt.MaxFiles <= 0 {
		opt.MaxFiles = DefaultMaxFiles
	}
	if opt.MaxCaseFiles <= 0 {
		opt.MaxCaseFiles = DefaultMaxCaseFiles
	}
	tmp, err := os.MkdirTemp("", "casebundle-serve-")
	if err != nil {
		root.Close()
		return nil, err
	}
	s := &Server{opt: opt, ws: ws, wsRoot: root, token: opt.Token, port: port, tmp: tmp,
		locks: map[string]*sync.Mutex{}, jobs: map[string]*job{}, cache: map[string]cachedAnalysis{}, thumbs: map[string]*thumbSet{}}
	host, _, _ := net.SplitHostPort(opt.Addr)
	s.hosts = append(s.hosts, strings.ToLower(strings.Trim(host, "[]")))
	for _, h := range opt.Hosts {
		s.hosts = append(s.hosts, strings.ToLower(strings.Trim(h, "[]")))
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if err := s.parsePages(); err != nil {
		s.Close()
		return nil, err
	}
	s.routes()
	return s, nil
}

// Close stops running builds and removes the server's temporary files.
func (s *Server) Close() error {
	s.cancel()
	s.wsRoot.Close()
	return os.RemoveAll(s.tmp)
}

// Token is the run's secret.
func (s *Server) Token() string { return s.token }

// URL is the address to open, with the token.
func (s *Server) URL(host string) string {
	return "http://" + net.JoinHostPort(host, s.port) + "/?t=" + s.token
}

// ServeHTTP serves the page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	m := http.NewServeMux()
	handle := func(pattern string, h func(http.ResponseWriter, *http.Request, *session)) {
		m.Handle(pattern, s.guard(h))
	}
	handle("GET /{$}", s.workspacePage)
	handle("POST /new", s.newCase)
	handle("GET /lang", s.setLang)
	handle("GET /static/{file}", s.static)
	handle("GET /verify", s.verifyPage)
	handle("POST /verify", s.verifyUpload)
	handle("GET /api/txn", s.txnAPI)
	handle("GET /qr.png", s.qr)
	handle("GET /c/{case}", s.casePage)
	handle("GET /c/{case}/route", s.routePage)
	handle("POST /c/{case}/route", s.saveRoute)
	handle("GET /c/{case}/files", s.filesPage)
	handle("POST /c/{case}/upload", s.upload)
	handle("GET /c/{case}/facts", s.factsPage)
	handle("POST /c/{case}/facts", s.saveFacts)
	handle("GET /c/{case}/checklist", s.checklistPage)
	handle("GET /c/{case}/build", s.buildPage)
	handle("POST /c/{case}/build", s.startBuild)
	handle("GET /c/{case}/build/status", s.buildStatus)
	handle("GET /c/{case}/get/{bundle}/{file...}", s.download)
	handle("GET /c/{case}/thumb/{bundle}/{n}", s.thumb)
	// Everything else, also unknown paths, passes the same guard first.
	handle("/", func(w http.ResponseWriter, r *http.Request, _ *session) { http.NotFound(w, r) })
	s.mux = m
}

// lang is the page's language: the cookie, else zh.
func lang(r *http.Request) string {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "zh"
}

func (s *Server) setLang(w http.ResponseWriter, r *http.Request, _ *session) {
	to := r.URL.Query().Get("to")
	if to != "en" {
		to = "zh"
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: to, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 365 * 24 * 3600})
	back := r.URL.Query().Get("back")
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.Contains(back, "\\") {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

var staticTypes = map[string]string{
	"style.css": "text/css; charset=utf-8",
	"app.js":    "text/javascript; charset=utf-8",
	"font.ttf":  "font/ttf",
}

func (s *Server) static(w http.ResponseWriter, r *http.Request, _ *session) {
	name := r.PathValue("file")
	typ, ok := staticTypes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	var data []byte
	if name == "font.ttf" {
		// The dossier's own font, so that Chinese shows the same on a
		// machine without CJK fonts, with no font from outside.
		data = fonts.MicroHei
	} else {
		var err error
		if data, err = assets.ReadFile("assets/" + name); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "private, max-age=3600")
	_, _ = w.Write(data)
}

// caseRef is a case folder of the workspace, checked.
type caseRef struct {
	Name string
	Dir  string // absolute
	root *os.Root
}

func (c *caseRef) close() { c.root.Close() }

// openCase checks the {case} of the URL: a folder directly in the
// workspace, not a link. It writes the error response itself.
func (s *Server) openCase(w http.ResponseWriter, r *http.Request) (*caseRef, bool) {
	name, err := cleanCaseName(r.PathValue("case"))
	if err != nil {
		s.nameRefused(w, r, err)
		return nil, false
	}
	st, err := s.wsRoot.Lstat(name)
	if err != nil || !st.IsDir() || st.Mode()&fs.ModeSymlink != 0 {
		http.NotFound(w, r)
		return nil, false
	}
	root, err := s.wsRoot.OpenRoot(name)
	if err != nil {
		http.NotFound(w, r)
		return nil, false
	}
	return &caseRef{Name: name, Dir: filepath.Join(s.ws, name), root: root}, true
}

func (s *Server) nameRefused(w http.ResponseWriter, r *http.Request, err error) {
	var ne *nameError
	msg := err.Error()
	if errors.As(err, &ne) {
		if lang(r) == "en" {
			msg = fmt.Sprintf("%q: %s", ne.Name, ne.En)
		} else {
			msg = fmt.Sprintf("%q：%s", ne.Name, ne.Zh)
		}
	}
	http.Error(w, msg, http.StatusBadRequest)
}

func caseURL(name string) string { return "/c/" + url.PathEscape(name) }

// caseSummary is one line of the workspace list.
type caseSummary struct {
	Name, URL       string
	Files           int
	MoreFiles       bool
	HasCase         bool
	CaseErr         string
	Title, Purpose  string
	ComplaintType   string
	Bundle          string
	BuiltAfterEdits bool
}

var bundleNameRE = regexp.MustCompile(`^(.+)\.bundle(?:-([0-9]{1,4}))?$`)

// isBundleName reports whether a workspace entry is a bundle the page or
// casebundle build wrote.
func isBundleName(n string) bool { return bundleNameRE.MatchString(n) }

// bundlesOf lists the bundles of a case in the workspace, oldest first.
func (s *Server) bundlesOf(name string) []string {
	ents, err := os.ReadDir(s.ws)
	if err != nil {
		return nil
	}
	type b struct {
		name string
		n    int
	}
	var out []b
	for _, e := range ents {
		m := bundleNameRE.FindStringSubmatch(e.Name())
		if m == nil || m[1] != name || !e.IsDir() {
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		out = append(out, b{e.Name(), n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n < out[j].n })
	names := make([]string, len(out))
	for i, x := range out {
		names[i] = x.name
	}
	return names
}

// nextBundle is where the next build of a case goes: NAME.bundle (where
// casebundle build writes without -o), then NAME.bundle-2, … A bundle is
// never replaced.
func (s *Server) nextBundle(name string) (string, error) {
	for n := 1; n < 10000; n++ {
		b := name + ".bundle"
		if n > 1 {
			b = fmt.Sprintf("%s.bundle-%d", name, n)
		}
		_, err1 := s.wsRoot.Lstat(b)
		_, err2 := s.wsRoot.Lstat(b + ".zip")
		if errors.Is(err1, fs.ErrNotExist) && errors.Is(err2, fs.ErrNotExist) {
			return b, nil
		}
	}
	return "", errors.New("too many bundles of this case in the workspace")
}

// listCases lists the folders of the workspace, sorted by name.
func (s *Server) listCases() []caseSummary {
	ents, err := os.ReadDir(s.ws)
	if err != nil {
		return nil
	}
	var out []caseSummary
	for _, e := range ents {
		n := e.Name()
		if !e.IsDir() || strings.HasPrefix(n, ".") || isBundleName(n) {
			continue
		}
		if _, err := cleanCaseName(n); err != nil {
			continue
		}
		if fileExists(filepath.Join(s.ws, n, "bagit.txt")) {
			continue // a bundle made elsewhere
		}
		cs := caseSummary{Name: n, URL: caseURL(n)}
		root, err := s.wsRoot.OpenRoot(n)
		if err != nil {
			continue
		}
		var latest time.Time
		cs.Files, cs.MoreFiles, latest = countFiles(root)
		if doc, data, err := readCaseDoc(root); err != nil {
			cs.CaseErr = err.Error()
		} else if data != nil {
			cs.HasCase = true
			if verr := validateCase(data); verr != nil {
				cs.CaseErr, _ = caseErrorText(verr)
			}
			cs.Title, cs.Purpose, cs.ComplaintType = doc.get("title").Value, doc.get("purpose").Value, doc.get("complaint_type").Value
		}
		root.Close()
		if bs := s.bundlesOf(n); len(bs) > 0 {
			cs.Bundle = bs[len(bs)-1]
			if st, err := os.Stat(filepath.Join(s.ws, cs.Bundle)); err == nil {
				cs.BuiltAfterEdits = !st.ModTime().Before(latest)
			}
		}
		out = append(out, cs)
	}
	return out
}

// countFiles counts the evidence files of a case (and case.yaml's time
// among the latest change), up to a bound.
func countFiles(root *os.Root) (n int, more bool, latest time.Time) {
	const bound = 10000
	_ = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil && info.ModTime().After(latest) {
				latest = info.ModTime()
			}
			if p == caseFileName {
				return nil
			}
			n++
			if n >= bound {
				more = true
				return fs.SkipAll
			}
		}
		return nil
	})
	return n, more, latest
}

// qr is the page's address with the token on the network (--lan) as a QR
// code, for the phone's camera; none without --lan.
func (s *Server) qr(w http.ResponseWriter, r *http.Request, _ *session) {
	if len(s.opt.Hosts) == 0 {
		http.NotFound(w, r)
		return
	}
	png, err := qrcode.Encode(s.URL(s.opt.Hosts[0]), qrcode.Medium, 320)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	_, _ = w.Write(png)
}
