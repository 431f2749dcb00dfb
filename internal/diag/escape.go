package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that a terminal, a CI log or an
// editor would act on instead of showing written as a visible escape, so
// that a file name or a value quoted in a message prints as one line that
// says what it holds. Git allows any byte but NUL and "/" in a file name,
// and YAML's double quotes write any character ("\e", "\x9b", "\u202e"):
// printed raw, ESC ] 52 sets the reader's clipboard, a newline starts a
// line that looks like mohinh's own ("mohinh check: 0 lỗi") or, in GitHub
// Actions, a workflow command, and a bidi override shows the text in
// another order than it has.
//
// Newline, carriage return and tab become \n, \r and \t; the other C0
// controls and DEL \x1b style; C1 controls, the line and paragraph
// separators and the bidi embeddings, overrides and isolates \u202e style;
// a byte that is not UTF-8 \xff style. Everything else, backslashes
// included, is kept, so Escape(Escape(s)) == Escape(s), and text without
// such characters is returned as it is.
func Escape(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && Unsafe(r):
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case Unsafe(r):
			b.WriteString(`\u`)
			b.WriteString(hex4(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Unsafe reports whether r is a character Escape writes as an escape:
// a C0 or C1 control, DEL, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
// SEPARATOR, or a bidi embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069). Printers that escape in their own syntax, as JSON does,
// ask it which characters to escape.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// firstUnsafe returns the offset of the first byte of s that Escape
// changes, or len(s). ASCII is judged a byte at a time: it is nearly all
// of a message.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Unsafe(r) {
			return i
		}
		i += size
	}
	return len(s)
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}

func hex4(r rune) string {
	h := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", 4-len(h)) + h
}
