package render

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/report"
	"github.com/mohinh/mohinh/internal/vi"
)

// page is what every template receives: the site, the page's own title and
// place in the site, and the view of its kind in Data.
type page struct {
	Site   *content.Site
	URLs   URLs
	Title  string
	URL    string
	Nav    string // the menu item this page belongs to
	Branch string // with serve --base: the revision the branch is compared with
	Crumbs []Link // from the home page down to the parent of this page
	Body   template.HTML
	Data   any
}

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
}

// count is one bar of a summary: how many registrations have a value.
type count struct {
	Label   string
	URL     string
	N       int
	Percent int // of the largest count, for the width of a bar
}

// homeView is the home page.
type homeView struct {
	Current       *content.Campaign
	CurrentCount  int
	LateCount     int
	ByField       []count
	ByStatus      []count
	Latest        []*content.Registration
	Organisations int // how many organisations registered (an individual registration counts its chi bộ)
	Total         int
}

// registrationView is a registration's page.
type registrationView struct {
	R            *content.Registration
	Chain        []Link // its organisation's: from the root down to it
	Organisation Link
	Field        Link
	Campaign     Link
	Date         string // "ngày 08 tháng 01 năm 2024"; "" when not given
	Status       string // its status in words
	Deadline     string // the call's deadline, dd/mm/yyyy
	DaysLate     int    // days after the deadline it was signed; 0 unless late
	OnTime       bool   // signed by the deadline
	PrintURL     string
	Mark         Mark          // with serve --base: what the branch did to it
	Print        printView     // the official document, for printing
	EditURL      string        // "propose a change" in the repository, may be empty
	History      []historyLine // what the commits of its file and attachments changed, oldest first; empty outside git
	// Decision is the notice that approved or rejected it; nil while none
	// has, and then ApprovingLevel is who decides (content.ApprovingLevel).
	Decision       *decisionLine
	ApprovingLevel *Link
	// Attachments are its files and ResultAttachments its results
	// report's (attachments.go).
	Attachments, ResultAttachments []attachmentLine
	// Timeline is its year step by step, Result its results report and
	// ResultPrint that report as a document (timeline.go).
	Timeline    []timelineStep
	Result      *resultView
	ResultPrint *resultPrint
}

// organisationsView is the organisations index: the structure in place,
// and apart the organisations that have ended, whose pages stay reachable.
type organisationsView struct {
	Current   []treeNode              // the top committees in place, with what is in place below them
	Dissolved []*content.Organisation // dissolved or merged, in Vietnamese order
}

// treeNode is an organisation in the tree of the organisations index.
type treeNode struct {
	Organisation *content.Organisation
	Children     []treeNode // those in place
	// EndedParent is set on an organisation in place whose parent has
	// ended: its file was not moved to the successor, and it is shown
	// at the top so that its page stays reachable.
	EndedParent *content.Organisation
}

// fieldRow is a field in the fields index.
type fieldRow struct {
	Field      *content.Field
	Count      int
	ByCampaign []count
}

// statusRow is a status in the status index.
type statusRow struct {
	Status content.Status
	URL    string
	Count  int
}

// viewBuilder computes the views from a linked site. Sorting, grouping and
// counting happen here, once; templates only present.
type viewBuilder struct {
	site    *content.Site
	urls    URLs
	order   map[*content.Registration]int // position in site.Registrations
	history history.History
	lists   sync.Map // listKey → func() any: what every page of a list shares (memo)
	// levels are the calls each organisation compiles a report of for the
	// level above (report.Levels), computed once.
	levels func() map[*content.Organisation][]*content.Campaign
}

func newViewBuilder(site *content.Site, urls URLs, hist history.History) *viewBuilder {
	order := make(map[*content.Registration]int, len(site.Registrations))
	for i, r := range site.Registrations {
		order[r] = i
	}
	levels := sync.OnceValue(func() map[*content.Organisation][]*content.Campaign {
		m := map[*content.Organisation][]*content.Campaign{}
		for _, c := range site.Campaigns {
			for _, l := range report.Levels(c) {
				m[l.Organisation] = append(m[l.Organisation], c)
			}
		}
		return m
	})
	return &viewBuilder{site: site, urls: urls, order: order, history: hist, levels: levels}
}

func (b *viewBuilder) home() homeView {
	v := homeView{Total: len(b.site.Registrations)}
	registered := map[*content.Organisation]bool{}
	for _, r := range b.site.Registrations {
		registered[r.Organisation] = true
	}
	v.Organisations = len(registered)
	regs := b.site.Registrations
	if len(b.site.Campaigns) > 0 {
		v.Current = b.site.Campaigns[0]
		regs = v.Current.Registrations
		v.CurrentCount = len(regs)
		for _, r := range regs {
			if r.Timeliness() == content.Late {
				v.LateCount++
			}
		}
	}
	fieldN := map[*content.Field]int{}
	statusN := map[content.Status]int{}
	for _, r := range regs {
		fieldN[r.Field]++
		statusN[r.Status]++
	}
	for _, f := range b.site.Fields {
		v.ByField = append(v.ByField, count{Label: f.Title, URL: b.urls.Field(f), N: fieldN[f]})
	}
	for _, s := range content.Statuses {
		v.ByStatus = append(v.ByStatus, count{Label: s.Label(), URL: b.urls.Status(s), N: statusN[s]})
	}
	scale(v.ByField)
	scale(v.ByStatus)
	v.Latest = latest(b.site.Registrations, 10)
	return v
}

// latest returns the n registrations signed last, without sorting the
// whole list.
func latest(regs []*content.Registration, n int) []*content.Registration {
	newer := func(a, b *content.Registration) int {
		return cmp.Or(cmp.Compare(b.Date.String(), a.Date.String()), cmp.Compare(a.Path, b.Path))
	}
	var top []*content.Registration
	for _, r := range regs {
		if r.Date.IsZero() {
			continue
		}
		if len(top) == n && newer(r, top[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, r, newer)
		top = slices.Insert(top, i, r)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

func scale(counts []count) {
	most := 0
	for _, c := range counts {
		most = max(most, c.N)
	}
	for i := range counts {
		if most > 0 {
			counts[i].Percent = counts[i].N * 100 / most
		}
	}
}

func (b *viewBuilder) registration(r *content.Registration) registrationView {
	v := registrationView{
		R:            r,
		Organisation: Link{r.Organisation.Title, b.urls.Organisation(r.Organisation)},
		Field:        Link{r.Field.Title, b.urls.Field(r.Field)},
		Campaign:     Link{r.Campaign.Title, b.urls.Campaign(r.Campaign)},
		Date:         r.Date.Prose(),
		Status:       r.Status.Label(),
		Deadline:     r.Campaign.Deadline.Short(),
		DaysLate:     r.DaysLate(),
		OnTime:       r.Timeliness() == content.OnTime,
		PrintURL:     b.urls.RegistrationPrint(r),
		Print:        b.print(r),
	}
	for _, o := range r.Organisation.Ancestors() {
		v.Chain = append(v.Chain, Link{o.Title, b.urls.Organisation(o)})
	}
	v.Chain = append(v.Chain, v.Organisation)
	v.EditURL = b.site.Settings.EditURL(r.Path)
	v.History = b.historyLines(r.Path)
	v.Attachments = attachmentLines(r, r.Attachments, false, b.urls)
	if r.Result != nil {
		v.ResultAttachments = attachmentLines(r, r.Result.Attachments, true, b.urls)
	}
	v.Decision = b.decisionLineOf(r)
	v.Timeline, v.Result, v.ResultPrint = b.timeline(r), b.result(r), resultPrintOf(r)
	if level := r.ApprovingLevel(); level != nil && v.Decision == nil {
		v.ApprovingLevel = &Link{level.Title, b.urls.Organisation(level)}
	}
	return v
}

// organisations lists the top committees in place with the organisations
// in place below them, and apart every organisation that has ended.
func (b *viewBuilder) organisations() organisationsView {
	var v organisationsView
	for _, root := range b.site.Roots {
		if root.Current() {
			v.Current = append(v.Current, tree(root))
		}
	}
	for _, o := range b.site.Organisations {
		switch {
		case !o.Current():
			v.Dissolved = append(v.Dissolved, o)
		case o.Parent != nil && !o.Parent.Current():
			n := tree(o)
			n.EndedParent = o.Parent
			v.Current = append(v.Current, n)
		}
	}
	return v
}

// tree is o and the organisations in place below it.
func tree(o *content.Organisation) treeNode {
	n := treeNode{Organisation: o}
	for _, c := range o.Children {
		if c.Current() {
			n.Children = append(n.Children, tree(c))
		}
	}
	return n
}

func (b *viewBuilder) fieldRows() []fieldRow {
	rows := make([]fieldRow, 0, len(b.site.Fields))
	for _, f := range b.site.Fields {
		row := fieldRow{Field: f, Count: len(f.Registrations)}
		for _, g := range b.byCampaign(f.Registrations) {
			row.ByCampaign = append(row.ByCampaign, count{Label: strconv.Itoa(g.Campaign.Year), URL: b.urls.Campaign(g.Campaign), N: len(g.Registrations)})
		}
		rows = append(rows, row)
	}
	return rows
}

func (b *viewBuilder) statusRows() []statusRow {
	rows := make([]statusRow, 0, len(content.Statuses))
	for _, s := range content.Statuses {
		rows = append(rows, statusRow{Status: s, URL: b.urls.Status(s), Count: len(b.site.ByStatus[s])})
	}
	return rows
}

// upper is the upper case used in document headers.
func upper(s string) string { return vi.Upper(s) }
