package serve

import (
	"path"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/mohinh/mohinh/internal/content"
)

// A change is what one rebuild must take into account: the content paths
// to read again, and whether the layouts changed, HEAD or a ref moved, or
// everything must be read again (the watcher lost events).
type change struct {
	paths   []string // slash paths relative to the site folder, sorted, unique
	layouts bool
	git     bool // with serve --base: compare with the base again
	rescan  bool
	events  int  // the watcher's events the batch gathered
	cut     bool // the batch was cut at its maximum while events kept coming
}

func (c change) empty() bool { return len(c.paths) == 0 && !c.layouts && !c.git && !c.rescan }

// clock is the time a batcher waits by: the real one, or a test's.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// batcher turns the events of editors and git into few rebuilds. An editor
// saves with several events (write, chmod, a temporary file renamed over
// the file, vim's "4913" probe); a "git checkout" touches hundreds of files
// in a burst. Events are collected until the tree has been quiet for
// quiet, or for at most max after the first, then handed over as one
// change. Once a batch has burst events it is a checkout, not a save: the
// window then extends by burstQuiet after each event, up to burstMax after
// the first, so that a checkout on a slow disk, or one that pauses between
// files, is still one rebuild however long it takes below that bound.
// Nothing here depends on how fast the machine is: only on the gaps
// between events, measured by clock.
type batcher struct {
	site  string   // the site folder, as the watcher names paths
	git   []string // the git folders watched (serve --base), as the watcher names them
	clock clock
	quiet time.Duration
	max   time.Duration

	burst      int // events; 0 for no burst mode
	burstQuiet time.Duration
	burstMax   time.Duration

	observe func(event) // a test's view of each event taken; nil
}

// defaultBatcher waits 20 ms after a save (an editor's events come within
// a few ms) and 200 ms between the files of a checkout, up to 10 s.
func defaultBatcher(site string) batcher {
	return batcher{
		site: site, clock: realClock{}, quiet: 20 * time.Millisecond, max: 500 * time.Millisecond,
		burst: 100, burstQuiet: 200 * time.Millisecond, burstMax: 10 * time.Second,
	}
}

// collect reads events until a batch is complete and returns it. first is
// the event that started the batch. It returns early when done closes.
func (b batcher) collect(first event, events <-chan event, done <-chan struct{}) change {
	pending := []event{first}
	start := b.clock.Now()
	last := start
	b.see(first)
	for {
		quiet, limit := b.quiet, b.max
		if b.burst > 0 && len(pending) >= b.burst {
			quiet, limit = b.burstQuiet, b.burstMax
		}
		wake := last.Add(quiet)
		if end := start.Add(limit); end.Before(wake) {
			wake = end
		}
		select {
		case ev := <-events:
			pending = append(pending, ev)
			last = b.clock.Now()
			b.see(ev) // after last: a test may move the clock on from here
		case now := <-b.clock.After(wake.Sub(b.clock.Now())):
			if now.Before(wake) {
				continue
			}
			c := b.summarise(pending)
			c.cut = last.Add(quiet).After(wake) // the limit came before the quiet
			return c
		case <-done:
			return change{}
		}
	}
}

func (b batcher) see(ev event) {
	if b.observe != nil {
		b.observe(ev)
	}
}

// event is a file-system event, or a note that events were lost.
type event struct {
	name     string // absolute or site-relative path as the watcher gives it
	op       fsnotify.Op
	overflow bool
}

// summarise reduces a batch of events to the change to rebuild: editors'
// temporary files and events outside content/ and layouts/ are dropped;
// the same path many times counts once.
func (b batcher) summarise(events []event) change {
	c := change{events: len(events)}
	seen := map[string]bool{}
	for _, ev := range events {
		if ev.overflow {
			c.rescan = true
			continue
		}
		if ev.op == fsnotify.Chmod {
			continue // touch, permissions: the content is the same
		}
		if b.gitRef(ev.name) {
			c.git = true
			continue
		}
		rel := b.relative(ev.name)
		if rel == "" || editorFile(path.Base(rel)) {
			continue
		}
		switch {
		case rel == "layouts" || strings.HasPrefix(rel, "layouts/"):
			c.layouts = true
		case rel == "content" || strings.HasPrefix(rel, "content/"):
			if !seen[rel] {
				seen[rel] = true
				c.paths = append(c.paths, rel)
			}
		}
	}
	slices.Sort(c.paths)
	return c
}

// relative returns name relative to the site folder, slash-separated, or
// "" when it is outside.
func (b batcher) relative(name string) string { return under(b.site, name) }

// gitRef reports whether name is where git records which commit HEAD, a
// branch or the base is: HEAD, packed-refs, refs/…; not the lock files
// git writes them through (the rename that follows is the event that
// counts), nor the index, the objects and the logs, which a "git status"
// in another window touches without moving anything.
func (b batcher) gitRef(name string) bool {
	for _, dir := range b.git {
		rel := under(dir, name)
		if rel == "" || strings.HasSuffix(rel, ".lock") {
			continue
		}
		if rel == "HEAD" || rel == "packed-refs" || rel == "refs" || strings.HasPrefix(rel, "refs/") {
			return true
		}
	}
	return false
}

// under returns name relative to dir, slash-separated, or "" when it is
// outside.
func under(dir, name string) string {
	name = path.Clean(strings.ReplaceAll(name, "\\", "/"))
	dir = path.Clean(strings.ReplaceAll(dir, "\\", "/"))
	if dir == "." {
		return name
	}
	rel, ok := strings.CutPrefix(name, dir+"/")
	if !ok {
		return ""
	}
	return rel
}

// editorFile reports whether a name is an editor's or system's temporary
// file, as the loader skips it (content.IsEditorFile).
func editorFile(name string) bool { return content.IsEditorFile(name) }
