package content_test

import (
	"os"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
)

// benchLoader reads a generated site of n registrations once.
func benchLoader(b *testing.B, n int) *content.Loader {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	l := content.NewLoader(os.DirFS(dir), content.Options{})
	l.Load()
	return l
}

// BenchmarkLinkAndValidate is what spans files — resolving references,
// sorting in Vietnamese order, the indexes, the rules across files — on
// 2,000 registrations already read: the part of every rebuild that cannot
// be incremental.
func BenchmarkLinkAndValidate(b *testing.B) {
	l := benchLoader(b, 2000)
	for b.Loop() {
		l.LinkAndValidate()
	}
}

// BenchmarkReadFile is reading and decoding one registration.
func BenchmarkReadFile(b *testing.B) {
	reread := benchLoader(b, 50).RereadRegistration()
	for b.Loop() {
		reread()
	}
}
