package build

import (
	"os"
	"sync"
	"testing"

	"github.com/mohinh/mohinh"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
	"github.com/mohinh/mohinh/internal/render"
)

// The benchmarks run on a generated corpus of 2,000 registrations; whole
// process figures at 10,000 and 50,000 are in the README.
var benchSite = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "mohinh-bench-")
	if err != nil {
		return "", err
	}
	_, err = corpus.Generate(dir, corpus.Options{Registrations: 2000, Seed: 1})
	return dir, err
})

func benchCorpus(b *testing.B) string {
	dir, err := benchSite()
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// discard is a Writer that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(benchCorpus(b))
	for b.Loop() {
		if _, diags := content.Load(fsys); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	site, diags := content.Load(os.DirFS(benchCorpus(b)))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	opts := render.Options{Layouts: mohinh.DefaultLayouts()}
	for b.Loop() {
		if err := render.Render(site, opts, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b)
	out := b.TempDir() + "/public"
	for b.Loop() {
		if _, diags, err := Build(Options{Site: dir, Out: out}); err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
	}
}
