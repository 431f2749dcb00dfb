package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/mohinh/mohinh/internal/corpus"
	"github.com/mohinh/mohinh/internal/output"
)

// watchWriter collects what a process writes and closes seen once it has
// written want.
type watchWriter struct {
	want string
	seen chan struct{}
	mu   sync.Mutex
	buf  bytes.Buffer
}

func newWatchWriter(want string) *watchWriter {
	return &watchWriter{want: want, seen: make(chan struct{})}
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	had := strings.Contains(w.buf.String(), w.want)
	w.buf.Write(p)
	if !had && strings.Contains(w.buf.String(), w.want) {
		close(w.seen)
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// builder is one "mohinh build" process.
type builder struct {
	cmd            *exec.Cmd
	stdout, stderr *watchWriter
	exited         chan error
}

func startBuild(t *testing.T, args ...string) *builder {
	t.Helper()
	b := &builder{
		stdout: newWatchWriter("Đã tạo"),
		stderr: newWatchWriter("đang chờ nó xong"),
		exited: make(chan error, 1),
	}
	b.cmd = exec.Command(os.Args[0], append([]string{"build"}, args...)...)
	b.cmd.Env = append(os.Environ(), "MOHINH_TEST_MAIN=1")
	b.cmd.Stdout, b.cmd.Stderr = b.stdout, b.stderr
	if err := b.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { b.exited <- b.cmd.Wait() }()
	t.Cleanup(func() { b.cmd.Process.Kill() })
	return b
}

// wait waits for the process to end, and requires exit 0 and the file
// count.
func (b *builder) wait(t *testing.T, files string) {
	t.Helper()
	if err := <-b.exited; err != nil {
		t.Fatalf("mohinh build: %v\n%s%s", err, b.stdout, b.stderr)
	}
	if got := filesMade.FindStringSubmatch(b.stdout.String()); got == nil || got[1] != files {
		t.Errorf("mohinh build says %q, want %s files", b.stdout, files)
	}
}

var filesMade = regexp.MustCompile(`Đã tạo (\d+) tệp`)

// Two "mohinh build" processes of the same output at once both exit 0, and
// public/ is then the complete site: the second waits for the first, and
// says so, rather than remove its staging folder.
func TestConcurrentBuildsPublishACompleteSite(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 200, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(dir, "ref")
	var stdout, stderr bytes.Buffer
	if code := main1([]string{"build", "--site", site, "--out", ref}, &stdout, &stderr); code != exitOK {
		t.Fatalf("reference build: exit %d\n%s", code, stderr.String())
	}
	m := filesMade.FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("reference build says %q", stdout.String())
	}
	files, want := m[1], digest(t, ref)
	public := filepath.Join(site, "public")
	check := func(t *testing.T) {
		t.Helper()
		if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
			t.Error(err)
		}
		if digest(t, public) != want {
			t.Error("public/ is not the complete site")
		}
		entries, _ := os.ReadDir(site)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".public.") {
				t.Errorf("left beside public/: %s", e.Name())
			}
		}
	}

	t.Run("while another build is in progress", func(t *testing.T) {
		// This test process holds public/ as a build in progress would.
		held, err := output.Begin(public)
		if err != nil {
			t.Fatal(err)
		}
		defer held.Abort()
		builds := []*builder{startBuild(t, "--site", site), startBuild(t, "--site", site)}
		for _, b := range builds {
			select {
			case <-b.stderr.seen:
			case err := <-b.exited:
				t.Fatalf("mohinh build ended (%v) without waiting for the build in progress:\n%s%s", err, b.stdout, b.stderr)
			}
			if msg := b.stderr.String(); !strings.Contains(msg, "một lần dựng khác đang ghi vào "+public+": đang chờ nó xong") {
				t.Errorf("the message does not name the output folder:\n%s", msg)
			}
		}
		// Both wait: the staging folder of the build in progress is the only
		// one.
		staging, _ := filepath.Glob(filepath.Join(site, ".public.staging-*"))
		if len(staging) != 1 {
			t.Errorf("staging folders while two builds wait: %v, want the one in progress", staging)
		}
		held.Abort()
		for _, b := range builds {
			b.wait(t, files)
		}
		check(t)
	})

	t.Run("started together", func(t *testing.T) {
		builds := []*builder{startBuild(t, "--site", site), startBuild(t, "--site", site)}
		for _, b := range builds {
			b.wait(t, files)
		}
		check(t)
	})
}
