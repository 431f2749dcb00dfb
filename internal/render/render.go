// Package render turns a linked content.Site and a folder of layouts into
// the files of the portal.
//
// Every page is a job: an output path, the template of its kind and the
// view computed for it (views.go). Jobs run on all cores; each writes its
// file through a Writer, so the same rendering feeds a folder on disk
// (mohinh build) or memory (mohinh serve). Go computes what pages show —
// sorting, grouping, counts, URLs — and templates only present it.
//
// Layouts are an fs.FS: base.html holds the frame, each page kind has its
// own template (home.html, registration.html, …) that fills the blocks
// "title" and "main", partials/*.html are shared, and assets/ is copied to
// the output as it is.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
)

// Writer receives the output files. It must be safe for concurrent use,
// and must not keep data after WriteFile returns: the buffer is reused.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Creator is a Writer that also takes a file piece by piece: the largest
// exports (a province's JSON is ~100 MB) stream into it instead of being
// held in memory whole. A Writer that is not one gets them whole.
type Creator interface {
	Writer
	Create(name string) (io.WriteCloser, error)
}

// Options set how a site is rendered.
type Options struct {
	BaseURL string          // where the site is published; its path prefixes every link
	Layouts fs.FS           // templates and assets
	History history.History // the commits of each content file; may be empty
}

// job is one page to render.
type job struct {
	template string
	url      string
	page     func() Page // computes the view when the job runs, on any core
}

// Renderer renders sites with one set of layouts. It keeps the rendered
// table row of every registration, so that after a change to a few
// registrations only the pages they touch are rendered again
// (RenderAffected). A Renderer is not safe for concurrent use.
type Renderer struct {
	opts   Options
	urls   URLs
	tmpl   map[string]*template.Template
	rows   *rowCache
	chrome *chromeCache
	branch *Branch // set by serve --base
}

// NewRenderer parses the layouts.
func NewRenderer(opts Options) (*Renderer, error) {
	urls, err := NewURLs(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	rows := &rowCache{html: map[string]template.HTML{}}
	chrome := &chromeCache{}
	tmpl, err := parseLayouts(opts.Layouts, urls, rows, chrome)
	if err != nil {
		return nil, err
	}
	chrome.tmpl = tmpl["home"]
	return &Renderer{opts: opts, urls: urls, tmpl: tmpl, rows: rows, chrome: chrome}, nil
}

// URLs is where the renderer puts pages.
func (r *Renderer) URLs() URLs { return r.urls }

// Render writes every page and asset of site to w.
func Render(site *content.Site, opts Options, w Writer) error {
	r, err := NewRenderer(opts)
	if err != nil {
		return err
	}
	return r.Render(site, w)
}

// Render writes every page and asset of site to w.
func (r *Renderer) Render(site *content.Site, w Writer) error {
	if err := copyAssets(r.opts.Layouts, w); err != nil {
		return err
	}
	if err := writeSearchData(site, r.urls, w); err != nil { // search.go
		return err
	}
	pages, reports := r.planParts(site)
	// The Board's reports and files first, the pages after: the reports'
	// summaries and the exports' tables are then gone before the rows are
	// rendered and the pages hold them, so that the two never share memory
	// (at 50,000 registrations they would add ~100 MB to the peak).
	if err := r.run(reports, nil, w); err != nil {
		return err
	}
	reports = nil
	clear(r.rows.html)
	if err := r.renderRows(site.Registrations); err != nil {
		return err
	}
	return r.run(pages, nil, w)
}

// plan lists the pages of site, the branch's page under review, and the
// reports and files.
func (r *Renderer) plan(site *content.Site) []job {
	pages, reports := r.planParts(site)
	return append(pages, reports...)
}

// planParts lists the pages of site, with the branch's page under review,
// and apart the Board's reports and files; it renders the header and
// footer they share.
func (r *Renderer) planParts(site *content.Site) (pages, reports []job) {
	r.chrome.fill(site, r.urls)
	pages = plan(site, r.urls, r.opts.History)
	// Search, filters and the form (search.go).
	pages = append(pages, browserJobs(site, r.urls)...)
	// Reports and files (reports.go), for the sitemap to list every page.
	reports = r.reportJobs(site, pages)
	if b := r.branch; b != nil {
		for _, jobs := range [][]job{pages, reports} {
			for i := range jobs {
				page := jobs[i].page
				jobs[i].page = func() Page {
					p := page()
					p.Branch = b.Base
					if v, ok := p.Data.(RegistrationView); ok {
						v.Mark = b.Marks[v.R.Path]
						p.Data = v
					}
					return p
				}
			}
		}
		pages = append(pages, job{"changes", r.urls.Changes(), func() Page {
			return Page{Site: site, URLs: r.urls, Title: "Thay đổi trong nhánh này", URL: r.urls.Changes(),
				Crumbs: []Link{{"Trang chủ", r.urls.Home()}}, Branch: b.Base, Data: changesView(site, b)}
		}})
	}
	return pages, reports
}

// RenderAffected writes the pages that a change to the registrations at
// paths touches, from before to after: their own pages; the pages of every
// list they are on before or after — their organisations and every
// ancestor, their fields, calls and statuses — where those pages changed
// (paging.go); the home page and the indexes. It returns how many pages it
// wrote and the output files that no longer exist: pages of removed
// registrations, pages a shorter list no longer has.
func (r *Renderer) RenderAffected(before, after *content.Site, paths []string, w Writer) (int, []string, error) {
	u := r.urls
	want := map[string]bool{u.Home(): true, u.Organisations(): true, u.Fields(): true, u.Campaigns(): true, u.Statuses(): true}
	if r.branch != nil {
		want[u.Changes()] = true
	}
	changed := map[string]bool{}
	for _, p := range paths {
		changed[p] = true
	}
	lists := map[listKey]bool{}
	var gone []string
	var rows []*content.Registration
	for i, site := range []*content.Site{before, after} {
		for _, p := range paths {
			reg := site.RegistrationByPath[p]
			if reg == nil {
				if i == 1 && before.RegistrationByPath[p] != nil {
					gone = append(gone, u.File(u.Registration(before.RegistrationByPath[p])))
				}
				continue
			}
			if i == 1 {
				want[u.Registration(reg)] = true
				rows = append(rows, reg)
			}
			for o := reg.Organisation; o != nil; o = o.Parent {
				lists[listKey{"organisation", o.ID}] = true
			}
			lists[listKey{"field", reg.Field.ID}] = true
			lists[listKey{"campaign", strconv.Itoa(reg.CampaignYear)}] = true
			lists[listKey{"status", string(reg.Status)}] = true
		}
	}
	bb, ab := newViewBuilder(before, u, nil), newViewBuilder(after, u, nil)
	listOf := func(b *viewBuilder, k listKey) pagedList {
		site := b.site
		switch k.kind {
		case "organisation":
			l := pagedList{url: u.Organisation(&content.Organisation{ID: k.id})}
			if o := site.OrganisationByID[k.id]; o != nil {
				l.regs = b.organisationRegistrations(o)
			}
			return l
		case "field":
			l := pagedList{url: u.Field(&content.Field{ID: k.id})}
			if f := site.FieldByID[k.id]; f != nil {
				l.regs = f.Registrations
			}
			return l
		case "campaign":
			year, _ := strconv.Atoi(k.id)
			l := pagedList{url: u.Campaign(&content.Campaign{Year: year})}
			if c := site.CampaignByYear[year]; c != nil {
				l.regs = c.Registrations
			}
			return l
		}
		return pagedList{url: u.Status(content.Status(k.id)), regs: site.ByStatus[content.Status(k.id)]}
	}
	for k := range lists {
		render, g := u.changedPages(listOf(bb, k), listOf(ab, k), changed)
		for _, url := range render {
			want[url] = true
		}
		for _, url := range g {
			gone = append(gone, u.File(url))
		}
	}
	for _, p := range paths {
		delete(r.rows.html, p)
	}
	if err := r.renderRows(rows); err != nil {
		return 0, nil, err
	}
	jobs := slices.DeleteFunc(r.plan(after), func(j job) bool { return !want[j.url] })
	slices.Sort(gone)
	return len(jobs), gone, r.run(jobs, nil, w)
}

// RenderFiles writes the Board's reports and exports of every call, the
// site-wide JSON, feed and sitemap, and the search data: what
// RenderAffected leaves out, because they cost far more than the pages a
// reviewer waits for. serve writes them when the reviewer pauses.
func (r *Renderer) RenderFiles(site *content.Site, w Writer) error {
	if err := writeSearchData(site, r.urls, w); err != nil { // search.go
		return err
	}
	want := map[string]bool{}
	for _, c := range site.Campaigns {
		for _, url := range append(r.urls.reportURLs(c), r.urls.fileURLs(c)...) {
			want[url] = true
		}
	}
	return r.run(r.plan(site), want, w)
}

// renderRows renders the table row of each registration: a registration
// appears on up to a dozen lists (its organisation and every ancestor, its
// field, call and status), so its row is rendered once and reused.
func (r *Renderer) renderRows(regs []*content.Registration) error {
	rows := make([]template.HTML, len(regs))
	rowTmpl := r.tmpl["home"]
	err := parallel(len(regs), func(i int, buf *bytes.Buffer) error {
		if err := rowTmpl.ExecuteTemplate(buf, "registration-row", regs[i]); err != nil {
			return fmt.Errorf("render the row of %s: %w", regs[i].Path, err)
		}
		rows[i] = template.HTML(buf.String())
		return nil
	}, nil)
	for i, reg := range regs {
		r.rows.html[reg.Path] = rows[i]
	}
	return err
}

// run renders the jobs, or only those whose URL is in only when it is set.
func (r *Renderer) run(jobs []job, only map[string]bool, w Writer) error {
	if only != nil {
		jobs = slices.DeleteFunc(jobs, func(j job) bool { return !only[j.url] })
	}
	return parallel(len(jobs), func(i int, buf *bytes.Buffer) error {
		page := jobs[i].page()
		if f, ok := page.Data.(file); ok { // an export, not a page (reports.go)
			return f.writeTo(w, r.urls.File(page.URL), buf)
		}
		if err := r.tmpl[jobs[i].template].ExecuteTemplate(buf, jobs[i].template+".html", page); err != nil {
			return fmt.Errorf("render %s: %w", page.URL, err)
		}
		return w.WriteFile(r.urls.File(page.URL), buf.Bytes())
	}, nil)
}

// parallel runs work(i) for i in [0, n) on all cores, each worker with its
// own buffer, reset before every call, and returns the first error.
// prepare, when set, runs first on the calling goroutine.
func parallel(n int, work func(i int, buf *bytes.Buffer) error, prepare func()) error {
	if prepare != nil {
		prepare()
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan int, 256)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				if err := work(i, &buf); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstErr
}

// rowCache holds the rendered table row of each registration, by path.
// It is written between renders and only read while pages render.
type rowCache struct {
	html map[string]template.HTML
}

// plan lists every page of the site. Views are computed inside the jobs so
// that the work spreads over all cores.
func plan(site *content.Site, urls URLs, hist history.History) []job {
	b := newViewBuilder(site, urls, hist)
	home := Link{"Trang chủ", urls.Home()}
	orgIndex := Link{"Tổ chức", urls.Organisations()}
	fieldIndex := Link{"Lĩnh vực", urls.Fields()}
	campaignIndex := Link{"Đợt đăng ký", urls.Campaigns()}
	statusIndex := Link{"Trạng thái", urls.Statuses()}
	page := func(title, url, nav string, crumbs []Link, body content.Markdown, data any) Page {
		return Page{Site: site, URLs: urls, Title: title, URL: url, Nav: nav, Crumbs: crumbs, Body: renderMarkdown(body.Text), Data: data}
	}

	jobs := make([]job, 0, 2*len(site.Registrations)+len(site.Organisations)+len(site.Fields)+len(site.Campaigns)+16)
	jobs = append(jobs,
		job{"home", urls.Home(), func() Page {
			return page(site.Settings.Title, urls.Home(), "home", nil, site.Settings.Body, b.home())
		}},
		job{"404", urls.NotFound(), func() Page {
			return page("Không tìm thấy trang", urls.NotFound(), "", nil, content.Markdown{}, nil)
		}},
		job{"organisations", urls.Organisations(), func() Page {
			var roots []TreeNode
			if site.Root != nil {
				roots = append(roots, tree(site.Root))
			}
			return page("Tổ chức đảng", urls.Organisations(), "to-chuc", []Link{home}, content.Markdown{}, roots)
		}},
		job{"fields", urls.Fields(), func() Page {
			return page("Lĩnh vực", urls.Fields(), "linh-vuc", []Link{home}, content.Markdown{}, b.fieldRows())
		}},
		job{"campaigns", urls.Campaigns(), func() Page {
			return page("Các đợt đăng ký", urls.Campaigns(), "dot-dang-ky", []Link{home}, content.Markdown{}, nil)
		}},
		job{"statuses", urls.Statuses(), func() Page {
			return page("Trạng thái", urls.Statuses(), "trang-thai", []Link{home}, content.Markdown{}, b.statusRows())
		}},
	)
	// Lists of registrations page (paging.go): one job per page.
	for _, s := range content.Statuses {
		for n := 1; n <= pageCount(len(site.ByStatus[s])); n++ {
			jobs = append(jobs, job{"status", urls.Paged(urls.Status(s), n), func() Page {
				return page(s.Label(), urls.Paged(urls.Status(s), n), "trang-thai", []Link{home, statusIndex}, content.Markdown{}, b.status(s, n))
			}})
		}
	}
	for _, c := range site.Campaigns {
		for n := 1; n <= pageCount(len(c.Registrations)); n++ {
			jobs = append(jobs, job{"campaign", urls.Paged(urls.Campaign(c), n), func() Page {
				return page(c.Title, urls.Paged(urls.Campaign(c), n), "dot-dang-ky", []Link{home, campaignIndex}, firstPage(c.Body, n), b.campaign(c, n))
			}})
		}
	}
	for _, f := range site.Fields {
		for n := 1; n <= pageCount(len(f.Registrations)); n++ {
			jobs = append(jobs, job{"field", urls.Paged(urls.Field(f), n), func() Page {
				return page(f.Title, urls.Paged(urls.Field(f), n), "linh-vuc", []Link{home, fieldIndex}, firstPage(f.Body, n), b.field(f, n))
			}})
		}
	}
	for _, o := range site.Organisations {
		for n := 1; n <= pageCount(o.TotalRegistrations); n++ {
			jobs = append(jobs, job{"organisation", urls.Paged(urls.Organisation(o), n), func() Page {
				crumbs := []Link{home, orgIndex}
				for _, a := range o.Ancestors() {
					crumbs = append(crumbs, Link{a.Title, urls.Organisation(a)})
				}
				return page(o.Title, urls.Paged(urls.Organisation(o), n), "to-chuc", crumbs, firstPage(o.Body, n), b.organisation(o, n))
			}})
		}
	}
	for _, r := range site.Registrations {
		crumbs := func() []Link {
			return []Link{home, {r.Campaign.Title, urls.Campaign(r.Campaign)}, {r.Organisation.Title, urls.Organisation(r.Organisation)}}
		}
		jobs = append(jobs, job{"registration", urls.Registration(r), func() Page {
			return page(r.Title, urls.Registration(r), "", crumbs(), r.Body, b.registration(r))
		}})
	}
	return jobs
}

// firstPage keeps a list's introduction for its first page only.
func firstPage(body content.Markdown, n int) content.Markdown {
	if n > 1 {
		return content.Markdown{}
	}
	return body
}

// copyAssets copies layouts/assets/ to assets/ in the output.
func copyAssets(layouts fs.FS, w Writer) error {
	if _, err := fs.Stat(layouts, "assets"); err != nil {
		return nil
	}
	return fs.WalkDir(layouts, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(layouts, p)
		if err != nil {
			return err
		}
		return w.WriteFile(p, data)
	})
}

// pageTemplates are the page kinds, each a file <name>.html in the layouts.
var pageTemplates = []string{"home", "404", "registration", "organisations", "organisation", "fields", "field", "campaigns", "campaign", "statuses", "status", "changes", "report", "compliance", "search", "filter", "form"}

// parseLayouts parses base.html and the partials once per page kind.
func parseLayouts(layouts fs.FS, urls URLs, rows *rowCache, chrome *chromeCache) (map[string]*template.Template, error) {
	funcs := templateFuncs(urls, rows, chrome)
	common, err := template.New("base.html").Funcs(funcs).ParseFS(layouts, "base.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if partials, _ := fs.Glob(layouts, "partials/*.html"); len(partials) > 0 {
		if common, err = common.ParseFS(layouts, "partials/*.html"); err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
	}
	out := make(map[string]*template.Template, len(pageTemplates))
	for _, name := range pageTemplates {
		t, err := template.Must(common.Clone()).ParseFS(layouts, name+".html")
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		out[name] = t
	}
	return out, nil
}

// templateFuncs are the helpers templates may call: each presents a value
// computed in Go, none computes.
func templateFuncs(urls URLs, rows *rowCache, chrome *chromeCache) template.FuncMap {
	return template.FuncMap{
		"chrome": chrome.get,
		// rows joins the cached rows of a list in Go: one template action
		// for a list of ten thousand, not ten thousand.
		"rows": func(regs []*content.Registration) (template.HTML, error) {
			n := 0
			for _, r := range regs {
				html, ok := rows.html[r.Path]
				if !ok {
					return "", fmt.Errorf("rows: %s has no rendered row", r.Path)
				}
				n += len(html)
			}
			var b strings.Builder
			b.Grow(n)
			for _, r := range regs {
				b.WriteString(string(rows.html[r.Path]))
			}
			return template.HTML(b.String()), nil
		},
		"href": func(v any) (string, error) {
			switch x := v.(type) {
			case *content.Registration:
				return urls.Registration(x), nil
			case *content.Organisation:
				return urls.Organisation(x), nil
			case *content.Field:
				return urls.Field(x), nil
			case *content.Campaign:
				return urls.Campaign(x), nil
			case content.Status:
				return urls.Status(x), nil
			}
			return "", fmt.Errorf("href: no page for %T", v)
		},
		"asset": urls.Asset,
		"upper": upper,
	}
}
