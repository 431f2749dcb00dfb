package deploytest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docs/deploy.md quotes the configurations the tests run, whole: a change
// to one is a change to the other.
func TestDocQuotesConfigs(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, fence string }{
		{"nginx.conf", "```nginx\n"},
		{"Caddyfile", "```caddyfile\n"},
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), c.fence+string(data)+"```\n") {
			t.Errorf("docs/deploy.md does not quote docs/deploy/%s whole, in a %q block: copy the file into it", c.file, strings.TrimSpace(c.fence))
		}
	}
}
