//go:build !unix && !windows

package main

import "os"

// isTerminal is false where no terminal can be told: mohinh new then
// asks nothing and wants its flags.
func isTerminal(*os.File) bool { return false }
