package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// URLs is the one place that decides where every page lives. It is the
// site's base URL, parsed once (NewURLs): every link is an absolute path
// under the base path, so that the site works when published under a
// sub-path and the 404 page works at any depth; the files handed to other
// programs (feed, sitemap, exports) put the base URL's origin in front
// (exportLinks), because a feed reader has no page to resolve a path
// against.
//
// The zero URLs is a site published at "/", with no origin.
type URLs struct {
	origin string // "https://example.org"; "" when the base URL is a bare path
	base   string // "/" or "/sub/path/"; "" in the zero URLs, which means "/"
}

// NewURLs parses the site's base URL ("https://example.org/mohinh/", "/",
// or ""): its path prefixes every link, and its scheme and host, when it
// has both, every address written into an export. An address with a
// scheme must be a site's public address (content.BaseURL): http or https,
// with a host.
func NewURLs(baseURL string) (URLs, error) {
	if baseURL == "" {
		return URLs{}, nil
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return URLs{}, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return URLs{}, fmt.Errorf("base URL %q: must not have a query or fragment", baseURL)
	}
	if u.Scheme != "" {
		abs, err := content.BaseURL(baseURL)
		if err != nil {
			return URLs{}, fmt.Errorf("base URL %q: %w", baseURL, err)
		}
		u, _ = url.Parse(abs)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	urls := URLs{base: p}
	if u.Scheme != "" && u.Host != "" {
		urls.origin = u.Scheme + "://" + u.Host
	}
	return urls, nil
}

// IsZero reports whether u is the zero URLs, made from no base URL at all:
// a build then takes the site's own (base_url of content/_index.md, Or).
func (u URLs) IsZero() bool { return u == URLs{} }

// Or is u, the URLs a command was given (--base-url), or when it was given
// none, the URLs of baseURL, the site's own (Settings.BaseURL).
func (u URLs) Or(baseURL string) (URLs, error) {
	if !u.IsZero() {
		return u, nil
	}
	return NewURLs(baseURL)
}

// Absolute reports whether the site's public address is known whole,
// scheme and host: only then are the feed and the sitemap written, whose
// addresses must be absolute (RFC 4287, sitemaps.org), and only then do
// pages link to the feed.
func (u URLs) Absolute() bool { return u.origin != "" }

// root is the base path, ending in "/".
func (u URLs) root() string {
	if u.base == "" {
		return "/"
	}
	return u.base
}

// absolute is the address of a path made by u, for a reader that has no
// page to resolve it against: on the base URL's origin when it has one,
// the bare path otherwise.
func (u URLs) absolute(path string) string { return u.origin + path }

// Home is the home page.
func (u URLs) Home() string { return u.root() }

// Registration is a registration's page.
func (u URLs) Registration(r *content.Registration) string {
	return u.root() + "mo-hinh/" + strconv.Itoa(r.CampaignYear) + "/" + r.OrganisationID + "/" + r.Slug + "/"
}

// RegistrationPrint is a registration's print view, the official document.
// It is part of the registration's page, shown on screen when targeted and
// alone when the page is printed: printing the page prints the document.
func (u URLs) RegistrationPrint(r *content.Registration) string {
	return u.Registration(r) + "#ban-in"
}

// ResultPrint is the print view of a registration's results report, a
// second document on its page (#ban-in-ket-qua): printing the page from
// it prints the report, from anywhere else the registration.
func (u URLs) ResultPrint(r *content.Registration) string {
	return u.Registration(r) + "#ban-in-ket-qua"
}

// Decisions is the index of the decisions: the notices by which each
// level approved or rejected registrations.
func (u URLs) Decisions() string { return u.root() + "van-ban/" }

// Decision is a decision's page, with its print view (#ban-in) as a
// registration's has.
func (u URLs) Decision(d *content.Decision) string {
	return u.root() + "van-ban/" + strconv.Itoa(d.CampaignYear) + "/" + d.IssuerID + "/" + d.Slug + "/"
}

// LevelReport is the summary an organisation compiles of a call for the
// level above (tổng hợp báo cáo cấp trên), printable like the call's.
func (u URLs) LevelReport(o *content.Organisation, c *content.Campaign) string {
	return u.Organisation(o) + "bao-cao/" + strconv.Itoa(c.Year) + "/"
}

// LevelXLSX and LevelCSV are a level's report as a spreadsheet and CSV.
func (u URLs) LevelXLSX(o *content.Organisation, c *content.Campaign) string {
	return u.LevelReport(o, c) + "bao-cao-" + o.ID + "-" + strconv.Itoa(c.Year) + ".xlsx"
}

// LevelCSV is a level's list of registrations as CSV.
func (u URLs) LevelCSV(o *content.Organisation, c *content.Campaign) string {
	return u.LevelReport(o, c) + "dang-ky-" + o.ID + "-" + strconv.Itoa(c.Year) + ".csv"
}

// LevelEvaluation is a level's year-end evaluation of its sub-units
// (evaluation.go); LevelEvaluationCSV the same as CSV.
func (u URLs) LevelEvaluation(o *content.Organisation, c *content.Campaign) string {
	return u.LevelReport(o, c) + "danh-gia/"
}

func (u URLs) LevelEvaluationCSV(o *content.Organisation, c *content.Campaign) string {
	return u.LevelEvaluation(o, c) + "danh-gia-" + o.ID + "-" + strconv.Itoa(c.Year) + ".csv"
}

// LevelDownloads are a level report's files, labelled.
func (u URLs) LevelDownloads(o *content.Organisation, c *content.Campaign) []Link {
	return []Link{{"Bảng tính Excel (.xlsx)", u.LevelXLSX(o, c)}, {"Danh sách đăng ký (.csv)", u.LevelCSV(o, c)}}
}

// Organisations is the tree of organisations.
func (u URLs) Organisations() string { return u.root() + "to-chuc/" }

// Organisation is an organisation's page.
func (u URLs) Organisation(o *content.Organisation) string {
	return u.root() + "to-chuc/" + o.ID + "/"
}

// Fields is the index of fields.
func (u URLs) Fields() string { return u.root() + "linh-vuc/" }

// Field is a field's page.
func (u URLs) Field(f *content.Field) string { return u.root() + "linh-vuc/" + f.ID + "/" }

// Campaigns is the list of calls.
func (u URLs) Campaigns() string { return u.root() + "dot-dang-ky/" }

// Campaign is a call's page.
func (u URLs) Campaign(c *content.Campaign) string {
	return u.root() + "dot-dang-ky/" + strconv.Itoa(c.Year) + "/"
}

// CampaignRecognised lists the models a call's recognitions recognised,
// for those looking for a model to learn from.
func (u URLs) CampaignRecognised(c *content.Campaign) string { return u.Campaign(c) + "cong-nhan/" }

// Statuses is the index of statuses.
func (u URLs) Statuses() string { return u.root() + "trang-thai/" }

// Status is the list of registrations in one status.
func (u URLs) Status(s content.Status) string { return u.root() + "trang-thai/" + string(s) + "/" }

// Asset is a file copied from layouts/assets/.
func (u URLs) Asset(name string) string { return u.root() + "assets/" + name }

// NotFound is the 404 page.
func (u URLs) NotFound() string { return u.root() + "404.html" }

// outputPath is the output file, relative to the output folder, of a URL
// made by u: a folder URL gets index.html.
func (u URLs) outputPath(pageURL string) string {
	rel := strings.TrimPrefix(pageURL, u.root())
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel
}

// The reports of a call for the Organisation Board, and the files the
// portal hands over (reports.go).

// CampaignReport is a call's summary report (Báo cáo tổng hợp), printable
// on A4 landscape.
func (u URLs) CampaignReport(c *content.Campaign) string { return u.Campaign(c) + "bao-cao/" }

// CampaignCompliance is who answered a call and who did not (tình hình
// đăng ký).
func (u URLs) CampaignCompliance(c *content.Campaign) string {
	return u.Campaign(c) + "tinh-hinh-dang-ky/"
}

// CampaignEvaluation is a call's year-end evaluation (evaluation.go);
// CampaignEvaluationCSV the same as CSV.
func (u URLs) CampaignEvaluation(c *content.Campaign) string { return u.Campaign(c) + "danh-gia/" }

func (u URLs) CampaignEvaluationCSV(c *content.Campaign) string {
	return u.Campaign(c) + "danh-gia-" + strconv.Itoa(c.Year) + ".csv"
}

// CampaignXLSX is a call's spreadsheet; the year in the name tells the
// downloads of different calls apart.
func (u URLs) CampaignXLSX(c *content.Campaign) string {
	return u.Campaign(c) + "bao-cao-" + strconv.Itoa(c.Year) + ".xlsx"
}

// CampaignCSV is a call's registrations as CSV.
func (u URLs) CampaignCSV(c *content.Campaign) string {
	return u.Campaign(c) + "dang-ky-" + strconv.Itoa(c.Year) + ".csv"
}

// CampaignComplianceCSV is a call's compliance table as CSV.
func (u URLs) CampaignComplianceCSV(c *content.Campaign) string {
	return u.Campaign(c) + "tinh-hinh-dang-ky-" + strconv.Itoa(c.Year) + ".csv"
}

// CampaignJSON is a call's registrations.json (docs/json.md).
func (u URLs) CampaignJSON(c *content.Campaign) string { return u.Campaign(c) + "registrations.json" }

// CampaignDownloads are a call's files, labelled for its pages.
func (u URLs) CampaignDownloads(c *content.Campaign) []Link {
	return []Link{
		{"Bảng tính Excel (.xlsx)", u.CampaignXLSX(c)},
		{"Danh sách đăng ký (.csv)", u.CampaignCSV(c)},
		{"Tình hình đăng ký (.csv)", u.CampaignComplianceCSV(c)},
		{"Đánh giá cuối năm (.csv)", u.CampaignEvaluationCSV(c)},
		{"Dữ liệu JSON", u.CampaignJSON(c)},
	}
}

// RegistrationsJSON is every call's registrations.json.
func (u URLs) RegistrationsJSON() string { return u.root() + "registrations.json" }

// Feed is the Atom feed of the newest registrations.
func (u URLs) Feed() string { return u.root() + "feed.xml" }

// Sitemap is the list of every page, for search engines.
func (u URLs) Sitemap() string { return u.root() + "sitemap.xml" }

// Robots is robots.txt, which names the sitemap to search engines. They
// read it only at the root of a host: a site published under a sub-path
// has it copied there (README.md).
func (u URLs) Robots() string { return u.root() + "robots.txt" }

// Favicon is the site's icon as favicon.ico, at the site's root for the
// browsers that look for it there; pages link to it and to the SVG icon
// (Asset("favicon.svg")), so that no browser asks the host's root.
func (u URLs) Favicon() string { return u.root() + "favicon.ico" }

// Finding and submitting from the browser (search.go, schema.go).

// Search is the search page; the query is in its "q" parameter.
func (u URLs) Search() string { return u.root() + "tim-kiem/" }

// Filter is the list of every registration, filtered in the browser by
// the facets in its query string.
func (u URLs) Filter() string { return u.root() + "mo-hinh/" }

// Form is the registration form, "Đăng ký mô hình".
func (u URLs) Form() string { return u.root() + "dang-ky/" }

// RegistrationTable is the table of registrations that search, filters and
// the form read.
func (u URLs) RegistrationTable() string { return u.root() + "du-lieu/mo-hinh.json" }

// SearchIndex is the search index.
func (u URLs) SearchIndex() string { return u.root() + "du-lieu/tim-kiem.json" }

// TextTables are the folding and slug tables of internal/vi.
func (u URLs) TextTables() string { return u.root() + "du-lieu/chu-viet.json" }

// FormSchema is the JSON Schema and rules of a registration, for the form.
func (u URLs) FormSchema() string { return u.root() + "du-lieu/dang-ky.schema.json" }

// SearchShard is shard n of the search index.
func (u URLs) SearchShard(n int) string {
	return u.root() + "du-lieu/tim-kiem/" + strconv.Itoa(n) + ".json"
}
