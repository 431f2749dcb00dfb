package output

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// files lists the files under dir, slash-separated and relative to it.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// writeHalf writes half (0 or 1) of a small site of build version v.
func writeHalf(t *testing.T, s *Staging, v string, half int) {
	t.Helper()
	for i := half * 50; i < half*50+50; i++ {
		if err := s.WriteFile(fmt.Sprintf("mo-hinh/%d/index.html", i), []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	if half == 1 {
		if err := s.WriteFile("index.html", []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
}

func wantSite() []string {
	want := []string{"index.html"}
	for i := range 100 {
		want = append(want, fmt.Sprintf("mo-hinh/%d/index.html", i))
	}
	slices.Sort(want)
	return want
}

// Two builds of the same output at once take turns: the second Begin says
// it waits and returns only once the first has ended, the first build's
// staging folder survives, and each publishes a complete site.
func TestSecondBuildWaitsForTheFirst(t *testing.T) {
	if !canLock {
		t.Skip("no locks on this system")
	}
	for _, end := range []string{"Commit", "Abort"} {
		t.Run(end, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			first, err := Begin(out)
			if err != nil {
				t.Fatal(err)
			}
			writeHalf(t, first, "một", 0)

			// flock is per open file description: a second Begin in this
			// process conflicts with the first as another process would.
			waiting := make(chan struct{})
			type begun struct {
				s   *Staging
				err error
			}
			second := make(chan begun, 1)
			go func() {
				s, err := BeginWith(out, Options{Waiting: func() { close(waiting) }})
				second <- begun{s, err}
			}()
			select {
			case <-waiting:
			case b := <-second:
				if b.err == nil {
					b.s.Abort()
				}
				t.Fatalf("the second Begin returned (%v) without waiting for the first build", b.err)
			}
			// Waiting is called before the wait: the second Begin is waiting
			// now, and cannot return while the first build holds the lock.
			select {
			case <-second:
				t.Fatal("the second Begin returned while the first build was in progress")
			default:
			}

			// The first build goes on in its staging folder, untouched.
			writeHalf(t, first, "một", 1)
			if got := files(t, first.dir); !slices.Equal(got, wantSite()) {
				t.Fatalf("the first build's staging folder holds %d files, want %d", len(got), len(wantSite()))
			}
			if end == "Commit" {
				if err := first.Commit(); err != nil {
					t.Fatal(err)
				}
				if got := files(t, out); !slices.Equal(got, wantSite()) {
					t.Fatalf("the first build published %d files, want %d", len(got), len(wantSite()))
				}
			} else {
				first.Abort()
			}

			b := <-second
			if b.err != nil {
				t.Fatal(b.err)
			}
			writeHalf(t, b.s, "hai", 0)
			writeHalf(t, b.s, "hai", 1)
			if err := b.s.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := files(t, out); !slices.Equal(got, wantSite()) {
				t.Fatalf("the second build published %d files, want %d", len(got), len(wantSite()))
			}
			if got := read(t, filepath.Join(out, "index.html")); got != "hai" {
				t.Errorf("index.html holds %q, want the second build's", got)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("beside the output: %v, want only public", entries)
			}
		})
	}
}

// Without another build, Begin does not wait; after Commit or Abort the
// next Begin does not wait either.
func TestBeginDoesNotWaitForEndedBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	begin := func() *Staging {
		t.Helper()
		s, err := BeginWith(out, Options{Waiting: func() { t.Error("Begin waited with no other build in progress") }})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := begin()
	s.WriteFile("index.html", []byte("x"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	s.Abort() // after Commit, a no-op: the published build stays
	if got := read(t, filepath.Join(out, "index.html")); got != "x" {
		t.Errorf("after Commit and Abort index.html holds %q", got)
	}
	if err := s.WriteFile("late.html", nil); err == nil {
		t.Error("a write after Commit succeeded")
	}
	begin().Abort()
	begin().Abort()
}

// The lock file lives beside the output folder, never inside it.
func TestLockFileBesideTheOutput(t *testing.T) {
	if !canLock {
		t.Skip("no locks on this system")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("index.html", nil)
	if s.lock == nil || s.lock.path != filepath.Join(parent, ".public.lock") {
		t.Fatalf("the lock is %+v, want %s", s.lock, filepath.Join(parent, ".public.lock"))
	}
	if _, err := os.Stat(s.lock.path); err != nil {
		t.Errorf("no lock file while the build is in progress: %v", err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := files(t, out); !slices.Equal(got, []string{"index.html"}) {
		t.Errorf("the output holds %v", got)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.lock")); err == nil {
		t.Error("the lock file was left after Commit")
	}
}
