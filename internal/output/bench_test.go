package output

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkWrite stages and publishes 1,000 pages of 10 KB.
func BenchmarkWrite(b *testing.B) {
	page := make([]byte, 10<<10)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		s, err := Begin(out)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			if err := s.WriteFile(fmt.Sprintf("mo-hinh/%d/%d/index.html", i/50, i), page); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
