package vi

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestLegacyEncoding(t *testing.T) {
	tests := []struct {
		in   string
		want Encoding
		at   int // byte offset of the first legacy word
	}{
		{"Uû ban nh©n d©n", TCVN3, 0},
		{"§¶ng ñy x· Ka §«", TCVN3, 0},              // Đảng ủy xã Ka Đô in TCVN3
		{"Ñaûng uûy xaõ Ka Ñoâ", VNI, 0},            // the same in VNI
		{"Xaây döïng Ñaûng vaø heä thoáng", VNI, 0}, // Xây dựng Đảng và hệ thống
		// Short texts, names: one word is enough.
		{"Nguyeãn Vaên An", VNI, 0},
		{"Traàn Vaên Huøng", VNI, 0},
		{"Hoaøng Thò Lan", VNI, 0}, // "Thò" is a word as it is: "Hoaøng" tells
		{"BÝ th\u00ad", TCVN3, 4},  // Bí thư: "BÝ" could be a syllable, "th­" is none
		{"## Néi dung m« h×nh", TCVN3, 3},
		{"Chi bé th«n", TCVN3, 8}, // "bé" is a word as it is
		{"ÑAÛNG UÛY", VNI, 0},
		{"Ủy ban nhân dân xã Ka Đô", NoLegacy, -1},
		{"Đảng ủy xã Đạ Ròn, D'Ran, Đ’Ran, Pró, Tu Tra", NoLegacy, -1},
		{"© 2024 Huyện ủy", NoLegacy, -1},            // a symbol, not in a word
		{"Hợp tác với Peña và Müller", NoLegacy, -1}, // foreign names
		{"café, São Paulo, André, Zoë, naïve", NoLegacy, -1},
		{"où", NoLegacy, -1},                     // one letter read back ("ó") is too little
		{"lưới 5 µm, 20 m², 25°C", NoLegacy, -1}, // units and symbols
		{"1.5× the floor, ×5 registrations, 2.56–2.90×; § 3, ©, ®", NoLegacy, -1},
		{"«Dân vận khéo» và «Hũ gạo»", NoLegacy, -1},
		{"Thò, hoà, hòa, Ròn, Bé, Đà, gì, giữ, quốc, khuya, nguyễn", NoLegacy, -1},
		{"Zalo, VietGAP, camera, QR", NoLegacy, -1},
		{"Mô hình “Thôn bình yên”", NoLegacy, -1},
		{"", NoLegacy, -1},
	}
	for _, tt := range tests {
		got, at := LegacyEncoding(tt.in)
		if got != tt.want || at != tt.at {
			t.Errorf("LegacyEncoding(%q) = %q, %d; want %q, %d", tt.in, got, at, tt.want, tt.at)
		}
	}
}

func TestFromLegacy(t *testing.T) {
	tests := []struct {
		in   string
		enc  Encoding
		want string
	}{
		{"Uû ban nh©n d©n", TCVN3, "Uỷ ban nhân dân"},
		{"BÝ th\u00ad", TCVN3, "Bí thư"},
		{"## Néi dung m« h×nh", TCVN3, "## Nội dung mô hình"},
		{"§¶ng ñy x· Ka §«", TCVN3, "Đảng ủy xã Ka Đô"},
		{"Nguyeãn Vaên An", VNI, "Nguyễn Văn An"},
		{"Hoaøng Thò Lan", VNI, "Hoàng Thị Lan"},
		{"NGUYEÃN VAÊN AN", VNI, "NGUYỄN VĂN AN"},
		{"phoái hôïp vôùi caùc ñoaøn theå.", VNI, "phối hợp với các đoàn thể."},
		{"Không đổi", NoLegacy, "Không đổi"},
	}
	for _, tt := range tests {
		if got := FromLegacy(tt.in, tt.enc); got != tt.want {
			t.Errorf("FromLegacy(%q, %s) = %q, want %q", tt.in, tt.enc, got, tt.want)
		}
	}
}

// sampleText is Vietnamese as registrations write it: names, places,
// offices, the words of the call and of the sample site.
const sampleText = `Kính gửi Ban Thường vụ Huyện ủy, Ban Tổ chức Huyện ủy Đơn Dương.
Thực hiện Công văn số 943-CV/HU ngày 21/12/2023 của Ban Thường vụ Huyện ủy về việc đăng ký
mô hình mới, cách làm sáng tạo năm 2024, Chi bộ thôn Ka Đô Mới đăng ký như sau.
Tên mô hình: Hũ gạo thiện tâm; Lĩnh vực: Văn hóa – xã hội; Tính mới của mô hình: lần đầu
tiên chi bộ phối hợp với các đoàn thể quyên góp gạo, công khai người góp, người nhận.
Dự kiến kết quả đạt được sau khi triển khai thực hiện: hỗ trợ 20 hộ nghèo, cận nghèo mỗi năm.
Nguyễn Văn An, Trần Văn Hùng, Hoàng Thị Lan, Lê Thị Bé, Phạm Quốc Khánh, Đặng Thùy Dương,
Vũ Hoài Nam, Huỳnh Ngọc Quyên, Ngô Tuấn Kiệt, Bùi Xuân Khoa, Đỗ Thị Thu Hà, Dương Quỳnh Giao,
K'Sor H'Bia, Ya Loan, Ka Điêu, Liêng Hót Ha Bi, Tu Tra, Pró, Đạ Ròn, Lạc Xuân, Lạc Lâm, Quảng Lập,
thị trấn Thạnh Mỹ, D'Ran, Đ'Ran, Chu Ru, Bí thư, Phó Bí thư, Trưởng ban, Chánh Văn phòng, Đảng viên.
Xây dựng Đảng và hệ thống chính trị; Kinh tế; Quốc phòng – an ninh; Dân vận; Chuyển đổi số;
học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; nông thôn mới kiểu mẫu.
Rau hoa công nghệ cao, nhà kính, tưới nhỏ giọt, bò sữa, làng nghề dệt thổ cẩm, khuyến nông.
Gửi tài liệu họp qua Zalo trước ba ngày; mỗi tháng một gương điển hình; hiến đất làm đường.
Hòa hoà, thủy thuỷ, ủy uỷ, khỏe khoẻ, quyết định, khuya khoắt, nghiêng ngả, giường, giữa, gì,
gìn giữ, quý, quê hương, thuở, huơ, oẳn tù tì, ngoằn ngoèo, khuỷu tay, chuyện, luyện, tuyệt,
Ưu tiên, ước mơ, ươm mầm, yêu thương, yên ổn, ạ, ừ, ở, ấy, ồ, à, ô, ơ, ê, ý kiến, oái oăm.
BÍ THƯ, ĐẢNG ỦY XÃ KA ĐÔ, HUYỆN ỦY ĐƠN DƯƠNG, T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ.`

func TestNoLegacyInVietnamese(t *testing.T) {
	for _, line := range strings.Split(sampleText, "\n") {
		if enc, at := LegacyEncoding(line); enc != NoLegacy {
			t.Errorf("%q: %s at %q", line, enc, line[at:])
		}
		if nfd := norm.NFD.String(line); nfd != line {
			if enc, _ := LegacyEncoding(nfd); enc != NoLegacy {
				t.Errorf("%q in NFD: %s", line, enc)
			}
		}
	}
}

// Every word of the sample, written in TCVN3 or VNI, is recognised, unless
// it is then a word as it is ("bé" is "bộ" in TCVN3), and reads back as it
// was; so does every line, in its encoding.
func TestLegacyWordsOfTheSample(t *testing.T) {
	for _, word := range strings.FieldsFunc(sampleText, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, enc := range []Encoding{TCVN3, VNI} {
			in := toLegacy(word, enc)
			if back := FromLegacy(in, enc); !strings.EqualFold(back, word) {
				t.Errorf("%s %q read back as %q, want %q", enc, in, back, word)
			}
			if in == word || len([]rune(word)) == 1 || !isWord(word) {
				continue // a word legacy writes the same; one letter alone; "Pró"
			}
			if got, _ := LegacyEncoding(in); got == NoLegacy && !readsAsSyllable(in) {
				t.Errorf("%q is %q in %s; LegacyEncoding says none", word, in, enc)
			}
		}
	}
	for _, line := range strings.Split(sampleText, "\n") {
		for _, enc := range []Encoding{TCVN3, VNI} {
			in := toLegacy(line, enc)
			if got, _ := LegacyEncoding(in); got != enc {
				t.Errorf("%q is %q in %s; LegacyEncoding says %q", line, in, enc, got)
			}
			if back := FromLegacy(in, enc); back != line && (enc == VNI || !strings.EqualFold(back, line)) {
				t.Errorf("%s %q read back as %q", enc, in, back)
			}
		}
	}
}

// isWord reports whether w is a Vietnamese syllable.
func isWord(w string) bool {
	var ls []letter
	for _, r := range w {
		l, ok := letterOf(r)
		if !ok {
			return false
		}
		ls = append(ls, l)
	}
	return isSyllable(ls)
}

// readsAsSyllable reports whether w is a Vietnamese syllable as it is.
func readsAsSyllable(w string) bool {
	var buf [2 * maxSyllable]letter
	ls, ok := readLetters(w, &unicodeLetters, buf[:0])
	return ok && isSyllable(ls) && plainCase(w)
}

// toLegacy writes s as a file in enc shows it when read as Windows-1252;
// TCVN3 has no toned capitals, which it writes in lower case.
func toLegacy(s string, enc Encoding) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		l, ok := letterOf(r)
		if !ok {
			b.WriteRune(r)
			continue
		}
		upper := unicode.IsUpper(r)
		switch enc {
		case TCVN3:
			if upper && l.tone == toneNone && l.base >= 'A' && l.base <= 'Z' {
				b.WriteRune(findByte(&tcvn3Letters, l, 0xa1, 0xa7))
			} else if l.base >= 'a' && l.base <= 'z' && l.tone == toneNone {
				b.WriteRune(r)
			} else {
				b.WriteRune(findByte(&tcvn3Letters, l, 0xa8, 0xff))
			}
		case VNI:
			b.WriteString(vniOf(l, upper))
		}
	}
	return b.String()
}

// letterOf returns the letter that r is.
func letterOf(r rune) (letter, bool) {
	lower := unicode.ToLower(r)
	if lower == 'đ' {
		return letter{base: dStroke}, true
	}
	if lower < 0x80 && isASCIILetter(byte(lower)) {
		return letter{base: byte(lower)}, true
	}
	for base, forms := range toneForms {
		for tone, f := range []rune(forms) {
			if f == lower {
				return letter{base, byte(tone)}, true
			}
		}
	}
	return letter{}, false
}

func findByte(table *[0x100]letter, l letter, from, to rune) rune {
	for r := from; r <= to; r++ {
		if table[r] == l {
			return r
		}
	}
	panic("no byte for a letter")
}

// vniOf writes l in VNI: a whole letter where VNI has one, else a base
// letter and its marks.
func vniOf(l letter, upper bool) string {
	up := func(r rune) string {
		if upper {
			return string(unicode.ToUpper(r))
		}
		return string(r)
	}
	for r := rune(0x80); r < 0x100; r++ {
		if vniLetters[r] == l && !unicode.IsUpper(r) {
			return up(r)
		}
	}
	base, kind := l.base, byte('t')
	switch l.base {
	case aCirc:
		base, kind = 'a', 'c'
	case eCirc:
		base, kind = 'e', 'c'
	case oCirc:
		base, kind = 'o', 'c'
	case aBreve:
		base, kind = 'a', 'b'
	}
	var prefix string
	switch base {
	case oHorn:
		prefix = up('ô')
	case uHorn:
		prefix = up('ö')
	default:
		prefix = up(rune(base))
	}
	if kind == 't' && l.tone == toneNone {
		return prefix
	}
	for r := rune(0x80); r < 0x100; r++ {
		if m := vniMarks[r]; m.kind == kind && m.tone == l.tone && !unicode.IsUpper(r) {
			return prefix + up(r)
		}
	}
	panic("no VNI mark for a letter")
}
