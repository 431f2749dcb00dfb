package render

import (
	"os"
	"strings"
	"testing"
)

// A decision lists its models by title: serve, re-rendering what a change
// to a registration touches, writes the page of the notice that lists it.
func TestAChangedModelRewritesItsDecision(t *testing.T) {
	urls, err := NewURLs("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Options{URLs: urls, Layouts: os.DirFS("../../layouts")})
	if err != nil {
		t.Fatal(err)
	}
	const notice = "content/decisions/2024/huyen-uy/tb.md"
	decision := map[string]string{notice: "title: Thông báo kết quả xét duyệt\nkind: approval\nissuer: huyen-uy\ncampaign: 2024\nnumber: 120-TB/HU\ndate: 2024-01-20\napproved:\n  - xa-ka-do/mot"}
	before := reportSite(t, decision)
	if err := r.Render(before, &memFiles{files: map[string][]byte{}}); err != nil {
		t.Fatal(err)
	}
	const path = "content/registrations/2024/xa-ka-do/mot.md"
	decision[path] = "title: Mô hình một, tên mới\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\ndate: 2024-01-08\nnovelty: Mới.\nexpected_results: Tốt."
	after := reportSite(t, decision)
	changed := &memFiles{files: map[string][]byte{}}
	if _, _, err := r.RenderAffected(before, after, []string{path}, changed); err != nil {
		t.Fatal(err)
	}
	page, ok := changed.files["van-ban/2024/huyen-uy/tb/index.html"]
	if !ok {
		t.Fatal("the notice's page was not written again")
	}
	if !strings.Contains(string(page), "Mô hình một, tên mới") {
		t.Error("the notice's page does not show the model's new title")
	}
}
