package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// isTerminal reports whether f is a console window, where a person types
// and reads; a pipe, a file and NUL are not.
func isTerminal(f *os.File) bool {
	conn, err := f.SyscallConn()
	if err != nil {
		return false
	}
	term := false
	conn.Control(func(fd uintptr) {
		var mode uint32
		term = windows.GetConsoleMode(windows.Handle(fd), &mode) == nil
	})
	return term
}
