package vi

import "unicode/utf8"

// Slug returns the URL segment for s: Fold(s) with apostrophes dropped
// without a separator (' ` ’ ‘ ʼ ´, so "D'Ran" gives "dran"), a few Latin
// letters without a decomposition spelled out (ß æ œ ø ł þ ı), and every
// other run of characters outside [a-z0-9] turned into one "-", trimmed at
// both ends.
//
// "Thị trấn D'Ran" gives "thi-tran-dran" and "Chi bộ 4 tốt" gives
// "chi-bo-4-tot"; letters of other scripts act as separators, so a string
// without Latin letters or digits gives "". A string that already IsSlug is
// returned as is, without allocating.
func Slug(s string) string {
	if IsSlug(s) {
		return s
	}
	var buf [256]byte
	return string(slugInPlace(foldAppend(buf[:0], s, foldedPrefix(s))))
}

// slugInPlace rewrites the folded text b as a slug; the result is never
// longer than b, so it is written over b as b is read.
func slugInPlace(b []byte) []byte {
	w := 0
	dash := false // a separator is due before the next letter or digit
	put := func(s string) {
		if dash && w > 0 {
			b[w] = '-'
			w++
		}
		dash = false
		w += copy(b[w:], s)
	}
	for r := 0; r < len(b); {
		c := b[r]
		if c < utf8.RuneSelf {
			r++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				if dash && w > 0 {
					b[w] = '-'
					w++
				}
				dash = false
				b[w] = c
				w++
			case c == '\'' || c == '`':
			default:
				dash = true
			}
			continue
		}
		ru, size := utf8.DecodeRune(b[r:])
		r += size // every spelling below is at most size bytes long
		switch ru {
		case '’', '‘', 'ʼ', '´':
		case 'ß':
			put("ss")
		case 'æ':
			put("ae")
		case 'œ':
			put("oe")
		case 'ø':
			put("o")
		case 'ł':
			put("l")
		case 'þ':
			put("th")
		case 'ı':
			put("i")
		default:
			dash = true
		}
	}
	return b[:w]
}

// IsSlug reports whether s is a non-empty run of words of [a-z0-9] joined by
// single hyphens, ^[a-z0-9]+(-[a-z0-9]+)*$, as Slug produces.
func IsSlug(s string) bool {
	dash := true // a hyphen here would be leading or doubled
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			dash = false
		case c == '-' && !dash:
			dash = true
		default:
			return false
		}
	}
	return !dash
}
