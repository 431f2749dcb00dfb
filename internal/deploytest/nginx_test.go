//go:build linux

package deploytest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

// nginxMain wraps docs/deploy/nginx.conf (a server block) the way Debian's
// /etc/nginx/nginx.conf includes conf.d/: inside an http block. Every path
// nginx writes is in the test's folder. (With master_process off, nginx
// 1.22 crashes on an inherited socket: a master and one worker, then.)
const nginxMain = `worker_processes 1;
events {
    worker_connections 256;
}
http {
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    include server.conf;
}
`

func TestNginx(t *testing.T) {
	nginx := findServer("nginx", "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin")
	if nginx == "" {
		msg := "no nginx (apt-get install nginx): the nginx configuration of docs/deploy/ is not tested"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// Debian's mime.types, which the server block includes.
	mimeTypes, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		t.Fatalf("nginx's mime.types: %v", err)
	}
	out := site(t)
	dir := t.TempDir()
	// Run as root, nginx's worker drops to an unprivileged user (nobody),
	// which must be able to read the site, as in production (www-data).
	if err := os.Chmod(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}

	// nginx takes over the socket the test listens on (nginx reads
	// inherited listening sockets from $NGINX, "fd;"), so no other program
	// can take the port between the test's choosing it and nginx's use.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	lnFile, err := ln.(*net.TCPListener).File()
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()

	server := deployConfig(t, "nginx.conf",
		"listen 80;", "listen "+addr+";",
		"alias /srv/mohinh/public/;", "alias "+out+"/;")
	for name, data := range map[string]string{
		"nginx.conf":  fmt.Sprintf(nginxMain, dir),
		"server.conf": server,
		"mime.types":  string(mimeTypes),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	var output lockedBuffer
	cmd := exec.Command(nginx, "-p", dir+"/", "-c", filepath.Join(dir, "nginx.conf"), "-e", "stderr",
		"-g", "daemon off; pid "+filepath.Join(dir, "nginx.pid")+"; error_log stderr notice;")
	cmd.Env = append(os.Environ(), "NGINX=3;")
	cmd.ExtraFiles = []*os.File{lnFile} // fd 3
	cmd.Stdout = &output
	cmd.Stderr = &output
	// Its own process group, killed whole at the end: the master and its
	// worker. The master dies with the test's process too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lnFile.Close()
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
		if t.Failed() {
			t.Logf("nginx's output:\n%s", output.String())
		}
	})
	origin := "http://" + addr
	waitReady(t, origin, exited, &output)

	checkServer(t, origin, out)

	// The form offers a new-file link (a whole URL, scheme and host
	// included) of at most content.NewFileLinkLimit bytes because nginx,
	// in front of most self-hosted forges, refuses longer request lines.
	t.Run("request-line", func(t *testing.T) {
		limit := requestLineLimit(t, addr)
		t.Logf("nginx's default limit: a request-target of %d bytes is answered, %d gets 414 (the request line %q + target + %q: %d bytes, nginx's 8 KB large_client_header_buffers)",
			limit, limit+1, "GET ", " HTTP/1.1\r\n", len("GET ")+limit+len(" HTTP/1.1\r\n"))
		if content.NewFileLinkLimit > limit {
			t.Errorf("content.NewFileLinkLimit is %d, but nginx answers 414 to a request-target over %d bytes", content.NewFileLinkLimit, limit)
		}
	})
}
