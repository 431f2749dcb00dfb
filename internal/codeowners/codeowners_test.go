package codeowners

import (
	"os"
	"path/filepath"
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
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"content/_index.md":         file("---\ntitle: Thử\n---\n"),
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
			got := Generate(load(t, tt.orgs...))
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
	a := Generate(load(t, huyen, board, kaDo, dRan, chiBo))
	b := Generate(load(t, huyen, dRan, chiBo, kaDo, board))
	if string(a) != string(b) {
		t.Fatalf("order of organisations changes the file:\n%s\n---\n%s", a, b)
	}
	renamed := dRan
	renamed.title = "A Đảng ủy thị trấn D'Ran"
	if c := Generate(load(t, huyen, board, kaDo, renamed, chiBo)); string(a) != string(c) {
		t.Fatalf("a title changes the file:\n%s\n---\n%s", a, c)
	}
}

func TestCheck(t *testing.T) {
	site := load(t, huyen, board, kaDo)
	fresh := Generate(site)
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
