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
	"slices"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// Options say what to check.
type Options struct {
	Site string // the folder holding content/
	// Paths, when set, are the files and folders to report on (checked
	// against the whole site), as given on the command line: relative to
	// the working directory, or absolute.
	Paths []string
	Base  string // a git revision to compare with, e.g. origin/main
	Fix   bool   // apply the safe fixes first
	Today content.Date
	// Extra checks that need the loaded site, such as CODEOWNERS being up
	// to date; each gets what was found so far and returns its own.
	Extra []func(site *content.Site, found diag.List) diag.List
}

// Result is what a check found.
type Result struct {
	Diags diag.List // the problems to show: with Options.Base, the branch's
	// Existing are, with Options.Base, the problems of files the branch
	// does not touch that the base has too (existing.go): counted, not shown.
	Existing diag.List
	Files    int      // content files reported on
	Changes  *Changes // set with Options.Base
	Fixes    []Fix    // what Options.Fix changed
}

// Failed reports whether the check fails: any error, the existing ones
// included (the site does not build until they are fixed), or with strict
// any warning the branch brings.
func (res Result) Failed(strict bool) bool {
	errs, warns := res.Diags.Count()
	return errs > 0 || res.Existing.HasErrors() || strict && warns > 0
}

// Run checks the site. err is set only when the check itself could not run
// (git failing, a PATH that names no file of the site: *PathError);
// problems in the content are diagnostics.
func Run(opts Options) (Result, error) {
	var res Result
	paths, err := resolvePaths(opts.Site, opts.Paths)
	if err != nil {
		return res, err
	}
	if opts.Fix {
		if res.Fixes, err = fixFiles(opts.Site, paths); err != nil {
			return res, err
		}
		paths = renamedPaths(paths, res.Fixes)
	}
	var compared diag.List
	loadOpts := content.Options{Today: opts.Today}
	if opts.Base != "" {
		// First, so that a title repeated by a file the branch adds is
		// reported on that file (content.Options.IsNew).
		if res.Changes, compared, err = compareWithBase(opts.Site, opts.Base); err != nil {
			return res, err
		}
		loadOpts.IsNew = res.Changes.isAdded
	}
	site, diags := content.LoadWith(os.DirFS(opts.Site), loadOpts)
	for _, extra := range opts.Extra {
		diags = append(diags, extra(site, diags)...)
	}
	diags = append(diags, compared...)
	if opts.Base != "" {
		if diags, res.Existing, err = splitExisting(opts.Site, opts.Base, opts.Today, diags, res.Changes); err != nil {
			return res, err
		}
	}
	files, err := contentFiles(opts.Site)
	if err != nil {
		return res, err
	}
	res.Files = countIn(files, paths)
	if len(paths) > 0 {
		outside := func(d diag.Diagnostic) bool { return !paths.has(d.Path) }
		diags = slices.DeleteFunc(diags, outside)
		res.Existing = slices.DeleteFunc(res.Existing, outside)
	}
	diags.Sort()
	res.Existing.Sort()
	res.Diags = diags
	return res, nil
}

// renamedPaths follows the files --fix renamed.
func renamedPaths(paths pathSet, fixes []Fix) pathSet {
	for i, p := range paths {
		for _, f := range fixes {
			if f.Path == p && f.RenamedTo != "" {
				paths[i] = f.RenamedTo
			}
		}
	}
	return paths
}
