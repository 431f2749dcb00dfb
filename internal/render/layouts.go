package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// pageTemplates are the page kinds, each a file <name>.html in the layouts.
var pageTemplates = []string{"home", "404", "registration", "organisations", "organisation", "fields", "field", "campaigns", "campaign", "statuses", "status", "changes", "report", "compliance", "search", "filter", "form", "decision", "decisions", "recognised", "evaluation"}

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
			case *content.Decision:
				return urls.Decision(x), nil
			}
			return "", fmt.Errorf("href: no page for %T", v)
		},
		"asset": urls.Asset,
		// brief is a text shortened for a list: what is new in a model,
		// so that a visitor can choose what to open.
		"brief": func(s string) string { return report.Shorten(s, briefLength) },
		"upper": upper,
	}
}

// briefLength is how many characters a list keeps of a model's novelty:
// two lines or so.
const briefLength = 160

// rowCache holds the rendered table row of each registration, by path.
// It is written between renders and only read while pages render.
type rowCache struct {
	html map[string]template.HTML
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
