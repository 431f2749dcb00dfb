package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/mohinh/mohinh/internal/htmlcheck"
)

// activeContent reads every file of a build as a browser or a feed reader
// would and returns what could run, load from elsewhere or break out of
// its structure: the "inert" assertion of the site tests.
func activeContent(t *testing.T, out string) []string {
	t.Helper()
	var problems []string
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".html":
			pages++
			for _, problem := range htmlcheck.Problems(data) {
				problems = append(problems, rel+":"+problem)
			}
		case ".json":
			if !json.Valid(data) {
				problems = append(problems, rel+": not valid JSON")
			}
		case ".xml":
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					problems = append(problems, rel+": "+err.Error())
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		problems = append(problems, "no page in "+out)
	}
	return problems
}
