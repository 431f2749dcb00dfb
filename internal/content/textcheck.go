package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
	"go.yaml.in/yaml/v3"
)

// checkText looks at the whole text of a file for what no single value
// shows: text typed in a legacy encoding, text that is not NFC, and
// personal data that should not be published. It reports whether the text
// is NFC, so that its values need no normalising.
func checkText(path string, data []byte, diags *diag.List) (nfc bool) {
	text := string(data)
	checkLegacy(path, text, diags)
	nfc = true
	if n := vi.NFCPrefix(text); n < len(text) && !vi.IsNFC(text[n:]) {
		nfc = false
		line, col := position(data, n)
		diags.Warnf(path, line, col, "not-nfc", "văn bản chưa ở dạng Unicode dựng sẵn (NFC), thường do bộ gõ có sẵn của Windows, macOS, hoặc Unikey đặt bảng mã Unicode tổ hợp: hãy chạy \"mohinh check --fix\" để chuẩn hóa, nội dung không thay đổi")
	}
	checkPersonalData(path, data, diags)
	return nfc
}

// checkValueText reports the value of key, at the key's line and col,
// when its text holds a character that no text of the portal may hold
// (RefusedRune): YAML's double quotes can write any character ("\e",
// "\x00", "\u0085", "\uFFFE"), which would reach every page, report and
// log the text is printed in. Every value of a front matter passes here,
// from newRecord, before any field reads it; a list or a mapping is looked
// at whole. It reports whether it found one: the value is then refused.
func checkValueText(path, key string, line, col int, v *yaml.Node, diags *diag.List) bool {
	stack := []*yaml.Node{v}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = append(stack[:len(stack)-1], n.Content...)
		r, bad := RefusedRune(n.Value)
		if !bad {
			continue
		}
		if isNoncharacter(r) {
			diags.Errorf(path, line, col, "noncharacter", "giá trị của khóa %q có ký tự U+%04X, là mã Unicode không dành cho chữ nào (noncharacter): hãy xóa ký tự này; trong dấu ngoặc kép, nó được viết là %s", key, r, yamlEscapes(r))
		} else {
			diags.Errorf(path, line, col, "control-character", "giá trị của khóa %q có ký tự điều khiển U+%04X, là ký tự vô hình, không phải chữ: hãy xóa ký tự này; trong dấu ngoặc kép, nó được viết là %s", key, r, yamlEscapes(r))
		}
		return true
	}
	return false
}

// checkCurlyQuotes warns about a value written between the curly
// quotation marks a word processor types (“Tủ sách”): YAML takes them for
// text, and they would be printed as part of the value. v is the value of
// key, or a list whose items are looked at.
func checkCurlyQuotes(path, key string, v *yaml.Node, shift int, diags *diag.List) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for _, n := range items {
		if n.Kind != yaml.ScalarNode || n.Style != 0 || !curlyWrapped(n.Value) {
			continue
		}
		lead := key + ":"
		if n != v {
			lead = "-"
		}
		diags.Warnf(path, n.Line+shift, n.Column, "curly-quotes", "giá trị của khóa %q nằm giữa hai dấu “ ” (ngoặc kép kiểu Word); đó không phải dấu ngoặc kép của YAML nên hai dấu này sẽ được in ra như một phần của giá trị: hãy xóa chúng, hoặc thay bằng dấu ngoặc kép thẳng: %s %s",
			key, lead, yamlQuoted(stripCurly(n.Value)))
	}
}

// curlyWrapped reports whether s is wrapped in curly quotation marks and
// holds no other: "“Dân vận khéo” và “Hũ gạo”" names two things in
// quotation marks and is left alone.
func curlyWrapped(s string) bool {
	open, size := utf8.DecodeRuneInString(s)
	end, endSize := utf8.DecodeLastRuneInString(s)
	if len(s) <= size+endSize {
		return false
	}
	inner := s[size : len(s)-endSize]
	switch {
	case (open == '“' || open == '„' || open == '”') && (end == '”' || end == '“'):
		return !strings.ContainsAny(inner, "“”„")
	case open == '‘' && end == '’':
		return !strings.ContainsAny(inner, "‘’")
	}
	return false
}

// RefusedRune returns the first character of s that no text of the
// content may hold, and whether there is one: a control character (C0,
// DEL, C1) other than tab and newline, which a terminal acts on and a page
// or a spreadsheet cannot show, or a noncharacter, which XML, and so the
// spreadsheet, cannot carry. The loader refuses a value holding one; what
// writes content (a form, a command) asks it what to leave out.
func RefusedRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20, r >= 0x7f && r <= 0x9f, isNoncharacter(r):
			return r, true
		}
	}
	return 0, false
}

// isNoncharacter reports whether r is one of Unicode's 66 noncharacters:
// U+FDD0–U+FDEF and the last two code points of every plane.
func isNoncharacter(r rune) bool {
	return r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe
}

// yamlNamedEscapes are the escapes of YAML's double quotes that name a
// control character.
var yamlNamedEscapes = map[rune]string{0: `\0`, 0x07: `\a`, 0x08: `\b`, 0x0b: `\v`, 0x0c: `\f`, 0x0d: `\r`, 0x1b: `\e`, 0x85: `\N`}

// yamlEscapes lists the ways YAML's double quotes write r, for the
// submitter to find it in the file: "\e", "\x1B" hoặc "\u001B".
func yamlEscapes(r rune) string {
	var ways []string
	if name, ok := yamlNamedEscapes[r]; ok {
		ways = append(ways, name)
	}
	switch {
	case r <= 0xff:
		ways = append(ways, fmt.Sprintf(`\x%02X`, r), fmt.Sprintf(`\u%04X`, r))
	case r <= 0xffff:
		ways = append(ways, fmt.Sprintf(`\u%04X`, r))
	default:
		ways = append(ways, fmt.Sprintf(`\U%08X`, r))
	}
	for i, w := range ways {
		ways[i] = `"` + w + `"`
	}
	if len(ways) == 1 {
		return ways[0]
	}
	return strings.Join(ways[:len(ways)-1], ", ") + " hoặc " + ways[len(ways)-1]
}

// maxPersonalDataWarnings bounds the warnings for one file.
const maxPersonalDataWarnings = 5

// checkPersonalData warns about phone numbers, citizen identity card
// numbers and personal e-mail addresses. It scans the text once, without
// regular expressions: it runs on every file of every build.
func checkPersonalData(path string, data []byte, diags *diag.List) {
	found := 0
	report := func(start int, code, what string) {
		if found++; found <= maxPersonalDataWarnings {
			line, col := position(data, start)
			diags.Warnf(path, line, col, code, "có vẻ là %s: cổng thông tin công khai cho mọi người xem, hãy bỏ thông tin cá nhân này", what)
		}
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case isDigit(c) || c == '+' && i+1 < len(data) && isDigit(data[i+1]):
			if i > 0 && isWordByte(data[i-1]) {
				for i+1 < len(data) && isDigit(data[i+1]) { // inside a word: skip it
					i++
				}
				continue
			}
			end, digits, grouped := numberRun(data, i)
			switch {
			case isPhone(digits):
				report(i, "personal-phone", "số điện thoại")
			case len(digits) == 12 && !grouped:
				report(i, "personal-id", "số căn cước công dân (12 chữ số)")
			}
			i = end - 1
		case c == '@':
			if start, ok := personalEmail(data, i); ok {
				report(start, "personal-email", "địa chỉ thư điện tử cá nhân")
			}
		}
	}
}

// numberRun reads a number starting at i: digits, possibly grouped by
// single spaces, dots or hyphens, after an optional "+". It returns where
// the run ends, its digits, and whether it was grouped.
func numberRun(data []byte, i int) (end int, digits []byte, grouped bool) {
	if data[i] == '+' {
		i++
	}
	for i < len(data) {
		switch c := data[i]; {
		case isDigit(c):
			digits = append(digits, c)
			i++
		case (c == ' ' || c == '.' || c == '-') && i+1 < len(data) && isDigit(data[i+1]) && len(digits) > 0:
			grouped = true
			i++
		default:
			if isWordByte(c) {
				return i, nil, grouped // glued to a word: not a number on its own
			}
			return i, digits, grouped
		}
	}
	return i, digits, grouped
}

// isPhone reports whether digits are a Vietnamese phone number: 0 and nine
// or ten digits (mobile 03, 05, 07, 08, 09; landline 02), or the same after
// the country code 84.
func isPhone(digits []byte) bool {
	n := len(digits)
	switch {
	case n >= 2 && digits[0] == '0':
		return (n == 10 || n == 11) && isPhonePrefix(digits[1])
	case n >= 3 && digits[0] == '8' && digits[1] == '4':
		return (n == 11 || n == 12) && isPhonePrefix(digits[2])
	}
	return false
}

func isPhonePrefix(c byte) bool {
	return c == '2' || c == '3' || c == '5' || c == '7' || c == '8' || c == '9'
}

// personalDomains are public mail providers: an address there belongs to
// a person, while an office writes from its own domain.
var personalDomains = []string{"gmail.", "yahoo.", "ymail.", "hotmail.", "outlook.", "live.", "icloud.", "me.com", "aol.", "proton.", "protonmail."}

// personalEmail reports whether the '@' at i belongs to an address at a
// personal mail provider, and where the address starts.
func personalEmail(data []byte, at int) (int, bool) {
	start := at
	for start > 0 && isEmailLocalByte(data[start-1]) {
		start--
	}
	if start == at {
		return 0, false
	}
	rest := data[at+1:]
	for _, d := range personalDomains {
		if len(rest) >= len(d) && strings.EqualFold(string(rest[:len(d)]), d) {
			return start, true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c >= 0x80
}

func isEmailLocalByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// wordCount counts the words of s.
func wordCount(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
