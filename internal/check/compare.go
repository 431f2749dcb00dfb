package check

import "github.com/mohinh/mohinh/internal/diag"

// Compare is the comparison of "check --base" on its own: what the working
// tree of site changes in content/ compared with base, and the errors of
// the rules that only a branch can break — a status that skips a step, a
// registration's organisation or call changed, a registration deleted —
// sorted and worded as "check --base" prints them. "mohinh serve --base"
// calls it on every rebuild, so that the reviewer's page and the pull
// request's check never disagree. err is set when git cannot answer (not a
// repository, base unknown).
func Compare(site, base string) (*Changes, diag.List, error) {
	changes, diags, err := compareWithBase(site, base)
	if err != nil {
		return nil, nil, err
	}
	diags.Sort()
	return changes, diags, nil
}

// IsAdded reports whether the branch adds the file at p: what
// content.Options.IsNew asks, so that a title the branch repeats is
// reported on the file it adds.
func (c *Changes) IsAdded(p string) bool { return c.isAdded(p) }
