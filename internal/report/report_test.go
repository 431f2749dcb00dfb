package report

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// site builds a linked site from front matter, path → "key: value" lines.
func site(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, fm := range files {
		fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")}
	}
	s, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags)
	}
	return s
}

func reg(org, title, field, date, extra string) string {
	fm := fmt.Sprintf("title: %s\norganisation: %s\ncampaign: 2024\nfield: %s\nnovelty: Mới.\nexpected_results: Tốt.", title, org, field)
	if date != "" {
		fm += "\ndate: " + date
	}
	if extra != "" {
		fm += "\n" + extra
	}
	return fm
}

func org(title, kind, parent, extra string) string {
	fm := "title: " + title + "\nkind: " + kind
	if parent != "" {
		fm += "\nparent: " + parent
	}
	if extra != "" {
		fm += "\n" + extra
	}
	return fm
}

// district is a district with every case of the compliance report.
func district(campaignExtra string) map[string]string {
	return map[string]string{
		"content/_index.md":         "title: Thử",
		"content/campaigns/2024.md": "title: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy" + campaignExtra,
		"content/fields/kinh-te.md": "title: Kinh tế\norder: 2",
		"content/fields/dan-van.md": "title: Dân vận\norder: 1",

		"content/organisations/huyen-uy.md":     org("Huyện ủy", "cap-uy", "", ""),
		"content/organisations/ban-to-chuc.md":  org("Ban Tổ chức Huyện ủy", "co-quan-tham-muu", "huyen-uy", ""),
		"content/organisations/van-phong.md":    org("Văn phòng Huyện ủy", "co-quan-tham-muu", "huyen-uy", ""),
		"content/organisations/xa-ka-do.md":     org("Đảng ủy xã Ka Đô", "dang-uy-co-so", "huyen-uy", ""),
		"content/organisations/thon-a.md":       org("Chi bộ thôn A", "chi-bo-truc-thuoc", "xa-ka-do", ""),
		"content/organisations/xa-pro.md":       org("Đảng ủy xã Pró", "dang-uy-co-so", "huyen-uy", ""),
		"content/organisations/truong-thpt.md":  org("Chi bộ Trường THPT", "chi-bo-co-so", "huyen-uy", ""),
		"content/organisations/xa-cu.md":        org("Đảng ủy xã Cũ", "dang-uy-co-so", "huyen-uy", "dissolved: 2023-06-30\nsuccessor: xa-ka-do"),
		"content/organisations/xa-sap-nhap.md":  org("Đảng ủy xã Sáp Nhập", "dang-uy-co-so", "huyen-uy", "dissolved: 2024-07-01"),
		"content/organisations/xa-dung-ngay.md": org("Đảng ủy xã Đúng Ngày", "dang-uy-co-so", "huyen-uy", "dissolved: 2023-12-21"),

		// On time, with a second, late registration of a member.
		"content/registrations/2024/xa-ka-do/mot.md": reg("xa-ka-do", "Chi bộ số", "kinh-te", "2024-01-08", "status: approved"),
		"content/registrations/2024/xa-ka-do/hai.md": reg("xa-ka-do", "Đảng viên đỡ đầu", "dan-van", "2024-01-15", "member: Nguyễn Văn An"),
		// Late by 5 days, through its branch only.
		"content/registrations/2024/thon-a/ba.md": reg("thon-a", "Hũ gạo thiện tâm", "dan-van", "2024-01-15", ""),
		// Registered, without a date.
		"content/registrations/2024/truong-thpt/bon.md": reg("truong-thpt", "Mỗi tháng một gương", "kinh-te", "", ""),
		// Dissolved after the call: still expected, and on time.
		"content/registrations/2024/xa-sap-nhap/nam.md": reg("xa-sap-nhap", "Rau an toàn", "kinh-te", "2024-01-10", "status: completed"),
		// The committee itself: counted in the summary, answers for nobody.
		"content/registrations/2024/huyen-uy/sau.md": reg("huyen-uy", "Sổ tay điện tử", "kinh-te", "2024-01-02", ""),
	}
}

func TestCompliance(t *testing.T) {
	s := site(t, district(""))
	cp := NewCompliance(s, s.CampaignByYear[2024])

	var got []string
	for _, e := range cp.Entries {
		got = append(got, fmt.Sprintf("%s %s %d %d %s", e.Organisation.ID, e.State.Key(), e.DaysLate, len(e.Registrations), e.First))
	}
	want := []string{
		// Advisory bodies, then base committees, then base branches;
		// Vietnamese order within a kind ("Đ" after "D", Pró after Ka Đô).
		"ban-to-chuc missing 0 0 ",
		"van-phong missing 0 0 ",
		"xa-ka-do ontime 0 3 2024-01-08", // its own two and its branch's
		"xa-pro missing 0 0 ",
		"xa-sap-nhap ontime 0 1 2024-01-10",
		"truong-thpt undated 0 1 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var excluded []string
	for _, o := range cp.Excluded {
		excluded = append(excluded, o.ID)
	}
	// Dissolved before the call, or on its very day: not expected.
	if strings.Join(excluded, " ") != "xa-cu xa-dung-ngay" {
		t.Errorf("excluded = %v, want xa-cu xa-dung-ngay", excluded)
	}
	if cp.OnTime != 2 || cp.Late != 0 || cp.Undated != 1 || cp.Missing != 3 || cp.Registered() != 3 {
		t.Errorf("counts: on time %d, late %d, undated %d, missing %d", cp.OnTime, cp.Late, cp.Undated, cp.Missing)
	}
}

// A base organisation whose only registration is its branch's, late, is
// late by that registration's delay.
func TestComplianceLateThroughBranch(t *testing.T) {
	files := district("")
	delete(files, "content/registrations/2024/xa-ka-do/mot.md")
	delete(files, "content/registrations/2024/xa-ka-do/hai.md")
	files["content/registrations/2024/thon-a/ba.md"] = reg("thon-a", "Hũ gạo thiện tâm", "dan-van", "2024-01-15", "")
	s := site(t, files)
	cp := NewCompliance(s, s.CampaignByYear[2024])
	for _, e := range cp.Entries {
		if e.Organisation.ID == "xa-ka-do" {
			if e.State != Late || e.DaysLate != 5 || e.First.String() != "2024-01-15" || e.State.Label() != "Nộp muộn" {
				t.Errorf("xa-ka-do: %v, %d days, first %s", e.State.Label(), e.DaysLate, e.First)
			}
			return
		}
	}
	t.Fatal("xa-ka-do is not expected")
}

// "expected" on the call replaces the default kinds.
func TestComplianceConfiguredOnTheCall(t *testing.T) {
	s := site(t, district("\nexpected: [chi-bo-co-so, chi-bo-truc-thuoc]"))
	cp := NewCompliance(s, s.CampaignByYear[2024])
	var got []string
	for _, e := range cp.Entries {
		got = append(got, e.Organisation.ID+" "+e.State.Key())
	}
	if want := "truong-thpt undated|thon-a late"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestSummaryCounts(t *testing.T) {
	s := site(t, district(""))
	sum := New(s, s.CampaignByYear[2024])
	if len(sum.Rows) != 6 || sum.Rows[0].N != 1 || sum.Rows[5].N != 6 {
		t.Fatalf("rows: %d", len(sum.Rows))
	}
	var groups []string
	for _, g := range sum.Groups {
		groups = append(groups, fmt.Sprintf("%s:%d", g.Organisation.ID, len(g.Rows)))
	}
	// The call's order: organisations in Vietnamese order of their titles.
	if want := "thon-a:1 truong-thpt:1 xa-ka-do:2 xa-sap-nhap:1 huyen-uy:1"; strings.Join(groups, " ") != want {
		t.Errorf("groups %q, want %q", strings.Join(groups, " "), want)
	}
	tally := func(ts []Tally) string {
		var out []string
		for _, t := range ts {
			out = append(out, fmt.Sprintf("%s=%d", t.Key, t.N))
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		name string
		got  []Tally
		want string
	}{
		{"field", sum.ByField, "dan-van=2 kinh-te=4"},
		{"kind", sum.ByKind, "cap-uy=1 co-quan-tham-muu=0 dang-uy-co-so=3 chi-bo-co-so=1 chi-bo-truc-thuoc=1"},
		{"form", sum.ByForm, "tap-the=5 ca-nhan=1"},
		{"status", sum.ByStatus, "registered=4 approved=1 rejected=0 implementing=0 completed=1 recognised=0 not-recognised=0"},
	} {
		if got := tally(tt.got); got != tt.want {
			t.Errorf("by %s: %s, want %s", tt.name, got, tt.want)
		}
	}
	if tot := sum.Total; tot.N != 6 || tot.OnTime != 3 || tot.Late != 2 || tot.Undated != 1 || tot.Collective != 5 || tot.Individual != 1 {
		t.Errorf("total %+v", tot)
	}
	if f := sum.ByField[0]; f.Label != "Dân vận" || f.Late != 2 || f.Individual != 1 {
		t.Errorf("by field[0] %+v", f)
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("Chi bộ sinh hoạt   đúng kỳ, ", 20)
	got := Shorten(long, 50)
	if n := utf8.RuneCountInString(got); n > 50 || !strings.HasSuffix(got, "…") {
		t.Errorf("Shorten = %q (%d runes)", got, n)
	}
	if strings.Contains(got, "  ") || strings.Contains(got, ",…") || strings.Contains(got, " …") {
		t.Errorf("Shorten = %q: double space or punctuation before the ellipsis", got)
	}
	if !strings.HasPrefix(long, strings.TrimSuffix(got, "…")[:20]) {
		t.Errorf("Shorten = %q does not start the text", got)
	}
	if got := Shorten("Ngắn\ngọn.", 50); got != "Ngắn gọn." {
		t.Errorf("Shorten(short) = %q", got)
	}
	if got := Shorten(strings.Repeat("đ", 100), 10); got != strings.Repeat("đ", 9)+"…" {
		t.Errorf("Shorten(no space) = %q", got)
	}
}

// collapseSpace must be strings.Fields joined by one space, whether it
// copies or not.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "Đảng bộ\u00a0xã", "a\u3000b", "  ", "mô hình mới"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
