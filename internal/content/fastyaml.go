package content

import (
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastFrontMatter parses the shape nearly every front matter has — one
// "key: value" per line, values plain on their line or folded below a ">"
// — and lists of such texts, one "  - item" a line,
// into the nodes yaml.v3 would give, with the same tags and positions, in
// a tenth of the time (a title in double quotes too): YAML parsing was two fifths of mohinh check. Anything
// else (quotes, lists, comments, blank lines inside a text, numbers it would
// have to resolve, a duplicate key, any doubt) returns ok false, and yaml.v3
// parses it, reporting its errors. A test compares the two on every file of
// the sample site, the hostile corpus and a generated corpus, and a fuzz
// target on any input.
func fastFrontMatter(raw []byte) (mapping *yaml.Node, ok bool) {
	text := string(raw)
	mapping = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	seen := make(map[string]bool, 16)
	line := 0
	for len(text) > 0 {
		var l string
		l, text = cutLine(text)
		line++
		if l == "" {
			continue
		}
		if key, ok := listKey(l); ok {
			// "key:" alone on its line, then "  - item" lines: a list of
			// plain texts (reviewers, the registrations a decision lists).
			seq, rest, lines, ok := blockList(text, line+1)
			if !ok || seen[key] {
				return nil, false
			}
			seen[key] = true
			if len(mapping.Content) == 0 {
				mapping.Line, mapping.Column = line, 1
			}
			k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line, Column: 1}
			mapping.Content = append(mapping.Content, k, seq)
			text, line = rest, line+lines
			continue
		}
		key, value, ok := splitKey(l)
		if !ok || seen[key] {
			return nil, false
		}
		seen[key] = true
		if len(mapping.Content) == 0 {
			mapping.Line, mapping.Column = line, 1
		}
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line, Column: 1}
		v := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: len(key) + 3}
		if value == ">" {
			folded, rest, lines, ok := foldedBlock(text)
			if !ok {
				return nil, false
			}
			text, line = rest, line+lines
			v.Tag, v.Value, v.Style = "!!str", folded, yaml.FoldedStyle
		} else if value[0] == '"' {
			text, ok := doubleQuoted(value)
			if !ok {
				return nil, false
			}
			v.Tag, v.Value, v.Style = "!!str", text, yaml.DoubleQuotedStyle
		} else {
			tag, ok := plainTag(value)
			if !ok {
				return nil, false
			}
			v.Tag, v.Value = tag, value
		}
		mapping.Content = append(mapping.Content, k, v)
	}
	if len(mapping.Content) == 0 {
		return nil, false
	}
	return mapping, true
}

// cutLine returns the first line of s and the rest after its "\n".
func cutLine(s string) (line, rest string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// splitKey splits "key: value", where the key is lower-case ASCII letters,
// digits and "_" and one space separates it from a non-empty value.
func splitKey(l string) (key, value string, ok bool) {
	i := 0
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] == '_' || i > 0 && l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == 0 || i > 64 || i+2 >= len(l) || l[i] != ':' || l[i+1] != ' ' || l[i+2] == ' ' { // YAML's keys on one line end within 1,024 characters
		return "", "", false
	}
	switch l[:i] {
	case "true", "false", "null": // keys YAML reads as a boolean or null
		return "", "", false
	}
	return l[:i], l[i+2:], true
}

// listKey reads a line that is a key alone, "key:", before a list.
func listKey(l string) (string, bool) {
	key, ok := strings.CutSuffix(l, ":")
	if !ok {
		return "", false
	}
	k, _, ok := splitKey(key + ": x")
	return k, ok && k == key
}

// listIndent is the only indentation of a list's items that the fast
// parser reads: "  - item", as the docs, the form and the corpus write.
const listIndent = "  - "

// blockList reads the items of a list from s, whose first line is line:
// lines "  - text", each a plain text or one in double quotes. It returns the sequence as yaml.v3
// would, the rest of s and how many lines it read.
func blockList(s string, line int) (seq *yaml.Node, rest string, lines int, ok bool) {
	seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: len(listIndent) - 1}
	for strings.HasPrefix(s, listIndent) {
		l, after := cutLine(s)
		v := l[len(listIndent):]
		item := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: line + lines, Column: len(listIndent) + 1}
		if v != "" && v[0] == '"' {
			text, ok := doubleQuoted(v)
			if !ok {
				return nil, "", 0, false
			}
			item.Value, item.Style = text, yaml.DoubleQuotedStyle
		} else if tag, ok := plainTag(v); !ok || tag != "!!str" {
			return nil, "", 0, false
		}
		seq.Content = append(seq.Content, item)
		s, lines = after, lines+1
	}
	if lines == 0 {
		return nil, "", 0, false
	}
	return seq, s, lines, true
}

// foldedBlock reads the lines of a ">" block from s: each indented by the
// same number of spaces, none blank or more indented, ending before the
// first line that is not indented. It returns the folded text, the rest of
// s and how many lines it read.
func foldedBlock(s string) (folded, rest string, lines int, ok bool) {
	indent := 0
	for indent < len(s) && s[indent] == ' ' {
		indent++
	}
	if indent == 0 {
		return "", "", 0, false
	}
	var b strings.Builder
	broken := false // the last line ends with a line break, which the text keeps
	for len(s) > 0 && s[0] == ' ' {
		broken = strings.IndexByte(s, '\n') >= 0
		l, after := cutLine(s)
		if len(l) <= indent || strings.TrimLeft(l[:indent], " ") != "" || l[indent] == ' ' || !plainText(l[indent:]) {
			return "", "", 0, false
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l[indent:])
		s, lines = after, lines+1
	}
	if lines == 0 {
		return "", "", 0, false
	}
	if broken {
		b.WriteByte('\n')
	}
	return b.String(), s, lines, true
}

// plainText reports whether s is text YAML takes as it is: no tab, no
// trailing space, no character YAML refuses or reads as a line break.
func plainText(s string) bool {
	if s == "" || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		switch {
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff, r == utf8.RuneError:
			return false
		}
	}
	return true
}

// plainTag returns the tag yaml.v3 resolves a plain value on a key's line
// to, for the values whose tag is certain: text that cannot be read as
// anything else, a whole number of digits, a date. ok is false for the rest.
func plainTag(v string) (tag string, ok bool) {
	if !plainText(v) || strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@`.+~") ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") || v[len(v)-1] == ':' {
		return "", false
	}
	if v[0] >= '0' && v[0] <= '9' {
		switch {
		case len(v) <= 9 && strings.Trim(v, "0123456789") == "" && (v[0] != '0' || v == "0"):
			return "!!int", true // not "017": an octal, nor "0008": a float
		case len(v) == len(time.DateOnly) && validDate(v):
			return "!!timestamp", true
		case strings.Trim(v, "0123456789abcdefABCDEFxXoO_.+-:tTzZ ") != "":
			// A character no number or timestamp of YAML has: "17-CV/CB".
			return "!!str", true
		}
		return "", false
	}
	switch strings.ToLower(v) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n", "<<":
		return "", false
	}
	return "!!str", true
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// doubleQuoted returns the text of a value in double quotes that ends its
// line, with \" and \\ as its only escapes.
func doubleQuoted(v string) (string, bool) {
	if len(v) < 2 || v[len(v)-1] != '"' || !plainText(v) {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if !strings.Contains(inner, "\\") {
		return inner, !strings.Contains(inner, `"`)
	}
	var b strings.Builder
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case c == '"':
			return "", false
		case c == '\\':
			i++
			if i == len(inner) || inner[i] != '"' && inner[i] != '\\' {
				return "", false
			}
			b.WriteByte(inner[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}
