package render

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// A level's report follows a change as the call's does: RenderAffected
// leaves the report to RenderFiles, but renders the organisation's page
// that comes to link to it, and says a report that no longer has a level
// is gone, its files with it, as a registration withdrawn and its Word
// file are.
func TestLevelReportsFollowAChange(t *testing.T) {
	urls, err := NewURLs("/")
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Options{URLs: urls, Layouts: os.DirFS("../../layouts")})
	if err != nil {
		t.Fatal(err)
	}
	const (
		branch = "content/organisations/thon-a.md"
		member = "content/registrations/2024/thon-a/cua-dang-vien.md"
	)
	before := reportSite(t, map[string]string{branch: "title: Chi bộ thôn A\nkind: chi-bo-truc-thuoc\nparent: xa-pro"})
	all := &memFiles{files: map[string][]byte{}}
	if err := r.Render(before, all); err != nil {
		t.Fatal(err)
	}
	if _, ok := all.files["to-chuc/xa-pro/bao-cao/2024/index.html"]; ok {
		t.Fatal("Đảng ủy xã Pró compiles a report while nobody under it registers")
	}

	// A member of Chi bộ thôn A registers: the chi bộ and the đảng ủy
	// above it compile.
	after := reportSite(t, map[string]string{
		branch: "title: Chi bộ thôn A\nkind: chi-bo-truc-thuoc\nparent: xa-pro",
		member: "title: Mô hình của đảng viên\norganisation: thon-a\nmember: Lê Văn Cường\ncampaign: 2024\nfield: kinh-te\ndate: 2024-01-08\nnovelty: Mới.\nexpected_results: Tốt.",
	})
	changed := &memFiles{files: map[string][]byte{}}
	if _, _, err := r.RenderAffected(before, after, []string{member}, changed); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"xa-pro", "thon-a"} {
		page := string(changed.files["to-chuc/"+id+"/index.html"])
		if !strings.Contains(page, `<a href="/to-chuc/`+id+`/bao-cao/2024/">Báo cáo tổng hợp năm 2024</a>`) {
			t.Errorf("the page of %s does not link to its new report", id)
		}
		if _, ok := changed.files["to-chuc/"+id+"/bao-cao/2024/index.html"]; ok {
			t.Errorf("RenderAffected wrote the report of %s, which serve writes when the reviewer pauses", id)
		}
	}
	if err := r.RenderFiles(after, changed); err != nil {
		t.Fatal(err)
	}
	files := []string{
		"to-chuc/xa-pro/bao-cao/2024/index.html", "to-chuc/xa-pro/bao-cao/2024/bao-cao-xa-pro-2024.xlsx", "to-chuc/xa-pro/bao-cao/2024/dang-ky-xa-pro-2024.csv",
		"to-chuc/thon-a/bao-cao/2024/index.html", "to-chuc/thon-a/bao-cao/2024/bao-cao-thon-a-2024.xlsx", "to-chuc/thon-a/bao-cao/2024/dang-ky-thon-a-2024.csv",
		"to-chuc/xa-pro/bao-cao/2024/bao-cao-xa-pro-2024.docx", "to-chuc/thon-a/bao-cao/2024/bao-cao-thon-a-2024.docx",
	}
	for _, f := range files {
		if _, ok := changed.files[f]; !ok {
			t.Errorf("RenderFiles did not write %s", f)
		}
	}
	if !strings.Contains(string(changed.files["to-chuc/xa-pro/bao-cao/2024/index.html"]), "Mô hình của đảng viên") {
		t.Error("the report of Đảng ủy xã Pró does not list its chi bộ's member's model")
	}

	// The member withdraws: both reports go, and the pages stop linking.
	final := &memFiles{files: map[string][]byte{}}
	_, gone, err := r.RenderAffected(after, before, []string{member}, final)
	if err != nil {
		t.Fatal(err)
	}
	// The member's own page and Word file go with it.
	files = append(files, "mo-hinh/2024/thon-a/cua-dang-vien/index.html", "mo-hinh/2024/thon-a/cua-dang-vien/cua-dang-vien.docx")
	for _, f := range files {
		if !slices.Contains(gone, f) {
			t.Errorf("%s is not said to be gone: %v", f, gone)
		}
	}
	if strings.Contains(string(final.files["to-chuc/xa-pro/index.html"]), "Báo cáo tổng hợp năm 2024") {
		t.Error("the page of Đảng ủy xã Pró still links to a report that is gone")
	}
}
