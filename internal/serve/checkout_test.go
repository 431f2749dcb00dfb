package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/mohinh/mohinh/internal/corpus"
)

// syncBuffer is a log that a test reads while the server writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// manualClock is a clock that moves only when the test says.
type manualClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []manualWaiter
}

type manualWaiter struct {
	at time.Time
	ch chan time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, manualWaiter{c.now.Add(d), ch})
	return ch
}

// Advance moves the clock on by d and wakes whoever waited that long.
func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
			continue
		}
		w.ch <- c.now
	}
	c.waiters = kept
}

// A branch checkout changes a thousand files at once: serve rebuilds once,
// not once per file, and then shows every page of the new tree. The
// server's clock stands still while the files are written, however long
// the machine takes to write them; once the watcher has handed over the
// event of the last file, the clock moves past the checkout's quiet, and
// the one batch must hold every event the watcher gave.
func TestThousandFilesChangingAtOnceRebuildOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a thousand files into a running server's site")
	}
	site := t.TempDir()
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	regs, _ := filepath.Glob(filepath.Join(site, "content/registrations/*/*/*.md"))
	slices.Sort(regs)
	if len(regs) != 500 {
		t.Fatalf("the corpus has %d registrations", len(regs))
	}
	lastFile := strings.TrimSuffix(regs[len(regs)-1], ".md") + "-moi.md"

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	clock := &manualClock{now: time.Date(2024, 1, 8, 9, 0, 0, 0, time.UTC)}
	var seen atomic.Int64
	lastSeen := make(chan struct{})
	var once sync.Once
	srv := New(Options{Site: site, Log: log})
	srv.batcher = defaultBatcher(site)
	srv.batcher.clock = clock
	srv.batcher.observe = func(ev event) {
		seen.Add(1)
		if ev.name == lastFile && ev.op.Has(fsnotify.Write) {
			once.Do(func() { close(lastSeen) })
		}
	}
	batches := make(chan change, 16)
	srv.batched = func(c change) { batches <- c }
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln, func() { close(ready) }) }()
	defer func() {
		cancel()
		<-done
	}()
	<-ready
	base := "http://" + ln.Addr().String()
	rebuilds := func() int { return strings.Count(log.String(), "Đã dựng lại") }
	if n := rebuilds(); n != 1 {
		t.Fatalf("%d builds at start:\n%s", n, log)
	}

	// The checkout: every registration edited, and as many new ones, each
	// in a new file beside an existing one; the new file of the last
	// registration is written last.
	var pages []string
	want := map[string]string{}
	for i, p := range regs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		edited := retitle(string(data), fmt.Sprintf("Nhánh %d — mô hình đã sửa", i))
		if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		added := strings.TrimSuffix(p, ".md") + "-moi.md"
		if err := os.WriteFile(added, []byte(retitle(string(data), fmt.Sprintf("Thêm %d — mô hình mới", i))), 0o644); err != nil {
			t.Fatal(err)
		}
		for q, title := range map[string]string{p: fmt.Sprintf("Nhánh %d — mô hình đã sửa", i), added: fmt.Sprintf("Thêm %d — mô hình mới", i)} {
			rel, _ := filepath.Rel(filepath.Join(site, "content/registrations"), q)
			page := "/mo-hinh/" + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"
			pages = append(pages, page)
			want[page] = title
		}
	}

	// inotify keeps the order of events: when the last file's write has
	// reached the batcher, every earlier event has too.
	select {
	case <-lastSeen:
	case <-time.After(2 * time.Minute): // a deadline for a broken watcher, not a speed
		t.Fatalf("the watcher never reported %s (%d events seen)", lastFile, seen.Load())
	}
	clock.Advance(srv.batcher.burstQuiet)
	var c change
	select {
	case c = <-batches:
	case <-time.After(2 * time.Minute): // a deadline for a broken server, not a speed
		t.Fatal("no rebuild after the checkout")
	}
	if c.events != int(seen.Load()) || c.cut {
		t.Errorf("the batch holds %d of the %d events the watcher gave (cut %v): more than one rebuild for one checkout", c.events, seen.Load(), c.cut)
	}
	if len(c.paths) != 1000 {
		t.Errorf("the batch has %d paths, want 1000", len(c.paths))
	}
	if n := rebuilds() - 1; n != 1 {
		t.Errorf("%d rebuilds for one checkout, want 1:\n%s", n, log)
	}
	if strings.Contains(log.String(), "Nội dung có") {
		t.Errorf("the checkout was reported broken:\n%s", log)
	}
	slices.Sort(pages)
	for i, page := range pages {
		if i%50 != 0 && i != len(pages)-1 {
			continue // a sample: every page was rendered by the same rebuild
		}
		resp, err := http.Get(base + page)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want[page]) {
			t.Errorf("%s: %d, lacks %q", page, resp.StatusCode, want[page])
		}
	}
}

// retitle replaces the title line of a registration.
func retitle(text, title string) string {
	start := strings.Index(text, "\ntitle: ") + 1
	end := start + strings.IndexByte(text[start:], '\n')
	return text[:start] + "title: " + title + text[end:]
}
