package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestForgeLinks(t *testing.T) {
	cases := []struct {
		forge, repo, branch string
		newFile, edit       string
	}{
		{
			"github", "https://github.com/don-duong/mohinh", "main",
			"https://github.com/don-duong/mohinh/new/main?filename={path}&value={value}",
			"https://github.com/don-duong/mohinh/edit/main/content/a.md",
		},
		{
			"gitea", "https://git.don-duong.vn/btc/mohinh/", "main",
			"https://git.don-duong.vn/btc/mohinh/_new/main/?filename={path}&value={value}",
			"https://git.don-duong.vn/btc/mohinh/_edit/main/content/a.md",
		},
		{
			"forgejo", "https://git.lamdong.vn/btc/mohinh", "dang-ky/2025",
			"https://git.lamdong.vn/btc/mohinh/_new/dang-ky/2025/?filename={path}&value={value}",
			"https://git.lamdong.vn/btc/mohinh/_edit/dang-ky/2025/content/a.md",
		},
		{
			"gitlab", "https://gitlab.tinhuy.vn/btc/mohinh", "noi dung",
			"https://gitlab.tinhuy.vn/btc/mohinh/-/new/noi%20dung?file_name={path}&content={value}",
			"https://gitlab.tinhuy.vn/btc/mohinh/-/edit/noi%20dung/content/a.md",
		},
	}
	for _, c := range cases {
		s := Settings{Repository: c.repo, Forge: Forge(c.forge), Branch: c.branch}
		if got := s.NewFileURL(); got != c.newFile {
			t.Errorf("%s new file: %s, want %s", c.forge, got, c.newFile)
		}
		if got := s.EditURL("content/a.md"); got != c.edit {
			t.Errorf("%s edit: %s, want %s", c.forge, got, c.edit)
		}
	}
	if got := (&Settings{Forge: GitHub}).NewFileURL(); got != "" {
		t.Errorf("no repository: %q", got)
	}
}

func TestForgeOfRepository(t *testing.T) {
	for repo, want := range map[string]Forge{
		"https://github.com/a/b":      GitHub,
		"https://GitLab.com/a/b":      GitLab,
		"https://codeberg.org/a/b":    Forgejo,
		"https://gitea.com/a/b":       Gitea,
		"https://git.tinhuy.vn/a/b":   "",
		"https://github.com.evil/a/b": "",
	} {
		if got := ForgeOfRepository(repo); got != want {
			t.Errorf("%s: %q, want %q", repo, got, want)
		}
	}
}

func TestHandleProblem(t *testing.T) {
	cases := []struct {
		forge  Forge
		handle string
		ok     bool
	}{
		{GitHub, "@bi-thu", true},
		{GitHub, "@don-duong/ban-to-chuc", true},
		{GitHub, "@nguyen.van.a", false}, // GitHub user names have no dots
		{GitHub, "@a/b/c", false},
		{GitHub, "bi-thu", false},
		{Gitea, "@nguyen.van_a", true},
		{Gitea, "@btc/duyet", true},
		{Gitea, "@a/b/c", false},
		{Forgejo, "@-x", false},
		{GitLab, "@tinh-uy/huyen/btc", true},
		{GitLab, "@@maintainer", true},
		{GitLab, "@@admin", false},
		{GitLab, "@nhóm", false},
		{GitLab, "@a//b", false},
	}
	for _, c := range cases {
		why := c.forge.HandleProblem(c.handle)
		if (why == "") != c.ok {
			t.Errorf("%s %q: problem %q, want ok=%v", c.forge, c.handle, why, c.ok)
		}
	}
}

// The settings say the forge, or the repository's host does; a server of
// the site's own must be named, an unknown forge or branch is an error at
// its line, and the reviewers are checked as the forge writes handles.
func TestForgeSettings(t *testing.T) {
	site := func(index string, reviewers string) (*Site, string) {
		fsys := fstest.MapFS{
			"content/_index.md":                 {Data: []byte("---\ntitle: Cổng\n" + index + "---\n")},
			"content/organisations/huyen-uy.md": {Data: []byte("---\ntitle: Huyện ủy Đơn Dương\nkind: cap-uy\nreviewers: " + reviewers + "\n---\n")},
		}
		s, diags := Load(fsys)
		var b strings.Builder
		for _, d := range diags {
			b.WriteString(d.String() + "\n")
		}
		return s, b.String()
	}
	s, msgs := site("repository: https://gitlab.com/a/b\n", `["@tinh-uy/btc/duyet"]`)
	if s.Settings.Forge != GitLab || s.Settings.Branch != DefaultBranch || strings.Contains(msgs, "lỗi") {
		t.Errorf("gitlab.com: forge %q branch %q\n%s", s.Settings.Forge, s.Settings.Branch, msgs)
	}
	_, msgs = site("repository: https://git.tinhuy.vn/a/b\n", `["@x"]`)
	if !strings.Contains(msgs, `content/_index.md:3:13: kho https://git.tinhuy.vn/a/b nằm trên máy chủ riêng: hãy ghi loại máy chủ bằng dòng "forge: gitea", "forge: forgejo" hoặc "forge: gitlab"`) {
		t.Errorf("own server without forge:\n%s", msgs)
	}
	_, msgs = site("repository: https://git.tinhuy.vn/a/b\nforge: gogs\n", `["@x"]`)
	if !strings.Contains(msgs, `content/_index.md:4:8: không có loại máy chủ git "gogs": hãy ghi github, gitea, forgejo hoặc gitlab`) {
		t.Errorf("unknown forge:\n%s", msgs)
	}
	_, msgs = site("repository: https://github.com/a/b\nforge: gitlab\n", `["@x"]`)
	if !strings.Contains(msgs, "nằm trên GitHub, không phải GitLab") {
		t.Errorf("forge against the host:\n%s", msgs)
	}
	_, msgs = site("repository: https://git.tinhuy.vn/a/b\nforge: gitea\nbranch: dang ky\n", `["@x"]`)
	if !strings.Contains(msgs, `content/_index.md:5:9: nhánh "dang ky" không phải tên nhánh git`) {
		t.Errorf("bad branch:\n%s", msgs)
	}
	_, msgs = site("repository: https://git.tinhuy.vn/a/b\nforge: gitea\n", `["@tinh-uy/btc/duyet"]`)
	if !strings.Contains(msgs, `content/organisations/huyen-uy.md:4:12: người duyệt "@tinh-uy/btc/duyet" không phải tài khoản Gitea`) {
		t.Errorf("a GitLab subgroup on Gitea:\n%s", msgs)
	}
}
