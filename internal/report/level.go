package report

import (
	"github.com/mohinh/mohinh/internal/content"
)

// Compiling at every level (the call 943-CV/HU, items 2 and 3): each
// đảng ủy cơ sở and chi bộ approves what its sub-units and members
// register and "tổng hợp báo cáo cấp trên" — compiles a report for the
// level above. A level is an organisation below the call's issuer (whose
// report is the call's) that has sub-units or members registering: a
// registration it approves (a chi bộ's member's, its chi bộ's), or any
// registration of an organisation below it (a đảng ủy whose chi bộ's
// members register, even when the chi bộ itself does not).

// Levels returns, for call c, every organisation that compiles a report
// for the level above, with the registrations it compiles: every one of
// the call in its subtree, its own included, in the call's order. One
// pass over the call's registrations, each walking up its ancestors: at
// most content.MaxDepth steps.
func Levels(c *content.Campaign) []LevelRegistrations {
	index := map[*content.Organisation]int{}
	var out []LevelRegistrations
	for _, r := range c.Registrations {
		// A member's organisation compiles what its members register; a
		// collective registration makes every level above it compile.
		from := r.Organisation.Parent
		if r.Individual() {
			from = r.Organisation
		}
		for o := from; compilesFor(o, c); o = o.Parent {
			if _, ok := index[o]; ok {
				break // and so are those above it
			}
			index[o] = len(out)
			out = append(out, LevelRegistrations{Organisation: o})
		}
	}
	for _, r := range c.Registrations {
		for o := r.Organisation; compilesFor(o, c); o = o.Parent {
			if i, ok := index[o]; ok {
				out[i].Registrations = append(out[i].Registrations, r)
			}
		}
	}
	return out
}

// compilesFor reports whether o may compile a report of call c for a
// level above it: o is below the call's issuer, or a top committee with
// the issuer to report to.
func compilesFor(o *content.Organisation, c *content.Campaign) bool {
	return o != nil && o != c.Issuer && (o.Parent != nil || c.Issuer != nil)
}

// LevelRegistrations is an organisation that compiles for the level above
// and the registrations it compiles.
type LevelRegistrations struct {
	Organisation  *content.Organisation
	Registrations []*content.Registration
}

// ForLevel computes the summary that organisation l.Organisation compiles
// of call c for the level above: its registrations as a Summary's rows,
// groups and counts, and which of the organisations directly under it
// that existed for the call did not register. Its cost is that of its
// subtree, not of the site.
func ForLevel(site *content.Site, c *content.Campaign, l LevelRegistrations) *Summary {
	s := summarise(site, c, l.Registrations)
	s.Level = l.Organisation
	// Its sub-units are expected, and its children are listed by kind,
	// then in Vietnamese order already: as compliance lists them.
	s.Compliance = complianceUnder(c, l.Organisation, l.Registrations, nil, nil)
	s.Evaluation = Evaluate(c, s.Compliance)
	s.ByKind = kindsOfLevel(s.ByKind, l.Organisation, s.Compliance.Kinds)
	return s
}

// kindsOfLevel keeps of the counts by kind those a level's report can
// have: its own kind, those of its sub-units, and any kind registered.
func kindsOfLevel(byKind []Tally, o *content.Organisation, sub []content.Kind) []Tally {
	keep := map[string]bool{string(o.Kind): true}
	for _, k := range sub {
		keep[string(k)] = true
	}
	var out []Tally
	for _, t := range byKind {
		if keep[t.Key] || t.N > 0 {
			out = append(out, t)
		}
	}
	return out
}

// ApprovalTally counts the registrations an organisation approves, by
// what its decisions did with them.
type ApprovalTally struct {
	Organisation *content.Organisation
	Approved     int // approved, and whatever came after
	Rejected     int
	Undecided    int
}

// Total is how many registrations it approves.
func (a ApprovalTally) Total() int { return a.Approved + a.Rejected + a.Undecided }

// add counts r by its status, which its decision gives.
func (a *ApprovalTally) add(r *content.Registration) {
	switch r.Status {
	case content.Registered:
		a.Undecided++
	case content.Rejected:
		a.Rejected++
	default:
		a.Approved++
	}
}

// approvalsBelow counts, for each organisation directly under the call's
// issuer, the registrations of its subtree that it and the levels below
// it approve (not those the issuer approves): what each base organisation
// did with its own sub-units' and members' models. Only those with some.
func approvalsBelow(c *content.Campaign) []ApprovalTally {
	if c.Issuer == nil {
		return nil
	}
	index := map[*content.Organisation]int{}
	var out []ApprovalTally
	for _, r := range c.Registrations {
		level := r.ApprovingLevel()
		if level == nil || level == c.Issuer {
			continue
		}
		base := level
		for base.Parent != nil && base.Parent != c.Issuer {
			base = base.Parent
		}
		if base.Parent != c.Issuer {
			continue
		}
		i, ok := index[base]
		if !ok {
			i = len(out)
			index[base] = i
			out = append(out, ApprovalTally{Organisation: base})
		}
		out[i].add(r)
	}
	return out
}
