package serve

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/render"
)

// When the content has errors, serve still shows everything that builds:
// the site without the files that have errors (and without the files that
// then fail because of them: the registrations of a broken organisation).
// The reviewer reads every other page as it now is, and the page of a
// broken registration lists its problems (brokenPage, http.go). The site
// without them is read by a second content.Loader over the site folder
// with those files hidden (hidingFS); it lives only while the content has
// errors.

// partial is the site without its broken files.
type partial struct {
	fsys   *hidingFS
	loader *content.Loader
}

// buildable loads the site without the files that have the errors errs
// (the whole site's, as just loaded), and without the files that then
// fail in turn. It returns the site and the files left out; the site is
// nil when nothing builds without errors (no content/ folder, no
// settings file). changed are the paths changed since the last call;
// rescan asks to read everything again.
func (s *Server) buildable(errs diag.List, changed []string, rescan bool) (*content.Site, map[string]bool) {
	hide := map[string]bool{}
	for _, p := range hideable(s.opts.Site, errs, nil) {
		hide[p] = true
	}
	var site *content.Site
	var diags diag.List
	if s.partial == nil || rescan {
		h := &hidingFS{fsys: os.DirFS(s.opts.Site), hidden: hide}
		s.partial = &partial{fsys: h, loader: content.NewLoader(h, s.loadOptions())}
		site, diags = s.partial.loader.Load()
	} else {
		// The files hidden before and not now, or now and not before,
		// are read again (or forgotten) with the changed ones.
		again := append(toggled(s.partial.fsys.hidden, hide), changed...)
		s.partial.fsys.hidden = hide
		site, diags = s.partial.loader.Update(again)
	}
	for diags.HasErrors() {
		more := hideable(s.opts.Site, errorsOf(diags), hide)
		if len(more) == 0 {
			return nil, hide
		}
		for _, p := range more {
			hide[p] = true
		}
		site, diags = s.partial.loader.Update(more)
	}
	return site, hide
}

// hideable are the paths of errs that name a file or folder under
// content/ and are not in hidden: what can be left out. A problem of the
// whole site (no content/ folder, no settings file) names nothing that
// can.
func hideable(site string, errs diag.List, hidden map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range errs {
		p := d.Path
		if hidden[p] || seen[p] || !strings.HasPrefix(p, "content/") {
			continue
		}
		seen[p] = true
		if _, err := os.Lstat(filepath.Join(site, filepath.FromSlash(p))); err != nil {
			continue
		}
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// toggled are the keys of one set and not the other.
func toggled(a, b map[string]bool) []string {
	var out []string
	for p := range a {
		if !b[p] {
			out = append(out, p)
		}
	}
	for p := range b {
		if !a[p] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func errorsOf(diags diag.List) diag.List {
	var errs diag.List
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	return errs
}

// registrationURL is the address of the page of the registration at p,
// from its path alone (content/registrations/<year>/<org>/<slug>.md), as
// render decides it: the page a reviewer has open when its file breaks.
func registrationURL(p string) (string, bool) {
	if !content.IsRegistrationPath(p) {
		return "", false
	}
	parts := strings.Split(strings.TrimPrefix(p, content.RegistrationsDir+"/"), "/")
	if len(parts) != 3 {
		return "", false
	}
	year, err := strconv.Atoi(parts[0])
	if err != nil {
		return "", false
	}
	r := &content.Registration{CampaignYear: year, OrganisationID: parts[1], Slug: strings.TrimSuffix(parts[2], ".md")}
	return render.URLs{}.Registration(r), true
}

// hidingFS is a site folder without some of its files and folders: they
// do not exist for whoever reads through it.
type hidingFS struct {
	fsys   fs.FS
	hidden map[string]bool // slash paths relative to the site folder
}

func (h *hidingFS) hides(name string) bool {
	for p := name; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if h.hidden[p] {
			return true
		}
	}
	return false
}

func (h *hidingFS) refuse(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

func (h *hidingFS) Open(name string) (fs.File, error) {
	if h.hides(name) {
		return nil, h.refuse("open", name)
	}
	return h.fsys.Open(name)
}

func (h *hidingFS) Stat(name string) (fs.FileInfo, error) {
	if h.hides(name) {
		return nil, h.refuse("stat", name)
	}
	return fs.Stat(h.fsys, name)
}

func (h *hidingFS) Lstat(name string) (fs.FileInfo, error) {
	if h.hides(name) {
		return nil, h.refuse("lstat", name)
	}
	return fs.Lstat(h.fsys, name)
}

func (h *hidingFS) ReadLink(name string) (string, error) {
	if h.hides(name) {
		return "", h.refuse("readlink", name)
	}
	return fs.ReadLink(h.fsys, name)
}

func (h *hidingFS) ReadFile(name string) ([]byte, error) {
	if h.hides(name) {
		return nil, h.refuse("read", name)
	}
	return fs.ReadFile(h.fsys, name)
}

// ReadDir lists a folder without what is hidden, so that a walk never
// meets it.
func (h *hidingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if h.hides(name) {
		return nil, h.refuse("readdir", name)
	}
	entries, err := fs.ReadDir(h.fsys, name)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return h.hides(path.Join(name, e.Name())) }), err
}

var (
	_ fs.ReadDirFS  = (*hidingFS)(nil)
	_ fs.ReadFileFS = (*hidingFS)(nil)
	_ fs.StatFS     = (*hidingFS)(nil)
	_ fs.ReadLinkFS = (*hidingFS)(nil)
)
