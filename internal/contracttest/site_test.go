package contracttest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/content"
)

// siteFiles are a small site: a call, an organisation, a field.
var siteFiles = map[string]string{
	"content/_index.md":                 "---\ntitle: Thử\nrepository: https://example.org/kho\nforge: gitlab\n---\n",
	"content/campaigns/2025.md":         "---\ntitle: Đăng ký 2025\nyear: 2025\nnumber: 1187-CV/HU\nissued: 2024-12-20\ndeadline: 2025-01-10\nissuer: xa-ka-do\n---\n",
	"content/fields/kinh-te.md":         "---\ntitle: Kinh tế\n---\n",
	"content/organisations/xa-ka-do.md": "---\ntitle: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\n---\n",
}

// writeSite writes files under a new folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		file := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildSite builds siteFiles and returns the output folder and the site.
func buildSite(t *testing.T) (string, *content.Site) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	res, diags, err := build.Build(build.Options{Site: writeSite(t, siteFiles), Out: out})
	if err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags)
	}
	return out, res.Site
}
