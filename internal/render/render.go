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
	"io/fs"
	"runtime"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
)

// Writer receives the output files. It must be safe for concurrent use,
// and must not keep data after WriteFile returns: the buffer is reused.
type Writer interface {
	WriteFile(name string, data []byte) error
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
	page     func() Page // computes the view when the job runs, on any core
}

// Render writes every page and asset of site to w.
func Render(site *content.Site, opts Options, w Writer) error {
	urls, err := NewURLs(opts.BaseURL)
	if err != nil {
		return err
	}
	rows := &rowCache{}
	tmpl, err := parseLayouts(opts.Layouts, urls, rows)
	if err != nil {
		return err
	}
	if err := copyAssets(opts.Layouts, w); err != nil {
		return err
	}
	// Rows of registration tables are rendered once and reused by every
	// page that lists them: a registration appears on up to a dozen lists.
	rowTmpl := tmpl["home"]
	err = parallel(len(site.Registrations), func(i int, buf *bytes.Buffer) error {
		r := site.Registrations[i]
		if err := rowTmpl.ExecuteTemplate(buf, "registration-row", r); err != nil {
			return fmt.Errorf("render the row of %s: %w", r.Path, err)
		}
		rows.html[i] = template.HTML(buf.String())
		return nil
	}, func() { rows.prepare(site.Registrations) })
	if err != nil {
		return err
	}

	jobs := plan(site, urls, opts.History)
	return parallel(len(jobs), func(i int, buf *bytes.Buffer) error {
		page := jobs[i].page()
		if err := tmpl[jobs[i].template].ExecuteTemplate(buf, jobs[i].template+".html", page); err != nil {
			return fmt.Errorf("render %s: %w", page.URL, err)
		}
		return w.WriteFile(urls.File(page.URL), buf.Bytes())
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

// rowCache holds the rendered table row of each registration. It is
// written once, each worker at its own index, and only read afterwards.
type rowCache struct {
	index map[*content.Registration]int
	html  []template.HTML
}

func (c *rowCache) prepare(regs []*content.Registration) {
	c.index = make(map[*content.Registration]int, len(regs))
	for i, r := range regs {
		c.index[r] = i
	}
	c.html = make([]template.HTML, len(regs))
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
		job{"home", func() Page {
			return page(site.Settings.Title, urls.Home(), "home", nil, site.Settings.Body, b.home())
		}},
		job{"404", func() Page {
			return page("Không tìm thấy trang", urls.NotFound(), "", nil, content.Markdown{}, nil)
		}},
		job{"organisations", func() Page {
			var roots []TreeNode
			if site.Root != nil {
				roots = append(roots, tree(site.Root))
			}
			return page("Tổ chức đảng", urls.Organisations(), "to-chuc", []Link{home}, content.Markdown{}, roots)
		}},
		job{"fields", func() Page {
			return page("Lĩnh vực", urls.Fields(), "linh-vuc", []Link{home}, content.Markdown{}, b.fieldRows())
		}},
		job{"campaigns", func() Page {
			return page("Các đợt đăng ký", urls.Campaigns(), "dot-dang-ky", []Link{home}, content.Markdown{}, nil)
		}},
		job{"statuses", func() Page {
			return page("Trạng thái", urls.Statuses(), "trang-thai", []Link{home}, content.Markdown{}, b.statusRows())
		}},
	)
	for _, s := range content.Statuses {
		jobs = append(jobs, job{"status", func() Page {
			return page(s.Label(), urls.Status(s), "trang-thai", []Link{home, statusIndex}, content.Markdown{}, b.byCampaign(site.ByStatus[s]))
		}})
	}
	for _, c := range site.Campaigns {
		jobs = append(jobs, job{"campaign", func() Page {
			return page(c.Title, urls.Campaign(c), "dot-dang-ky", []Link{home, campaignIndex}, c.Body, b.campaign(c))
		}})
	}
	for _, f := range site.Fields {
		jobs = append(jobs, job{"field", func() Page {
			return page(f.Title, urls.Field(f), "linh-vuc", []Link{home, fieldIndex}, f.Body, b.field(f))
		}})
	}
	for _, o := range site.Organisations {
		jobs = append(jobs, job{"organisation", func() Page {
			crumbs := []Link{home, orgIndex}
			for _, a := range o.Ancestors() {
				crumbs = append(crumbs, Link{a.Title, urls.Organisation(a)})
			}
			return page(o.Title, urls.Organisation(o), "to-chuc", crumbs, o.Body, b.organisation(o))
		}})
	}
	for _, r := range site.Registrations {
		crumbs := func() []Link {
			return []Link{home, {r.Campaign.Title, urls.Campaign(r.Campaign)}, {r.Organisation.Title, urls.Organisation(r.Organisation)}}
		}
		jobs = append(jobs, job{"registration", func() Page {
			return page(r.Title, urls.Registration(r), "", crumbs(), r.Body, b.registration(r))
		}})
	}
	return jobs
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
var pageTemplates = []string{"home", "404", "registration", "organisations", "organisation", "fields", "field", "campaigns", "campaign", "statuses", "status"}

// parseLayouts parses base.html and the partials once per page kind.
func parseLayouts(layouts fs.FS, urls URLs, rows *rowCache) (map[string]*template.Template, error) {
	funcs := templateFuncs(urls, rows)
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
func templateFuncs(urls URLs, rows *rowCache) template.FuncMap {
	return template.FuncMap{
		"row": func(r *content.Registration) (template.HTML, error) {
			i, ok := rows.index[r]
			if !ok {
				return "", fmt.Errorf("row: %s has no rendered row", r.Path)
			}
			return rows.html[i], nil
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
