package vi

import "testing"

// Syllables are read as Vietnamese spells them: the onsets gi and qu, the
// vowels that go together, the codas they take, the tone on the vowel that
// carries it (in the old and the new placement), and sắc or nặng only
// before c, ch, p, t.
func TestIsSyllable(t *testing.T) {
	valid := []string{
		"a", "ở", "ạ", "nghiêng", "khuyếch", "quốc", "quý", "quỳnh", "gì", "gìn", "giếng", "giữa",
		"hoà", "hòa", "thủy", "thuỷ", "khoẻ", "khỏe", "thuở", "khuya", "oẳn", "xoong", "người",
		"rượu", "khuỷu", "ngoài", "muốn", "tiếng", "việc", "chuyện", "đẹp", "ích", "ếch", "anh",
		"uynh", "huỳnh", "ĐẢNG", "Đảng",
	}
	invalid := []string{
		"traàn", "ei", "pró", "hàt", "bãc", "ing", "ic", "aa", "quu", "xyz", "ă", "tiê",
		"hoaì", "maí", "nguyễnh", "ngh", "f", "",
	}
	for _, w := range valid {
		if !isWord(w) {
			t.Errorf("%q is a syllable", w)
		}
	}
	for _, w := range invalid {
		if isWord(w) {
			t.Errorf("%q is no syllable", w)
		}
	}
}
