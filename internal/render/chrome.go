package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// chromeParts are the templates that every page shares and that depend on
// the section only (partials/chrome.html): rendered once per build for each
// menu item instead of once for each of tens of thousands of pages, where
// their links and conditions were a quarter of a page's template work.
var chromeParts = []string{"site-head", "site-header", "site-footer"}

// navs are the values of Page.Nav, the menu items pages belong to.
var navs = []string{"", "home", "to-chuc", "linh-vuc", "dot-dang-ky", "trang-thai", "mo-hinh", "dang-ky", "tim-kiem"}

// chromeCache holds the rendered chrome of the site being rendered. It is
// filled before pages render and only read while they do.
type chromeCache struct {
	tmpl *template.Template // any page kind: they share the partials
	html map[chromeKey]template.HTML
}

type chromeKey struct{ part, nav string }

// fill renders every part for every menu item of site.
func (c *chromeCache) fill(site *content.Site, urls URLs) {
	c.html = make(map[chromeKey]template.HTML, len(chromeParts)*len(navs))
	for _, part := range chromeParts {
		for _, nav := range navs {
			if html, err := c.render(part, page{Site: site, URLs: urls, Nav: nav}); err == nil {
				c.html[chromeKey{part, nav}] = html
			} // else get renders it for each page, and reports the error there
		}
	}
}

// get is the template function chrome: part rendered for p's section.
func (c *chromeCache) get(part string, p page) (template.HTML, error) {
	if html, ok := c.html[chromeKey{part, p.Nav}]; ok {
		return html, nil
	}
	return c.render(part, page{Site: p.Site, URLs: p.URLs, Nav: p.Nav})
}

func (c *chromeCache) render(part string, p page) (template.HTML, error) {
	var b strings.Builder
	if err := c.tmpl.ExecuteTemplate(&b, part, p); err != nil {
		return "", fmt.Errorf("chrome %s: %w", part, err)
	}
	return template.HTML(b.String()), nil
}
