package wordimport

import (
	"testing"

	"github.com/mohinh/mohinh/internal/vi"
)

// Runs set in a legacy font are read back into Unicode: known words, as
// an office program stores them (each byte as its Windows-1252 character).
func TestFromLegacyRun(t *testing.T) {
	for _, tc := range []struct {
		in   string
		enc  vi.Encoding
		want string
	}{
		{"Uû ban nh©n d©n", vi.TCVN3, "Uỷ ban nhân dân"},
		{"§¶ng ñy x· Ka §«", vi.TCVN3, "Đảng ủy xã Ka Đô"},
		{"NguyÔn V¨n An", vi.TCVN3, "Nguyễn Văn An"},
		{"ngµy 08 th¸ng 01 n¨m 2024", vi.TCVN3, "ngày 08 tháng 01 năm 2024"},
		{"§¶NG ñY X· KA §¤", vi.TCVN3, "ĐẢNG ỦY XÃ KA ĐÔ"},
		{"Nguyeãn Vaên An", vi.VNI, "Nguyễn Văn An"},
		{"Ñaûng uûy xaõ Ka Ñoâ", vi.VNI, "Đảng ủy xã Ka Đô"},
		{"“Chi bé sè”", vi.TCVN3, "“Chi bộ số”"},
	} {
		if got := vi.NFC(fromLegacyRun(tc.in, tc.enc)); got != tc.want {
			t.Errorf("fromLegacyRun(%q, %s) = %q, want %q", tc.in, tc.enc, got, tc.want)
		}
	}
}

func TestLegacyFont(t *testing.T) {
	for font, want := range map[string]vi.Encoding{
		".VnTime": vi.TCVN3, ".VnTimeH": vi.TCVN3, ".VnArial": vi.TCVN3,
		"VNI-Times": vi.VNI, "VNI-Helve": vi.VNI,
		"Times New Roman": vi.NoLegacy, "": vi.NoLegacy, "Vni": vi.NoLegacy,
	} {
		if got := legacyFont(font); got != want {
			t.Errorf("legacyFont(%q) = %q, want %q", font, got, want)
		}
	}
}
