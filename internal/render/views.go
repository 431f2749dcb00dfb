package render

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
	"github.com/mohinh/mohinh/internal/vi"
)

// Page is what every template receives: the site, the page's own title and
// place in the site, and the view of its kind in Data.
type Page struct {
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

// Count is one bar of a summary: how many registrations have a value.
type Count struct {
	Label   string
	URL     string
	N       int
	Percent int // of the largest count, for the width of a bar
}

// HomeView is the home page.
type HomeView struct {
	Current       *content.Campaign
	CurrentCount  int
	LateCount     int
	ByField       []Count
	ByStatus      []Count
	Latest        []*content.Registration
	Organisations int
	Total         int
}

// RegistrationView is a registration's page.
type RegistrationView struct {
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
	Print        PrintView     // the official document, for printing
	EditURL      string        // "propose a change" in the repository, may be empty
	History      []HistoryLine // the commits that touched its file, newest first; empty outside git
}

// HistoryLine is one commit in a registration's history.
type HistoryLine struct {
	Date     string // dd/mm/yyyy, the author's own day
	DateTime string // yyyy-mm-dd, for the datetime attribute
	Author   string
	Subject  string
}

// CampaignGroup is the registrations of one call.
type CampaignGroup struct {
	Campaign      *content.Campaign
	Total         int // in the whole list, of which Registrations may be one page
	Registrations []*content.Registration
	ByOrg         []OrgGroup // set where a page groups by organisation too
}

// OrgGroup is the registrations of one organisation.
type OrgGroup struct {
	Organisation  *content.Organisation
	Registrations []*content.Registration
}

// TreeNode is an organisation in the tree of the organisations index.
type TreeNode struct {
	Organisation *content.Organisation
	Children     []TreeNode
}

// OrganisationView is an organisation's page.
type OrganisationView struct {
	O      *content.Organisation
	Chain  []*content.Organisation
	Groups []CampaignGroup // its own and its descendants' registrations: this page of them
	Own    int
	Pager  Pager
}

// FieldRow is a field in the fields index.
type FieldRow struct {
	Field      *content.Field
	Count      int
	ByCampaign []Count
}

// CampaignView is a call's page.
type CampaignView struct {
	C             *content.Campaign
	Registrations []*content.Registration // this page of them
	Pager         Pager
	OnTime        int
	Late          int
	ByStatus      []Count
}

// StatusRow is a status in the status index.
type StatusRow struct {
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
}

// listKey names one list of registrations: an organisation's, a field's, a
// call's or a status's.
type listKey struct {
	kind string
	id   string
}

// memo returns compute(), computed once for the list key however many of
// its pages render, on whichever cores: without it the 167 pages of a
// province's root organisation would each gather and sort all 50,000
// registrations again.
func memo[T any](b *viewBuilder, key listKey, compute func() T) T {
	f, ok := b.lists.Load(key)
	if !ok {
		f, _ = b.lists.LoadOrStore(key, sync.OnceValue(func() any { return compute() }))
	}
	return f.(func() any)().(T)
}

// listTotals is a list and how many of its registrations answered each
// call, which every page of the list shows.
type listTotals struct {
	regs   []*content.Registration
	totals map[*content.Campaign]int
}

func totalsOf(regs []*content.Registration) listTotals {
	n := map[*content.Campaign]int{}
	for _, r := range regs {
		n[r.Campaign]++
	}
	return listTotals{regs, n}
}

func newViewBuilder(site *content.Site, urls URLs, hist history.History) *viewBuilder {
	order := make(map[*content.Registration]int, len(site.Registrations))
	for i, r := range site.Registrations {
		order[r] = i
	}
	return &viewBuilder{site: site, urls: urls, order: order, history: hist}
}

func (b *viewBuilder) home() HomeView {
	v := HomeView{Total: len(b.site.Registrations), Organisations: len(b.site.Organisations)}
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
		v.ByField = append(v.ByField, Count{Label: f.Title, URL: b.urls.Field(f), N: fieldN[f]})
	}
	for _, s := range content.Statuses {
		v.ByStatus = append(v.ByStatus, Count{Label: s.Label(), URL: b.urls.Status(s), N: statusN[s]})
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

func scale(counts []Count) {
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

func (b *viewBuilder) registration(r *content.Registration) RegistrationView {
	v := RegistrationView{
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
	if repo := b.site.Settings.Repository; repo != "" {
		v.EditURL = repo + "/edit/main/" + r.Path
	}
	v.History = b.historyLines(r.Path)
	return v
}

// historyLines presents the commits that touched the file at path.
func (b *viewBuilder) historyLines(path string) []HistoryLine {
	commits := b.history[path]
	if len(commits) == 0 {
		return nil
	}
	lines := make([]HistoryLine, len(commits))
	for i, c := range commits {
		lines[i] = HistoryLine{Date: vi.DateShort(c.Date), DateTime: c.Date.Format(time.DateOnly), Author: c.Author, Subject: c.Subject}
	}
	return lines
}

// byCampaign groups registrations, given in site order, by call.
func (b *viewBuilder) byCampaign(regs []*content.Registration) []CampaignGroup {
	var groups []CampaignGroup
	for _, r := range regs {
		if len(groups) == 0 || groups[len(groups)-1].Campaign != r.Campaign {
			groups = append(groups, CampaignGroup{Campaign: r.Campaign})
		}
		g := &groups[len(groups)-1]
		g.Registrations = append(g.Registrations, r)
	}
	return groups
}

// byOrganisation groups registrations, given in site order, by organisation.
func byOrganisation(regs []*content.Registration) []OrgGroup {
	var groups []OrgGroup
	for _, r := range regs {
		if len(groups) == 0 || groups[len(groups)-1].Organisation != r.Organisation {
			groups = append(groups, OrgGroup{Organisation: r.Organisation})
		}
		g := &groups[len(groups)-1]
		g.Registrations = append(g.Registrations, r)
	}
	return groups
}

// organisationRegistrations are o's registrations and its descendants', in
// site order.
func (b *viewBuilder) organisationRegistrations(o *content.Organisation) []*content.Registration {
	// Back into site order through positions: sorting ints, not looking
	// up two map entries per comparison, keeps the root's page (every
	// registration) cheap enough to render again on every save.
	var positions []int
	for _, d := range o.Descendants() {
		for _, r := range d.Registrations {
			positions = append(positions, b.order[r])
		}
	}
	slices.Sort(positions)
	regs := make([]*content.Registration, len(positions))
	for i, pos := range positions {
		regs[i] = b.site.Registrations[pos]
	}
	return regs
}

func (b *viewBuilder) organisation(o *content.Organisation, page int) OrganisationView {
	l := memo(b, listKey{"organisation", o.ID}, func() listTotals { return totalsOf(b.organisationRegistrations(o)) })
	regs := l.regs
	groups := withTotals(b.byCampaign(chunk(regs, page)), l)
	for i := range groups {
		groups[i].ByOrg = byOrganisation(groups[i].Registrations)
	}
	return OrganisationView{O: o, Chain: o.Ancestors(), Groups: groups, Own: len(o.Registrations),
		Pager: b.urls.pager(b.urls.Organisation(o), page, len(regs))}
}

func tree(o *content.Organisation) TreeNode {
	n := TreeNode{Organisation: o}
	for _, c := range o.Children {
		n.Children = append(n.Children, tree(c))
	}
	return n
}

func (b *viewBuilder) fieldRows() []FieldRow {
	rows := make([]FieldRow, 0, len(b.site.Fields))
	for _, f := range b.site.Fields {
		row := FieldRow{Field: f, Count: len(f.Registrations)}
		for _, g := range b.byCampaign(f.Registrations) {
			row.ByCampaign = append(row.ByCampaign, Count{Label: strconv.Itoa(g.Campaign.Year), URL: b.urls.Campaign(g.Campaign), N: len(g.Registrations)})
		}
		rows = append(rows, row)
	}
	return rows
}

// ListView is a page of a list of registrations grouped by call: a field's
// or a status's.
type ListView struct {
	Groups []CampaignGroup
	Pager  Pager
}

func (b *viewBuilder) field(f *content.Field, page int) ListView {
	l := memo(b, listKey{"field", f.ID}, func() listTotals { return totalsOf(f.Registrations) })
	groups := withTotals(b.byCampaign(chunk(f.Registrations, page)), l)
	for i := range groups {
		groups[i].ByOrg = byOrganisation(groups[i].Registrations)
	}
	return ListView{Groups: groups, Pager: b.urls.pager(b.urls.Field(f), page, len(f.Registrations))}
}

func (b *viewBuilder) status(s content.Status, page int) ListView {
	regs := b.site.ByStatus[s]
	l := memo(b, listKey{"status", string(s)}, func() listTotals { return totalsOf(regs) })
	return ListView{Groups: withTotals(b.byCampaign(chunk(regs, page)), l), Pager: b.urls.pager(b.urls.Status(s), page, len(regs))}
}

// withTotals sets each group's count in the whole list.
func withTotals(groups []CampaignGroup, l listTotals) []CampaignGroup {
	for i := range groups {
		groups[i].Total = l.totals[groups[i].Campaign]
	}
	return groups
}

func (b *viewBuilder) campaign(c *content.Campaign, page int) CampaignView {
	v := memo(b, listKey{"campaign", strconv.Itoa(c.Year)}, func() CampaignView { return b.campaignCounts(c) })
	v.Registrations = chunk(c.Registrations, page)
	v.Pager = b.urls.pager(b.urls.Campaign(c), page, len(c.Registrations))
	return v
}

// campaignCounts is what every page of a call's list shows: its counts.
func (b *viewBuilder) campaignCounts(c *content.Campaign) CampaignView {
	v := CampaignView{C: c}
	statusN := map[content.Status]int{}
	for _, r := range c.Registrations {
		switch r.Timeliness() {
		case content.OnTime:
			v.OnTime++
		case content.Late:
			v.Late++
		}
		statusN[r.Status]++
	}
	for _, s := range content.Statuses {
		v.ByStatus = append(v.ByStatus, Count{Label: s.Label(), URL: b.urls.Status(s), N: statusN[s]})
	}
	scale(v.ByStatus)
	return v
}

func (b *viewBuilder) statusRows() []StatusRow {
	rows := make([]StatusRow, 0, len(content.Statuses))
	for _, s := range content.Statuses {
		rows = append(rows, StatusRow{Status: s, URL: b.urls.Status(s), Count: len(b.site.ByStatus[s])})
	}
	return rows
}

// upper is the upper case used in document headers.
func upper(s string) string { return vi.Upper(s) }
