package render

import (
	"slices"
	"strconv"

	"github.com/mohinh/mohinh/internal/content"
)

// RenderAffected writes the pages that a change to the registrations at
// paths touches, from before to after: their own pages and those of the
// decisions that list them; the pages of every
// list they are on before or after — their organisations and every
// ancestor, their fields, calls and statuses — where those pages changed
// (paging.go); the home page and the indexes; the first page of an
// organisation whose report for the level above comes or goes. It returns
// how many pages it wrote and the output files that no longer exist: pages
// of removed registrations, pages a shorter list no longer has, the
// reports of levels that no longer compile one.
func (r *Renderer) RenderAffected(before, after *content.Site, paths []string, w Writer) (int, []string, error) {
	u := r.urls
	want := map[string]bool{u.Home(): true, u.Organisations(): true, u.Fields(): true, u.Campaigns(): true, u.Statuses(): true}
	if r.branch != nil {
		want[u.Changes()] = true
	}
	changed := map[string]bool{}
	for _, p := range paths {
		changed[p] = true
	}
	lists := map[listKey]bool{}
	decided := map[string][2]int{} // before the change: what each decision listing a changed model decided
	var gone []string
	var rows []*content.Registration
	for i, site := range []*content.Site{before, after} {
		for _, p := range paths {
			reg := site.RegistrationByPath[p]
			if reg == nil {
				if i == 1 && before.RegistrationByPath[p] != nil {
					for _, url := range u.registrationFiles(before.RegistrationByPath[p]) {
						gone = append(gone, u.outputPath(url))
					}
				}
				continue
			}
			if i == 1 {
				want[u.Registration(reg)] = true
				rows = append(rows, reg)
			}
			if d := reg.Decision; d != nil && d.Issuer != nil && d.Campaign != nil {
				// It lists the model by its title. The index, its call's
				// and its issuer's first pages count what it decides: only
				// a broken reference changes that, not an edit of the model.
				want[u.Decision(d)] = true
				n := [2]int{len(d.Approved), len(d.Rejected)}
				if i == 0 {
					decided[d.Path] = n
				} else if was, ok := decided[d.Path]; !ok || was != n {
					want[u.Decisions()] = true
					lists[listKey{"organisation", d.Issuer.ID}] = true
				}
			}
			// The year's later documents list it by its title too, and
			// its call's recognised models (timeline.go, recognised.go).
			for _, d := range []*content.Decision{reg.Appraisal, reg.Recognition} {
				if d != nil && d.Issuer != nil && d.Campaign != nil {
					want[u.Decision(d)] = true
				}
			}
			if reg.Campaign != nil {
				want[u.CampaignRecognised(reg.Campaign)] = true
			}
			for o := reg.Organisation; o != nil; o = o.Parent {
				lists[listKey{"organisation", o.ID}] = true
			}
			lists[listKey{"field", reg.Field.ID}] = true
			lists[listKey{"campaign", strconv.Itoa(reg.CampaignYear)}] = true
			lists[listKey{"status", string(reg.Status)}] = true
		}
	}
	bb, ab := newViewBuilder(before, u, nil), newViewBuilder(after, u, nil)
	listOf := func(b *viewBuilder, k listKey) pagedList {
		site := b.site
		switch k.kind {
		case "organisation":
			l := pagedList{url: u.Organisation(&content.Organisation{ID: k.id})}
			if o := site.OrganisationByID[k.id]; o != nil {
				l.regs = b.organisationRegistrations(o)
			}
			return l
		case "field":
			l := pagedList{url: u.Field(&content.Field{ID: k.id})}
			if f := site.FieldByID[k.id]; f != nil {
				l.regs = f.Registrations
			}
			return l
		case "campaign":
			year, _ := strconv.Atoi(k.id)
			l := pagedList{url: u.Campaign(&content.Campaign{Year: year})}
			if c := site.CampaignByYear[year]; c != nil {
				l.regs = c.Registrations
			}
			return l
		}
		return pagedList{url: u.Status(content.Status(k.id)), regs: site.ByStatus[content.Status(k.id)]}
	}
	for k := range lists {
		render, g := u.changedPages(listOf(bb, k), listOf(ab, k), changed)
		for _, url := range render {
			want[url] = true
		}
		for _, url := range g {
			gone = append(gone, u.outputPath(url))
		}
	}
	levelPages, levelGone := u.levelChanges(before, after, paths) // levelreports.go
	for _, url := range levelPages {
		want[url] = true
	}
	gone = append(gone, levelGone...)
	for _, p := range paths {
		delete(r.rows.html, p)
	}
	if err := r.renderRows(rows); err != nil {
		return 0, nil, err
	}
	jobs := slices.DeleteFunc(r.planAll(after), func(j job) bool { return !want[j.url] })
	slices.Sort(gone)
	return len(jobs), gone, r.run(jobs, nil, w)
}
