package serve

import (
	"path"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// A change is what one rebuild must take into account: the content paths
// to read again, and whether the layouts changed or everything must be
// read again (the watcher lost events).
type change struct {
	paths   []string // slash paths relative to the site folder, sorted, unique
	layouts bool
	rescan  bool
}

func (c change) empty() bool { return len(c.paths) == 0 && !c.layouts && !c.rescan }

// batcher turns the events of editors and git into few rebuilds. An editor
// saves with several events (write, chmod, a temporary file renamed over
// the file, vim's "4913" probe); a "git checkout" touches hundreds of files
// in a burst. Events are collected until the tree has been quiet for
// quiet, or for at most max after the first, then handed over as one
// change. Once a batch has burst events it is a checkout, not a save: it
// waits for burstQuiet of quiet, up to burstMax, so that a checkout that
// takes longer than max or pauses between files is still one rebuild.
type batcher struct {
	site  string // the site folder, as the watcher names paths
	quiet time.Duration
	max   time.Duration

	burst      int // events; 0 for no burst mode
	burstQuiet time.Duration
	burstMax   time.Duration
}

// collect reads events until a batch is complete and returns it. first is
// the event that started the batch. It returns early when done closes.
func (b batcher) collect(first event, events <-chan event, done <-chan struct{}) change {
	pending := []event{first}
	start := time.Now()
	deadline := time.NewTimer(b.max)
	defer deadline.Stop()
	quiet := time.NewTimer(b.quiet)
	defer quiet.Stop()
	for {
		select {
		case ev := <-events:
			pending = append(pending, ev)
			if b.burst > 0 && len(pending) >= b.burst {
				if len(pending) == b.burst {
					deadline.Reset(time.Until(start.Add(b.burstMax)))
				}
				quiet.Reset(b.burstQuiet)
			} else {
				quiet.Reset(b.quiet)
			}
		case <-quiet.C:
			return b.summarise(pending)
		case <-deadline.C:
			return b.summarise(pending)
		case <-done:
			return change{}
		}
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
	var c change
	seen := map[string]bool{}
	for _, ev := range events {
		if ev.overflow {
			c.rescan = true
			continue
		}
		if ev.op == fsnotify.Chmod {
			continue // touch, permissions: the content is the same
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
func (b batcher) relative(name string) string {
	name = path.Clean(strings.ReplaceAll(name, "\\", "/"))
	site := path.Clean(strings.ReplaceAll(b.site, "\\", "/"))
	if site == "." {
		return name
	}
	rel, ok := strings.CutPrefix(name, site+"/")
	if !ok {
		return ""
	}
	return rel
}

// editorFile reports whether a name is an editor's or system's temporary
// file: vim's swap files and its "4913" write probe, backups ending in ~,
// Emacs's lock and auto-save files, dotfiles.
func editorFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}
