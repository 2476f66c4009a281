package main

import (
	"bytes"
	"context"
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
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebundle/casebundle/internal/web"
)

// TestServeBuildsWhatBuildBuilds: a case made in the page (new case,
// route, uploads, facts) builds to the same bytes with casebundle build and
// the same --time as with the page's own build.
func TestServeBuildsWhatBuildBuilds(t *testing.T) {
	const when = "2025-11-20T10:00:00+08:00"
	clock, _ := time.Parse(time.RFC3339, when)
	ws := t.TempDir()
	ts := httptest.NewUnstartedServer(nil)
	srv, err := web.New(web.Options{Dir: ws, Addr: ts.Listener.Addr().String(), Now: func() time.Time { return clock.UTC() }, Pdftoppm: "-"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts.Config.Handler = srv
	ts.Start()
	defer ts.Close()

	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(ts.URL + "/?t=" + srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, _ = hc.Get(ts.URL + "/")
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`data-csrf="([0-9a-f]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no session")
	}
	csrf := string(m[1])
	send := func(method, path, ctype string, body io.Reader) int {
		t.Helper()
		req, _ := http.NewRequest(method, ts.URL+path, body)
		req.Header.Set("Origin", ts.URL)
		req.Header.Set("X-CSRF-Token", csrf)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Accept", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 400 {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
		}
		return resp.StatusCode
	}
	form := func(path string, v url.Values) {
		send("POST", path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
	}
	name := "转错账"
	cu := "/c/" + url.PathEscape(name)
	form("/new", url.Values{"name": {name}})
	form(cu+"/route", url.Values{"purpose": {"civil"}, "platform": {"wechat"}, "complaint_type": {"wrong_transfer"}, "lang": {"zh"}})

	demo := filepath.Join("..", "..", "testdata", "democase")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	var paths []string
	_ = filepath.WalkDir(demo, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "case.yaml" {
			return err
		}
		rel, _ := filepath.Rel(demo, p)
		rel = filepath.ToSlash(rel)
		paths = append(paths, rel)
		data, _ := os.ReadFile(p)
		st, _ := os.Stat(p)
		mw.WriteField("mtime", strconv.FormatInt(st.ModTime().UnixMilli(), 10))
		mw.WriteField("path", rel)
		w, _ := mw.CreateFormFile("file", filepath.Base(p))
		w.Write(data)
		return nil
	})
	mw.Close()
	send("POST", cu+"/upload", mw.FormDataContentType(), &b)

	facts := url.Values{"title": {"微信转错账追回"}, "claimant.name": {"李明"}, "claimant.phone": {"13916082745"},
		"respondent.name": {"张三"}, "respondent.wechat_id": {"zhangsan_1988"},
		"narrative": {"2025年11月3日14时05分，我误把5000元转给了张三。\n他不肯退还。"},
		"txn.count": {"1"}, "txn.0.id": {"4200002345202511031234567890"}, "txn.0.time": {"2025-11-03 14:05"}, "txn.0.amount": {"5000.00"},
		"txn.0.direction": {"out"}, "txn.0.counterparty": {"张三"}, "txn.0.disputed": {"1"}, "txn.0.blank": {"1"},
		"item.count": {"1"}, "item.0.path": {"screens/转账成功.png"}, "item.0.title": {"微信转账成功页面截图"}, "item.0.proves": {"已向张三转账5000元"}}
	form(cu+"/facts", facts)

	if code := send("POST", cu+"/build", "", nil); code != http.StatusAccepted {
		t.Fatalf("build: %d", code)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, _ := hc.Get(ts.URL + cu + "/build/status")
		st, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(st), `"running":false`) {
			if strings.Contains(string(st), `"error"`) {
				t.Fatalf("page build: %s", st)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the page's build did not finish")
		}
		time.Sleep(50 * time.Millisecond)
	}

	caseDir := filepath.Join(ws, name)
	yaml, _ := os.ReadFile(filepath.Join(caseDir, "case.yaml"))
	for _, want := range []string{"title: 微信转错账追回", `id: "4200002345202511031234567890"`, "time: 2025-11-03T14:05:00+08:00", "screens/转账成功.png: {title: 微信转账成功页面截图"} {
		if !bytes.Contains(yaml, []byte(want)) {
			t.Errorf("case.yaml lacks %q:\n%s", want, yaml)
		}
	}
	cli := filepath.Join(t.TempDir(), "cli.bundle")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"casebundle", "build", caseDir, "-o", cli, "--papers", "--time", when}, &stdout, &stderr); code != 0 {
		t.Fatalf("casebundle build: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	page1, cli1 := readTree(t, filepath.Join(ws, name+".bundle")), readTree(t, cli)
	if len(page1) < 10 {
		t.Fatalf("the page's bundle has %d files", len(page1))
	}
	for p, data := range page1 {
		if !bytes.Equal(data, cli1[p]) {
			t.Errorf("%s differs between the page's build and casebundle build", p)
		}
	}
	for p := range cli1 {
		if _, ok := page1[p]; !ok {
			t.Errorf("%s only in casebundle build's bundle", p)
		}
	}
	if _, ok := page1["papers/民事起诉状.pdf"]; !ok {
		t.Errorf("the page's bundle has no papers/民事起诉状.pdf")
	}
	// The build page links every paper, nested ones too, and they download.
	resp, _ = hc.Get(ts.URL + cu + "/build")
	bpage, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	link := "/papers/complaint/" + url.PathEscape("投诉文本.txt")
	if !bytes.Contains(bpage, []byte(link)) {
		t.Errorf("the build page does not link %s", link)
	}
	resp, _ = hc.Get(ts.URL + cu + "/get/" + url.PathEscape(name+".bundle") + link)
	txt, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(txt, page1["papers/complaint/投诉文本.txt"]) {
		t.Errorf("GET %s: %d, %d bytes", link, resp.StatusCode, len(txt))
	}
	for _, p := range paths {
		if _, ok := page1["data/"+p]; !ok {
			t.Errorf("%s is not in the bundle", p)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "0.0.0.0:0", "--no-browser"},
		{"serve", "--addr", "nonsense", "--no-browser"},
		{"serve", "--time", "yesterday", "--no-browser"},
		{"serve", "extra", "--no-browser"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"casebundle"}, args...), &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
}

func TestServeStartsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, serveOptions{dir: t.TempDir(), addr: "127.0.0.1:0", noBrowser: true}, pw, io.Discard)
		pw.Close()
	}()
	var addr string
	buf := make([]byte, 4096)
	var got []byte
	for addr == "" {
		n, err := pr.Read(buf)
		if err != nil {
			t.Fatalf("no address printed: %v (%s)", err, got)
		}
		got = append(got, buf[:n]...)
		if m := regexp.MustCompile(`open: (http://127\.0\.0\.1:\d+/\?t=[0-9a-f]{48})\n`).FindSubmatch(got); m != nil {
			addr = string(m[1])
		}
	}
	go io.Copy(io.Discard, pr)
	jar, _ := cookiejar.New(nil)
	resp, err := (&http.Client{Jar: jar}).Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the printed address: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after Ctrl+C: %v", err)
	}
}
