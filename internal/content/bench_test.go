package content

import (
	"os"
	"testing"

	"github.com/mohinh/mohinh/internal/corpus"
)

// benchLoader reads a generated site of n registrations once.
func benchLoader(b *testing.B, n int) *Loader {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	l := NewLoader(os.DirFS(dir), Options{})
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
		l.result()
	}
}

// BenchmarkReadFile is reading and decoding one registration.
func BenchmarkReadFile(b *testing.B) {
	l := benchLoader(b, 50)
	var f sourceFile
	for p, lf := range l.files {
		if lf.registration != nil {
			f = lf.file
			_ = p
			break
		}
	}
	for b.Loop() {
		readFile(l.fsys, f, nil)
	}
}
