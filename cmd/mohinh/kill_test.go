package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/corpus"
)

// A build killed with SIGKILL at any moment leaves public/ as the previous
// complete build or the new complete build, never a mix or a partial one.
func TestKilledBuildLeavesCompleteOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-registration site many times")
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 1000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(site, "public")
	mohinh := func(args ...string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "MOHINH_TEST_MAIN=1")
		return cmd
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := mohinh(args...).CombinedOutput(); err != nil {
			t.Fatalf("mohinh %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	run("build", "--site", site)
	before := digest(t, public)

	// Change the content: every page that lists the changed registration
	// changes, so a mix of old and new pages would show.
	regs, _ := filepath.Glob(filepath.Join(site, "content/registrations/*/*/*.md"))
	data, _ := os.ReadFile(regs[0])
	os.WriteFile(regs[0], []byte(strings.Replace(string(data), "\ntitle: ", "\ntitle: Đã sửa — ", 1)), 0o644)
	run("build", "--site", site, "--out", filepath.Join(dir, "after"))
	after := digest(t, filepath.Join(dir, "after"))
	if before == after {
		t.Fatal("the change did not change the output")
	}

	start := time.Now()
	run("build", "--site", site, "--out", filepath.Join(dir, "timing"))
	full := time.Since(start)

	sawOld, sawNew := false, false
	for i := range 8 {
		delay := full * time.Duration(i) / 3 // from at once to well after the end
		cmd := mohinh("build", "--site", site)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Not a wait for something: the moment of the kill, spread over
		// the build. Whatever moment the machine's speed makes it, the
		// assertion below must hold.
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		switch digest(t, public) {
		case before:
			sawOld = true
		case after:
			sawNew = true
			before = after // once published, the new build is the previous one
		default:
			t.Fatalf("after a kill at %v public/ is neither the previous nor the new build", delay)
		}
	}
	t.Logf("a full build takes %v; kills left the old build: %v, the new one: %v", full, sawOld, sawNew)

	// The next build publishes the new site and cleans up what killed
	// builds left.
	run("build", "--site", site)
	if digest(t, public) != after {
		t.Error("a complete build did not publish the new site")
	}
	left, _ := filepath.Glob(filepath.Join(site, ".public.staging-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left after a successful build: %v", left)
	}
}

// digest is a hash of every file's path and content under dir.
func digest(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, p := range names {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
