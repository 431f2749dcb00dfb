package vi

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search and duplicate key of s: s in NFC, lower case, with
// every diacritic removed (ă â ê ô ơ ư become a a e o o u, all five tones
// go), đ, Đ and their look-alikes Ð (U+00D0) and ð written as d, invisible
// format characters such as U+00AD and U+200B dropped, every run of white
// space turned into one space and the ends trimmed.
//
// Punctuation is kept, so "Đảng ủy xã Ka Đô" folds to "dang uy xa ka do"
// and "hòa" and "hoà", "ủy" and "uỷ" fold to the same key. Lower-case ASCII
// with single inner spaces is returned as is, without allocating.
func Fold(s string) string {
	n := foldedPrefix(s)
	if n == len(s) {
		return s
	}
	var buf [256]byte
	return string(foldAppend(buf[:0], s, n))
}

// foldedPrefix returns the length of the longest prefix of s that Fold would
// copy unchanged: lower-case ASCII without leading, trailing or doubled spaces.
func foldedPrefix(s string) int {
	space := true // a space here would be leading or doubled
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if space {
				return i
			}
			space = true
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', '\t' <= c && c <= '\r':
			return i
		default:
			space = false
		}
	}
	if space && len(s) > 0 {
		return len(s) - 1 // the trailing space
	}
	return len(s)
}

// foldAppend appends Fold(s) to b, copying the first n bytes of s, which
// foldedPrefix has vouched for, without looking at them again.
func foldAppend(b []byte, s string, n int) []byte {
	base := len(b)
	b = append(b, s[:n]...)
	pending := false // white space seen since the last rune written
	if len(b) > base && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
		pending = true
	}
	// Of the runes that combine with the one before them under NFC, foldRune
	// drops all but the Hangul vowel and final jamo; their syllables need NFC.
	jamo := false
	var runes [8]rune
	for i := n; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || '\t' <= c && c <= '\r' {
				pending = true
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if pending && len(b) > base {
				b = append(b, ' ')
			}
			pending = false
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if a := asciiFold(r); a != 0 {
			if pending && len(b) > base {
				b = append(b, ' ')
			}
			pending = false
			b = append(b, a)
			continue
		}
		if 0x300 <= r && r < 0x370 { // combining diacritical marks: the tones and hats
			continue
		}
		if unicode.IsSpace(r) {
			pending = true
			continue
		}
		for _, r := range foldRune(runes[:0], r, 0) {
			if pending && len(b) > base {
				b = append(b, ' ')
			}
			pending = false
			if r < utf8.RuneSelf {
				b = append(b, byte(r))
			} else {
				b = utf8.AppendRune(b, r)
				jamo = jamo || 0x1161 <= r && r <= 0x11C2
			}
		}
	}
	if jamo {
		// Through a string copy: handing b itself to norm would move the
		// caller's stack buffer to the heap.
		b = append(b[:base], norm.NFC.String(string(b[base:]))...)
	}
	return b
}

// foldRune appends to dst the runes that Fold writes for r, a rune that is
// neither ASCII nor white space: none for a mark or a format character, else
// r's canonical decomposition with marks dropped and letters in lower case.
func foldRune(dst []rune, r rune, depth int) []rune {
	switch r {
	case 'đ', 'Đ', 'Ð', 'ð':
		return append(dst, 'd')
	}
	if unicode.In(r, unicode.M, unicode.Cf) {
		return dst
	}
	var enc [utf8.UTFMax]byte
	p := norm.NFD.Properties(enc[:utf8.EncodeRune(enc[:], r)])
	if p.CCC() != 0 {
		return dst
	}
	if d := p.Decomposition(); d != nil && depth < 3 {
		for len(d) > 0 {
			dr, size := utf8.DecodeRune(d)
			d = d[size:]
			dst = foldRune(dst, dr, depth+1)
		}
		return dst
	}
	if l := unicode.ToLower(r); l != r && depth < 3 {
		return foldRune(dst, l, depth+1)
	}
	return append(dst, r)
}

// Latin letters with diacritics, U+00C0 to U+024F and U+1E00 to U+1EFF, are
// nearly all of non-ASCII Vietnamese; their folds are computed once, here.
var (
	latinFold   [0x250 - 0xC0]byte
	latinExFold [0x1F00 - 0x1E00]byte
)

func init() {
	fill := func(table []byte, first rune) {
		for i := range table {
			if rs := foldRune(nil, first+rune(i), 0); len(rs) == 1 && ' ' < rs[0] && rs[0] < utf8.RuneSelf {
				table[i] = byte(rs[0])
			}
		}
	}
	fill(latinFold[:], 0xC0)
	fill(latinExFold[:], 0x1E00)
}

// asciiFold returns the ASCII letter r folds to, or 0 if r is not in the
// tables or folds to something else.
func asciiFold(r rune) byte {
	switch {
	case 0xC0 <= r && r < 0x250:
		return latinFold[r-0xC0]
	case 0x1E00 <= r && r < 0x1F00:
		return latinExFold[r-0x1E00]
	}
	return 0
}
