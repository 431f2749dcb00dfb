package serve

import (
	"fmt"
	"maps"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/gitrepo"
	"github.com/mohinh/mohinh/internal/render"
)

// branch follows what the working tree adds and changes compared with a
// base revision. git is asked once, at the start: after that a saved
// registration is "added" when the base has no file at its path and
// "modified" when it has, without asking git on every save.
type branch struct {
	base   string
	atBase map[string]bool // content files at the base revision
	marks  map[string]render.Mark
}

func loadBranch(site, base string) (*branch, error) {
	if _, err := gitrepo.Prefix(site); err != nil {
		return nil, fmt.Errorf("--base cần một kho git: %w", err)
	}
	if !gitrepo.Verify(site, base) {
		return nil, fmt.Errorf("không tìm thấy phiên bản %q trong kho git", base)
	}
	files, err := gitrepo.Files(site, base, "content")
	if err != nil {
		return nil, err
	}
	b := &branch{base: base, atBase: map[string]bool{}, marks: map[string]render.Mark{}}
	for _, f := range files {
		b.atBase[f] = true
	}
	changes, err := gitrepo.Diff(site, base, "content", false)
	if err != nil {
		return nil, err
	}
	untracked, err := gitrepo.Untracked(site, "content")
	if err != nil {
		return nil, err
	}
	for _, p := range untracked {
		changes = append(changes, gitrepo.Status{Code: 'A', Path: p})
	}
	for _, c := range changes {
		if !content.IsRegistrationPath(c.Path) {
			continue
		}
		switch c.Code {
		case 'A':
			b.marks[c.Path] = render.Added
		case 'M', 'T':
			b.marks[c.Path] = render.Modified
		}
	}
	return b, nil
}

// update marks the registrations at paths as the site now has them, and
// returns the paths whose mark changed.
func (b *branch) update(paths []string, site *content.Site) []string {
	before := maps.Clone(b.marks)
	for _, p := range paths {
		delete(b.marks, p)
		if site.RegistrationByPath[p] == nil {
			continue
		}
		if b.atBase[p] {
			b.marks[p] = render.Modified
		} else {
			b.marks[p] = render.Added
		}
	}
	return render.MarkedPaths(before, b.marks)
}

func (b *branch) view() *render.Branch {
	return &render.Branch{Base: b.base, Marks: maps.Clone(b.marks)}
}
