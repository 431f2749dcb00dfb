package content

import (
	"strings"
	"testing"
)

// frontMatterDiagnostics parses the front matter made of lines and returns
// what it reports, without the path.
func frontMatterDiagnostics(lines ...string) []string {
	var diags diagnostics
	parseFrontMatter("x.md", []byte("---\n"+strings.Join(lines, "\n")+"\n---\nNội dung.\n"), &diags)
	var out []string
	for _, d := range diags {
		out = append(out, strings.TrimPrefix(d.String(), "x.md:"))
	}
	return out
}

// A "#" after one space cuts a plain value: a warning at the "#". A note
// set apart by two spaces, a "#" in quotes or glued to a word, a comment
// line, are not.
func TestCommentCutsValue(t *testing.T) {
	tests := []struct {
		line string
		want string // the start of the warning; "" for none
	}{
		{"title: Hũ gạo #1 của thôn", `2:15: cảnh báo: phần "#1 của thôn" sẽ bị bỏ đi`},
		{"title: Hũ gạo # 1", `2:15: cảnh báo: phần "# 1" sẽ bị bỏ đi`},
		{"title: Hũ gạo #1  # Tên mô hình", `2:15: cảnh báo: phần "#1" sẽ bị bỏ đi`},
		{"title: #1 Hũ gạo", `2:8: cảnh báo: phần "#1 Hũ gạo" sẽ bị bỏ đi vì dấu # đứng sau dấu cách là bắt đầu một ghi chú, không được đăng: khóa "title" không còn giá trị`},
		{"title: “Hũ gạo #1”", `2:16: cảnh báo: phần "#1”" sẽ bị bỏ đi vì dấu # đứng sau dấu cách là bắt đầu một ghi chú, không được đăng: giá trị của khóa "title" chỉ còn "“Hũ gạo". Nếu phần đó thuộc giá trị, hãy đặt cả giá trị trong dấu ngoặc kép: title: "Hũ gạo #1"`},
		{"title: Hũ gạo  # Tên mô hình", ""},
		{"title: Hũ gạo số#1", ""},
		{`title: "Hũ gạo #1"`, ""},
		{"# title: ghi chú", ""},
	}
	for _, tt := range tests {
		got := frontMatterDiagnostics(tt.line, "field: kinh-te")
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q: got %q", tt.line, got)
		case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tt.want)):
			t.Errorf("%q: got %q, want %q…", tt.line, got, tt.want)
		}
	}
	got := frontMatterDiagnostics("recipients:", "  - Ban Thường vụ #1", "  - Ban Tổ chức")
	if len(got) != 1 || !strings.HasPrefix(got[0], `3:19: cảnh báo: phần "#1" sẽ bị bỏ đi`) || !strings.HasSuffix(got[0], `: - "Ban Thường vụ #1"`) {
		t.Errorf("list item: got %q", got)
	}
}

// Layout errors are reported at the line and column of the cause: the
// tab, the indented key, the curly quote.
func TestLayoutErrors(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"title: a", "novelty: >", "  x", "  y", "expected_results: >", "  a", "\tb", "field: c"}, "8:1: dòng này thụt đầu dòng bằng dấu tab"},
		{[]string{"title: a", "field:", "\t- kinh-te"}, "4:1: dòng này thụt đầu dòng bằng dấu tab"},
		{[]string{"title: a", "campaign: 2024", "  field: kinh-te"}, `4:1: dòng này bị thụt đầu dòng nên "field" bị đọc như phần tiếp theo`},
		{[]string{"title: a", "novelty: >", "    text", "  field: kinh-te"}, `5:1: dòng này bị thụt đầu dòng nên "field"`},
		{[]string{"  title: a", "field: kinh-te"}, `2:1: dòng này bị thụt đầu dòng nên các khóa viết sát lề sau nó (từ "field" ở dòng 3) bị bỏ qua`},
		{[]string{"title: a", "novelty: “Mới: lần đầu”"}, `3:10: dấu “ ” (ngoặc kép kiểu Word) không phải dấu ngoặc kép của YAML, nên dấu hai chấm ở giữa giá trị làm hỏng dòng này: hãy thay chúng bằng dấu ngoặc kép thẳng " (phím Shift và phím '), viết: novelty: "Mới: lần đầu"`},
		{[]string{"title: a: b"}, `2:9: giá trị có dấu hai chấm và dấu cách`}, // not layout: as before
	}
	for _, tt := range tests {
		got := frontMatterDiagnostics(tt.lines...)
		if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("%q: got %q, want %q…", tt.lines, got, tt.want)
		}
	}
}
