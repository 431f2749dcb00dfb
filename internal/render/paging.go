package render

import (
	"slices"
	"strconv"

	"github.com/mohinh/mohinh/internal/content"
)

// PageSize is the most registrations one list page shows. Longer lists
// continue on further pages, so that a page a browser must render stays
// well under a megabyte however large the site, and a change to one
// registration renders again only the pages of a list it is on.
const PageSize = 300

// pager is the navigation between the pages of one list.
type pager struct {
	Page, Pages int    // 1-based
	From, To    int    // the positions shown, 1-based
	Total       int    // the length of the whole list
	Prev, Next  string // URLs; empty at the ends
	Links       []Link // every page, the current one with an empty URL
}

// Paged is the URL of page n of the list whose first page is at url.
func (u URLs) Paged(url string, n int) string {
	if n <= 1 {
		return url
	}
	return url + "trang-" + strconv.Itoa(n) + "/"
}

// pageCount is how many pages a list of n registrations takes.
func pageCount(n int) int { return max(1, (n+PageSize-1)/PageSize) }

// chunk is page n of regs.
func chunk(regs []*content.Registration, n int) []*content.Registration {
	from := min((n-1)*PageSize, len(regs))
	return regs[from:min(from+PageSize, len(regs))]
}

func (u URLs) pager(url string, n, total int) pager {
	p := pager{Page: n, Pages: pageCount(total), Total: total}
	p.From = min((n-1)*PageSize+1, total)
	p.To = min(n*PageSize, total)
	if n > 1 {
		p.Prev = u.Paged(url, n-1)
	}
	if n < p.Pages {
		p.Next = u.Paged(url, n+1)
	}
	for i := 1; i <= p.Pages && p.Pages > 1; i++ {
		l := Link{Label: strconv.Itoa(i), URL: u.Paged(url, i)}
		if i == n {
			l.URL = ""
		}
		p.Links = append(p.Links, l)
	}
	return p
}

// pagedList is one list of registrations that pages.
type pagedList struct {
	url  string
	regs []*content.Registration
}

// changedPages compares a list before and after a change and returns the
// URLs of the pages to render again and of the pages that no longer exist.
// The first page, which carries the list's counts, always renders; a later
// page only when its registrations or their order changed, a registration
// on it changed, or the number of pages changed.
func (u URLs) changedPages(before, after pagedList, changed map[string]bool) (render, gone []string) {
	nb, na := pageCount(len(before.regs)), pageCount(len(after.regs))
	render = append(render, u.Paged(after.url, 1))
	for n := 2; n <= na; n++ {
		a := chunk(after.regs, n)
		if nb != na || n > nb || !samePaths(chunk(before.regs, n), a) || slices.ContainsFunc(a, func(r *content.Registration) bool { return changed[r.Path] }) {
			render = append(render, u.Paged(after.url, n))
		}
	}
	for n := na + 1; n <= nb; n++ {
		gone = append(gone, u.Paged(before.url, n))
	}
	return render, gone
}

func samePaths(a, b []*content.Registration) bool {
	return slices.EqualFunc(a, b, func(x, y *content.Registration) bool { return x.Path == y.Path })
}
