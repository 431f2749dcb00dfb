package render

import (
	"slices"
	"strconv"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// The views of lists of registrations — an organisation's with its
// descendants', a field's, a call's, a status's — one page of them at a
// time (paging.go), with what every page of a list shares computed once.

// campaignGroup is the registrations of one call.
type campaignGroup struct {
	Campaign      *content.Campaign
	Total         int // in the whole list, of which Registrations may be one page
	Registrations []*content.Registration
	ByOrg         []orgGroup // set where a page groups by organisation too
}

// orgGroup is the registrations of one organisation.
type orgGroup struct {
	Organisation  *content.Organisation
	Registrations []*content.Registration
}

// organisationView is an organisation's page.
type organisationView struct {
	O      *content.Organisation
	Chain  []*content.Organisation
	Groups []campaignGroup // its own and its descendants' registrations: this page of them
	Own    int
	Pager  pager
	// Decisions are those it issued, on its first page.
	Decisions []decisionEntry
	// Reports are the summaries it compiled for the level above, one
	// per call (report.Levels), on its first page.
	Reports []Link
}

// campaignView is a call's page.
type campaignView struct {
	C             *content.Campaign
	Registrations []*content.Registration // this page of them
	Pager         pager
	OnTime        int
	Late          int
	ByStatus      []count
	Decisions     []decisionEntry // the call's, on its first page
	Recognised    string          // its page of recognised models; "" while none is (recognised.go)
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

// byCampaign groups registrations, given in site order, by call.
func (b *viewBuilder) byCampaign(regs []*content.Registration) []campaignGroup {
	var groups []campaignGroup
	for _, r := range regs {
		if len(groups) == 0 || groups[len(groups)-1].Campaign != r.Campaign {
			groups = append(groups, campaignGroup{Campaign: r.Campaign})
		}
		g := &groups[len(groups)-1]
		g.Registrations = append(g.Registrations, r)
	}
	return groups
}

// byOrganisation groups registrations, given in site order, by organisation.
func byOrganisation(regs []*content.Registration) []orgGroup {
	var groups []orgGroup
	for _, r := range regs {
		if len(groups) == 0 || groups[len(groups)-1].Organisation != r.Organisation {
			groups = append(groups, orgGroup{Organisation: r.Organisation})
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

func (b *viewBuilder) organisation(o *content.Organisation, n int) organisationView {
	l := memo(b, listKey{"organisation", o.ID}, func() listTotals { return totalsOf(b.organisationRegistrations(o)) })
	regs := l.regs
	groups := withTotals(b.byCampaign(chunk(regs, n)), l)
	for i := range groups {
		groups[i].ByOrg = byOrganisation(groups[i].Registrations)
	}
	v := organisationView{
		O: o, Chain: o.Ancestors(), Groups: groups, Own: len(o.Registrations),
		Pager: b.urls.pager(b.urls.Organisation(o), n, len(regs)),
	}
	if n == 1 {
		v.Decisions = b.decisionEntries(o.Decisions)
		for _, c := range b.levels()[o] {
			v.Reports = append(v.Reports, Link{"Báo cáo tổng hợp năm " + itoa(c.Year), b.urls.LevelReport(o, c)})
			if report.Evaluates(o, c) {
				v.Reports = append(v.Reports, Link{"Đánh giá cuối năm " + itoa(c.Year), b.urls.LevelEvaluation(o, c)})
			}
		}
	}
	return v
}

// listView is a page of a list of registrations grouped by call: a field's
// or a status's.
type listView struct {
	Groups []campaignGroup
	Pager  pager
	// Recognised are, on a field's first page, its recognised models on
	// each call's page of them (recognised.go).
	Recognised []Link
	Meaning    string // on a status's page, what the status means
}

func (b *viewBuilder) field(f *content.Field, n int) listView {
	l := memo(b, listKey{"field", f.ID}, func() listTotals { return totalsOf(f.Registrations) })
	groups := withTotals(b.byCampaign(chunk(f.Registrations, n)), l)
	for i := range groups {
		groups[i].ByOrg = byOrganisation(groups[i].Registrations)
	}
	v := listView{Groups: groups, Pager: b.urls.pager(b.urls.Field(f), n, len(f.Registrations))}
	if n == 1 {
		for _, c := range b.site.Campaigns {
			count := 0
			for _, r := range recognisedIn(c) {
				if r.Field == f {
					count++
				}
			}
			if count > 0 {
				v.Recognised = append(v.Recognised, Link{"Năm " + itoa(c.Year) + ": " + itoa(count) + " mô hình", b.urls.CampaignRecognised(c) + "#" + recognisedAnchor(f)})
			}
		}
	}
	return v
}

func (b *viewBuilder) status(s content.Status, n int) listView {
	regs := b.site.ByStatus[s]
	l := memo(b, listKey{"status", string(s)}, func() listTotals { return totalsOf(regs) })
	return listView{Groups: withTotals(b.byCampaign(chunk(regs, n)), l), Pager: b.urls.pager(b.urls.Status(s), n, len(regs)), Meaning: s.Meaning()}
}

// withTotals sets each group's count in the whole list.
func withTotals(groups []campaignGroup, l listTotals) []campaignGroup {
	for i := range groups {
		groups[i].Total = l.totals[groups[i].Campaign]
	}
	return groups
}

func (b *viewBuilder) campaign(c *content.Campaign, n int) campaignView {
	v := memo(b, listKey{"campaign", strconv.Itoa(c.Year)}, func() campaignView { return b.campaignCounts(c) })
	v.Registrations = chunk(c.Registrations, n)
	v.Pager = b.urls.pager(b.urls.Campaign(c), n, len(c.Registrations))
	if n == 1 {
		v.Decisions = b.decisionEntries(c.Decisions)
		if len(recognisedIn(c)) > 0 {
			v.Recognised = b.urls.CampaignRecognised(c)
		}
	}
	return v
}

// campaignCounts is what every page of a call's list shows: its counts.
func (b *viewBuilder) campaignCounts(c *content.Campaign) campaignView {
	v := campaignView{C: c}
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
		v.ByStatus = append(v.ByStatus, count{Label: s.Label(), URL: b.urls.Status(s), N: statusN[s]})
	}
	scale(v.ByStatus)
	return v
}
