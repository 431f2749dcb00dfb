package content

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAMLScalar returns s as a YAML value on one line that reads back as s:
// as it is when YAML allows, otherwise in double quotes, as the guide for
// submitters shows. Every Go program that writes front matter ("mohinh
// new", the generated sites of internal/corpus) writes its texts with it,
// so that what it writes is what the loader reads.
func YAMLScalar(s string) string {
	if s == "" {
		return `""`
	}
	if out, err := yaml.Marshal(s); err == nil && strings.TrimSuffix(string(out), "\n") == s {
		return s
	}
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil || strings.Count(string(out), "\n") != 1 {
		// A line break, or a line too long for the encoder to keep on one
		// line: a Go string literal of valid UTF-8 is a YAML double-quoted
		// one.
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
