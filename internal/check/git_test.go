package check

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
)

// gitRepo is a real git repository in a temporary folder.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for --base")
	}
	r := &gitRepo{t, t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir, "-c", "user.name=Ban Tổ chức", "-c", "user.email=btc@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2024-01-08T09:00:00+07:00", "GIT_COMMITTER_DATE=2024-01-08T09:00:00+07:00")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *gitRepo) write(files map[string]string) {
	r.t.Helper()
	for name, text := range files {
		p := filepath.Join(r.dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

func (r *gitRepo) commit(msg string) {
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

func registration(title, org, status string) string {
	return "---\ntitle: " + title + "\norganisation: " + org + "\ncampaign: 2024\nfield: kinh-te\ndate: 2024-01-08\n" +
		"novelty: Lần đầu áp dụng cách làm này ở xã.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\nstatus: " + status + "\n---\n"
}

var baseSite = map[string]string{
	"content/_index.md":                                "---\ntitle: Thử\n---\n",
	"content/campaigns/2024.md":                        "---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\n---\n",
	"content/fields/kinh-te.md":                        "---\ntitle: Kinh tế\n---\n",
	"content/organisations/huyen-uy.md":                "---\ntitle: Huyện ủy\nkind: cap-uy\n---\n",
	"content/organisations/xa-ka-do.md":                "---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\n---\n",
	"content/organisations/xa-pro.md":                  "---\ntitle: Đảng ủy xã Pró\nkind: dang-uy-co-so\nparent: huyen-uy\n---\n",
	"content/registrations/2024/xa-ka-do/chi-bo-so.md": registration("Chi bộ số", "xa-ka-do", "registered"),
	"content/registrations/2024/xa-ka-do/hu-gao.md":    registration("Hũ gạo thiện tâm", "xa-ka-do", "approved"),
	"content/registrations/2024/xa-ka-do/camera.md":    registration("Camera an ninh thôn", "xa-ka-do", "implementing"),
	"content/registrations/2024/xa-pro/vuon-mau.md":    registration("Vườn mẫu VietGAP", "xa-pro", "completed"),
}

var today, _ = content.ParseDate("2025-06-01")

func runBase(t *testing.T, dir string) (Result, []string) {
	t.Helper()
	res, err := Run(Options{Site: dir, Base: "main", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range res.Diags {
		lines = append(lines, d.String())
	}
	return res, lines
}

// A branch with an illegal status jump, a changed organisation and a
// deleted file fails with the right messages; a branch with a legal change
// passes. The site lives in a subfolder of the repository, as it may.
func TestBaseComparison(t *testing.T) {
	repo := newRepo(t)
	site := map[string]string{}
	for name, text := range baseSite {
		site["portal/"+name] = text
	}
	repo.write(site)
	repo.commit("Cơ sở")
	dir := filepath.Join(repo.dir, "portal")

	repo.git("checkout", "-q", "-b", "sai")
	os.Remove(filepath.Join(dir, "content/registrations/2024/xa-ka-do/hu-gao.md"))
	repo.write(map[string]string{
		// registered → completed skips approval and implementation
		"portal/content/registrations/2024/xa-ka-do/chi-bo-so.md": registration("Chi bộ số", "xa-ka-do", "completed"),
	})
	// moved to another organisation's folder, with the organisation changed
	os.MkdirAll(filepath.Join(dir, "content/registrations/2024/xa-pro"), 0o755)
	repo.git("mv", "portal/content/registrations/2024/xa-ka-do/camera.md", "portal/content/registrations/2024/xa-pro/camera.md")
	repo.write(map[string]string{"portal/content/registrations/2024/xa-pro/camera.md": registration("Camera an ninh thôn", "xa-pro", "implementing")})
	repo.commit("Thay đổi sai")

	res, got := runBase(t, dir)
	want := []string{
		"content/registrations/2024/xa-ka-do/chi-bo-so.md:9:9: không được chuyển trạng thái từ registered (Đã đăng ký) sang completed (Đã hoàn thành): bước tiếp theo chỉ có thể là approved (Đã được thông qua) hoặc rejected (Không được thông qua)",
		"content/registrations/2024/xa-ka-do/hu-gao.md: bản đăng ký đã có ở main nay bị xóa: không được xóa bản đăng ký đã nộp; nếu đăng ký nhầm, hãy liên hệ Ban Tổ chức để xử lý",
		"content/registrations/2024/xa-pro/camera.md:3:15: không được đổi tổ chức của bản đăng ký: ở main là \"xa-ka-do\", nay là \"xa-pro\"; hãy sửa lại như cũ",
	}
	assertLines(t, got, want)
	c := res.Changes
	if c == nil || len(c.Deleted) != 1 || len(c.Modified) != 1 || len(c.Renamed) != 1 || len(c.Added) != 0 {
		t.Errorf("changes: %+v", c)
	}
	if s := Summary(res); !strings.Contains(s, "so với main: thêm 0, sửa 2, xóa 1 tệp") {
		t.Errorf("summary: %s", s)
	}

	repo.git("checkout", "-q", "main")
	repo.git("checkout", "-q", "-b", "dung")
	repo.write(map[string]string{
		"portal/content/registrations/2024/xa-ka-do/chi-bo-so.md": registration("Chi bộ số", "xa-ka-do", "approved"),
		"portal/content/registrations/2024/xa-ka-do/hu-gao.md":    registration("Hũ gạo thiện tâm", "xa-ka-do", "implementing"),
		"portal/content/registrations/2024/xa-pro/vuon-mau.md":    registration("Vườn mẫu VietGAP", "xa-pro", "recognised"),
		"portal/content/registrations/2024/xa-pro/mo-hinh-moi.md": registration("Mô hình mới của xã Pró", "xa-pro", "registered"),
	})
	repo.commit("Thay đổi đúng")
	res, got = runBase(t, dir)
	assertLines(t, got, nil)
	if c := res.Changes; len(c.Added) != 1 || len(c.Modified) != 3 || len(c.Deleted) != 0 {
		t.Errorf("changes: %+v", c)
	}

	// Uncommitted edits count too: a reviewer checks before committing.
	repo.write(map[string]string{"portal/content/registrations/2024/xa-ka-do/chi-bo-so.md": registration("Chi bộ số", "xa-ka-do", "recognised")})
	_, got = runBase(t, dir)
	if len(got) != 1 || !strings.Contains(got[0], "không được chuyển trạng thái từ registered (Đã đăng ký) sang recognised") {
		t.Errorf("an uncommitted jump: %q", got)
	}
}

func TestBaseOutsideGitOrUnknownRevision(t *testing.T) {
	dir := t.TempDir()
	if _, err := Run(Options{Site: dir, Base: "main"}); err == nil || !strings.Contains(err.Error(), "kho git") {
		t.Errorf("outside git: %v", err)
	}
	repo := newRepo(t)
	repo.write(baseSite)
	repo.commit("Cơ sở")
	if _, err := Run(Options{Site: repo.dir, Base: "origin/main"}); err == nil || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("unknown revision: %v", err)
	}
}

func assertLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
