package content_test

import (
	"os"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
)

// The checks of how a value is written — legacy encodings, curly quotes,
// text cut by a "#", layout, dates — raise nothing on real Vietnamese: the
// sample site and a generated one.
func TestTextChecksQuietOnRealText(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: 1000, Seed: 14}); err != nil {
		t.Fatal(err)
	}
	quiet := map[string]bool{"legacy-encoding": true, "curly-quotes": true, "yaml-comment": true, "yaml": true, "yaml-indent": true, "bad-date": true}
	for _, site := range []string{"../..", dir} {
		_, diags := content.Load(os.DirFS(site))
		for _, d := range diags {
			if quiet[d.Code] {
				t.Errorf("%s: %s", site, d)
			}
		}
	}
}
