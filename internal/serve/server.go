// Package serve is "mohinh serve": the portal of a working tree, rebuilt
// as files are saved, for reviewers.
//
// It builds into memory (never into public/), watches content/ and
// layouts/ (watch.go), gathers the events of one save or one "git
// checkout" into one rebuild (batch.go), and rebuilds incrementally: only
// the changed files are read again (content.Loader) and only the pages
// they touch are rendered again (render.Renderer.RenderAffected); a change
// to layouts, settings, calls, fields, organisations or decisions (which
// decide the status of every model they list) renders everything.
// A broken file never stops it: everything that builds without the files
// that have errors is built and served, the page of a broken registration
// lists its problems, and an overlay on every page lists every problem as
// "mohinh check" prints them, saying truly what is shown — the content
// without its broken files, the last good build when nothing renders, or
// nothing yet (partial.go, overlay.go). With a base revision it marks what
// the branch adds and changes and lists it, with what it deletes and the
// errors of "check --base", on the page "Thay đổi trong nhánh này"; git is
// asked again on every rebuild, and HEAD and the refs are watched, so that
// the page follows a checkout of another branch (branch.go). Open pages
// reload themselves through server-sent events; the small script that
// listens is added only to the pages serve sends.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
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

	mu     sync.Mutex // guards status and attachments, between rebuilds and requests
	status status     // the errors and what the store holds
	// attachments are the attached files of the store's build, by the
	// output file of their copy: read from the site folder when asked for.
	attachments map[string]content.Attachment

	// The rebuild state, used by one goroutine at a time.
	loader   *content.Loader
	renderer *render.Renderer
	good     *content.Site          // the site the store shows
	hidden   map[string]bool        // files with errors left out of good (partial.go)
	partial  *partial               // good's loader while the content has errors
	branch   *branch                // with Options.Base: git's last answer
	first    *branch                // the answer Run got, for the first build
	marks    map[string]render.Mark // the branch's marks on the pages of the store
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
	var git []string
	if s.opts.Base != "" {
		b, err := loadBranch(s.opts.Site, s.opts.Base)
		if err != nil {
			return err
		}
		s.first = b
		dirs, err := gitFolders(s.opts.Site)
		if err != nil {
			return err
		}
		git = dirs
	}
	w, err := newWatcher(s.opts.Site, git)
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
	b.git = git
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
				return errors.New("ngừng theo dõi được các thư mục của trang (hệ điều hành đã đóng bộ theo dõi tệp): hãy chạy lại mohinh serve")
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

// rebuild brings the store up to date with a change: the whole site when
// it builds, the site without its broken files when it does not (partial.go),
// the last good build when nothing renders; and, with --base, what the
// branch changes, asked of git first, as "check --base" does, so that the
// content's problems are attributed as it attributes them.
func (s *Server) rebuild(c change) {
	start := time.Now()
	branchErrs := s.compareWithBase()
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
			s.fail(found{branch: branchErrs, build: diag.List{{Path: "layouts", Severity: diag.Error, Code: "layouts", Message: "giao diện lỗi: " + err.Error()}}}, start)
			return
		}
		s.renderer, s.stale = r, true
	}
	full := s.loader == nil || c.rescan
	var site *content.Site
	var diags diag.List
	if full {
		s.loader = content.NewLoader(os.DirFS(s.opts.Site), s.loadOptions())
		site, diags = s.loader.Load()
	} else {
		site, diags = s.loader.Update(c.paths)
	}
	s.pending = append(s.pending, c.paths...)
	errs := errorsOf(diags)
	var hidden map[string]bool
	if len(errs) > 0 {
		site, hidden = s.buildable(errs, c.paths, full)
	} else {
		s.partial = nil
	}
	f := found{content: errs, branch: branchErrs}
	if site == nil {
		s.fail(f, start)
		return
	}
	s.finish(site, hidden, full, f, start)
}

// compareWithBase asks git, with --base, what the branch changes now, and
// returns the branch's errors; when git cannot answer, the branch stays as
// it was and the failure is one of the errors.
func (s *Server) compareWithBase() diag.List {
	if s.opts.Base == "" {
		return nil
	}
	var err error
	b := s.first // Run has just asked, for the first build
	s.first = nil
	if b == nil {
		b, err = compareBranch(s.opts.Site, s.opts.Base)
	}
	if err != nil {
		var failed diag.List
		failed.Errorf(".git", 0, 0, "git", "không so sánh được với %s: %v", s.opts.Base, err)
		if s.branch != nil {
			failed = append(failed, s.branch.problems...)
		}
		return failed
	}
	s.branch = b
	return b.problems
}

// loadOptions are how serve reads the content.
func (s *Server) loadOptions() content.Options {
	opts := content.Options{Today: s.opts.Today}
	if s.opts.Base != "" {
		opts.IsNew = s.isNew
	}
	return opts
}

// isNew tells the loader the files the branch adds, as "check --base"
// does: a title repeated by a new file is that file's problem.
func (s *Server) isNew(p string) bool {
	return s.branch != nil && s.branch.changes.IsAdded(p)
}

// finish renders site, which leaves out the files hidden, into the store.
// f are the errors found on the way.
func (s *Server) finish(site *content.Site, hidden map[string]bool, full bool, f found, start time.Time) {
	// The files left out before and not now, or now and not before,
	// changed for the pages as much as the files saved.
	s.pending = append(s.pending, toggled(s.hidden, hidden)...)
	var err error
	pages := 0
	changed := registrationsUnder(s.pending, s.good, site)
	var marks map[string]render.Mark
	if s.branch != nil {
		marks = s.branch.marks
		changed = append(changed, render.MarkedPaths(s.marks, marks)...)
		s.renderer.SetBranch(s.branch.view(s.opts.Base, brokenFiles(f.content)))
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
		f.build = diag.List{{Path: "layouts", Severity: diag.Error, Code: "render", Message: "không tạo được trang: " + err.Error()}}
		s.fail(f, start)
		return
	}
	s.good, s.hidden, s.marks, s.pending, s.stale = site, hidden, marks, nil, false
	attachments := s.renderer.AttachmentSources(site)
	s.mu.Lock()
	s.attachments = attachments
	s.mu.Unlock()
	state := builtWhole
	if len(hidden) > 0 {
		state = builtWithout
	}
	s.show(state, f)
	if len(hidden) > 0 {
		s.logf("Đã dựng lại %d trang trong %d ms, trừ %d tệp có lỗi.", pages, time.Since(start).Milliseconds(), len(hidden))
	} else {
		s.logf("Đã dựng lại %d trang trong %d ms.", pages, time.Since(start).Milliseconds())
	}
	s.logProblems(f.all())
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

// fail keeps what the store shows — the last good build, or nothing when
// there has been none — and shows the problems.
func (s *Server) fail(f found, start time.Time) {
	state := builtBefore
	if s.good == nil {
		state = builtNothing
	}
	s.show(state, f)
	if state == builtNothing {
		s.logf("Chưa dựng được trang nào: nội dung có lỗi (%d ms):", time.Since(start).Milliseconds())
	} else {
		s.logf("Nội dung có lỗi; trang vẫn hiển thị bản dựng tốt gần nhất (%d ms):", time.Since(start).Milliseconds())
	}
	s.logProblems(f.all())
	s.events.send("reload")
}

// logProblems writes the errors as check prints them.
func (s *Server) logProblems(problems diag.List) {
	if len(problems) == 0 {
		return
	}
	s.logf("Có %d lỗi:", len(problems))
	for _, d := range problems {
		s.logf("  %s", d)
	}
}

// show sets what the pages say besides the build.
func (s *Server) show(state buildState, f found) {
	st := status{state: state, problems: f.all(), branchErrors: len(f.branch), base: s.opts.Base, broken: map[string]string{}}
	for p, url := range brokenFiles(f.content) {
		st.broken[strings.TrimPrefix(url, "/")+"index.html"] = p // as fileName names it
	}
	if state == builtWithout {
		st.left = len(s.hidden)
	}
	s.mu.Lock()
	s.status = st
	s.mu.Unlock()
}

// brokenFiles are the registrations with errors, by path, with the
// address of their page.
func brokenFiles(errs diag.List) map[string]string {
	out := map[string]string{}
	for _, d := range errs {
		if url, ok := registrationURL(d.Path); ok {
			out[d.Path] = url
		}
	}
	return out
}

// found are the errors of one rebuild: the content's (the loader's), the
// branch's (check.Compare's) and the build's own (layouts, rendering).
type found struct{ content, branch, build diag.List }

// all are the errors in the order check prints them.
func (f found) all() diag.List {
	l := slices.Concat(f.content, f.branch, f.build)
	l.Sort()
	return l
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

// state returns what the pages say besides the build.
func (s *Server) state() status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}
