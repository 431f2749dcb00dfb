package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitCommit commits everything in the repository at dir as author at date
// (RFC 3339), isolated from the user's git configuration.
func gitCommit(t *testing.T, dir, author, date, message string) {
	t.Helper()
	env := append(os.Environ(),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=a@example.org", "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME="+author, "GIT_COMMITTER_EMAIL=a@example.org", "GIT_COMMITTER_DATE="+date,
	)
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "-m", message}} {
		cmd := exec.Command("git", append([]string{"-c", "safe.directory=*", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// A registration's page lists the commits of its file, newest first, with
// the author's day and the subject escaped; the site may be a subfolder of
// the repository.
func TestRegistrationHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "portal")
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	writeSite(t, site, smallSite)
	gitCommit(t, repo, "Nguyễn Văn An", "2024-01-08T09:00:00+07:00", "Đăng ký hai mô hình")
	const mot = "content/registrations/2024/huyen-uy/mot.md"
	writeSite(t, site, map[string]string{mot: strings.Replace(smallSite[mot], "---\n", "---\nstatus: approved\n", 1)})
	gitCommit(t, repo, "Trần Thị Bình", "2024-02-01T06:30:00+07:00", `Duyệt: <script>alert("x")</script> & xong`)

	var pages []string
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "public")
		if _, diags, err := Build(Options{Site: site, Out: out}); err != nil || diags.HasErrors() {
			t.Fatalf("build %d: %v %v", i, err, diags)
		}
		data, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/mot/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(data))
		if i == 0 {
			hai, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/hai/index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(hai), "Duyệt") || !strings.Contains(string(hai), `<time datetime="2024-01-08">08/01/2024</time> · Nguyễn Văn An · Đăng ký hai mô hình`) {
				t.Errorf("the history of hai.md is not its single commit:\n%s", section(string(hai)))
			}
		}
	}
	page := pages[0]
	if pages[1] != page {
		t.Error("two builds of the same commit differ")
	}
	want := []string{
		`<h2 id="lich-su">Lịch sử</h2>`,
		`<time datetime="2024-02-01">01/02/2024</time> · Trần Thị Bình · Duyệt: &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; xong`,
		`<time datetime="2024-01-08">08/01/2024</time> · Nguyễn Văn An · Đăng ký hai mô hình`,
	}
	rest := page
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("the page lacks, or has out of order:\n%s\nin:\n%s", w, section(page))
		}
		rest = rest[i+len(w):]
	}
	if strings.Contains(page, "<script>") {
		t.Error("a commit subject is not escaped")
	}
}

// Outside a git repository the page has no history section.
func TestRegistrationHistoryOutsideGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	writeSite(t, site, smallSite)
	if _, diags, err := Build(Options{Site: site, Out: out}); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags)
	}
	data, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/mot/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Lịch sử") {
		t.Errorf("a site outside git shows a history:\n%s", section(string(data)))
	}
}

// section returns the history section of a page, for failure messages.
func section(page string) string {
	if i := strings.Index(page, `<section aria-labelledby="lich-su">`); i >= 0 {
		page = page[i:]
		if j := strings.Index(page, "</section>"); j >= 0 {
			return page[:j]
		}
	}
	return "(no history section)"
}
