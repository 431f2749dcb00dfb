package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// URLs is the one place that decides where every page lives. Every link is
// an absolute path under the base path, so that the site works when
// published under a sub-path and the 404 page works at any depth.
type URLs struct {
	base string // "/" or "/sub/path/"
}

// NewURLs parses the site's base URL ("https://example.org/mohinh/", "/",
// or "") and keeps its path.
func NewURLs(baseURL string) (URLs, error) {
	if baseURL == "" {
		return URLs{base: "/"}, nil
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return URLs{}, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return URLs{}, fmt.Errorf("base URL %q: must not have a query or fragment", baseURL)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return URLs{base: p}, nil
}

// Base returns the base path, ending in "/".
func (u URLs) Base() string { return u.base }

// Home is the home page.
func (u URLs) Home() string { return u.base }

// Registration is a registration's page.
func (u URLs) Registration(r *content.Registration) string {
	return u.base + "mo-hinh/" + strconv.Itoa(r.CampaignYear) + "/" + r.OrganisationID + "/" + r.Slug + "/"
}

// RegistrationPrint is a registration's print view, the official document.
// It is part of the registration's page, shown on screen when targeted and
// alone when the page is printed: printing the page prints the document.
func (u URLs) RegistrationPrint(r *content.Registration) string {
	return u.Registration(r) + "#ban-in"
}

// Organisations is the tree of organisations.
func (u URLs) Organisations() string { return u.base + "to-chuc/" }

// Organisation is an organisation's page.
func (u URLs) Organisation(o *content.Organisation) string {
	return u.base + "to-chuc/" + o.ID + "/"
}

// Fields is the index of fields.
func (u URLs) Fields() string { return u.base + "linh-vuc/" }

// Field is a field's page.
func (u URLs) Field(f *content.Field) string { return u.base + "linh-vuc/" + f.ID + "/" }

// Campaigns is the list of calls.
func (u URLs) Campaigns() string { return u.base + "dot-dang-ky/" }

// Campaign is a call's page.
func (u URLs) Campaign(c *content.Campaign) string {
	return u.base + "dot-dang-ky/" + strconv.Itoa(c.Year) + "/"
}

// Statuses is the index of statuses.
func (u URLs) Statuses() string { return u.base + "trang-thai/" }

// Status is the list of registrations in one status.
func (u URLs) Status(s content.Status) string { return u.base + "trang-thai/" + string(s) + "/" }

// Asset is a file copied from layouts/assets/.
func (u URLs) Asset(name string) string { return u.base + "assets/" + name }

// NotFound is the 404 page.
func (u URLs) NotFound() string { return u.base + "404.html" }

// File returns the output file, relative to the output folder, for a URL
// made by u: a folder URL gets index.html.
func (u URLs) File(pageURL string) string {
	rel := strings.TrimPrefix(pageURL, u.base)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel
}
