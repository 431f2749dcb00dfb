package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slug maps a title to a lowercase ASCII slug: tone marks dropped, đ/Đ (and
// the look-alike Ð) to d, apostrophes dropped, every other run of
// non-alphanumerics to a single hyphen.
func slug(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð' || r == 'ð':
			r = 'd'
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// truncSlug cuts a slug to at most max bytes at a hyphen.
func truncSlug(s string, max int) string {
	if len(s) <= max {
		return s
	}
	s = s[:max]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}

// isSlug reports whether s is a non-empty slug: a-z, 0-9, single hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// needsQuote reports whether a YAML plain scalar would not read back as the
// same string.
func needsQuote(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return true
	}
	if strings.ContainsAny(s[:1], "\"'*&[]{}#|>@`!%-?:,") {
		return true
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return true
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return true
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return true
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return true
	}
	return strings.Trim(s, "0123456789-:.+ ") == ""
}

// scalar returns s as a YAML scalar, double-quoted only when needed.
func scalar(s string) string {
	if !needsQuote(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// fm writes a front matter block.
type fm struct{ b *bytes.Buffer }

func (f fm) open()  { f.b.WriteString("---\n") }
func (f fm) close() { f.b.WriteString("---\n") }

// str writes key: value, quoting the value when needed.
func (f fm) str(key, val string) {
	f.b.WriteString(key)
	f.b.WriteString(": ")
	f.b.WriteString(scalar(val))
	f.b.WriteByte('\n')
}

// raw writes key: value as is (integers).
func (f fm) raw(key, val string) {
	f.b.WriteString(key)
	f.b.WriteString(": ")
	f.b.WriteString(val)
	f.b.WriteByte('\n')
}

func (f fm) int(key string, v int) { f.raw(key, strconv.Itoa(v)) }

func (f fm) date(key string, t time.Time) { f.raw(key, t.Format("2006-01-02")) }

// list writes a block sequence of strings.
func (f fm) list(key string, vals []string) {
	f.b.WriteString(key)
	f.b.WriteString(":\n")
	for _, v := range vals {
		f.b.WriteString("  - ")
		f.b.WriteString(scalar(v))
		f.b.WriteByte('\n')
	}
}

// folded writes key: > followed by text wrapped at about width runes,
// indented by two spaces.
func (f fm) folded(key, text string, width int) {
	f.b.WriteString(key)
	f.b.WriteString(": >\n")
	wrap(f.b, text, "  ", width)
}

// wrap writes text as lines of at most width runes (longer words stay
// whole), each prefixed by indent.
func wrap(b *bytes.Buffer, text, indent string, width int) {
	n := 0
	for i, w := range strings.Fields(text) {
		wl := utf8.RuneCountInString(w)
		if i > 0 && n+1+wl > width {
			b.WriteByte('\n')
			n = 0
		}
		if n == 0 {
			b.WriteString(indent)
		} else {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += wl
	}
	b.WriteByte('\n')
}
