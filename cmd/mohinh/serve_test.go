package main

import (
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// serve's default address is loopback only.
func TestServeDefaultIsLoopback(t *testing.T) {
	host, _, err := net.SplitHostPort(defaultServeAddr)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		t.Errorf("the default address %s is not loopback", defaultServeAddr)
	}
}

// serve on a loopback address answers there and on no other address of the
// machine. It takes a free port itself (--addr 127.0.0.1:0) and says which
// through --addr-file: no port is probed and closed before serve binds it.
func TestServeAnswersOnLoopbackOnly(t *testing.T) {
	site := t.TempDir()
	for name, text := range map[string]string{
		"content/_index.md":                 "---\ntitle: Thử\n---\n",
		"content/organisations/huyen-uy.md": "---\ntitle: Huyện ủy\nkind: cap-uy\n---\n",
	} {
		p := filepath.Join(site, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	dir := t.TempDir()
	addrFile := filepath.Join(dir, "addr")
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "serve", "--site", site, "--addr", "127.0.0.1:0", "--addr-file", addrFile)
	cmd.Env = append(os.Environ(), "MOHINH_TEST_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	var served *url.URL
	for served == nil {
		if data, err := os.ReadFile(addrFile); err == nil {
			if served, err = url.Parse(strings.TrimSpace(string(data))); err != nil {
				t.Fatal(err)
			}
			break
		}
		select {
		case <-w.Events:
		case err := <-exited:
			t.Fatalf("serve stopped before serving: %v", err)
		case <-time.After(2 * time.Minute): // a deadline for a broken server, not a speed
			t.Fatal("serve never wrote its address")
		}
	}
	host, port, err := net.SplitHostPort(served.Host)
	if err != nil || host != "127.0.0.1" {
		t.Fatalf("serves at %s, want 127.0.0.1", served)
	}
	if conn, err := net.Dial("tcp", served.Host); err != nil {
		t.Fatalf("loopback does not answer: %v", err)
	} else {
		conn.Close()
	}
	addrs, _ := net.InterfaceAddrs()
	others := 0
	for _, a := range addrs {
		ipnet, ok := a.(*net.IPNet)
		if !ok || ipnet.IP.IsLoopback() || ipnet.IP.IsLinkLocalUnicast() {
			continue
		}
		others++
		addr := net.JoinHostPort(ipnet.IP.String(), port)
		if conn, err := net.DialTimeout("tcp", addr, 5*time.Second); err == nil {
			conn.Close()
			t.Errorf("serve answers on %s", addr)
		}
	}
	t.Logf("checked %d other addresses of this machine", others)
}
