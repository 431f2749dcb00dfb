package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"
)

// base is a valid site; tests add or replace one registration.
func baseSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"content/_index.md":                 file("---\ntitle: Thử\n---\n"),
		"content/campaigns/2024.md":         file("---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 1-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\n---\n"),
		"content/fields/kinh-te.md":         file("---\ntitle: Kinh tế\n---\n"),
		"content/organisations/huyen-uy.md": file("---\ntitle: Huyện ủy\nkind: cap-uy\n---\n"),
	}
}

const regPath = "content/registrations/2024/huyen-uy/mo-hinh.md"

func loadOne(t *testing.T, text string) (*Site, []string) {
	t.Helper()
	fsys := baseSite()
	fsys[regPath] = &fstest.MapFile{Data: []byte(text)}
	site, diags := Load(fsys)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return site, out
}

const goodFront = "title: Mô hình\norganisation: huyen-uy\ncampaign: 2024\nfield: kinh-te\nnovelty: Lần đầu áp dụng cách làm này.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\n"

func TestFrontMatterVariants(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // a diagnostic that must appear; "" for none at all
	}{
		{"plain", "---\n" + goodFront + "---\nThân bài.\n", ""},
		{"bom", "\uFEFF---\n" + goodFront + "---\n", ""},
		{"crlf", strings.ReplaceAll("---\n"+goodFront+"---\nThân\n", "\n", "\r\n"), ""},
		{"blank lines before", "\n\n---\n" + goodFront + "---\n", ""},
		{"empty file", "", regPath + ":1:1: tệp không có phần đầu (front matter)"},
		{"no front matter", "# Tiêu đề\n", regPath + ":1:1: tệp không có phần đầu"},
		{"unclosed", "---\n" + goodFront, regPath + ":1:1: phần đầu tệp mở bằng \"---\" nhưng không có dòng \"---\" để đóng"},
		{"toml", "+++\ntitle = \"x\"\n+++\n", regPath + ":1:1: phần đầu tệp viết theo kiểu TOML"},
		{"json", "{\"title\": \"x\"}\n\n", regPath + ":1:1: phần đầu tệp viết theo kiểu JSON"},
		{"nul", "---\n" + goodFront + "---\na\x00b\n", regPath + ":9:2: tệp không phải văn bản thuần (có ký tự NUL"},
		{"invalid utf-8", "---\n" + goodFront + "---\nxin ch\xe0o\n", regPath + ":9:7: tệp không được lưu với bảng mã UTF-8"},
		{"duplicate key", "---\n" + goodFront + "title: Lần hai\n---\n", regPath + ":8:1: khóa \"title\" xuất hiện hai lần"},
		{"alias", "---\n" + strings.Replace(goodFront, "novelty: Lần đầu áp dụng cách làm này.", "novelty: &a Mới.", 1) + "---\n", regPath + ":6:10: giá trị của \"novelty\" bắt đầu bằng dấu & hoặc *"},
		{"not a mapping", "---\n- a\n- b\n---\n", regPath + ":2:1: phần đầu tệp phải gồm các dòng \"khóa: giá trị\""},
		{"tab", "---\n" + goodFront + "member:\t@x\n---\n", regPath + ":8:"},
		{"number as date", "---\n" + goodFront + "date: 20240108\n---\n", regPath + ":8:7: ngày \"20240108\" chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi 2024-01-08"},
		{"list as text", "---\n" + strings.Replace(goodFront, "title: Mô hình", "title: [a, b]", 1) + "---\n", regPath + ":2:8: \"title\" phải là một giá trị"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := loadOne(t, tt.text)
			if tt.want == "" {
				if len(diags) > 0 {
					t.Errorf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
				}
				return
			}
			for _, d := range diags {
				if strings.HasPrefix(d, tt.want) {
					return
				}
			}
			t.Errorf("want a diagnostic starting %q, got:\n%s", tt.want, strings.Join(diags, "\n"))
		})
	}
}

// YAML 1.2: an unquoted "no" is the text "no", not false.
func TestYAML12KeepsNoAsText(t *testing.T) {
	site, diags := loadOne(t, "---\n"+strings.Replace(goodFront, "title: Mô hình", "title: no", 1)+"member: yes\n---\n")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	r := site.Registrations[0]
	if r.Title != "no" || r.Member != "yes" {
		t.Errorf("title %q member %q, want \"no\" and \"yes\"", r.Title, r.Member)
	}
}

// Text typed on a keyboard that produces decomposed characters is stored
// NFC, in front matter and body alike.
func TestTextIsNormalisedToNFC(t *testing.T) {
	nfd := norm.NFD.String("Đảng viên đỡ đầu hộ dân")
	site, diags := loadOne(t, "---\n"+strings.Replace(goodFront, "title: Mô hình", "title: "+nfd, 1)+"---\n"+nfd+"\n")
	if len(diags) != 1 || !strings.Contains(diags[0], ":2:9: cảnh báo: văn bản chưa ở dạng Unicode dựng sẵn (NFC)") {
		t.Fatalf("want one warning at the title, got %q", diags)
	}
	r := site.Registrations[0]
	if want := "Đảng viên đỡ đầu hộ dân"; r.Title != want || !strings.Contains(string(r.Body.Text), want) {
		t.Errorf("not NFC: title %q body %q", r.Title, r.Body.Text)
	}
}

func TestBodyLineAndPositions(t *testing.T) {
	site, diags := loadOne(t, "---\n"+goodFront+"---\nDòng thân bài.\n")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	r := site.Registrations[0]
	if r.Body.Line != 9 {
		t.Errorf("body starts on line %d, want 9", r.Body.Line)
	}
	if line, col := r.At("field"); line != 5 || col != 8 {
		t.Errorf("field at %d:%d, want 5:8", line, col)
	}
	if r.Status != Registered || r.Timeliness() != TimeUnknown || r.Individual() {
		t.Errorf("defaults: status %q timeliness %v individual %v", r.Status, r.Timeliness(), r.Individual())
	}
}

func TestSymlinkAndMisplacedFiles(t *testing.T) {
	fsys := baseSite()
	fsys["content/registrations/2024/huyen-uy/lien-ket.md"] = &fstest.MapFile{Mode: fs.ModeSymlink | 0o777}
	fsys["content/registrations/2024/lac.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	fsys["content/registrations/2024/huyen-uy/.mo-hinh.md.swp"] = &fstest.MapFile{Data: []byte{0}}
	_, diags := Load(fsys)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		"content/registrations/2024/huyen-uy/lien-ket.md: liên kết tượng trưng (symlink) không được phép",
		"content/registrations/2024/lac.md: tệp nằm sai chỗ",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, ".swp") {
		t.Errorf("an editor's swap file was reported:\n%s", joined)
	}
}
