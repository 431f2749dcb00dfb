// Package output writes a build so that the output folder is only ever the
// previous complete build or the new complete build.
//
// A build writes into a staging folder beside the output folder (same
// parent, so same file system). Commit swaps the two in one atomic step
// (renameat2 RENAME_EXCHANGE on Linux) and then removes the old build. A
// build that fails calls Abort; a build that is killed leaves only its
// staging folder, which the next build removes. At no moment is the output
// folder missing, truncated or half-written.
package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a build in progress. WriteFile is safe for concurrent use.
type Staging struct {
	out  string // the output folder, absolute
	dir  string // the staging folder
	dirs sync.Map
}

// Begin starts a build of the output folder out. It removes what killed
// builds left behind.
func Begin(out string) (*Staging, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Lstat(abs); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a folder", out)
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create the folder of the output: %w", err)
	}
	prefix := "." + filepath.Base(abs) + ".staging-"
	stale, _ := filepath.Glob(filepath.Join(parent, prefix+"*"))
	for _, s := range stale {
		os.RemoveAll(s)
	}
	dir, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, fmt.Errorf("create the staging folder: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{out: abs, dir: dir}, nil
}

// WriteFile writes one file of the build; name is slash-separated and
// relative to the output folder.
func (s *Staging) WriteFile(name string, data []byte) error {
	f, err := s.Create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Create opens one file of the build for writing piece by piece, for files
// too large to hold in memory; the caller closes it. name is as for
// WriteFile.
func (s *Staging) Create(name string) (io.WriteCloser, error) {
	if !filepath.IsLocal(name) || strings.Contains(name, "\\") {
		return nil, fmt.Errorf("output path %q leaves the output folder", name)
	}
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	d := filepath.Dir(p)
	if _, done := s.dirs.Load(d); !done {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
		s.dirs.Store(d, true)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("two pages write the same file %s", name)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Commit replaces the output folder with the staged build.
func (s *Staging) Commit() error {
	if _, err := os.Lstat(s.out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(s.dir, s.out); err != nil {
			return fmt.Errorf("publish the build: %w", err)
		}
		return nil
	}
	if err := exchange(s.dir, s.out); err != nil {
		// No atomic exchange here: two renames, with a moment between them
		// where the output folder is absent but never partial.
		old := s.dir + ".old"
		if err := os.Rename(s.out, old); err != nil {
			return fmt.Errorf("publish the build: %w", err)
		}
		if err := os.Rename(s.dir, s.out); err != nil {
			os.Rename(old, s.out)
			return fmt.Errorf("publish the build: %w", err)
		}
		return os.RemoveAll(old)
	}
	// s.dir now holds the previous build.
	return os.RemoveAll(s.dir)
}

// Abort removes the staged build; the output folder is untouched.
func (s *Staging) Abort() { os.RemoveAll(s.dir) }
