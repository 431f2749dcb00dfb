package render

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// TextTables is chu-viet.json: internal/vi's folding and slug rules as
// tables, computed here by calling vi.Fold and vi.Slug on every character
// of the ranges Vietnamese text uses, so that the browser (assets/vi.js)
// applies the one definition instead of a copy. testdata/vi-cases.json
// holds the cases both sides are tested on.
type TextTables struct {
	// Fold maps each character that vi.Fold changes to what it writes for
	// it ("" for a character it drops). The browser writes other
	// characters in lower case without their marks, as vi.Fold does.
	Fold map[string]string `json:"fold"`
	// Spaces are the characters vi.Fold treats as white space: a run of
	// them is one space between words, none at the ends.
	Spaces string `json:"spaces"`
	// Slug maps the characters of folded text that vi.Slug does not treat
	// as a separator: "" for those it drops (apostrophes), else the letters
	// it writes. Every other character outside a–z and 0–9 separates words.
	Slug map[string]string `json:"slug"`
	// MaxSlug is the longest file name, in bytes, that the form writes
	// (content.FileSlug): a longer slug is cut at its last hyphen that fits.
	MaxSlug int `json:"maxSlug"`
}

// textRanges are the characters the tables cover: Latin with its
// extensions and marks, general punctuation, and the odd spaces.
var textRanges = [][2]rune{
	{0x0000, 0x036F},
	{0x1680, 0x1680},
	{0x180E, 0x180E},
	{0x1AB0, 0x1AFF},
	{0x1DC0, 0x1EFF},
	{0x2000, 0x206F},
	{0x20D0, 0x20FF},
	{0x3000, 0x3000},
	{0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F},
	{0xFEFF, 0xFEFF},
}

var textTables = sync.OnceValue(func() TextTables {
	t := TextTables{Fold: map[string]string{}, Slug: map[string]string{}, MaxSlug: content.MaxSlugLen}
	var spaces strings.Builder
	for _, rg := range textRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			c := string(r)
			if isFoldSpace(r) {
				spaces.WriteRune(r)
				continue
			}
			f := vi.Fold(c)
			if f != c {
				t.Fold[c] = f
				continue
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				continue
			}
			// A character Fold keeps: what does Slug make of it between
			// two letters?
			switch s := vi.Slug("a" + c + "b"); {
			case s == "ab":
				t.Slug[c] = ""
			case s != "a-b":
				t.Slug[c] = strings.TrimSuffix(strings.TrimPrefix(s, "a"), "b")
			}
		}
	}
	t.Spaces = spaces.String()
	return t
})

// isFoldSpace reports whether vi.Fold treats r as white space: a lone r
// folds to nothing, and between two letters to one space.
func isFoldSpace(r rune) bool {
	return vi.Fold(string(r)) == "" && vi.Fold("a"+string(r)+"b") == "a b"
}

// slugDropSet are the characters vi.Slug drops without separating words,
// as it does apostrophes ("D'Ran" gives "dran").
var slugDropSet = sync.OnceValue(func() map[rune]bool {
	set := map[rune]bool{}
	for c, s := range textTables().Slug {
		if s == "" {
			r, _ := utf8.DecodeRuneInString(c)
			set[r] = true
		}
	}
	return set
})
