package bundle

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// InitFromResult is what init --from did.
type InitFromResult struct {
	// CasePath is the case.yaml written.
	CasePath string
	// Copied are the files copied in, relative paths, sorted; empty when
	// the case folder is the evidence folder itself.
	Copied []string
	// Skipped are the entries of the evidence folder not copied, each
	// with the reason ("link: not followed").
	Skipped []string
	// Draft is what was written into case.yaml.
	Draft *CaseDraft
	// Analysis is the case as read.
	Analysis *Analysis
}

// InitFrom makes a case folder from a folder of evidence: it copies every
// regular file of from into dir under the same relative path (the
// originals are only read; dot-files and dot-folders are skipped and
// symbolic links are never followed, as a build skips them), reads the
// case as check does (read: the clock, workers, OCR), and writes
// case.yaml drafted from what was found (Draft, CaseDraft.CaseYAML). It
// refuses an existing case.yaml, a file of the case that a copy would
// replace, and a case folder inside the evidence folder or around it
// (nothing is copied then). dir equal to from drafts case.yaml in place
// and copies nothing.
func InitFrom(ctx context.Context, dir, from string, opt InitOptions, read Options) (*InitFromResult, error) {
	for _, kv := range [][2]string{{"purpose", opt.Purpose}, {"lang", opt.Lang}, {"platform", opt.Platform}} {
		if kv[1] == "" {
			continue
		}
		if err := checkFlag(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	if opt.Purpose == "" {
		opt.Purpose = blankValue("purpose")
	}
	if opt.Lang == "" {
		opt.Lang = blankValue("lang")
	}
	if err := read.validate(); err != nil {
		return nil, err
	}
	st, err := os.Stat(from)
	if err != nil || !st.IsDir() {
		return nil, &UsageError{Msg: fmt.Sprintf("--from %s is not a folder", from), Hint: "name the folder that holds the evidence files"}
	}
	// The folder named may be a link to the evidence; links inside it
	// are never followed.
	absFrom, err1 := filepath.Abs(from)
	if r, err := filepath.EvalSymlinks(absFrom); err == nil {
		absFrom = r
	}
	absDir, err2 := filepath.Abs(dir)
	if r, err := filepath.EvalSymlinks(absDir); err == nil {
		absDir = r
	}
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("resolve %s, %s: %v %v", from, dir, err1, err2)
	}
	inPlace := absFrom == absDir
	if !inPlace && (within(absDir, absFrom) || within(absFrom, absDir)) {
		return nil, &UsageError{Msg: fmt.Sprintf("%s and --from %s are inside one another", dir, from),
			Hint: "make the case in a new folder beside the evidence, or give the same folder twice to draft case.yaml in place"}
	}
	casePath := filepath.Join(dir, CaseFile)
	if _, err := os.Lstat(casePath); err == nil {
		return nil, caseExistsError(casePath)
	}
	res := &InitFromResult{Copied: []string{}, Skipped: []string{}}
	files, skipped, err := evidenceFiles(absFrom)
	if err != nil {
		return nil, err
	}
	res.Skipped = skipped
	if !inPlace {
		for _, rel := range files {
			if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
				return nil, &UsageError{Msg: fmt.Sprintf("%s already exists in %s", rel, dir), Hint: "init a new folder, or move that file away first"}
			}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
		for _, rel := range files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if err := copyNoFollow(filepath.Join(absFrom, filepath.FromSlash(rel)), filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
				return nil, err
			}
			res.Copied = append(res.Copied, rel)
		}
	}
	a, err := Check(ctx, dir, read)
	if err != nil {
		return nil, err
	}
	res.Analysis = a
	res.Draft = Draft(a)
	data, err := res.Draft.CaseYAML(opt)
	if err != nil {
		return nil, err
	}
	if res.CasePath, err = writeNewCase(dir, data); err != nil {
		return nil, err
	}
	return res, nil
}

// within reports whether path p is inside folder dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// evidenceFiles lists the regular files under root by slash-separated
// relative path, sorted, as a build would read them: names starting with
// "." are skipped (folders entirely), links and other non-regular
// entries are listed as skipped, and case.yaml at the top is left out
// (it is the facts of another case, not evidence).
func evidenceFiles(root string) ([]string, []string, error) {
	var files, skipped []string
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			skipped = append(skipped, filepath.ToSlash(rel)+": cannot be read ("+unwrapPath(err).Error()+")")
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(de.Name(), ".") {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case de.IsDir():
			return nil
		case de.Type()&fs.ModeSymlink != 0:
			skipped = append(skipped, rel+": a link, not followed")
		case !de.Type().IsRegular():
			skipped = append(skipped, rel+": not a regular file")
		case rel == CaseFile:
			skipped = append(skipped, rel+": the facts of another case, not evidence")
		default:
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", root, unwrapPath(err))
	}
	sort.Strings(files)
	sort.Strings(skipped)
	return files, skipped, nil
}

// copyNoFollow copies one file into the case, never over a file there and
// never through a link that replaced the original since it was listed;
// the copy keeps the original's modification time (it is evidence too).
func copyNoFollow(src, dst string) error {
	in, err := openNoFollow(src)
	if err != nil {
		return fmt.Errorf("read %s: %w", src, unwrapPath(err))
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return fmt.Errorf("read %s: %w", src, unwrapPath(err))
	}
	if !fi.Mode().IsRegular() {
		return &UsageError{Msg: fmt.Sprintf("%s is no longer a regular file", src), Hint: "run init --from again once the folder is settled"}
	}
	return writeNew(in, src, dst, fi.ModTime(), "init a new folder")
}
