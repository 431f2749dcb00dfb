package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCommitPublishesAndReplaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site", "public")
	for _, version := range []string{"một", "hai"} {
		s, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteFile("a/b/index.html", []byte(version)); err != nil {
			t.Fatal(err)
		}
		if version == "một" {
			s.WriteFile("old.html", []byte("x"))
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := read(t, filepath.Join(out, "a/b/index.html")); got != version {
			t.Errorf("published %q, want %q", got, version)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); err == nil {
		t.Error("a file of the previous build survived")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("beside the output: %v, want only public", entries)
	}
}

func TestAbortLeavesOutputUntouched(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	s, _ := Begin(out)
	s.WriteFile("index.html", []byte("cũ"))
	s.Commit()

	s, _ = Begin(out)
	s.WriteFile("index.html", []byte("mới"))
	s.Abort()
	if got := read(t, filepath.Join(out, "index.html")); got != "cũ" {
		t.Errorf("after Abort the output holds %q", got)
	}
}

func TestBeginRemovesWhatKilledBuildsLeft(t *testing.T) {
	if !canLock {
		t.Skip("without locks a staging folder may be a live build's")
	}
	parent := t.TempDir()
	// A build killed with kill -9 leaves its staging folder and the lock
	// file, unlocked; one killed in a non-atomic Commit, a ".old" folder.
	stale := []string{".public.staging-123", ".public.staging-456.old"}
	for _, name := range stale {
		os.MkdirAll(filepath.Join(parent, name, "x"), 0o755)
	}
	os.WriteFile(filepath.Join(parent, ".public.lock"), nil, 0o644)
	// The staging folder of another output, public.staging-1, is not one
	// of public.
	other := filepath.Join(parent, ".public.staging-1.staging-789")
	os.MkdirAll(other, 0o755)

	waited := false
	s, err := BeginWith(filepath.Join(parent, "public"), Options{Waiting: func() { waited = true }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if waited {
		t.Error("Begin waited for the lock file a killed build left")
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(parent, name)); err == nil {
			t.Errorf("the stale staging folder %s survived", name)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("the staging folder of another output was removed: %v", err)
	}
}

func TestWriteFileRefusesPathsOutsideAndTwice(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"../escape.html", "/abs.html", "a/../../x", `a\..\x`} {
		if err := s.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
	s.WriteFile("p/index.html", []byte("1"))
	if err := s.WriteFile("p/index.html", []byte("2")); err == nil || !strings.Contains(err.Error(), "same file") {
		t.Errorf("a second write of the same file: %v", err)
	}
}

func TestUnwritableOutputIsAnError(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	parent := t.TempDir()
	os.Chmod(parent, 0o555)
	defer os.Chmod(parent, 0o755)
	if _, err := Begin(filepath.Join(parent, "public")); err == nil {
		t.Error("Begin in a read-only folder succeeded")
	}
}

func TestOutputThatIsAFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "public")
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := Begin(p); err == nil {
		t.Error("Begin over a file succeeded")
	}
}

// Works as root too: the output's parent cannot be created.
func TestOutputUnderAFileIsAnError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Begin(filepath.Join(file, "public")); err == nil {
		t.Error("Begin under a file succeeded")
	}
}
