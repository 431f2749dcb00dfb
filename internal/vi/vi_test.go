package vi

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vowels lists each Vietnamese vowel family with its six tones in the order
// none, huyền, hỏi, ngã, sắc, nặng, and the letter it folds to.
var vowels = []struct{ lower, upper, fold string }{
	{"aàảãáạ", "AÀẢÃÁẠ", "a"},
	{"ăằẳẵắặ", "ĂẰẲẴẮẶ", "a"},
	{"âầẩẫấậ", "ÂẦẨẪẤẬ", "a"},
	{"eèẻẽéẹ", "EÈẺẼÉẸ", "e"},
	{"êềểễếệ", "ÊỀỂỄẾỆ", "e"},
	{"iìỉĩíị", "IÌỈĨÍỊ", "i"},
	{"oòỏõóọ", "OÒỎÕÓỌ", "o"},
	{"ôồổỗốộ", "ÔỒỔỖỐỘ", "o"},
	{"ơờởỡớợ", "ƠỜỞỠỚỢ", "o"},
	{"uùủũúụ", "UÙỦŨÚỤ", "u"},
	{"ưừửữứự", "ƯỪỬỮỨỰ", "u"},
	{"yỳỷỹýỵ", "YỲỶỸÝỴ", "y"},
}

func TestFoldVowels(t *testing.T) {
	for _, v := range vowels {
		for _, s := range []string{v.lower, v.upper} {
			if n := utf8.RuneCountInString(s); n != 6 {
				t.Fatalf("%q has %d runes, want 6", s, n)
			}
			for _, r := range s {
				for _, in := range []string{string(r), norm.NFD.String(string(r))} {
					if got := Fold(in); got != v.fold {
						t.Errorf("Fold(%+q) = %q, want %q", in, got, v.fold)
					}
				}
			}
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Đảng ủy xã Ka Đô", "dang uy xa ka do"},
		{"ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam"},
		{"Huyện ủy Đơn Dương", "huyen uy don duong"},
		{norm.NFD.String("Huyện ủy Đơn Dương"), "huyen uy don duong"},
		{"hòa", "hoa"},
		{"hoà", "hoa"},
		{"ủy", "uy"},
		{"uỷ", "uy"},
		{"Thủy lợi", "thuy loi"},
		{"Thuỷ lợi", "thuy loi"},
		{"Ủy ban Kiểm tra", "uy ban kiem tra"},
		{"Uỷ ban Kiểm tra", "uy ban kiem tra"},
		{"đ Đ Ð ð", "d d d d"},
		{"Ðạ Ròn", "da ron"}, // U+00D0, typed for Đ
		{"Đạ Ròn", "da ron"},
		{"Hũ gạo thiện tâm", "hu gao thien tam"},
		{"Mỗi tháng một gương điển hình", "moi thang mot guong dien hinh"},
		{"Đảng viên đỡ đầu hộ dân", "dang vien do dau ho dan"},
		{"nông thôn mới", "nong thon moi"},
		{"VietGAP", "vietgap"},
		{"D'Ran", "d'ran"},
		{"Đ’Ran", "d’ran"},
		{"Số 943-CV/HU", "so 943-cv/hu"},
		{"“Chi bộ 4 tốt”, năm 2024!", "“chi bo 4 tot”, nam 2024!"},
		{"  Chi bộ \t 4\u00a0tốt \n", "chi bo 4 tot"},
		{"Lạc\r\nXuân", "lac xuan"},
		{"Lạc\u3000\u2003Xuân", "lac xuan"},
		{"Lạc\u00adXuân", "lacxuan"},    // soft hyphen
		{"Lạc \u200b Xuân", "lac xuan"}, // zero-width space
		{"\ufeffTu Tra", "tu tra"},      // byte-order mark
		{"   ", ""},
		{"a  b", "a b"},
		{" a", "a"},
		{"a ", "a"},
		{"chi bo 4 tot", "chi bo 4 tot"},
		{"Straße Ærø", "straße ærø"},
		{"İstanbul", "istanbul"},
		{"Ångström Å", "angstrom a"}, // U+212B ANGSTROM SIGN
		{"中文 Đà Lạt", "中文 da lat"},
		{"\xffĐà", "\ufffdda"},
		{"a\u0301\u0323", "a"},
		{"\u0301a", "a"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

func TestFoldEqual(t *testing.T) {
	for _, pair := range [][2]string{
		{"hòa", "hoà"},
		{"ủy", "uỷ"},
		{"thủy", "thuỷ"},
		{"Hòa Bình", "hoà bình"},
		{"Đạ Ròn", "Ðạ Ròn"},
		{"Đạ Ròn", norm.NFD.String("Đạ Ròn")},
		{"Huyện ủy", norm.NFD.String("HUYỆN UỶ")},
		{"dang uy ka do", "Đảng ủy Ka Đô"},
	} {
		if a, b := Fold(pair[0]), Fold(pair[1]); a != b {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q, want equal", pair[0], a, pair[1], b)
		}
	}
}

func TestFastPathsDoNotAllocate(t *testing.T) {
	for name, f := range map[string]func(){
		"Fold":   func() { Fold("dang uy xa ka do") },
		"Slug":   func() { Slug("dang-uy-xa-ka-do") },
		"NFC":    func() { NFC("Đảng ủy xã Ka Đô") },
		"IsNFC":  func() { IsNFC("Đảng ủy xã Ka Đô") },
		"Upper":  func() { Upper("HUYEN UY") },
		"IsSlug": func() { IsSlug("chi-bo-4-tot") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times, want 0", name, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Fold("Đảng ủy xã Ka Đô") }); n > 1 {
		t.Errorf("Fold of Vietnamese allocates %v times, want 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { Slug("Đảng ủy xã Ka Đô") }); n > 1 {
		t.Errorf("Slug of Vietnamese allocates %v times, want 1", n)
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Thị trấn D'Ran", "thi-tran-dran"},
		{"Thị trấn Đ'Ran", "thi-tran-dran"},
		{"Thị trấn D’Ran", "thi-tran-dran"},
		{"Thị trấn Dʼran", "thi-tran-dran"},
		{"Thị trấn D`Ran", "thi-tran-dran"},
		{"Thị trấn Dran", "thi-tran-dran"},
		{"Chi bộ 4 tốt", "chi-bo-4-tot"},
		{"Đảng viên đỡ đầu hộ dân", "dang-vien-do-dau-ho-dan"},
		{norm.NFD.String("Đảng viên đỡ đầu hộ dân"), "dang-vien-do-dau-ho-dan"},
		{"Ðảng viên", "dang-vien"},
		{"Chi bộ số", "chi-bo-so"},
		{"Mỗi tháng một gương điển hình", "moi-thang-mot-guong-dien-hinh"},
		{"Hũ gạo thiện tâm", "hu-gao-thien-tam"},
		{"Hòa Bình", "hoa-binh"},
		{"Hoà Bình", "hoa-binh"},
		{"Thủy lợi", "thuy-loi"},
		{"Thuỷ lợi", "thuy-loi"},
		{"“Chi bộ 4 tốt” — năm 2024!", "chi-bo-4-tot-nam-2024"},
		{"Số 943-CV/HU", "so-943-cv-hu"},
		{"Ka Đô / Ka Đơn", "ka-do-ka-don"},
		{"  Thạnh   Mỹ  ", "thanh-my"},
		{"---", ""},
		{"-a-", "a"},
		{"a--b", "a-b"},
		{"Gửi tài liệu họp qua Zalo", "gui-tai-lieu-hop-qua-zalo"},
		{"中文", ""},
		{"Đà Lạt 中文 2025", "da-lat-2025"},
		{"Straße", "strasse"},
		{"already-a-slug", "already-a-slug"},
		{"Already-A-Slug", "already-a-slug"},
		{"\xff", ""},
	} {
		got := Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%+q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !IsSlug(got) {
			t.Errorf("Slug(%+q) = %q, which is not a slug", tc.in, got)
		}
	}
}

func TestIsSlug(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"chi-bo-4-tot", true},
		{"a", true},
		{"2024", true},
		{"a-1-b", true},
		{"", false},
		{"-", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"A", false},
		{"a b", false},
		{"a_b", false},
		{"đ", false},
		{"chi-bộ", false},
	} {
		if got := IsSlug(tc.in); got != tc.want {
			t.Errorf("IsSlug(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestNFC(t *testing.T) {
	for _, s := range []string{"", "ascii", "Huyện ủy Đơn Dương", "hoà", "uỷ", "Ka Đô"} {
		d := norm.NFD.String(s)
		if got := NFC(d); got != s {
			t.Errorf("NFC(%+q) = %+q, want %+q", d, got, s)
		}
		if !IsNFC(s) {
			t.Errorf("IsNFC(%+q) = false", s)
		}
		if d != s && IsNFC(d) {
			t.Errorf("IsNFC(%+q) = true", d)
		}
	}
}

func TestUpper(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Huyện ủy Đơn Dương", "HUYỆN ỦY ĐƠN DƯƠNG"},
		{norm.NFD.String("Huyện ủy Đơn Dương"), "HUYỆN ỦY ĐƠN DƯƠNG"},
		{"Đảng bộ tỉnh Lâm Đồng", "ĐẢNG BỘ TỈNH LÂM ĐỒNG"},
		{"T/M Ban Thường vụ", "T/M BAN THƯỜNG VỤ"},
		{"phó bí thư", "PHÓ BÍ THƯ"},
		{"Đảng Cộng sản Việt Nam", "ĐẢNG CỘNG SẢN VIỆT NAM"},
		{"hoà, thuỷ", "HOÀ, THUỶ"},
		{"ka do", "KA DO"},
		{"KA DO", "KA DO"},
	} {
		got := Upper(tc.in)
		if got != tc.want {
			t.Errorf("Upper(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
	for _, v := range vowels {
		if got := Upper(v.lower); got != v.upper {
			t.Errorf("Upper(%q) = %q, want %q", v.lower, got, v.upper)
		}
		if got := Upper(norm.NFD.String(v.lower)); got != v.upper {
			t.Errorf("Upper(NFD %q) = %+q, want %q", v.lower, got, v.upper)
		}
	}
}

func TestDates(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	for _, tc := range []struct {
		t            time.Time
		prose, short string
	}{
		{time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC), "ngày 08 tháng 01 năm 2024", "08/01/2024"},
		{time.Date(2023, 12, 21, 9, 30, 0, 0, ict), "ngày 21 tháng 12 năm 2023", "21/12/2023"},
		{time.Date(2025, 7, 1, 23, 59, 59, 0, ict), "ngày 01 tháng 07 năm 2025", "01/07/2025"},
		// The date is the one in t's location: 18:00 UTC is the next day in Hà Nội.
		{time.Date(2018, 4, 2, 18, 0, 0, 0, time.UTC).In(ict), "ngày 03 tháng 04 năm 2018", "03/04/2018"},
		{time.Date(999, 10, 10, 0, 0, 0, 0, time.UTC), "ngày 10 tháng 10 năm 0999", "10/10/0999"},
		{time.Date(5, 1, 1, 0, 0, 0, 0, time.UTC), "ngày 01 tháng 01 năm 0005", "01/01/0005"},
		{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), "ngày 01 tháng 01 năm 0000", "01/01/0000"},
	} {
		if got := DateProse(tc.t); got != tc.prose {
			t.Errorf("DateProse(%v) = %q, want %q", tc.t, got, tc.prose)
		}
		if got := DateShort(tc.t); got != tc.short {
			t.Errorf("DateShort(%v) = %q, want %q", tc.t, got, tc.short)
		}
		if got := tc.t.Format("02/01/2006"); got != tc.short {
			t.Errorf("time.Format disagrees with DateShort: %q, want %q", got, tc.short)
		}
	}
}

// checkFolded reports what is wrong with f as an output of Fold, or "".
func checkFolded(f string) string {
	switch {
	case !utf8.ValidString(f):
		return "invalid UTF-8"
	case !norm.NFC.IsNormalString(f):
		return "not NFC"
	case strings.HasPrefix(f, " ") || strings.HasSuffix(f, " ") || strings.Contains(f, "  "):
		return "untrimmed or doubled space"
	}
	return checkFoldedRunes(f)
}

// TestOnlyJamoCompose checks what foldAppend relies on to skip NFC: of the
// runes foldRune can return, only Hangul jamo U+1161 to U+11C2 combine with
// a rune before them.
func TestOnlyJamoCompose(t *testing.T) {
	if testing.Short() {
		t.Skip("walks all of Unicode")
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		for _, f := range foldRune(nil, r, 0) {
			if !norm.NFC.PropertiesString(string(f)).BoundaryBefore() && !(0x1161 <= f && f <= 0x11C2) {
				t.Errorf("Fold can write %U (from %U), which composes with what precedes it", f, r)
			}
		}
	}
}

// The fast path of NFCPrefix trusts that every rune below U+0300 and in
// U+1E00–U+1EFF is a starter in NFC on its own, and followed by another such
// rune stays NFC.
func TestNFCFastPathRangesAreNFC(t *testing.T) {
	var runes []rune
	for r := rune(0x80); r < 0x300; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, next := range []rune{'a', 'â', 'ạ', r} {
			s := string(r) + string(next)
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("%q (U+%04X) is not NFC", s, r)
			}
		}
	}
	for _, s := range []string{norm.NFD.String("Đảng ủy xã Ka Đô"), "a\u0301", "Ω\u2126", "x\uF900"} {
		if IsNFC(s) {
			t.Errorf("IsNFC(%q) = true", s)
		}
		if NFCPrefix(s) == len(s) {
			t.Errorf("NFCPrefix(%q) = len", s)
		}
	}
}
