package content

// The Party hierarchy: each organisation's parent, the tree they make,
// its depth, its cycles, and the successors of dissolved organisations.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
)

func linkOrganisations(site *Site, diags *diag.List) {
	var roots []*Organisation
	for _, o := range site.Organisations {
		if o.ParentID == "" {
			if !o.badParent {
				roots = append(roots, o)
			}
			continue
		}
		p := lookupOrganisation(site, o.ParentID, o.Source, "parent", "tổ chức cấp trên", diags)
		if p == nil {
			continue
		}
		o.Parent = p
	}
	if len(site.Organisations) == 0 {
		diags.Errorf("content/organisations", 0, 0, "no-organisations", "chưa có tổ chức nào: hãy tạo content/organisations/<mã>.md, bắt đầu từ cấp ủy ban hành đợt đăng ký")
	}
	checkRoots(roots, diags)
	// In place first: the tree page shows today's structure at the top.
	slices.SortStableFunc(roots, func(a, b *Organisation) int { return compareBool(!a.Current(), !b.Current()) })
	site.Roots = roots
	breakParentCycles(site, diags)
	for _, o := range site.Organisations { // already in Vietnamese order
		if o.Parent != nil {
			o.Parent.Children = append(o.Parent.Children, o)
		}
	}
	// Children are listed as the Party lists them: advisory bodies, then
	// base committees, then branches, each in Vietnamese order.
	for _, o := range site.Organisations {
		slices.SortStableFunc(o.Children, func(a, b *Organisation) int {
			return cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind))
		})
	}
	for _, root := range site.Roots {
		setDepth(root, 0, diags)
	}
	for _, o := range site.Organisations {
		if o.SuccessorID == "" {
			continue
		}
		s := lookupOrganisation(site, o.SuccessorID, o.Source, "successor", "tổ chức kế thừa", diags)
		if s == nil {
			continue
		}
		o.Successor = s
		s.Predecessors = append(s.Predecessors, o)
	}
	breakSuccessorCycles(site, diags)
	checkLifetimeUnderParent(site, diags)
	for _, o := range site.Organisations {
		if o.PartyName == "" {
			o.PartyName = o.Title
		}
	}
}

// checkLifetimeUnderParent reports an organisation that outlives its
// parent: one still in place, or dissolved later, under a parent that was
// dissolved. After a reorganisation the branches of an ended committee end
// with it, or move under its successor.
func checkLifetimeUnderParent(site *Site, diags *diag.List) {
	for _, o := range site.Organisations {
		p := o.Parent
		if p == nil || p.Dissolved.IsZero() || (!o.Dissolved.IsZero() && !p.Dissolved.Before(o.Dissolved)) {
			continue
		}
		line, col := o.At("parent")
		advice := "hãy ghi ngày giải thể (\"dissolved\") của tổ chức này"
		if s := p.Successor; s != nil {
			advice += ", hoặc chuyển tổ chức sang cấp trên mới: \"parent: " + s.ID + "\" (" + s.Title + ", tổ chức kế thừa)"
		}
		diags.Errorf(o.Path, line, col, "parent-dissolved", "cấp trên %s (%s) đã giải thể từ ngày %s, nhưng tổ chức này vẫn hoạt động sau ngày đó: %s", p.Title, p.ID, p.Dissolved.Short(), advice)
	}
}

// checkRoots reports a top committee that another one overlaps in time
// without either naming the body above them. A site holds several top
// committees only across a reorganisation (the district's, then the
// communes' that replaced it) or when several committees under one
// provincial committee share it; each then names that committee in
// "superior". A root that is neither is an organisation whose "parent"
// was forgotten.
func checkRoots(roots []*Organisation, diags *diag.List) {
	reported := map[*Organisation]bool{}
	for i, a := range roots {
		for _, b := range roots[i+1:] {
			if !overlap(a, b) {
				continue
			}
			var o, other *Organisation
			switch {
			case b.Superior == "":
				o, other = b, a
			case a.Superior == "":
				o, other = a, b
			default:
				continue
			}
			if reported[o] {
				continue
			}
			reported[o] = true
			diags.Errorf(o.Path, o.FrontLine, 1, "second-root", "tổ chức không có cấp trên (\"parent\"), nhưng %s cũng là tổ chức cao nhất trong cùng thời gian: hãy thêm \"parent: <mã tổ chức cấp trên>\"; nếu cả hai cùng trực thuộc một cấp ủy ngoài cổng này (như các đảng ủy xã trực thuộc Tỉnh ủy từ 01/7/2025), hãy ghi tên cấp ủy đó vào \"superior\" của mỗi tổ chức", other.ID)
		}
	}
}

// overlap reports whether a and b existed on a common day.
func overlap(a, b *Organisation) bool {
	aEnds := !a.Dissolved.IsZero() && !b.Established.IsZero() && !b.Established.Before(a.Dissolved)
	bEnds := !b.Dissolved.IsZero() && !a.Established.IsZero() && !a.Established.Before(b.Dissolved)
	return !aEnds && !bEnds
}

// breakParentCycles reports organisations that are their own ancestor and
// cuts each cycle so that the tree stays a tree. A cycle is reported once,
// at the organisation where it was entered, naming at most
// cycleMembersNamed of its members: a cycle of ten thousand is one line.
func breakParentCycles(site *Site, diags *diag.List) {
	for _, cycle := range cycles(site.Organisations, func(o *Organisation) *Organisation { return o.Parent }) {
		line, col := cycle[0].At("parent")
		diags.Errorf(cycle[0].Path, line, col, "parent-cycle", "tổ chức là cấp trên của chính nó qua chuỗi %s: hãy sửa \"parent\" để chuỗi dừng ở tổ chức cao nhất", cycleChain(cycle))
		cycle[len(cycle)-1].Parent = nil
	}
}

// breakSuccessorCycles reports chains of successors that come back on
// themselves, once each, and cuts them.
func breakSuccessorCycles(site *Site, diags *diag.List) {
	for _, cycle := range cycles(site.Organisations, func(o *Organisation) *Organisation { return o.Successor }) {
		line, col := cycle[0].At("successor")
		diags.Errorf(cycle[0].Path, line, col, "successor-cycle", "chuỗi tổ chức kế thừa quay vòng: %s: hãy sửa \"successor\" để chuỗi dừng ở một tổ chức còn hoạt động", cycleChain(cycle))
		for _, c := range cycle {
			c.Successor = nil
		}
	}
}

// cycleMembersNamed is how many members of a cycle its message names.
const cycleMembersNamed = 8

// cycleChain spells a cycle "a → b → c → a", its middle elided when it is
// long.
func cycleChain(cycle []*Organisation) string {
	var b strings.Builder
	for i, c := range cycle {
		if i == cycleMembersNamed-1 && len(cycle) > cycleMembersNamed {
			fmt.Fprintf(&b, "… (thêm %d tổ chức) → ", len(cycle)-cycleMembersNamed)
			c = cycle[len(cycle)-1]
			b.WriteString(c.ID + " → ")
			break
		}
		b.WriteString(c.ID + " → ")
	}
	b.WriteString(cycle[0].ID)
	return b.String()
}

// cycles returns the cycles of the links next, each from the organisation
// where a walk first entered it. Each organisation is visited once: linear
// in the number of organisations.
func cycles(orgs []*Organisation, next func(*Organisation) *Organisation) [][]*Organisation {
	const (
		unseen = iota
		onPath
		done
	)
	state := make(map[*Organisation]int, len(orgs))
	var found [][]*Organisation
	for _, start := range orgs {
		var path []*Organisation
		o := start
		for o != nil && state[o] == unseen {
			state[o] = onPath
			path = append(path, o)
			o = next(o)
		}
		if o != nil && state[o] == onPath { // o is on this walk: a cycle
			found = append(found, path[slices.Index(path, o):])
		}
		for _, p := range path {
			state[p] = done
		}
	}
	return found
}

// MaxDepth is how many levels below the portal's highest organisation the
// hierarchy may have. The Party's deepest chain under a district is
// huyện ủy → đảng ủy cơ sở → đảng bộ bộ phận → chi bộ → tổ đảng (four
// levels down); a portal rooted at a province or above adds one or two.
// Eight leaves room for all of them, and keeps what a page shows of its
// ancestors, and every walk up the tree, a small constant.
const MaxDepth = 8

// setDepth sets the depth of o and the organisations below it, and their
// place. An organisation deeper than MaxDepth is reported (once: the ones
// below it follow from it) and cut from its parent.
func setDepth(o *Organisation, depth int, diags *diag.List) {
	o.Depth = depth
	if o.Place == "" && o.Parent != nil {
		o.Place = o.Parent.Place
	}
	kept := o.Children[:0]
	for _, c := range o.Children {
		if depth+1 > MaxDepth {
			line, col := c.At("parent")
			diags.Errorf(c.Path, line, col, "too-deep", "tổ chức nằm sâu hơn %d cấp dưới tổ chức cao nhất (%s): hệ thống tổ chức của Đảng không có nhiều cấp như vậy, hãy kiểm tra \"parent\" của tổ chức này và các tổ chức cấp trên", MaxDepth, o.ID)
			detach(c)
			continue
		}
		kept = append(kept, c)
		setDepth(c, depth+1, diags)
	}
	o.Children = kept
}

// detach cuts o and every organisation below it from the tree, so that no
// walk up or down goes deeper than MaxDepth.
func detach(o *Organisation) {
	for todo := []*Organisation{o}; len(todo) > 0; {
		o, todo = todo[len(todo)-1], todo[:len(todo)-1]
		todo = append(todo, o.Children...)
		o.Parent, o.Children = nil, nil
	}
}

func countTotals(o *Organisation) int {
	total := len(o.Registrations)
	for _, c := range o.Children {
		total += countTotals(c)
	}
	o.TotalRegistrations = total
	return total
}
