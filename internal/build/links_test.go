package build

import (
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	linkAttr   = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	fetchedTag = regexp.MustCompile(`<(?:script|img|link|iframe|source|video|audio)\b[^>]*>`)
)

// brokenLinks checks every page under out: each internal link (one under
// the base path) must name a file of the output, and nothing may be
// fetched from another host.
func brokenLinks(t *testing.T, out, baseURL string) []string {
	t.Helper()
	u, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	base := u.Path
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	var problems []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, tag := range fetchedTag.FindAllString(string(data), -1) {
			if strings.Contains(tag, `="http`) || strings.Contains(tag, `="//`) {
				problems = append(problems, rel+": fetches from another host: "+tag)
			}
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			link := html.UnescapeString(m[1])
			if link == "" || strings.HasPrefix(link, "#") || strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			if !strings.HasPrefix(link, base) {
				problems = append(problems, rel+": link outside the base path "+base+": "+link)
				continue
			}
			target := strings.TrimPrefix(strings.SplitN(link, "#", 2)[0], base)
			target, _ = url.PathUnescape(target)
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
				problems = append(problems, rel+": broken link "+link)
			}
		}
		return nil
	})
	return problems
}
