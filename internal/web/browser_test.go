package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The end-to-end test drives Debian's Chromium, headless, through the whole
// flow on the demo case's files, then tries the attacks from a second
// browser context and a plain client. A PNG of each step goes into
// $CASEBUNDLE_ARTIFACTS (or a temporary folder, named in the log).

func chromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on this machine (apt install chromium); the browser test is skipped, the httptest tests cover the rules")
	return ""
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("CASEBUNDLE_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	dir = filepath.Join(dir, "serve-e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

func TestBrowserFlow(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is not short")
	}
	exe := chromium(t)
	shots := artifacts(t)
	e := newEnv(t, func(o *Options) { o.Pdftoppm = "" })
	downloads := t.TempDir()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	step := 0
	shot := func(name string) {
		t.Helper()
		step++
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("%02d-%s.png", step, name)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			shot("failed-" + strings.ReplaceAll(what, " ", "-"))
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	waitFor := func(what, js string) {
		t.Helper()
		// Evaluated again and again: while a page loads the evaluation
		// fails, which is no answer yet.
		deadline := time.Now().Add(40 * time.Second)
		var last error
		for time.Now().Before(deadline) {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
			if err == nil && ok {
				return
			}
			last = err
			time.Sleep(100 * time.Millisecond)
		}
		shot("failed-" + what)
		t.Fatalf("waiting for %s: %v", what, last)
	}
	// Every control of a page has a label a screen reader and the
	// keyboard user see.
	labelled := func(page string) {
		t.Helper()
		unl, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("input:not([type=hidden]),select,textarea,button")).
			filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !(e.tagName == "BUTTON" && e.textContent.trim())).map(e => e.name || e.id)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(unl) > 0 {
			t.Errorf("%s: controls without a label: %v", page, unl)
		}
		missing, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.body.innerText.match(/\[[a-z_]+\.[a-z_.]+\]/) || [""])[0]`))
		if missing != "" {
			t.Errorf("%s shows a word missing from the tables: %s", page, missing)
		}
	}

	// a. The printed address opens the workspace; the token leaves the bar.
	do("open", chromedp.Navigate(e.s.URL("127.0.0.1")))
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if strings.Contains(loc, "t=") {
		t.Errorf("the token stays in the address bar: %s", loc)
	}
	labelled("workspace")
	shot("workspace")
	// A new case, with the keyboard only: focus the name, type, Enter.
	do("new case", chromedp.Focus(chromedp.CSS("#new-name")), chromedp.SendKeys(chromedp.CSS("#new-name"), "转错账"+kb.Enter))
	waitFor("route page", `location.pathname.endsWith("/route") && document.readyState == "complete"`)

	// b. Route: police report for a wrong transfer (each choice explained).
	labelled("route")
	if !strings.Contains(text("main"), "向法院起诉要求返还") {
		t.Errorf("the route page does not explain the choices")
	}
	do("route", chromedp.Click(chromedp.CSS("#purpose-civil")), chromedp.Click(chromedp.CSS("#complaint_type-wrong_transfer")))
	shot("route")
	do("save route", chromedp.Click(chromedp.CSS(`button[type=submit]:not([name])`)))
	waitFor("files page", `location.pathname.endsWith("/files") && document.readyState == "complete"`)

	// c. Several files at once through the file picker: four screenshots,
	// the bill and the chat export.
	demo, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "democase"))
	var files []string
	for _, f := range []string{"screens/转账成功.png", "screens/收款人信息.png", "screens/聊天记录 1.png", "screens/聊天记录 2.png",
		"exports/微信支付账单(20251101-20251104).xlsx", "exports/与张三的聊天记录.csv"} {
		files = append(files, filepath.Join(demo, filepath.FromSlash(f)))
	}
	labelled("files")
	do("pick files", chromedp.SetUploadFiles(chromedp.CSS("#pick-files"), files))
	waitFor("uploads", `document.querySelectorAll("#uploads li.done").length == 6`)
	waitFor("rows", `document.querySelectorAll("#filelist li.file").length == 6`)
	page := text("main")
	for _, want := range []string{"4200002345202511031234567890", "5000.00", "张三", "账单，", "聊天记录，"} {
		if !strings.Contains(page, want) {
			t.Errorf("the files page does not show %q of what was read", want)
		}
	}
	shot("files-uploaded")
	for _, f := range []string{"转账成功.png", "微信支付账单(20251101-20251104).xlsx"} {
		src, _ := os.ReadFile(filepath.Join(demo, "screens", f))
		if strings.HasSuffix(f, ".xlsx") {
			src, _ = os.ReadFile(filepath.Join(demo, "exports", f))
		}
		got, err := os.ReadFile(filepath.Join(e.ws, "转错账", f))
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("%s is not in the case byte for byte: %v", f, err)
		}
	}

	// d. The facts: prefilled from the bill and the chat, marked until
	// confirmed; the ID checked as typed.
	do("to facts", chromedp.Navigate(e.ts.URL+"/c/"+url.PathEscape("转错账")+"/facts"))
	labelled("facts")
	page = text("main")
	if !strings.Contains(page, "从证据读出") {
		t.Fatalf("no prefilled value is marked")
	}
	offered, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(Array.from(document.querySelectorAll("input.txnid")).find(i => i.value == "4200002345202511031234567890") || {}).id || ""`))
	if err != nil || offered == "" {
		t.Fatalf("the bill's transfer is not offered: %v", err)
	}
	row := strings.TrimSuffix(offered, "-id")
	blank, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(Array.from(document.querySelectorAll("input.txnid")).find(i => i.value == "") || {}).id || ""`))
	// With Tesseract installed the payee page's 微信号 is read too and
	// offered, marked: confirm every offered fact of the payee but the name
	// (clicked below).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelectorAll('input[id^="ok-respondent."]:not(#ok-respondent\\.name)').forEach(c => { if (!c.checked) c.click() }); true`)); err != nil {
		t.Fatal(err)
	}
	do("facts",
		chromedp.SendKeys(chromedp.CSS("#f-title"), "微信转错账追回"),
		chromedp.SendKeys(chromedp.CSS("#f-claimant\\.name"), "李明"),
		chromedp.Click(chromedp.CSS("#ok-respondent\\.name")),
		chromedp.SendKeys(chromedp.CSS("#f-narrative"), "2025年11月3日14时05分，我误把5000元转给了张三，他不肯退还。"),
		chromedp.Click(chromedp.CSS("#"+row+"-inc")),
		chromedp.SendKeys(chromedp.CSS("#"+blank), "42000023452025110312345"))
	waitFor("id check", fmt.Sprintf(`document.getElementById(%q).textContent.includes("✗")`, strings.TrimSuffix(blank, "-id")+"-idcheck"))
	shot("facts-prefilled")
	// Clear the bad ID again; confirm the offered row.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(document.getElementById(%q).value = "", true)`, blank))); err != nil {
		t.Fatal(err)
	}
	do("confirm row", chromedp.Click(chromedp.CSS("#"+row+"-ok")))
	do("save facts", chromedp.Click(chromedp.CSS(`#facts button[name=next]`)))
	waitFor("checklist", `location.pathname.endsWith("/checklist") && document.readyState == "complete"`)
	saved, _ := os.ReadFile(filepath.Join(e.ws, "转错账", "case.yaml"))
	for _, want := range []string{`id: "4200002345202511031234567890"`, "name: 张三", "name: 李明", "title: 微信转错账追回"} {
		if !bytes.Contains(saved, []byte(want)) {
			t.Errorf("case.yaml lacks %q", want)
		}
	}
	if bytes.Contains(saved, []byte(prefillMark)) {
		t.Errorf("confirmed values kept their mark:\n%s", saved)
	}

	// e. The checklist with the deadlines as dates.
	labelled("checklist")
	page = text("main")
	for _, want := range []string{"收款人实名信息", "已有", "民事诉讼时效", "2028-11-03"} {
		if !strings.Contains(page, want) {
			t.Errorf("the checklist lacks %q", want)
		}
	}
	shot("checklist")

	// f. Build, with its progress, then the pages and the downloads.
	do("to build", chromedp.Navigate(e.ts.URL+"/c/"+url.PathEscape("转错账")+"/build"))
	labelled("build")
	do("build", chromedp.Click(chromedp.CSS("#buildbtn")))
	waitFor("build result", `!!document.getElementById("result")`)
	page = text("main")
	if !strings.Contains(page, "核验通过") {
		t.Errorf("the build page does not say the bundle verifies")
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		waitFor("thumbnails", `document.querySelectorAll(".thumbs img").length > 3 && Array.from(document.querySelectorAll(".thumbs img")).every(i => i.complete && i.naturalWidth > 0)`)
	}
	shot("build-result")
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatalf("downloads: %v", err)
	}
	do("download pdf", chromedp.Click(chromedp.CSS(`#dl-dossier\.pdf`)))
	do("download zip", chromedp.Click(chromedp.CSS(`#dl-zip`)))
	pdf := waitFile(t, downloads, ".pdf")
	zipFile := waitFile(t, downloads, ".zip")
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the downloaded dossier %s is no PDF", pdf)
	}
	if rep, err := verifyBundle(zipFile); err != nil || !rep.OK {
		t.Errorf("the downloaded zip does not verify: %v %+v", err, rep)
	}
	// Verify by giving the page the zip.
	do("to verify", chromedp.Navigate(e.ts.URL+"/verify"))
	labelled("verify")
	do("verify", chromedp.SetUploadFiles(chromedp.CSS("#pick-zip"), []string{zipFile}))
	waitFor("verify result", `!!document.querySelector("#verifyresult .vres")`)
	if !strings.Contains(text("#verifyresult"), "核验通过") {
		t.Errorf("the page does not verify the zip: %s", text("#verifyresult"))
	}
	shot("verify")

	// English and large text.
	do("english", chromedp.Navigate(e.ts.URL+"/c/"+url.PathEscape("转错账")+"/facts"), chromedp.Click(chromedp.CSS(`a[lang=en]`)))
	waitFor("english", `document.documentElement.lang == "en" && document.readyState == "complete"`)
	labelled("facts in English")
	shot("facts-english")
	do("large text", chromedp.Navigate(e.ts.URL+"/c/"+url.PathEscape("转错账")+"/checklist"))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.style.fontSize = "200%", true`)); err != nil {
		t.Fatal(err)
	}
	wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth + 2`))
	if !wide {
		t.Errorf("at 200%% text the checklist scrolls sideways")
	}
	shot("checklist-large-text")

	// The attacks from a second client. A fresh browser context has no
	// session: the page is refused.
	ctx2, cancel2 := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel2()
	if err := chromedp.Do(ctx2, chromedp.Navigate(e.ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if s, _ := chromedp.Run(ctx2, chromedp.Text(chromedp.CSS("body"))); !strings.Contains(s, "403") {
		t.Errorf("a browser without the token sees: %q", s)
	}
	png, _ := chromedp.Run(ctx2, chromedp.FullScreenshot(100))
	step++
	os.WriteFile(filepath.Join(shots, fmt.Sprintf("%02d-attack-no-token.png", step)), png, 0o644)

	// Another site (another port of 127.0.0.1: the same site to the
	// browser, so the session cookie goes along) posts a form and a fetch
	// at the page in the first, logged-in context.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>evil</title><body><p id="s">sending</p>
<form id="f" method="post" action="%[1]s/new"><input name="name" value="pwned"></form>
<script>
fetch(%[2]q, {method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({name: "pwned2"})})
  .finally(() => { document.getElementById("s").textContent = "sent"; document.getElementById("f").submit(); });
</script>`, e.ts.URL, e.ts.URL+"/new")
	}))
	defer evil.Close()
	do("evil page", chromedp.Navigate(evil.URL))
	waitFor("evil form answered", `location.href.startsWith(`+fmt.Sprintf("%q", e.ts.URL)+`)`)
	body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if !strings.Contains(body, "403") {
		t.Errorf("the cross-site form got: %q", body)
	}
	shot("attack-cross-site-form")
	for _, n := range []string{"pwned", "pwned2"} {
		if _, err := os.Stat(filepath.Join(e.ws, n)); err == nil {
			t.Errorf("the cross-site request made the case %s", n)
		}
	}

	// A plain second client: a wrong Host, a ../ name, an oversize file.
	c2 := e.login()
	_, port := splitPort(e.ts.URL)
	if resp, _ := c2.withHost("attacker.example:" + port); resp == nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("wrong Host: %v", resp)
	}
	resp := c2.upload("转错账", upFile{"../../escape.txt", []byte("x")})
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("../ name: %d", resp.StatusCode)
	}
	e.s.opt.MaxFileSize = 100
	resp = c2.upload("转错账", upFile{"big.bin", bytes.Repeat([]byte{0}, 101)})
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize: %d", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(e.ws), "escape.txt")); err == nil {
		t.Errorf("a file escaped the case")
	}
}

func splitPort(u string) (string, string) {
	i := strings.LastIndex(u, ":")
	return u[:i], u[i+1:]
}

// waitFile waits for a finished download ending in ext.
func waitFile(t *testing.T, dir, ext string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ext) {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s download in %s", ext, dir)
	return ""
}
