package render

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
)

// The organisations index after a reorganisation: the tree holds only what
// is in place, from the top committees in place; what has ended is listed
// apart, the ended top committee too, each with its date and successor.
func TestOrganisationsIndexAfterReorganisation(t *testing.T) {
	files := map[string]string{
		"content/_index.md":         "title: Thử",
		"content/campaigns/2024.md": "title: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy",
		"content/fields/kinh-te.md": "title: Kinh tế",
		"content/organisations/huyen-uy.md": "title: Huyện ủy Đơn Dương\nkind: cap-uy\nsuperior: Đảng bộ tỉnh Lâm Đồng\n" +
			"dissolved: 2025-07-01",
		"content/organisations/xa-pro.md":       "title: Đảng ủy xã Pró\nkind: dang-uy-co-so\nparent: huyen-uy\ndissolved: 2024-12-01\nsuccessor: xa-quang-lap",
		"content/organisations/xa-quang-lap.md": "title: Đảng ủy xã Quảng Lập\nkind: dang-uy-co-so\nparent: huyen-uy\ndissolved: 2025-07-01",
		"content/organisations/xa-da-ron.md":    "title: Đảng ủy xã Đạ Ròn\nkind: dang-uy-co-so\nparent: huyen-uy\ndissolved: 2025-07-01\nsuccessor: xa-don-duong",
		"content/organisations/thon-cu.md":      "title: Chi bộ thôn Đường Mới\nkind: chi-bo-truc-thuoc\nparent: xa-da-ron\ndissolved: 2025-07-01\nsuccessor: thon-moi",
		"content/organisations/xa-don-duong.md": "title: Đảng ủy xã Đơn Dương\nkind: dang-uy-co-so\nsuperior: Đảng bộ tỉnh Lâm Đồng\nestablished: 2025-07-01",
		"content/organisations/thon-moi.md":     "title: Chi bộ thôn Đường Mới\nkind: chi-bo-truc-thuoc\nparent: xa-don-duong\nestablished: 2025-07-01",
		"content/organisations/thon-ended.md":   "title: Chi bộ thôn Cũ\nkind: chi-bo-truc-thuoc\nparent: xa-don-duong\nestablished: 2025-07-01\ndissolved: 2025-09-01",
		// Forgotten when its committee ended: an error, and while it is
		// being fixed still reachable, and marked.
		"content/organisations/thon-sot.md": "title: Chi bộ thôn Sót\nkind: chi-bo-truc-thuoc\nparent: xa-quang-lap",
	}
	fsys := fstest.MapFS{}
	for p, fm := range files {
		fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")}
	}
	// thon-sot is an error for check (parent-dissolved); serve still shows
	// what loaded, so the page must keep it reachable.
	site, diags := content.Load(fsys)
	if len(diags) != 1 || diags[0].Code != "parent-dissolved" || diags[0].Path != "content/organisations/thon-sot.md" {
		t.Fatalf("want only thon-sot's parent-dissolved, got %v", diags)
	}
	urls, err := NewURLs("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	v := newViewBuilder(site, urls, nil).organisations()

	var current []string
	var walk func(n treeNode, depth int)
	walk = func(n treeNode, depth int) {
		current = append(current, strings.Repeat("  ", depth)+n.Organisation.ID)
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	for _, n := range v.Current {
		walk(n, 0)
	}
	if want := []string{"xa-don-duong", "  thon-moi", "thon-sot"}; !slices.Equal(current, want) {
		t.Errorf("the tree in place is %q, want %q", current, want)
	}
	if n := v.Current[len(v.Current)-1]; n.EndedParent == nil || n.EndedParent.ID != "xa-quang-lap" {
		t.Errorf("thon-sot is not marked as under an ended committee: %+v", n)
	}
	var ended []string
	for _, o := range v.Dissolved {
		ended = append(ended, o.ID)
	}
	// Vietnamese order of titles: "Chi bộ thôn Cũ" < "Chi bộ thôn Đường Mới" < "Đảng ủy xã Đạ Ròn" < … < "Huyện ủy".
	if want := []string{"thon-ended", "thon-cu", "xa-da-ron", "xa-pro", "xa-quang-lap", "huyen-uy"}; !slices.Equal(ended, want) {
		t.Errorf("the organisations ended are %q, want %q", ended, want)
	}

	r, err := NewRenderer(Options{URLs: urls, Layouts: os.DirFS("../../layouts")})
	if err != nil {
		t.Fatal(err)
	}
	out := &memFiles{files: map[string][]byte{}}
	if err := r.Render(site, out); err != nil {
		t.Fatal(err)
	}
	page := string(out.files["to-chuc/index.html"])
	tree, apart, ok := strings.Cut(page, "Tổ chức đã giải thể, sáp nhập")
	if !ok {
		t.Fatalf("the index has no list of organisations ended:\n%s", page)
	}
	for _, gone := range []string{`href="/to-chuc/xa-da-ron/"`, `href="/to-chuc/huyen-uy/"`, `href="/to-chuc/thon-ended/"`} {
		if strings.Contains(tree, gone) {
			t.Errorf("the tree in place links to %s", gone)
		}
	}
	for _, want := range []string{
		`<a href="/to-chuc/huyen-uy/">Huyện ủy Đơn Dương</a>`,
		`Đã giải thể 01/12/2024`,
		`→ kế thừa: <a href="/to-chuc/xa-quang-lap/">Đảng ủy xã Quảng Lập</a>`,
		`→ kế thừa: <a href="/to-chuc/thon-moi/">Chi bộ thôn Đường Mới</a> <span class="muted">(Đảng ủy xã Đơn Dương)</span>`,
	} {
		if !strings.Contains(apart, want) {
			t.Errorf("the list of organisations ended lacks %s", want)
		}
	}
	if !strings.Contains(tree, `Cấp trên <a href="/to-chuc/xa-quang-lap/">Đảng ủy xã Quảng Lập</a> đã giải thể`) {
		t.Error("the tree does not mark the organisation under an ended committee")
	}
}
