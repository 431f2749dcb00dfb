package report

import (
	"cmp"
	"slices"

	"github.com/mohinh/mohinh/internal/content"
)

// State is where an expected organisation stands with a call.
type State int

// The states, in the order the Board reads them: who is missing first.
const (
	Missing State = iota // nothing registered
	Late                 // its first registration came after the deadline
	Undated              // registered, but no registration says when
	OnTime               // its first registration came by the deadline
)

// Label is the state in Vietnamese.
func (s State) Label() string {
	switch s {
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Nộp muộn"
	case Undated:
		return "Đã đăng ký, chưa rõ ngày"
	}
	return "Chưa đăng ký"
}

// Key is a short ASCII name of the state: "ontime", "late", "undated",
// "missing"; the JSON export and the page's styles use it.
func (s State) Key() string {
	switch s {
	case OnTime:
		return "ontime"
	case Late:
		return "late"
	case Undated:
		return "undated"
	}
	return "missing"
}

// Compliance is the tình hình đăng ký of one call.
type Compliance struct {
	Kinds    []content.Kind          // the kinds expected: the call's own, or those directly under its issuer
	Entries  []Entry                 // every expected organisation, by kind, then in Vietnamese order
	Excluded []*content.Organisation // of those kinds, dissolved on or before the call's date
	OnTime   int
	Late     int
	Undated  int
	Missing  int
}

// Registered is how many expected organisations registered at all.
func (c Compliance) Registered() int { return c.OnTime + c.Late + c.Undated }

// MissingEntries are the expected organisations that did not register.
func (c Compliance) MissingEntries() []Entry { return c.filter(Missing) }

// LateEntries are the expected organisations that registered late.
func (c Compliance) LateEntries() []Entry { return c.filter(Late) }

func (c Compliance) filter(s State) []Entry {
	var out []Entry
	for _, e := range c.Entries {
		if e.State == s {
			out = append(out, e)
		}
	}
	return out
}

// Entry is one expected organisation.
type Entry struct {
	N            int // STT, from 1
	Organisation *content.Organisation
	State        State
	DaysLate     int          // for Late: days between the deadline and its first registration
	First        content.Date // the date of its first registration; zero when none is dated
	// Registrations are its own and those of the organisations under it
	// that are not expected themselves (its branches, its members), which
	// register through it; in the call's order.
	Registrations []*content.Registration
}

// NewCompliance computes which organisations had to answer call c and
// whether each did.
//
// An organisation is expected when its kind is one of the call's expected
// kinds, it is under the call's issuer, and it existed on the call's date:
// not dissolved on or before it. Its registrations count those of the
// organisations below it that are not expected themselves, since a base
// organisation registers for its branches and members. It is on time when
// its first dated registration is, late by that registration's delay
// otherwise.
func NewCompliance(site *content.Site, c *content.Campaign) Compliance {
	if c.Issuer == nil {
		return Compliance{Kinds: c.Expected}
	}
	rank := make(map[*content.Organisation]int, len(site.Organisations))
	for i, o := range site.Organisations {
		rank[o] = i
	}
	return complianceUnder(c, c.Issuer, c.Registrations, c.Expected, rank)
}

// complianceUnder is NewCompliance for the organisations under top, of
// the kinds given, answering with regs. Its cost is that of top's
// subtree: rank, the organisations' places in the site, orders the
// entries of a call that names kinds; without kinds the entries are
// top's children, listed by kind and in Vietnamese order already.
func complianceUnder(c *content.Campaign, top *content.Organisation, regs []*content.Registration, kinds []content.Kind, rank map[*content.Organisation]int) Compliance {
	// A call that names no kinds expects every organisation directly
	// under its issuer: the district's advisory bodies and base
	// organisations, a đảng ủy's chi bộ.
	expected := func(o *content.Organisation) bool { return slices.Contains(kinds, o.Kind) }
	if len(kinds) == 0 {
		for _, k := range content.Kinds {
			if slices.ContainsFunc(top.Children, func(o *content.Organisation) bool { return o.Kind == k && existed(o, c) }) {
				kinds = append(kinds, k)
			}
		}
		expected = func(o *content.Organisation) bool { return o.Parent == top }
	}
	cp := Compliance{Kinds: kinds}

	// Who answers for whom: every organisation to the nearest expected one
	// at or above it, walking down the tree once.
	answersFor := map[*content.Organisation]int{}
	var walk func(o *content.Organisation, owner int)
	walk = func(o *content.Organisation, owner int) {
		if o != top && expected(o) {
			if existed(o, c) {
				cp.Entries = append(cp.Entries, Entry{Organisation: o})
				owner = len(cp.Entries) - 1
			} else {
				cp.Excluded = append(cp.Excluded, o)
				owner = -1 // what it and its branches did is not the call's business
			}
		}
		answersFor[o] = owner
		for _, child := range o.Children {
			walk(child, owner)
		}
	}
	walk(top, -1)

	for _, r := range regs {
		i, ok := answersFor[r.Organisation]
		if !ok || i < 0 {
			continue
		}
		e := &cp.Entries[i]
		e.Registrations = append(e.Registrations, r)
		if !r.Date.IsZero() && (e.First.IsZero() || r.Date.Before(e.First)) {
			e.First = r.Date
		}
	}
	for i := range cp.Entries {
		e := &cp.Entries[i]
		switch {
		case len(e.Registrations) == 0:
			e.State = Missing
			cp.Missing++
		case e.First.IsZero() || c.Deadline.IsZero():
			e.State = Undated
			cp.Undated++
		case e.First.After(c.Deadline):
			e.State, e.DaysLate = Late, e.First.DaysAfter(c.Deadline)
			cp.Late++
		default:
			e.State = OnTime
			cp.OnTime++
		}
	}

	if rank != nil {
		order := func(a, b *content.Organisation) int {
			return cmp.Or(cmp.Compare(slices.Index(content.Kinds, a.Kind), slices.Index(content.Kinds, b.Kind)), cmp.Compare(rank[a], rank[b]))
		}
		slices.SortFunc(cp.Entries, func(a, b Entry) int { return order(a.Organisation, b.Organisation) })
		slices.SortFunc(cp.Excluded, order)
	}
	for i := range cp.Entries {
		cp.Entries[i].N = i + 1
	}
	return cp
}

// existed reports whether o existed to answer call c: not dissolved on
// or before the day it was issued, established by its deadline.
func existed(o *content.Organisation, c *content.Campaign) bool {
	return o.MayRegister(c) && (o.Established.IsZero() || c.Deadline.IsZero() || !c.Deadline.Before(o.Established))
}
