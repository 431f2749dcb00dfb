package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files (path → text) under dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(a, b map[string][]byte) string {
	for name, data := range a {
		other, ok := b[name]
		if !ok {
			return "only in the first: " + name
		}
		if !bytes.Equal(data, other) {
			return "differs: " + name
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			return "only in the second: " + name
		}
	}
	return ""
}

var smallSite = map[string]string{
	"content/_index.md":                          "---\ntitle: Thử\n---\n",
	"content/campaigns/2024.md":                  "---\ntitle: Đăng ký 2024\nyear: 2024\nnumber: 1-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy\n---\n",
	"content/fields/kinh-te.md":                  "---\ntitle: Kinh tế\n---\n",
	"content/organisations/huyen-uy.md":          "---\ntitle: Huyện ủy\nkind: cap-uy\n---\n",
	"content/registrations/2024/huyen-uy/mot.md": "---\ntitle: Mô hình một\norganisation: huyen-uy\ncampaign: 2024\nfield: kinh-te\nnovelty: Lần đầu áp dụng cách làm này.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\n---\n",
	"content/registrations/2024/huyen-uy/hai.md": "---\ntitle: Mô hình hai\norganisation: huyen-uy\ncampaign: 2024\nfield: kinh-te\nnovelty: Lần đầu áp dụng cách làm này.\nexpected_results: Hai mươi hộ được hỗ trợ mỗi năm.\n---\n",
}

// A removed registration leaves no stale page; a failed build leaves the
// previous output exactly as it was.
func TestRebuildRemovesStalePagesAndFailureKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	writeSite(t, site, smallSite)
	opts := Options{Site: site, Out: out}
	if _, diags, err := Build(opts); err != nil || diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, diags)
	}
	stale := filepath.Join(out, "mo-hinh/2024/huyen-uy/hai/index.html")
	if _, err := os.Stat(stale); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(site, "content/registrations/2024/huyen-uy/hai.md"))
	if _, diags, err := Build(opts); err != nil || diags.HasErrors() {
		t.Fatalf("second build: %v %v", err, diags)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the page of a removed registration is still in the output")
	}
	before := snapshot(t, out)

	writeSite(t, site, map[string]string{"content/registrations/2024/huyen-uy/mot.md": "---\ntitle: Hỏng\n"})
	if _, diags, _ := Build(opts); !diags.HasErrors() {
		t.Fatal("a broken file built")
	}
	if diff := sameTree(before, snapshot(t, out)); diff != "" {
		t.Errorf("a failed build changed the output: %s", diff)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") {
			t.Errorf("a staging folder was left behind: %s", e.Name())
		}
	}
}

// The sample site under content/ builds without a problem, twice to
// byte-identical output, with every link resolving; its decisions too.
func TestSampleSiteBuildsDeterministically(t *testing.T) {
	dir := t.TempDir()
	var trees []map[string][]byte
	for i := range 2 {
		out := filepath.Join(dir, "public"+string(rune('a'+i)))
		res, diags, err := Build(Options{Site: "../..", Out: out})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Code != "late" { // the sample has late registrations on purpose
				t.Error(d)
			}
		}
		if len(res.Site.Registrations) < 40 {
			t.Errorf("the sample has %d registrations, want at least 40", len(res.Site.Registrations))
		}
		if len(res.Site.Decisions) == 0 {
			t.Error("the sample has no decisions: their pages would not be compared")
		}
		trees = append(trees, snapshot(t, out))
		if i == 0 {
			for _, p := range brokenLinks(t, out, "/") {
				t.Error(p)
			}
		}
	}
	if diff := sameTree(trees[0], trees[1]); diff != "" {
		t.Errorf("two builds differ: %s", diff)
	}
}

// A symbolic link in layouts/ — to a key of the machine that builds, say —
// is refused with its path, and nothing is written; a site whose layouts/
// is itself a link too. A real file in layouts/ still overrides.
func TestLayoutsRefuseSymlinks(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "id_rsa")
	os.WriteFile(secret, []byte("PRIVATE KEY"), 0o600)
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	writeSite(t, site, smallSite)
	writeSite(t, site, map[string]string{"layouts/assets/extra.css": "body{}"})
	if err := os.Symlink(secret, filepath.Join(site, "layouts/assets/key.txt")); err != nil {
		t.Fatal(err)
	}
	_, _, err := Build(Options{Site: site, Out: out})
	if err == nil || !strings.Contains(err.Error(), "layouts/assets/key.txt: liên kết tượng trưng (symlink) không được phép") {
		t.Fatalf("a symlink in layouts/ built: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the output was written")
	}

	os.Remove(filepath.Join(site, "layouts/assets/key.txt"))
	if _, diags, err := Build(Options{Site: site, Out: out}); err != nil || diags.HasErrors() {
		t.Fatalf("without the link: %v %v", err, diags)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "assets/extra.css")); string(data) != "body{}" {
		t.Errorf("layouts/assets/extra.css published as %q", data)
	}

	other := filepath.Join(dir, "other-layouts")
	os.Rename(filepath.Join(site, "layouts"), other)
	os.Symlink(other, filepath.Join(site, "layouts"))
	if _, _, err := Build(Options{Site: site, Out: out}); err == nil || !strings.Contains(err.Error(), "layouts: liên kết tượng trưng") {
		t.Errorf("layouts/ as a symlink built: %v", err)
	}
}
