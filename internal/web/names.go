package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"
)

// Limits on a name the browser sends.
const (
	maxNameBytes = 1024 // a whole relative path
	maxPartBytes = 255  // one component (most file systems' limit)
	maxDepth     = 8    // folders below the case folder
)

// nameError is a name the page refuses (400), with the reason in both
// languages.
type nameError struct {
	Name   string
	Zh, En string
}

func (e *nameError) Error() string { return fmt.Sprintf("%q: %s", e.Name, e.En) }

func badName(name, zh, en string) error { return &nameError{Name: name, Zh: zh, En: en} }

// cleanRel checks a relative file path sent by the browser (a file's name,
// or its path inside a folder that was dropped) and returns it as it will
// be stored, slash-separated. It never cleans a bad name into a good one:
// "../x", "/etc/x", "C:\x", "a\b", "a//b", "./x", a hidden component and a
// control character are refused, so that what is stored is what the user
// sees.
func cleanRel(name string) (string, error) {
	switch {
	case name == "":
		return "", badName(name, "文件名为空", "the name is empty")
	case len(name) > maxNameBytes:
		return "", badName(name, "文件名过长", "the name is too long")
	case !utf8.ValidString(name):
		return "", badName(name, "文件名不是 UTF-8 编码", "the name is not UTF-8")
	case strings.HasPrefix(name, "/"):
		return "", badName(name, "不能使用绝对路径", "an absolute path is not allowed")
	case strings.Contains(name, "\\"):
		return "", badName(name, "文件名不能含反斜杠", "a name may not contain a backslash")
	case len(name) >= 2 && name[1] == ':':
		return "", badName(name, "不能使用带盘符的路径", "a path with a drive letter is not allowed")
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return "", badName(name, "文件名含有控制字符", "the name holds a control character")
		}
	}
	parts := strings.Split(name, "/")
	if len(parts) > maxDepth+1 {
		return "", badName(name, "文件夹层次过深", "the folders are nested too deep")
	}
	for _, p := range parts {
		switch {
		case p == "":
			return "", badName(name, "路径中有空的部分", "the path has an empty part")
		case p == "." || p == "..":
			return "", badName(name, "路径不能含 . 或 ..", "a path may not contain . or ..")
		case strings.HasPrefix(p, "."):
			return "", badName(name, "以点开头的隐藏文件不会被收入证据，请改名", "a hidden name (starting with a dot) is not taken as evidence; rename it")
		case len(p) > maxPartBytes:
			return "", badName(name, "文件名过长", "a name is too long")
		case strings.TrimSpace(p) == "":
			return "", badName(name, "文件名只有空格", "a name is only spaces")
		}
	}
	if name == caseFileName {
		return "", badName(name, "会覆盖本案的 case.yaml，请改名后再添加", "it would replace the case's own case.yaml; rename it first")
	}
	return name, nil
}

// cleanCaseName checks the name of a case folder in the workspace: one
// component, not hidden, not a bundle.
func cleanCaseName(name string) (string, error) {
	n, err := cleanRel(strings.TrimSpace(name))
	if err != nil {
		return "", err
	}
	if strings.Contains(n, "/") {
		return "", badName(name, "案件名不能含 /", "a case name may not contain /")
	}
	if strings.HasSuffix(n, ".bundle") || strings.HasSuffix(n, ".zip") {
		return "", badName(name, "案件名不能以 .bundle 或 .zip 结尾", "a case name may not end in .bundle or .zip")
	}
	return n, nil
}

// errSymlink is a path through a symbolic link, which the page never
// follows.
var errSymlink = errors.New("a symbolic link is in the way")

// checkNoLinks walks rel inside root component by component and refuses a
// symbolic link anywhere on it (os.Root alone stops links that leave the
// root, not those that stay inside). Missing components are fine: they
// will be created as folders. The last component may be a missing or
// regular file when file is true.
func checkNoLinks(root *os.Root, rel string, file bool) error {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		st, err := root.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		last := i == len(parts)-1
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s: %w", p, errSymlink)
		case last && file && !st.Mode().IsRegular():
			return fmt.Errorf("%s: not a regular file", p)
		case (!last || !file) && !st.IsDir():
			return fmt.Errorf("%s: not a folder", p)
		}
	}
	return nil
}

// tempName is a hidden name beside rel for a file being written; the case
// folder's readers skip dot-files, so a half-written file is never read.
func tempName(rel, what string) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	dir, base := path.Split(rel)
	return dir + "." + base + "." + what + "-" + hex.EncodeToString(b[:])
}

// placeNew moves the finished temporary file tmp to rel inside root,
// never replacing a file there: a hard link (which fails when rel exists)
// and the removal of tmp; where the file system has no hard links (FAT on
// a USB stick), a check and a rename.
func placeNew(root *os.Root, tmp, rel string) error {
	err := root.Link(tmp, rel)
	if err == nil {
		return root.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return fs.ErrExist
	}
	if _, serr := root.Lstat(rel); serr == nil {
		return fs.ErrExist
	}
	return root.Rename(tmp, rel)
}
