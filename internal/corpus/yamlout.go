package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// fm writes a front matter block.
type fm struct{ b *bytes.Buffer }

func (f fm) open()  { f.b.WriteString("---\n") }
func (f fm) close() { f.b.WriteString("---\n") }

// str writes key: value, quoted when YAML needs it (content.YAMLScalar).
func (f fm) str(key, val string) {
	f.b.WriteString(key)
	f.b.WriteString(": ")
	f.b.WriteString(content.YAMLScalar(val))
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
		f.b.WriteString(content.YAMLScalar(v))
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
