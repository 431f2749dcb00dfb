package serve

import (
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/mohinh/mohinh/internal/check"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/gitrepo"
	"github.com/mohinh/mohinh/internal/render"
)

// branch is what the working tree adds, changes and deletes compared with
// a base revision, and the errors of the rules only a branch can break, as
// "check --base" finds them: serve asks check.Compare — the one home of
// those rules — again on every rebuild, so that the page follows saves, a
// "git checkout" of another branch, and a base that moves. The watcher
// wakes a rebuild when HEAD or a ref moves even if no content file did
// (gitFolders).
type branch struct {
	head     string // the branch checked out, or its commit when detached
	changes  *check.Changes
	problems diag.List
	marks    map[string]render.Mark
}

// loadBranch compares with base the first time, refusing a folder outside
// git and a base that does not exist.
func loadBranch(site, base string) (*branch, error) {
	if err := gitrepo.CheckRevision(site, base); err != nil {
		return nil, fmt.Errorf("--base: %w", err)
	}
	return compareBranch(site, base)
}

// compareBranch asks git what the working tree changes now.
func compareBranch(site, base string) (*branch, error) {
	changes, problems, err := check.Compare(site, base)
	if err != nil {
		return nil, err
	}
	b := &branch{head: headName(site), changes: changes, problems: problems, marks: map[string]render.Mark{}}
	for _, p := range changes.Added {
		if content.IsRegistrationPath(p) {
			b.marks[p] = render.Added
		}
	}
	for _, p := range changes.Modified {
		if content.IsRegistrationPath(p) {
			b.marks[p] = render.Modified
		}
	}
	for _, r := range changes.Renamed {
		if content.IsRegistrationPath(r[1]) {
			b.marks[r[1]] = render.Modified
		}
	}
	return b, nil
}

// headName is the branch checked out, or the short commit when HEAD is
// detached; "" when git cannot say (no commit yet).
func headName(site string) string {
	out, err := gitrepo.Run(site, nil, "rev-parse", "--abbrev-ref", "HEAD")
	if err != nil {
		return ""
	}
	if name := strings.TrimSpace(string(out)); name != "HEAD" {
		return name
	}
	out, err = gitrepo.Run(site, nil, "rev-parse", "--short", "HEAD")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// view is the branch as the pages show it; broken maps the registrations
// left out of the build for their errors to their pages.
func (b *branch) view(base string, broken map[string]string) *render.Branch {
	v := &render.Branch{Base: base, Head: b.head, Marks: maps.Clone(b.marks), Broken: map[string]string{}}
	for p, url := range broken {
		if b.marks[p] != "" {
			v.Broken[p] = url
		}
	}
	for _, d := range b.problems {
		v.Problems = append(v.Problems, splitProblem(d))
	}
	v.Deleted = append(v.Deleted, b.changes.Deleted...)
	for _, p := range b.changes.Added {
		if !content.IsRegistrationPath(p) {
			v.Others = append(v.Others, render.FileChange{Change: "Thêm", Path: p})
		}
	}
	for _, p := range b.changes.Modified {
		if !content.IsRegistrationPath(p) {
			v.Others = append(v.Others, render.FileChange{Change: "Sửa", Path: p})
		}
	}
	for _, r := range b.changes.Renamed {
		if content.IsRegistrationPath(r[1]) {
			v.Moved = append(v.Moved, r[0]+" → "+r[1])
		} else {
			v.Others = append(v.Others, render.FileChange{Change: "Đổi tên", Path: r[0] + " → " + r[1]})
		}
	}
	return v
}

// gitFolders are the folders where git keeps HEAD and the refs of the
// repository holding site: the git folder itself and, for a linked
// worktree, the common one. Absolute, so that the watcher names their
// files the way isGitRef expects.
func gitFolders(site string) ([]string, error) {
	out, err := gitrepo.Run(site, nil, "rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir")
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, d := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		d = filepath.Clean(d)
		if len(dirs) == 0 || dirs[0] != d {
			dirs = append(dirs, d)
		}
	}
	return dirs, nil
}
