package render

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
)

type memFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memFiles) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

func reportSite(t *testing.T, extra map[string]string) *content.Site {
	t.Helper()
	files := map[string]string{
		"content/_index.md":                          "title: Thử",
		"content/campaigns/2024.md":                  "title: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy",
		"content/fields/kinh-te.md":                  "title: Kinh tế",
		"content/organisations/huyen-uy.md":          "title: Huyện ủy\nkind: cap-uy",
		"content/organisations/xa-ka-do.md":          "title: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy",
		"content/organisations/xa-pro.md":            "title: Đảng ủy xã Pró\nkind: dang-uy-co-so\nparent: huyen-uy",
		"content/registrations/2024/xa-ka-do/mot.md": "title: Mô hình một\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\ndate: 2024-01-08\nnovelty: Mới.\nexpected_results: Tốt.",
	}
	for p, fm := range extra {
		files[p] = fm
	}
	fsys := fstest.MapFS{}
	for p, fm := range files {
		fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")}
	}
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return site
}

// The reports and files are written through the Writer with every page,
// and a change to a registration writes them again, as serve needs.
func TestReportsFollowAChange(t *testing.T) {
	urls, err := NewURLs("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Options{URLs: urls, Layouts: os.DirFS("../../layouts")})
	if err != nil {
		t.Fatal(err)
	}
	before := reportSite(t, nil)
	all := &memFiles{files: map[string][]byte{}}
	if err := r.Render(before, all); err != nil {
		t.Fatal(err)
	}
	files := []string{
		"dot-dang-ky/2024/bao-cao/index.html", "dot-dang-ky/2024/tinh-hinh-dang-ky/index.html",
		"dot-dang-ky/2024/bao-cao-2024.xlsx", "dot-dang-ky/2024/dang-ky-2024.csv", "dot-dang-ky/2024/tinh-hinh-dang-ky-2024.csv",
		"dot-dang-ky/2024/registrations.json", "registrations.json", "feed.xml", "sitemap.xml",
	}
	for _, f := range files {
		if _, ok := all.files[f]; !ok {
			t.Errorf("Render did not write %s", f)
		}
	}
	if !bytes.HasPrefix(all.files["dot-dang-ky/2024/bao-cao-2024.xlsx"], []byte("PK\x03\x04")) {
		t.Error("the spreadsheet is not written as it is")
	}
	if !strings.Contains(string(all.files["dot-dang-ky/2024/tinh-hinh-dang-ky/index.html"]), `<span class="badge missing">Chưa đăng ký</span>`) {
		t.Error("Đảng ủy xã Pró is not missing before the change")
	}

	// Đảng ủy xã Pró registers, late.
	const added = "content/registrations/2024/xa-pro/hai.md"
	after := reportSite(t, map[string]string{added: "title: Mô hình hai\norganisation: xa-pro\ncampaign: 2024\nfield: kinh-te\ndate: 2024-01-12\nnovelty: Mới.\nexpected_results: Tốt."})
	changed := &memFiles{files: map[string][]byte{}}
	if _, _, err := r.RenderAffected(before, after, []string{added}, changed); err != nil {
		t.Fatal(err)
	}
	// The Board's reports and exports are not what a reviewer waits for:
	// RenderAffected leaves them to RenderFiles, which serve runs when the
	// reviewer pauses.
	for _, f := range files {
		if _, ok := changed.files[f]; ok {
			t.Errorf("RenderAffected wrote %s, which serve writes when the reviewer pauses", f)
		}
	}
	if err := r.RenderFiles(after, changed); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := changed.files[f]; !ok {
			t.Errorf("RenderAffected and RenderFiles did not write %s again", f)
		}
	}
	if page := string(changed.files["dot-dang-ky/2024/tinh-hinh-dang-ky/index.html"]); !strings.Contains(page, `<span class="badge late">Nộp muộn 2 ngày</span>`) || strings.Contains(page, "badge missing") {
		t.Error("the compliance page does not show the new, late registration")
	}
	for _, f := range []string{"feed.xml", "sitemap.xml", "registrations.json", "dot-dang-ky/2024/dang-ky-2024.csv"} {
		if !strings.Contains(string(changed.files[f]), "https://example.org/mo-hinh/2024/xa-pro/hai/") {
			t.Errorf("%s does not list the new registration at its absolute address", f)
		}
	}
	if _, ok := changed.files["dot-dang-ky/2025/bao-cao/index.html"]; ok {
		t.Error("a call that did not change was written")
	}
}

func TestExportLinks(t *testing.T) {
	reg := &content.Registration{Slug: "mot", OrganisationID: "xa-ka-do", CampaignYear: 2024}
	for base, want := range map[string]string{
		"https://example.org/mohinh/": "https://example.org/mohinh/mo-hinh/2024/xa-ka-do/mot/",
		"/":                           "/mo-hinh/2024/xa-ka-do/mot/",
		"/sub/":                       "/sub/mo-hinh/2024/xa-ka-do/mot/",
	} {
		urls, err := NewURLs(base)
		if err != nil {
			t.Fatal(err)
		}
		if got := ExportLinks(urls).Registration(reg); got != want {
			t.Errorf("%s: %q, want %q", base, got, want)
		}
	}
}
