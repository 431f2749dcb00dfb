// Package vi is the one place where mohinh handles Vietnamese text.
//
// Everything a registration's title, an organisation's name or a date goes
// through on its way to a page, an index, a URL or a duplicate check lives
// here, so that the whole site agrees on what "the same name" means and in
// which order names are listed. All functions are safe for concurrent use and
// take an ASCII fast path that neither normalises nor allocates.
//
// Normalisation. Unikey types precomposed text, while macOS and the Windows
// Vietnamese keyboard often produce decomposed text; the two look identical
// and compare different.
//
//   - NFC returns s in Unicode Normalization Form C, and s itself when it already is.
//   - IsNFC reports whether s is already in Normalization Form C.
//   - Upper returns the NFC upper case of s, as used for headings such as "HUYỆN ỦY ĐƠN DƯƠNG".
//
// Keys. Search and duplicate detection compare folded text: tone placement
// ("hòa"/"hoà", "ủy"/"uỷ") and the look-alike "Ð" (U+00D0) stop mattering.
//
//   - Fold returns the search and duplicate key of s: NFC, lower case, diacritics removed, đ as d, whitespace collapsed and trimmed.
//   - Slug returns the URL segment for s: Fold, apostrophes dropped, every other run outside [a-z0-9] turned into one "-".
//   - IsSlug reports whether s matches ^[a-z0-9]+(-[a-z0-9]+)*$.
//
// Order. Lists are sorted in Vietnamese alphabetical order
// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), tones being
// a secondary difference (none, huyền, hỏi, ngã, sắc, nặng); strings the
// collation finds equal are ordered by their bytes, so every order is total
// and reproducible from build to build.
//
//   - Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
//   - Key is a collation key: comparing two keys with bytes.Compare gives the same answer as Compare.
//   - SortKey returns the Key of s, for callers that sort or index many strings.
//   - SortStrings sorts a slice of strings in Vietnamese order, computing each key once.
//   - SortBy stably sorts a slice in Vietnamese order of key(element), computing each key once.
//
// Dates.
//
//   - DateProse formats a date for running text and the place-and-date line, "ngày 08 tháng 01 năm 2024".
//   - DateShort formats a date for tables, "08/01/2024".
package vi
