package content

import (
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
