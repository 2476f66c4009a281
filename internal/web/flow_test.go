package web

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// demoFiles reads files of the repository's demo case.
func demoFiles(t *testing.T, names ...string) []upFile {
	t.Helper()
	var out []upFile
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "democase", filepath.FromSlash(n)))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, upFile{n, b})
	}
	return out
}

var missingWordRE = regexp.MustCompile(`\[[a-z_]+\.[a-z_.]+\]`)

var inputRE = regexp.MustCompile(`<input[^>]*>`)

// formOf collects the fields of the form on a page as a browser would send
// it (text inputs, hidden fields, checked boxes, selected options,
// textareas).
func formOf(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	attr := func(tag, name string) (string, bool) {
		m := regexp.MustCompile(`\s` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			return "", false
		}
		return htmlUnescape(m[1]), true
	}
	for _, tag := range inputRE.FindAllString(page, -1) {
		name, ok := attr(tag, "name")
		if !ok {
			continue
		}
		val, _ := attr(tag, "value")
		typ, _ := attr(tag, "type")
		if (typ == "checkbox" || typ == "radio") && !strings.Contains(tag, " checked") {
			continue
		}
		if typ == "file" {
			continue
		}
		if typ == "checkbox" && val == "" {
			val = "on"
		}
		v.Add(name, val)
	}
	for _, m := range regexp.MustCompile(`(?s)<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(page, -1) {
		if o := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(m[2]); o != nil {
			v.Set(m[1], o[1])
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(page, -1) {
		v.Set(m[1], htmlUnescape(m[2]))
	}
	return v
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }

func (c *client) page(path string) string {
	c.e.t.Helper()
	resp := c.do("GET", path, nil, nil)
	body := readBody(c.e.t, resp)
	if resp.StatusCode != 200 {
		c.e.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	if m := missingWordRE.FindString(body); m != "" {
		c.e.t.Errorf("GET %s shows a word missing from the tables: %s", path, m)
	}
	return body
}

func TestFactsPrefilledFromBillAndChat(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("转错账")
	resp := c.upload("转错账", demoFiles(t, "exports/微信支付账单(20251101-20251104).xlsx", "exports/与张三的聊天记录.csv", "screens/转账成功.png")...)
	body := readBody(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, body)
	}
	var up struct {
		Files []uploadedFile `json:"files"`
	}
	if err := json.Unmarshal([]byte(body), &up); err != nil || len(up.Files) != 3 {
		t.Fatalf("upload answer %s: %v", body, err)
	}
	// What was read is in the rows the script inserts.
	if !strings.Contains(up.Files[0].HTML, "4200002345202511031234567890") || !strings.Contains(up.Files[0].HTML, "5000.00") {
		t.Errorf("the bill's row does not show its transaction:\n%s", up.Files[0].HTML)
	}
	if !strings.Contains(up.Files[1].HTML, "张三") || !strings.Contains(up.Files[1].HTML, "手机本地时间") {
		t.Errorf("the chat's row does not show its transfer and the phone's local time:\n%s", up.Files[1].HTML)
	}
	caseDir := filepath.Join(e.ws, "转错账")
	before, _ := os.ReadFile(filepath.Join(caseDir, "case.yaml"))

	page := c.page("/c/" + url.PathEscape("转错账") + "/facts")
	for _, want := range []string{"从证据读出", "4200002345202511031234567890", `value="张三"`, "账单中的交易"} {
		if !strings.Contains(page, want) {
			t.Errorf("facts page lacks %q", want)
		}
	}
	form := formOf(t, page)
	// Take the offered row (the wrong transfer to 张三) without confirming
	// it, and confirm the respondent's name.
	idx := ""
	for k, v := range form {
		if strings.HasSuffix(k, ".id") && v[0] == "4200002345202511031234567890" {
			idx = strings.TrimSuffix(k, "id")
		}
	}
	if idx == "" {
		t.Fatalf("the bill's transaction is not offered: %v", form)
	}
	form.Set(idx+"include", "1")
	form.Set("ok.respondent.name", "1")
	form.Set("title", "微信转错账追回")
	form.Set("narrative", "2025年11月3日我误把5000元转给了张三。\n他不肯退还。")
	before2 := tree(t, caseDir)
	resp = c.postForm("/c/"+url.PathEscape("转错账")+"/facts", form)
	body = readBody(t, resp)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", resp.StatusCode, body)
	}
	after := tree(t, caseDir)
	for k, v := range after {
		if k != "case.yaml" && before2[k] != v {
			t.Errorf("saving the facts wrote %s", k)
		}
	}
	if len(after) != len(before2) {
		t.Errorf("saving the facts added files: %s", names(after))
	}
	saved, _ := os.ReadFile(filepath.Join(caseDir, "case.yaml"))
	// Every comment of the template is still there.
	for _, line := range strings.Split(string(before), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			if com := strings.TrimSpace(line[i:]); !strings.Contains(string(saved), com) {
				t.Errorf("comment lost: %s", com)
			}
		}
	}
	s := string(saved)
	for _, want := range []string{`id: "4200002345202511031234567890" # ` + prefillMark, "time: 2025-11-03T14:05", "amount: 5000.00",
		"direction: out", "counterparty: 张三", "disputed: true", "name: 张三", "title: 微信转错账追回", "narrative: |"} {
		if !strings.Contains(s, want) {
			t.Errorf("case.yaml lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "name: 张三 # "+prefillMark) {
		t.Errorf("the confirmed name kept its prefill mark")
	}
	if err := validateCase(saved); err != nil {
		t.Fatalf("the saved case.yaml does not read: %v", err)
	}
	// Shown again, the row is in the case and still marked until confirmed.
	page = c.page("/c/" + url.PathEscape("转错账") + "/facts")
	if !strings.Contains(page, "保留在案件中") || !strings.Contains(page, `class="prefilled"`) {
		t.Errorf("the saved unconfirmed row is not marked prefilled")
	}
	form = formOf(t, page)
	for k, v := range form {
		if strings.HasSuffix(k, ".id") && v[0] == "4200002345202511031234567890" {
			form.Set(strings.TrimSuffix(k, "id")+"ok", "1")
		}
	}
	resp = c.postForm("/c/"+url.PathEscape("转错账")+"/facts", form)
	resp.Body.Close()
	saved, _ = os.ReadFile(filepath.Join(caseDir, "case.yaml"))
	if strings.Contains(string(saved), prefillMark) {
		t.Errorf("confirmed, the mark stays:\n%s", saved)
	}
	// The checklist shows the route's materials and the deadlines as dates.
	page = c.page("/c/" + url.PathEscape("转错账") + "/checklist")
	for _, want := range []string{"收款人实名信息", "转账截图", "民事诉讼时效", "2028-11-03"} {
		if !strings.Contains(page, want) {
			t.Errorf("checklist lacks %q", want)
		}
	}
}

func TestBadFactsAreNotSaved(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	cy := filepath.Join(e.ws, "a", "case.yaml")
	before, _ := os.ReadFile(cy)
	form := formOf(t, c.page("/c/a/facts"))
	n := form.Get("txn.count")
	last := "txn." + strings.TrimSpace(n) + "."
	_ = last
	form.Set("txn.0.id", "4200002345202511031234567890")
	form.Set("txn.0.amount", "五千")
	resp := c.postForm("/c/a/facts", form)
	body := readBody(t, resp)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "五千") || !strings.Contains(body, "amount") {
		t.Errorf("a bad amount: %d, want 422 naming it:\n%s", resp.StatusCode, body)
	}
	if after, _ := os.ReadFile(cy); string(after) != string(before) {
		t.Errorf("case.yaml was written although invalid")
	}
	// The form comes back with what was typed.
	if !strings.Contains(body, `value="4200002345202511031234567890"`) {
		t.Errorf("the typed ID is lost")
	}
}

func TestRouteSavesAndChecksValues(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	resp := c.postForm("/c/a/route", url.Values{"purpose": {"police"}, "platform": {"alipay"}, "complaint_type": {"fraud"}, "lang": {"en"}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("route: %d", resp.StatusCode)
	}
	b, _ := os.ReadFile(filepath.Join(e.ws, "a", "case.yaml"))
	for _, want := range []string{"purpose: police # ", "platform: alipay # ", "complaint_type: fraud # ", "lang: en # "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("case.yaml lacks %q (with its comment)", want)
		}
	}
	resp = c.postForm("/c/a/route", url.Values{"purpose": {"court; rm -rf"}})
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a value not allowed: %d", resp.StatusCode)
	}
	if !strings.Contains(c.page("/c/a/checklist"), "诈骗") {
		t.Errorf("the checklist does not follow the route")
	}
}

func TestTxnAPI(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	for id, form := range map[string]string{"4200002345202511031234567890": "valid", "420000234520251103123456789": "invalid", "ABC-123": "unknown"} {
		resp := c.do("GET", "/api/txn?id="+url.QueryEscape(id), nil, nil)
		var tc txnCheck
		json.NewDecoder(resp.Body).Decode(&tc)
		resp.Body.Close()
		if tc.Form != form {
			t.Errorf("%s: form %q, want %q", id, tc.Form, form)
		}
	}
}

func TestBuildDownloadAndVerify(t *testing.T) {
	e := newEnv(t, nil)
	c := e.login()
	c.newCase("a")
	resp := c.upload("a", demoFiles(t, "screens/转账成功.png", "notes/情况说明.txt")...)
	resp.Body.Close()
	resp = c.do("POST", "/c/a/build", nil, map[string]string{"Accept": "application/json"})
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("build: %d", resp.StatusCode)
	}
	waitBuild(t, c, "a")
	page := c.page("/c/a/build")
	for _, want := range []string{"a.bundle", "/c/a/get/a.bundle/dossier.pdf", "/c/a/get/a.bundle/zip", "核验通过", "/c/a/get/a.bundle/papers/" + url.PathEscape("电子数据清单.pdf")} {
		if !strings.Contains(page, want) {
			t.Errorf("build page lacks %q", want)
		}
	}
	resp = c.do("GET", "/c/a/get/a.bundle/dossier.pdf", nil, nil)
	pdf := readBody(t, resp)
	if !strings.HasPrefix(pdf, "%PDF") || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("dossier download: %q… %s", pdf[:min(len(pdf), 8)], resp.Header.Get("Content-Disposition"))
	}
	resp = c.do("GET", "/c/a/get/a.bundle/zip", nil, nil)
	zipData := readBody(t, resp)
	if !strings.HasPrefix(zipData, "PK") {
		t.Fatalf("zip download: %d", resp.StatusCode)
	}
	for _, bad := range []string{"/c/a/get/a.bundle/bagit.txt", "/c/a/get/a.bundle/data/case.yaml", "/c/a/get/other.bundle/dossier.pdf",
		"/c/a/get/a.bundle/..%2F..%2Fetc%2Fpasswd", "/c/a/get/a.bundle/dossier.pdf%2F..%2F..%2Fa%2Fcase.yaml"} {
		resp := c.do("GET", bad, nil, nil)
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Errorf("GET %s is served", bad)
		}
	}
	// Drop the zip to verify it, then a changed copy.
	verify := func(data string) string {
		body, ct := multipartZip(t, data)
		resp := c.do("POST", "/verify", body, map[string]string{"Content-Type": ct, "Accept": "application/json"})
		return readBody(t, resp)
	}
	if got := verify(zipData); !strings.Contains(got, `"ok":true`) {
		t.Errorf("verify the downloaded zip: %s", got)
	}
	i := strings.Index(zipData, "PNG")
	bad := zipData[:i] + "XNG" + zipData[i+3:]
	if got := verify(bad); !strings.Contains(got, `"ok":false`) {
		t.Errorf("verify a changed zip: %s", got)
	}
	if ents, _ := os.ReadDir(e.s.tmp); len(ents) > 0 {
		for _, en := range ents {
			if strings.HasPrefix(en.Name(), "verify-") {
				t.Errorf("verify left %s", en.Name())
			}
		}
	}
}

func multipartZip(t *testing.T, data string) (*strings.Reader, string) {
	t.Helper()
	b := "--ZZ\r\nContent-Disposition: form-data; name=\"zip\"; filename=\"a.bundle.zip\"\r\nContent-Type: application/zip\r\n\r\n" + data + "\r\n--ZZ--\r\n"
	return strings.NewReader(b), "multipart/form-data; boundary=ZZ"
}
