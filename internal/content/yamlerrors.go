package content

// What yaml.v3 says when a front matter does not parse, explained to the
// person who wrote it: at the line and column of the cause (yaml.v3 gives
// lines only, and for some errors the line where a block starts), in
// Vietnamese, with what to type instead. The layouts that trip writers up
// most are recognised from the lines themselves: a tab where YAML wants
// spaces, a key indented under the value above it, a value in a word
// processor's curly quotes.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// explainLayout explains the errors of yaml.v3 that come from the layout
// of the lines, which it reports at the wrong line or in terms a reader
// cannot act on: a tab where YAML wants spaces, a key indented under the
// value above it, a value in Word's curly quotes. It returns the line and
// column of the problem and what to do, or "" when it is none of these.
func explainLayout(lines []string, line int, msg string) (int, int, string) {
	if strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") {
		// yaml.v3 gives the line where the block holding the tab starts.
		for l := max(line, 1); l <= len(lines); l++ {
			text := lines[l-1]
			indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 {
				return l, i + 1, "dòng này thụt đầu dòng bằng dấu tab, mà phần đầu tệp chỉ nhận dấu cách: hãy xóa dấu tab và gõ dấu cách thay vào (các dòng của một đoạn văn sau dấu > cùng thụt hai dấu cách)"
			}
			if !strings.Contains(msg, "tab character") {
				break // a tab elsewhere is not this error
			}
		}
	}
	if strings.Contains(msg, "mapping values are not allowed") || strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "could not find expected ':'") {
		if l, key, ok := indentedKey(lines); ok {
			return l, 1, fmt.Sprintf("dòng này bị thụt đầu dòng nên %q bị đọc như phần tiếp theo của giá trị ở trên, không phải một khóa: các khóa phải viết sát lề trái, hãy xóa các dấu cách trước %q", key, key)
		}
	}
	if line >= 1 && line <= len(lines) {
		if col, fixed, ok := curlyQuoted(lines[line-1]); ok {
			why := ""
			if strings.Contains(msg, "mapping values are not allowed") {
				why = ", nên dấu hai chấm ở giữa giá trị làm hỏng dòng này"
			}
			return line, col, "dấu “ ” (ngoặc kép kiểu Word) không phải dấu ngoặc kép của YAML" + why + ": hãy thay chúng bằng dấu ngoặc kép thẳng \" (phím Shift và phím '), viết: " + fixed
		}
	}
	return line, 1, ""
}

// keyOfLine returns the key of a line "key: value" or "key:" that starts
// at the margin.
func keyOfLine(l string) (string, bool) {
	i := 0
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] >= 'A' && l[i] <= 'Z' || l[i] == '_' || i > 0 && l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == 0 || i == len(l) || l[i] != ':' || i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' {
		return "", false
	}
	return l[:i], true
}

// indentedKey finds a line "key: value" indented under a key whose value
// is on the key's line ("campaign: 2024", then "  field: kinh-te"), which
// YAML reads as that value going on; or less indented than the paragraph
// above it, after a ">". It returns the line and the key.
func indentedKey(lines []string) (int, string, bool) {
	const (
		none  = iota
		plain // a value on the key's line, which indented lines continue
		block // a paragraph after > or |
	)
	state, blockIndent := none, 0
	for i, text := range lines {
		trimmed := strings.TrimLeft(text, " ")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := len(text) - len(trimmed)
		if indent == 0 {
			_, value, _ := strings.Cut(text, ":")
			value = strings.TrimSpace(value)
			switch {
			case value == "":
				state = none // a list or a mapping follows
			case value[0] == '>' || value[0] == '|':
				state, blockIndent = block, 0
			default:
				state = plain
			}
			continue
		}
		key, isKey := keyOfLine(trimmed)
		switch state {
		case plain:
			if isKey {
				return i + 1, key, true
			}
		case block:
			if blockIndent == 0 {
				blockIndent = indent
			} else if indent < blockIndent && isKey {
				return i + 1, key, true
			}
		}
	}
	return 0, "", false
}

// curlyQuotes are the quotation marks a word processor types, which YAML
// takes for text.
const curlyQuotes = "“”„‘’"

// curlyQuoted reports whether the value on line l (after "key: " or "- ")
// starts with a curly quotation mark, where it starts, and the line
// written with straight double quotes instead.
func curlyQuoted(l string) (col int, fixed string, ok bool) {
	head, value, found := strings.Cut(l, ": ")
	if found {
		head += ":"
	} else {
		trimmed := strings.TrimLeft(l, " ")
		if value, found = strings.CutPrefix(trimmed, "- "); !found {
			return 0, "", false
		}
		head = "-"
	}
	value = strings.TrimSpace(value)
	r, _ := utf8.DecodeRuneInString(value)
	if !strings.ContainsRune(curlyQuotes, r) {
		return 0, "", false
	}
	col = utf8.RuneCountInString(l[:strings.Index(l, value)]) + 1
	return col, strings.TrimLeft(head, " ") + " " + yamlQuoted(stripCurly(value)), true
}

// stripCurly returns s without the curly quotation marks around it.
func stripCurly(s string) string {
	if r, size := utf8.DecodeRuneInString(s); strings.ContainsRune(curlyQuotes, r) {
		s = s[size:]
	}
	if r, size := utf8.DecodeLastRuneInString(s); strings.ContainsRune(curlyQuotes, r) {
		s = s[:len(s)-size]
	}
	return s
}

// yamlQuoted returns s in YAML's double quotes: a Go string literal of
// valid UTF-8 is one.
func yamlQuoted(s string) string { return strconv.Quote(s) }

// yamlErrorPosition extracts the line from a yaml.v3 error, which reports
// it only inside its message ("yaml: line 3: …").
func yamlErrorPosition(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 1, msg
	}
	num, text, ok := strings.Cut(rest, ": ")
	n, convErr := strconv.Atoi(num)
	if !ok || convErr != nil {
		return 1, msg
	}
	return n, text
}

// explainYAMLError turns the YAML parser's message into advice.
func explainYAMLError(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return "giá trị có dấu hai chấm và dấu cách (\": \") ở giữa: hãy đặt cả giá trị trong dấu ngoặc kép, ví dụ title: \"Mô hình: …\""
	case strings.Contains(msg, "found character that cannot start any token"):
		return "có ký tự không dùng được ở đây (thường là dấu tab, hoặc dấu @ hay ` ở đầu giá trị): hãy thay tab bằng dấu cách, hoặc đặt cả giá trị trong dấu ngoặc kép"
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"):
		return "giá trị bắt đầu bằng dấu * hoặc &, là ký hiệu đặc biệt (bí danh, neo của YAML): hãy bỏ dấu đó, hoặc đặt cả giá trị trong dấu ngoặc kép"
	case strings.Contains(msg, "did not find expected comment or line break"):
		return "sau dấu | hoặc > phải xuống dòng rồi mới viết đoạn văn, mỗi dòng thụt vào hai dấu cách: hãy chuyển phần chữ sau dấu đó xuống dòng dưới"
	case strings.Contains(msg, "could not find expected ':'"), strings.Contains(msg, "did not find expected key"):
		return "dòng này không đúng dạng \"khóa: giá trị\": hãy kiểm tra dấu hai chấm sau tên khóa và khoảng thụt đầu dòng"
	case strings.Contains(msg, "found unexpected end of stream"), strings.Contains(msg, "did not find expected"):
		return "có dấu ngoặc kép hoặc ngoặc vuông chưa được đóng: hãy kiểm tra dòng này và thêm dấu đóng còn thiếu"
	case strings.Contains(msg, "already defined"):
		return "một khóa xuất hiện hai lần: hãy xóa một trong hai dòng"
	case strings.Contains(msg, "unknown anchor"):
		return "giá trị bắt đầu bằng dấu *, là ký hiệu bí danh của YAML: hãy bỏ dấu *, hoặc đặt cả giá trị trong dấu ngoặc kép"
	case strings.Contains(msg, "exceeded max depth"):
		return "dấu ngoặc vuông \"[\" hoặc ngoặc nhọn \"{\" lồng nhau quá sâu: mỗi khóa chỉ nhận một giá trị hoặc một danh sách, hãy bỏ các dấu ngoặc thừa"
	}
	return "phần đầu tệp sai cú pháp (" + msg + "): hãy kiểm tra dấu hai chấm, dấu ngoặc kép và khoảng thụt đầu dòng"
}

// yamlErrorAt points at the offending character where the message
// allows it: yaml.v3 reports lines only, and for some errors not the line
// of the problem.
func yamlErrorAt(raw []byte, line int, msg string) (int, int) {
	lines := strings.Split(string(raw), "\n")
	switch {
	case strings.Contains(msg, "did not find expected ',' or"):
		// A bracket never closed: yaml.v3 gives the line before the one
		// that opened it, except on the first line.
		open := "["
		if strings.HasSuffix(msg, "'}'") {
			open = "{"
		}
		for _, l := range []int{line + 1, line} {
			if l >= 1 && l <= len(lines) {
				if i := strings.Index(lines[l-1], open); i >= 0 {
					return l, utf8.RuneCountInString(lines[l-1][:i]) + 1
				}
			}
		}
	case strings.Contains(msg, "found unexpected end of stream"):
		// A quotation never closed: yaml.v3 gives the end of the text.
		for l, text := range lines {
			if i := unclosedQuote(text); i >= 0 {
				return l + 1, utf8.RuneCountInString(text[:i]) + 1
			}
		}
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"):
		if line >= 1 && line <= len(lines) {
			if _, value, ok := strings.Cut(lines[line-1], ": "); ok {
				if i := strings.IndexAny(value, "*&"); i >= 0 {
					text := lines[line-1]
					return line, utf8.RuneCountInString(text[:len(text)-len(value)+i]) + 1
				}
			}
		}
	case strings.Contains(msg, "unknown anchor"):
		name, _, _ := strings.Cut(strings.TrimPrefix(msg, "unknown anchor '"), "'")
		for l, text := range lines {
			if i := strings.Index(text, "*"+name); i >= 0 {
				return l + 1, utf8.RuneCountInString(text[:i]) + 1
			}
		}
	}
	return line, yamlErrorColumn(raw, line, msg)
}

// unclosedQuote returns where a value of line opens a quotation that the
// line does not close, or -1.
func unclosedQuote(line string) int {
	_, value, ok := strings.Cut(line, ": ")
	if !ok {
		value, ok = strings.CutPrefix(strings.TrimLeft(line, " "), "- ")
	}
	value = strings.TrimLeft(value, " ")
	if !ok || value == "" || value[0] != '"' && value[0] != '\'' {
		return -1
	}
	start := len(line) - len(value)
	q := value[0]
	for i := 1; i < len(value); i++ {
		switch {
		case q == '"' && value[i] == '\\':
			i++
		case value[i] == q && q == '\'' && i+1 < len(value) && value[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case value[i] == q:
			return -1
		}
	}
	return start
}

// yamlErrorColumn points at the offending character where the message
// allows it; yaml.v3 reports lines only.
func yamlErrorColumn(raw []byte, line int, msg string) int {
	lines := strings.Split(string(raw), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	if strings.Contains(msg, "mapping values are not allowed") {
		// "key: value: more": the second ": " is the problem.
		if _, after, ok := strings.Cut(text, ": "); ok {
			if i := strings.Index(after, ": "); i >= 0 {
				return utf8.RuneCountInString(text[:len(text)-len(after)+i]) + 1
			}
		}
	}
	if strings.Contains(msg, "found character that cannot start any token") {
		if i := strings.IndexAny(text, "\t@`"); i >= 0 {
			return utf8.RuneCountInString(text[:i]) + 1
		}
	}
	return 1
}
