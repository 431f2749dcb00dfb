package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
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
//	freeport VAR         sets VAR to a free TCP port on 127.0.0.1
//	waitfor URL REGEXP   fetches URL until the page matches (a server
//	                     started or rebuilt), at most 20 s; stdout is the page
//	httpget [-host H] [-origin O] URL
//	                     one request; stdout is "STATUS" and the body
//	rawget ADDR TARGET [HOST]
//	                     sends "GET TARGET HTTP/1.1" to ADDR as it is, with
//	                     Host HOST (default ADDR), for targets no client
//	                     sends; stdout is the status code
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
			// waitserve FILE URL PORT: wait until serve has written its
			// address to FILE (--addr-file), then set URL to it and PORT to
			// its port. The folder is watched: the file's creation is the
			// signal.
			"waitserve": func(ts *testscript.TestScript, neg bool, args []string) {
				file := ts.MkAbs(args[0])
				w, err := fsnotify.NewWatcher()
				ts.Check(err)
				defer w.Close()
				ts.Check(w.Add(filepath.Dir(file)))
				failsafe := time.After(2 * time.Minute) // a deadline for a broken server, not a speed
				for {
					if data, err := os.ReadFile(file); err == nil {
						u, err := url.Parse(strings.TrimSpace(string(data)))
						ts.Check(err)
						ts.Setenv(args[1], u.String())
						ts.Setenv(args[2], u.Port())
						return
					}
					select {
					case <-w.Events:
					case err := <-w.Errors:
						ts.Fatalf("waitserve: %v", err)
					case <-failsafe:
						ts.Fatalf("waitserve: serve never wrote %s", args[0])
					}
				}
			},
			// waitfor URL REGEXP: fetch the page of a running serve until it
			// matches (or, negated, until it does not). The server's event
			// stream is the signal to fetch again: every rebuild and every
			// refresh of the exports is announced on it.
			"waitfor": func(ts *testscript.TestScript, neg bool, args []string) {
				re := regexp.MustCompile(args[1])
				page, err := url.Parse(args[0])
				ts.Check(err)
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a deadline for a broken server, not a speed
				defer cancel()
				req, err := http.NewRequestWithContext(ctx, "GET", page.Scheme+"://"+page.Host+"/_mohinh/events", nil)
				ts.Check(err)
				resp, err := http.DefaultClient.Do(req)
				ts.Check(err)
				defer resp.Body.Close()
				events := bufio.NewReader(resp.Body)
				nextEvent := func() { // up to the blank line that ends an event
					for {
						line, err := events.ReadString('\n')
						if err != nil {
							ts.Fatalf("waitfor %s: no page matching %q (negated: %v): %v", args[0], args[1], neg, err)
						}
						if line == "\n" {
							return
						}
					}
				}
				nextEvent() // the stream's opening: from here on, no rebuild is missed
				for {
					resp, err := http.Get(args[0])
					ts.Check(err)
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if re.MatchString(string(body)) != neg {
						fmt.Fprint(ts.Stdout(), string(body))
						return
					}
					nextEvent()
				}
			},
			"httpget": func(ts *testscript.TestScript, neg bool, args []string) {
				fl := flag.NewFlagSet("httpget", flag.ContinueOnError)
				host := fl.String("host", "", "Host header")
				origin := fl.String("origin", "", "Origin header")
				ts.Check(fl.Parse(args))
				req, err := http.NewRequest("GET", fl.Arg(0), nil)
				ts.Check(err)
				if *host != "" {
					req.Host = *host
				}
				if *origin != "" {
					req.Header.Set("Origin", *origin)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				resp, err := http.DefaultClient.Do(req.WithContext(ctx))
				ts.Check(err)
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body) // an event stream ends with the timeout
				fmt.Fprintf(ts.Stdout(), "%d\n%s", resp.StatusCode, body)
			},
			"rawget": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: rawget ADDR TARGET [HOST]")
				}
				host := args[0]
				if len(args) > 2 {
					host = args[2]
				}
				conn, err := net.DialTimeout("tcp", args[0], 2*time.Second)
				ts.Check(err)
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(2 * time.Second))
				fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", args[1], host)
				status, err := bufio.NewReader(conn).ReadString('\n')
				ts.Check(err)
				code, _, _ := strings.Cut(strings.TrimPrefix(status, "HTTP/1.1 "), " ")
				fmt.Fprintf(ts.Stdout(), "%s\n", code)
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
