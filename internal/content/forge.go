package content

import (
	"net/url"
	"strings"
)

// Forge is the kind of git server that holds the site's repository: where
// organisations propose their files and reviewers approve them. Its pages
// for a new file and for editing one, where it reads CODEOWNERS and what
// a reviewer's handle looks like differ; this file is the one place that
// knows how.
type Forge string

const (
	GitHub  Forge = "github"
	Gitea   Forge = "gitea"
	Forgejo Forge = "forgejo"
	GitLab  Forge = "gitlab"
)

// Forges are the forges mohinh knows, in the order the messages list them.
var Forges = []Forge{GitHub, Gitea, Forgejo, GitLab}

// DefaultBranch is the branch the content lives on when _index.md names
// none.
const DefaultBranch = "main"

// publicForges are the public services, recognised from the repository's
// host: any other host is a server of the site's own, whose forge the
// settings must name.
var publicForges = map[string]Forge{
	"github.com":   GitHub,
	"gitlab.com":   GitLab,
	"gitea.com":    Gitea,
	"codeberg.org": Forgejo,
}

// ForgeOfRepository is the forge of a public service by the repository's
// host; "" for any other host.
func ForgeOfRepository(repository string) Forge {
	u, err := url.Parse(repository)
	if err != nil {
		return ""
	}
	return publicForges[strings.ToLower(u.Hostname())]
}

// Valid tells whether f is a forge mohinh knows.
func (f Forge) Valid() bool {
	for _, g := range Forges {
		if f == g {
			return true
		}
	}
	return false
}

// Name is how the guide and the messages call it.
func (f Forge) Name() string {
	switch f {
	case GitHub:
		return "GitHub"
	case Gitea:
		return "Gitea"
	case Forgejo:
		return "Forgejo"
	case GitLab:
		return "GitLab"
	}
	return string(f)
}

// forgeList is the forges for a message: "github, gitea, forgejo hoặc
// gitlab".
func forgeList() string {
	names := make([]string, len(Forges))
	for i, f := range Forges {
		names[i] = string(f)
	}
	return strings.Join(names[:len(names)-1], ", ") + " hoặc " + names[len(names)-1]
}

// NewFileURL is the forge's page for proposing a new file on branch of
// repository, with {path} and {value} where the path and the content go
// (URL-escaped by whoever fills them in); "" without a repository.
//
// GitHub: <repo>/new/<branch>?filename=…&value=…; Gitea and Forgejo:
// <repo>/_new/<branch>/?filename=…&value=…; GitLab:
// <repo>/-/new/<branch>?file_name=…&content=….
func (s *Settings) NewFileURL() string {
	page := s.forgePage("new")
	switch {
	case page == "":
		return ""
	case s.Forge == Gitea || s.Forge == Forgejo:
		return page + "/?filename={path}&value={value}"
	case s.Forge == GitLab:
		return page + "?file_name={path}&content={value}"
	}
	return page + "?filename={path}&value={value}"
}

// EditURL is the forge's page for proposing a change to the file at path
// (relative to the repository's root); "" without a repository.
func (s *Settings) EditURL(path string) string {
	if page := s.forgePage("edit"); page != "" {
		return page + "/" + path
	}
	return ""
}

// forgePage is the address of the forge's page of the action ("new",
// "edit") on the site's branch: <repo>/new/<branch> on GitHub,
// <repo>/_new/<branch> on Gitea and Forgejo, <repo>/-/new/<branch> on
// GitLab; "" without a repository.
func (s *Settings) forgePage(action string) string {
	repo := strings.TrimSuffix(s.Repository, "/")
	if repo == "" || !s.Forge.Valid() {
		return ""
	}
	switch s.Forge {
	case Gitea, Forgejo:
		action = "_" + action
	case GitLab:
		action = "-/" + action
	}
	return repo + "/" + action + "/" + branchPath(s.Branch)
}

// NewFileLinkLimit is the longest new-file link the form offers, in bytes
// of the escaped URL: nginx, in front of most self-hosted forges, answers
// 414 to a request line over its 8 KB header buffer, and GitHub refuses
// URLs of a few tens of KB. A longer file is offered to download, with
// what to do with it.
const NewFileLinkLimit = 8000

// NewFileIgnoresContent tells whether the forge's new-file page may open
// empty, ignoring the content in the link: some GitLab versions' editors
// do. The form then says to paste the file if the page opens empty.
func (f Forge) NewFileIgnoresContent() bool { return f == GitLab }

// CodeownersLocations are where the forge looks for CODEOWNERS, relative
// to the repository's root, in the order it looks: it uses the first it
// finds.
func (f Forge) CodeownersLocations() []string {
	switch f {
	case Gitea:
		return []string{"CODEOWNERS", "docs/CODEOWNERS", ".gitea/CODEOWNERS"}
	case Forgejo:
		return []string{"CODEOWNERS", "docs/CODEOWNERS", ".gitea/CODEOWNERS", ".forgejo/CODEOWNERS"}
	case GitLab:
		return []string{"CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"}
	}
	return []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}
}

// HandleProblem says, in Vietnamese, why h is not a reviewer's handle on
// f; "" when it is. GitHub: "@user" or "@org/team"; Gitea and Forgejo the
// same, names also with "." and "_"; GitLab: "@user", "@group" or
// "@group/subgroup/…", or a role "@@developer", "@@maintainer", "@@owner".
func (f Forge) HandleProblem(h string) string {
	name, ok := strings.CutPrefix(h, "@")
	if !ok || name == "" {
		return "phải bắt đầu bằng @"
	}
	if f == GitLab {
		if role, ok := strings.CutPrefix(name, "@"); ok {
			switch role {
			case "developer", "maintainer", "owner":
				return ""
			}
			return "vai trò trên GitLab chỉ là @@developer, @@maintainer hoặc @@owner"
		}
	}
	parts := strings.Split(name, "/")
	if len(parts) > 2 && f != GitLab {
		return "nhóm trên " + f.Name() + " không có nhóm con"
	}
	for _, p := range parts {
		if p == "" {
			return "có phần trống giữa các dấu /"
		}
		if p[0] == '-' || p[0] == '.' || p[len(p)-1] == '.' {
			return "tên không được bắt đầu bằng - hay ., không kết thúc bằng ."
		}
		for _, c := range p {
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			case c == '_' || c == '.':
				if f == GitHub && len(parts) == 1 {
					return "tài khoản GitHub chỉ có chữ cái không dấu, chữ số và dấu -"
				}
			default:
				return "chỉ được có chữ cái không dấu, chữ số và các dấu - _ ."
			}
		}
	}
	return ""
}

// handleForms are the handles a forge accepts, for a message.
func (f Forge) handleForms() string {
	if f == GitLab {
		return "\"@tài-khoản\", \"@nhóm\", \"@nhóm/nhóm-con\" hoặc \"@@developer\""
	}
	return "\"@tài-khoản\" hoặc \"@tổ-chức/nhóm\""
}

// branchPath is branch as a path of a forge's URL: its characters escaped,
// its slashes kept.
func branchPath(branch string) string {
	if branch == "" {
		branch = DefaultBranch
	}
	parts := strings.Split(branch, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// branchProblem says why b is not a git branch name; "" when it is
// (git check-ref-format, the rules a person meets).
func branchProblem(b string) string {
	switch {
	case b == "":
		return "trống"
	case strings.HasPrefix(b, "-") || strings.HasPrefix(b, "/") || strings.HasSuffix(b, "/") || strings.HasSuffix(b, ".") || strings.HasSuffix(b, ".lock"):
		return "không được bắt đầu bằng - hay /, không kết thúc bằng /, . hay .lock"
	case strings.Contains(b, "..") || strings.Contains(b, "//") || strings.Contains(b, "@{"):
		return "không được có .., // hay @{"
	case strings.ContainsAny(b, " ~^:?*[\\\x7f"):
		return "không được có khoảng trắng hay các ký tự ~ ^ : ? * [ \\"
	}
	for _, c := range b {
		if c < 0x20 {
			return "không được có ký tự điều khiển"
		}
	}
	return ""
}

// checkReviewers reports the reviewers that are not handles on the
// site's forge.
func checkReviewers(site *Site, diags *diagnostics) {
	f := site.Settings.Forge
	if !f.Valid() {
		f = GitHub
	}
	for _, o := range site.Organisations {
		for _, h := range o.Reviewers {
			if why := f.HandleProblem(h); why != "" {
				line, col := o.At("reviewers")
				diags.Errorf(o.Path, line, col, "bad-reviewer", "người duyệt %q không phải tài khoản %s (%s): hãy viết %s, có cả dấu ngoặc kép", h, f.Name(), why, f.handleForms())
			}
		}
	}
}
