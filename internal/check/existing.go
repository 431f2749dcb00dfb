package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/gitrepo"
)

// A reviewer reads "check --base" for what the branch brings. A problem is
// the branch's unless it is in a file the branch does not touch and the
// same problem, word for word and at the same place, is found at the base
// too: every late registration already published, say. Those are
// "existing": counted on one line, never annotated. A problem the branch
// causes in a file it does not touch — a changed deadline making old
// registrations late, an organisation renamed under them — is the
// branch's, and shown.

// splitExisting returns, of the problems found, the branch's and the
// existing ones. It loads the site at base only when some problem is in a
// file the branch does not touch.
func splitExisting(site, base string, today content.Date, found diag.List, ch *Changes) (branch, existing diag.List, err error) {
	touched := ch.touched()
	if !slices.ContainsFunc(found, func(d diag.Diagnostic) bool { return !touched[d.Path] }) {
		return found, nil, nil
	}
	_, before, err := siteAt(site, base, today)
	if err != nil {
		return nil, nil, err
	}
	atBase := make(map[diag.Diagnostic]bool, len(before))
	for _, d := range before {
		atBase[d] = true
	}
	for _, d := range found {
		if !touched[d.Path] && atBase[d] {
			existing = append(existing, d)
		} else {
			branch = append(branch, d)
		}
	}
	return branch, existing, nil
}

// touched is every path the branch adds, modifies, renames or deletes.
func (c *Changes) touched() map[string]bool {
	t := map[string]bool{}
	for _, list := range [][]string{c.Added, c.Modified, c.Deleted} {
		for _, p := range list {
			t[p] = true
		}
	}
	for _, r := range c.Renamed {
		t[r[0]], t[r[1]] = true, true
	}
	return t
}

// isAdded reports whether the branch adds p.
func (c *Changes) isAdded(p string) bool {
	_, found := slices.BinarySearch(c.Added, p) // sorted by compareWithBase
	return found
}

// siteAt loads the content of site as it is at rev, from git, and returns
// it with what the loader finds there: one "git ls-tree" and one "git
// cat-file --batch" in all.
func siteAt(site, rev string, today content.Date) (*content.Site, diag.List, error) {
	out, err := gitrepo.Run(site, nil, "-c", "core.quotepath=false", "ls-tree", "-r", "-z", rev, "--", "content")
	if err != nil {
		return nil, nil, err
	}
	type entry struct {
		path string
		mode fs.FileMode
		oid  string
	}
	var entries []entry
	for line := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		// "<mode> <type> <object>\t<path>"
		meta, p, ok := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 || f[1] != "blob" || !fs.ValidPath(p) {
			continue // a submodule: nothing the loader would read
		}
		mode := fs.FileMode(0o644)
		if f[0] == "120000" {
			mode = fs.ModeSymlink | 0o777
		}
		entries = append(entries, entry{p, mode, f[2]})
	}
	oids := make([]string, len(entries))
	for i, e := range entries {
		oids[i] = e.oid
	}
	blobs, err := catFile(site, oids)
	if err != nil {
		return nil, nil, err
	}
	files := make(fstest.MapFS, len(entries))
	for i, e := range entries {
		files[e.path] = &fstest.MapFile{Data: blobs[i], Mode: e.mode}
	}
	loaded, diags := content.LoadWith(newTreeFS(files), content.Options{Today: today})
	return loaded, diags, nil
}

// catFile reads the objects named by specs ("<oid>" or "<rev>:<path>")
// through one "git cat-file --batch"; a missing one is nil.
func catFile(site string, specs []string) ([][]byte, error) {
	out := make([][]byte, len(specs))
	if len(specs) == 0 {
		return out, nil
	}
	var in bytes.Buffer
	for _, s := range specs {
		in.WriteString(s)
		in.WriteByte('\n')
	}
	raw, err := gitrepo.Run(site, &in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	for i := range specs {
		header, rest, ok := bytes.Cut(raw, []byte("\n"))
		if !ok {
			return nil, fmt.Errorf("git cat-file: câu trả lời bị cắt ngắn")
		}
		f := strings.Fields(string(header))
		if len(f) != 3 { // "<spec> missing"
			raw = rest
			continue
		}
		var size int
		if _, err := fmt.Sscan(f[2], &size); err != nil || size+1 > len(rest) {
			return nil, fmt.Errorf("git cat-file: câu trả lời không đọc được")
		}
		out[i] = rest[:size]
		raw = rest[size+1:] // the object and its newline
	}
	return out, nil
}
