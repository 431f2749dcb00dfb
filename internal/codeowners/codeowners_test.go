package codeowners

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// org is an organisation file; reviewers is the YAML list, "" for none.
type org struct{ id, title, kind, parent, reviewers string }

// load builds a site of the given organisations (the first is the root)
// and fails the test on any content error.
func load(t *testing.T, orgs ...org) *content.Site {
	t.Helper()
	return loadForge(t, "", orgs...)
}

// loadForge is load for a site whose _index.md names forge ("" for none).
func loadForge(t *testing.T, forge content.Forge, orgs ...org) *content.Site {
	t.Helper()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	index := "---\ntitle: Thử\n"
	if forge != "" {
		index += "forge: " + string(forge) + "\n"
	}
	fsys := fstest.MapFS{
		"content/_index.md":         file(index + "---\n"),
		"content/campaigns/2024.md": file("---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 1-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: " + orgs[0].id + "\n---\n"),
		"content/fields/kinh-te.md": file("---\ntitle: Kinh tế\n---\n"),
	}
	for _, o := range orgs {
		text := "---\ntitle: " + o.title + "\nkind: " + o.kind + "\n"
		if o.parent != "" {
			text += "parent: " + o.parent + "\n"
		}
		if o.reviewers != "" {
			text += "reviewers: " + o.reviewers + "\n"
		}
		fsys["content/organisations/"+o.id+".md"] = file(text + "---\n")
	}
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("site does not load: %v", diags)
	}
	return site
}

var (
	huyen   = org{"huyen-uy", "Huyện ủy Đơn Dương", "cap-uy", "", "['@hu-a']"}
	board   = org{"ban-to-chuc", "Ban Tổ chức Huyện ủy", "co-quan-tham-muu", "huyen-uy", "['@btc-a', '@org/ban-to-chuc']"}
	kaDo    = org{"xa-ka-do", "Đảng ủy xã Ka Đô", "dang-uy-co-so", "huyen-uy", "['@kado', '@KaDo', '@org/xa-ka-do']"}
	dRan    = org{"thi-tran-dran", "Đảng ủy thị trấn D'Ran", "dang-uy-co-so", "huyen-uy", "['@dran']"}
	chiBo   = org{"chi-bo-thon-ka-do-moi", "Chi bộ thôn Ka Đô Mới", "chi-bo-truc-thuoc", "xa-ka-do", ""}
	noRevHU = org{"huyen-uy", "Huyện ủy Đơn Dương", "cap-uy", "", ""}
	noRevKD = org{"xa-ka-do", "Đảng ủy xã Ka Đô", "dang-uy-co-so", "huyen-uy", ""}
)

// rules returns the lines of a generated file that are not comments.
func rules(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name  string
		orgs  []org
		rules []string
		text  string // a comment that must appear
	}{
		{
			name: "board from ban-to-chuc",
			orgs: []org{huyen, board, kaDo, chiBo},
			rules: []string{
				"* @btc-a @org/ban-to-chuc",
				"/content/registrations/*/ban-to-chuc/ @btc-a @org/ban-to-chuc", "/content/decisions/*/ban-to-chuc/ @btc-a @org/ban-to-chuc",
				"/content/registrations/*/huyen-uy/ @hu-a", "/content/decisions/*/huyen-uy/ @hu-a",
				"/content/registrations/*/xa-ka-do/ @kado @org/xa-ka-do", "/content/decisions/*/xa-ka-do/ @kado @org/xa-ka-do",
			},
		},
		{
			name: "ban-to-chuc without reviewers falls back to the root",
			orgs: []org{huyen, {board.id, board.title, board.kind, board.parent, ""}, dRan},
			rules: []string{
				"* @hu-a",
				"/content/registrations/*/huyen-uy/ @hu-a", "/content/decisions/*/huyen-uy/ @hu-a",
				"/content/registrations/*/thi-tran-dran/ @dran", "/content/decisions/*/thi-tran-dran/ @dran",
			},
		},
		{
			name:  "no ban-to-chuc: the root",
			orgs:  []org{huyen, chiBo, kaDo},
			rules: []string{"* @hu-a", "/content/registrations/*/huyen-uy/ @hu-a", "/content/decisions/*/huyen-uy/ @hu-a", "/content/registrations/*/xa-ka-do/ @kado @org/xa-ka-do", "/content/decisions/*/xa-ka-do/ @kado @org/xa-ka-do"},
		},
		{
			name:  "no board reviewers: a comment, no catch-all",
			orgs:  []org{noRevHU, kaDo, chiBo},
			rules: []string{"/content/registrations/*/xa-ka-do/ @kado @org/xa-ka-do", "/content/decisions/*/xa-ka-do/ @kado @org/xa-ka-do"},
			text:  "# Chưa có người duyệt chung",
		},
		{
			name: "no reviewers at all",
			orgs: []org{noRevHU, noRevKD, chiBo},
			text: "# Chưa tổ chức nào khai báo người duyệt (\"reviewers\")",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Generate(load(t, tt.orgs...), content.GitHub)
			if r := rules(got); strings.Join(r, "\n") != strings.Join(tt.rules, "\n") {
				t.Errorf("rules:\n%s\nwant:\n%s", strings.Join(r, "\n"), strings.Join(tt.rules, "\n"))
			}
			if !strings.HasPrefix(string(got), "# Tệp này do lệnh \"mohinh codeowners\" tạo ra: đừng sửa tay.\n") {
				t.Errorf("no header:\n%s", got)
			}
			if tt.text != "" && !strings.Contains(string(got), "\n"+tt.text) {
				t.Errorf("missing %q:\n%s", tt.text, got)
			}
		})
	}
}

// The file depends on reviewers and ids only: not on the order in which
// files were read, nor on titles.
func TestGenerateDeterministic(t *testing.T) {
	a := Generate(load(t, huyen, board, kaDo, dRan, chiBo), content.GitHub)
	b := Generate(load(t, huyen, dRan, chiBo, kaDo, board), content.GitHub)
	if string(a) != string(b) {
		t.Fatalf("order of organisations changes the file:\n%s\n---\n%s", a, b)
	}
	renamed := dRan
	renamed.title = "A Đảng ủy thị trấn D'Ran"
	if c := Generate(load(t, huyen, board, kaDo, renamed, chiBo), content.GitHub); string(a) != string(c) {
		t.Fatalf("a title changes the file:\n%s\n---\n%s", a, c)
	}
}

func TestCheck(t *testing.T) {
	site := load(t, huyen, board, kaDo)
	fresh := Generate(site, content.GitHub)
	tests := []struct {
		name  string
		files map[string]string // relative path → content
		want  string            // the diagnostic, "" for none
	}{
		{"fresh at the root", map[string]string{"CODEOWNERS": string(fresh)}, ""},
		{"fresh in .github", map[string]string{".github/CODEOWNERS": string(fresh)}, ""},
		{"fresh in docs", map[string]string{"docs/CODEOWNERS": string(fresh)}, ""},
		{"fresh with CRLF", map[string]string{"CODEOWNERS": strings.ReplaceAll(string(fresh), "\n", "\r\n")}, ""},
		{
			"stale",
			map[string]string{"CODEOWNERS": "* @someone\n"},
			"CODEOWNERS: cảnh báo: tệp CODEOWNERS chưa khớp với danh sách người duyệt (\"reviewers\") của các tổ chức: hãy chạy mohinh codeowners rồi commit tệp",
		},
		{
			"hand-edited",
			map[string]string{"CODEOWNERS": string(fresh) + "/docs/ @someone\n"},
			"CODEOWNERS: cảnh báo: tệp CODEOWNERS chưa khớp",
		},
		// GitHub reads .github/ first: a fresh root file does not help.
		{
			"stale in .github, fresh at the root",
			map[string]string{".github/CODEOWNERS": "* @old\n", "CODEOWNERS": string(fresh)},
			".github/CODEOWNERS: cảnh báo: tệp CODEOWNERS chưa khớp",
		},
		{
			"absent", nil,
			"CODEOWNERS: cảnh báo: chưa có tệp CODEOWNERS dù đã có tổ chức khai báo người duyệt: hãy chạy mohinh codeowners rồi commit tệp được tạo",
		},
		{"a folder", map[string]string{"CODEOWNERS/x": ""}, "CODEOWNERS: cảnh báo: không đọc được tệp CODEOWNERS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for rel, text := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d, ok := Check(dir, site)
			switch {
			case tt.want == "" && ok:
				t.Fatalf("unexpected diagnostic: %s", d)
			case tt.want == "":
				return
			case !ok:
				t.Fatalf("no diagnostic, want %q", tt.want)
			case !strings.HasPrefix(d.String(), tt.want):
				t.Fatalf("got %q, want %q", d.String(), tt.want)
			case d.Severity != diag.Warning:
				t.Fatalf("severity %v, want warning", d.Severity)
			}
			if strings.Contains(tt.want, "chưa khớp") || strings.Contains(tt.want, "chưa có tệp") {
				if d.Code != "codeowners-stale" {
					t.Errorf("code %q, want codeowners-stale", d.Code)
				}
			}
		})
	}
}

// With no reviewer anywhere, a site need not have the file at all; if it
// has one, it must still be the generated one.
func TestCheckNoReviewers(t *testing.T) {
	site := load(t, noRevHU, noRevKD, chiBo)
	if d, ok := Check(t.TempDir(), site); ok {
		t.Fatalf("no reviewers and no file: got %s", d)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CODEOWNERS"), []byte("* @old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Check(dir, site); !ok {
		t.Fatal("stale file without reviewers: no diagnostic")
	}
}

// The repository's own CODEOWNERS is the one generated from the sample
// site: after changing reviewers in content/, run "mohinh codeowners".
func TestRepositoryCodeowners(t *testing.T) {
	root := filepath.Join("..", "..")
	site, diags := content.Load(os.DirFS(root))
	if diags.HasErrors() {
		t.Skipf("the sample site has errors; other tests report them")
	}
	if d, ok := Check(root, site); ok {
		t.Fatalf("%s\n(run: go run ./cmd/mohinh codeowners)", d)
	}
}

// kaDoMoi's id has kaDo's as a prefix: its folders must not fall to kaDo.
var kaDoMoi = org{"xa-ka-do-moi", "Đảng ủy xã Ka Đô Mới", "dang-uy-co-so", "huyen-uy", "['@moi']"}

// ownerCase is a file and the owners every forge must give it.
type ownerCase struct {
	path   string
	owners string // space-separated, as in the file; "" for none
}

// ownerCases are the owners in the site huyen, board, kaDo, kaDoMoi,
// chiBo: an organisation's folders, any year, are its reviewers' and no
// one else's; every other file is the Board's.
var ownerCases = []ownerCase{
	{"content/registrations/2024/xa-ka-do/mo-hinh.md", "@kado @org/xa-ka-do"},
	{"content/registrations/2031/xa-ka-do/mo-hinh.md", "@kado @org/xa-ka-do"},
	{"content/registrations/2024/xa-ka-do/sub/tep.pdf", "@kado @org/xa-ka-do"},
	{"content/decisions/2024/xa-ka-do/quyet-dinh.md", "@kado @org/xa-ka-do"},
	{"content/registrations/2024/xa-ka-do-moi/mo-hinh.md", "@moi"},
	{"content/decisions/2025/xa-ka-do-moi/quyet-dinh.md", "@moi"},
	{"content/registrations/2024/ban-to-chuc/mo-hinh.md", "@btc-a @org/ban-to-chuc"},
	{"content/registrations/2024/huyen-uy/mo-hinh.md", "@hu-a"},
	{"content/decisions/2024/huyen-uy/quyet-dinh.md", "@hu-a"},
	// No reviewers: the Board's, not the parent's.
	{"content/registrations/2024/chi-bo-thon-ka-do-moi/mo-hinh.md", "@btc-a @org/ban-to-chuc"},
	{"content/organisations/xa-ka-do.md", "@btc-a @org/ban-to-chuc"},
	{"content/registrations/xa-ka-do/mo-hinh.md", "@btc-a @org/ban-to-chuc"},
	{"content/campaigns/2024.md", "@btc-a @org/ban-to-chuc"},
	{"xa-ka-do/registrations/2024/xa-ka-do/x.md", "@btc-a @org/ban-to-chuc"},
	{"README.md", "@btc-a @org/ban-to-chuc"},
	{".gitea/CODEOWNERS", "@btc-a @org/ban-to-chuc"},
}

// giteaTokens splits a line as Gitea's TokenizeCodeOwnersLine does
// (models/issues/pull.go): "\" escapes the next character, "#" ends the
// line, spaces separate.
func giteaTokens(line string) []string {
	var tokens []string
	var tok strings.Builder
	escape := false
	for _, c := range strings.TrimSpace(strings.ReplaceAll(line, "\t", " ")) {
		switch {
		case escape:
			tok.WriteRune(c)
			escape = false
		case c == '\\':
			escape = true
		case c == '#':
			goto end
		case c == ' ':
			if tok.Len() > 0 {
				tokens = append(tokens, tok.String())
				tok.Reset()
			}
		default:
			tok.WriteRune(c)
		}
	}
end:
	if tok.Len() > 0 {
		tokens = append(tokens, tok.String())
	}
	return tokens
}

// giteaOwners are the owners Gitea requests for a change to path: those
// of every rule that applies (a rule "!re" applies where re does not
// match), each compiled as "^re$".
func giteaOwners(t *testing.T, file []byte, path string) string {
	t.Helper()
	var owners []string
	for _, line := range strings.Split(string(file), "\n") {
		tokens := giteaTokens(line)
		if len(tokens) == 0 {
			continue
		}
		if len(tokens) < 2 {
			t.Fatalf("line without owners: %q", line)
		}
		re, negative := strings.CutPrefix(tokens[0], "!")
		if regexp.MustCompile("^"+re+"$").MatchString(path) != negative {
			for _, o := range tokens[1:] {
				if !slices.Contains(owners, o) {
					owners = append(owners, o)
				}
			}
		}
	}
	return strings.Join(owners, " ")
}

// gitignoreOwners are the owners GitHub, or GitLab without sections,
// gives path: those of the last matching line. The file's patterns are "*"
// and "/dir/…/" (a folder and everything in it, "*" one path segment).
func gitignoreOwners(t *testing.T, file []byte, p string) string {
	t.Helper()
	owners := ""
	for _, line := range strings.Split(string(file), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") || strings.HasPrefix(line, "^[") {
			t.Fatalf("a section: %q", line)
		}
		pattern, who, _ := strings.Cut(line, " ")
		match := pattern == "*"
		if dir, ok := strings.CutSuffix(pattern, "/"); ok && strings.HasPrefix(dir, "/") {
			for d := path.Dir("/" + p); d != "/"; d = path.Dir(d) {
				if ok, err := path.Match(dir, d); err != nil {
					t.Fatal(err)
				} else if ok {
					match = true
				}
			}
		} else if !match {
			t.Fatalf("unexpected pattern %q", pattern)
		}
		if match {
			owners = who
		}
	}
	return owners
}

func TestGenerateForges(t *testing.T) {
	site := load(t, huyen, board, kaDo, kaDoMoi, chiBo)
	for _, f := range content.Forges {
		t.Run(string(f), func(t *testing.T) {
			got := Generate(site, f)
			if !strings.HasPrefix(string(got), "# Tệp này do lệnh \"mohinh codeowners\" tạo ra: đừng sửa tay.\n") {
				t.Errorf("no header:\n%s", got)
			}
			if !strings.Contains(string(got), "\n# "+f.Name()+" ") {
				t.Errorf("the header does not say how %s reads the file:\n%s", f.Name(), got)
			}
			owners := gitignoreOwners
			if f == content.Gitea || f == content.Forgejo {
				owners = giteaOwners
			}
			for _, c := range ownerCases {
				if o := owners(t, got, c.path); o != c.owners {
					t.Errorf("%s: owners %q, want %q\n%s", c.path, o, c.owners, got)
				}
			}
		})
	}
}

// GitHub's file is today's; GitLab's has the same lines, no sections, and
// a header that says why.
func TestGenerateGitLab(t *testing.T) {
	site := load(t, huyen, board, kaDo, chiBo)
	github, gitlab := Generate(site, content.GitHub), Generate(site, content.GitLab)
	if r, want := rules(gitlab), rules(github); strings.Join(r, "\n") != strings.Join(want, "\n") {
		t.Errorf("rules:\n%s\nwant GitHub's:\n%s", strings.Join(r, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(string(gitlab), "# Tệp không chia mục") {
		t.Errorf("the header does not say why there are no sections:\n%s", gitlab)
	}
	if string(github) == string(gitlab) {
		t.Error("GitLab's file is GitHub's, header included")
	}
	if got := Generate(site, ""); string(got) != string(github) {
		t.Errorf("no forge: not GitHub's file:\n%s", got)
	}
}

func TestGenerateGitea(t *testing.T) {
	for _, f := range []content.Forge{content.Gitea, content.Forgejo} {
		got := Generate(load(t, huyen, board, kaDo, kaDoMoi, chiBo), f)
		want := []string{
			"!(content/registrations|content/decisions)/[^/]+/(ban-to-chuc|huyen-uy|xa-ka-do|xa-ka-do-moi)/.* @btc-a @org/ban-to-chuc",
			"content/registrations/[^/]+/ban-to-chuc/.* @btc-a @org/ban-to-chuc",
			"content/decisions/[^/]+/ban-to-chuc/.* @btc-a @org/ban-to-chuc",
			"content/registrations/[^/]+/huyen-uy/.* @hu-a",
			"content/decisions/[^/]+/huyen-uy/.* @hu-a",
			"content/registrations/[^/]+/xa-ka-do/.* @kado @org/xa-ka-do",
			"content/decisions/[^/]+/xa-ka-do/.* @kado @org/xa-ka-do",
			"content/registrations/[^/]+/xa-ka-do-moi/.* @moi",
			"content/decisions/[^/]+/xa-ka-do-moi/.* @moi",
		}
		if r := rules(got); strings.Join(r, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s rules:\n%s\nwant:\n%s", f, strings.Join(r, "\n"), strings.Join(want, "\n"))
		}
		if !strings.Contains(string(got), "\n# "+f.Name()+" đọc mỗi dòng là một biểu thức chính quy") {
			t.Errorf("%s header:\n%s", f, got)
		}
	}

	// Each rule on its own, compiled as Gitea does.
	kaDoRule := regexp.MustCompile("^" + giteaFolder(content.RegistrationsDir, "xa-ka-do") + "$")
	for p, want := range map[string]bool{
		"content/registrations/2024/xa-ka-do/a.md":     true,
		"content/registrations/1999/xa-ka-do/b/c.md":   true,
		"content/registrations/2024/xa-ka-do-moi/a.md": false,
		"content/registrations/2024/xa-ka-dox/a.md":    false,
		"content/decisions/2024/xa-ka-do/a.md":         false,
		"content/registrations/xa-ka-do/a.md":          false,
		"x/content/registrations/2024/xa-ka-do/a.md":   false,
	} {
		if kaDoRule.MatchString(p) != want {
			t.Errorf("%s: %s matches: %v, want %v", kaDoRule, p, !want, want)
		}
	}
	decisions := regexp.MustCompile("^" + giteaFolder(content.DecisionsDir, "xa-ka-do") + "$")
	if !decisions.MatchString("content/decisions/2024/xa-ka-do/qd.md") || decisions.MatchString("content/decisions/2024/xa-ka-do-moi/qd.md") {
		t.Errorf("%s: wrong matches", decisions)
	}

	// Metacharacters in an id are quoted, then escaped for Gitea's reader.
	if got := giteaFolder("content/registrations", "a.b+c"); got != `content/registrations/[^/]+/a\.b\+c/.*` {
		t.Errorf("giteaFolder: %s", got)
	}
	if got := giteaToken(`a\.b c#d`); got != `a\\.b\ c\#d` {
		t.Errorf("giteaToken: %s", got)
	}
	if got := giteaTokens(giteaToken(`a\.b c#d`) + " @x"); len(got) != 2 || got[0] != `a\.b c#d` {
		t.Errorf("read back: %q", got)
	}
}

// Where the file goes: the first that exists among where the forge looks,
// otherwise DefaultLocation.
func TestFindPlacement(t *testing.T) {
	tests := []struct {
		forge    content.Forge
		existing []string
		want     string // Find's result, "" for none
	}{
		{content.GitHub, nil, ""},
		{content.GitHub, []string{"CODEOWNERS"}, "CODEOWNERS"},
		{content.GitHub, []string{"docs/CODEOWNERS"}, "docs/CODEOWNERS"},
		{content.GitHub, []string{".github/CODEOWNERS", "CODEOWNERS"}, ".github/CODEOWNERS"},
		{content.GitHub, []string{".gitlab/CODEOWNERS", ".gitea/CODEOWNERS"}, ""},
		{content.Gitea, nil, ""},
		{content.Gitea, []string{".gitea/CODEOWNERS"}, ".gitea/CODEOWNERS"},
		{content.Gitea, []string{"docs/CODEOWNERS"}, "docs/CODEOWNERS"},
		{content.Gitea, []string{".github/CODEOWNERS"}, ""},
		{content.Forgejo, []string{"CODEOWNERS"}, "CODEOWNERS"},
		{content.Forgejo, []string{".gitlab/CODEOWNERS"}, ""},
		{content.GitLab, nil, ""},
		{content.GitLab, []string{".gitlab/CODEOWNERS"}, ".gitlab/CODEOWNERS"},
		{content.GitLab, []string{"CODEOWNERS", ".gitlab/CODEOWNERS"}, "CODEOWNERS"},
		{content.GitLab, []string{".github/CODEOWNERS"}, ""},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for _, rel := range tt.existing {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("# "+rel+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		rel, data, err := Find(dir, tt.forge)
		if err != nil || rel != tt.want || (rel != "" && string(data) != "# "+rel+"\n") {
			t.Errorf("%s with %v: Find = %q, %q, %v; want %q", tt.forge, tt.existing, rel, data, err, tt.want)
		}
		if rel == "" && !slices.Contains(tt.forge.CodeownersLocations(), DefaultLocation(tt.forge)) {
			t.Errorf("%s: DefaultLocation %q is not where it looks", tt.forge, DefaultLocation(tt.forge))
		}
	}
	for f, want := range map[content.Forge]string{
		content.GitHub: "CODEOWNERS", content.GitLab: "CODEOWNERS",
		content.Gitea: ".gitea/CODEOWNERS", content.Forgejo: ".gitea/CODEOWNERS",
	} {
		if got := DefaultLocation(f); got != want {
			t.Errorf("DefaultLocation(%s) = %q, want %q", f, got, want)
		}
	}
}

// Check compares with the file of the site's forge; CheckForge with
// another forge's, and says to name it.
func TestCheckForge(t *testing.T) {
	site := loadForge(t, content.Gitea, huyen, board, kaDo)
	if SiteForge(site) != content.Gitea {
		t.Fatalf("site's forge %q", SiteForge(site))
	}
	write := func(dir, rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	d, ok := Check(dir, site)
	if want := ".gitea/CODEOWNERS: cảnh báo: chưa có tệp CODEOWNERS dù đã có tổ chức khai báo người duyệt: hãy chạy mohinh codeowners rồi commit tệp được tạo"; !ok || d.String() != want {
		t.Errorf("absent: %q, want %q", d.String(), want)
	}
	write(dir, ".gitea/CODEOWNERS", Generate(site, content.Gitea))
	if d, ok := Check(dir, site); ok {
		t.Errorf("fresh: %s", d)
	}

	// A GitHub file at the root, from before the move to Gitea: Gitea
	// reads it, so it is the one to bring up to date.
	dir = t.TempDir()
	write(dir, "CODEOWNERS", Generate(site, content.GitHub))
	d, ok = Check(dir, site)
	if !ok || d.Path != "CODEOWNERS" || d.Code != "codeowners-stale" {
		t.Errorf("GitHub's file for a Gitea site: %v %s", ok, d)
	}
	if d, ok := CheckForge(dir, site, content.GitHub); ok {
		t.Errorf("GitHub's file checked as GitHub's: %s", d)
	}
	d, ok = CheckForge(dir, site, content.GitLab)
	if !ok || !strings.Contains(d.Message, "hãy chạy mohinh codeowners --forge gitlab rồi commit tệp") {
		t.Errorf("another forge's check does not name it: %v %s", ok, d)
	}
}
