package history

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/vi"
)

// repo is a real git repository in a temporary folder, isolated from the
// user's git configuration, whose commits have fixed authors and dates.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q")
	return r
}

// git runs git in the repository and returns its output.
func (r *repo) git(args ...string) string {
	r.t.Helper()
	return r.gitAs("Nobody", "2000-01-01T00:00:00Z", args...)
}

func (r *repo) gitAs(author, date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "safe.directory=*", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=a@example.org", "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME=Hệ thống", "GIT_COMMITTER_EMAIL=c@example.org", "GIT_COMMITTER_DATE="+date,
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *repo) write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits everything under the repository as author at date (RFC
// 3339) with message, and returns the commit's hash.
func (r *repo) commit(author, date, message string) string {
	r.t.Helper()
	r.gitAs(author, date, "add", "-A")
	r.gitAs(author, date, "commit", "-q", "--allow-empty-message", "-m", message)
	return r.git("rev-parse", "HEAD")
}

// show prints a history one line per commit, to compare whole histories.
func show(h History) map[string][]string {
	out := map[string][]string{}
	for path, commits := range h {
		for _, c := range commits {
			out[path] = append(out[path], strings.Join([]string{c.Hash[:12], c.Date.Format(time.RFC3339), vi.DateShort(c.Date), c.Author, c.Subject}, " | "))
		}
	}
	return out
}

func sameHistory(t *testing.T, got History, want map[string][]string) {
	t.Helper()
	g := show(got)
	for _, path := range slices.Sorted(maps.Keys(want)) {
		if !slices.Equal(g[path], want[path]) {
			t.Errorf("%s:\n got: %s\nwant: %s", path, strings.Join(g[path], "\n      "), strings.Join(want[path], "\n      "))
		}
	}
	for path := range g {
		if _, ok := want[path]; !ok {
			t.Errorf("unexpected path %q: %v", path, g[path])
		}
	}
}

// The site is a subfolder of the repository: paths come back relative to
// the site, only for content/, unquoted, each with its commits newest first.
func TestLoad(t *testing.T) {
	r := newRepo(t)
	const reg = "portal/content/registrations/2024/xa-ka-do/so-tay.md"
	const notes = "portal/content/tài liệu họp/Lịch sử đăng ký.md"
	r.write("README.md", "repository\n")
	r.write(reg, "---\ntitle: Sổ tay\nstatus: registered\n---\n")
	r.write("portal/layouts/home.html", "x")
	c1 := r.commit("Nguyễn Văn An", "2024-01-08T09:00:00+07:00", "Đăng ký: sổ tay đảng viên")[:12]

	r.write(reg, "---\ntitle: Sổ tay\nstatus: approved\n---\n")
	r.write("README.md", "repository, changed\n")
	// 06:30 in Hà Nội is still 31/01 in UTC: the date is the author's own day.
	c2 := r.commit("Trần Thị Bình", "2024-02-01T06:30:00+07:00", "Duyệt: approved")[:12]

	r.write(notes, "ghi chú\n")
	r.write("portal/layouts/home.html", "y")
	c3 := r.commit("Lê Văn Cường", "2024-03-15T14:00:00+07:00", "Thêm ghi chú")[:12]

	r.write(reg, "---\ntitle: Sổ tay\nstatus: completed\n---\n")
	r.write(notes, "ghi chú, xong\n")
	c4 := r.commit("Phạm Thị Dung & Co", "2024-12-31T23:59:59-05:00",
		"Hoàn thành:\t\"xong\" <b>&amp; 100%x00 %n \\ 'ok'\n\nThe body is not the subject.")[:12]

	r.write(notes, "ghi chú, sửa\n")
	c5 := r.commit("Võ Văn Em", "2025-01-02T08:00:00+07:00", "")[:12]

	h, err := Load(filepath.Join(r.dir, "portal"))
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, h, map[string][]string{
		"content/registrations/2024/xa-ka-do/so-tay.md": {
			c4 + ` | 2024-12-31T23:59:59-05:00 | 31/12/2024 | Phạm Thị Dung & Co | Hoàn thành:	"xong" <b>&amp; 100%x00 %n \ 'ok'`,
			c2 + " | 2024-02-01T06:30:00+07:00 | 01/02/2024 | Trần Thị Bình | Duyệt: approved",
			c1 + " | 2024-01-08T09:00:00+07:00 | 08/01/2024 | Nguyễn Văn An | Đăng ký: sổ tay đảng viên",
		},
		"content/tài liệu họp/Lịch sử đăng ký.md": {
			c5 + " | 2025-01-02T08:00:00+07:00 | 02/01/2025 | Võ Văn Em | ",
			c4 + ` | 2024-12-31T23:59:59-05:00 | 31/12/2024 | Phạm Thị Dung & Co | Hoàn thành:	"xong" <b>&amp; 100%x00 %n \ 'ok'`,
			c3 + " | 2024-03-15T14:00:00+07:00 | 15/03/2024 | Lê Văn Cường | Thêm ghi chú",
		},
	})
	if full := h["content/registrations/2024/xa-ka-do/so-tay.md"]; len(full) > 0 && len(full[0].Hash) != 40 {
		t.Errorf("hash %q, want the full 40 hex digits", full[0].Hash)
	}

	// From the root of the repository, paths start at the root.
	root, err := Load(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(root["content/registrations/2024/xa-ka-do/so-tay.md"]); n != 0 {
		t.Errorf("the root has no content/ folder, yet %d commits", n)
	}
	r.write("content/x.md", "x")
	c6 := r.commit("An", "2025-02-03T10:00:00+07:00", "Ở gốc")[:12]
	if root, err = Load(r.dir); err != nil {
		t.Fatal(err)
	}
	sameHistory(t, root, map[string][]string{"content/x.md": {c6 + " | 2025-02-03T10:00:00+07:00 | 03/02/2025 | An | Ở gốc"}})
}

// A merge lists no files; the commits it brings in carry the history.
func TestLoadMerge(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "1\n")
	c1 := r.commit("An", "2024-01-01T10:00:00+07:00", "một")[:12]
	branch := r.git("rev-parse", "--abbrev-ref", "HEAD")
	r.git("checkout", "-q", "-b", "side")
	r.write("content/a.md", "side\n")
	c2 := r.commit("Bình", "2024-01-02T10:00:00+07:00", "nhánh")[:12]
	r.git("checkout", "-q", branch)
	r.write("content/b.md", "b\n")
	c3 := r.commit("An", "2024-01-03T10:00:00+07:00", "hai")[:12]
	r.gitAs("An", "2024-01-04T10:00:00+07:00", "merge", "-q", "--no-ff", "-m", "Merge side", "side")

	h, err := Load(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	sameHistory(t, h, map[string][]string{
		"content/a.md": {
			c2 + " | 2024-01-02T10:00:00+07:00 | 02/01/2024 | Bình | nhánh",
			c1 + " | 2024-01-01T10:00:00+07:00 | 01/01/2024 | An | một",
		},
		"content/b.md": {c3 + " | 2024-01-03T10:00:00+07:00 | 03/01/2024 | An | hai"},
	})
}

func TestLoadOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	// Stop git from finding a repository above the temporary folder.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	h, err := Load(dir)
	if err != nil || h == nil || len(h) != 0 {
		t.Errorf("Load outside a repository = %v, %v; want an empty history and no error", h, err)
	}
}

func TestLoadRepositoryWithoutCommits(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "x")
	h, err := Load(r.dir)
	if err != nil || h == nil || len(h) != 0 {
		t.Errorf("Load without commits = %v, %v; want an empty history and no error", h, err)
	}
}

func TestLoadWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	h, err := Load(t.TempDir())
	if err != nil || h == nil || len(h) != 0 {
		t.Errorf("Load without git = %v, %v; want an empty history and no error", h, err)
	}
}

// A broken repository is an error, not an empty history: a build must not
// silently lose what it shows.
func TestLoadBrokenRepository(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "x")
	r.commit("An", "2024-01-01T10:00:00+07:00", "một")
	tree := r.git("rev-parse", "HEAD^{tree}")
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", tree[:2], tree[2:])); err != nil {
		t.Fatal(err)
	}
	if h, err := Load(r.dir); err == nil {
		t.Errorf("Load of a repository with a missing tree = %v, no error", h)
	}
}

func TestParse(t *testing.T) {
	const hash = "0123456789012345678901234567890123456789"
	const blobs = " 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 "
	for _, tc := range []struct {
		name, in string
		want     map[string][]string
		err      bool
	}{
		{name: "empty", in: "", want: map[string][]string{}},
		{
			name: "merge without files, empty author and subject, a rename",
			in: "\x00" + hash + "\x002024-01-02T03:04:05+07:00\x00\x00\x00" +
				"\x00" + hash + "\x002024-01-01T00:00:00Z\x00An\x00s\x00\n:100644 100644" + blobs + "M\x00content/a b.md\x00" +
				":000000 100644" + blobs + "A\x00content/\nb.md\x00:100644 100644" + blobs + "R090\x00content/c.md\x00content/d.md\x00",
			want: map[string][]string{
				"content/a b.md": {"012345678901 | 2024-01-01T00:00:00Z | 01/01/2024 | An | s"},
				"content/\nb.md": {"012345678901 | 2024-01-01T00:00:00Z | 01/01/2024 | An | s"},
				"content/c.md":   {"012345678901 | 2024-01-01T00:00:00Z | 01/01/2024 | An | s"},
				"content/d.md":   {"012345678901 | 2024-01-01T00:00:00Z | 01/01/2024 | An | s"},
			},
		},
		{name: "path before any commit", in: "content/a.md\x00", err: true},
		{name: "header cut short", in: "\x00" + hash + "\x002024-01-01T00:00:00Z\x00An", err: true},
		{name: "bad date", in: "\x00" + hash + "\x00yesterday\x00An\x00s\x00", err: true},
		{name: "a path without its line", in: "\x00" + hash + "\x002024-01-01T00:00:00Z\x00An\x00s\x00\ncontent/a.md\x00", err: true},
		{name: "a rename cut short", in: "\x00" + hash + "\x002024-01-01T00:00:00Z\x00An\x00s\x00\n:100644 100644" + blobs + "R100\x00content/a.md\x00", err: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			commits, err := parse(strings.NewReader(tc.in))
			if tc.err {
				if err == nil {
					t.Errorf("parse = %v, want an error", commits)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sameHistory(t, assemble(commits, nil), tc.want)
		})
	}
}

// BenchmarkParse parses the output of git log for 10,000 registrations
// committed once and changed twice.
func BenchmarkParse(b *testing.B) {
	var out strings.Builder
	const hash = "0123456789012345678901234567890123456789"
	const blobs = " 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 "
	for commit := range 3 {
		out.WriteString("\x00" + hash + "\x002024-01-08T09:00:00+07:00\x00Nguyễn Văn An\x00Duyệt: đợt " + strconv.Itoa(commit) + "\x00\n")
		for i := range 10000 {
			out.WriteString(":100644 100644" + blobs + "M\x00content/registrations/2024/xa-ka-do/mo-hinh-so-" + strconv.Itoa(i) + ".md\x00")
		}
	}
	data := out.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		commits, err := parse(strings.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		assemble(commits, nil)
	}
}
