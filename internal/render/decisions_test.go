package render

import (
	"os"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
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

// Nơi nhận names the organisations a notice lists while they are few, and
// all of them together beyond; the members of a chi bộ likewise.
func TestDecisionCopies(t *testing.T) {
	xa := &content.Organisation{Title: "Đảng ủy xã Ka Đô", Kind: content.DangUyCoSo}
	huyen := &content.Organisation{Title: "Huyện ủy Đơn Dương", Kind: content.CapUy}
	xa.Parent = huyen
	items := func(regs ...*content.Registration) []content.DecisionItem {
		var out []content.DecisionItem
		for _, r := range regs {
			out = append(out, content.DecisionItem{Registration: r})
		}
		return out
	}
	chiBo := func(name string) *content.Registration {
		return &content.Registration{Organisation: &content.Organisation{Title: name, Kind: content.ChiBoTrucThuoc, Parent: xa}}
	}
	a, b := chiBo("Chi bộ thôn A"), chiBo("Chi bộ thôn B")
	few := &content.Decision{Issuer: xa, Approved: items(a, b), Rejected: items(&content.Registration{Organisation: a.Organisation})}
	if got, want := strings.Join(decisionCopies(few), " "), "Ban Thường vụ Huyện ủy Đơn Dương (b/c), Chi bộ thôn A, Chi bộ thôn B, Lưu Văn phòng Đảng ủy."; got != want {
		t.Errorf("two chi bộ: %q, want %q", got, want)
	}
	many := &content.Decision{Issuer: xa, Approved: items(a, b, chiBo("Chi bộ thôn C"), chiBo("Chi bộ thôn D"))}
	if got, want := strings.Join(decisionCopies(many), " "), "Ban Thường vụ Huyện ủy Đơn Dương (b/c), Các chi bộ có tên trên, Lưu Văn phòng Đảng ủy."; got != want {
		t.Errorf("four chi bộ: %q, want %q", got, want)
	}
	var members []*content.Registration
	for _, m := range []string{"Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Em"} {
		members = append(members, &content.Registration{Organisation: a.Organisation, Member: m})
	}
	cell := &content.Decision{Issuer: a.Organisation, Approved: items(members...)}
	if got, want := strings.Join(decisionCopies(cell), " "), "Ban Thường vụ Đảng ủy xã Ka Đô (b/c), Các đồng chí đảng viên có tên trên, Lưu Chi bộ."; got != want {
		t.Errorf("a chi bộ's members: %q, want %q", got, want)
	}
	top := &content.Decision{Issuer: huyen, Approved: items(&content.Registration{Organisation: xa})}
	if got, want := strings.Join(decisionCopies(top), " "), "Đảng ủy xã Ka Đô, Lưu Văn phòng Huyện ủy."; got != want {
		t.Errorf("the district: %q, want %q", got, want)
	}
}
