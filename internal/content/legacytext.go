package content

// Text pasted from a document typed in a legacy encoding (TCVN3, VNI),
// found line by line and reported per key and for the body, quoting the
// text and what it likely says (vi.LegacyEncoding, vi.FromLegacy).

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// checkLegacy reports text pasted from a document typed in a legacy
// encoding (vi.LegacyEncoding), which would reach the printed document as
// it is: once for every key of the front matter whose value holds some,
// and once for the body, each time quoting the text found and what it
// likely says. It reads the file line by line, so that it finds it even
// where the front matter does not parse, and points at the text itself.
func checkLegacy(path, text string, diags *diag.List) {
	if enc, _ := vi.LegacyEncoding(text); enc == vi.NoLegacy {
		return // nearly every file: one pass, and no line finds more than the whole
	}
	var (
		line        = 0
		front       = false // inside the front matter
		opened      = false // the front matter has been opened (or cannot be)
		key         = ""    // the key the current line of the front matter belongs to
		keyReported = false
		body        legacyFind // the first in the body
		bodyLines   = 0
	)
	for len(text) > 0 {
		var l string
		l, text = cutLine(text)
		line++
		trimmed := strings.TrimRight(l, " \t\r")
		switch {
		case !opened && trimmed == "":
			continue
		case !opened:
			opened, front = true, trimmed == "---"
			if front {
				continue
			}
		case front && trimmed == "---":
			front = false
			continue
		}
		if front {
			start := len(l) - len(strings.TrimLeft(l, " \t"))
			if start == len(l) || l[start] == '#' {
				continue // a comment: never published
			}
			if start == 0 && l[0] != '-' {
				if k, _, ok := strings.Cut(l, ":"); ok {
					key, keyReported = k, false
					start = len(k) + 1
				}
			}
			start = len(l) - len(strings.TrimLeft(l[start:], " \t-"))
			if keyReported || !hasLatin1(l[start:]) {
				continue
			}
			if f, ok := findLegacy(l, start); ok {
				keyReported = true
				f.report(path, line, fmt.Sprintf("giá trị của khóa %q", cut(key, 40)), 0, diags)
			}
			continue
		}
		if !hasLatin1(l) {
			continue
		}
		start := len(l) - len(strings.TrimLeft(l, "#>*+- \t"))
		if f, ok := findLegacy(l, start); ok {
			if bodyLines == 0 {
				body, body.line = f, line
			}
			bodyLines++
		}
	}
	if bodyLines > 0 {
		body.part = true
		body.report(path, body.line, "phần nội dung", bodyLines-1, diags)
	}
}

// legacyFind is legacy text found on a line.
type legacyFind struct {
	enc    vi.Encoding
	line   int
	col    int    // of quoted, in characters
	quoted string // the text as found, cut to a readable length
	likely string // what quoted likely says
	part   bool   // quoted is a part of the value or line, not all of it
}

// maxQuoted is the most characters of legacy text a message quotes.
const maxQuoted = 60

// findLegacy looks for legacy text in l from byte start on, and returns
// it as a message quotes it, with what it likely says: from start (the
// value, or where the body's text begins) to the end of the line, cut to
// maxQuoted characters around the first legacy word when it is longer.
func findLegacy(l string, start int) (legacyFind, bool) {
	value := strings.TrimRight(l[start:], " \t\r")
	enc, at := vi.LegacyEncoding(value)
	if enc == vi.NoLegacy {
		return legacyFind{}, false
	}
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		value, start, at = value[1:len(value)-1], start+1, at-1
	}
	// Read back the whole value, which tells typed text from pasted, then
	// cut both at the same words: reading back keeps every space.
	words := strings.Split(value, " ")
	likely := strings.Split(vi.FromLegacy(value, enc), " ")
	if len(likely) != len(words) {
		likely = words
	}
	from, to, n := 0, len(words), 0
	for i, w := range words { // the word before the first legacy one, when far in
		if n += len(w) + 1; n > at {
			if utf8.RuneCountInString(value[:at]) > maxQuoted/3 {
				from = max(i-1, 0)
			}
			break
		}
	}
	runes := 0
	for i := from; i < len(words); i++ {
		if runes += utf8.RuneCountInString(words[i]) + 1; runes > maxQuoted+1 && i > from {
			to = i
			break
		}
	}
	f := legacyFind{enc: enc, part: from > 0 || to < len(words)}
	f.quoted, f.likely = strings.Join(words[from:to], " "), strings.Join(likely[from:to], " ")
	if from > 0 {
		f.quoted, f.likely = "…"+f.quoted, "…"+f.likely
		start += len(strings.Join(words[:from], " ")) + 1
	}
	if to < len(words) {
		f.quoted, f.likely = f.quoted+"…", f.likely+"…"
	}
	f.col = utf8.RuneCountInString(l[:start]) + 1
	return f, true
}

// report reports f, found in what ("giá trị của khóa …", "phần nội dung"),
// and on more lines besides.
func (f legacyFind) report(path string, line int, what string, more int, diags *diag.List) {
	font := ".VnTime"
	if f.enc == vi.VNI {
		font = "VNI-Times"
	}
	elsewhere := ""
	if more > 0 {
		elsewhere = fmt.Sprintf(" (cùng lỗi này ở %d dòng khác của phần nội dung)", more)
	}
	verb := " là "
	if f.part {
		verb = " có đoạn "
	}
	diags.Errorf(path, line, f.col, "legacy-encoding", "%s%s%s, có vẻ được dán từ tài liệu dùng bảng mã %s (phông %s) nên bị lỗi phông; có lẽ đúng ra là %s%s: hãy gõ lại bằng bảng mã Unicode, hoặc chuyển mã sang Unicode rồi dán lại (trong Unikey: chép đoạn văn, bấm Ctrl+Shift+F6, chọn nguồn %s, đích Unicode, bấm Chuyển mã)",
		what, verb, quoteText(f.quoted), f.enc, font, quoteText(f.likely), elsewhere, f.enc)
}

// quoteText returns s in double quotes as a message shows text found in a
// file: as it is, but for characters that are not visible, written as Go
// escapes — except the soft hyphen, which TCVN3 uses for "ư".
func quoteText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if unicode.IsGraphic(r) || r == '\u00ad' {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	b.WriteByte('"')
	return b.String()
}

// hasLatin1 reports whether s holds a character of U+0080–U+00FF, the only
// ones legacy text is made of besides ASCII: a line without one is skipped.
func hasLatin1(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xc2 || s[i] == 0xc3 {
			return true
		}
	}
	return false
}
