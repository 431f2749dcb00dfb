package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/mohinh/mohinh/internal/corpus"
)

// faultSite generates a small site and builds it once into out: the
// previous build that a failed build must leave as it was.
func faultSite(t *testing.T, out string) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 30, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := main1([]string{"build", "--site", site, "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	return site
}

// changeSite edits a registration so that a new build differs from the
// previous one.
func changeSite(t *testing.T, site string) {
	t.Helper()
	regs, _ := filepath.Glob(filepath.Join(site, "content/registrations/*/*/*.md"))
	data, err := os.ReadFile(regs[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(regs[0], []byte(strings.Replace(string(data), "\ntitle: ", "\ntitle: Đã sửa — ", 1)), 0o644)
}

// tmpfs mounts a tmpfs of size bytes (0: no limit) at a new folder and
// unmounts it when the test ends. It needs root; without it the test is
// skipped.
func tmpfs(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a tmpfs (a small disk, a read-only disk)")
	}
	dir := t.TempDir()
	opts := "mode=0755"
	if size > 0 {
		opts += ",size=" + strconv.Itoa(size)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v %s", opts, err, out)
	}
}

// failedBuild builds site into out, which must fail with exit 1, a message
// in words and the previous build left exactly as it was.
func failedBuild(t *testing.T, site, out, want string) {
	t.Helper()
	before := digest(t, out)
	var stdout, stderr bytes.Buffer
	code := main1([]string{"build", "--site", site, "--out", out}, &stdout, &stderr)
	msg := stderr.String()
	t.Logf("stderr: %s", msg)
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	if !strings.Contains(msg, want) || !strings.Contains(msg, out+" giữ nguyên") {
		t.Errorf("the message does not say %q and that %s is kept:\n%s", want, out, msg)
	}
	if digest(t, out) != before {
		t.Error("the previous build was changed")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// Output that cannot be written, because its disk is read-only: a clear
// error, and the previous build untouched.
func TestBuildOnReadOnlyDisk(t *testing.T) {
	disk := tmpfs(t, 0)
	out := filepath.Join(disk, "public")
	site := faultSite(t, out)
	changeSite(t, site)
	remount(t, disk, "ro")
	defer remount(t, disk, "rw")
	failedBuild(t, site, out, "chỉ đọc")
}

// Output that cannot be written, because its folder is read-only to the
// user (a check that root, who writes anywhere, cannot make).
func TestBuildIntoReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders; TestBuildOnReadOnlyDisk covers root")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site := faultSite(t, out)
	changeSite(t, site)
	os.Chmod(parent, 0o555)
	defer os.Chmod(parent, 0o755)
	failedBuild(t, site, out, "không có quyền ghi")
}

// A disk that fills up in the middle of a build: a clear error, the
// previous build untouched, the half-written staging folder removed.
func TestBuildOnFullDisk(t *testing.T) {
	disk := tmpfs(t, 0)
	out := filepath.Join(disk, "public")
	site := faultSite(t, out)
	changeSite(t, site)
	var fs syscall.Statfs_t
	if err := syscall.Statfs(disk, &fs); err != nil {
		t.Fatal(err)
	}
	used := int(fs.Blocks-fs.Bfree) * int(fs.Bsize)
	// Room for half a build more: the new build starts and cannot finish.
	remount(t, disk, "size="+strconv.Itoa(used+used/2))
	failedBuild(t, site, out, "ổ đĩa đã đầy")
}
