// Package check is "mohinh check": the validator of "mohinh build" with
// nothing rendered, made for pull requests. It adds what only a review of a
// change can see — a comparison with the target branch through git (status
// moves along the lifecycle, a registration's organisation and call never
// change, nothing is deleted) — the safe mechanical fixes of --fix, and
// reports for people (text), GitHub (workflow annotations and a step
// summary) and programs (JSON).
package check

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// Options say what to check.
type Options struct {
	Site  string   // the folder holding content/
	Paths []string // when set, report only on these files (checked against the whole site)
	Base  string   // a git revision to compare with, e.g. origin/main
	Fix   bool     // apply the safe fixes first
	Today content.Date
	// Extra checks that need the loaded site, such as CODEOWNERS being up
	// to date; each gets what was found so far and returns its own.
	Extra []func(site *content.Site, found diag.List) diag.List
}

// Result is what a check found.
type Result struct {
	Diags   diag.List
	Files   int      // content files read
	Changes *Changes // set with Options.Base
	Fixes   []Fix    // what Options.Fix changed
}

// Run checks the site. err is set only when the check itself could not run
// (git failing, a path outside the site); problems in the content are
// diagnostics.
func Run(opts Options) (Result, error) {
	var res Result
	paths, err := relativePaths(opts.Site, opts.Paths)
	if err != nil {
		return res, err
	}
	if opts.Fix {
		if res.Fixes, err = fixFiles(opts.Site, paths); err != nil {
			return res, err
		}
		paths = renamedPaths(paths, res.Fixes)
	}
	site, diags := content.LoadWith(os.DirFS(opts.Site), content.Options{Today: opts.Today})
	res.Files = countFiles(site)
	for _, extra := range opts.Extra {
		diags = append(diags, extra(site, diags)...)
	}
	if opts.Base != "" {
		changes, more, err := compareWithBase(opts.Site, opts.Base)
		if err != nil {
			return res, err
		}
		res.Changes = changes
		diags = append(diags, more...)
	}
	if len(paths) > 0 {
		diags = slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return !slices.Contains(paths, d.Path) })
	}
	diags.Sort()
	res.Diags = diags
	return res, nil
}

// relativePaths turns the PATH arguments into slash paths relative to the
// site folder, as diagnostics name them.
func relativePaths(site string, paths []string) ([]string, error) {
	absSite, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(absSite, abs)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, &PathError{Path: p}
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// PathError is a PATH argument outside the site folder.
type PathError struct{ Path string }

func (e *PathError) Error() string {
	return "tệp " + e.Path + " không nằm trong thư mục của trang (thư mục chứa content/, ghi ở --site)"
}

func countFiles(site *content.Site) int {
	if site == nil {
		return 0
	}
	n := len(site.Campaigns) + len(site.Fields) + len(site.Organisations) + len(site.Registrations)
	if site.Settings.Path != "" {
		n++
	}
	return n
}

// renamedPaths follows the files --fix renamed.
func renamedPaths(paths []string, fixes []Fix) []string {
	for i, p := range paths {
		for _, f := range fixes {
			if f.Path == p && f.RenamedTo != "" {
				paths[i] = f.RenamedTo
			}
		}
	}
	return paths
}
