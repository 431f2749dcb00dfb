package check

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// The PATH arguments of "mohinh check" mean what they mean to the shell:
// relative to the working directory, wherever in the site it is, or
// absolute; a folder means every file under it. A PATH that names no file
// of the site is an error, never an empty report that reads as a pass.

// FindSite returns the site that dir is in: dir itself, or the nearest
// folder above it that holds content/, so that "mohinh check ten-tep.md"
// works from inside content/registrations/2024/xa-ka-do as git works from
// inside a repository. ok is false when no folder up to the root holds
// content/.
func FindSite(dir string) (site string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir, false
	}
	for d := abs; ; {
		if info, err := os.Stat(filepath.Join(d, "content")); err == nil && info.IsDir() {
			if d == abs {
				return dir, true // as given, so that messages name it as the user did
			}
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir, false
		}
		d = parent
	}
}

// PathError is a PATH argument that names no file of the site: it does
// not exist, it is outside the site folder, or it holds no content file.
type PathError struct {
	Path   string // as given on the command line
	Site   string // the site folder, absolute
	reason pathReason
}

// pathReason says why a PATH names nothing to check.
type pathReason int

const (
	pathMissing   pathReason = iota // no such file or folder
	pathOutside                     // outside the site folder
	pathNoContent                   // in the site, but not a file of content/ nor a folder holding one
)

func (e *PathError) Error() string {
	switch e.reason {
	case pathMissing:
		return "không có tệp hay thư mục " + e.Path + ": hãy kiểm tra lại đường dẫn, tính từ thư mục đang đứng"
	case pathOutside:
		return e.Path + " không nằm trong thư mục của trang (" + e.Site + "): hãy ghi đường dẫn tới một tệp hay thư mục trong trang, hoặc chỉ ra trang chứa nó bằng --site"
	}
	return e.Path + " không phải tệp nội dung, cũng không phải thư mục chứa tệp nội dung: mohinh check chỉ kiểm tra các tệp trong thư mục content/ của trang"
}

// pathSet is the PATH arguments resolved: slash paths relative to the
// site folder, as diagnostics name files, each a file or a folder. Empty,
// it is the whole site.
type pathSet []string

// has reports whether the file p is one of the paths or under one of them.
func (s pathSet) has(p string) bool {
	if len(s) == 0 {
		return true
	}
	for _, q := range s {
		if q == "." || p == q || strings.HasPrefix(p, q+"/") {
			return true
		}
	}
	return false
}

// resolvePaths turns the PATH arguments into a pathSet of site, and
// checks that each names at least one content file.
func resolvePaths(site string, args []string) (pathSet, error) {
	if len(args) == 0 {
		return nil, nil
	}
	absSite, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	var set pathSet
	for _, arg := range args {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, err
		}
		if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) {
			return nil, &PathError{Path: arg, Site: absSite, reason: pathMissing}
		} else if err != nil {
			return nil, err
		}
		rel, ok := within(absSite, abs)
		if !ok {
			return nil, &PathError{Path: arg, Site: absSite, reason: pathOutside}
		}
		set = append(set, rel)
	}
	if _, err := os.Stat(filepath.Join(site, "content")); err != nil {
		return set, nil // no site here: the check says so
	}
	files, err := contentFiles(site)
	if err != nil {
		return nil, err
	}
	for i, p := range set {
		if countIn(files, pathSet{p}) == 0 {
			return nil, &PathError{Path: args[i], Site: absSite, reason: pathNoContent}
		}
	}
	return set, nil
}

// within returns abs as a slash path relative to the site folder, when it
// is in it. A folder reached through a symbolic link (a home folder on
// another disk, macOS's /tmp) is compared by its real path too.
func within(absSite, abs string) (string, bool) {
	if rel, err := filepath.Rel(absSite, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), true
	}
	realSite, err1 := filepath.EvalSymlinks(absSite)
	realDir, err2 := filepath.EvalSymlinks(filepath.Dir(abs))
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(realSite, filepath.Join(realDir, filepath.Base(abs)))
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// contentFiles lists the files the loader reads or reports on: every file
// under content/ but an editor's (content.IsEditorFile), as slash paths
// relative to the site folder.
func contentFiles(site string) ([]string, error) {
	var files []string
	root := filepath.Join(site, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // the loader reports it
		}
		if p != root && content.IsEditorFile(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(site, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return files, err
}

// countIn counts the files that are in set.
func countIn(files []string, set pathSet) int {
	n := 0
	for _, f := range files {
		if set.has(f) {
			n++
		}
	}
	return n
}
