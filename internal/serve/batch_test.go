package serve

import (
	"slices"
	"testing"
	"testing/synctest"
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

// With --base, git's records of where HEAD and the refs point wake a
// comparison with the base; what a "git status" or an editor's git
// integration touches in another window (the index, lock files, objects,
// logs) does not.
func TestSummariseGitRefs(t *testing.T) {
	b := batcher{site: "/repo/site", git: []string{"/repo/.git"}}
	tests := []struct {
		name   string
		events []event
		git    bool
	}{
		{"checkout: HEAD through its lock file", []event{
			ev("/repo/.git/HEAD.lock", fsnotify.Create), ev("/repo/.git/HEAD.lock", fsnotify.Rename), ev("/repo/.git/HEAD", fsnotify.Create),
		}, true},
		{"a branch or the base moves", []event{ev("/repo/.git/refs/heads/main", fsnotify.Create)}, true},
		{"a fetch", []event{ev("/repo/.git/refs/remotes/origin/main", fsnotify.Create), ev("/repo/.git/FETCH_HEAD", fsnotify.Write)}, true},
		{"refs packed", []event{ev("/repo/.git/packed-refs", fsnotify.Create)}, true},
		{"git status in another window", []event{
			ev("/repo/.git/index.lock", fsnotify.Create), ev("/repo/.git/index.lock", fsnotify.Rename), ev("/repo/.git/index", fsnotify.Create),
		}, false},
		{"objects and logs of a commit, a lock never renamed", []event{
			ev("/repo/.git/objects/ab", fsnotify.Create), ev("/repo/.git/logs/HEAD", fsnotify.Write),
			ev("/repo/.git/refs/heads/main.lock", fsnotify.Create), ev("/repo/.git/ORIG_HEAD", fsnotify.Write),
		}, false},
	}
	for _, tt := range tests {
		got := b.summarise(tt.events)
		if got.git != tt.git || len(got.paths) != 0 || got.layouts {
			t.Errorf("%s: %+v, want git %v and nothing else", tt.name, got, tt.git)
		}
		if got.empty() == tt.git {
			t.Errorf("%s: empty %v, want a rebuild %v", tt.name, got.empty(), tt.git)
		}
	}
}

// The timing tests run in a synctest bubble: time is fake and moves only
// when every goroutine of the test waits, so a sleep of the producer is
// an exact gap between events, whatever the machine is doing.

func testBatcher() batcher {
	b := defaultBatcher("/site")
	return b
}

// A storm of events — a "git checkout" of another branch touching a
// thousand files in bursts — is one rebuild.
func TestCollectStormIsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := testBatcher()
		events := make(chan event)
		go func() {
			for i := range 1000 {
				events <- ev("/site/content/registrations/2024/xa/"+itoa(i)+".md", fsnotify.Write)
				if i%100 == 0 {
					time.Sleep(10 * time.Millisecond) // bursts, shorter than a save's quiet
				}
			}
		}()
		c := b.collect(<-events, events, nil)
		if len(c.paths) != 1000 || c.events != 1000 || c.cut {
			t.Errorf("one batch holds %d paths of %d events (cut %v), want 1000", len(c.paths), c.events, c.cut)
		}
	})
}

// A checkout on a slow disk — 1,000 files over 2 seconds, with pauses
// longer than a save's quiet between its phases — is still one rebuild:
// the window extends while events keep coming.
func TestCollectSlowCheckoutIsOneBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := testBatcher()
		events := make(chan event)
		go func() {
			for i := range 1000 {
				events <- ev("/site/content/registrations/2024/xa/"+itoa(i)+".md", fsnotify.Write)
				time.Sleep(time.Millisecond)
				if i%200 == 199 {
					time.Sleep(150 * time.Millisecond) // git between two phases
				}
			}
		}()
		start := time.Now()
		c := b.collect(<-events, events, nil)
		if len(c.paths) != 1000 || c.cut {
			t.Errorf("one batch holds %d paths (cut %v) after %v, want 1000", len(c.paths), c.cut, time.Since(start))
		}
		// The batch closes exactly burstQuiet after the last event.
		// The last event comes after 999 gaps of 1 ms and 4 pauses.
		if took, want := time.Since(start), 999*time.Millisecond+4*150*time.Millisecond+b.burstQuiet; took != want {
			t.Errorf("the batch closed after %v, want %v", took, want)
		}
	})
}

// One save is a few events within milliseconds: one batch, closed by the
// short quiet, not the checkout's.
func TestCollectSaveClosesQuickly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := testBatcher()
		events := make(chan event, 8)
		reg := "/site/content/registrations/2024/xa/a.md"
		events <- ev(reg, fsnotify.Write)
		events <- ev(reg, fsnotify.Chmod)
		start := time.Now()
		c := b.collect(ev(reg, fsnotify.Rename), events, nil)
		if took := time.Since(start); took != b.quiet || len(c.paths) != 1 {
			t.Errorf("a save closed after %v with %v, want %v", took, c.paths, b.quiet)
		}
	})
}

// A stream that never goes quiet is still cut at max, so a reviewer is not
// kept waiting by a process that keeps writing; the batch says it was cut.
func TestCollectStopsAtMax(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := testBatcher()
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
		if took := time.Since(start); took != b.max || !c.cut || len(c.paths) != 1 {
			t.Errorf("collect took %v (cut %v, paths %v), want %v", took, c.cut, c.paths, b.max)
		}
	})
}

// A checkout that never ends is cut at burstMax.
func TestCollectBurstStopsAtBurstMax(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := testBatcher()
		events := make(chan event)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for i := 0; ; i++ {
				select {
				case events <- ev("/site/content/registrations/2024/xa/"+itoa(i%17000)+".md", fsnotify.Write):
					time.Sleep(time.Millisecond)
				case <-stop:
					return
				}
			}
		}()
		start := time.Now()
		c := b.collect(<-events, events, nil)
		if took := time.Since(start); took != b.burstMax || !c.cut {
			t.Errorf("collect took %v (cut %v), want %v", took, c.cut, b.burstMax)
		}
	})
}

func itoa(i int) string {
	return string(rune('a'+i/26/26%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
}
