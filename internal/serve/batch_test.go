package serve

import (
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func ev(name string, op fsnotify.Op) event { return event{name: name, op: op} }

func TestSummarise(t *testing.T) {
	b := batcher{site: "/site"}
	reg := "/site/content/registrations/2024/xa-ka-do/chi-bo-so.md"
	tests := []struct {
		name   string
		events []event
		want   change
	}{
		{"vim save: 4913 probe, swap file, backup, rename, write", []event{
			ev("/site/content/registrations/2024/xa-ka-do/4913", fsnotify.Create),
			ev("/site/content/registrations/2024/xa-ka-do/4913", fsnotify.Remove),
			ev("/site/content/registrations/2024/xa-ka-do/.chi-bo-so.md.swp", fsnotify.Write),
			ev(reg, fsnotify.Rename),
			ev("/site/content/registrations/2024/xa-ka-do/chi-bo-so.md~", fsnotify.Create),
			ev(reg, fsnotify.Create),
			ev(reg, fsnotify.Write),
			ev(reg, fsnotify.Chmod),
			ev("/site/content/registrations/2024/xa-ka-do/chi-bo-so.md~", fsnotify.Remove),
		}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so.md"}}},
		{"atomic save: temporary file renamed over the file", []event{
			ev("/site/content/registrations/2024/xa-ka-do/.chi-bo-so.md.tmp.123", fsnotify.Create),
			ev("/site/content/registrations/2024/xa-ka-do/.chi-bo-so.md.tmp.123", fsnotify.Write),
			ev("/site/content/registrations/2024/xa-ka-do/.chi-bo-so.md.tmp.123", fsnotify.Rename),
			ev(reg, fsnotify.Create),
		}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so.md"}}},
		{"several writes for one save", []event{
			ev(reg, fsnotify.Write), ev(reg, fsnotify.Write), ev(reg, fsnotify.Write),
		}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so.md"}}},
		{"rename within content", []event{
			ev(reg, fsnotify.Rename),
			ev("/site/content/registrations/2024/xa-ka-do/chi-bo-so-moi.md", fsnotify.Create),
		}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so-moi.md", "content/registrations/2024/xa-ka-do/chi-bo-so.md"}}},
		{"folder deleted and created again", []event{
			ev("/site/content/registrations/2025/xa-pro", fsnotify.Remove),
			ev("/site/content/registrations/2025/xa-pro", fsnotify.Create),
		}, change{paths: []string{"content/registrations/2025/xa-pro"}}},
		{"layouts", []event{
			ev("/site/layouts/base.html", fsnotify.Write), ev(reg, fsnotify.Write),
		}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so.md"}, layouts: true}},
		{"overflow", []event{ev(reg, fsnotify.Write), {overflow: true}}, change{paths: []string{"content/registrations/2024/xa-ka-do/chi-bo-so.md"}, rescan: true}},
		{"outside content and layouts, chmod only", []event{
			ev("/site/public/index.html", fsnotify.Write), ev("/site/README.md", fsnotify.Write),
			ev("/elsewhere/content/x.md", fsnotify.Write), ev(reg, fsnotify.Chmod),
		}, change{}},
	}
	for _, tt := range tests {
		got := b.summarise(tt.events)
		if !slices.Equal(got.paths, tt.want.paths) || got.layouts != tt.want.layouts || got.rescan != tt.want.rescan {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

// A storm of events — a "git checkout" of another branch touching a
// thousand files over a few hundred milliseconds — is one rebuild.
func TestCollectStormIsOneBatch(t *testing.T) {
	b := batcher{site: "/site", quiet: 40 * time.Millisecond, max: 2 * time.Second}
	events := make(chan event, 2000)
	go func() {
		for i := range 1000 {
			events <- ev("/site/content/registrations/2024/xa/"+itoa(i)+".md", fsnotify.Write)
			if i%100 == 0 {
				time.Sleep(10 * time.Millisecond) // bursts, shorter than quiet
			}
		}
	}()
	first := <-events
	c := b.collect(first, events, nil)
	if len(c.paths) != 1000 {
		t.Errorf("one batch holds %d paths, want 1000", len(c.paths))
	}
	select {
	case e := <-events:
		t.Errorf("an event was left for a second rebuild: %+v", e)
	default:
	}
}

// A checkout slower than max, with pauses longer than quiet (git writing
// its index, a slow disk), is still one rebuild once it is a burst.
func TestCollectSlowCheckoutIsOneBatch(t *testing.T) {
	b := batcher{site: "/site", quiet: 20 * time.Millisecond, max: 300 * time.Millisecond,
		burst: 100, burstQuiet: 150 * time.Millisecond, burstMax: 5 * time.Second}
	events := make(chan event, 2000)
	go func() {
		for i := range 1000 {
			events <- ev("/site/content/registrations/2024/xa/"+itoa(i)+".md", fsnotify.Write)
			if i%200 == 199 {
				time.Sleep(100 * time.Millisecond) // a pause longer than quiet
			}
		}
	}()
	start := time.Now()
	c := b.collect(<-events, events, nil)
	if len(c.paths) != 1000 {
		t.Errorf("one batch holds %d paths after %v, want 1000", len(c.paths), time.Since(start))
	}
}

// A stream that never goes quiet is still cut at max, so a reviewer is not
// kept waiting by a process that keeps writing.
func TestCollectStopsAtMax(t *testing.T) {
	b := batcher{site: "/site", quiet: 50 * time.Millisecond, max: 200 * time.Millisecond}
	events := make(chan event)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case events <- ev("/site/content/registrations/2024/xa/a.md", fsnotify.Write):
				time.Sleep(10 * time.Millisecond)
			case <-stop:
				return
			}
		}
	}()
	start := time.Now()
	c := b.collect(<-events, events, nil)
	if d := time.Since(start); d > time.Second {
		t.Errorf("collect took %v with max 200ms", d)
	}
	if len(c.paths) != 1 {
		t.Errorf("paths %v", c.paths)
	}
}

func itoa(i int) string {
	return string(rune('a'+i/26/26%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
}
