package contracttest

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/mohinh/mohinh/internal/check"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/newreg"
)

// fileNameCase is a title and the file name, without .md, every tool
// gives a registration of that title; "" when none names a file.
type fileNameCase struct{ title, name string }

func fileNameCases(t *testing.T) []fileNameCase {
	t.Helper()
	data, err := os.ReadFile("../content/testdata/file-names.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Names [][2]string }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Names) < 10 {
		t.Fatalf("only %d cases", len(doc.Names))
	}
	var out []fileNameCase
	for _, n := range doc.Names {
		out = append(out, fileNameCase{n[0], n[1]})
	}
	return out
}

// "mohinh new", "mohinh check --fix" and the form name the file of a
// title alike, long and odd titles included: the slug of 84 bytes whose
// 81st is a hyphen, which new cut to 80 bytes and --fix to fewer; đ and
// its look-alike Ð; apostrophes, straight and curly; titles of punctuation
// only; words longer than a file name. The form computes the name in the
// browser from du-lieu/chu-viet.json: its bound is checked here, and its
// names in internal/browsertest (TestFormNamesTheFileAsGoDoes) on the same
// cases.
func TestNewFixAndFormNameTheSameFile(t *testing.T) {
	cases := fileNameCases(t)
	campaign := &content.Campaign{Year: 2025}
	org := &content.Organisation{ID: "xa-ka-do"}

	// check --fix renames a registration saved under a name that is not a
	// file name, after its title: one per case, each in its own folder.
	files := map[string]string{}
	draft := func(i int) string { return content.RegistrationPath(2025, "to-chuc-"+strconv.Itoa(i), "Bản nháp") }
	for i, c := range cases {
		files[draft(i)] = "---\ntitle: " + content.YAMLScalar(c.title) + "\n---\n"
	}
	site := writeSite(t, files)
	res, err := check.Run(check.Options{Site: site, Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	renamed := map[string]string{}
	for _, f := range res.Fixes {
		renamed[f.Path] = f.RenamedTo
	}

	for i, c := range cases {
		// mohinh new
		d := newreg.Draft{Campaign: campaign, Organisation: org, Title: newreg.CleanText(c.title)}
		err := newreg.CheckTitle(d.Title)
		switch {
		case c.name == "" && err == nil:
			t.Errorf("new: %q names the file %s, want it refused", c.title, d.Path())
		case c.name == "":
		case err != nil:
			t.Errorf("new: %q refused: %v", c.title, err)
		case d.Path() != content.RegistrationPath(2025, "xa-ka-do", c.name):
			t.Errorf("new: %q is written to %s, want %s.md", c.title, d.Path(), c.name)
		}

		// mohinh check --fix
		want := ""
		if c.name != "" {
			want = path.Join(path.Dir(draft(i)), c.name+".md")
		}
		if got := renamed[draft(i)]; got != want {
			t.Errorf("check --fix: %q is renamed to %q, want %q", c.title, got, want)
		}
		if want != "" {
			if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(want))); err != nil {
				t.Errorf("check --fix: %v", err)
			}
		}
	}

	// The form: the bound it cuts at, the folder it writes into.
	out, _ := buildSite(t)
	var tables struct{ MaxSlug int }
	readJSON(t, filepath.Join(out, "du-lieu", "chu-viet.json"), &tables)
	var schema struct {
		Rules struct {
			MaxSlug int
			Path    string
		} `json:"x-mohinh"`
	}
	readJSON(t, filepath.Join(out, "du-lieu", "dang-ky.schema.json"), &schema)
	if tables.MaxSlug != content.MaxSlugLen || schema.Rules.MaxSlug != content.MaxSlugLen || schema.Rules.Path != content.RegistrationPathPattern {
		t.Errorf("the form cuts at %d (schema: %d) and writes to %q; want %d and %q",
			tables.MaxSlug, schema.Rules.MaxSlug, schema.Rules.Path, content.MaxSlugLen, content.RegistrationPathPattern)
	}
}

func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
