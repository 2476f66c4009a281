package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The rules every request passes before a handler sees it:
//
//  1. Host must name this server: the address it listens on, localhost or
//     127.0.0.1 / [::1] with its port (and, with --lan, the LAN address).
//     A page on another site that rebinds its DNS name to 127.0.0.1 sends
//     its own name as Host and is refused (421).
//  2. The request carries the run's token: in the URL the first time
//     (?t=…), which sets an HttpOnly, SameSite=Strict session cookie and
//     redirects to the same URL without the token, or that cookie. Without
//     either: 403.
//  3. A request that changes something (any method but GET and HEAD)
//     must come from this server's own pages: Sec-Fetch-Site, when sent,
//     is same-origin; Origin (or, when a browser sends none, Referer) is
//     this server; and the session's CSRF token comes along in the
//     X-CSRF-Token header, the csrf query parameter or the csrf form field.
//     Otherwise: 403.

const (
	sessionCookie = "cb_session"
	langCookie    = "cb_lang"
	maxSessions   = 64
	tokenBytes    = 24
)

func randomToken() string {
	var b [tokenBytes]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand: " + err.Error()) // never on a working system
	}
	return hex.EncodeToString(b[:])
}

type session struct {
	csrf    string
	created time.Time
}

type sessions struct {
	mu   sync.Mutex
	byID map[string]*session
	ids  []string // oldest first
}

func (s *sessions) new() (string, *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.byID = map[string]*session{}
	}
	if len(s.ids) >= maxSessions {
		delete(s.byID, s.ids[0])
		s.ids = s.ids[1:]
	}
	id := randomToken()
	ss := &session{csrf: randomToken(), created: time.Now()}
	s.byID[id] = ss
	s.ids = append(s.ids, id)
	return id, ss
}

func (s *sessions) get(id string) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID[id]
}

func sameSecret(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// allowedHost reports whether the Host header names this server.
func (s *Server) allowedHost(host string) bool {
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		return false
	}
	if port != s.port {
		return false
	}
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	switch h {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	for _, a := range s.hosts {
		if h == a {
			return true
		}
	}
	return false
}

// guard applies the rules above, then calls next with the session.
func (s *Server) guard(next func(w http.ResponseWriter, r *http.Request, ss *session)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		securityHeaders(w)
		if !s.allowedHost(r.Host) {
			http.Error(w, "421 misdirected request: this server answers only to its own address (127.0.0.1, localhost) / 只接受本机地址的请求", http.StatusMisdirectedRequest)
			return
		}
		var ss *session
		if c, err := r.Cookie(sessionCookie); err == nil {
			ss = s.sessions.get(c.Value)
		}
		if t := r.URL.Query().Get("t"); t != "" {
			if !sameSecret(t, s.token) {
				s.forbidden(w, r)
				return
			}
			if ss == nil {
				var id string
				id, ss = s.sessions.new()
				http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			}
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				// The token leaves the address bar (and the history) at once.
				u := *r.URL
				q := u.Query()
				q.Del("t")
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
		}
		if ss == nil {
			s.forbidden(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if !s.sameOrigin(r) || !s.csrfOK(r, ss) {
				http.Error(w, "403 forbidden: a change must come from this page itself (origin or CSRF token missing) / 请求来源不符，已拒绝", http.StatusForbidden)
				return
			}
		}
		next(w, r, ss)
	})
}

func (s *Server) forbidden(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write([]byte("403 forbidden: open the address that casebundle serve printed (it carries the key, ?t=…).\n" +
		"403 禁止访问：请打开 casebundle serve 打印的完整地址（含 ?t= 密钥）。\n"))
}

// sameOrigin checks where a state-changing request comes from.
func (s *Server) sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	own := "http://" + r.Host
	if o := r.Header.Get("Origin"); o != "" {
		return o == own
	}
	ref := r.Header.Get("Referer")
	if ref == "" {
		return false
	}
	u, err := url.Parse(ref)
	return err == nil && u.Scheme == "http" && u.Host == r.Host
}

func (s *Server) csrfOK(r *http.Request, ss *session) bool {
	if v := r.Header.Get("X-CSRF-Token"); v != "" {
		return sameSecret(v, ss.csrf)
	}
	if v := r.URL.Query().Get("csrf"); v != "" {
		return sameSecret(v, ss.csrf)
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		r.Body = http.MaxBytesReader(nil, r.Body, maxForm)
		if err := r.ParseForm(); err != nil {
			return false
		}
		return sameSecret(r.PostForm.Get("csrf"), ss.csrf)
	}
	return false
}

// maxForm bounds a form's body (the facts of a case are far smaller).
const maxForm = 2 << 20

func securityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "+
		"connect-src 'self'; object-src 'none'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
}
