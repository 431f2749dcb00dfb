package vi

import "testing"

func TestLegacyEncoding(t *testing.T) {
	tests := []struct {
		in   string
		want Encoding
	}{
		{"Uû ban nh©n d©n", TCVN3},
		{"§¶ng ñy x· Ka §«", TCVN3},              // Đảng ủy xã Ka Đô in TCVN3
		{"Ñaûng uûy xaõ Ka Ñoâ", VNI},            // the same in VNI
		{"Xaây döïng Ñaûng vaø heä thoáng", VNI}, // Xây dựng Đảng và hệ thống
		{"Ủy ban nhân dân xã Ka Đô", NoLegacy},
		{"Đảng ủy xã Đạ Ròn, D'Ran, Pró, Tu Tra", NoLegacy},
		{"© 2024 Huyện ủy", NoLegacy},            // one symbol, not in a word
		{"Hợp tác với Peña và Müller", NoLegacy}, // one foreign letter each
		{"", NoLegacy},
	}
	for _, tt := range tests {
		got, at := LegacyEncoding(tt.in)
		if got != tt.want {
			t.Errorf("LegacyEncoding(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if (got == NoLegacy) != (at < 0) {
			t.Errorf("LegacyEncoding(%q): offset %d", tt.in, at)
		}
	}
}
