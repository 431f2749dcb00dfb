//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// isTerminal reports whether f is a terminal, where a person types and
// reads: the terminal driver knows it (its settings can be read). A pipe,
// a file and /dev/null — a character device too, but no terminal — are
// not.
func isTerminal(f *os.File) bool {
	conn, err := f.SyscallConn()
	if err != nil {
		return false
	}
	term := false
	conn.Control(func(fd uintptr) {
		_, err := unix.IoctlGetTermios(int(fd), ioctlReadTermios)
		term = err == nil
	})
	return term
}
