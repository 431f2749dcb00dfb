package report

import (
	"fmt"
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

// A level is any organisation with sub-units or members registering: a
// đảng ủy whose chi bộ registers nothing itself but whose chi bộ's member
// does compiles, as the chi bộ does; a chi bộ cơ sở registering only its
// own model does not; the issuer never does (its report is the call's).
func TestLevelsAboveMembers(t *testing.T) {
	files := district("")
	files["content/organisations/thon-p.md"] = org("Chi bộ thôn P", "chi-bo-truc-thuoc", "xa-pro", "")
	files["content/organisations/thon-q.md"] = org("Chi bộ thôn Q", "chi-bo-truc-thuoc", "xa-pro", "")
	files["content/registrations/2024/thon-p/bay.md"] = reg("thon-p", "Tưới nhỏ giọt", "kinh-te", "2024-01-12", "member: Lê Văn Cường")
	files["content/registrations/2024/ban-to-chuc/tam.md"] = reg("ban-to-chuc", "Sổ tay cán bộ", "kinh-te", "2024-01-05", "")
	files["content/decisions/2024/thon-p/tb-2.md"] = "title: Thông báo\nkind: approval\nissuer: thon-p\ncampaign: 2024\nnumber: 02-TB/CB\ndate: 2024-01-15\n" +
		"rejected:\n  - registration: thon-p/bay\n    reason: Trùng   mô hình\n      đã có."
	s := site(t, files)
	c := s.CampaignByYear[2024]
	byID := map[string]LevelRegistrations{}
	var ids []string
	for _, l := range Levels(c) {
		byID[l.Organisation.ID] = l
		ids = append(ids, l.Organisation.ID)
	}
	slices.Sort(ids)
	if want := []string{"thon-p", "xa-ka-do", "xa-pro"}; !slices.Equal(ids, want) {
		t.Fatalf("levels %v, want %v", ids, want)
	}

	sum := ForLevel(s, c, byID["xa-pro"])
	if sum.Total.N != 1 || sum.Total.Individual != 1 || sum.Total.Late != 1 {
		t.Errorf("xa-pro: %+v, want one individual, late", sum.Total)
	}
	if got := sum.Rows[0].Approval; got != "Không thông qua: số 02-TB/CB ngày 15/01/2024 của Chi bộ thôn P. Lý do: Trùng mô hình đã có." {
		t.Errorf("approval %q", got)
	}
	counts := func(ts []Tally) map[string]int {
		m := map[string]int{}
		for _, t := range ts {
			m[t.Key] = t.N
		}
		return m
	}
	if got := counts(sum.ByField); got["kinh-te"] != 1 || got["dan-van"] != 0 || len(got) != 2 {
		t.Errorf("by field %v, want every field, kinh-te 1", got)
	}
	if got := counts(sum.ByStatus); got["rejected"] != 1 || got["registered"] != 0 {
		t.Errorf("by status %v, want one rejected", got)
	}
	// Its report counts the kinds it can have: its own, its chi bộ's.
	if got := counts(sum.ByKind); len(got) != 2 || got["chi-bo-truc-thuoc"] != 1 || got["dang-uy-co-so"] != 0 {
		t.Errorf("by kind %v, want dang-uy-co-so and chi-bo-truc-thuoc only", got)
	}
	var missing []string
	for _, e := range sum.Compliance.MissingEntries() {
		missing = append(missing, e.Organisation.ID)
	}
	if sum.Compliance.Late != 1 || !slices.Equal(missing, []string{"thon-q"}) {
		t.Errorf("xa-pro: late %d, missing %v; want 1 late (thon-p), [thon-q] missing", sum.Compliance.Late, missing)
	}

	// A chi bộ with no sub-units expects none.
	if cp := ForLevel(s, c, byID["thon-p"]).Compliance; len(cp.Entries) != 0 || len(cp.Kinds) != 0 {
		t.Errorf("thon-p expects %+v", cp)
	}

	// The district's report: what each base organisation's levels did.
	all := New(s, c)
	var got []string
	for _, a := range all.Approvals {
		got = append(got, fmt.Sprintf("%s %d/%d/%d", a.Organisation.ID, a.Approved, a.Rejected, a.Undecided))
	}
	if want := []string{"xa-ka-do 0/0/2", "xa-pro 0/1/0"}; !slices.Equal(got, want) {
		t.Errorf("approvals %v, want %v", got, want)
	}
}

// Approval names the document that decided, and says so when none has.
func TestApproval(t *testing.T) {
	files := district("")
	files["content/decisions/2024/xa-ka-do/tb-15.md"] = "title: Thông báo\nkind: approval\nissuer: xa-ka-do\ncampaign: 2024\nnumber: 15-TB/ĐU\ndate: 2024-01-20\napproved:\n  - thon-a/ba"
	s := site(t, files)
	got := map[string]string{}
	for _, r := range s.CampaignByYear[2024].Registrations {
		got[r.Slug] = Approval(r)
	}
	want := map[string]string{
		"ba":  "Thông qua: số 15-TB/ĐU ngày 20/01/2024 của Đảng ủy xã Ka Đô",
		"hai": "Chưa xét duyệt",
		"mot": "", // "status: approved" written, with no document
		"nam": "",
	}
	for slug, w := range want {
		if got[slug] != w {
			t.Errorf("%s: %q, want %q", slug, got[slug], w)
		}
	}
}
