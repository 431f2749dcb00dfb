package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/work"
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
	URLs    URLs            // where the site is published (NewURLs); the zero URLs is "/"
	Layouts fs.FS           // templates and assets
	History history.History // the commits of each content file; may be empty
	// Files is the site folder, whence the attached files are copied
	// (attachments.go); nil leaves them out.
	Files fs.FS
}

// Renderer renders sites with one set of layouts. It keeps the rendered
// table row of every registration, so that after a change to a few
// registrations only the pages they touch are rendered again
// (RenderAffected, affected.go). A Renderer is not safe for concurrent use.
type Renderer struct {
	urls    URLs
	layouts fs.FS
	history history.History
	files   fs.FS                         // the site folder
	tmpl    map[string]*template.Template // by page kind (layouts.go)
	rows    *rowCache
	chrome  *chromeCache
	branch  *Branch // set by serve --base
}

// NewRenderer parses the layouts.
func NewRenderer(opts Options) (*Renderer, error) {
	rows := &rowCache{html: map[string]template.HTML{}}
	chrome := &chromeCache{}
	tmpl, err := parseLayouts(opts.Layouts, opts.URLs, rows, chrome)
	if err != nil {
		return nil, err
	}
	chrome.tmpl = tmpl["home"]
	return &Renderer{
		urls: opts.URLs, layouts: opts.Layouts, history: opts.History, files: opts.Files,
		tmpl: tmpl, rows: rows, chrome: chrome,
	}, nil
}

// Render writes every page and asset of site to w: mohinh build.
func Render(site *content.Site, opts Options, w Writer) error {
	r, err := NewRenderer(opts)
	if err != nil {
		return err
	}
	return r.Render(site, w)
}

// Render writes every page and asset of site to w.
func (r *Renderer) Render(site *content.Site, w Writer) error {
	if err := copyAssets(r.layouts, w); err != nil {
		return err
	}
	if err := writeSearchData(site, r.urls, w); err != nil { // search.go
		return err
	}
	pages, reports := r.plan(site)
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
		for _, url := range append(append(r.urls.reportURLs(c), r.urls.fileURLs(c)...), r.urls.levelReportURLs(c)...) {
			want[url] = true
		}
	}
	return r.run(r.planAll(site), want, w)
}

// renderRows renders the table row of each registration: a registration
// appears on up to a dozen lists (its organisation and every ancestor, its
// field, call and status), so its row is rendered once and reused.
func (r *Renderer) renderRows(regs []*content.Registration) error {
	rows := make([]template.HTML, len(regs))
	rowTmpl := r.tmpl["home"]
	err := eachWithBuffer(len(regs), func(i int, buf *bytes.Buffer) error {
		if err := rowTmpl.ExecuteTemplate(buf, "registration-row", regs[i]); err != nil {
			return fmt.Errorf("render the row of %s: %w", regs[i].Path, err)
		}
		rows[i] = template.HTML(buf.String())
		return nil
	})
	for i, reg := range regs {
		r.rows.html[reg.Path] = rows[i]
	}
	return err
}

// run renders the jobs on all cores, or only those whose URL is in only
// when it is set.
func (r *Renderer) run(jobs []job, only map[string]bool, w Writer) error {
	if only != nil {
		jobs = slices.DeleteFunc(jobs, func(j job) bool { return !only[j.url] })
	}
	return eachWithBuffer(len(jobs), func(i int, buf *bytes.Buffer) error {
		j := jobs[i]
		p := j.makePage()
		if f, ok := p.Data.(file); ok { // an export, not a page (reports.go)
			return f.writeTo(w, r.urls.outputPath(p.URL), buf)
		}
		if err := r.tmpl[j.template].ExecuteTemplate(buf, j.template+".html", p); err != nil {
			return fmt.Errorf("render %s: %w", p.URL, err)
		}
		return w.WriteFile(r.urls.outputPath(p.URL), buf.Bytes())
	})
}

// eachWithBuffer runs do for every i in [0, n) on all cores (work.Each),
// with a buffer of its worker's, empty: a page is rendered into it and
// written from it, so that the buffers grow to the largest page once per
// core rather than once per page.
func eachWithBuffer(n int, do func(i int, buf *bytes.Buffer) error) error {
	return work.Each(n, newBuffer, func(i int, buf *bytes.Buffer) error {
		buf.Reset()
		return do(i, buf)
	})
}

func newBuffer() *bytes.Buffer { return new(bytes.Buffer) }
