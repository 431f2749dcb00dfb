package report

import (
	"slices"
	"testing"
)

// Who compiles for the level above, and what: Đảng ủy xã Ka Đô approves
// its member's and its chi bộ's models and compiles its whole subtree;
// nobody else below the district approves anything.
func TestLevels(t *testing.T) {
	files := district("")
	files["content/organisations/thon-b.md"] = org("Chi bộ thôn B", "chi-bo-truc-thuoc", "xa-ka-do", "")
	files["content/organisations/thon-cu.md"] = org("Chi bộ thôn Cũ", "chi-bo-truc-thuoc", "xa-ka-do", "dissolved: 2023-10-01")
	s := site(t, files)
	c := s.CampaignByYear[2024]
	levels := Levels(c)
	if len(levels) != 1 || levels[0].Organisation.ID != "xa-ka-do" {
		t.Fatalf("levels %+v, want only xa-ka-do", levels)
	}
	var got []string
	for _, r := range levels[0].Registrations {
		got = append(got, r.Organisation.ID+"/"+r.Slug)
	}
	if want := []string{"thon-a/ba", "xa-ka-do/mot", "xa-ka-do/hai"}; !slices.Equal(got, want) {
		t.Errorf("xa-ka-do compiles %v, want %v in the call's order", got, want)
	}
	sum := ForLevel(s, c, levels[0])
	if sum.Level.ID != "xa-ka-do" || sum.Total.N != 3 || sum.Total.Individual != 1 {
		t.Errorf("summary of the level: level %s, %d registrations, %d individual", sum.Level.ID, sum.Total.N, sum.Total.Individual)
	}
	// Its chi bộ in place are expected; the one dissolved before the call
	// is not; thôn B did not register.
	var expected, missing []string
	for _, e := range sum.Compliance.Entries {
		expected = append(expected, e.Organisation.ID)
	}
	for _, e := range sum.Compliance.MissingEntries() {
		missing = append(missing, e.Organisation.ID)
	}
	if !slices.Equal(expected, []string{"thon-a", "thon-b"}) || !slices.Equal(missing, []string{"thon-b"}) {
		t.Errorf("expected %v, missing %v; want [thon-a thon-b], [thon-b]", expected, missing)
	}

	// The district's report: what Ka Đô approved of its own (one member's,
	// one chi bộ's, both undecided here).
	all := New(s, c)
	if len(all.Approvals) != 1 || all.Approvals[0].Organisation.ID != "xa-ka-do" || all.Approvals[0].Undecided != 2 || all.Approvals[0].Total() != 2 {
		t.Errorf("approvals %+v, want xa-ka-do with 2 undecided", all.Approvals)
	}
}
