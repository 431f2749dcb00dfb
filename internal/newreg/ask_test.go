package newreg

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// asker answers with the given lines and records what was shown.
func asker(lines ...string) (*Asker, *strings.Builder) {
	var out strings.Builder
	return NewAsker(strings.NewReader(strings.Join(lines, "\n")+"\n"), &out), &out
}

func wantShown(t *testing.T, out *strings.Builder, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Errorf("not shown: %q\nin:\n%s", w, out)
		}
	}
}

func TestAskCampaign(t *testing.T) {
	site := loadSite(t, testSite)
	for _, c := range []struct {
		answers []string
		want    int
		shown   []string
	}{
		{[]string{""}, 2025, []string{"Đợt đăng ký:\n  1. 2025 — Đăng ký 2025 (Công văn số 1187-CV/HU, hạn 10/01/2025)\n  2. 2024 — ", "[nhấn Enter để chọn 2025]"}},
		{[]string{"2"}, 2024, nil},
		{[]string{"2024"}, 2024, nil},
		{[]string{"0", "3", "2023", "hai", " 2 "}, 2024, []string{
			"Số 0 không có trong danh sách: hãy chọn từ 1 đến 2.",
			"Số 3 không có trong danh sách",
			"Số 2023 không có trong danh sách: hãy chọn từ 1 đến 2.",
			`Đợt đăng ký "hai" không tồn tại: các đợt hiện có là 2025, 2024.`,
		}},
	} {
		a, out := asker(c.answers...)
		got, err := a.Campaign(site)
		if err != nil || got.Year != c.want {
			t.Errorf("answers %q: %v, %v; want %d\n%s", c.answers, got, err, c.want, out)
			continue
		}
		wantShown(t, out, c.shown...)
	}
}

func TestAskOrganisation(t *testing.T) {
	site := loadSite(t, testSite)
	c2024, c2025 := site.CampaignByYear[2024], site.CampaignByYear[2025]

	a, out := asker("", "4", "xa-ka-d", "xa-cu", "ka do", "KA ĐÔ MỚI")
	got, err := a.Organisation(site, c2025)
	if err != nil || got.ID != "chi-bo" {
		t.Fatalf("got %v, %v\n%s", got, err, out)
	}
	wantShown(t, out,
		"Tổ chức đăng ký (bản đăng ký cá nhân: chi bộ nơi đảng viên sinh hoạt):\n"+
			"  1. Huyện ủy Đơn Dương — Cấp ủy (huyen-uy)\n"+
			"  2.   Đảng ủy xã Ka Đô — Đảng ủy cơ sở (xa-ka-do)\n"+
			"  3.     Chi bộ thôn Ka Đô Mới — Chi bộ trực thuộc (chi-bo)\n"+
			"Gõ số thứ tự, mã hoặc một phần tên tổ chức: ",
		"Chưa chọn: hãy gõ một số thứ tự trong danh sách rồi nhấn Enter.",
		"Số 4 không có trong danh sách: hãy chọn từ 1 đến 3.",
		`Tổ chức "xa-ka-d" không tồn tại — có phải "xa-ka-do"?`+"\n",
		`Tổ chức "xa-cu" (Đảng ủy xã Cũ) đã giải thể ngày 30 tháng 06 năm 2024, trước đợt đăng ký 2025: hãy đăng ký dưới tên tổ chức kế thừa "xa-ka-do" (Đảng ủy xã Ka Đô).`,
		`Tìm thấy 2 mục có tên chứa "ka do": 2. Đảng ủy xã Ka Đô; 3. Chi bộ thôn Ka Đô Mới — hãy gõ số thứ tự của mục cần chọn.`,
		"→ Chi bộ thôn Ka Đô Mới (chi-bo)",
	)
	if strings.Contains(out.String(), "(xa-cu)\n") {
		t.Errorf("xa-cu, dissolved before the 2025 call, is offered:\n%s", out)
	}

	// Before its dissolution xa-cu is listed, and may be picked by number.
	a, out = asker("2")
	if got, err := a.Organisation(site, c2024); err != nil || got.ID != "xa-cu" {
		t.Errorf("2024, answer 2: %v, %v\n%s", got, err, out)
	}
}

func TestAskField(t *testing.T) {
	site := loadSite(t, testSite)
	a, out := asker("3", "van hoa", "kinh-t", "kinh-te")
	got, err := a.Field(site)
	if err != nil || got.ID != "kinh-te" {
		t.Fatalf("got %v, %v\n%s", got, err, out)
	}
	wantShown(t, out,
		"Lĩnh vực:\n  1. Xây dựng Đảng (xay-dung-dang)\n  2. Kinh tế (kinh-te)\n",
		"Số 3 không có trong danh sách: hãy chọn từ 1 đến 2.",
		`Lĩnh vực "van hoa" không tồn tại: các lĩnh vực hiện có là xay-dung-dang, kinh-te.`,
		`Lĩnh vực "kinh-t" không tồn tại — có phải "kinh-te"?`,
	)
	a, _ = asker("xây dựng")
	if got, err := a.Field(site); err != nil || got.ID != "xay-dung-dang" {
		t.Errorf("by name: %v, %v", got, err)
	}
}

func TestAskTitle(t *testing.T) {
	a, out := asker("", "   ", "!!!", "Hũ gạo", "  Hu\u0303 gạo   thiện tâm ")
	got, err := a.Title(func(title string) error {
		if title == "Hũ gạo" {
			return fmt.Errorf("tệp hu-gao.md đã có, không ghi đè")
		}
		return nil
	})
	if err != nil || got != "Hũ gạo thiện tâm" {
		t.Fatalf("got %q, %v\n%s", got, err, out)
	}
	wantShown(t, out,
		"Tên mô hình: Tên mô hình không được để trống: hãy gõ tên rồi nhấn Enter.\nTên mô hình: Tên mô hình không được để trống",
		"Tên mô hình phải có ít nhất một chữ cái tiếng Việt hoặc chữ số để đặt tên tệp: hãy gõ tên rồi nhấn Enter.",
		"Tệp hu-gao.md đã có, không ghi đè.",
	)
}

func TestAskMember(t *testing.T) {
	a, out := asker("Lê \x1bVăn Tùng", "  Lê  Văn Tùng ", "")
	if got, err := a.Member(); err != nil || got != "Lê Văn Tùng" {
		t.Errorf("individual: %q, %v", got, err)
	}
	wantShown(t, out, "Họ tên đảng viên có ký tự U+001B, là ký tự vô hình, không phải chữ, mà tệp đăng ký không được chứa: hãy gõ lại rồi nhấn Enter.")
	if got, err := a.Member(); err != nil || got != "" {
		t.Errorf("collective: %q, %v", got, err)
	}
}

// When the input ends, every question returns ErrNoAnswer rather than
// asking forever; a last line without its newline still counts.
func TestAskEndOfInput(t *testing.T) {
	site := loadSite(t, testSite)
	a := NewAsker(strings.NewReader("9\n"), &strings.Builder{})
	if _, err := a.Field(site); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("Field: %v", err)
	}
	a = NewAsker(strings.NewReader(""), &strings.Builder{})
	if _, err := a.Title(func(string) error { return nil }); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("Title: %v", err)
	}
	a = NewAsker(strings.NewReader("Chi bộ số"), &strings.Builder{})
	if got, err := a.Title(func(string) error { return nil }); err != nil || got != "Chi bộ số" {
		t.Errorf("a last line without newline: %q, %v", got, err)
	}
	a = NewAsker(strings.NewReader("2\r\n"), &strings.Builder{})
	if got, err := a.Campaign(site); err != nil || got.Year != 2024 {
		t.Errorf("a CRLF line: %v, %v", got, err)
	}
}

func TestAskTheOnlyCampaign(t *testing.T) {
	files := maps(testSite)
	delete(files, "content/campaigns/2024.md")
	delete(files, "content/registrations/2024/xa-ka-do/hu-gao.md")
	site := loadSite(t, files)
	a, out := asker()
	if got, err := a.Campaign(site); err != nil || got.Year != 2025 {
		t.Errorf("got %v, %v", got, err)
	}
	if got := out.String(); got != "Đợt đăng ký: 2025 — Đăng ký 2025 (Công văn số 1187-CV/HU, hạn 10/01/2025)\n" {
		t.Errorf("shown %q", got)
	}
}
