package web

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// An upload is a multipart form: for each file, optionally a "path" field
// (its path inside a dropped folder) and an "mtime" field (its modification
// time in milliseconds, which the copy keeps, as casebundle add does),
// then the "file" part. Each part streams to a hidden temporary file in
// its folder of the case; when every part has arrived whole, each is moved
// to its name without replacing anything. A refused request leaves no file
// behind.

// uploadError is a refused upload: the status and the message.
type uploadError struct {
	status int
	zh, en string
	name   string
}

func (e *uploadError) msg(l string) string {
	m := e.zh
	if l == "en" {
		m = e.en
	}
	if e.name != "" {
		return e.name + ": " + m
	}
	return m
}

type pending struct {
	tmp, rel string
}

// uploadedFile is one file added, as the script shows it.
type uploadedFile struct {
	Path string `json:"path"`
	HTML string `json:"html"`
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, ss *session) {
	c, ok := s.openCase(w, r)
	if !ok {
		return
	}
	defer c.close()
	l := lang(r)
	fail := func(e *uploadError) {
		if wantsJSON(r) {
			writeJSON(w, e.status, map[string]string{"error": e.msg(l)})
			return
		}
		s.message(w, r, ss, e.status, word(l, "err.upload"), e.msg(l), "")
	}
	if r.ContentLength > s.opt.MaxUploadBytes {
		fail(&uploadError{status: http.StatusRequestEntityTooLarge, zh: fmt.Sprintf("一次上传不能超过 %s", humanSize(s.opt.MaxUploadBytes)),
			en: fmt.Sprintf("one upload may not exceed %s", humanSize(s.opt.MaxUploadBytes))})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxUploadBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		fail(&uploadError{status: http.StatusBadRequest, zh: "不是文件上传（multipart/form-data）", en: "not a file upload (multipart/form-data)"})
		return
	}
	done, uerr := s.receive(c, mr)
	if uerr != nil {
		for _, p := range done {
			_ = c.root.Remove(p.tmp)
		}
		fail(uerr)
		return
	}
	var out []uploadedFile
	for i, p := range done {
		if err := placeNew(c.root, p.tmp, p.rel); err != nil {
			for _, q := range done[i:] {
				_ = c.root.Remove(q.tmp)
			}
			if errors.Is(err, fs.ErrExist) {
				fail(&uploadError{status: http.StatusConflict, name: p.rel, zh: "案件中已有同名文件，未替换；请改名后再添加",
					en: "a file of this name is already in the case and was not replaced; rename it first"})
			} else {
				fail(&uploadError{status: http.StatusInternalServerError, name: p.rel, zh: err.Error(), en: err.Error()})
			}
			return
		}
		out = append(out, uploadedFile{Path: p.rel})
	}
	s.forget(c.Name)
	if !wantsJSON(r) {
		http.Redirect(w, r, caseURL(c.Name)+"/files", http.StatusSeeOther)
		return
	}
	for i := range out {
		v := s.caseView(r, ss, c, "files")
		item := itemView{Path: out[i].Path}
		if f, err := c.root.Open(out[i].Path); err == nil {
			if iv, err := readFile(f, out[i].Path); err == nil {
				item = iv
			}
			f.Close()
		}
		v.Data = item
		out[i].HTML, _ = s.renderPart("files", "filerow", v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"files": out})
}

// receive streams every part to its temporary file. On an error the
// temporary files written so far are returned for removal.
func (s *Server) receive(c *caseRef, mr *multipart.Reader) ([]pending, *uploadError) {
	var done []pending
	existing, _, _ := countFiles(c.root)
	var relPath string
	var mtime time.Time
	seen := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return done, tooLargeOr(err, &uploadError{status: http.StatusBadRequest, zh: "上传的数据不完整", en: "the upload is incomplete"})
		}
		switch part.FormName() {
		case "path", "mtime":
			b, err := io.ReadAll(io.LimitReader(part, maxNameBytes+1))
			if err != nil || len(b) > maxNameBytes {
				return done, &uploadError{status: http.StatusBadRequest, zh: "文件名过长", en: "the name is too long"}
			}
			if part.FormName() == "path" {
				relPath = string(b)
			} else if ms, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && ms > 0 {
				mtime = time.UnixMilli(ms)
			}
			continue
		case "file":
		default:
			continue
		}
		name := relPath
		if name == "" {
			name = rawFileName(part)
		}
		relPath = ""
		if len(done)+1 > s.opt.MaxFiles {
			return done, &uploadError{status: http.StatusRequestEntityTooLarge, zh: fmt.Sprintf("一次最多上传 %d 个文件", s.opt.MaxFiles),
				en: fmt.Sprintf("at most %d files in one upload", s.opt.MaxFiles)}
		}
		if existing+len(done)+1 > s.opt.MaxCaseFiles {
			return done, &uploadError{status: http.StatusRequestEntityTooLarge, zh: fmt.Sprintf("一个案件最多 %d 个文件", s.opt.MaxCaseFiles),
				en: fmt.Sprintf("a case holds at most %d files", s.opt.MaxCaseFiles)}
		}
		if seen[name] {
			return done, &uploadError{status: http.StatusConflict, name: name, zh: "同一次上传中有两个同名文件", en: "two files of this name in one upload"}
		}
		seen[name] = true
		p, uerr := s.receiveFile(c, part, name, mtime)
		mtime = time.Time{}
		if p.tmp != "" {
			done = append(done, p)
		}
		if uerr != nil {
			return done, uerr
		}
	}
	if len(done) == 0 {
		return nil, &uploadError{status: http.StatusBadRequest, zh: "没有收到文件", en: "no file was sent"}
	}
	return done, nil
}

// rawFileName is the filename parameter as sent, with its folders
// (multipart.Part.FileName keeps only the last element, which would hide
// a "../" instead of refusing it).
func rawFileName(p *multipart.Part) string {
	_, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	if err != nil {
		return ""
	}
	return params["filename"]
}

func tooLargeOr(err error, other *uploadError) *uploadError {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return &uploadError{status: http.StatusRequestEntityTooLarge, zh: "上传的数据过大", en: "the upload is too large"}
	}
	return other
}

// receiveFile streams one file part into a temporary file beside its name.
func (s *Server) receiveFile(c *caseRef, part io.Reader, name string, mtime time.Time) (pending, *uploadError) {
	rel, err := cleanRel(name)
	if err != nil {
		var ne *nameError
		errors.As(err, &ne)
		return pending{}, &uploadError{status: http.StatusBadRequest, name: name, zh: ne.Zh, en: ne.En}
	}
	if err := checkNoLinks(c.root, rel, true); err != nil {
		return pending{}, &uploadError{status: http.StatusBadRequest, name: rel, zh: "路径上有符号链接或非文件夹，不会跟随", en: "the path runs through a symbolic link or a non-folder, which is never followed"}
	}
	if _, err := c.root.Lstat(rel); err == nil {
		return pending{}, &uploadError{status: http.StatusConflict, name: rel, zh: "案件中已有同名文件，未替换；请改名后再添加",
			en: "a file of this name is already in the case and was not replaced; rename it first"}
	}
	if dir := path.Dir(rel); dir != "." {
		if err := c.root.MkdirAll(dir, 0o755); err != nil {
			return pending{}, &uploadError{status: http.StatusBadRequest, name: rel, zh: "无法创建文件夹：" + err.Error(), en: "cannot create the folder: " + err.Error()}
		}
		if err := checkNoLinks(c.root, rel, true); err != nil {
			return pending{}, &uploadError{status: http.StatusBadRequest, name: rel, zh: "路径上有符号链接，不会跟随", en: "the path runs through a symbolic link, which is never followed"}
		}
	}
	tmp := tempName(rel, "upload")
	f, err := c.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return pending{}, &uploadError{status: http.StatusInternalServerError, name: rel, zh: err.Error(), en: err.Error()}
	}
	p := pending{tmp: tmp, rel: rel}
	n, err := io.Copy(f, io.LimitReader(part, s.opt.MaxFileSize+1))
	if err == nil && n > s.opt.MaxFileSize {
		f.Close()
		return p, &uploadError{status: http.StatusRequestEntityTooLarge, name: rel, zh: fmt.Sprintf("文件超过 %s 的上限", humanSize(s.opt.MaxFileSize)),
			en: fmt.Sprintf("the file is larger than the limit of %s", humanSize(s.opt.MaxFileSize))}
	}
	if err != nil {
		f.Close()
		return p, tooLargeOr(err, &uploadError{status: http.StatusBadRequest, name: rel, zh: "上传中断：" + err.Error(), en: "the upload broke off: " + err.Error()})
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return p, &uploadError{status: http.StatusInternalServerError, name: rel, zh: err.Error(), en: err.Error()}
	}
	if err := f.Close(); err != nil {
		return p, &uploadError{status: http.StatusInternalServerError, name: rel, zh: err.Error(), en: err.Error()}
	}
	if !mtime.IsZero() {
		_ = c.root.Chtimes(tmp, mtime, mtime)
	}
	return p, nil
}
