package vi

import (
	"strings"

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
	// QuickSpanString settles almost every string without allocating;
	// IsNormalString, which always allocates, settles the rest.
	return isASCII(s) || norm.NFC.QuickSpanString(s) == len(s) || norm.NFC.IsNormalString(s)
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
	if isASCII(s) {
		return len(s)
	}
	return norm.NFC.QuickSpanString(s)
}
