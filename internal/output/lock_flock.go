//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || solaris

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// canLock says that locks on the output folder work on this system.
const canLock = true

// tryLock takes the lock of f without waiting; busy is true when another
// open file holds it.
func tryLock(f *os.File) (busy bool, err error) {
	err = flock(f, unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// waitLock takes the lock of f, waiting as long as another open file holds
// it.
func waitLock(f *os.File) error { return flock(f, unix.LOCK_EX) }

func flock(f *os.File, how int) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	err = rc.Control(func(fd uintptr) {
		for {
			ferr = unix.Flock(int(fd), how)
			if ferr != unix.EINTR {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	if ferr != nil {
		return &os.PathError{Op: "flock", Path: f.Name(), Err: ferr}
	}
	return nil
}
