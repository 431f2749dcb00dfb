package vi

// Legacy Vietnamese encodings. Text copied out of old .doc files typed in
// TCVN3 (ABC, fonts ".VnTime") or VNI (fonts "VNI-Times") arrives as
// mojibake: the legacy bytes read as Windows-1252 letters and symbols that
// Vietnamese never uses — "Uû ban nh©n d©n" for "Ủy ban nhân dân".

// Encoding names a legacy encoding that text appears to be in.
type Encoding string

// The legacy encodings LegacyEncoding recognises.
const (
	NoLegacy Encoding = ""
	TCVN3    Encoding = "TCVN3"
	VNI      Encoding = "VNI"
)

// tcvn3Marks are Windows-1252 characters that TCVN3 uses for Vietnamese
// letters (â ê ô ơ ư đ ă and tone forms), and that Vietnamese text in
// Unicode does not contain.
var tcvn3Marks = runeSet{
	'¨': true, '©': true, 'ª': true, '«': true, '¬': true, '®': true,
	'µ': true, '¶': true, '·': true, '¸': true, '¹': true, '¼': true,
	'½': true, '¾': true, '¤': true, '¥': true, '¦': true, '§': true,
	'¡': true, '¢': true, '£': true, 'Æ': true, 'Ç': true, 'Ë': true,
	'Ï': true, 'Þ': true, 'þ': true, 'ø': true, 'ß': true,
}

// vniMarks are Windows-1252 letters that VNI uses as tone and vowel marks
// after a base letter (Ñ for Đ, ö for ư, ø û ï for tones…), and that
// Vietnamese text in Unicode does not contain.
var vniMarks = runeSet{
	'Ñ': true, 'ñ': true, 'ö': true, 'Ö': true, 'û': true, 'Û': true,
	'ï': true, 'Ï': true, 'ä': true, 'Ä': true, 'ë': true, 'Ë': true,
	'å': true, 'Å': true, 'ü': true, 'Ü': true, 'ø': true, 'Ø': true,
	'î': true, 'Î': true,
}

// runeSet is a set of runes below U+0100, looked up by index: the hot path
// of reading every file.
type runeSet [256]bool

func (s *runeSet) has(r rune) bool { return r < 256 && s[r] }

// LegacyEncoding reports whether s looks like TCVN3 or VNI mojibake, and
// the byte offset of the first telling character. Telling characters count
// only inside words, and it takes three of them, or two in one word, so that
// a lone "©" or foreign names such as "Peña" and "Müller" do not count.
func LegacyEncoding(s string) (Encoding, int) {
	tcvn, vni, first := 0, 0, -1
	prevLetter := false
	inThisWord, twoInAWord := 0, false
	for i, r := range s {
		isLetter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0x1EF9
		inWord := prevLetter // a mark follows its base letter
		telling := true
		switch {
		case tcvn3Marks.has(r) && inWord:
			tcvn++
		case vniMarks.has(r) && (inWord || r == 'Ñ'): // VNI's Đ starts words
			vni++
		default:
			telling = false
		}
		if telling {
			if first < 0 {
				first = i
			}
			inThisWord++
			twoInAWord = twoInAWord || inThisWord >= 2
		}
		prevLetter = isLetter || tcvn3Marks.has(r) || vniMarks.has(r)
		if !prevLetter {
			inThisWord = 0
		}
	}
	switch {
	case tcvn+vni < 3 && !twoInAWord:
		return NoLegacy, -1
	case tcvn >= vni:
		return TCVN3, first
	default:
		return VNI, first
	}
}
