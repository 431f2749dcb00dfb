package wordimport_test

import (
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/render"
	"github.com/mohinh/mohinh/internal/wordimport"
)

// Every registration's Word file the portal writes for the sample site
// imports back into the same registration: in the same folder, every key
// of its front matter equal. The file name is the title's (people often
// name their files shorter), and the body, the portal's detail page, is
// not part of the document the call's form asks for: neither is compared.
func TestExportedDOCXImportsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole sample site")
	}
	out := t.TempDir()
	_, diags, err := build.Build(build.Options{Site: "../..", Out: out})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, diags)
	}
	site, diags := content.Load(os.DirFS("../.."))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(site.Registrations) < 20 {
		t.Fatalf("the sample has %d registrations; the test expects the whole sample", len(site.Registrations))
	}
	var u render.URLs
	for _, want := range site.Registrations {
		file := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u.RegistrationDOCX(want), "/")))
		entries, err := wordimport.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v", want.Path, err)
			continue
		}
		if len(entries) != 1 {
			t.Errorf("%s: its Word file imports as %d registrations, want 1", want.Path, len(entries))
			continue
		}
		r := wordimport.Resolve(site, entries[0], 0)
		if len(r.Missing) > 0 {
			t.Errorf("%s: the import could not determine %v", want.Path, r.Missing)
		}
		if path.Dir(r.Path()) != path.Dir(want.Path) {
			t.Errorf("%s: imported to %s", want.Path, r.Path())
		}
		got, diags := content.ParseRegistration(want.Path, r.File())
		if got == nil {
			t.Errorf("%s: the imported file does not parse: %v", want.Path, diags)
			continue
		}
		for _, k := range []struct{ key, got, want string }{
			{"campaign", strconv.Itoa(got.CampaignYear), strconv.Itoa(want.CampaignYear)},
			{"organisation", got.OrganisationID, want.OrganisationID},
			{"field", got.FieldID, want.FieldID},
			{"title", got.Title, want.Title},
			{"member", got.Member, want.Member},
			{"number", got.Number, want.Number},
			{"date", got.Date.String(), want.Date.String()},
			{"signer", got.Signer, want.Signer},
			{"signer_title", got.SignerTitle, want.SignerTitle},
			{"novelty", got.Novelty, want.Novelty},
			{"expected_results", got.ExpectedResults, want.ExpectedResults},
		} {
			if k.got != k.want {
				t.Errorf("%s: %s imported as %q, want %q", want.Path, k.key, k.got, k.want)
			}
		}
	}
}
