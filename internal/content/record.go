package content

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
	"go.yaml.in/yaml/v3"
)

// keySpec describes one key a kind of file accepts.
type keySpec struct {
	name     string
	label    string // what the key means, in Vietnamese
	required bool
}

// record reads the values of one front matter against the keys its kind
// accepts, reporting every problem with its position.
type record struct {
	path   string
	fm     *frontMatter
	keys   []keySpec
	values map[string]*yaml.Node
	diags  *diagnostics
	src    Source
}

// newRecord checks the keys of fm: unknown keys (with the likely intended
// one), duplicates, aliases. Missing required keys are reported here too.
func newRecord(path string, fm *frontMatter, keys []keySpec, diags *diagnostics) *record {
	r := &record{path: path, fm: fm, keys: keys, values: map[string]*yaml.Node{}, diags: diags}
	r.src = Source{Path: path, FrontLine: fm.startLine}
	misspelt := map[string]bool{} // keys an unknown key was likely meant to be
	refused := map[string]bool{}  // keys present with a value already reported
	if fm.mapping != nil {
		content := fm.mapping.Content
		for i := 0; i+1 < len(content); i += 2 {
			k, v := content[i], content[i+1]
			line, col := r.pos(k)
			name := k.Value
			if k.Kind != yaml.ScalarNode {
				diags.Errorf(path, line, col, "key-not-text", "tên khóa phải là một từ viết liền, đứng trước dấu hai chấm, ví dụ \"title\"")
				continue
			}
			if _, dup := r.values[name]; dup {
				diags.Errorf(path, line, col, "duplicate-key", "khóa %q xuất hiện hai lần: hãy xóa một trong hai dòng", name)
				continue
			}
			spec, known := r.spec(name)
			if !known {
				hint, meant := r.suggestKey(name)
				if meant != "" {
					misspelt[meant] = true
				}
				diags.Errorf(path, line, col, "unknown-key", "khóa %q không dùng được ở đây%s", name, hint)
				continue
			}
			if v.Kind == yaml.AliasNode || v.Anchor != "" {
				vl, vc := r.pos(v)
				diags.Errorf(path, vl, vc, "yaml-alias", "giá trị của \"%s\" bắt đầu bằng dấu & hoặc *, là ký hiệu đặc biệt (neo, bí danh của YAML): hãy bỏ dấu đó, hoặc đặt cả giá trị trong dấu ngoặc kép", spec.name)
				refused[name] = true
				continue
			}
			if checkValueText(path, spec.name, line, col, v, diags) {
				refused[name] = true
				continue
			}
			checkCurlyQuotes(path, spec.name, v, fm.lineShift, diags)
			r.values[name] = v
			vl, vc := r.pos(v)
			r.src.positions = append(r.src.positions, keyPosition{key: spec.name, line: int32(vl), col: int32(vc)})
		}
	}
	for _, s := range keys {
		if !s.required {
			continue
		}
		if v, ok := r.values[s.name]; !ok || isEmpty(v) {
			if misspelt[s.name] || refused[s.name] {
				// already reported: as the unknown key that was meant to be
				// it, or its value
			} else if ok {
				line, col := r.pos(v)
				diags.Errorf(path, line, col, "missing-value", "khóa %q (%s) chưa có nội dung: hãy điền vào", s.name, s.label)
			} else {
				diags.Errorf(path, fm.startLine, 1, "missing-key", "thiếu khóa bắt buộc %q (%s): hãy thêm dòng \"%s: …\" vào phần đầu tệp, giữa hai dòng \"---\"", s.name, s.label, s.name)
			}
			delete(r.values, s.name) // reported once: getters treat it as absent
		}
	}
	return r
}

// value returns the value of key, when it has one that can be read.
func (r *record) value(key string) (*yaml.Node, bool) {
	r.mustKnow(key)
	v, ok := r.values[key]
	return v, ok
}

// mustKnow stops on a key that the record's kind does not accept: a
// decoder reading it would find nothing, on every file, without a word.
// A key added to a decoder and not to its kind's keys (keys.go, decode.go)
// so fails every test that loads a file of that kind.
func (r *record) mustKnow(key string) {
	if _, known := r.spec(key); !known {
		panic("content: the decoder of " + r.path + " reads " + key + ", which is not one of its kind's keys")
	}
}

// written reports whether key has a value in the file, usable or not.
func (r *record) written(key string) bool {
	r.mustKnow(key)
	if r.fm.mapping == nil {
		return false
	}
	c := r.fm.mapping.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Value == key {
			return !isEmpty(c[i+1])
		}
	}
	return false
}

func isEmpty(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "")
}

func (r *record) pos(n *yaml.Node) (int, int) { return n.Line + r.fm.lineShift, n.Column }

func (r *record) spec(name string) (keySpec, bool) {
	for _, s := range r.keys {
		if s.name == name {
			return s, true
		}
	}
	return keySpec{}, false
}

// suggestKey explains an unknown key: the key it was likely meant to be,
// or the list of keys.
func (r *record) suggestKey(name string) (hint, meant string) {
	names := make([]string, len(r.keys))
	choices := make([]choice, len(r.keys))
	for i, s := range r.keys {
		names[i] = s.name
		choices[i] = choice{code: s.name, names: []string{s.label}}
		if k, ok := contractKey(s.name); ok && k.Label == s.label {
			choices[i].names = append(choices[i].names, k.Form) // a registration's key: its name on the form too
		}
	}
	if best, byName := closestChoice(name, choices); best != "" {
		spec, _ := r.spec(best)
		return suggest(best, spec.label, byName), best
	}
	return ". Hãy xóa dòng này, hoặc dùng một trong các khóa: " + strings.Join(names, ", "), ""
}

// scalar returns the value node of key when it is a single value, reporting
// a list or a mapping where a value is expected.
func (r *record) scalar(key string) *yaml.Node {
	v, ok := r.value(key)
	if !ok || isEmpty(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		line, col := r.pos(v)
		r.diags.Errorf(r.path, line, col, "not-text", "%q phải là một giá trị duy nhất viết sau dấu hai chấm (hoặc một đoạn văn sau dấu >), không phải danh sách hay nhóm khóa", key)
		return nil
	}
	return v
}

// text returns the NFC text of key, trimmed; "" when absent.
func (r *record) text(key string) string {
	v := r.scalar(key)
	if v == nil {
		return ""
	}
	return r.normal(strings.TrimSpace(v.Value))
}

// normal returns s in NFC; the file's check already knows when it is.
func (r *record) normal(s string) string {
	if r.fm.nfc {
		return s
	}
	return vi.NFC(s)
}

// id returns the value of key, which must be a slug.
func (r *record) id(key string) string {
	v := r.scalar(key)
	if v == nil {
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if !vi.IsSlug(s) {
		line, col := r.pos(v)
		hint := vi.Slug(s)
		if hint != "" {
			hint = ", ví dụ \"" + hint + "\""
		}
		r.diags.Errorf(r.path, line, col, "not-slug", "%q phải là mã chỉ gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang%s", key, hint)
		return ""
	}
	return s
}

// date returns the date of key; the zero Date when absent or invalid.
func (r *record) date(key string) Date {
	v := r.scalar(key)
	if v == nil {
		return Date{}
	}
	d, ok := ParseDate(strings.TrimSpace(v.Value))
	if !ok {
		line, col := r.pos(v)
		r.diags.Errorf(r.path, line, col, "bad-date", "%s", explainDate(v.Value))
	}
	return d
}

// number returns the whole number of key; ok is false when absent or invalid.
func (r *record) number(key string) (int, bool) {
	v := r.scalar(key)
	if v == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Value))
	if err != nil || v.Tag != "!!int" {
		line, col := r.pos(v)
		r.diags.Errorf(r.path, line, col, "not-number", "%q phải là một số nguyên, chỉ gồm chữ số, ví dụ 2024; hiện đang ghi %q", key, v.Value)
		return 0, false
	}
	return n, true
}

// list returns the texts of key, which must be a list of single values.
func (r *record) list(key string) []string {
	v, ok := r.value(key)
	if !ok || isEmpty(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		line, col := r.pos(v)
		r.diags.Errorf(r.path, line, col, "not-list", "%q phải là một danh sách: mỗi mục viết trên một dòng, bắt đầu bằng \"- \"", key)
		return nil
	}
	var out []string
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode {
			line, col := r.pos(item)
			r.diags.Errorf(r.path, line, col, "not-text", "mỗi mục của %q phải là một dòng văn bản", key)
			continue
		}
		if s := r.normal(strings.TrimSpace(item.Value)); s != "" {
			out = append(out, s)
		}
	}
	return out
}
