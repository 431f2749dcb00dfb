package deploytest

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// caddyGlobal is put before docs/deploy/Caddyfile: no admin endpoint, which
// would listen on the fixed port 2019.
const caddyGlobal = "{\n\tadmin off\n}\n\n"

// caddyReady is what Caddy logs once it listens.
const caddyReady = `"msg":"serving initial configuration"`

func TestCaddy(t *testing.T) {
	caddy := findServer("caddy", "/usr/bin", "/usr/local/bin")
	if caddy == "" {
		t.Skip("no caddy (apt-get install caddy): the Caddyfile of docs/deploy/ is not tested")
	}
	out := site(t)

	// Caddy cannot take over a socket: the test picks a free port, closes
	// it and gives it to Caddy, trying again, a bounded number of times,
	// when another program took it in between.
	var origin string
	for attempt := 0; origin == ""; attempt++ {
		if attempt == 3 {
			t.Fatal("caddy could not listen on a free port three times")
		}
		origin = startCaddy(t, caddy, out)
	}
	checkServer(t, origin, out)
}

// startCaddy starts Caddy on a port free a moment ago and returns its
// address once Caddy says it serves, or "" when the port was taken.
func startCaddy(t *testing.T, caddy, out string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	dir := t.TempDir()
	site := deployConfig(t, "Caddyfile",
		"http://mohinh.example.internal", "http://"+addr,
		"/srv/mohinh/public", out)
	conf := filepath.Join(dir, "Caddyfile")
	if err := os.WriteFile(conf, []byte(caddyGlobal+site), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(caddy, "run", "--config", conf, "--adapter", "caddyfile")
	// Caddy keeps its state under $HOME and the XDG folders: the test's.
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	var output lockedBuffer
	cmd.Stdout = &output
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Caddy logs to stderr: read it until it says it serves, or until it
	// ends because Caddy did; then copy the rest, so that Caddy never
	// blocks on a full pipe.
	ready := false
	lines := bufio.NewReader(stderr)
	for {
		line, err := lines.ReadString('\n')
		output.Write([]byte(line))
		if strings.Contains(line, caddyReady) {
			ready = true
			break
		}
		if err != nil {
			break
		}
	}
	copied := make(chan struct{})
	go func() { io.Copy(&output, lines); close(copied) }()
	exited := make(chan struct{})
	go func() { <-copied; cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("caddy's output:\n%s", output.String())
		}
	})
	if !ready {
		<-exited
		if strings.Contains(output.String(), "address already in use") {
			return ""
		}
		t.Fatalf("caddy ended before it served:\n%s", output.String())
	}
	origin := "http://" + addr
	waitReady(t, origin, exited, &output)
	return origin
}
