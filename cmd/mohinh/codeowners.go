package main

import (
	"fmt"
	"io"
)

func runCodeowners(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "mohinh codeowners: chưa có")
	return exitUsage
}
