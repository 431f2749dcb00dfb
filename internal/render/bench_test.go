package render

import (
	"os"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func benchSite(b *testing.B, n int) (*content.Site, *Renderer) {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, diags := content.Load(os.DirFS(dir))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	layouts := os.DirFS("../../layouts")
	r, err := NewRenderer(Options{Layouts: layouts})
	if err != nil {
		b.Fatal(err)
	}
	if err := r.Render(site, discard{}); err != nil {
		b.Fatal(err)
	}
	return site, r
}

// BenchmarkRegistrationPage renders one registration's page.
func BenchmarkRegistrationPage(b *testing.B) {
	site, r := benchSite(b, 200)
	reg := site.Registrations[len(site.Registrations)/2]
	jobs, _ := r.plan(site) // the pages, without the reports and files
	only := map[string]bool{r.urls.Registration(reg): true}
	for b.Loop() {
		if err := r.run(jobs, only, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexes renders the home page and the indexes of 2,000
// registrations: what every rebuild renders again.
func BenchmarkIndexes(b *testing.B) {
	site, r := benchSite(b, 2000)
	u := r.urls
	only := map[string]bool{u.Home(): true, u.Organisations(): true, u.Fields(): true, u.Campaigns(): true, u.Statuses(): true}
	jobs, _ := r.plan(site) // the pages, without the reports and files
	for b.Loop() {
		if err := r.run(jobs, only, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}
