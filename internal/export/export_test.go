package export

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// testLinks makes absolute addresses on example.org.
type testLinks struct{}

func (testLinks) Registration(r *content.Registration) string {
	return fmt.Sprintf("https://example.org/mo-hinh/%d/%s/%s/", r.CampaignYear, r.OrganisationID, r.Slug)
}

func (testLinks) Campaign(c *content.Campaign) string {
	return fmt.Sprintf("https://example.org/dot-dang-ky/%d/", c.Year)
}
func (testLinks) Home() string { return "https://example.org/" }
func (testLinks) Feed() string { return "https://example.org/feed.xml" }

// hostile are titles that a spreadsheet would run as formulas.
var hostile = []string{`=HYPERLINK("http://x","y")`, "+1", "-1", "@SUM(1)"}

// fixture is a small call whose registrations hold everything an export
// must survive: Vietnamese text, formulas, quotes, commas and line breaks,
// a late registration, an individual one, one without a date, and an
// organisation that did not register.
func fixture(t *testing.T) (*content.Site, *report.Summary) {
	t.Helper()
	fsys := fstest.MapFS{}
	add := func(p, fm string) { fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")} }
	add("content/_index.md", "title: Cổng thử")
	add("content/campaigns/2024.md", "title: Đăng ký mô hình mới, cách làm sáng tạo năm 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\nsigner: Đinh Thị Mai\nsigner_title: Phó Bí thư")
	add("content/fields/kinh-te.md", "title: Kinh tế\norder: 1")
	add("content/fields/dan-van.md", "title: Dân vận\norder: 2")
	add("content/organisations/huyen-uy.md", "title: Huyện ủy Đơn Dương\nkind: cap-uy\nplace: Đơn Dương")
	add("content/organisations/xa-ka-do.md", "title: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy")
	add("content/organisations/xa-pro.md", "title: Đảng ủy xã Pró\nkind: dang-uy-co-so\nparent: huyen-uy")
	add("content/organisations/xa-tu-tra.md", "title: Đảng ủy xã Tu Tra\nkind: dang-uy-co-so\nparent: huyen-uy")
	reg := func(org, slug, title, field, date, extra string) {
		fm := "title: " + title + "\norganisation: " + org + "\ncampaign: 2024\nfield: " + field + "\nexpected_results: Hai mươi hộ được hỗ trợ."
		if date != "" {
			fm += "\ndate: " + date
		}
		if extra != "" {
			fm += "\n" + extra
		}
		if !bytes.Contains([]byte(extra), []byte("novelty:")) {
			fm += "\nnovelty: Lần đầu áp dụng."
		}
		add("content/registrations/2024/"+org+"/"+slug+".md", fm)
	}
	reg("xa-ka-do", "chi-bo-so", "Chi bộ số — sổ tay đảng viên điện tử", "kinh-te", "2024-01-08",
		"status: approved\nnumber: 12-CV/ĐU\nnovelty: |\n  Tài liệu gửi \"trước\", đầy đủ,\n  qua Zalo.")
	reg("xa-ka-do", "cong-thuc", "'"+hostile[0]+"'", "kinh-te", "2024-01-15", "member: Nguyễn Văn An")
	reg("xa-tu-tra", "mot", `"+1"`, "kinh-te", "2024-01-09", "")
	reg("xa-tu-tra", "hai", `"-1"`, "kinh-te", "", "")
	reg("xa-tu-tra", "ba", `"@SUM(1)"`, "dan-van", "2024-01-02", "")
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("fixture: %v", diags)
	}
	return site, report.New(site, site.CampaignByYear[2024])
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":             "'=1+1",
		"+84 912":          "'+84 912",
		"-1":               "'-1",
		"@SUM(A1)":         "'@SUM(A1)",
		"\t=1":             "'\t=1",
		"\r=1":             "'\r=1",
		"Ka Đô":            "Ka Đô",
		"":                 "",
		"1 = 1":            "1 = 1",
		"'=already":        "'=already",
		"Đảng ủy = chi ủy": "Đảng ủy = chi ủy",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
