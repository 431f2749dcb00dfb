package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// A registration's page lists what the commits of its file changed, oldest
// first, with the author's day, the subject escaped as a muted note and no
// author; the site may be a subfolder of the repository.
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
			if strings.Contains(string(hai), "Duyệt") || !strings.Contains(string(hai), `<time datetime="2024-01-08">08/01/2024</time>: Nộp bản đăng ký<br><small class="muted">Ghi chú khi lưu: Đăng ký hai mô hình</small>`) {
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
		`<time datetime="2024-01-08">08/01/2024</time>: Nộp bản đăng ký<br><small class="muted">Ghi chú khi lưu: Đăng ký hai mô hình</small>`,
		`<time datetime="2024-02-01">01/02/2024</time>: Trạng thái: Đã đăng ký → Đã được thông qua<br><small class="muted">Ghi chú khi lưu: Duyệt: &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; xong</small>`,
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
	if strings.Contains(page, "Trần Thị Bình") || strings.Contains(page, "example.org") {
		t.Error("the page names who committed")
	}
}

// historyItems returns the items of a page's history, tags and all.
func historyItems(t *testing.T, page string) []string {
	t.Helper()
	var items []string
	rest := section(page)
	for {
		i := strings.Index(rest, "<li>")
		if i < 0 {
			return items
		}
		j := strings.Index(rest[i:], "</li>")
		if j < 0 {
			t.Fatalf("an unclosed item in:\n%s", section(page))
		}
		items = append(items, rest[i+len("<li>"):i+j])
		rest = rest[i+j:]
	}
}

// The history says in Vietnamese what each commit changed in the
// registration, oldest first, each with its day as dd/mm/yyyy: its
// submission, its status, the items edited by their names, an attachment;
// a commit that changed only the file's spacing is left out, and the
// commit's own subject, in English, is never the headline.
func TestRegistrationHistoryInWords(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	site := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", site).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	const mot = "content/registrations/2024/huyen-uy/mot.md"
	writeSite(t, site, smallSite)
	gitCommit(t, site, "Nguyễn Văn An", "2024-01-08T09:00:00+07:00", "content: add registrations")

	text := strings.Replace(smallSite[mot], "---\n", "---\nstatus: approved\n", 1)
	writeSite(t, site, map[string]string{mot: text})
	gitCommit(t, site, "Nguyễn Văn An", "2024-02-01T09:00:00+07:00", "content: approve mot")

	text = strings.Replace(text, "title: Mô hình một", "title: Mô hình số một", 1)
	text = strings.Replace(text, "novelty: Lần đầu áp dụng cách làm này.", "novelty: Lần đầu áp dụng cách làm này ở huyện.", 1)
	writeSite(t, site, map[string]string{mot: text})
	gitCommit(t, site, "Nguyễn Văn An", "2024-02-15T09:00:00+07:00", "content: fix typo")

	writeSite(t, site, map[string]string{"content/registrations/2024/huyen-uy/mot/van-ban-da-ky.pdf": "%PDF-1.4\n%%EOF\n"})
	gitCommit(t, site, "Nguyễn Văn An", "2024-03-01T09:00:00+07:00", "content: attach signed document")

	writeSite(t, site, map[string]string{mot: strings.Replace(text, "title: Mô hình số một", "title:   Mô hình số một  ", 1) + "\n\n"})
	gitCommit(t, site, "Nguyễn Văn An", "2024-03-02T09:00:00+07:00", "style: whitespace")

	var pages []string
	for range 2 {
		out := filepath.Join(t.TempDir(), "public")
		if _, diags, err := Build(Options{Site: site, Out: out}); err != nil || diags.HasErrors() {
			t.Fatalf("build: %v %v", err, diags)
		}
		data, err := os.ReadFile(filepath.Join(out, "mo-hinh/2024/huyen-uy/mot/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(data))
	}
	if pages[0] != pages[1] {
		t.Error("two builds of the same repository differ")
	}
	note := func(s string) string { return `<br><small class="muted">Ghi chú khi lưu: ` + s + `</small>` }
	want := []string{
		`<time datetime="2024-01-08">08/01/2024</time>: Nộp bản đăng ký` + note("content: add registrations"),
		`<time datetime="2024-02-01">01/02/2024</time>: Trạng thái: Đã đăng ký → Đã được thông qua` + note("content: approve mot"),
		`<time datetime="2024-02-15">15/02/2024</time>: Sửa: Tên mô hình, Tính mới của mô hình` + note("content: fix typo"),
		`<time datetime="2024-03-01">01/03/2024</time>: Thêm tệp đính kèm: van-ban-da-ky.pdf` + note("content: attach signed document"),
	}
	got := historyItems(t, pages[0])
	if !slices.Equal(got, want) {
		t.Errorf("history:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	for _, item := range got {
		if _, headline, _ := strings.Cut(item, "</time>: "); strings.HasPrefix(headline, "content:") || strings.HasPrefix(headline, "style:") {
			t.Errorf("a commit subject is the headline: %s", item)
		}
	}
	if strings.Contains(pages[0], "Nguyễn Văn An") || strings.Contains(pages[0], "02/03/2024") {
		t.Errorf("the page names the committer, or lists the whitespace-only commit:\n%s", section(pages[0]))
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
