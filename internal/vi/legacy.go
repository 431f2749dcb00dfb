package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Legacy Vietnamese encodings. Text copied out of old .doc files typed in
// TCVN3 (ABC, fonts ".VnTime") or VNI (fonts "VNI-Times") arrives as
// mojibake: the legacy bytes read as Windows-1252 letters and symbols —
// "Uû ban nh©n d©n" for "Ủy ban nhân dân", "Nguyeãn Vaên An" for
// "Nguyễn Văn An".
//
// A word gives itself away when, read as it is, it is no Vietnamese
// syllable, while read back in TCVN3 or VNI it is one: "Vaên" is not
// Vietnamese, "Văn" is. Only words made of ASCII and Latin-1 letters and
// symbols can be legacy text (the bytes of both encodings are read as
// Windows-1252), so a word holding "ơ", "ạ", "Đ" or a combining mark is
// Unicode Vietnamese and is not looked at; nor is a word of ASCII alone.
// A real word ("Thò", "Ròn", "hoà") is a syllable as it is and never
// counts, however it would read in a legacy encoding; a foreign one
// ("Müller", "Peña", "café") is no syllable either way.

// Encoding names a legacy encoding that text appears to be in.
type Encoding string

// The legacy encodings LegacyEncoding recognises.
const (
	NoLegacy Encoding = ""
	TCVN3    Encoding = "TCVN3"
	VNI      Encoding = "VNI"
)

// LegacyEncoding reports whether s holds words typed in a legacy encoding:
// the encoding most of them read as, and the byte offset of the first one.
// It returns NoLegacy and -1 when there is none. One word is enough, so
// that a name of three words ("Hoaøng Thò Lan") is caught.
func LegacyEncoding(s string) (Encoding, int) {
	tcvn, vni, first := 0, 0, -1
	strong := false // a word of two letters or more: one letter alone ("où") is too little
	for i := 0; i < len(s); {
		start, end, ok := nextCandidate(s, i)
		if !ok {
			break
		}
		i = end
		t, v, letters := legacyWord(s[start:end])
		if t {
			tcvn++
		}
		if v {
			vni++
		}
		if t || v {
			strong = strong || letters > 1
			if first < 0 {
				first = start
			}
		}
	}
	switch {
	case first < 0, !strong && tcvn+vni < 2:
		return NoLegacy, -1
	case vni > tcvn:
		return VNI, first
	default:
		return TCVN3, first
	}
}

// FromLegacy returns s read back in enc: the text as it was typed before
// its bytes were taken for Windows-1252. Characters that enc does not use
// are kept as they are. Where s also holds Unicode Vietnamese (a word with
// "ơ", "ạ"…), text typed since was pasted beside the legacy text, and only
// the words that are no syllable as they are get read back.
func FromLegacy(s string, enc Encoding) string {
	if enc != TCVN3 && enc != VNI {
		return s
	}
	mixed, capitals := false, asciiCapitals(s)
	for _, r := range s {
		if r > 0xff && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) {
			mixed = true
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for len(s) > 0 {
		n := wordLength(s)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s)
			b.WriteString(s[:size])
			s = s[size:]
			continue
		}
		w := s[:n]
		s = s[n:]
		switch {
		case mixed && !legacyOnly(w):
			b.WriteString(w)
		case enc == TCVN3:
			fromTCVN3(&b, w, capitals)
		default:
			fromVNI(&b, w)
		}
	}
	return b.String()
}

// wordLength returns how many bytes of s the word it starts with has: a
// run of letters, marks and Latin-1 characters (which TCVN3 uses for
// letters); 0 when s starts with none of them.
func wordLength(s string) int {
	for i, r := range s {
		if !(r < 0x80 && isASCIILetter(byte(r)) || r >= 0xa1 && r <= 0xff || r > 0xff && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))) {
			return i
		}
	}
	return len(s)
}

// legacyOnly reports whether the word w can only be legacy text: made of
// ASCII and Latin-1, and no syllable as it is.
func legacyOnly(w string) bool {
	for _, r := range w {
		if r > 0xff {
			return false
		}
	}
	var buf [2 * maxSyllable]letter
	ls, ok := readLetters(w, &unicodeLetters, buf[:0])
	return !ok || !isSyllable(ls) || !plainCase(w)
}

// fromTCVN3 writes the word w read as TCVN3. TCVN3 has no toned capitals:
// text in capitals is typed in a font of capitals (".VnTimeH") with the
// codes of small letters.
func fromTCVN3(b *strings.Builder, w string, capitals bool) {
	for _, r := range w {
		if r >= 0x80 && r < 0x100 && tcvn3Letters[r].base != 0 {
			b.WriteRune(compose(tcvn3Letters[r], capitals || r >= 0xa1 && r <= 0xa7))
			continue
		}
		b.WriteRune(r)
	}
}

// fromVNI writes the word w read as VNI: a vowel followed by a mark is one
// letter.
func fromVNI(b *strings.Builder, w string) {
	var held letter // a vowel that a mark may still follow
	heldUpper := false
	flush := func() {
		if held.base != 0 {
			b.WriteRune(compose(held, heldUpper))
			held = letter{}
		}
	}
	for _, r := range w {
		if held.base != 0 && r < 0x100 && vniMarks[r].kind != 0 {
			if l, ok := vniMarks[r].apply(held); ok {
				b.WriteRune(compose(l, heldUpper))
				held = letter{}
				continue
			}
		}
		flush()
		switch {
		case r < 0x80 && isVowelByte(byte(r|0x20)):
			held, heldUpper = unicodeLetters[r], r < 'a'
		case r >= 0x80 && r < 0x100 && vniLetters[r].base != 0:
			l := vniLetters[r]
			if l.base == oHorn || l.base == uHorn { // ơ, ư take a tone mark
				held, heldUpper = l, unicode.IsUpper(r)
				continue
			}
			b.WriteRune(compose(l, unicode.IsUpper(r)))
		default:
			b.WriteRune(r)
		}
	}
	flush()
}

// asciiCapitals reports whether the ASCII letters of s are all capitals,
// and there are some.
func asciiCapitals(s string) bool {
	upper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			upper = true
		}
	}
	return upper
}

// tcvn3Letters reads the bytes of TCVN3 (TCVN 5712:1993, VN3) above 0x7F:
// the lower-case letters, and the seven capitals of the font; a zero base
// is a byte TCVN3 does not use.
var tcvn3Letters = func() (t [0x100]letter) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = letter{base: byte(c)}
		t[c-'a'+'A'] = letter{base: byte(c)}
	}
	set := func(bytes string, base byte) {
		for tone, r := range []rune(bytes) {
			t[r] = letter{base, byte(tone)}
		}
	}
	// Each row: the letter without tone, then huyền, hỏi, ngã, sắc, nặng.
	set("\u00a8\u00bb\u00bc\u00bd\u00be\u00c6", aBreve) // ă ằ ẳ ẵ ắ ặ
	set("\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb", aCirc)  // â ầ ẩ ẫ ấ ậ
	set("\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6", eCirc)  // ê ề ể ễ ế ệ
	set("\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9", oCirc)  // ô ồ ổ ỗ ố ộ
	set("\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee", oHorn)  // ơ ờ ở ỡ ớ ợ
	set("\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9", uHorn)  // ư ừ ử ữ ứ ự
	set("a\u00b5\u00b6\u00b7\u00b8\u00b9", 'a')         // à ả ã á ạ
	set("e\u00cc\u00ce\u00cf\u00d0\u00d1", 'e')         // è ẻ ẽ é ẹ
	set("i\u00d7\u00d8\u00dc\u00dd\u00de", 'i')         // ì ỉ ĩ í ị
	set("o\u00df\u00e1\u00e2\u00e3\u00e4", 'o')         // ò ỏ õ ó ọ
	set("u\u00ef\u00f1\u00f2\u00f3\u00f4", 'u')         // ù ủ ũ ú ụ
	set("y\u00fa\u00fb\u00fc\u00fd\u00fe", 'y')         // ỳ ỷ ỹ ý ỵ
	t[0xae] = letter{base: dStroke}                     // đ
	// The capitals Ă Â Ê Ô Ơ Ư Đ.
	for i, base := range []byte{aBreve, aCirc, eCirc, oCirc, oHorn, uHorn, dStroke} {
		t[0xa1+i] = letter{base: base}
	}
	return t
}()

// vniLetters are the characters that VNI uses as whole letters: đ, ơ, ư,
// i with a tone, ỵ.
var vniLetters = func() (t [0x100]letter) {
	set := func(chars string, l letter) {
		for _, r := range chars {
			t[r] = l
		}
	}
	set("Ññ", letter{base: dStroke})
	set("Ôô", letter{base: oHorn})
	set("Öö", letter{base: uHorn})
	set("Íí", letter{'i', toneAcute})
	set("Ìì", letter{'i', toneGrave})
	set("Ææ", letter{'i', toneHook})
	set("Óó", letter{'i', toneTilde})
	set("Òò", letter{'i', toneDot})
	set("Îî", letter{'y', toneDot})
	return t
}()

// vniMark is a character that VNI writes after a vowel: a tone, a
// circumflex (with a tone or none), a breve (with a tone or none).
type vniMark struct {
	kind byte // 't' tone, 'c' circumflex, 'b' breve; 0: not a mark
	tone byte
}

var vniMarks = func() (t [0x100]vniMark) {
	set := func(chars string, kind, tone byte) {
		for _, r := range chars {
			t[r] = vniMark{kind, tone}
		}
	}
	set("Ùù", 't', toneAcute)
	set("Øø", 't', toneGrave)
	set("Ûû", 't', toneHook)
	set("Õõ", 't', toneTilde)
	set("Ïï", 't', toneDot)
	set("Ââ", 'c', toneNone)
	set("Áá", 'c', toneAcute)
	set("Àà", 'c', toneGrave)
	set("Åå", 'c', toneHook)
	set("Ãã", 'c', toneTilde)
	set("Ää", 'c', toneDot)
	set("Êê", 'b', toneNone)
	set("Éé", 'b', toneAcute)
	set("Èè", 'b', toneGrave)
	set("Úú", 'b', toneHook)
	set("Üü", 'b', toneTilde)
	set("Ëë", 'b', toneDot)
	return t
}()

// apply returns the letter that m makes of the vowel l before it.
func (m vniMark) apply(l letter) (letter, bool) {
	if l.tone != toneNone {
		return letter{}, false
	}
	switch m.kind {
	case 't':
		switch l.base {
		case 'a', 'e', 'o', 'u', 'y', oHorn, uHorn:
			return letter{l.base, m.tone}, true
		}
	case 'c':
		switch l.base {
		case 'a':
			return letter{aCirc, m.tone}, true
		case 'e':
			return letter{eCirc, m.tone}, true
		case 'o':
			return letter{oCirc, m.tone}, true
		}
	case 'b':
		if l.base == 'a' {
			return letter{aBreve, m.tone}, true
		}
	}
	return letter{}, false
}

// nextCandidate finds the next word of s from i that could be legacy
// text: a run of ASCII letters and characters U+00A1–U+00FF, holding at
// least one of the latter, and a letter or two characters ("§«" is "Đô"
// in TCVN3; "©" alone is a sign), with no other character in it.
func nextCandidate(s string, i int) (start, end int, ok bool) {
	for i < len(s) {
		// Skip to a word.
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		start = i
		latin1, letter, beyond, runes := false, false, false, 0
		for ; i < len(s); runes++ {
			c := s[i]
			if c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				letter = true
				i++
				continue
			}
			if (c == 0xe1 && i+2 < len(s) && (s[i+1] == 0xba || s[i+1] == 0xbb)) || (c >= 0xc4 && c <= 0xc6 && i+1 < len(s)) {
				// U+1E80–U+1EFF, U+0100–U+01BF: the letters of Vietnamese
				// beyond Latin-1, read without decoding.
				beyond = true
				i += 2 + int(c>>5&1)
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= 0xa1 && r <= 0xff:
				latin1 = true
				letter = letter || unicode.IsLetter(r)
			case r >= 0x1ea0 && r <= 0x1ef9, r >= 0x100 && r <= 0x1b0, // Vietnamese letters
				unicode.IsLetter(r), unicode.Is(unicode.Mn, r):
				beyond = true
			default:
				size = 0
			}
			if size == 0 {
				break
			}
			i += size
		}
		if i == start { // a character that is no word's: step over it
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if latin1 && (letter || runes >= 2) && !beyond && !isUnit(s[start:i]) {
			return start, i, true
		}
	}
	return 0, 0, false
}

// isWordByte reports whether c may start a word: an ASCII letter or the
// first byte of a character beyond ASCII.
func isWordByte(c byte) bool { return c >= utf8.RuneSelf || isASCIILetter(c) }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isUnit reports whether w is a unit written with the micro sign ("µm",
// "µg"), which TCVN3 would read as a word starting with "à".
func isUnit(w string) bool {
	rest, ok := strings.CutPrefix(w, "µ")
	if !ok {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if !isASCIILetter(rest[i]) {
			return false
		}
	}
	return true
}

// legacyWord reports whether w, which is no Vietnamese syllable as it is,
// is one read back in TCVN3, or in VNI, and how many letters it then has.
func legacyWord(w string) (tcvn, vni bool, letters int) {
	var buf [2 * maxSyllable]letter
	ls, ok := readLetters(w, &unicodeLetters, buf[:0])
	if ok && isSyllable(ls) && plainCase(w) {
		return false, false, 0
	}
	if ls, ok := readLetters(w, &tcvn3Letters, buf[:0]); ok && isSyllable(ls) {
		tcvn, letters = true, len(ls)
	}
	if ls, ok := readVNI(w, buf[:0]); ok && isSyllable(ls) {
		vni, letters = true, max(letters, len(ls))
	}
	if tcvn && vni {
		// Both read as a syllable ("beâ": "bê" in VNI, "beõ" in TCVN3).
		// VNI writes a mark after a vowel; TCVN3 writes a toned vowel
		// whole, so a vowel is rarely followed by another.
		vni = vniMarkAfterVowel(w)
		tcvn = !vni
	}
	return tcvn, vni, letters
}

// vniMarkAfterVowel reports whether w has an ASCII vowel followed by a
// character that VNI uses as a mark.
func vniMarkAfterVowel(w string) bool {
	prevVowel := false
	for _, r := range w {
		if prevVowel && r < 0x100 && vniMarks[r].kind != 0 {
			return true
		}
		prevVowel = r < 0x80 && isVowelByte(byte(r|0x20))
	}
	return false
}

// readLetters reads w, whose characters are all below U+0100, through
// table; ok is false for a character the table has no letter for.
func readLetters(w string, table *[0x100]letter, ls []letter) ([]letter, bool) {
	for _, r := range w {
		if r >= 0x100 || table[r].base == 0 || len(ls) == cap(ls) {
			return ls, false
		}
		ls = append(ls, table[r])
	}
	return ls, true
}

// readVNI reads w as VNI: letters, each vowel possibly followed by a mark
// of its case ("aû", "AÛ"; "yÕ" is TCVN3's "ế").
func readVNI(w string, ls []letter) ([]letter, bool) {
	prevUpper := false
	for _, r := range w {
		if r >= 0x100 || len(ls) == cap(ls) {
			return ls, false
		}
		upper := unicode.IsUpper(r)
		switch {
		case r < 0x80:
			ls = append(ls, unicodeLetters[r])
		case vniLetters[r].base != 0:
			ls = append(ls, vniLetters[r])
		case vniMarks[r].kind != 0:
			if len(ls) == 0 || upper != prevUpper {
				return ls, false
			}
			l, ok := vniMarks[r].apply(ls[len(ls)-1])
			if !ok {
				return ls, false
			}
			ls[len(ls)-1] = l
		default:
			return ls, false
		}
		prevUpper = upper
	}
	return ls, true
}
