// Package output writes a build so that the output folder is only ever the
// previous complete build or the new complete build.
//
// A build writes into a staging folder beside the output folder (same
// parent, so same file system). Commit swaps the two in one atomic step
// (renameat2 RENAME_EXCHANGE on Linux) and then removes the old build. A
// build that fails calls Abort; a build that is killed leaves only its
// staging folder, which the next build removes. At no moment is the output
// folder missing, truncated or half-written.
//
// Two builds of the same output folder at once, in one process or in two,
// take turns: from Begin to Commit or Abort a build holds an exclusive
// flock(2) on a lock file beside the output folder, .<name>.lock in its
// parent (never inside the output, which is published). Begin first tries
// the lock without waiting; when another build holds it, Begin calls
// Options.Waiting, so that the user is told, then waits for the lock. The
// second build thus starts after the first has published, and both publish
// a complete site; neither touches the staging folder of the other.
//
// The kernel releases a flock when the last descriptor of its open file is
// closed, so also when the process dies, even by kill -9: a killed build
// never leaves the lock held. The descriptor is close-on-exec (os.OpenFile
// opens every file so), so no program a build starts keeps it either. With
// the lock held, a staging folder of this output can only be the leftover
// of a dead build, and Begin removes it.
//
// Commit and Abort remove the lock file before they release the lock, so
// that a site folder is not left with a stray file after a build. A build
// that was waiting on the removed file then holds a lock on a file that no
// longer has the name: after taking the lock, Begin checks that the name
// still leads to the very file it locked, and starts over if not. A lock
// file left by a killed build is unlocked, and reused.
//
// On systems without flock(2) (Windows among them) there is no lock: two
// builds of the same output at once are not kept apart there, and Begin
// leaves staging folders it finds, which may belong to a live build.
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
	lock *lock // nil where there are no locks
}

// Options change how Begin starts a build.
type Options struct {
	// Waiting, when set, is called when another build, of this process or
	// of another, is writing the same output folder. Begin then waits for
	// that build to commit or abort before it starts this one. It is called
	// at most once, before Begin waits.
	Waiting func()
}

// Begin starts a build of the output folder out, with the zero Options.
func Begin(out string) (*Staging, error) { return BeginWith(out, Options{}) }

// BeginWith starts a build of the output folder out. It waits while
// another build of out is in progress, and removes what killed builds left
// behind. The caller must end the build with Commit or Abort, which let the
// next build of out start.
func BeginWith(out string, opts Options) (*Staging, error) {
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
	name := filepath.Base(abs)
	var l *lock
	if canLock {
		l, err = takeLock(filepath.Join(parent, "."+name+".lock"), opts.Waiting)
		if err != nil {
			return nil, fmt.Errorf("lock the output folder: %w", err)
		}
		// With the lock held, no other build of out is running: every
		// staging folder of out is a leftover of a build that died.
		removeStale(parent, name)
	}
	dir, err := os.MkdirTemp(parent, stagingPrefix(name))
	if err != nil {
		l.release()
		return nil, fmt.Errorf("create the staging folder: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		l.release()
		return nil, err
	}
	return &Staging{out: abs, dir: dir, lock: l}, nil
}

func stagingPrefix(name string) string { return "." + name + ".staging-" }

// removeStale removes the staging folders of the output folder name in
// parent: the names os.MkdirTemp gives (the prefix and digits), and those
// with ".old" added, which Commit makes where there is no atomic exchange.
// A staging folder of another output whose name merely starts the same
// (public.staging-1 beside public) is left alone.
func removeStale(parent, name string) {
	prefix := stagingPrefix(name)
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		rest = strings.TrimSuffix(rest, ".old")
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// lock is the lock of one output folder, held.
type lock struct {
	f    *os.File
	path string
}

// takeLock takes the lock file at path, calling waiting (when not nil) if
// it must wait for another holder.
func takeLock(path string, waiting func()) (*lock, error) {
	told := false
	for {
		// O_CLOEXEC is implied: os.OpenFile sets it on every file.
		f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		busy, err := tryLock(f)
		if err == nil && busy {
			if !told && waiting != nil {
				waiting()
				told = true
			}
			err = waitLock(f)
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		// The build that held the lock removes the file before releasing
		// it (and another may create it anew): the lock counts only if the
		// name still leads to the file locked. (Stat, not Lstat: OpenFile
		// follows a symbolic link, and so must the check.)
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &lock{f: f, path: path}, nil
		}
		f.Close()
		if err1 != nil {
			return nil, err1
		}
		if err2 != nil && !errors.Is(err2, os.ErrNotExist) {
			return nil, err2
		}
	}
}

// release removes the lock file and releases the lock; a nil lock is a
// no-op.
func (l *lock) release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path) // before Close: only the holder may remove the file
	l.f.Close()
	l.f = nil
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
	if s.dir == "" {
		return nil, fmt.Errorf("write %s: the build has ended", name)
	}
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

// Commit replaces the output folder with the staged build, and lets the
// next build of the output folder start.
func (s *Staging) Commit() error {
	defer s.lock.release()
	err := s.commit()
	if err == nil {
		s.dir = "" // for Abort: nothing of this build is left to remove
	}
	return err
}

func (s *Staging) commit() error {
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

// Abort removes the staged build, leaving the output folder untouched, and
// lets the next build of the output folder start. After a Commit that
// succeeded it is a no-op; after one that failed it removes what is left.
func (s *Staging) Abort() {
	defer s.lock.release()
	if s.dir != "" {
		os.RemoveAll(s.dir)
		s.dir = ""
	}
}
