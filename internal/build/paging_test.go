package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mohinh/mohinh"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
	"github.com/mohinh/mohinh/internal/render"
)

var rowPattern = regexp.MustCompile(`(?s)<tr>\s*<td><a href="/to-chuc/`)

// Long lists continue on further pages: no page lists more than
// render.PageSize registrations, every page links to the others, and
// every registration is on exactly one page of each list.
func TestLongListsArePaged(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if _, err := corpus.Generate(site, corpus.Options{Registrations: 700, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	res, diags, err := Build(Options{Site: site, Out: out})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	root := res.Site.Roots[0]
	if root.TotalRegistrations <= 2*render.PageSize {
		t.Fatalf("the root has %d registrations: too few to need three pages", root.TotalRegistrations)
	}
	rows := 0
	for n := 1; ; n++ {
		url := "to-chuc/" + root.ID + "/index.html"
		if n > 1 {
			url = "to-chuc/" + root.ID + "/trang-" + itoa(n) + "/index.html"
		}
		data, err := os.ReadFile(filepath.Join(out, url))
		if err != nil {
			if n <= 3 {
				t.Fatalf("page %d: %v", n, err)
			}
			break
		}
		count := len(rowPattern.FindAll(data, -1))
		if count > render.PageSize {
			t.Errorf("%s lists %d registrations", url, count)
		}
		if !strings.Contains(string(data), `class="pager"`) {
			t.Errorf("%s has no pager", url)
		}
		rows += count
	}
	if rows != root.TotalRegistrations {
		t.Errorf("the pages of the root list %d registrations, want %d", rows, root.TotalRegistrations)
	}
	for _, p := range brokenLinks(t, out, "/") {
		t.Error(p)
	}
}

// recorder keeps the names written; the renderer writes from every core.
type recorder struct {
	mu    sync.Mutex
	names []string
}

func (r *recorder) WriteFile(name string, data []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
	return nil
}

// After an edit that does not move a registration, only the pages of each
// list that show it are rendered again, with the first pages (their
// counts); a removed registration's page is gone.
func TestRenderAffectedPages(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: 700, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	loader := content.NewLoader(os.DirFS(dir), content.Options{})
	before, _ := loader.Load()
	r, err := render.NewRenderer(render.Options{Layouts: mohinh.DefaultLayouts()})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(before, discard{}); err != nil {
		t.Fatal(err)
	}
	// The last registration of the root's list is on its last page.
	regs := before.Registrations
	target := regs[len(regs)-1]
	file := filepath.Join(dir, filepath.FromSlash(target.Path))
	data, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(data), "\nnovelty: ", "\nnovelty: Đã sửa. ", 1)), 0o644)
	after, diags := loader.Update([]string{target.Path})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	rec := &recorder{}
	n, gone, err := r.RenderAffected(before, after, []string{target.Path}, rec)
	if err != nil {
		t.Fatal(err)
	}
	written := strings.Join(rec.names, "\n")
	root := "to-chuc/" + before.Roots[0].ID + "/"
	pages := (before.Roots[0].TotalRegistrations + render.PageSize - 1) / render.PageSize
	for _, want := range []string{root + "index.html", root + "trang-" + itoa(pages) + "/index.html", "index.html"} {
		if !strings.Contains(written, want+"\n") && !strings.HasSuffix(written, want) {
			t.Errorf("%s was not rendered again", want)
		}
	}
	if strings.Contains(written, root+"trang-2/index.html") && pages > 2 {
		t.Errorf("page 2 of the root, which does not show the edited registration, was rendered again")
	}
	if n != len(rec.names) || len(gone) != 0 {
		t.Errorf("n %d, written %d, gone %v", n, len(rec.names), gone)
	}

	os.Remove(file)
	final, _ := loader.Update([]string{target.Path})
	rec = &recorder{}
	_, gone, _ = r.RenderAffected(after, final, []string{target.Path}, rec)
	reg := "mo-hinh/" + itoa(target.CampaignYear) + "/" + target.OrganisationID + "/" + target.Slug + "/index.html"
	found := false
	for _, g := range gone {
		found = found || g == reg
	}
	if !found {
		t.Errorf("the removed registration's page %s is not in gone %v", reg, gone)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
