package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	// Run as the program itself when a test starts this binary as mohinh.
	if os.Getenv("MOHINH_TEST_MAIN") == "1" {
		os.Exit(main1(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"mohinh": func() { os.Exit(main1(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/script from the actual output")

// TestScripts runs testdata/script/*.txtar: the command line as a person
// uses it, with golden output compared by cmp (go test -update rewrites
// it). Besides the standard commands:
//
//	exits N prog args…   runs a program and requires exit code N
//	bigfile PATH N       writes a file of N bytes of text
//	writebytes PATH Q    writes the bytes of the Go-quoted string Q, which
//	                     may hold "\n" and bytes that are not UTF-8 ("\xe0")
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				n, err := strconv.Atoi(args[1])
				if err != nil {
					ts.Fatalf("bigfile: %v", err)
				}
				data := "---\ntitle: x\n---\n" + strings.Repeat("Nội dung dài. ", n/len("Nội dung dài. ")+1)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data[:n]), 0o644))
			},
			"writebytes": func(ts *testscript.TestScript, neg bool, args []string) {
				data, err := strconv.Unquote(`"` + args[1] + `"`)
				if err != nil {
					ts.Fatalf("writebytes: %v", err)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
			},
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROGRAM [ARGS…]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				got := 0
				var exitErr *exec.ExitError
				if err := ts.Exec(args[1], args[2:]...); errors.As(err, &exitErr) {
					got = exitErr.ExitCode()
				} else if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				if got != want {
					ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
