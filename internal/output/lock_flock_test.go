//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package output

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// The descriptor of the lock is close-on-exec: a program the build starts
// (git) does not inherit it, and cannot keep the lock after the build ends.
func TestLockIsCloseOnExec(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	rc, err := s.lock.f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var flags int
	var ferr error
	rc.Control(func(fd uintptr) { flags, ferr = unix.FcntlInt(fd, unix.F_GETFD, 0) })
	if ferr != nil {
		t.Fatal(ferr)
	}
	if flags&unix.FD_CLOEXEC == 0 {
		t.Error("the lock's descriptor is inherited by programs the build starts")
	}
}
