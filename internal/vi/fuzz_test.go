package vi

import (
	"bytes"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"", " ", "Đảng ủy xã Ka Đô", "Thị trấn D'Ran", "Chi bộ 4 tốt", "hòa hoà", "ủy uỷ thủy thuỷ",
	"Ðạ Ròn ð", "D’Ran Dʼran D`Ran", "  Chi bộ \t 4\u00a0tốt \n", "Lạc\u00adXuân\u200b",
	"Số 943-CV/HU", "“Chi bộ 4 tốt” — năm 2024!", "中文 Đà Lạt", "\xff\xfe", "Straße Ærø İ Å",
	"한국어", "\u1100\u1161\u11a8", "a\u0301\u0323", "\u0301", "ǅ", "already-a-slug",
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add(norm.NFD.String(s))
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if msg := checkFolded(folded); msg != "" {
			t.Fatalf("Fold(%+q) = %+q: %s", s, folded, msg)
		}
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold(%+q) = %+q, but Fold of that is %+q", s, folded, again)
		}
		if nfc := Fold(norm.NFC.String(s)); nfc != folded {
			t.Fatalf("Fold(%+q) = %+q, but Fold of its NFC is %+q", s, folded, nfc)
		}
		if nfd := Fold(norm.NFD.String(s)); nfd != folded {
			t.Fatalf("Fold(%+q) = %+q, but Fold of its NFD is %+q", s, folded, nfd)
		}
	})
}

// checkFoldedRunes reports a rune Fold should have removed or lowered, or "".
func checkFoldedRunes(f string) string {
	for _, r := range f {
		switch {
		case unicode.ToLower(r) != r:
			return "has a rune with a lower case: " + string(r)
		case unicode.In(r, unicode.M, unicode.Cf):
			return "has a mark or a format character"
		case unicode.IsSpace(r) && r != ' ':
			return "has white space other than U+0020"
		case r == 'đ' || r == 'Đ' || r == 'Ð' || r == 'ð':
			return "has a đ"
		}
	}
	return ""
}

func FuzzSlug(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add(norm.NFD.String(s))
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if slug != "" && !IsSlug(slug) {
			t.Fatalf("Slug(%+q) = %q, not a slug", s, slug)
		}
		if again := Slug(slug); again != slug {
			t.Fatalf("Slug(%+q) = %q, but Slug of that is %q", s, slug, again)
		}
		if viaFold := Slug(Fold(s)); viaFold != slug {
			t.Fatalf("Slug(%+q) = %q, but Slug(Fold) is %q", s, slug, viaFold)
		}
		if IsSlug(s) && slug != s {
			t.Fatalf("Slug(%q) = %q changed a slug", s, slug)
		}
	})
}

func FuzzCompare(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)])
	}
	f.Add("hòa", "hoà")
	f.Add("Ka Đô", norm.NFD.String("Ka Đô"))
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := Compare(a, b), Compare(b, a)
		if ab != -ba || (ab == 0) != (a == b) {
			t.Fatalf("Compare(%+q, %+q) = %d, reversed %d", a, b, ab, ba)
		}
		if keys := bytes.Compare(SortKey(a), SortKey(b)); keys != ab {
			t.Fatalf("Compare(%+q, %+q) = %d, but the keys compare %d", a, b, ab, keys)
		}
	})
}

// LegacyEncoding and FromLegacy take any text: the offset is that of a
// word of s, and a word of one letter or none is never what tells.
func FuzzLegacy(f *testing.F) {
	for _, s := range append(fuzzSeeds, "Uû ban nh©n d©n", "Nguyeãn Vaên An", "BÝ th\u00ad", "où", "×5", "µm", "§«") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc, at := LegacyEncoding(s)
		if (enc == NoLegacy) != (at < 0) || at >= len(s) {
			t.Fatalf("LegacyEncoding(%+q) = %q, %d", s, enc, at)
		}
		for _, e := range []Encoding{TCVN3, VNI} {
			if out := FromLegacy(s, e); len(s) > 0 && out == "" {
				t.Fatalf("FromLegacy(%+q, %s) is empty", s, e)
			}
		}
	})
}
