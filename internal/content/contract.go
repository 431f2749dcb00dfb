package content

import (
	"regexp"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// The rules below are the ones other packages need besides the loader:
// the form's schema (internal/render), "mohinh new" (internal/newreg),
// "check --fix" (internal/check). Each is written here once and asked for
// there, so that what they write is what the loader accepts.

// NumberPattern is the form of a Party document number, "12-CV/ĐU",
// "943-CV/HU", "05-CV/BTCHU": a number, the kind of document, the
// issuer's symbol. It is written for Go's regexp and JavaScript's alike:
// the form checks numbers with it.
const NumberPattern = `^\d{1,4}-[A-ZĐ]{1,6}/[A-ZĐ][A-ZĐ0-9.-]*$`

var numberPattern = regexp.MustCompile(NumberPattern)

// MayRegister reports whether o may answer call c: an organisation
// dissolved on or before the day the call was issued cannot; its
// successor answers in its place.
func (o *Organisation) MayRegister(c *Campaign) bool {
	return o.Dissolved.IsZero() || c.Issued.Before(o.Dissolved)
}

// MaxSlugLen bounds a registration's file name, in bytes, without .md:
// long enough to recognise the model, short enough for paths and
// addresses to stay readable.
const MaxSlugLen = 80

// FileSlug returns the file name, without .md, that a registration of
// this title is given — by "mohinh new", by "check --fix" and by the
// form: vi.Slug of the title, cut after the last whole word that fits in
// MaxSlugLen, or at MaxSlugLen inside a first word longer than that. ""
// when the title has no letter or digit to name a file by.
func FileSlug(title string) string {
	s := vi.Slug(title)
	if len(s) <= MaxSlugLen {
		return s
	}
	// s[MaxSlugLen] is a hyphen when the word before it ends exactly at
	// the bound: the cut keeps that word.
	if i := strings.LastIndexByte(s[:MaxSlugLen+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:MaxSlugLen]
}
