package main

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Without --addr, serve listens on 127.0.0.1 only: no other address of the
// machine answers on its port.
func TestServeBindsLoopbackByDefault(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.1:1313"); err != nil {
		t.Skipf("port 1313, serve's default, is taken here: %v", err)
	} else {
		ln.Close()
	}
	site := t.TempDir()
	for name, text := range map[string]string{
		"content/_index.md":                 "---\ntitle: Thử\n---\n",
		"content/organisations/huyen-uy.md": "---\ntitle: Huyện ủy\nkind: cap-uy\n---\n",
	} {
		p := filepath.Join(site, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	cmd := exec.Command(os.Args[0], "serve", "--site", site)
	cmd.Env = append(os.Environ(), "MOHINH_TEST_MAIN=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(20 * time.Second)
	for serving := false; !serving; {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("serve stopped before serving")
			}
			if strings.HasPrefix(line, "Đang phục vụ tại ") {
				if !strings.Contains(line, "http://127.0.0.1:1313/") {
					t.Fatalf("serves at %q, want http://127.0.0.1:1313/", line)
				}
				serving = true
			}
		case <-timeout:
			t.Fatal("serve did not start in 20 s")
		}
	}
	go func() {
		for range lines {
		}
	}()

	if conn, err := net.DialTimeout("tcp", "127.0.0.1:1313", time.Second); err != nil {
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
		addr := net.JoinHostPort(ipnet.IP.String(), "1313")
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			conn.Close()
			t.Errorf("serve answers on %s", addr)
		}
	}
	t.Logf("checked %d other addresses of this machine", others)
}
