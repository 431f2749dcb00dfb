package newreg

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"go.yaml.in/yaml/v3"
)

// testSite is a small site: two calls, a tree of three organisations and
// one dissolved in 2024, two fields, one registration.
var testSite = map[string]string{
	"content/_index.md":                 "---\ntitle: Thử\n---\n",
	"content/campaigns/2024.md":         "---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\n---\n",
	"content/campaigns/2025.md":         "---\ntitle: Đăng ký 2025\nyear: 2025\nnumber: 1187-CV/HU\nissued: 2024-12-20\ndeadline: 2025-01-10\nissuer: huyen-uy\n---\n",
	"content/fields/kinh-te.md":         "---\ntitle: Kinh tế\norder: 2\n---\n",
	"content/fields/xay-dung-dang.md":   "---\ntitle: Xây dựng Đảng\norder: 1\n---\n",
	"content/organisations/huyen-uy.md": "---\ntitle: Huyện ủy Đơn Dương\nkind: cap-uy\n---\n",
	"content/organisations/xa-ka-do.md": "---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy\n---\n",
	"content/organisations/chi-bo.md":   "---\ntitle: Chi bộ thôn Ka Đô Mới\nkind: chi-bo-truc-thuoc\nparent: xa-ka-do\n---\n",
	"content/organisations/xa-cu.md":    "---\ntitle: Đảng ủy xã Cũ\nkind: dang-uy-co-so\nparent: huyen-uy\ndissolved: 2024-06-30\nsuccessor: xa-ka-do\n---\n",
	"content/registrations/2024/xa-ka-do/hu-gao.md": "---\ntitle: Hũ gạo thiện tâm\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n" +
		"novelty: Lần đầu tiên mỗi chi bộ góp gạo.\nexpected_results: Mỗi tháng giúp mười hộ khó khăn.\n---\n",
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func loadSite(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	site, diags := content.Load(mapFS(files))
	if len(diags) > 0 {
		t.Fatalf("the test site has problems:\n%v", diags)
	}
	return site
}

// writeSite writes files under a new folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		file := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func draft(site *content.Site, year int, org, field, title, member string) Draft {
	return Draft{
		Campaign:     site.CampaignByYear[year],
		Organisation: site.OrganisationByID[org],
		Field:        site.FieldByID[field],
		Title:        CleanText(title),
		Member:       CleanText(member),
		Date:         site.CampaignByYear[year].Deadline, // on time
	}
}

func TestCheckTitle(t *testing.T) {
	if err := CheckTitle(CleanText(" \t\n ")); err == nil || !strings.Contains(err.Error(), "để trống") {
		t.Errorf("an empty title: %v", err)
	}
	if err := CheckTitle("中文"); err == nil || !strings.Contains(err.Error(), "chữ cái") {
		t.Errorf("a title without Latin letters: %v", err)
	}
	if got := CleanText("  Hũ  gạo\n\tthiện tâm "); got != "Hũ gạo thiện tâm" {
		t.Errorf("CleanText = %q", got)
	}
	if got := CleanText("Hu\u0303 ga\u0323o"); got != "Hũ gạo" {
		t.Errorf("CleanText does not give NFC: %q", got)
	}
	// What the loader refuses in a text (content.RefusedRune) is refused
	// here, before a file is written that check would refuse.
	for _, title := range []string{"Chi bộ \x1b[31msố", "Chi bộ\u0085số", "Chi bộ số\uFFFE", "Chi bộ \u009bsố"} {
		err := CheckTitle(CleanText(title))
		if title == "Chi bộ\u0085số" { // U+0085 is white space: CleanText makes it a space
			if err != nil {
				t.Errorf("%q: %v", title, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "vô hình") {
			t.Errorf("CheckTitle(%q) = %v", title, err)
		}
	}
}

// Create writes nothing the loader would refuse: not a member's name with
// a control character in it either.
func TestCreateRefusesWhatTheLoaderRefuses(t *testing.T) {
	dir := writeSite(t, testSite)
	site := loadSite(t, testSite)
	for _, d := range []Draft{
		draft(site, 2025, "xa-ka-do", "kinh-te", "Sổ tay \x07số", ""),
		draft(site, 2025, "xa-ka-do", "kinh-te", "Sổ tay số", "Lê \x1bVăn Tùng"),
		draft(site, 2025, "xa-ka-do", "kinh-te", "Sổ tay số", "Lê Văn Tùng\U0010FFFF"),
	} {
		file, err := Create(dir, d)
		if err == nil || !strings.Contains(err.Error(), "vô hình") {
			t.Errorf("title %q, member %q: %v", d.Title, d.Member, err)
		}
		if _, statErr := os.Stat(file); statErr == nil {
			t.Errorf("title %q, member %q: %s was written", d.Title, d.Member, file)
		}
	}
}

// registrationKeys are the contract's keys, in its order.
func registrationKeys() []string {
	var names []string
	for _, k := range content.RegistrationKeys() {
		names = append(names, k.Name)
	}
	return names
}

// The template has its own line, with a comment for the case at hand, for
// every key of the contract: a key added to content.RegistrationKeys and
// not here fails.
func TestTemplateKnowsEveryKey(t *testing.T) {
	site := loadSite(t, testSite)
	for _, member := range []string{"", "Lê Văn Tùng"} {
		d := draft(site, 2024, "xa-ka-do", "kinh-te", "Chi bộ số", member)
		for _, k := range content.RegistrationKeys() {
			if e, ok := d.entry(k.Name); !ok || e.comment == "" {
				t.Errorf("member %q: the template has no line for %q", member, k.Name)
			}
		}
	}
}

func TestFileHasEveryKeyInOrderWithAComment(t *testing.T) {
	site := loadSite(t, testSite)
	for _, member := range []string{"", "Lê Văn Tùng"} {
		data := draft(site, 2024, "xa-ka-do", "kinh-te", "Chi bộ số", member).File()
		front, body, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		if !ok {
			t.Fatalf("no closing ---:\n%s", data)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
			t.Fatal(err)
		}
		m := doc.Content[0]
		var keys []string
		for i := 0; i < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			keys = append(keys, k.Value)
			if !strings.HasPrefix(v.LineComment, "# ") || len(v.LineComment) < 10 {
				t.Errorf("member %q: %s has no comment saying what to write: %q", member, k.Value, v.LineComment)
			}
		}
		if want := registrationKeys(); !slices.Equal(keys, want) {
			t.Errorf("member %q: keys\n%v, want\n%v", member, keys, want)
		}
		for _, h := range []string{"## Nội dung mô hình", "## Cách thức triển khai", "## Lộ trình thực hiện"} {
			if !regexp.MustCompile(`(?m)^` + h + `$`).MatchString(body) {
				t.Errorf("the body lacks %q:\n%s", h, body)
			}
		}
	}
}

// fill writes the two required texts as the file's comment says: ">" in
// place of "", the comment kept, the text on the following lines.
func fill(data []byte) []byte {
	s := string(data)
	for _, key := range []string{"novelty", "expected_results"} {
		s = regexp.MustCompile(`(?m)^`+key+`: ""(.*)$`).ReplaceAllString(s, key+`: >$1
  Lần đầu tiên: "dòng một", #không phải ghi chú
  dòng hai.`)
	}
	return []byte(s)
}

// A new file loads with only the two texts missing, and filled in it loads
// without a problem, whatever its title and member.
func TestFileLoads(t *testing.T) {
	site := loadSite(t, testSite)
	titles := []string{
		"Chi bộ số — sổ tay đảng viên điện tử", "Thôn bình yên: camera an ninh", `Chi bộ "4 tốt"`,
		"'Dân vận khéo'", "no", "2024", "# Một", "Một #hai", "@ Zalo", "- gạch đầu", "`mã`", "50% hộ",
		"[Thí điểm] chợ", "{x}", "|x", ">x", "%x", "!x", "*x", "&x", "? x", "true", "null", "~ một",
		"Thị trấn D'Ran", "Ô\u00a0tô", "Một: hai: ba", "Kết thúc bằng dấu hai chấm:", "a\\b",
		strings.Repeat("Đảng viên đỡ đầu hộ đồng bào ", 8),
	}
	for _, title := range titles {
		for _, member := range []string{"", "Lê Văn Tùng", "K'Sor H'Bia: #1"} {
			d := draft(site, 2025, "chi-bo", "xay-dung-dang", title, member)
			files := maps(testSite)
			files[d.Path()] = string(d.File())

			_, diags := content.Load(mapFS(files))
			var codes []string
			for _, dg := range diags {
				codes = append(codes, dg.Code)
			}
			if !slices.Equal(codes, []string{"missing-value", "missing-value"}) {
				t.Errorf("title %q, member %q: unfilled, want two missing values, got:\n%v\n%s", title, member, diags, d.File())
				continue
			}

			files[d.Path()] = string(fill(d.File()))
			got, diags := content.Load(mapFS(files))
			if len(diags) > 0 {
				t.Errorf("title %q, member %q: filled in, it does not load:\n%v\n%s", title, member, diags, files[d.Path()])
				continue
			}
			r := got.RegistrationByPath[d.Path()]
			want := content.Registration{
				Title: d.Title, OrganisationID: "chi-bo", CampaignYear: 2025, FieldID: "xay-dung-dang",
				Member: d.Member, Signer: d.Member, Status: content.Registered,
				Novelty: `Lần đầu tiên: "dòng một", #không phải ghi chú dòng hai.`,
			}
			if d.Member != "" {
				want.SignerTitle = "Đảng viên"
			}
			if r.Title != want.Title || r.OrganisationID != want.OrganisationID || r.CampaignYear != want.CampaignYear ||
				r.FieldID != want.FieldID || r.Member != want.Member || r.Signer != want.Signer ||
				r.SignerTitle != want.SignerTitle || r.Status != want.Status || r.Novelty != want.Novelty ||
				r.Number != "" || r.Date.String() != "2025-01-10" {
				t.Errorf("title %q, member %q: read back as %+v", title, member, *r)
			}
		}
	}
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestOrganisations(t *testing.T) {
	site := loadSite(t, testSite)
	ids := func(orgs []*content.Organisation) []string {
		var out []string
		for _, o := range orgs {
			out = append(out, o.ID)
		}
		return out
	}
	// 2024 was called before xa-cu was dissolved, 2025 after.
	if got, want := ids(Organisations(site, site.CampaignByYear[2024])), []string{"huyen-uy", "xa-cu", "xa-ka-do", "chi-bo"}; !slices.Equal(got, want) {
		t.Errorf("2024: %v, want %v", got, want)
	}
	if got, want := ids(Organisations(site, site.CampaignByYear[2025])), []string{"huyen-uy", "xa-ka-do", "chi-bo"}; !slices.Equal(got, want) {
		t.Errorf("2025: %v, want %v", got, want)
	}
	err := CheckMayRegister(site.OrganisationByID["xa-cu"], site.CampaignByYear[2025])
	if err == nil || err.Error() != `tổ chức "xa-cu" (Đảng ủy xã Cũ) đã giải thể ngày 30 tháng 06 năm 2024, trước đợt đăng ký 2025: hãy đăng ký dưới tên tổ chức kế thừa "xa-ka-do" (Đảng ủy xã Ka Đô)` {
		t.Errorf("CheckMayRegister: %v", err)
	}
}

func TestFind(t *testing.T) {
	site := loadSite(t, testSite)
	for _, c := range []struct {
		find func() error
		want string
	}{
		{func() error { _, err := FindOrganisation(site, "xa-ka-d"); return err }, `tổ chức "xa-ka-d" không tồn tại — có phải "xa-ka-do"?`},
		{func() error { _, err := FindOrganisation(site, "xa-ka-do"); return err }, ``},
		{func() error { _, err := FindField(site, "kinhte"); return err }, `lĩnh vực "kinhte" không tồn tại — có phải "kinh-te"?`},
		{func() error { _, err := FindField(site, "van-hoa"); return err }, `lĩnh vực "van-hoa" không tồn tại: các lĩnh vực hiện có là xay-dung-dang, kinh-te`},
		{func() error { _, err := FindCampaign(site, "2023"); return err }, `đợt đăng ký "2023" không tồn tại: các đợt hiện có là 2025, 2024`},
		{func() error { _, err := FindCampaign(site, "2024"); return err }, ``},
	} {
		got := ""
		if err := c.find(); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestClashAndCreate(t *testing.T) {
	dir := writeSite(t, testSite)
	site := loadSite(t, testSite)

	// Same title as hu-gao.md, in another file name: the loader would refuse it.
	d := draft(site, 2024, "xa-ka-do", "kinh-te", "Hũ gạo thiện tâm", "")
	if err := Clash(dir, site, d); err == nil || !strings.Contains(err.Error(), "trùng với") {
		t.Errorf("a duplicate title: %v", err)
	}
	d = draft(site, 2025, "xa-ka-do", "kinh-te", "Hũ gạo thiện tâm", "")
	if err := Clash(dir, site, d); err != nil {
		t.Errorf("the same title in another call: %v", err)
	}
	file, err := Create(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "registrations", "2025", "xa-ka-do", "hu-gao-thien-tam.md"); file != want {
		t.Errorf("Create wrote %s, want %s", file, want)
	}
	if err := Clash(dir, site, d); !errors.Is(err, ErrExists) {
		t.Errorf("Clash after Create: %v", err)
	}
	if err := os.WriteFile(file, []byte("filled in"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(dir, d); !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "không ghi đè") {
		t.Errorf("Create over a file: %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "filled in" {
		t.Errorf("Create overwrote the file: %q", data)
	}
}

// A results report's template has a line, with a comment, for every key
// of a results report: a key added to content.ResultKeys fails here until
// the template writes it.
func TestResultTemplateKnowsEveryKey(t *testing.T) {
	site := loadSite(t, testSite)
	d := ResultDraft{Registration: site.Registrations[0], Date: site.Registrations[0].Date}
	for _, k := range content.ResultKeys() {
		if e, ok := d.entry(k); !ok || e.comment == "" {
			t.Errorf("the results template has no line for %q", k)
		}
	}
}
