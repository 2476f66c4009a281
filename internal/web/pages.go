package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"
)

func (s *Server) workspacePage(w http.ResponseWriter, r *http.Request, ss *session) {
	v := newView(r, ss, word(lang(r), "ws.title"))
	v.Data = map[string]any{"Dir": s.ws, "Cases": s.listCases(), "LAN": len(s.opt.Hosts) > 0, "LANURL": s.lanURL()}
	s.render(w, http.StatusOK, "workspace", v)
}

func (s *Server) newCase(w http.ResponseWriter, r *http.Request, ss *session) {
	if err := parseSmallForm(w, r); err != nil {
		return
	}
	name, err := cleanCaseName(r.PostForm.Get("name"))
	if err != nil {
		s.nameRefused(w, r, err)
		return
	}
	if strings.Contains(name, ".bundle") {
		s.nameRefused(w, r, badName(name, "案件名不能含 .bundle", "a case name may not contain .bundle"))
		return
	}
	if _, err := s.wsRoot.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
		l := lang(r)
		s.message(w, r, ss, http.StatusConflict, word(l, "err.exists.title"), fmt.Sprintf(word(l, "err.exists"), name), "")
		return
	}
	if err := initCase(filepath.Join(s.ws, name), "civil", "wechat", lang(r)); err != nil {
		msg, hint := caseErrorText(err)
		s.message(w, r, ss, http.StatusBadRequest, word(lang(r), "err.title"), msg, hint)
		return
	}
	http.Redirect(w, r, caseURL(name)+"/route", http.StatusSeeOther)
}

// parseSmallForm reads an urlencoded form of at most maxForm bytes.
func parseSmallForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		status := http.StatusBadRequest
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			status = http.StatusRequestEntityTooLarge
		}
		http.Error(w, err.Error(), status)
		return err
	}
	return nil
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	http.Redirect(w, r, caseURL(c.Name)+"/route", http.StatusSeeOther)
}

// caseView starts the view of a step of a case.
func (s *Server) caseView(r *http.Request, ss *session, c *caseRef, step string) *view {
	v := newView(r, ss, word(lang(r), "step."+step)+" · "+c.Name)
	v.Case, v.CaseURL, v.Step = c.Name, caseURL(c.Name), step
	return v
}

// choice is one radio button with its one-sentence explanation.
type choice struct {
	Name, Value, Label, Help string
	Checked                  bool
}

func choices(l, name string, values []string, current string) []choice {
	var out []choice
	for _, val := range values {
		out = append(out, choice{Name: name, Value: val, Label: word(l, name+"."+val), Help: word(l, name+"."+val+".help"), Checked: val == current})
	}
	return out
}

func (s *Server) routePage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	doc, _, err := readCaseDoc(c.root)
	if err != nil {
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(lang(r), "err.title"), err.Error(), word(lang(r), "err.caseyaml.hint"))
		return
	}
	l := lang(r)
	get := func(k, def string) string {
		if v := doc.get(k).Value; v != "" {
			return v
		}
		return def
	}
	v := s.caseView(r, ss, c, "route")
	v.Data = map[string]any{
		"Purpose":  choices(l, "purpose", purposes, get("purpose", "civil")),
		"Platform": choices(l, "platform", platforms, get("platform", "wechat")),
		"Type":     choices(l, "complaint_type", complaintTypes, get("complaint_type", "wrong_transfer")),
		"Lang":     choices(l, "lang", langs, get("lang", "zh")),
	}
	if r.URL.Query().Get("saved") != "" {
		v.Flash = v.T("saved")
	}
	s.render(w, http.StatusOK, "route", v)
}

func (s *Server) saveRoute(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	if err := parseSmallForm(w, r); err != nil {
		return
	}
	doc, _, err := readCaseDoc(c.root)
	if err != nil {
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(lang(r), "err.title"), err.Error(), word(lang(r), "err.caseyaml.hint"))
		return
	}
	for _, f := range []struct {
		key    string
		values []string
	}{{"purpose", purposes}, {"platform", platforms}, {"complaint_type", complaintTypes}, {"lang", langs}} {
		val := r.PostForm.Get(f.key)
		if val == "" {
			continue
		}
		if !containsStr(f.values, val) {
			http.Error(w, fmt.Sprintf("%s %q is not one of %s", f.key, val, strings.Join(f.values, ", ")), http.StatusBadRequest)
			return
		}
		doc.set(val, "", true, f.key)
	}
	if !s.saveDoc(w, r, ss, c, doc) {
		return
	}
	next := caseURL(c.Name) + "/files"
	if r.PostForm.Get("stay") != "" {
		next = caseURL(c.Name) + "/route?saved=1"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// saveDoc checks the edited case.yaml as every command reads it and
// writes it; on a problem it shows the message and writes nothing.
func (s *Server) saveDoc(w http.ResponseWriter, r *http.Request, ss *session, c *caseRef, doc *caseDoc) bool {
	data, err := doc.bytes()
	if err == nil {
		err = validateCase(data)
	}
	if err == nil {
		err = writeCaseYAML(c.root, data)
	}
	if err != nil {
		msg, hint := caseErrorText(err)
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(lang(r), "err.notsaved"), msg, hint)
		return false
	}
	s.forget(c.Name)
	return true
}

// cachedAnalysis is the last check of a case and the state of its files
// it was made from.
type cachedAnalysis struct {
	sig string
	a   *analysis
}

// folderSig is a digest of the names, sizes and times of every file of a
// case: a check is redone when it changes.
func folderSig(c *caseRef) string {
	h := sha256.New()
	_ = fs.WalkDir(c.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00%v\n", p, info.Size(), info.ModTime().UnixNano(), info.Mode())
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// analysis checks a case (bundle.Check), from the cache when nothing
// changed.
func (s *Server) analysis(ctx context.Context, c *caseRef) (*analysis, error) {
	sig := folderSig(c)
	s.mu.Lock()
	ca, ok := s.cache[c.Name]
	s.mu.Unlock()
	if ok && ca.sig == sig {
		return ca.a, nil
	}
	a, err := checkCase(ctx, c.Dir, s.opt.Now())
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cache[c.Name] = cachedAnalysis{sig: sig, a: a}
	s.mu.Unlock()
	return a, nil
}

func (s *Server) forget(name string) {
	s.mu.Lock()
	delete(s.cache, name)
	s.mu.Unlock()
}

func (s *Server) checklistPage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	a, err := s.analysis(r.Context(), c)
	if err != nil {
		msg, hint := caseErrorText(err)
		s.message(w, r, ss, http.StatusUnprocessableEntity, word(lang(r), "err.title"), msg, hint)
		return
	}
	l := lang(r)
	dls, note := a.deadlines(l)
	v := s.caseView(r, ss, c, "checklist")
	v.Data = map[string]any{"A": a, "Deadlines": dls, "DeadlineNote": note, "Now": s.opt.Now(),
		"Purpose": word(l, "purpose."+a.Purpose), "Type": word(l, "complaint_type."+a.ComplaintType)}
	s.render(w, http.StatusOK, "checklist", v)
}

// txnAPI checks the form of a transaction ID as it is typed.
func (s *Server) txnAPI(w http.ResponseWriter, r *http.Request, _ *session) {
	id := r.URL.Query().Get("id")
	if len(id) > 200 {
		http.Error(w, "id too long", http.StatusBadRequest)
		return
	}
	writeJSON(w, http.StatusOK, checkTxnID(id))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// wantsJSON: the script asks for JSON, a plain form for a page.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func (s *Server) filesPage(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	v := s.caseView(r, ss, c, "files")
	data := map[string]any{}
	if a, err := s.analysis(r.Context(), c); err != nil {
		msg, hint := caseErrorText(err)
		if hint != "" {
			msg += " (" + hint + ")"
		}
		data["Error"] = msg
	} else {
		data["Items"], data["Findings"] = a.Items, a.Findings
	}
	v.Data = data
	s.render(w, http.StatusOK, "files", v)
}

func (s *Server) lanURL() string {
	if len(s.opt.Hosts) == 0 {
		return ""
	}
	return s.URL(s.opt.Hosts[0])
}
