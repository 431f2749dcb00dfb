package mohinh

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// README.md and docs/ point only at what a clone of the repository has:
// every relative link, and every path written with "../", names a file or
// folder inside the repository — never one beside it.
func TestDocsPointInsideRepository(t *testing.T) {
	files := []string{"README.md"}
	for _, pattern := range []string{"docs/*.md", "docs/*.sh"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	up := regexp.MustCompile(`(?:^|[^\w./-])((?:\.\./)+[\w./-]*)`)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var targets []string
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			if !strings.Contains(m[1], "://") && !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "mailto:") {
				targets = append(targets, m[1])
			}
		}
		for _, m := range up.FindAllStringSubmatch(string(data), -1) {
			targets = append(targets, m[1])
		}
		for _, target := range targets {
			path, _, _ := strings.Cut(target, "#")
			rel := filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
			if !filepath.IsLocal(rel) {
				t.Errorf("%s points outside the repository: %s", file, target)
				continue
			}
			if _, err := os.Stat(rel); err != nil {
				t.Errorf("%s points to %s, which the repository does not have", file, target)
			}
		}
	}
}
