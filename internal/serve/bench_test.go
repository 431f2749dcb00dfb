package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/corpus"
)

// BenchmarkSaveToReload measures, on a generated site, the time from
// saving one registration to an open page having its reload event and the
// page reloaded with the change: what a reviewer waits for. The corpus
// size is MOHINH_BENCH_N (default 2,000; the README's figure is 10,000).
//
//	MOHINH_BENCH_N=10000 go test -run '^$' -bench SaveToReload -benchtime 20x ./internal/serve/
func BenchmarkSaveToReload(b *testing.B) {
	n := 2000
	if v := os.Getenv("MOHINH_BENCH_N"); v != "" {
		fmt.Sscan(v, &n)
	}
	site := b.TempDir()
	if _, err := corpus.Generate(site, corpus.Options{Registrations: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	regs, _ := filepath.Glob(filepath.Join(site, "content/registrations/*/*/*.md"))
	slices.Sort(regs)
	target := regs[len(regs)/2]
	original, _ := os.ReadFile(target)
	rel, _ := filepath.Rel(filepath.Join(site, "content/registrations"), target)
	page := "/mo-hinh/" + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan struct{})
	s := New(Options{Site: site})
	go s.Run(ctx, ln, func() { close(ready) })
	<-ready
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + eventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	events.ReadString('\n') // the opening comment

	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		title := fmt.Sprintf("Mô hình đã sửa lần %d", i)
		edited := strings.Replace(string(original), "\ntitle: ", "\ntitle: "+title+" — ", 1)
		start := time.Now()
		if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				b.Fatal(err)
			}
			if strings.HasPrefix(line, "data: reload") {
				break
			}
		}
		r, err := http.Get(base + page)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !strings.Contains(string(body), title) {
			b.Fatalf("the reloaded page %s lacks %q", page, title)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
}
