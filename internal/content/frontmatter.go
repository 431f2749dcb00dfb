package content

import (
	"bytes"
	"errors"
	"fmt"
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
	*v.(*[]byte) = data
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
		lines := strings.Split(string(raw), "\n")
		line, col, text := explainLayout(lines, line, msg)
		if text == "" {
			line, col = yamlErrorAt(raw, line, msg)
			text = explainYAMLError(msg)
		}
		diags.Errorf(path, line+fm.lineShift, col, "yaml", "%s", text)
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
	if root.Column > 1 && len(root.Content) > 0 {
		lines := strings.Split(string(raw), "\n")
		// yaml.v3 reads a mapping that starts indented up to the first
		// line that is not, and drops the rest without a word.
		for l := root.Line; l < len(lines); l++ {
			if key, ok := keyOfLine(lines[l]); ok {
				diags.Errorf(path, root.Line+fm.lineShift, 1, "yaml-indent", "dòng này bị thụt đầu dòng nên các khóa viết sát lề sau nó (từ %q ở dòng %d) bị bỏ qua: các khóa phải viết sát lề trái, hãy xóa các dấu cách trước %q", key, l+1+fm.lineShift, root.Content[0].Value)
				return nil, false
			}
		}
	}
	checkComments(path, raw, root, fm.lineShift, diags)
	fm.mapping = root
	return fm, true
}

// checkComments warns about values that a "#" cut short: after a space,
// YAML takes "#" and the rest of the line for a note, which is dropped
// without a word ("title: Hũ gạo #1 của thôn" is published as "Hũ gạo").
// A note set apart by two spaces or more and starting "# ", as "mohinh
// new" writes them, is left alone.
func checkComments(path string, raw []byte, root *yaml.Node, shift int, diags *diagnostics) {
	var lines []string // split when a comment is found
	checkComment := func(n *yaml.Node, comment, value, key, lead string) {
		if comment == "" {
			return
		}
		if lines == nil {
			lines = strings.Split(string(raw), "\n")
		}
		checkCommentAt(path, lines, n, comment, value, key, lead, shift, diags)
	}
	c := root.Content
	for i := 0; i+1 < len(c); i += 2 {
		k, v := c[i], c[i+1]
		switch {
		case v.Kind == yaml.ScalarNode && v.Style == 0 && v.Value == "" && k.LineComment != "":
			checkComment(k, k.LineComment, "", k.Value, k.Value+":")
		case v.Kind == yaml.ScalarNode && v.Style == 0:
			checkComment(v, v.LineComment, v.Value, k.Value, k.Value+":")
		case v.Kind == yaml.SequenceNode:
			for _, item := range v.Content {
				if item.Kind == yaml.ScalarNode && item.Style == 0 {
					checkComment(item, item.LineComment, item.Value, k.Value, "-")
				}
			}
		}
	}
}

// checkCommentAt warns about comment after the value of key at n, when
// it holds text the writer meant as part of the value.
func checkCommentAt(path string, lines []string, n *yaml.Node, comment, value, key, lead string, shift int, diags *diagnostics) {
	// The comment ends the last line of the value.
	for l := n.Line; l <= len(lines) && l < n.Line+maxCommentSearch; l++ {
		text := strings.TrimRight(lines[l-1], " \t")
		if !strings.HasSuffix(text, comment) {
			continue
		}
		at := len(text) - len(comment)
		before := text[:at]
		gap := len(before) - len(strings.TrimRight(before, " \t"))
		if gap >= 2 && strings.HasPrefix(comment, "# ") {
			return // a note, set apart
		}
		dropped := comment
		if i := strings.Index(dropped, "  # "); i >= 0 {
			dropped = dropped[:i] // what "mohinh new" wrote after it is a note
		}
		fixed := strings.TrimSpace(strings.TrimSpace(value) + " " + dropped)
		kept := fmt.Sprintf("giá trị của khóa %q chỉ còn %q", key, value)
		if lead == "-" {
			kept = fmt.Sprintf("mục này của %q chỉ còn %q", key, value)
		} else if value == "" {
			kept = fmt.Sprintf("khóa %q không còn giá trị", key)
		}
		diags.Warnf(path, l+shift, utf8.RuneCountInString(text[:at])+1, "yaml-comment", "phần %q sẽ bị bỏ đi vì dấu # đứng sau dấu cách là bắt đầu một ghi chú, không được đăng: %s. Nếu phần đó thuộc giá trị, hãy đặt cả giá trị trong dấu ngoặc kép: %s %s",
			dropped, kept, lead, yamlQuoted(stripCurly(fixed)))
		return
	}
}

// maxCommentSearch bounds the lines a plain value spans that are searched
// for its comment.
const maxCommentSearch = 100

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
