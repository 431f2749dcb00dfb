package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/gitrepo"
)

// Changes lists the content files a branch adds, modifies and deletes
// compared with its base revision.
type Changes struct {
	Base                     string
	Added, Modified, Deleted []string
	Renamed                  [][2]string // from, to
}

// compareWithBase asks git what the working tree changes in content/
// compared with base, and checks each changed registration against its
// version at base: one "git diff" and one "git cat-file --batch" in all.
func compareWithBase(site, base string) (*Changes, diag.List, error) {
	prefix, err := gitrepo.Prefix(site)
	if err != nil {
		return nil, nil, fmt.Errorf("--base: %w", err)
	}
	if err := gitrepo.CheckRevision(site, base); err != nil {
		return nil, nil, fmt.Errorf("--base: %w", err)
	}
	statuses, err := gitrepo.Diff(site, base, "content", true)
	if err != nil {
		return nil, nil, err
	}
	untracked, err := gitrepo.Untracked(site, "content")
	if err != nil {
		return nil, nil, err
	}
	ch := &Changes{Base: base, Added: untracked}
	var oldPaths []string // registrations whose old version is needed
	type pair struct{ old, new string }
	var compare []pair
	for _, st := range statuses {
		switch st.Code {
		case 'C':
			ch.Added = append(ch.Added, st.Path)
		case 'R':
			ch.Renamed = append(ch.Renamed, [2]string{st.FromPath, st.Path})
			if content.IsRegistrationPath(st.FromPath) {
				compare = append(compare, pair{st.FromPath, st.Path})
				oldPaths = append(oldPaths, st.FromPath)
			}
		case 'A':
			ch.Added = append(ch.Added, st.Path)
		case 'D':
			ch.Deleted = append(ch.Deleted, st.Path)
		default:
			ch.Modified = append(ch.Modified, st.Path)
			if content.IsRegistrationPath(st.Path) {
				compare = append(compare, pair{st.Path, st.Path})
				oldPaths = append(oldPaths, st.Path)
			}
		}
	}
	slices.Sort(ch.Added)

	var diags diag.List
	for _, p := range ch.Deleted {
		if content.IsRegistrationPath(p) {
			diags.Errorf(p, 0, 0, "deleted", "bản đăng ký đã có ở %s nay bị xóa: không được xóa bản đăng ký đã nộp; nếu đăng ký nhầm, hãy liên hệ Ban Tổ chức để xử lý", base)
		}
	}
	old, err := showAll(site, base, prefix, oldPaths)
	if err != nil {
		return nil, nil, err
	}
	statusEdited := false
	for _, c := range compare {
		data, ok := old[c.old]
		if !ok {
			continue
		}
		before, _ := content.ParseRegistration(c.old, data)
		after, err := readRegistration(site, c.new)
		if before == nil || after == nil || err != nil {
			continue // the file's own problems are reported by the loader
		}
		compareRegistration(base, before, after, &diags)
		statusEdited = statusEdited || before.Status != after.Status
	}
	// Statuses come from decisions too: only a whole site tells them.
	if ch.touchesStatus(statusEdited) {
		moved, err := compareLifecycle(site, base, ch)
		if err != nil {
			return nil, nil, err
		}
		diags = append(diags, moved...)
	}
	return ch, diags, nil
}

func compareRegistration(base string, before, after *content.Registration, diags *diag.List) {
	if before.OrganisationID != after.OrganisationID && before.OrganisationID != "" {
		line, col := after.At("organisation")
		diags.Errorf(after.Path, line, col, "organisation-changed", "không được đổi tổ chức của bản đăng ký: ở %s là %q, nay là %q; hãy sửa lại như cũ", base, before.OrganisationID, after.OrganisationID)
	}
	if before.CampaignYear != after.CampaignYear && before.CampaignYear != 0 {
		line, col := after.At("campaign")
		diags.Errorf(after.Path, line, col, "campaign-changed", "không được đổi đợt đăng ký của bản đăng ký: ở %s là %d, nay là %d; hãy sửa lại như cũ", base, before.CampaignYear, after.CampaignYear)
	}
}

// showAll reads the given paths at rev through one "git cat-file --batch".
func showAll(site, rev, prefix string, paths []string) (map[string][]byte, error) {
	specs := make([]string, len(paths))
	for i, p := range paths {
		specs[i] = rev + ":" + prefix + p
	}
	blobs, err := catFile(site, specs)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(paths))
	for i, p := range paths {
		if blobs[i] != nil {
			out[p] = blobs[i]
		}
	}
	return out, nil
}

// readRegistration decodes a registration of the working tree.
func readRegistration(site, p string) (*content.Registration, error) {
	data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(p)))
	if err != nil {
		return nil, err
	}
	r, _ := content.ParseRegistration(p, data)
	return r, nil
}
