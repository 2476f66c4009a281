package web

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestNoTokenIsForbidden(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, p := range []string{"/", "/?t=wrong", "/?t=" + e.s.Token()[:10], "/static/app.js", "/static/font.ttf", "/c/a/files",
		"/c/a/facts", "/api/txn?id=1", "/verify", "/nothing", "/c/a/build/status"} {
		resp, err := hc.Get(e.ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s without the token: %d, want 403", p, resp.StatusCode)
		}
		if strings.Contains(body, "csrf") {
			t.Errorf("GET %s without the token shows the page", p)
		}
	}
	// A made-up session cookie is no session.
	req, _ := http.NewRequest("GET", e.ts.URL+"/", nil)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: strings.Repeat("a", 48)})
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a guessed cookie: %d, want 403", resp.StatusCode)
	}
	// A change without the token writes nothing.
	before := tree(t, e.ws)
	resp, err = hc.Post(e.ts.URL+"/new", "application/x-www-form-urlencoded", strings.NewReader("name=b"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST /new without the token: %d", resp.StatusCode)
	}
	assertSame(t, "workspace", before, tree(t, e.ws))
}

func TestSessionCookieIsStrict(t *testing.T) {
	e := newEnv(t, nil)
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(e.ts.URL + "/?t=" + e.s.Token())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("the token URL: %d to %q, want 303 to / (the token leaves the address bar)", resp.StatusCode, resp.Header.Get("Location"))
	}
	ck := resp.Cookies()
	if len(ck) != 1 || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode || ck[0].Value == e.s.Token() {
		t.Fatalf("cookie %+v: want one HttpOnly SameSite=Strict session cookie that is not the token", ck)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
}

func TestWrongHostIsRefused(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	_, port, _ := net.SplitHostPort(e.ts.Listener.Addr().String())
	for _, tc := range []struct {
		host string
		want int
	}{
		{"evil.example:" + port, http.StatusMisdirectedRequest},
		{"evil.example", http.StatusMisdirectedRequest},
		{"127.0.0.1.nip.io:" + port, http.StatusMisdirectedRequest},
		{"127.0.0.1:1", http.StatusMisdirectedRequest},
		{"192.168.1.5:" + port, http.StatusMisdirectedRequest},
		{"localhost:" + port, http.StatusOK},
		{"127.0.0.1:" + port, http.StatusOK},
		{"LOCALHOST:" + port, http.StatusOK},
	} {
		resp, err := c.withHost(tc.host)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("Host %s: %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
	}
	// Even the token does not open the page under another name.
	req, _ := http.NewRequest("GET", e.ts.URL+"/?t="+e.s.Token(), nil)
	req.Host = "rebind.example:" + port
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("token under a rebound name: %d", resp.StatusCode)
	}
}

func TestLANHostsAreAccepted(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Hosts = []string{"192.168.1.5"} })
	c := e.login()
	_, port, _ := net.SplitHostPort(e.ts.Listener.Addr().String())
	resp, err := c.withHost("192.168.1.5:" + port)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the LAN address: %d", resp.StatusCode)
	}
}

func TestCrossOriginChangesAreRefused(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	form := func(v url.Values) *bytes.Reader { return bytes.NewReader([]byte(v.Encode())) }
	urlenc := "application/x-www-form-urlencoded"
	cases := []struct {
		name string
		body url.Values
		hdr  map[string]string
	}{
		{"other origin", url.Values{"name": {"x1"}}, map[string]string{"Origin": "http://evil.example", "Content-Type": urlenc}},
		{"null origin", url.Values{"name": {"x2"}}, map[string]string{"Origin": "null", "Content-Type": urlenc}},
		{"other port", url.Values{"name": {"x3"}}, map[string]string{"Origin": "http://127.0.0.1:1", "Content-Type": urlenc}},
		{"no origin, other referer", url.Values{"name": {"x4"}}, map[string]string{"Origin": "", "Referer": "http://evil.example/page", "Content-Type": urlenc}},
		{"no origin, no referer", url.Values{"name": {"x5"}}, map[string]string{"Origin": "", "Content-Type": urlenc}},
		{"cross-site fetch", url.Values{"name": {"x6"}}, map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": urlenc}},
		{"no csrf token", url.Values{"name": {"x7"}}, map[string]string{"X-CSRF-Token": "", "Content-Type": urlenc}},
		{"wrong csrf token", url.Values{"name": {"x8"}}, map[string]string{"X-CSRF-Token": strings.Repeat("0", 48), "Content-Type": urlenc}},
		{"wrong csrf field", url.Values{"name": {"x9"}, "csrf": {"nope"}}, map[string]string{"X-CSRF-Token": "", "Content-Type": urlenc}},
	}
	before := tree(t, e.ws)
	for _, tc := range cases {
		for _, path := range []string{"/new", "/c/a/route", "/c/a/facts", "/c/a/build"} {
			resp := c.do("POST", path, form(tc.body), tc.hdr)
			body := readBody(t, resp)
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s: POST %s: %d, want 403 (%s)", tc.name, path, resp.StatusCode, body)
			}
		}
	}
	up, ct := multipartBody(t, []upFile{{"x.txt", []byte("hello")}})
	resp := c.do("POST", "/c/a/upload", up, map[string]string{"Origin": "http://evil.example", "Content-Type": ct})
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin upload: %d", resp.StatusCode)
	}
	assertSame(t, "workspace after refused changes", before, tree(t, e.ws))

	// The page's own form (csrf field, same-origin Referer) works.
	resp = c.do("POST", "/new", form(url.Values{"name": {"ok"}, "csrf": {c.csrf}}),
		map[string]string{"Origin": "", "X-CSRF-Token": "", "Referer": e.ts.URL + "/", "Content-Type": urlenc})
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("own form: %d", resp.StatusCode)
	}
	// A second client's token does not pass for the first one's session.
	c2 := e.login()
	c.csrf, c2.csrf = c2.csrf, c.csrf
	resp = c.postForm("/new", url.Values{"name": {"swapped"}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("another session's csrf token: %d", resp.StatusCode)
	}
}

func TestUploadNamesStayInTheCase(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	caseDir := filepath.Join(e.ws, "a")
	before, outside := tree(t, caseDir), tree(t, filepath.Dir(e.ws))
	for _, name := range []string{"../x.txt", "../../outside/x.txt", "a/../../x.txt", "/etc/x.txt", "/tmp/x.txt", "C:\\x.txt", "C:x.txt",
		"sub\\..\\..\\x.txt", "./x.txt", "a//b.txt", ".hidden", "a/.git/config", "case.yaml", "x\x00.txt", "x\n.txt",
		strings.Repeat("a/", 20) + "x.txt", strings.Repeat("n", 300) + ".txt", "..", "\xff\xfe.txt"} {
		resp := c.upload("a", upFile{name, []byte("data")})
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("upload %q: %d, want 400 (%s)", name, resp.StatusCode, body)
		}
	}
	// The raw filename of the part is checked as strictly when no path
	// field comes with it (multipart's FileName would hide the ../).
	var b bytes.Buffer
	b.WriteString("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../evil.txt\"\r\n\r\nevil\r\n--XX--\r\n")
	resp := c.do("POST", "/c/a/upload", &b, map[string]string{"Content-Type": "multipart/form-data; boundary=XX"})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("raw ../ filename: %d", resp.StatusCode)
	}
	resp.Body.Close()
	b.Reset()
	b.WriteString("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\nnameless\r\n--XX--\r\n")
	resp = c.do("POST", "/c/a/upload", &b, map[string]string{"Content-Type": "multipart/form-data; boundary=XX"})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no name at all: %d", resp.StatusCode)
	}
	resp.Body.Close()
	assertSame(t, "case folder", before, tree(t, caseDir))
	assertSame(t, "outside the workspace", outside, tree(t, filepath.Dir(e.ws)))

	// A good name with folders and Chinese lands where it says.
	resp = c.upload("a", upFile{"screens/转账 成功.png", []byte("png?")})
	if resp.StatusCode != 200 {
		t.Fatalf("good upload: %d %s", resp.StatusCode, readBody(t, resp))
	}
	resp.Body.Close()
	if b, err := os.ReadFile(filepath.Join(caseDir, "screens", "转账 成功.png")); err != nil || string(b) != "png?" {
		t.Fatalf("the file is not there: %v", err)
	}
	// The same name again is a conflict, and the file stays as it was.
	resp = c.upload("a", upFile{"screens/转账 成功.png", []byte("other")})
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("same name again: %d, want 409", resp.StatusCode)
	}
	if b, _ := os.ReadFile(filepath.Join(caseDir, "screens", "转账 成功.png")); string(b) != "png?" {
		t.Errorf("a file was replaced")
	}
	// Bad case names in the URL.
	for _, p := range []string{"/c/..%2Fws/files", "/c/%2E%2E/files", "/c/.hidden/files", "/c/a%2Fscreens/files"} {
		resp := c.do("GET", p, nil, nil)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 400 or 404", p, resp.StatusCode)
		}
	}
	noTemps(t, caseDir)
}

// noTemps fails when a temporary file was left in the case.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	for p := range tree(t, dir) {
		if strings.Contains(p, ".upload-") || strings.Contains(p, ".save-") {
			t.Errorf("left behind: %s", p)
		}
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	caseDir := filepath.Join(e.ws, "a")
	// A folder link that leaves the case, one that stays inside it, and a
	// file link.
	if err := os.Symlink(e.out, filepath.Join(caseDir, "screens")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Mkdir(filepath.Join(caseDir, "real"), 0o755)
	os.Symlink(filepath.Join(caseDir, "real"), filepath.Join(caseDir, "inside"))
	os.WriteFile(filepath.Join(e.out, "target.txt"), []byte("outside"), 0o644)
	os.Symlink(filepath.Join(e.out, "target.txt"), filepath.Join(caseDir, "link.txt"))
	outside := tree(t, e.out)
	for _, name := range []string{"screens/x.png", "screens/sub/x.png", "inside/x.png", "link.txt", "link.txt/x"} {
		resp := c.upload("a", upFile{name, []byte("data")})
		body := readBody(t, resp)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusConflict {
			t.Errorf("upload through a link %q: %d (%s)", name, resp.StatusCode, body)
		}
	}
	assertSame(t, "outside", outside, tree(t, e.out))
	if ents, _ := os.ReadDir(filepath.Join(caseDir, "real")); len(ents) != 0 {
		t.Errorf("a file went through the inside link")
	}
	// case.yaml as a link: the page refuses to write through it.
	cy := filepath.Join(caseDir, "case.yaml")
	data, _ := os.ReadFile(cy)
	os.WriteFile(filepath.Join(e.out, "case.yaml"), data, 0o644)
	os.Remove(cy)
	os.Symlink(filepath.Join(e.out, "case.yaml"), cy)
	outside = tree(t, e.out)
	resp := c.postForm("/c/a/route", url.Values{"purpose": {"police"}})
	resp.Body.Close()
	if resp.StatusCode == http.StatusSeeOther {
		t.Errorf("saved through a case.yaml link")
	}
	assertSame(t, "outside after saving", outside, tree(t, e.out))
	// A case folder that is a link is no case.
	os.Symlink(e.out, filepath.Join(e.ws, "linked"))
	resp = c.do("GET", "/c/linked/files", nil, nil)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("a linked case folder: %d, want 404", resp.StatusCode)
	}
	// A download through a link in a bundle is refused too.
	os.Mkdir(filepath.Join(e.ws, "a.bundle"), 0o755)
	os.Symlink(filepath.Join(e.out, "target.txt"), filepath.Join(e.ws, "a.bundle", "dossier.pdf"))
	resp = c.do("GET", "/c/a/get/a.bundle/dossier.pdf", nil, nil)
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusNotFound || strings.Contains(body, "outside") {
		t.Errorf("download through a link: %d %q", resp.StatusCode, body)
	}
}

func TestOversizeUploadLeavesNothing(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.MaxFileSize = 1000; o.MaxUploadBytes = 10000 })
	c := e.login()
	c.newCase("a")
	caseDir := filepath.Join(e.ws, "a")
	before := tree(t, caseDir)
	// One file over the limit, after a good one in the same request: the
	// good one is not kept either.
	resp := c.upload("a", upFile{"ok.txt", []byte("fine")}, upFile{"big/big.bin", bytes.Repeat([]byte{1}, 1001)})
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize file: %d, want 413 (%s)", resp.StatusCode, body)
	}
	// A request larger than the request limit.
	var files []upFile
	for i := 0; i < 12; i++ {
		files = append(files, upFile{fmt.Sprintf("f%d.bin", i), bytes.Repeat([]byte{2}, 990)})
	}
	resp = c.upload("a", files...)
	body = readBody(t, resp)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize request: %d, want 413 (%s)", resp.StatusCode, body)
	}
	after := tree(t, caseDir)
	for p, v := range after {
		if v != "/" && before[p] != v {
			t.Errorf("left behind after a refused upload: %s", p)
		}
	}
	noTemps(t, caseDir)
	// Exactly the limit is fine.
	resp = c.upload("a", upFile{"exact.bin", bytes.Repeat([]byte{3}, 1000)})
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a file of exactly the limit: %d", resp.StatusCode)
	}
}

func TestTooManyFilesAreRefused(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.MaxFiles = 3; o.MaxCaseFiles = 5 })
	c := e.login()
	c.newCase("a")
	caseDir := filepath.Join(e.ws, "a")
	before := tree(t, caseDir)
	var four []upFile
	for i := 0; i < 4; i++ {
		four = append(four, upFile{fmt.Sprintf("f%d.txt", i), []byte("x")})
	}
	resp := c.upload("a", four...)
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("4 files where 3 are allowed: %d (%s)", resp.StatusCode, body)
	}
	assertSame(t, "case after too many files", before, tree(t, caseDir))
	// Three and three: the case holds at most five.
	resp = c.upload("a", four[:3]...)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("3 files: %d", resp.StatusCode)
	}
	resp = c.upload("a", upFile{"g1.txt", nil}, upFile{"g2.txt", nil}, upFile{"g3.txt", nil})
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("over the case's limit: %d", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(caseDir, "g1.txt")); err == nil {
		t.Errorf("a file of a refused upload was kept")
	}
	// Two files of one name in one request.
	resp = c.upload("a", upFile{"d.txt", nil}, upFile{"d.txt", nil})
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("one name twice: %d", resp.StatusCode)
	}
	noTemps(t, caseDir)
}

func TestOneBuildPerCase(t *testing.T) {
	e := newEnv(t, nil)
	release := make(chan struct{})
	started := make(chan struct{}, 4)
	e.s.beforeBuild = func() {
		started <- struct{}{}
		<-release
	}
	c := e.login()
	c.newCase("a")
	resp := c.upload("a", upFile{"note.txt", []byte("a note")})
	resp.Body.Close()
	codes := make([]int, 4)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp := c.do("POST", "/c/a/build", nil, map[string]string{"Accept": "application/json"})
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	var accepted, busy int
	for _, code := range codes {
		switch code {
		case http.StatusAccepted:
			accepted++
		case http.StatusConflict:
			busy++
		}
	}
	if accepted != 1 || busy != 3 {
		t.Fatalf("4 builds at once: %v, want one 202 and three 409", codes)
	}
	<-started
	close(release)
	waitBuild(t, c, "a")
	// The lock is free again.
	e.s.beforeBuild = nil
	resp = c.do("POST", "/c/a/build", nil, map[string]string{"Accept": "application/json"})
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("a build after the first: %d", resp.StatusCode)
	}
	waitBuild(t, c, "a")
	for _, b := range []string{"a.bundle", "a.bundle-2", "a.bundle.zip", "a.bundle-2.zip"} {
		if _, err := os.Stat(filepath.Join(e.ws, b)); err != nil {
			t.Errorf("no %s: %v", b, err)
		}
	}
}

func waitBuild(t *testing.T, c *client, cas string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp := c.do("GET", "/c/"+url.PathEscape(cas)+"/build/status", nil, nil)
		body := readBody(t, resp)
		if strings.Contains(body, `"running":false`) {
			if strings.Contains(body, `"error"`) {
				t.Fatalf("build failed: %s", body)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the build did not finish")
}

// withHost sends GET / with another Host header and the session's cookie
// (the cookie jar would look the cookie up by that host).
func (c *client) withHost(host string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", c.e.ts.URL+"/", nil)
	u, _ := url.Parse(c.e.ts.URL)
	for _, ck := range c.hc.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	req.Host = host
	return http.DefaultClient.Do(req)
}

func TestLANQRCode(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	resp := c.do("GET", "/qr.png", nil, nil)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("a QR code without --lan: %d", resp.StatusCode)
	}
	e2 := newEnv(t, func(o *Options) { o.Hosts = []string{"192.168.1.5"} })
	c2 := e2.login()
	resp = c2.do("GET", "/qr.png", nil, nil)
	png := readBody(t, resp)
	if resp.StatusCode != 200 || !strings.HasPrefix(png, "\x89PNG") {
		t.Errorf("the LAN QR code: %d", resp.StatusCode)
	}
	if page := c2.page("/"); !strings.Contains(page, "http://192.168.1.5:") || !strings.Contains(page, "局域网") {
		t.Errorf("the workspace page does not show the LAN address and warning")
	}
}
