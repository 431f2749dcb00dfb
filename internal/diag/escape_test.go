package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"content/registrations/2024/xa-ka-do/mô-hình.md", "content/registrations/2024/xa-ka-do/mô-hình.md"},
		{`a\x1b stays: a backslash is kept`, `a\x1b stays: a backslash is kept`},
		{"x\nmohinh check: 0 lỗi", `x\nmohinh check: 0 lỗi`},
		{"a\r\tb", `a\r\tb`},
		{"\x1b]52;c;ZXZpbA==\x07", `\x1b]52;c;ZXZpbA==\x07`},
		{"\x00\x01\x1f\x7f", `\x00\x01\x1f\x7f`},
		{"\u0080\u0085\u009b\u009f", `\u0080\u0085\u009b\u009f`},
		{"a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"\u202agd\u202etxt.exe\u202c", `\u202agd\u202etxt.exe\u202c`},
		{"\u2066\u2067\u2068\u2069", `\u2066\u2067\u2068\u2069`},
		{"xin ch\xe0o", `xin ch\xe0o`},
		{"\u00a0\u200b\u200e\ufeff\u2027\u202f", "\u00a0\u200b\u200e\ufeff\u2027\u202f"}, // shown as they are
	}
	for _, tt := range tests {
		got := Escape(tt.in)
		if got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Escape(got); again != got {
			t.Errorf("Escape(Escape(%q)) = %q, want %q", tt.in, again, got)
		}
	}
}

// Every code point, one at a time: what Escape keeps is safe to print.
func TestEscapeLeavesNothingUnsafe(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		got := Escape("a" + string(r) + "b")
		for _, c := range got {
			if Unsafe(c) || c == utf8.RuneError && r != utf8.RuneError {
				t.Fatalf("Escape(%q) = %q: keeps %U", string(r), got, c)
			}
		}
		if Unsafe(r) == (got == "a"+string(r)+"b") {
			t.Fatalf("Escape(%q) = %q, Unsafe = %v", string(r), got, Unsafe(r))
		}
	}
}

func TestDiagnosticStringIsOneLine(t *testing.T) {
	d := Diagnostic{
		Path:    "content/registrations/2024/x/a\x1b[2K\nmohinh check: 0 lỗi.md",
		Line:    2,
		Col:     1,
		Message: "tên mô hình \"a\x1b]52;c;ZXZpbA==\x07\" trùng: hãy đổi tên",
	}
	want := `content/registrations/2024/x/a\x1b[2K\nmohinh check: 0 lỗi.md:2:1: tên mô hình "a\x1b]52;c;ZXZpbA==\x07" trùng: hãy đổi tên`
	if got := d.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if strings.ContainsAny(d.String(), "\x1b\n\x07") {
		t.Error("a control character is printed raw")
	}
}
