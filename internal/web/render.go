package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// pageNames are the pages; each is assets/NAME.html with the layout.
var pageNames = []string{"workspace", "route", "files", "facts", "checklist", "build", "verify", "message"}

// view is what every page template gets.
type view struct {
	Lang     string
	CSRF     string
	Path     string // the page's path, for the language switch
	Case     string // the case's name, "" outside a case
	CaseURL  string
	Step     string // route, files, facts, checklist, build
	Title    string
	Refresh  bool // a build runs: reload without script
	Data     any
	Flash    string
	FlashBad bool
}

// T is the word for key in the page's language.
func (v *view) T(key string) string { return word(v.Lang, key) }

// Colon is the colon after a label: full-width in Chinese.
func (v *view) Colon() string {
	if v.Lang == "en" {
		return ": "
	}
	return "："
}

// Tf is the word for key with fmt arguments.
func (v *view) Tf(key string, args ...any) string { return fmt.Sprintf(word(v.Lang, key), args...) }

// Pick returns zh or en by the page's language (for texts that come in
// both, such as findings).
func (v *view) Pick(zh, en string) string {
	if v.Lang == "en" {
		return en
	}
	return zh
}

// With is the view with other data, for a part of the page.
func (v *view) With(d any) *view {
	c := *v
	c.Data = d
	return &c
}

// JSWords are the words the script uses.
func (v *view) JSWords() map[string]string {
	out := map[string]string{}
	for k := range zhWords {
		if strings.HasPrefix(k, "js.") {
			out[k] = word(v.Lang, k)
		}
	}
	return out
}

// LangURL switches the language and comes back to this page.
func (v *view) LangURL(to string) string {
	return "/lang?to=" + to + "&back=" + url.QueryEscape(v.Path)
}

// Steps are the steps of a case, for the navigation.
func (v *view) Steps() []step {
	var out []step
	for i, s := range []string{"route", "files", "facts", "checklist", "build"} {
		out = append(out, step{N: i + 1, Key: s, URL: v.CaseURL + "/" + s, Label: v.T("step." + s), Current: v.Step == s})
	}
	return out
}

type step struct {
	N        int
	Key, URL string
	Label    string
	Current  bool
}

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(beijing).Format("2006-01-02 15:04")
	},
	"date": func(t time.Time) string { return t.In(beijing).Format("2006-01-02") },
	"size": humanSize,
	"add":  func(a, b int) int { return a + b },
	"join": strings.Join,
	"ints": func(ns []int) string {
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = fmt.Sprint(n)
		}
		return strings.Join(s, ", ")
	},
	"pathEscape": url.PathEscape,
	// pathSegs escapes each segment of a slash path (papers/complaint/…).
	"pathSegs": func(p string) string {
		segs := strings.Split(p, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		return strings.Join(segs, "/")
	},
	"args": func(a ...any) []any { return a },
}

// beijing is UTC+8, the zone the page shows times in (as the dossier).
var beijing = time.FixedZone("UTC+8", 8*3600)

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func (s *Server) parsePages() error {
	s.pages = map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "assets/layout.html", "assets/parts.html", "assets/"+name+".html")
		if err != nil {
			return fmt.Errorf("page %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return nil
}

// newView starts the view of a page.
func newView(r *http.Request, ss *session, title string) *view {
	return &view{Lang: lang(r), CSRF: ss.csrf, Path: r.URL.RequestURI(), Title: title}
}

func (s *Server) render(w http.ResponseWriter, status int, page string, v *view) {
	var b bytes.Buffer
	if err := s.pages[page].Execute(&b, v); err != nil {
		http.Error(w, "render "+page+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// renderPart renders one named template of a page (a table row) to a
// string, for the script to insert.
func (s *Server) renderPart(page, name string, v *view) (string, error) {
	var b bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&b, name, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// message shows a page with one message (an error the user can act on).
func (s *Server) message(w http.ResponseWriter, r *http.Request, ss *session, status int, title, text, hint string) {
	v := newView(r, ss, title)
	v.Data = map[string]string{"Text": text, "Hint": hint}
	s.render(w, status, "message", v)
}
