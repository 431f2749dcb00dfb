package render

import (
	"maps"
	"slices"

	"github.com/mohinh/mohinh/internal/content"
)

// Branch says what a branch under review adds, changes and deletes
// compared with its base revision; "mohinh serve --base" shows it, a build
// never does. serve computes it with the comparison of "check --base"
// (check.Compare), so that the page and the pull request's check agree.
type Branch struct {
	Base  string          // the revision compared with, e.g. origin/main
	Head  string          // the branch checked out, or its commit when detached; "" when unknown
	Marks map[string]Mark // registration path → what the branch did to it
	// Broken are the registrations the branch adds or changes that have
	// errors, left out of the build: path → the address of their page,
	// which serve answers with their problems.
	Broken   map[string]string
	Moved    []string     // registrations renamed or moved, "old → new"; they are marked Modified
	Deleted  []string     // content files the branch deletes, sorted
	Others   []FileChange // content files other than registrations the branch adds, changes or renames
	Problems []Problem    // the branch's errors, as "check --base" prints them
}

// Problem is one error as "mohinh check" prints it, "path:line:col: message",
// in its two parts: where ("path:line:col") and what.
type Problem struct{ Where, What string }

// FileChange is a content file a branch changes, named by its path.
type FileChange struct {
	Change string // "Thêm", "Sửa", "Đổi tên", …
	Path   string // "old → new" for a rename
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
	Base, Head     string
	Problems       []Problem
	Added          []*content.Registration
	Modified       []*content.Registration
	AddedBroken    []Link // registrations with errors: their path, their page
	ModifiedBroken []Link
	Moved          []string
	Deleted        []string
	Others         []FileChange
}

// NAdded and NModified count each section, built or not.
func (v changesView) NAdded() int    { return len(v.Added) + len(v.AddedBroken) }
func (v changesView) NModified() int { return len(v.Modified) + len(v.ModifiedBroken) }

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
	v := changesView{Base: b.Base, Head: b.Head, Problems: b.Problems, Moved: b.Moved, Deleted: b.Deleted, Others: b.Others}
	for _, reg := range site.Registrations { // in site order
		switch b.Marks[reg.Path] {
		case Added:
			v.Added = append(v.Added, reg)
		case Modified:
			v.Modified = append(v.Modified, reg)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b.Broken)) {
		l := Link{Label: p, URL: b.Broken[p]}
		switch b.Marks[p] {
		case Added:
			v.AddedBroken = append(v.AddedBroken, l)
		case Modified:
			v.ModifiedBroken = append(v.ModifiedBroken, l)
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
