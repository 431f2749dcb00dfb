package render

import (
	"slices"

	"github.com/mohinh/mohinh/internal/content"
)

// Branch says what a branch under review adds and changes compared with
// its base revision; "mohinh serve --base" shows it, a build never does.
type Branch struct {
	Base  string          // the revision compared with, e.g. origin/main
	Marks map[string]Mark // registration path → what the branch did to it
}

// Mark is what a branch did to a registration.
type Mark string

// The marks.
const (
	Added    Mark = "added"
	Modified Mark = "modified"
)

// Label is the mark in Vietnamese.
func (m Mark) Label() string {
	switch m {
	case Added:
		return "Mới trong nhánh này"
	case Modified:
		return "Đã sửa trong nhánh này"
	}
	return ""
}

// changesView is the page "Thay đổi trong nhánh này".
type changesView struct {
	Base     string
	Added    []*content.Registration
	Modified []*content.Registration
}

// SetBranch makes the pages show what a branch changes; nil stops it.
func (r *Renderer) SetBranch(b *Branch) { r.branch = b }

// mark makes every page of jobs say that it shows the branch, and a
// registration's page what the branch did to it.
func (b *Branch) mark(jobs []job) {
	for i := range jobs {
		makePage := jobs[i].makePage
		jobs[i].makePage = func() page {
			p := makePage()
			p.Branch = b.Base
			if v, ok := p.Data.(registrationView); ok {
				v.Mark = b.Marks[v.R.Path]
				p.Data = v
			}
			return p
		}
	}
}

// changesJob is the page listing what the branch changes.
func (b *Branch) changesJob(site *content.Site, urls URLs) job {
	return job{"changes", urls.Changes(), func() page {
		return page{
			Site: site, URLs: urls, Title: "Thay đổi trong nhánh này", URL: urls.Changes(),
			Crumbs: []Link{{"Trang chủ", urls.Home()}}, Branch: b.Base, Data: newChangesView(site, b),
		}
	}}
}

// Changes is the page listing what the branch under review changes.
func (u URLs) Changes() string { return u.root() + "thay-doi/" }

func newChangesView(site *content.Site, b *Branch) changesView {
	v := changesView{Base: b.Base}
	for _, reg := range site.Registrations { // in site order
		switch b.Marks[reg.Path] {
		case Added:
			v.Added = append(v.Added, reg)
		case Modified:
			v.Modified = append(v.Modified, reg)
		}
	}
	return v
}

// MarkedPaths are the registrations whose mark differs between two
// branches' marks.
func MarkedPaths(before, after map[string]Mark) []string {
	var out []string
	for p, m := range after {
		if before[p] != m {
			out = append(out, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
