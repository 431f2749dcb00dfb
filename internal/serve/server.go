// Package serve is "mohinh serve": the portal of a working tree, rebuilt
// as files are saved, for reviewers.
//
// It builds into memory (never into public/), watches content/ and
// layouts/ (watch.go), gathers the events of one save or one "git
// checkout" into one rebuild (batch.go), and rebuilds incrementally: only
// the changed files are read again (content.Loader) and only the pages
// they touch are rendered again (render.Renderer.RenderAffected); a change
// to layouts, settings, calls, fields or organisations renders everything.
// A broken file never stops it: pages keep showing the last good build
// with an overlay listing every problem as "mohinh check" prints them.
// Open pages reload themselves through server-sent events; the small
// script that listens is added only to the pages serve sends.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/render"
)

// Options say what to serve and where.
type Options struct {
	Site  string // the folder holding content/ and, optionally, layouts/
	Addr  string // host:port; the default binds loopback only
	Base  string // with a revision: mark what the branch adds and changes
	Today content.Date
	Log   io.Writer // one line per rebuild; nil for none
}

// timeouts bound how long one connection may hold the server.
type timeouts struct {
	header time.Duration // to send a request's headers
	// write is the time to take a response, and each write of the event
	// stream, which lasts as long as its page.
	write time.Duration
	idle  time.Duration // between two requests on a connection kept alive
}

// defaultTimeouts are generous for a browser on the same machine: a page
// comes from memory.
var defaultTimeouts = timeouts{header: 10 * time.Second, write: time.Minute, idle: 2 * time.Minute}

// Server serves one site.
type Server struct {
	opts     Options
	store    *store
	events   *broker
	timeouts timeouts
	batcher  batcher      // how events become rebuilds; the zero value for the default
	batched  func(change) // a test's view of each batch, after its rebuild; nil

	mu       sync.Mutex // guards what follows, between rebuilds and requests
	problems diag.List  // errors of the current content; nil when it builds
	warnings int

	// The rebuild state, used by one goroutine at a time.
	loader   *content.Loader
	renderer *render.Renderer
	good     *content.Site // the site the store shows
	branch   *branch       // with Options.Base
	history  history.History
	pending  []string // paths changed since the store was rendered
	stale    bool     // the store needs a full render
	// filesStale: the exports lag the pages until the next pause.
	filesStale bool
}

// New prepares a server; Run starts it.
func New(opts Options) *Server {
	return &Server{opts: opts, store: newStore(), events: newBroker(), timeouts: defaultTimeouts, stale: true}
}

// Run builds the site, serves it on ln and rebuilds on every change until
// ctx is done. ready, when set, is called once the first build is served.
func (s *Server) Run(ctx context.Context, ln net.Listener, ready func()) error {
	if s.opts.Base != "" {
		b, err := loadBranch(s.opts.Site, s.opts.Base)
		if err != nil {
			return err
		}
		s.branch = b
	}
	w, err := newWatcher(s.opts.Site)
	if err != nil {
		return err
	}
	defer w.close()
	s.rebuild(change{rescan: true, layouts: true})

	srv := &http.Server{
		Handler:           s.handler(ln.Addr().String()),
		ReadHeaderTimeout: s.timeouts.header,
		WriteTimeout:      s.timeouts.write,
		IdleTimeout:       s.timeouts.idle,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready()
	}

	b := s.batcher
	if b.clock == nil {
		b = defaultBatcher(s.opts.Site)
	}
	var filesDue <-chan time.Time // a pause after an incremental rebuild
	for {
		select {
		case <-filesDue:
			s.renderFiles()
			filesDue = nil
		case <-ctx.Done():
			s.events.close()
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(shutdown)
		case err := <-served:
			return err
		case err := <-w.errs:
			s.logf("%v", err)
		case ev, ok := <-w.events:
			if !ok {
				return errors.New("watcher stopped")
			}
			c := b.collect(ev, w.events, ctx.Done())
			if c.cut {
				s.logf("Tệp vẫn đang thay đổi sau %v: dựng lại với những gì đã có, phần còn lại ở lần sau.", b.burstMax)
			}
			if !c.empty() {
				s.rebuild(c)
				if s.filesStale {
					filesDue = b.clock.After(time.Second)
				}
			}
			if s.batched != nil {
				s.batched(c)
			}
		}
	}
}

// rebuild brings the store up to date with a change, or keeps the last
// good build and records the problems.
func (s *Server) rebuild(c change) {
	start := time.Now()
	if c.layouts || s.renderer == nil {
		if s.history == nil {
			// The history of the commits so far; new commits show after a restart.
			s.history, _ = history.Load(s.opts.Site)
		}
		layouts, err := build.Layouts(s.opts.Site)
		var r *render.Renderer
		if err == nil {
			r, err = render.NewRenderer(render.Options{Layouts: layouts, History: s.history})
		}
		if err != nil {
			s.fail(diag.List{{Path: "layouts", Severity: diag.Error, Code: "layouts", Message: "giao diện lỗi: " + err.Error()}}, start)
			return
		}
		s.renderer, s.stale = r, true
		if s.branch != nil {
			r.SetBranch(s.branch.view())
		}
	}
	if s.loader == nil || c.rescan {
		s.loader = content.NewLoader(os.DirFS(s.opts.Site), content.Options{Today: s.opts.Today})
		site, diags := s.loader.Load()
		s.finish(site, diags, nil, true, start)
		return
	}
	site, diags := s.loader.Update(c.paths)
	s.finish(site, diags, c.paths, false, start)
}

// finish renders a loaded site into the store when it has no errors.
func (s *Server) finish(site *content.Site, diags diag.List, paths []string, full bool, start time.Time) {
	s.pending = append(s.pending, paths...)
	if diags.HasErrors() {
		s.fail(diags, start)
		return
	}
	var err error
	pages := 0
	changed := registrationsUnder(s.pending, s.good, site)
	if s.branch != nil {
		changed = append(changed, s.branch.update(changed, site)...)
		s.renderer.SetBranch(s.branch.view())
	}
	rendered := full || s.stale || s.good == nil || !onlyRegistrations(s.pending) // everything
	if rendered {
		out := newMemWriter()
		if err = s.renderer.Render(site, out); err == nil {
			s.store.replace(out.files)
			pages = len(out.files)
		}
	} else {
		out := newMemWriter()
		var gone []string
		pages, gone, err = s.renderer.RenderAffected(s.good, site, changed, out)
		if err == nil {
			s.store.apply(out.files, gone)
		}
	}
	if err != nil {
		s.fail(diag.List{{Path: "layouts", Severity: diag.Error, Code: "render", Message: "không tạo được trang: " + err.Error()}}, start)
		return
	}
	_, warnings := diags.Count()
	s.good, s.pending, s.stale = site, nil, false
	s.mu.Lock()
	s.problems, s.warnings = nil, warnings
	s.mu.Unlock()
	s.logf("Đã dựng lại %d trang trong %d ms.", pages, time.Since(start).Milliseconds())
	s.events.send("reload")
	// The exports (spreadsheets, JSON, feed, sitemap) and the search data
	// cost more than the pages: they follow when the reviewer pauses
	// (renderFiles).
	s.filesStale = !rendered
}

// renderFiles brings the exports and the search data up to date with the
// last good build.
func (s *Server) renderFiles() {
	if !s.filesStale || s.good == nil {
		return
	}
	out := newMemWriter()
	if err := s.renderer.RenderFiles(s.good, out); err == nil {
		s.store.apply(out.files, nil)
		s.filesStale = false
		s.events.announce("files")
	}
}

// fail keeps the last good build and shows the problems.
func (s *Server) fail(problems diag.List, start time.Time) {
	var errs diag.List
	for _, d := range problems {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	s.mu.Lock()
	s.problems = errs
	s.mu.Unlock()
	s.logf("Nội dung có %d lỗi; trang vẫn hiển thị bản dựng tốt gần nhất (%d ms):", len(errs), time.Since(start).Milliseconds())
	for _, d := range errs {
		s.logf("  %s", d)
	}
	s.events.send("reload")
}

// registrationsUnder expands changed paths, files or folders, into the
// registrations they hold in either site.
func registrationsUnder(paths []string, sites ...*content.Site) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		if strings.HasSuffix(p, ".md") {
			add(p)
			continue
		}
		for _, site := range sites {
			if site == nil {
				continue
			}
			for path := range site.RegistrationByPath {
				if strings.HasPrefix(path, p+"/") {
					add(path)
				}
			}
		}
	}
	return out
}

// onlyRegistrations reports whether every path is a registration (or a
// folder of them): the changes that can be rendered incrementally.
func onlyRegistrations(paths []string) bool {
	for _, p := range paths {
		if !content.InRegistrations(p) {
			return false
		}
	}
	return true
}

// logf writes one line of the log, through diag.Escape: the line may name
// a file or quote a value, which must not act on the terminal nor start a
// line of its own.
func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintln(s.opts.Log, diag.Escape(fmt.Sprintf(format, args...)))
	}
}

// state returns the problems to show.
func (s *Server) state() diag.List {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.problems
}
