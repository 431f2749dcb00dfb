package vi

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C, or s itself, without
// allocating, when it already is.
func NFC(s string) string {
	if IsNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// IsNFC reports whether s is in Unicode Normalization Form C.
func IsNFC(s string) bool {
	// The fast span settles Vietnamese text; QuickSpanString almost every
	// other string without allocating; IsNormalString, which always
	// allocates, the rest.
	n := NFCPrefix(s)
	return n == len(s) || norm.NFC.IsNormalString(s[n:])
}

// Upper returns the upper case of s in Normalization Form C.
//
// Normalising first matters: in decomposed text the tone is a separate
// combining mark, and recomposing after the case change keeps "Ủ" one rune.
func Upper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	return NFC(strings.ToUpper(NFC(s)))
}

// isASCII reports whether s contains only 7-bit bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// NFCPrefix returns the length in bytes of the longest prefix of s known to
// be in Normalization Form C: where a problem with normalisation starts.
func NFCPrefix(s string) int {
	// Precomposed Vietnamese letters are below U+0300 or in Latin Extended
	// Additional (U+1E00–U+1EFF): starters that are always NFC. A text
	// made of them is settled here, several times faster than the tables
	// of x/text; anything else is handed to them from the last starter.
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			last = i
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x300 || r >= 0x1E00 && r <= 0x1EFF {
			last = i
			i += size
			continue
		}
		return last + norm.NFC.QuickSpanString(s[last:])
	}
	return len(s)
}
