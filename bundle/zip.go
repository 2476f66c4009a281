package bundle

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ZipPath is where --zip writes the archive of a bundle: OUT.zip beside OUT.
func ZipPath(bundleDir string) string { return filepath.Clean(bundleDir) + ".zip" }

// writeZip archives the finished bundle folder dir as dst, every file under
// one top folder named like dir: entries in sorted order, stored (the
// evidence is mostly compressed images already), all dated now, so the same
// bundle gives the same bytes. It writes a temporary file beside dst,
// syncs it and renames it into place; dst is never replaced.
func writeZip(dir, dst string, now time.Time) (err error) {
	if _, err := os.Lstat(dst); err == nil {
		return &UsageError{Msg: fmt.Sprintf("%s already exists", dst), Hint: "a zip is never overwritten: remove it or choose another -o"}
	}
	var files []string
	if err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	}); err != nil {
		return fmt.Errorf("read the bundle %s for the zip: %w", dir, err)
	}
	sort.Strings(files)

	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	zw := zip.NewWriter(bw)
	top := filepath.Base(dir)
	for _, rel := range files {
		if err := addZipEntry(zw, filepath.Join(dir, filepath.FromSlash(rel)), top+"/"+rel, now); err != nil {
			return fmt.Errorf("write %s: %w", dst, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := renameNoReplace(tmp.Name(), dst); err != nil {
		if errors.Is(err, os.ErrExist) {
			return &UsageError{Msg: fmt.Sprintf("%s already exists", dst), Hint: "a zip is never overwritten: remove it or choose another -o"}
		}
		return fmt.Errorf("move the zip into place at %s: %w", dst, err)
	}
	return syncDir(filepath.Dir(dst))
}

func addZipEntry(zw *zip.Writer, src, name string, now time.Time) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: now}
	h.SetMode(0o644)
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// openZipBag reads a zip holding one bag, at its root or in its one top
// folder, as a file system; nothing is extracted. Names are taken as
// stored (archive/zip's own fs.FS turns a backslash, legal in a Unix file
// name, into a separator).
func openZipBag(file string) (fs.FS, io.Closer, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, nil, fmt.Errorf("read bundle %s: neither a folder nor a readable .zip (%v)", file, err)
	}
	if len(zr.File) > maxZipEntries {
		zr.Close()
		return nil, nil, fmt.Errorf("read bundle %s: the zip has %d entries, more than %d", file, len(zr.File), maxZipEntries)
	}
	z := &zipFS{files: map[string]*zip.File{}, dirs: map[string][]fs.DirEntry{}}
	tops := map[string]bool{}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "./")
		if strings.HasSuffix(name, "/") || name == "" {
			continue
		}
		top, _, _ := strings.Cut(name, "/")
		tops[top] = true
		z.files[name] = f
	}
	prefix := ""
	if _, ok := z.files["bagit.txt"]; !ok && len(tops) == 1 {
		for top := range tops {
			if _, ok := z.files[top+"/bagit.txt"]; ok {
				prefix = top + "/"
			}
		}
	}
	if prefix != "" {
		inner := make(map[string]*zip.File, len(z.files))
		for name, f := range z.files {
			if rest, ok := strings.CutPrefix(name, prefix); ok {
				inner[rest] = f
			}
		}
		z.files = inner
	}
	seen := map[string]bool{}
	for name, f := range z.files {
		for p := name; p != "."; {
			dir := path.Dir(p)
			key := dir + "\x00" + path.Base(p)
			if !seen[key] {
				seen[key] = true
				if p == name {
					z.dirs[dir] = append(z.dirs[dir], fs.FileInfoToDirEntry(f.FileInfo()))
				} else {
					z.dirs[dir] = append(z.dirs[dir], dirEntry(path.Base(p)))
				}
			}
			p = dir
		}
	}
	for _, d := range z.dirs {
		sort.Slice(d, func(i, j int) bool { return d[i].Name() < d[j].Name() })
	}
	return z, zr, nil
}

// zipFS is a zip's entries by their stored names.
type zipFS struct {
	files map[string]*zip.File
	dirs  map[string][]fs.DirEntry
}

func (z *zipFS) Open(name string) (fs.File, error) {
	f, ok := z.files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return zipFile{rc, f.FileInfo()}, nil
}

func (z *zipFS) ReadDir(name string) ([]fs.DirEntry, error) {
	d, ok := z.dirs[name]
	if !ok && name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return d, nil
}

func (z *zipFS) Stat(name string) (fs.FileInfo, error) {
	if f, ok := z.files[name]; ok {
		return f.FileInfo(), nil
	}
	if _, ok := z.dirs[name]; ok || name == "." {
		return dirEntry(path.Base(name)).Info()
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

type zipFile struct {
	io.ReadCloser
	info fs.FileInfo
}

func (f zipFile) Stat() (fs.FileInfo, error) { return f.info, nil }

// dirEntry is a folder implied by the names in a zip.
type dirEntry string

func (d dirEntry) Name() string               { return string(d) }
func (d dirEntry) IsDir() bool                { return true }
func (d dirEntry) Type() fs.FileMode          { return fs.ModeDir }
func (d dirEntry) Info() (fs.FileInfo, error) { return d, nil }
func (d dirEntry) Size() int64                { return 0 }
func (d dirEntry) Mode() fs.FileMode          { return fs.ModeDir | 0o755 }
func (d dirEntry) ModTime() time.Time         { return time.Time{} }
func (d dirEntry) Sys() any                   { return nil }
