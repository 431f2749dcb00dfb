package render

import (
	"io/fs"
	"slices"
)

// Overlay returns the layouts of a site: a file in upper (the site's own
// layouts/ folder) replaces the file of the same name in lower (the
// embedded default layouts); everything else comes from lower.
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.upper.Open(name); err == nil {
		if fi, err := f.Stat(); err == nil && !fi.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.lower.Open(name)
}

// ReadDir merges both folders, so that fs.Glob and WalkDir see every file.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, upErr := fs.ReadDir(o.upper, name)
	low, lowErr := fs.ReadDir(o.lower, name)
	if upErr != nil && lowErr != nil {
		return nil, lowErr
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(up, low...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}

var _ fs.ReadDirFS = overlay{}
