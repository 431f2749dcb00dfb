package browsertest

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
)

// fieldMessage returns what the form says next to the item key.
func fieldMessage(t *testing.T, p *cdp.Page, key string) string {
	t.Helper()
	var msg string
	if err := p.Eval(`document.getElementById("f-`+key+`-msg").textContent`, &msg); err != nil {
		t.Fatal(err)
	}
	return msg
}

// fill types into an item and leaves it, as a person does.
func fill(t *testing.T, p *cdp.Page, key, value string) {
	t.Helper()
	if err := p.TypeInto("#f-"+key, value); err != nil {
		t.Fatal(err)
	}
	if err := p.Eval(`(() => { const e = document.getElementById("f-`+key+`"); e.dispatchEvent(new Event("change", {bubbles: true})); e.blur(); })()`, nil); err != nil {
		t.Fatal(err)
	}
}

func setDate(t *testing.T, p *cdp.Page, date string) {
	t.Helper()
	if err := p.Eval(`(() => { const e = document.getElementById("f-date"); e.focus(); e.value = `+cdp.JSString(date)+`; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); e.blur(); })()`, nil); err != nil {
		t.Fatal(err)
	}
}

// runCheck runs the real "mohinh check" on a copy of the sample site with
// file added at path, and returns its exit code and output.
func runCheck(t *testing.T, e *env, path, file string, args ...string) (int, string) {
	t.Helper()
	site := t.TempDir()
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS(filepath.Join(e.sampleSite, "content"))); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(site, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(e.mohinh, append(append([]string{"check", "--site", "."}, args...), path)...)
	cmd.Dir = site
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, string(out)
}

func TestFormWritesAFileCheckAccepts(t *testing.T) {
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, "/dang-ky/")
	if err := p.WaitFor(`document.getElementById("dang-ky").dataset.ready`); err != nil {
		t.Fatal(err)
	}

	// Sent empty, the form names what is missing, next to each item.
	if err := p.Eval(`document.querySelector("#dang-ky button[type=submit]").click()`, nil); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"title":            "Hãy điền mục “Tên mô hình”.",
		"organisation":     "Hãy chọn tổ chức đăng ký.",
		"field":            "Hãy chọn lĩnh vực.",
		"novelty":          "Hãy điền mục “Tính mới của mô hình”.",
		"expected_results": "Hãy điền mục “Dự kiến kết quả đạt được sau khi triển khai thực hiện”.",
	} {
		if got := fieldMessage(t, p, key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	var summary struct {
		Hidden  bool
		Focused bool
		Invalid string
	}
	p.Eval(`({hidden: document.getElementById("dang-ky-loi").hidden, focused: document.activeElement.id === "dang-ky-loi", invalid: document.getElementById("f-title").getAttribute("aria-invalid")})`, &summary)
	if summary.Hidden || !summary.Focused || summary.Invalid != "true" {
		t.Errorf("after sending it empty: %+v", summary)
	}
	// The summary lists the problems in the order of the page: the
	// links point to the invalid items as they come down the form.
	var order struct{ Summary, Page []string }
	p.Eval(`({summary: [...document.querySelectorAll("#dang-ky-loi a")].map(a => a.getAttribute("href")), page: [...document.querySelectorAll('#dang-ky [aria-invalid="true"]')].map(e => "#" + e.id)})`, &order)
	if len(order.Summary) < 3 || !slices.Equal(order.Summary, order.Page) {
		t.Errorf("the summary lists %q, the page has %q", order.Summary, order.Page)
	}

	// Organisations dissolved before a call are not offered for it.
	var offered map[string]bool
	check := `(() => { const o = [...document.getElementById("f-organisation").options].find(o => o.value === "chi-bo-thon-lac-son"); return {disabled: o.disabled}; })()`
	if err := p.Choose("#f-campaign", "2025"); err != nil {
		t.Fatal(err)
	}
	p.Eval(check, &offered)
	if !offered["disabled"] {
		t.Error("chi-bo-thon-lac-son, dissolved in 2024, is offered for 2025")
	}
	p.Choose("#f-campaign", "2024")
	p.Eval(check, &offered)
	if offered["disabled"] {
		t.Error("chi-bo-thon-lac-son is not offered for 2024")
	}
	p.Choose("#f-campaign", "2025")

	// Filled in as a branch secretary would.
	p.Choose("#f-organisation", "xa-ka-do")
	p.Choose("#f-field", "chuyen-doi-so")
	title := `Góc đọc sách "Thôn xanh": mỗi tuần một buổi #1`
	fill(t, p, "title", title)
	fill(t, p, "novelty", "Lần đầu tiên xã mở góc đọc sách ngay tại nhà văn hóa thôn.\nMỗi tuần một buổi, đảng viên trẻ hướng dẫn thiếu nhi đọc sách: có sổ theo dõi.")
	fill(t, p, "expected_results", "Ít nhất 200 lượt thiếu nhi đến đọc sách trong năm 2025.")
	fill(t, p, "number", "12 CV/ĐU")
	if got := fieldMessage(t, p, "number"); !strings.Contains(got, "không đúng dạng") {
		t.Errorf("a wrong number: %q", got)
	}
	fill(t, p, "number", "15-CV/ĐU")
	fill(t, p, "signer", "Nguyễn Văn Bình")
	fill(t, p, "signer_title", "Bí thư")
	if err := p.TypeInto("#f-body", "Chuẩn bị tủ sách.\n\n- Quý I: quyên góp sách.\n- Quý II: mở cửa hằng tuần."); err != nil {
		t.Fatal(err)
	}

	// A wrong date is named next to the date, as check names it.
	setDate(t, p, "2024-12-01")
	dateMsg := fieldMessage(t, p, "date")
	if !strings.Contains(dateMsg, "trước ngày ban hành Công văn số 1187-CV/HU (20/12/2024)") {
		t.Errorf("a date before the call: %q", dateMsg)
	}
	shoot(t, p, "-wrong-date")
	setDate(t, p, "2099-01-01")
	if got := fieldMessage(t, p, "date"); !strings.Contains(got, "là ngày trong tương lai") {
		t.Errorf("a date in the future: %q", got)
	}
	setDate(t, p, "15/01/2025") // as Vietnamese write it, whatever the browser's language
	if got := fieldMessage(t, p, "date"); got != "Nộp muộn 5 ngày: hạn đăng ký của đợt 2025 là 10/01/2025." {
		t.Errorf("a late date: %q", got)
	}
	setDate(t, p, "31/02/2025")
	if got := fieldMessage(t, p, "date"); !strings.Contains(got, "ngày/tháng/năm") {
		t.Errorf("a day that does not exist: %q", got)
	}
	setDate(t, p, "6/1/2025")
	for _, key := range []string{"campaign", "organisation", "field", "title", "novelty", "expected_results", "number", "date", "signer", "signer_title"} {
		if got := fieldMessage(t, p, key); got != "" {
			t.Errorf("%s still says %q", key, got)
		}
	}

	if err := p.Eval(`document.querySelector("#dang-ky button[type=submit]").click()`, nil); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitFor(`!document.getElementById("dang-ky-tep").hidden`); err != nil {
		t.Fatal(err)
	}
	shoot(t, p, "-file")
	var out struct {
		File, Path, Download, DownloadName, Repo string
	}
	if err := p.Eval(`(async () => {
		const f = document.getElementById("dang-ky");
		const a = document.getElementById("dang-ky-tai-ve");
		return {file: f.dataset.file, path: f.dataset.path, download: await (await fetch(a.href)).text(), downloadName: a.download, repo: document.getElementById("dang-ky-kho").href};
	})()`, &out); err != nil {
		t.Fatal(err)
	}
	wantPath := "content/registrations/2025/xa-ka-do/goc-doc-sach-thon-xanh-moi-tuan-mot-buoi-1.md"
	if out.Path != wantPath || out.DownloadName != "goc-doc-sach-thon-xanh-moi-tuan-mot-buoi-1.md" {
		t.Errorf("path %q, download as %q; want %q", out.Path, out.DownloadName, wantPath)
	}
	if out.Download != out.File {
		t.Errorf("the download differs from the file shown:\n%s\n---\n%s", out.Download, out.File)
	}
	for _, want := range []string{"---\ntitle: \"Góc đọc sách \\\"Thôn xanh\\\": mỗi tuần một buổi #1\"\norganisation: xa-ka-do\ncampaign: 2025\nfield: chuyen-doi-so\n", "date: 2025-01-06\n", "novelty: |\n  Lần đầu tiên", "status: registered\n---\n", "- Quý II: mở cửa hằng tuần.\n"} {
		if !strings.Contains(out.File, want) {
			t.Errorf("the file lacks %q:\n%s", want, out.File)
		}
	}
	// The repository's page for a new file, with the path and the
	// content filled in.
	repo, err := url.Parse(out.Repo)
	if err != nil {
		t.Fatal(err)
	}
	if repo.Host != "github.com" || repo.Path != "/mohinh/mohinh/new/main" || repo.Query().Get("filename") != wantPath || repo.Query().Get("value") != out.File {
		t.Errorf("the repository link: %s", out.Repo)
	}

	// The real check accepts the file, warnings included.
	if code, report := runCheck(t, e, out.Path, out.File, "--strict"); code != 0 {
		t.Errorf("mohinh check --strict: exit %d\n%s\n%s", code, report, out.File)
	}
	// And says what the form said of the wrong date.
	wrong := strings.Replace(out.File, "date: 2025-01-06", "date: 2024-12-01", 1)
	if code, report := runCheck(t, e, out.Path, wrong); code != 1 || !strings.Contains(report, "trước ngày ban hành Công văn số 1187-CV/HU (20/12/2024)") {
		t.Errorf("mohinh check on the wrong date: exit %d\n%s", code, report)
	}

	// An individual registration needs the member's name.
	p.Eval(`(() => { const r = document.querySelector("input[name=kind][value=ca-nhan]"); r.click(); })()`, nil)
	if err := p.Eval(`document.querySelector("#dang-ky button[type=submit]").click()`, nil); err != nil {
		t.Fatal(err)
	}
	if got := fieldMessage(t, p, "member"); got != "Bản đăng ký cá nhân cần họ tên đảng viên." {
		t.Errorf("an individual registration without a name: %q", got)
	}
	fill(t, p, "member", "Trần Thị Lan")
	p.Eval(`document.querySelector("#dang-ky button[type=submit]").click()`, nil)
	if err := p.WaitFor(`document.getElementById("dang-ky").dataset.file.includes("member: \"Trần Thị Lan\"")`); err != nil {
		t.Fatal(err)
	}
	var file string
	p.Eval(`document.getElementById("dang-ky").dataset.file`, &file)
	if code, report := runCheck(t, e, out.Path, file, "--strict"); code != 0 {
		t.Errorf("mohinh check --strict on the individual one: exit %d\n%s\n%s", code, report, file)
	}

	// A file too long for a link: the page opens with the file name only,
	// and the form says to paste the content.
	fill(t, p, "body", strings.Repeat("Đảng viên hướng dẫn từng hộ dân đăng ký dịch vụ công trực tuyến. ", 150))
	p.Eval(`document.querySelector("#dang-ky button[type=submit]").click()`, nil)
	if err := p.WaitFor(`document.getElementById("dang-ky").dataset.file.length > 8000`); err != nil {
		t.Fatal(err)
	}
	var long struct {
		Repo                string
		LongShown, UsualOff bool
	}
	p.Eval(`({repo: document.getElementById("dang-ky-kho").href, longShown: !document.getElementById("dang-ky-kho-dai").hidden, usualOff: document.getElementById("dang-ky-kho-huong-dan").hidden})`, &long)
	shoot(t, p, "-long-file")
	repo, err = url.Parse(long.Repo)
	if err != nil {
		t.Fatal(err)
	}
	if len(long.Repo) > content.NewFileLinkLimit || repo.Query().Get("filename") != out.Path || repo.Query().Has("value") && repo.Query().Get("value") != "" || !long.LongShown || !long.UsualOff {
		t.Errorf("a long file: link of %d bytes %s, long message shown %v, usual one hidden %v", len(long.Repo), long.Repo, long.LongShown, long.UsualOff)
	}
	// The copy button copies the file, or selects it where the browser
	// refuses the clipboard.
	var copied struct{ Said, Text string }
	if err := p.Eval(`(async () => {
		document.getElementById("dang-ky-chep").click();
		for (let i = 0; i < 100 && !document.getElementById("dang-ky-chep-ket-qua").textContent; i++) await new Promise(r => requestAnimationFrame(r));
		const said = document.getElementById("dang-ky-chep-ket-qua").textContent;
		let text = window.getSelection().toString();
		if (said.startsWith("Đã chép:")) text = await navigator.clipboard.readText().catch(() => document.getElementById("dang-ky").dataset.file);
		return {said, text};
	})()`, &copied); err != nil {
		t.Fatal(err)
	}
	var file2 string
	p.Eval(`document.getElementById("dang-ky").dataset.file`, &file2)
	if copied.Said == "" || strings.TrimSpace(copied.Text) != strings.TrimSpace(file2) {
		t.Errorf("copy: said %q, copied %d bytes of %d", copied.Said, len(copied.Text), len(file2))
	}
}
