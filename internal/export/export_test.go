package export

import (
	"bytes"
	"fmt"
	"strings"
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

// sentences are the pieces of the large fixture's texts.
var sentences = []string{
	"Tổ chức sinh hoạt chuyên đề hằng tháng về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
	"Ứng dụng sổ tay đảng viên điện tử để theo dõi nghị quyết, văn bản và lịch sinh hoạt chi bộ.",
	"Phân công đảng viên phụ trách hộ gia đình, giúp đỡ hộ nghèo phát triển kinh tế.",
	"Xây dựng tuyến đường hoa, thắp sáng đường quê bằng đèn năng lượng mặt trời.",
	"MÔ HÌNH DÂN VẬN KHÉO GẮN VỚI XÂY DỰNG NÔNG THÔN MỚI KIỂU MẪU.",
	"Hai mươi hộ được hỗ trợ giống cây trồng, vật nuôi và kỹ thuật canh tác.",
	"Kết nối nông sản của xã với các hợp tác xã, bếp ăn tập thể và sàn thương mại điện tử.",
}

// largeFixture is a call of n registrations by six organisations, their
// texts from a line to a long page, some of several lines, some in
// capitals: enough for the registrations to print on several pages.
func largeFixture(t *testing.T, n int) (*content.Site, *report.Summary) {
	t.Helper()
	fsys := fstest.MapFS{}
	add := func(p, fm string) { fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")} }
	add("content/_index.md", "title: Cổng thử")
	add("content/campaigns/2024.md", "title: Đăng ký mô hình mới, cách làm sáng tạo năm 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\nsigner: Đinh Thị Mai\nsigner_title: Phó Bí thư")
	add("content/fields/kinh-te.md", "title: Kinh tế\norder: 1")
	add("content/fields/dan-van.md", "title: Dân vận\norder: 2")
	add("content/fields/xay-dung-dang.md", "title: Xây dựng Đảng và hệ thống chính trị\norder: 3")
	add("content/organisations/huyen-uy.md", "title: Huyện ủy Đơn Dương\nkind: cap-uy\nplace: Đơn Dương")
	orgs := []string{"ka-do", "pro", "tu-tra", "lac-xuan", "ka-don", "quang-lap"}
	for _, o := range orgs {
		add("content/organisations/xa-"+o+".md", "title: Đảng ủy xã "+o+"\nkind: dang-uy-co-so\nparent: huyen-uy")
	}
	fields := []string{"kinh-te", "dan-van", "xay-dung-dang"}
	text := func(i, k int) string { // k sentences from the i-th
		var parts []string
		for j := range k {
			parts = append(parts, sentences[(i+j)%len(sentences)])
		}
		return strings.Join(parts, " ")
	}
	block := func(s string) string { return "|\n  " + strings.ReplaceAll(s, "\n", "\n  ") }
	for i := range n {
		novelty := text(i, 1+i%9)
		if i%5 == 1 {
			novelty = text(i, 1) + "\n" + text(i+1, 1) + "\n" + text(i+2, 2)
		}
		fm := fmt.Sprintf("title: %q\norganisation: xa-%s\ncampaign: 2024\nfield: %s\ndate: 2024-01-%02d\nnovelty: %s\nexpected_results: %s",
			fmt.Sprintf("Mô hình số %d: %s", i+1, text(i, 1+i%2)), orgs[i*len(orgs)/n], fields[i%len(fields)], 1+i%28, block(novelty), block(text(i+3, 1+i%4)))
		add(fmt.Sprintf("content/registrations/2024/xa-%s/mo-hinh-%03d.md", orgs[i*len(orgs)/n], i+1), fm)
	}
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("large fixture: %v", diags)
	}
	return site, report.New(site, site.CampaignByYear[2024])
}
