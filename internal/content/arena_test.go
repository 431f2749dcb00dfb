package content

import (
	"testing"
	"unsafe"
)

// Every string a registration keeps is copied out of the file's text: one
// left pointing into it would keep the whole front matter alive as long as
// the site (50 MB at 50,000 registrations, found for the status).
func TestPackRegistrationCopiesEveryString(t *testing.T) {
	raw := "title: T\norganisation: o\nfield: f\nmember: M\nnumber: 1-CV\nsigner: S\nsigner_title: ST\nnovelty: N\nexpected_results: E\nstatus: approved\n"
	inRaw := func(s string) bool {
		if s == "" {
			return false
		}
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(raw)))
		return p >= start && p < start+uintptr(len(raw))
	}
	at := func(v string) string { // v as a substring of raw, as the parser leaves it
		for i := range len(raw) - len(v) + 1 {
			if raw[i:i+len(v)] == v {
				return raw[i : i+len(v)]
			}
		}
		t.Fatalf("%q not in raw", v)
		return ""
	}
	g := &Registration{
		Title: at("T"), OrganisationID: at("o"), FieldID: at("f"), Member: at("M"), Number: at("1-CV"),
		Signer: at("S"), SignerTitle: at("ST"), Novelty: at("N"), ExpectedResults: at("E"), Status: Status(at("approved")),
	}
	g.Path, g.Slug, g.titleKey = at("title"), at("title"), at("title")
	newTextArena(1).packRegistration(g)
	for name, s := range map[string]string{
		"Path": g.Path, "Slug": g.Slug, "Title": g.Title, "OrganisationID": g.OrganisationID,
		"FieldID": g.FieldID, "Member": g.Member, "Number": g.Number, "Signer": g.Signer, "SignerTitle": g.SignerTitle,
		"Novelty": g.Novelty, "ExpectedResults": g.ExpectedResults, "Status": string(g.Status), "titleKey": g.titleKey,
	} {
		if inRaw(s) {
			t.Errorf("%s still points into the file's text", name)
		}
	}
	if g.Status != Approved {
		t.Errorf("status %q", g.Status)
	}
}
