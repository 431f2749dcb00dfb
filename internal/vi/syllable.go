package vi

import (
	"strings"
	"unicode"
)

// Vietnamese syllables, spelt: an onset, vowels that go together, a coda
// they take, one tone on the vowel that carries it. Legacy text is told
// from Vietnamese by whether its words are syllables (legacy.go).

// letter is a Vietnamese letter as a base letter and a tone. Bases are
// lower-case ASCII letters, or one of the codes below for ă â ê ô ơ ư đ.
type letter struct {
	base byte
	tone byte // toneNone … toneDot
}

const (
	aBreve  = 'A' // ă
	aCirc   = 'B' // â
	eCirc   = 'E' // ê
	oCirc   = 'O' // ô
	oHorn   = 'P' // ơ
	uHorn   = 'U' // ư
	dStroke = 'D' // đ
)

// The tones, in the order of toneForms.
const (
	toneNone  = iota
	toneGrave // huyền
	toneHook  // hỏi
	toneTilde // ngã
	toneAcute // sắc
	toneDot   // nặng
)

// toneForms lists every Vietnamese vowel with its five tones, in the order
// of the tone constants, keyed by its base.
var toneForms = map[byte]string{
	'a': "aàảãáạ", aBreve: "ăằẳẵắặ", aCirc: "âầẩẫấậ",
	'e': "eèẻẽéẹ", eCirc: "êềểễếệ",
	'i': "iìỉĩíị",
	'o': "oòỏõóọ", oCirc: "ôồổỗốộ", oHorn: "ơờởỡớợ",
	'u': "uùủũúụ", uHorn: "ưừửữứự",
	'y': "yỳỷỹýỵ",
}

// composed[base][tone] is the lower-case character of a letter.
var composed = func() (t [128][6]rune) {
	for c := 'a'; c <= 'z'; c++ {
		t[c][0] = c
	}
	t[dStroke][0] = 'đ'
	for base, forms := range toneForms {
		for tone, r := range []rune(forms) {
			t[base][tone] = r
		}
	}
	return t
}()

// unicodeLetters reads the letters below U+0100 as Vietnamese letters,
// case folded; a zero base is a character no Vietnamese word holds.
var unicodeLetters = func() (t [0x100]letter) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = letter{base: byte(c)}
		t[c-'a'+'A'] = letter{base: byte(c)}
	}
	for base, forms := range toneForms {
		for tone, r := range []rune(forms) {
			if r < 0x100 {
				t[r] = letter{base, byte(tone)}
				t[unicode.ToUpper(r)] = letter{base, byte(tone)}
			}
		}
	}
	t['Ð'], t['ð'] = letter{base: dStroke}, letter{base: dStroke} // look-alikes of Đ, đ
	return t
}()

// compose returns the character of l, upper case when upper.
func compose(l letter, upper bool) rune {
	r := composed[l.base][l.tone]
	if upper {
		return unicode.ToUpper(r)
	}
	return r
}

// maxSyllable is the most letters a Vietnamese syllable has ("nghiêng").
const maxSyllable = 7

// plainCase reports whether w is written in lower case, capitalised or in
// capitals, as words are: "TuÊn" is not, and is "Tuấn" in TCVN3.
func plainCase(w string) bool {
	upper, lower, first := 0, 0, true
	firstUpper := false
	for _, r := range w {
		switch {
		case r < 0x100 && letterCase[r] == 'U', r >= 0x100 && unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case r < 0x100 && letterCase[r] == 'L', r >= 0x100 && unicode.IsLower(r):
			lower++
		}
		first = false
	}
	return upper == 0 || lower == 0 || upper == 1 && firstUpper
}

// letterCase is 'U' for the capitals below U+0100, 'L' for the small
// letters.
var letterCase = func() (t [0x100]byte) {
	for r := range rune(0x100) {
		switch {
		case unicode.IsUpper(r):
			t[r] = 'U'
		case unicode.IsLower(r):
			t[r] = 'L'
		}
	}
	return t
}()

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', aBreve, aCirc, eCirc, oCirc, oHorn, uHorn:
		return true
	}
	return false
}

// Which codas a vowel cluster takes.
const (
	codaAny  = iota + 1 // with or without: "a", "an"
	codaNone            // ends in a glide: "ai", "ao", "iêu"
	codaMust            // needs one: "ăn", "tiên", "muốn"
)

// clusterRule returns which codas the vowels a syllable holds between its
// onset and its coda take, written with the base codes of letter; 0 when
// they do not go together. A switch, not a map: it runs on most words of
// every file.
func clusterRule(vowels string) byte {
	switch vowels {
	case "a", "e", "E", "i", "o", "O", "P", "u", "U", "oa", "oe", "uE",
		"y", "uy": // "y" takes a coda after qu: "quýt", "quỳnh"
		return codaAny
	case "A", "B", "iE", "yE", "uO", "UP", "oA", "uB", "uyE", "oo":
		return codaMust
	case "ai", "ao", "au", "ay", "Bu", "By", "eo", "Eu", "ia", "iu", "oi", "Oi", "Pi",
		"ua", "ui", "Ua", "Ui", "Uu", "oai", "oao", "oay", "oeo", "uBy", "uOi", "UPi",
		"UPu", "iEu", "yEu", "uya", "uyu", "uP":
		return codaNone
	}
	return 0
}

// isSyllable reports whether ls spell one Vietnamese syllable: an onset,
// vowels that go together, a coda they take, at most one tone, and after
// c, ch, p or t only the tones sắc or nặng.
func isSyllable(ls []letter) bool {
	if len(ls) == 0 || len(ls) > maxSyllable {
		return false
	}
	var buf [maxSyllable]byte
	tone, toneAt := byte(toneNone), 0
	for i, l := range ls {
		if l.tone != toneNone {
			if tone != toneNone {
				return false
			}
			tone, toneAt = l.tone, i
		}
		buf[i] = l.base
	}
	s := buf[:len(ls)]
	rest := s[onsetLength(s):]
	n := 0
	for n < len(rest) && isVowelByte(rest[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	vowels, coda := string(rest[:n]), string(rest[n:])
	if len(s) > 2 && s[0] == 'q' && (vowels[0] == 'u' || vowels[0] == uHorn) {
		return false // "quu", "quư"
	}
	rule := clusterRule(vowels)
	if at := toneAt - (len(s) - len(rest)); tone != toneNone && !toneFits(vowels, coda, rule, at) {
		return false
	}
	switch {
	case rule == 0,
		rule == codaNone && coda != "",
		rule == codaMust && coda == "":
		return false
	}
	switch coda {
	case "":
	case "m", "n":
	case "ng":
		return !endsInFront(vowels)
	case "c":
		return !endsInFront(vowels) && stopTone(tone)
	case "p", "t":
		return stopTone(tone)
	case "nh":
		return takesPalatal(vowels)
	case "ch":
		return (takesPalatal(vowels) || vowels == "uyE") && stopTone(tone)
	default:
		return false
	}
	return true
}

// toneFits reports whether the tone may stand on the vowel at of vowels:
// on the first of a pair ending in a glide ("mái", "của", "mưa"), on the
// middle of three ("ngoài", "người"), on the last before a coda or in
// iê, uô, ươ ("tiến", "muốn", "hoàng"); oa, oe, uy, uê at the end of a
// syllable take it on either ("hòa" and "hoà", "thủy" and "thuỷ").
func toneFits(vowels, coda string, rule byte, at int) bool {
	n := len(vowels)
	switch {
	case at < 0 || at >= n:
		return false
	case n == 1:
		return true
	case coda == "" && (vowels == "oa" || vowels == "oe" || vowels == "uy" || vowels == "uE"):
		return true
	case coda != "" || rule == codaMust || vowels == "uP":
		return at == n-1
	case n == 3:
		return at == 1
	}
	return at == 0
}

// onsetLength returns how many letters of s its onset has; a q without u
// or an onset that is no Vietnamese one is the whole of s, leaving no vowel.
func onsetLength(s []byte) int {
	has := func(p string) bool { return len(s) > len(p) && string(s[:len(p)]) == p }
	switch {
	case has("ngh"):
		return 3
	case has("gi") && isVowelByte(s[2]):
		return 2 // "gia"; but "gì", "gìn": g, then the vowel i
	case has("qu"):
		return 2
	case has("ng"), has("nh"), has("ch"), has("gh"), has("kh"), has("ph"), has("th"), has("tr"):
		return 2
	case len(s) > 0 && isVowelByte(s[0]):
		return 0
	case len(s) > 0 && strings.IndexByte("bcdDghklmnprstvx", s[0]) >= 0:
		return 1
	}
	return len(s)
}

// endsInFront reports whether vowels end in i or y, which take nh and ch
// rather than ng and c.
func endsInFront(vowels string) bool {
	switch vowels[len(vowels)-1] {
	case 'i', 'y':
		return true
	}
	return false
}

// takesPalatal reports whether vowels take the codas nh and ch: "anh",
// "ênh", "inh", "ych", "oanh", "uênh", "uynh"; and ch "khuyếch".
func takesPalatal(vowels string) bool {
	switch vowels {
	case "a", "E", "i", "y", "oa", "uE", "uy":
		return true
	}
	return false
}

// stopTone reports whether tone may stand before c, ch, p, t.
func stopTone(tone byte) bool { return tone == toneAcute || tone == toneDot }
