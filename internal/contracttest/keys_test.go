package contracttest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/newreg"
)

// Every key of a registration is known alike to the loader, to the form
// (its schema and its page) and to the file of "mohinh new": the keys are
// content.RegistrationKeys, and each of the others is made from it. A key
// added to the contract without an item on the form fails here; one that
// the loader does not read fails content's TestTheLoaderReadsEveryKey, one
// without its line in new's template newreg's TestTemplateKnowsEveryKey;
// a key read by a decoder and not in the contract stops the loader in
// every test that loads a registration, this one included.
func TestEveryKeyIsKnownToTheLoaderTheFormAndNew(t *testing.T) {
	keys := content.RegistrationKeys()
	var names, required []string
	for _, k := range keys {
		names = append(names, k.Name)
		if k.Required {
			required = append(required, k.Name)
		}
	}
	out, site := buildSite(t)

	// The form's schema: every key, in order, required as the loader
	// requires it, named as the contract names it.
	var schema struct {
		Required   []string
		Order      []string `json:"x-order"`
		Properties map[string]struct {
			Title   string
			Default any
		}
	}
	readJSON(t, filepath.Join(out, "du-lieu", "dang-ky.schema.json"), &schema)
	if !slices.Equal(schema.Order, names) || len(schema.Properties) != len(names) {
		t.Errorf("the schema's keys are %v (%d properties), the contract's %v", schema.Order, len(schema.Properties), names)
	}
	if !slices.Equal(schema.Required, required) {
		t.Errorf("the schema requires %v, the contract %v", schema.Required, required)
	}
	// The form's page: an item for every key, but those whose value the
	// form writes itself, the schema's default (status).
	page, err := os.ReadFile(filepath.Join(out, "dang-ky", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		p, ok := schema.Properties[k.Name]
		if !ok || p.Title != k.Form {
			t.Errorf("%s: the schema calls it %q, the contract %q", k.Name, p.Title, k.Form)
		}
		item := regexp.MustCompile(`\sid="f-` + regexp.QuoteMeta(k.Name) + `"`).Match(page)
		if !item && p.Default == nil {
			t.Errorf("%s: no item on the form's page, and no default for the form to write", k.Name)
		}
	}

	// mohinh new: every key, in order, for a collective registration and
	// an individual one; filled in, the loader reads it without a problem.
	for _, member := range []string{"", "Lê Văn Tùng"} {
		d := newreg.Draft{
			Campaign: site.CampaignByYear[2025], Organisation: site.OrganisationByID["xa-ka-do"],
			Field: site.FieldByID["kinh-te"], Title: "Sổ tay đảng viên điện tử", Member: member, Date: site.CampaignByYear[2025].Deadline,
		}
		file := string(d.File())
		front, _, _ := strings.Cut(strings.TrimPrefix(file, "---\n"), "\n---\n")
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, n := range doc.Content[0].Content {
			if i%2 == 0 {
				got = append(got, n.Value)
			}
		}
		if !slices.Equal(got, names) {
			t.Errorf("member %q: new writes the keys %v, the contract has %v", member, got, names)
		}
		filled := strings.NewReplacer(
			`novelty: ""`, "novelty: Lần đầu tiên mọi đảng viên dùng sổ tay điện tử.",
			`expected_results: ""`, "expected_results: Mọi đảng viên nhận tài liệu trước ba ngày.").Replace(file)
		if _, diags := content.ParseRegistration(d.Path(), []byte(filled)); len(diags) > 0 {
			t.Errorf("member %q: the loader does not read new's file without a problem: %v\n%s", member, diags, filled)
		}
	}
}
