package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/diag"
)

func TestPersonalData(t *testing.T) {
	tests := []struct {
		text string
		want []string // codes, in order
	}{
		{"Gọi 0912 345 678 nhé", []string{"personal-phone"}},
		{"Gọi 0912.345.678 hoặc 0263-3849-123", []string{"personal-phone", "personal-phone"}},
		{"Gọi +84 912 345 678", []string{"personal-phone"}},
		{"CCCD 068123456789.", []string{"personal-id"}},
		{"Thư an.nguyen@gmail.com hoặc AN@Yahoo.com.vn", []string{"personal-email", "personal-email"}},
		{"Thư công vụ vanphong@dondương.dcs.vn", nil},
		{"Ngày 2024-01-08, công văn 943-CV/HU, 100.000.000 đồng, 60 triệu", nil},
		{"Mã xa-ka-do0912345678 và 20240108", nil},
		{"Số 0912345678901234 quá dài", nil},
		{"Người duyệt @ban-to-chuc", nil},
	}
	for _, tt := range tests {
		var diags diag.List
		checkPersonalData("x.md", []byte(tt.text), &diags)
		var got []string
		for _, d := range diags {
			got = append(got, d.Code)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a ", "a\t\tb\nc", "Đảng\u00a0bộ xã", "mô  hình mới "} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// A control character or a noncharacter written with a YAML escape is
// refused at its key, whichever the key; tab and newline are text.
func TestControlCharactersRefused(t *testing.T) {
	refused := []struct {
		escape string // as written between double quotes
		code   rune
	}{
		{`\0`, 0x00},
		{`\x01`, 0x01},
		{`\u0001`, 0x01},
		{`\a`, 0x07},
		{`\b`, 0x08},
		{`\v`, 0x0b},
		{`\f`, 0x0c},
		{`\r`, 0x0d},
		{`\e`, 0x1b},
		{`\x1f`, 0x1f},
		{`\x7f`, 0x7f},
		{`\x80`, 0x80},
		{`\N`, 0x85},
		{`\x9b`, 0x9b},
		{`\u009f`, 0x9f},
		{`\uFDD0`, 0xfdd0},
		{`\uFFFE`, 0xfffe},
		{`\uFFFF`, 0xffff},
		{`\U0010FFFF`, 0x10ffff},
	}
	for _, tt := range refused {
		// title on line 2, member on line 8, each in a registration that
		// is otherwise valid.
		for _, at := range []struct{ key, front, want string }{
			{"title", strings.Replace(goodFront, "title: Mô hình", `title: "Mô`+tt.escape+` hình"`, 1), regPath + ":2:1: "},
			{"member", goodFront + `member: "Nguyễn Văn A` + tt.escape + `"` + "\n", regPath + ":8:1: "},
		} {
			_, got := loadOne(t, "---\n"+at.front+"---\nNội dung.\n")
			what := "ký tự điều khiển"
			if tt.code >= 0xfdd0 {
				what = "ký tự"
			}
			want := fmt.Sprintf("%sgiá trị của khóa %q có %s U+%04X", at.want, at.key, what, tt.code)
			if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], "hãy xóa ký tự này") {
				t.Errorf("%s in %s: got %q, want one error starting %q", tt.escape, at.key, got, want)
			}
		}
	}

	for _, text := range []string{`"Mô\thình"`, "\"Mô\thình\"", `"Mô\nhình"`, `"Mô\_hình \L \P \u202E"`} {
		site, got := loadOne(t, "---\n"+strings.Replace(goodFront, "title: Mô hình", "title: "+text, 1)+"---\nNội dung.\n")
		if len(got) != 0 {
			t.Errorf("title %s: %q", text, got)
			continue
		}
		if n := len(site.Registrations); n != 1 {
			t.Errorf("title %s: %d registrations", text, n)
		}
	}
}

// A list and a value that is not text are looked at too: the value is
// refused, and reported once.
func TestControlCharactersInListsAndNumbers(t *testing.T) {
	site, got := loadOne(t, "---\n"+goodFront+"date: \"2024-01-0\\e8\"\n---\n")
	want := []string{regPath + `:8:1: giá trị của khóa "date" có ký tự điều khiển U+001B, là ký tự vô hình, không phải chữ: hãy xóa ký tự này; trong dấu ngoặc kép, nó được viết là "\e", "\x1B" hoặc "\u001B"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("date:\n got %q\nwant %q", got, want)
	}
	if len(site.Registrations) != 1 || !site.Registrations[0].Date.IsZero() {
		t.Error("the refused date was kept")
	}

	fsys := baseSite()
	fsys["content/campaigns/2024.md"].Data = []byte("---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 1-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\nrecipients:\n  - Các chi bộ\n  - \"Các đảng ủy\\x85\"\n---\n")
	_, diags := Load(fsys)
	if len(diags) != 1 || diags[0].String() != "content/campaigns/2024.md:8:1: giá trị của khóa \"recipients\" có ký tự điều khiển U+0085, là ký tự vô hình, không phải chữ: hãy xóa ký tự này; trong dấu ngoặc kép, nó được viết là \"\\N\", \"\\x85\" hoặc \"\\u0085\"" {
		t.Errorf("recipients: %v", diags)
	}
}

func TestCurlyWrapped(t *testing.T) {
	for s, want := range map[string]bool{
		"“Tủ sách”":                  true,
		"”Tủ sách”":                  true, // Word's quotes after a space, both closing
		"„Tủ sách“":                  true,
		"‘Tủ sách’":                  true,
		"Mô hình “Hũ gạo”":           false,
		"“Hũ gạo” ở thôn":            false,
		"“Dân vận khéo” và “Hũ gạo”": false,
		"‘D’Ran’":                    false,
		"“":                          false,
		"“”":                         false,
		"Tủ sách":                    false,
	} {
		if got := curlyWrapped(s); got != want {
			t.Errorf("curlyWrapped(%q) = %v, want %v", s, got, want)
		}
	}
}
