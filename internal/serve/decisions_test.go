package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decisionSite is a district, a commune under it and two models of the
// commune's, both approved by the district's notice.
var decisionSite = map[string]string{
	"content/_index.md":                 "---\ntitle: Thử xét duyệt\n---\n",
	"content/campaigns/2024.md":         "---\ntitle: Đăng ký mô hình năm 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\n---\n",
	"content/fields/kinh-te.md":         "---\ntitle: Kinh tế\n---\n",
	"content/organisations/huyen-uy.md": "---\ntitle: Huyện ủy Đơn Dương\nkind: cap-uy\n---\n",
	"content/organisations/xa-ka-do.md": "---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\n---\n",
	"content/registrations/2024/xa-ka-do/so-tay.md": "---\ntitle: Sổ tay đảng viên điện tử\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
		"date: 2024-01-05\nnovelty: Lần đầu áp dụng.\nexpected_results: Mọi đảng viên nhận tài liệu.\n---\n",
	"content/registrations/2024/xa-ka-do/rau-sach.md": "---\ntitle: Trồng rau sạch\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
		"date: 2024-01-05\nnovelty: Lần đầu liên kết.\nexpected_results: Mười hộ bán rau.\n---\n",
	decisionFile: approvesBoth,
}

const (
	decisionFile = "content/decisions/2024/huyen-uy/tb-120.md"
	decisionHead = "---\ntitle: Thông báo kết quả xét duyệt\nkind: approval\nissuer: huyen-uy\ncampaign: 2024\nnumber: 120-TB/HU\ndate: 2024-01-20\n"
	approvesBoth = decisionHead + "approved:\n  - xa-ka-do/so-tay\n  - xa-ka-do/rau-sach\n---\n"
	rejectsOne   = decisionHead + "approved:\n  - xa-ka-do/so-tay\nrejected:\n  - registration: xa-ka-do/rau-sach\n    reason: Trùng với mô hình đã có.\n---\n"
)

// A notice decides the status of the models it lists: when it changes,
// serve renders again the pages of every model it lists, before and after,
// the lists they move between, and its own page; when a model it lists
// changes, the notice's page shows the model as it is now.
func TestServeFollowsAChangedDecision(t *testing.T) {
	site := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		full := filepath.Join(site, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for path, text := range decisionSite {
		write(path, text)
	}
	s := New(Options{Site: site})
	page := func(name string) string {
		t.Helper()
		data, ok := s.store.get(name)
		if !ok {
			t.Fatalf("%s is not served", name)
		}
		return string(data)
	}
	s.rebuild(change{rescan: true, layouts: true})
	const (
		model    = "mo-hinh/2024/xa-ka-do/rau-sach/index.html"
		notice   = "van-ban/2024/huyen-uy/tb-120/index.html"
		approved = "trang-thai/approved/index.html"
		rejected = "trang-thai/rejected/index.html"
	)
	if !strings.Contains(page(model), "Được thông qua theo") || !strings.Contains(page(approved), "Trồng rau sạch") {
		t.Fatal("the model is not shown approved at start")
	}

	write(decisionFile, rejectsOne)
	s.rebuild(change{paths: []string{decisionFile}})
	if got := page(model); !strings.Contains(got, "Không được thông qua</strong> theo") || !strings.Contains(got, "Lý do: Trùng với mô hình đã có.") {
		t.Error("the model's page does not follow the notice that now rejects it")
	}
	if strings.Contains(page(approved), "Trồng rau sạch") || !strings.Contains(page(rejected), "Trồng rau sạch") {
		t.Error("the lists by status do not follow the notice")
	}
	if got := page(notice); !strings.Contains(got, "Các mô hình không được thông qua") || !strings.Contains(got, "Trùng với mô hình đã có.") {
		t.Error("the notice's page does not list the rejection")
	}
	if got := page("van-ban/index.html"); !strings.Contains(got, `<td class="num" data-label="Thông qua">1</td><td class="num" data-label="Không thông qua">1</td>`) {
		t.Error("the index of notices does not count one approved, one rejected")
	}

	const path = "content/registrations/2024/xa-ka-do/so-tay.md"
	write(path, strings.Replace(decisionSite[path], "Sổ tay đảng viên điện tử", "Sổ tay đảng viên trên điện thoại", 1))
	s.rebuild(change{paths: []string{path}})
	if !strings.Contains(page(notice), "Sổ tay đảng viên trên điện thoại") {
		t.Error("the notice's page does not show the model's new title")
	}
}
