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
	"testing"
	"time"

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

// A branch checkout changes a thousand files at once: serve rebuilds once,
// not once per file, and then shows every page of the new tree.
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

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- New(Options{Site: site, Log: log}).Run(ctx, ln, func() { close(ready) }) }()
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
	// in a new file beside an existing one, written as fast as git does,
	// with a pause halfway longer than an editor's save takes (a slow disk,
	// git between two phases).
	var pages []string
	want := map[string]string{}
	start := time.Now()
	for i, p := range regs {
		if i == len(regs)/2 {
			time.Sleep(150 * time.Millisecond)
		}
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
	written := time.Since(start)

	// Wait for the rebuild, then for quiet: any further rebuild would show.
	deadline := time.Now().Add(60 * time.Second)
	for rebuilds() < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(2 * time.Second)
	t.Logf("1,000 files written in %v", written.Round(time.Millisecond))
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
