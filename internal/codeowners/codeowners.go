// Package codeowners writes the repository's CODEOWNERS file from the
// reviewers that organisations name in their content files.
//
// GitHub reads CODEOWNERS to request reviews on a pull request from the
// owners of the files it changes, and a branch rule can require their
// approval. mohinh owns the file: Generate derives it from the site, and
// Check tells whether the committed file still matches.
//
// Who owns what:
//
//   - every file ("*") is owned by the Organisation Board's reviewers: those
//     of the organisation with id "ban-to-chuc" (Ban Tổ chức) if it exists
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
// folders fall to the Board. GitHub applies the last matching line, so the
// per-organisation lines come after the catch-all, in order of id. Paths
// start with "/" because the site folder is the repository's root.
package codeowners

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// BoardID is the id of the Organisation Board (Ban Tổ chức), whose reviewers
// own every file that no organisation owns.
const BoardID = "ban-to-chuc"

// Locations are where GitHub looks for the file, relative to the
// repository's root, in the order it looks: it uses the first it finds.
var Locations = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}

const header = `# Tệp này do lệnh "mohinh codeowners" tạo ra: đừng sửa tay.
# Người duyệt lấy từ khóa "reviewers" trong content/organisations/<mã>.md;
# muốn đổi người duyệt, hãy sửa các tệp đó, chạy "mohinh codeowners" rồi commit tệp này.
#
# Mọi tệp thuộc người duyệt của Ban Tổ chức (tổ chức có mã "ban-to-chuc"), hoặc của
# tổ chức cao nhất nếu Ban Tổ chức không có hay chưa khai báo người duyệt. Thư mục đăng
# ký và thư mục văn bản xét duyệt của một tổ chức có khai báo người duyệt thì thuộc người
# duyệt của chính tổ chức đó.
# GitHub áp dụng dòng khớp cuối cùng, nên các dòng riêng đứng sau dòng chung "*".
`

// Generate returns the CODEOWNERS file for site. The same site always
// gives the same bytes.
func Generate(site *content.Site) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("\n")
	orgs := withReviewers(site)
	if len(orgs) == 0 {
		b.WriteString("# Chưa tổ chức nào khai báo người duyệt (\"reviewers\"), nên GitHub chưa tự mời ai duyệt.\n")
		return b.Bytes()
	}
	// The Board's organisation names reviewers, so it is among orgs.
	if board := boardReviewers(site); len(board) > 0 {
		fmt.Fprintf(&b, "* %s\n", strings.Join(board, " "))
	} else {
		b.WriteString("# Chưa có người duyệt chung: cả Ban Tổ chức lẫn tổ chức cao nhất đều chưa khai báo\n")
		b.WriteString("# \"reviewers\", nên các tệp ngoài những thư mục dưới đây không có người duyệt bắt buộc.\n")
	}
	b.WriteString("\n")
	for _, o := range orgs {
		owners := strings.Join(unique(o.Reviewers), " ")
		fmt.Fprintf(&b, "/"+content.RegistrationsDir+"/*/%s/ %s\n", o.ID, owners)
		fmt.Fprintf(&b, "/"+content.DecisionsDir+"/*/%s/ %s\n", o.ID, owners)
	}
	return b.Bytes()
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

// Find returns the CODEOWNERS file GitHub would use in the repository whose
// root is siteDir: its path relative to siteDir, slash-separated, and its
// content. rel is "" when there is none.
func Find(siteDir string) (rel string, data []byte, err error) {
	for _, loc := range Locations {
		data, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(loc)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return loc, data, err
	}
	return "", nil, nil
}

// Check compares the committed CODEOWNERS file with Generate(site). It
// returns a warning when the file differs, when it is missing although some
// organisation names reviewers, or when it cannot be read; ok is false when
// there is nothing to report. site should have loaded without errors.
func Check(siteDir string, site *content.Site) (d diag.Diagnostic, ok bool) {
	rel, data, err := Find(siteDir)
	switch {
	case err != nil:
		return warning(rel, "codeowners-unreadable", fmt.Sprintf("không đọc được tệp CODEOWNERS: %v", err)), true
	case rel == "":
		if !anyReviewers(site) {
			return diag.Diagnostic{}, false
		}
		return warning("CODEOWNERS", "codeowners-stale", "chưa có tệp CODEOWNERS dù đã có tổ chức khai báo người duyệt: hãy chạy mohinh codeowners rồi commit tệp được tạo"), true
	case !bytes.Equal(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), Generate(site)):
		// CRLF: a checkout with core.autocrlf is still up to date.
		return warning(rel, "codeowners-stale", "tệp CODEOWNERS chưa khớp với danh sách người duyệt (\"reviewers\") của các tổ chức: hãy chạy mohinh codeowners rồi commit tệp"), true
	}
	return diag.Diagnostic{}, false
}

func anyReviewers(site *content.Site) bool {
	return slices.ContainsFunc(site.Organisations, func(o *content.Organisation) bool { return len(o.Reviewers) > 0 })
}

func warning(path, code, message string) diag.Diagnostic {
	return diag.Diagnostic{Path: path, Severity: diag.Warning, Code: code, Message: message}
}
