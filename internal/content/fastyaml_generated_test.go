package content_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/corpus"
)

// On every file of the sample site, the hostile corpus and a generated
// site, the fast parser agrees with yaml.v3 or declines; and it handles
// nearly every generated registration, so that it is not silently idle.
func TestFastFrontMatterAgreesWithYAML(t *testing.T) {
	var files [][]byte
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, _ := os.ReadFile(p)
			files = append(files, data)
		}
		return nil
	})
	hostile, _ := filepath.Glob("testdata/hostile/*.txtar")
	for _, h := range hostile {
		a, err := txtar.ParseFile(h)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			files = append(files, f.Data)
		}
	}
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, corpus.Options{Registrations: 500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	generated, _ := filepath.Glob(filepath.Join(dir, "content/registrations/*/*/*.md"))
	fastOnGenerated := 0
	for _, p := range generated {
		data, _ := os.ReadFile(p)
		files = append(files, data)
		if raw, ok := content.RawFrontMatter(data); ok {
			if handled, _ := content.SameAsYAML(raw); handled {
				fastOnGenerated++
			}
		}
	}
	for _, data := range files {
		raw, ok := content.RawFrontMatter(data)
		if !ok {
			continue
		}
		if _, diff := content.SameAsYAML(raw); diff != "" {
			t.Errorf("%s\n%s", diff, raw)
		}
	}
	if fastOnGenerated < len(generated)*95/100 {
		t.Errorf("the fast parser handled %d of %d generated registrations", fastOnGenerated, len(generated))
	}
	// Decisions: the notices that only approve (or recognise) are lists
	// of plain texts, which the fast parser reads; those with rejections,
	// scores or refused recognitions (lists of mappings) go to yaml.v3.
	// Both agree on every one.
	decisions, _ := filepath.Glob(filepath.Join(dir, "content/decisions/*/*/*.md"))
	fastOnDecisions, onlyApproving := 0, 0
	for _, p := range decisions {
		data, _ := os.ReadFile(p)
		raw, ok := content.RawFrontMatter(data)
		if !ok {
			t.Fatalf("%s: no front matter", p)
		}
		// Lists of plain texts only: no rejection, score or refused
		// recognition, which are lists of mappings.
		if !bytes.Contains(raw, []byte("\nrejected:")) && !bytes.Contains(raw, []byte("\nnot_recognised:")) && !bytes.Contains(raw, []byte("\nscores:")) {
			onlyApproving++
		}
		handled, diff := content.SameAsYAML(raw)
		if diff != "" {
			t.Errorf("%s\n%s", diff, raw)
		}
		if handled {
			fastOnDecisions++
		}
	}
	if len(decisions) == 0 || fastOnDecisions < onlyApproving {
		t.Errorf("the fast parser handled %d of %d generated decisions, %d of which only approve", fastOnDecisions, len(decisions), onlyApproving)
	}
}
