package check

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
)

// treeFS is the content of a git tree in memory, for the loader, which
// takes any fs.FS. fstest.MapFS alone lists a folder by scanning every
// file of the tree, once per folder: at ten thousand registrations that
// costs as much as reading them. Here the folders are listed once.
type treeFS struct {
	fstest.MapFS
	dirs map[string][]fs.DirEntry
}

func newTreeFS(files fstest.MapFS) treeFS {
	t := treeFS{MapFS: files, dirs: map[string][]fs.DirEntry{}}
	seen := map[string]bool{}
	for p, f := range files {
		t.dirs[path.Dir(p)] = append(t.dirs[path.Dir(p)], treeEntry{t.MapFS, p, f.Mode.Type()})
		for dir := path.Dir(p); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			parent := path.Dir(dir)
			t.dirs[parent] = append(t.dirs[parent], treeEntry{t.MapFS, dir, fs.ModeDir})
		}
	}
	for _, entries := range t.dirs {
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return t
}

// ReadDir lists a folder as fs.ReadDir would, from the lists made once.
func (t treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok := t.dirs[name]; ok {
		return slices.Clone(entries), nil
	}
	return t.MapFS.ReadDir(name)
}

type treeEntry struct {
	fsys fstest.MapFS
	path string
	typ  fs.FileMode
}

func (e treeEntry) Name() string               { return path.Base(e.path) }
func (e treeEntry) IsDir() bool                { return e.typ.IsDir() }
func (e treeEntry) Type() fs.FileMode          { return e.typ }
func (e treeEntry) Info() (fs.FileInfo, error) { return fs.Stat(e.fsys, e.path) }
