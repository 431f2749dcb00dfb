package content

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// frontMatter is a file split into its YAML front matter, parsed as nodes
// that keep their positions, and its Markdown body.
type frontMatter struct {
	mapping   *yaml.Node // nil when the front matter is empty
	lineShift int        // add to a node's line to get the file's line
	startLine int        // line of the opening "---"
	body      Markdown
	nfc       bool // the whole file is NFC: values need no normalising
}

// yamlFormat is the only front matter accepted: YAML between "---" lines,
// decoded by a YAML 1.2 parser that keeps positions (adrg/frontmatter's
// default decodes YAML 1.1, where an unquoted "no" becomes false).
var yamlFormat = frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
	*(v.(*[]byte)) = data
	return nil
})

// maxFrontMatter bounds the YAML parsed for one file. A registration's
// front matter is a few kilobytes; parsing is linear but costly per byte
// (about 0.4 µs), and yaml.v3 nests at most 10,000 levels deep, which fits
// in 20 KB: within this bound a file cannot cost more than a few
// milliseconds of parsing.
const maxFrontMatter = 64 << 10

// parseFrontMatter splits data. Problems are reported against path.
func parseFrontMatter(path string, data []byte, diags *diagnostics) (*frontMatter, bool) {
	startLine, opener := firstLine(data)
	switch {
	case opener == "+++":
		diags.Errorf(path, startLine, 1, "front-matter-toml", "phần đầu tệp viết theo kiểu TOML (mở bằng \"+++\"), không dùng được ở đây: hãy thay hai dòng \"+++\" bằng \"---\" và viết mỗi dòng theo dạng \"khóa: giá trị\"")
		return nil, false
	case strings.HasPrefix(opener, "{") || opener == ";;;":
		diags.Errorf(path, startLine, 1, "front-matter-json", "phần đầu tệp viết theo kiểu JSON (dấu {), không dùng được ở đây: hãy viết các khóa giữa hai dòng \"---\", mỗi dòng theo dạng \"khóa: giá trị\"")
		return nil, false
	case opener != "---":
		diags.Errorf(path, 1, 1, "front-matter-missing", "tệp không có phần đầu (front matter): dòng đầu tiên phải là \"---\", tiếp theo là các dòng \"khóa: giá trị\" như \"title: …\", rồi một dòng \"---\" để đóng")
		return nil, false
	}
	var raw []byte
	body, err := frontmatter.MustParse(bytes.NewReader(data), &raw, yamlFormat)
	if errors.Is(err, frontmatter.ErrNotFound) {
		diags.Errorf(path, startLine, 1, "front-matter-unclosed", "phần đầu tệp mở bằng \"---\" nhưng không có dòng \"---\" để đóng: hãy thêm một dòng chỉ gồm \"---\" sau khóa cuối cùng")
		return nil, false
	}
	if err != nil {
		diags.Errorf(path, startLine, 1, "front-matter-read", "không đọc được phần đầu tệp: %v", err)
		return nil, false
	}
	fm := &frontMatter{lineShift: startLine, startLine: startLine}
	bodyStart := len(data) - len(body)
	// The body is the end of data itself (adrg/frontmatter returns a copy in
	// its own buffer): decodeFile moves what is kept out of data.
	fm.body = Markdown{Text: data[bodyStart:], Line: bytes.Count(data[:bodyStart], []byte("\n")) + 1}

	if len(raw) > maxFrontMatter {
		diags.Errorf(path, startLine, 1, "front-matter-too-large", "phần đầu tệp (giữa hai dòng \"---\") dài hơn %d KB, quá dài đối với các khóa của một tệp: hãy rút gọn, hoặc chuyển phần nội dung dài xuống dưới dòng \"---\" thứ hai", maxFrontMatter>>10)
		return nil, false
	}
	if root, ok := fastFrontMatter(raw); ok {
		fm.mapping = root
		return fm, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		line, msg := yamlErrorPosition(err)
		line, col := yamlErrorAt(raw, line, msg)
		diags.Errorf(path, line+fm.lineShift, col, "yaml", "%s", explainYAMLError(msg))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return fm, true // empty front matter: required keys will be reported missing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Errorf(path, root.Line+fm.lineShift, root.Column, "front-matter-not-mapping", "phần đầu tệp phải gồm các dòng \"khóa: giá trị\", ví dụ \"title: Chi bộ 4 tốt\"")
		return nil, false
	}
	fm.mapping = root
	return fm, true
}

// firstLine returns the number and trimmed text of the first line that is
// not blank, as adrg/frontmatter skips blank lines before the opener.
func firstLine(data []byte) (int, string) {
	line := 1
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		text := data
		if end >= 0 {
			text = data[:end]
		}
		if t := bytes.TrimSpace(text); len(t) > 0 {
			return line, string(t)
		}
		if end < 0 {
			break
		}
		data = data[end+1:]
		line++
	}
	return 1, ""
}

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
