// Package codeowners writes the repository's CODEOWNERS file from the
// reviewers that organisations name in their content files, in the syntax
// of the site's forge (content.Forge).
//
// The forge reads CODEOWNERS to request reviews on a pull (merge) request
// from the owners of the files it changes, and a branch rule can require
// their approval. mohinh owns the file: Generate derives it from the site,
// and Check tells whether the committed file still matches.
//
// Who owns what:
//
//   - every file is owned by the Organisation Board's reviewers: those of
//     the organisation with id "ban-to-chuc" (Ban Tổ chức) if it exists
//     and names reviewers, otherwise those of the root organisation; when
//     neither names any, the file says so in a comment and the catch-all
//     line is left out;
//   - the registration folders of an organisation that names reviewers,
//     content/registrations/<any year>/<id>/, and the folders of the
//     decisions it issues, content/decisions/<any year>/<id>/, are owned
//     by its reviewers and by no one else: a level's decisions are its
//     own to make.
//
// An organisation without reviewers does not inherit its parent's: its
// folders fall to the Board.
//
// How each forge is told so:
//
//   - GitHub: gitignore-like paths, the last matching line wins, so the
//     per-organisation lines come after the catch-all "*", in order of id.
//     Paths start with "/" because the site folder is the repository's
//     root.
//   - GitLab: the same paths and the same rule within a section; but every
//     section with a matching line applies (the lines before the first
//     section heading form one more, unnamed section), each requiring its
//     owners' approval. A catch-all in a [Ban Tổ chức] section and the
//     organisations' lines in others would make the Board approve every
//     organisation's files; exclusions ("!path") could prevent it only
//     from GitLab 17.10 on. So the file has no sections: it is the GitHub
//     file with its own header, and its header says why.
//   - Gitea and Forgejo: each line is a Go regular expression that must
//     match the whole path from the repository's root (Gitea compiles
//     "^rule$"), and every matching line applies, not only the last. The
//     catch-all is therefore one negative line ("!" + regexp: every file
//     the regexp does not match) excluding the folders of the organisations
//     that own theirs; ids are quoted with regexp.QuoteMeta. Gitea's reader
//     takes "\" as an escape ("\\." in the file is the regexp "\."), so
//     backslashes, "#" and spaces are escaped once more when written.
//
// Where: the first existing file among the forge's
// content.Forge.CodeownersLocations, which is where the forge looks; when
// there is none, DefaultLocation.
package codeowners

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// BoardID is the id of the Organisation Board (Ban Tổ chức), whose reviewers
// own every file that no organisation owns.
const BoardID = "ban-to-chuc"

// intro opens every forge's file.
const intro = `# Tệp này do lệnh "mohinh codeowners" tạo ra: đừng sửa tay.
# Người duyệt lấy từ khóa "reviewers" trong content/organisations/<mã>.md;
# muốn đổi người duyệt, hãy sửa các tệp đó, chạy "mohinh codeowners" rồi commit tệp này.
#
# Mọi tệp thuộc người duyệt của Ban Tổ chức (tổ chức có mã "ban-to-chuc"), hoặc của
# tổ chức cao nhất nếu Ban Tổ chức không có hay chưa khai báo người duyệt. Thư mục đăng
# ký và thư mục văn bản xét duyệt của một tổ chức có khai báo người duyệt thì thuộc người
# duyệt của chính tổ chức đó.
`

// rulesNote says how forge f reads the lines that follow.
func rulesNote(f content.Forge) string {
	switch f {
	case content.GitLab:
		return `# GitLab áp dụng dòng khớp cuối cùng, nên các dòng riêng đứng sau dòng chung "*".
# Tệp không chia mục ("[Tên mục]"): GitLab bắt mọi mục có dòng khớp với một tệp đều phải
# duyệt, nên nếu dòng chung và các dòng riêng nằm ở những mục khác nhau thì Ban Tổ chức
# cũng phải duyệt cả thư mục của các tổ chức.
`
	case content.Gitea, content.Forgejo:
		return "# " + f.Name() + ` đọc mỗi dòng là một biểu thức chính quy (cú pháp Go) phải khớp với cả đường dẫn
# tệp tính từ gốc kho, và mời người duyệt của MỌI dòng khớp chứ không chỉ dòng cuối. Vì vậy
# dòng chung bắt đầu bằng "!": nó áp dụng cho mọi tệp TRỪ thư mục của các tổ chức có dòng
# riêng.
`
	}
	return `# GitHub áp dụng dòng khớp cuối cùng, nên các dòng riêng đứng sau dòng chung "*".
`
}

// DefaultLocation is where mohinh writes the file for forge f when the
// repository has none yet, relative to its root: GitHub, as always,
// CODEOWNERS at the root; GitLab too (the first place it looks, which
// nothing can shadow); Gitea and Forgejo .gitea/CODEOWNERS, which both
// read.
func DefaultLocation(f content.Forge) string {
	switch f {
	case content.Gitea, content.Forgejo:
		return ".gitea/CODEOWNERS"
	}
	return "CODEOWNERS"
}

// SiteForge is the forge of site: its settings' (GitHub when the site
// names none).
func SiteForge(site *content.Site) content.Forge {
	if f := site.Settings.Forge; f.Valid() {
		return f
	}
	return content.GitHub
}

// Generate returns the CODEOWNERS file of site for forge f. The same site
// always gives the same bytes.
func Generate(site *content.Site, f content.Forge) []byte {
	if !f.Valid() {
		f = content.GitHub
	}
	var b bytes.Buffer
	b.WriteString(intro)
	b.WriteString(rulesNote(f))
	b.WriteString("\n")
	orgs := withReviewers(site)
	if len(orgs) == 0 {
		fmt.Fprintf(&b, "# Chưa tổ chức nào khai báo người duyệt (\"reviewers\"), nên %s chưa tự mời ai duyệt.\n", f.Name())
		return b.Bytes()
	}
	regexps := f == content.Gitea || f == content.Forgejo
	// The Board's organisation names reviewers, so it is among orgs.
	if board := boardReviewers(site); len(board) > 0 {
		if regexps {
			fmt.Fprintf(&b, "!%s %s\n", giteaToken(giteaExcept(orgs)), strings.Join(board, " "))
		} else {
			fmt.Fprintf(&b, "* %s\n", strings.Join(board, " "))
		}
	} else {
		b.WriteString("# Chưa có người duyệt chung: cả Ban Tổ chức lẫn tổ chức cao nhất đều chưa khai báo\n")
		b.WriteString("# \"reviewers\", nên các tệp ngoài những thư mục dưới đây không có người duyệt bắt buộc.\n")
	}
	b.WriteString("\n")
	for _, o := range orgs {
		owners := strings.Join(unique(o.Reviewers), " ")
		for _, dir := range []string{content.RegistrationsDir, content.DecisionsDir} {
			if regexps {
				fmt.Fprintf(&b, "%s %s\n", giteaToken(giteaFolder(dir, o.ID)), owners)
			} else {
				fmt.Fprintf(&b, "/%s/*/%s/ %s\n", dir, o.ID, owners)
			}
		}
	}
	return b.Bytes()
}

// giteaFolder is the regexp of every file in the folders of organisation
// id under dir, for any year.
func giteaFolder(dir, id string) string {
	return regexp.QuoteMeta(dir) + "/[^/]+/" + regexp.QuoteMeta(id) + "/.*"
}

// giteaExcept is the regexp of every file in the folders of orgs, which
// the catch-all, negated, leaves to them.
func giteaExcept(orgs []*content.Organisation) string {
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = regexp.QuoteMeta(o.ID)
	}
	return "(" + regexp.QuoteMeta(content.RegistrationsDir) + "|" + regexp.QuoteMeta(content.DecisionsDir) + ")/[^/]+/(" + strings.Join(ids, "|") + ")/.*"
}

// giteaToken writes a regexp as Gitea's reader reads it back: it takes
// "\" as an escape, ends a line at "#" and splits tokens at spaces.
func giteaToken(re string) string {
	var b strings.Builder
	for _, c := range re {
		if c == '\\' || c == '#' || c == ' ' {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// boardReviewers returns the owners of the catch-all line.
func boardReviewers(site *content.Site) []string {
	if o := site.OrganisationByID[BoardID]; o != nil && len(o.Reviewers) > 0 {
		return unique(o.Reviewers)
	}
	var out []string
	for _, root := range site.Roots {
		if root.Current() {
			out = append(out, root.Reviewers...)
		}
	}
	return unique(out)
}

// withReviewers returns the organisations that name reviewers, by id: the
// order of the paths in the file, which a change of title cannot disturb.
func withReviewers(site *content.Site) []*content.Organisation {
	var orgs []*content.Organisation
	for _, o := range site.Organisations {
		if len(o.Reviewers) > 0 {
			orgs = append(orgs, o)
		}
	}
	slices.SortFunc(orgs, func(a, b *content.Organisation) int { return cmp.Compare(a.ID, b.ID) })
	return orgs
}

// unique drops repeated handles, keeping the first spelling: GitHub
// handles are case-insensitive.
func unique(handles []string) []string {
	seen := make(map[string]bool, len(handles))
	var out []string
	for _, h := range handles {
		if k := strings.ToLower(h); !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// Find returns the CODEOWNERS file that forge f would use in the
// repository whose root is siteDir: its path relative to siteDir,
// slash-separated, and its content. rel is "" when there is none.
func Find(siteDir string, f content.Forge) (rel string, data []byte, err error) {
	for _, loc := range f.CodeownersLocations() {
		data, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(loc)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return loc, data, err
	}
	return "", nil, nil
}

// Check compares the committed CODEOWNERS file of the site's forge with
// Generate. It returns a warning when the file differs, when it is missing
// although some organisation names reviewers, or when it cannot be read;
// ok is false when there is nothing to report. site should have loaded
// without errors.
func Check(siteDir string, site *content.Site) (d diag.Diagnostic, ok bool) {
	return CheckForge(siteDir, site, SiteForge(site))
}

// CheckForge is Check for the file of forge f.
func CheckForge(siteDir string, site *content.Site, f content.Forge) (d diag.Diagnostic, ok bool) {
	run := "mohinh codeowners"
	if f != SiteForge(site) {
		run += " --forge " + string(f)
	}
	rel, data, err := Find(siteDir, f)
	switch {
	case err != nil:
		return warning(rel, "codeowners-unreadable", fmt.Sprintf("không đọc được tệp CODEOWNERS: %v", err)), true
	case rel == "":
		if !anyReviewers(site) {
			return diag.Diagnostic{}, false
		}
		return warning(DefaultLocation(f), "codeowners-stale", "chưa có tệp CODEOWNERS dù đã có tổ chức khai báo người duyệt: hãy chạy "+run+" rồi commit tệp được tạo"), true
	case !bytes.Equal(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), Generate(site, f)):
		// CRLF: a checkout with core.autocrlf is still up to date.
		return warning(rel, "codeowners-stale", "tệp CODEOWNERS chưa khớp với danh sách người duyệt (\"reviewers\") của các tổ chức: hãy chạy "+run+" rồi commit tệp"), true
	}
	return diag.Diagnostic{}, false
}

func anyReviewers(site *content.Site) bool {
	return slices.ContainsFunc(site.Organisations, func(o *content.Organisation) bool { return len(o.Reviewers) > 0 })
}

func warning(path, code, message string) diag.Diagnostic {
	return diag.Diagnostic{Path: path, Severity: diag.Warning, Code: code, Message: message}
}
