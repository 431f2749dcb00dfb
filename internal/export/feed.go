package export

import (
	"cmp"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/content"
)

// FeedSize is how many registrations the Atom feed carries: the newest.
const FeedSize = 100

// FeedLinks are the addresses an Atom feed needs. They should be absolute
// (the portal built with --base-url https://…): a feed reader resolves a
// bare path against nothing.
type FeedLinks interface {
	Links
	Home() string // the portal's home page
	Feed() string // the feed itself
}

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published,omitempty"`
	Link      atomLink     `xml:"link"`
	Author    atomPerson   `xml:"author"`
	Category  atomCategory `xml:"category"`
	Summary   atomText     `xml:"summary"`
}

// Atom writes the Atom feed (RFC 4287) of the newest registrations of
// site, newest first: by the date signed, and for one without a date, the
// date its call was issued. An entry is as new as the latest change to its
// registration (entryUpdated), and the feed as its newest entry, so that it
// changes only when the content does: no clock is read.
//
// lastCommit says when git last changed a file of the content (by its
// Source.Path); nil, or a zero time, where there is no history.
func Atom(w io.Writer, site *content.Site, links FeedLinks, lastCommit func(path string) time.Time) error {
	type dated struct {
		r *content.Registration
		d content.Date
	}
	regs := make([]dated, 0, len(site.Registrations))
	for _, r := range site.Registrations {
		d := r.Date
		if d.IsZero() {
			d = r.Campaign.Issued
		}
		regs = append(regs, dated{r, d})
	}
	slices.SortFunc(regs, func(a, b dated) int {
		return cmp.Or(cmp.Compare(b.d.String(), a.d.String()), cmp.Compare(a.r.Path, b.r.Path))
	})
	regs = regs[:min(len(regs), FeedSize)]

	f := atomFeed{
		Lang:      "vi",
		ID:        links.Feed(),
		Title:     site.Settings.Title,
		Subtitle:  site.Settings.Description,
		Updated:   "2000-01-01T00:00:00+07:00",
		Links:     []atomLink{{Rel: "self", Type: "application/atom+xml", Href: links.Feed()}, {Rel: "alternate", Type: "text/html", Href: links.Home()}},
		Author:    atomPerson{Name: site.Settings.Title},
		Generator: "mohinh",
		Entries:   make([]atomEntry, len(regs)),
	}
	var newest time.Time
	for i, x := range regs {
		r := x.r
		author := r.Organisation.Title
		if r.Individual() {
			author = r.Member + " (" + r.Organisation.Title + ")"
		}
		updated := entryUpdated(r, x.d, lastCommit)
		if updated.After(newest) {
			newest = updated
		}
		summary := r.Organisation.Title + " — " + r.Field.Title + " — " + r.Timeliness().Label() + ". Tính mới của mô hình: " + r.Novelty
		e := atomEntry{
			ID: links.Registration(r), Title: r.Title, Updated: atomTime(updated),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: links.Registration(r)},
			Author:   atomPerson{Name: author},
			Category: atomCategory{Term: r.Field.ID, Label: r.Field.Title},
			Summary:  atomText{Type: "text", Text: summary},
		}
		if !r.Date.IsZero() {
			e.Published = atomTime(inVietnam(r.Date))
		}
		f.Entries[i] = e
	}
	if !newest.IsZero() {
		f.Updated = atomTime(newest)
	}
	return writeXML(w, f)
}

// entryUpdated is the latest change to registration r, dated d in the
// feed: d, the dates of its decision, results report, appraisal and
// recognition, and the last commit to any of their files. A registration
// approved, reported on or recognised after it was signed is then new
// again to a feed reader.
func entryUpdated(r *content.Registration, d content.Date, lastCommit func(path string) time.Time) time.Time {
	latest := inVietnam(d)
	later := func(t time.Time) {
		if t.After(latest) {
			latest = t
		}
	}
	paths := []string{r.Path}
	for _, doc := range []*content.Decision{r.Decision, r.Appraisal, r.Recognition} {
		if doc != nil {
			later(inVietnam(doc.Date))
			paths = append(paths, doc.Path)
		}
	}
	if r.Result != nil {
		later(inVietnam(r.Result.Date))
		paths = append(paths, r.Result.Path)
	}
	if lastCommit != nil {
		for _, p := range paths {
			later(lastCommit(p))
		}
	}
	return latest
}

// vietnam is the time zone the content's dates are written in.
var vietnam = time.FixedZone("ICT", 7*60*60)

// inVietnam is date d at midnight in Vietnam; the zero time for no date.
func inVietnam(d content.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	y, m, day := d.Time().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, vietnam)
}

// atomTime is a time as an Atom date (RFC 3339), in Vietnam's time zone,
// to the second.
func atomTime(t time.Time) string { return t.In(vietnam).Format(time.RFC3339) }

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// SitemapLimit is the most addresses one sitemap may list.
const SitemapLimit = 50000

// Sitemap writes sitemap.xml (sitemaps.org 0.9) listing urls, which should
// be absolute. Past SitemapLimit addresses, the rest are left out.
func Sitemap(w io.Writer, urls []string) error {
	set := sitemapURLSet{URLs: make([]sitemapURL, 0, min(len(urls), SitemapLimit))}
	for _, u := range urls[:min(len(urls), SitemapLimit)] {
		set.URLs = append(set.URLs, sitemapURL{Loc: u})
	}
	return writeXML(w, set)
}

// Robots writes robots.txt: every robot may read every page, and the
// sitemap, when there is one, is at sitemap, an absolute address (robots.txt
// takes no other). Robots read it only at the root of a host.
func Robots(w io.Writer, sitemap string) error {
	text := "User-agent: *\nAllow: /\n"
	if sitemap != "" {
		text += "\nSitemap: " + sitemap + "\n"
	}
	_, err := io.WriteString(w, text)
	return err
}

// writeXML writes v as an indented XML document with its declaration.
func writeXML(w io.Writer, v any) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
