package main

import (
	"fmt"
	"io"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "mohinh new: chưa có")
	return exitUsage
}
