package content

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// sameAsYAML reports how the fast parser's nodes for raw differ from
// yaml.v3's; "" when it declines raw or agrees.
func sameAsYAML(raw []byte) (handled bool, diff string) {
	fast, ok := fastFrontMatter(raw)
	if !ok {
		return false, ""
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return true, fmt.Sprintf("the fast parser accepted what yaml.v3 refuses (%v)", err)
	}
	if len(doc.Content) != 1 {
		return true, "yaml.v3 found no mapping"
	}
	return true, compareNodes(fast, doc.Content[0], "")
}

func compareNodes(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column ||
		a.Style != b.Style || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("at %s: fast {%d %s %q L%d C%d S%d n%d}, yaml.v3 {%d %s %q L%d C%d S%d n%d}", at,
			a.Kind, a.Tag, a.Value, a.Line, a.Column, a.Style, len(a.Content),
			b.Kind, b.Tag, b.Value, b.Line, b.Column, b.Style, len(b.Content))
	}
	for i := range a.Content {
		if d := compareNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// rawFrontMatter is the text between the "---" lines, as parseFrontMatter
// hands it to the parsers.
func rawFrontMatter(data []byte) ([]byte, bool) {
	var raw []byte
	_, err := frontmatter.MustParse(bytes.NewReader(data), &raw, yamlFormat)
	return raw, err == nil
}

func TestFastFrontMatterCases(t *testing.T) {
	handled := []string{
		"title: Bản đồ số\ncampaign: 2025\ndate: 2025-01-02\n",
		"novelty: >\n  Cấp ủy trực tiếp,\n  mỗi quý.\nstatus: approved\n",
		"a: 17\nb: 0\n\nc: Văn – bản (1/2)\n",
		"number: 17-CV/CB\nsigner_title: Bí thư\n",
		"x: a:b\ny: a#b\nz: 50% hộ\n",
		"title: \"\\\"Mỗi tháng\\\" về: người cao tuổi\"\nb: \"a\\\\b\"\nc: \"\"\n",
		"list:\n  - a\n", "approved:\n  - xa-ka-do/ca-tam\n  - chi-bo/nuoi-bo\ndate: 2024-01-20\n", "reviewers:\n  - \"@a\"\n",
	}
	declined := []string{
		"title: \"quoted\" tail\n", "title: 'quoted'\n", "a: \"\\n\"\n", "a: \"x\\u00e0\"\n", "a: \"open\n", "title:\n",
		"list:\n- a\n", "list:\n   - a\n", "list:\n  - a\n   - b\n", "list:\n  - 17\n", "list:\n  - a: b\n", "list:\n  - [a]\n", "list:\n  - a # c\n", "list:\n  -\n", "list:\n\n  - a\n", "list:\n  - a\n  b\n", "a: yes\n", "a: 1.5\n", "a: 017\n", "a: 0008\n", "a: <<\n", "null: x\n", "true: x\n",
		"a: 2024-13-45\n", "a: x # comment\n", "# comment\na: b\n", "a: b\na: c\n", "a:  two spaces\n",
		"a: >\n  one\n\n  two\n", "a: >\n  one\n    more\n", "a: trailing \n", "a: tab\there\n", "A: upper\n",
		"a: &anchor x\n", "a: *alias\n", "a: b: c\n", "a: -1\n", "a: 1234567890123\n", "a: ~\n", "a: >-\n  x\n",
		"a: >\nnot indented\n", "",
	}
	for _, src := range handled {
		ok, diff := sameAsYAML([]byte(src))
		if !ok {
			t.Errorf("declined %q", src)
		}
		if diff != "" {
			t.Errorf("%q: %s", src, diff)
		}
	}
	for _, src := range declined {
		if ok, _ := sameAsYAML([]byte(src)); ok {
			t.Errorf("handled %q, which must go to yaml.v3", src)
		}
	}
}

func FuzzFastFrontMatter(f *testing.F) {
	for _, s := range []string{"title: Bản đồ số\ncampaign: 2025\n", "novelty: >\n  a\n  b\nx: y\n", "a: 2024-01-02\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, diff := sameAsYAML(raw); diff != "" {
			t.Errorf("%s\n%q", diff, raw)
		}
	})
}
