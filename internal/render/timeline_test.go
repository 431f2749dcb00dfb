package render

import "testing"

func TestShorten(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Ngắn gọn.", 20, "Ngắn gọn."},
		{"Toàn bộ mười hai chi bộ dùng sổ tay điện tử, đảng viên nhận tài liệu sớm.", 30, "Toàn bộ mười hai chi bộ dùng…"},
		{"Mộttừrấtdàikhôngcódấucách", 5, "Mộttừrấtdàikhôngcódấucách"},
	} {
		if got := shorten(tc.in, tc.n); got != tc.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
