package bundle

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
// folder, as a file system; nothing is extracted.
func openZipBag(path string) (fs.FS, io.Closer, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read bundle %s: neither a folder nor a readable .zip (%v)", path, err)
	}
	if len(zr.File) > maxZipEntries {
		zr.Close()
		return nil, nil, fmt.Errorf("read bundle %s: the zip has %d entries, more than %d", path, len(zr.File), maxZipEntries)
	}
	if _, err := fs.Stat(zr, "bagit.txt"); err == nil {
		return zr, zr, nil
	}
	tops := map[string]bool{}
	for _, f := range zr.File {
		top, _, _ := strings.Cut(strings.TrimPrefix(f.Name, "./"), "/")
		tops[top] = true
	}
	if len(tops) == 1 {
		for top := range tops {
			if fs.ValidPath(top) {
				if _, err := fs.Stat(zr, top+"/bagit.txt"); err == nil {
					sub, err := fs.Sub(zr, top)
					if err == nil {
						return sub, zr, nil
					}
				}
			}
		}
	}
	// No bagit.txt where a bag's would be: verify it as is and let the
	// report say what is missing.
	return zr, zr, nil
}
