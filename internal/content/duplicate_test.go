package content

import (
	"testing"
	"testing/fstest"
)

// A repeated title is reported on the newer file and only there: the one
// IsNew names when set, else the one signed later, whatever the paths.
func TestDuplicateTitleGoesToTheNewFile(t *testing.T) {
	reg := func(title, org, date string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\norganisation: " + org + "\ncampaign: 2024\nfield: kinh-te\ndate: " + date +
			"\nnovelty: Lần đầu áp dụng cách làm này ở xã.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\n---\n")}
	}
	const (
		published = "content/registrations/2024/huyen-uy/zalo.md"     // sorts last
		added     = "content/registrations/2024/huyen-uy/a-zalo.md"   // sorts first
		branch    = "content/registrations/2024/chi-bo/hu-gao.md"     // the chi bộ's, published
		committee = "content/registrations/2024/huyen-uy/hu-gao-2.md" // its committee's, added
	)
	site := func(addedDate string) fstest.MapFS {
		fsys := baseSite()
		fsys["content/organisations/chi-bo.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Chi bộ cơ quan\nkind: chi-bo-co-so\nparent: huyen-uy\n---\n")}
		fsys[published] = reg("Gửi tài liệu qua Zalo", "huyen-uy", "2024-01-05")
		fsys[added] = reg("Gửi tài liệu qua Zalo", "huyen-uy", addedDate)
		fsys[branch] = reg("Hũ gạo thiện tâm", "chi-bo", "2024-01-05")
		fsys[committee] = reg("Hũ gạo thiện tâm", "huyen-uy", addedDate)
		return fsys
	}
	isAdded := func(p string) bool { return p == added || p == committee }
	for _, c := range []struct {
		name      string
		addedDate string
		isNew     func(string) bool
		blamed    []string
	}{
		{"signed later", "2024-01-08", nil, []string{added, committee}},
		{"signed earlier", "2024-01-02", nil, []string{published, branch}},
		{"added by the branch, signed earlier", "2024-01-02", isAdded, []string{added, committee}},
	} {
		s, diags := LoadWith(site(c.addedDate), Options{IsNew: c.isNew})
		var got []string
		for _, d := range diags {
			if d.Code == "duplicate-title" || d.Code == "similar-title" {
				got = append(got, d.Path)
			}
		}
		if len(got) != 2 || got[0] != c.blamed[0] || got[1] != c.blamed[1] {
			t.Errorf("%s: problems on %q, want %q", c.name, got, c.blamed)
		}
		if _, kept := s.RegistrationByPath[c.blamed[0]]; kept {
			t.Errorf("%s: the repeated registration %s is kept in the site", c.name, c.blamed[0])
		}
	}
}
