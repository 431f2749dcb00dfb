package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/corpus"
)

// failAfter bounds how long a test waits for the server to do what it
// must; only a broken server reaches it.
const failAfter = 30 * time.Second

// startServer serves a small site, with the timeouts given, on a listener
// of the test's, until the test ends. It returns the server and its
// address.
func startServer(t *testing.T, to timeouts) (*Server, string) {
	t.Helper()
	site := t.TempDir()
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Site: site})
	s.timeouts = to
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, func() { close(ready) }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	return s, ln.Addr().String()
}

// get sends a GET of path on a connection kept alive and reads the
// response's head.
func get(t *testing.T, conn net.Conn, r *bufio.Reader, path string) *http.Response {
	t.Helper()
	addr := conn.RemoteAddr().String()
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, addr); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(failAfter))
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// A connection kept alive after a page and left unused is closed by the
// server: a browser's idle connections do not pile up.
func TestIdleConnectionIsClosed(t *testing.T) {
	_, addr := startServer(t, timeouts{header: time.Minute, write: time.Minute, idle: 50 * time.Millisecond})
	conn := dial(t, addr)
	r := bufio.NewReader(conn)
	resp := get(t, conn, r, "/")
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Close {
		t.Fatalf("GET /: %s, close %v; want 200 on a connection kept alive", resp.Status, resp.Close)
	}
	conn.SetReadDeadline(time.Now().Add(failAfter))
	if _, err := r.ReadByte(); err != io.EOF {
		t.Fatalf("reading the idle connection: %v; want EOF, the server closing it", err)
	}
}

// The event stream lasts longer than the write timeout: a rebuild after
// the timeout has passed still reaches the page.
func TestEventStreamOutlivesWriteTimeout(t *testing.T) {
	s, addr := startServer(t, timeouts{header: time.Minute, write: 100 * time.Millisecond, idle: 100 * time.Millisecond})
	conn := dial(t, addr)
	stream := get(t, conn, bufio.NewReader(conn), eventsPath)
	if stream.StatusCode != http.StatusOK || stream.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("the event stream: %s %q", stream.Status, stream.Header.Get("Content-Type"))
	}
	events := bufio.NewReader(stream.Body)
	if line, err := events.ReadString('\n'); err != nil || line != ": mohinh\n" {
		t.Fatalf("the stream begins %q, %v", line, err)
	}

	// The write timeout has passed once a connection opened after the
	// stream is closed by the server: left idle for as long as the timeout
	// after its response, or, should the response take longer, on its
	// failed write.
	clock := dial(t, addr)
	fmt.Fprintf(clock, "GET /khong-co/ HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	clock.SetReadDeadline(time.Now().Add(failAfter))
	if _, err := io.Copy(io.Discard, clock); errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("a connection opened after the stream is still open: %v", err)
	}

	s.events.send("reload")
	conn.SetReadDeadline(time.Now().Add(failAfter))
	var got []string
	for {
		line, err := events.ReadString('\n')
		got = append(got, line)
		if err != nil {
			t.Fatalf("the stream ended before the reload (%v): %q", err, got)
		}
		if line == "data: reload\n" {
			return
		}
	}
}
