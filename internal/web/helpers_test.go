package web

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// testClock is the build time of the tests.
var testClock = time.Date(2025, 11, 20, 2, 0, 0, 0, time.UTC)

type testEnv struct {
	t   *testing.T
	s   *Server
	ts  *httptest.Server
	ws  string
	out string // a folder beside the workspace, to see that nothing lands there
}

func newEnv(t *testing.T, mod func(*Options)) *testEnv {
	t.Helper()
	base := t.TempDir()
	ws := filepath.Join(base, "ws")
	out := filepath.Join(base, "outside")
	for _, d := range []string{ws, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewUnstartedServer(nil)
	opt := Options{Dir: ws, Addr: ts.Listener.Addr().String(), Now: func() time.Time { return testClock }, Pdftoppm: "-"}
	if mod != nil {
		mod(&opt)
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return &testEnv{t: t, s: s, ts: ts, ws: ws, out: out}
}

// client is a browser with a session.
type client struct {
	e    *testEnv
	hc   *http.Client
	csrf string
}

var csrfRE = regexp.MustCompile(`data-csrf="([0-9a-f]+)"`)

func (e *testEnv) login() *client {
	e.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &client{e: e, hc: &http.Client{Jar: jar}}
	resp, err := c.hc.Get(e.ts.URL + "/?t=" + e.s.Token())
	if err != nil {
		e.t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		e.t.Fatalf("login: %d %s", resp.StatusCode, body)
	}
	if resp.Request.URL.RawQuery != "" {
		e.t.Fatalf("the token stayed in the address: %s", resp.Request.URL)
	}
	m := csrfRE.FindSubmatch(body)
	if m == nil {
		e.t.Fatal("no csrf token on the page")
	}
	c.csrf = string(m[1])
	return c
}

// do sends a request as this page would (same origin, CSRF token) unless
// the caller changed the headers; it does not follow redirects.
func (c *client) do(method, path string, body io.Reader, hdr map[string]string) *http.Response {
	c.e.t.Helper()
	req, err := http.NewRequest(method, c.e.ts.URL+path, body)
	if err != nil {
		c.e.t.Fatal(err)
	}
	if method != "GET" {
		req.Header.Set("Origin", c.e.ts.URL)
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	for k, v := range hdr {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	hc := *c.hc
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	return resp
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return string(b)
}

func (c *client) postForm(path string, v url.Values) *http.Response {
	return c.do("POST", path, strings.NewReader(v.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

// newCase makes a case through the page.
func (c *client) newCase(name string) {
	c.e.t.Helper()
	resp := c.postForm("/new", url.Values{"name": {name}})
	if resp.StatusCode != http.StatusSeeOther {
		c.e.t.Fatalf("new case %s: %d %s", name, resp.StatusCode, readBody(c.e.t, resp))
	}
	resp.Body.Close()
}

type upFile struct {
	name string
	data []byte
}

func multipartBody(t *testing.T, files []upFile) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, f := range files {
		if err := mw.WriteField("path", f.name); err != nil {
			t.Fatal(err)
		}
		w, err := mw.CreateFormFile("file", "x")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(f.data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func (c *client) upload(cas string, files ...upFile) *http.Response {
	body, ct := multipartBody(c.e.t, files)
	return c.do("POST", "/c/"+url.PathEscape(cas)+"/upload", body, map[string]string{"Content-Type": ct, "Accept": "application/json"})
}

// tree lists every file and folder under dir (hidden ones too), with
// the bytes of files, for before/after comparisons.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "-> " + target
		case d.IsDir():
			out[rel] = "/"
		default:
			b, _ := os.ReadFile(p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

func names(m map[string]string) string {
	var n []string
	for k := range m {
		n = append(n, k)
	}
	sort.Strings(n)
	return strings.Join(n, ", ")
}

func assertSame(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	if fmt.Sprint(names(before)) != fmt.Sprint(names(after)) {
		t.Fatalf("%s changed: before [%s], after [%s]", what, names(before), names(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("%s: %s changed", what, k)
		}
	}
}
