package content

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// link resolves references between the loaded records, checks the rules
// that span files, and builds the site's sorted lists and indexes. Records
// whose references cannot be resolved are reported and left out, so that
// every pointer in the returned Site is set.
func link(loaded []loadedFile, isNew func(string) bool, diags *diag.List) *Site {
	site := &Site{
		CampaignByYear:     map[int]*Campaign{},
		FieldByID:          map[string]*Field{},
		OrganisationByID:   map[string]*Organisation{},
		RegistrationByPath: map[string]*Registration{},
		ByStatus:           map[Status][]*Registration{},
	}
	var regs []*Registration
	haveSettings := false
	// Linking fills in the derived fields of copies: the records as read
	// stay untouched, so that a Loader can link them again after a change.
	var slab []Registration
	for _, l := range loaded {
		switch {
		case l.settings != nil:
			site.Settings, haveSettings = *l.settings, true
		case l.campaign != nil:
			c := *l.campaign
			site.Campaigns = append(site.Campaigns, &c)
			site.CampaignByYear[c.Year] = &c
		case l.field != nil:
			f := *l.field
			site.Fields = append(site.Fields, &f)
			site.FieldByID[f.ID] = &f
		case l.organisation != nil:
			o := *l.organisation
			site.Organisations = append(site.Organisations, &o)
			site.OrganisationByID[o.ID] = &o
			o.sortKey = l.sortKey
		case l.registration != nil:
			// One array for all: tens of thousands of small objects that live
			// as long as the site would fragment the heap (arena.go).
			if slab == nil {
				slab = make([]Registration, 0, countRegistrations(loaded))
			}
			slab = append(slab, *l.registration)
			r := &slab[len(slab)-1]
			regs = append(regs, r)
			r.sortKey = l.sortKey
		}
	}
	if !haveSettings {
		diags.Errorf("content/_index.md", 0, 0, "no-settings", "thiếu tệp content/_index.md chứa tên cổng thông tin: hãy tạo tệp này, có dòng \"title: …\" trong phần đầu tệp")
	}

	slices.SortFunc(site.Organisations, func(a, b *Organisation) int {
		return cmp.Or(bytes.Compare(a.sortKey, b.sortKey), cmp.Compare(a.ID, b.ID))
	})
	linkOrganisations(site, diags)
	linkCampaigns(site, diags)
	slices.SortFunc(site.Fields, func(a, b *Field) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), vi.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})

	for i, o := range site.Organisations {
		o.rank = i
	}
	regs = linkRegistrations(site, regs, diags)
	regs = dropDuplicateTitles(regs, isNew, diags)
	slices.SortFunc(regs, func(a, b *Registration) int {
		return cmp.Or(
			cmp.Compare(b.CampaignYear, a.CampaignYear),
			cmp.Compare(a.Organisation.rank, b.Organisation.rank),
			bytes.Compare(a.sortKey, b.sortKey),
			cmp.Compare(a.Path, b.Path),
		)
	})
	site.Registrations = regs
	for _, r := range regs {
		site.RegistrationByPath[r.Path] = r
		r.Organisation.Registrations = append(r.Organisation.Registrations, r)
		r.Campaign.Registrations = append(r.Campaign.Registrations, r)
		r.Field.Registrations = append(r.Field.Registrations, r)
		site.ByStatus[r.Status] = append(site.ByStatus[r.Status], r)
	}
	// Campaign lists are by organisation, then title: the global order
	// within one year already is.
	if site.Root != nil {
		countTotals(site.Root)
	}
	return site
}

func linkOrganisations(site *Site, diags *diag.List) {
	var roots []*Organisation
	for _, o := range site.Organisations {
		if o.ParentID == "" {
			if !o.badParent {
				roots = append(roots, o)
			}
			continue
		}
		p, ok := site.OrganisationByID[o.ParentID]
		if !ok {
			line, col := o.At("parent")
			diags.Errorf(o.Path, line, col, "unknown-organisation", "tổ chức cấp trên %q không tồn tại%s", cut(o.ParentID, 80), suggestion(o.ParentID, orgIDs(site)))
			continue
		}
		o.Parent = p
	}
	switch {
	case len(site.Organisations) == 0:
		diags.Errorf("content/organisations", 0, 0, "no-organisations", "chưa có tổ chức nào: hãy tạo content/organisations/<mã>.md, bắt đầu từ cấp ủy ban hành đợt đăng ký")
	case len(roots) == 0:
		// every organisation has a parent: there is a cycle, reported below
	case len(roots) > 1:
		for _, o := range roots[1:] {
			diags.Errorf(o.Path, o.FrontLine, 1, "second-root", "tổ chức không có cấp trên (\"parent\"), nhưng %s đã là tổ chức cao nhất: hãy thêm \"parent: <mã tổ chức cấp trên>\"", roots[0].ID)
		}
		site.Root = roots[0]
	default:
		site.Root = roots[0]
	}
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
	if site.Root != nil {
		setDepth(site.Root, 0, diags)
	}
	for _, o := range site.Organisations {
		if o.SuccessorID == "" {
			continue
		}
		s, ok := site.OrganisationByID[o.SuccessorID]
		if !ok {
			line, col := o.At("successor")
			diags.Errorf(o.Path, line, col, "unknown-organisation", "tổ chức kế thừa %q không tồn tại%s", cut(o.SuccessorID, 80), suggestion(o.SuccessorID, orgIDs(site)))
			continue
		}
		o.Successor = s
		s.Predecessors = append(s.Predecessors, o)
	}
	breakSuccessorCycles(site, diags)
	for _, o := range site.Organisations {
		if o.PartyName == "" {
			o.PartyName = o.Title
		}
	}
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

func linkCampaigns(site *Site, diags *diag.List) {
	slices.SortFunc(site.Campaigns, func(a, b *Campaign) int { return cmp.Compare(b.Year, a.Year) })
	for _, c := range site.Campaigns {
		if c.IssuerID == "" {
			continue
		}
		issuer, ok := site.OrganisationByID[c.IssuerID]
		if !ok {
			line, col := c.At("issuer")
			diags.Errorf(c.Path, line, col, "unknown-organisation", "tổ chức ban hành %q không tồn tại%s", cut(c.IssuerID, 80), suggestion(c.IssuerID, orgIDs(site)))
			continue
		}
		c.Issuer = issuer
		if len(c.Recipients) == 0 {
			c.Recipients = []string{"Ban Thường vụ " + issuer.Title, "Ban Tổ chức " + issuer.Title}
		}
	}
}

// linkRegistrations resolves each registration's organisation, call and
// field and returns those that resolve.
func linkRegistrations(site *Site, regs []*Registration, diags *diag.List) []*Registration {
	kept := regs[:0]
	for _, r := range regs {
		folderYear, folderOrg := folderOf(r.Path)
		ok := true
		if r.OrganisationID != "" {
			if o, found := site.OrganisationByID[r.OrganisationID]; found {
				r.Organisation = o
			} else {
				line, col := r.At("organisation")
				diags.Errorf(r.Path, line, col, "unknown-organisation", "tổ chức %q không tồn tại%s", cut(r.OrganisationID, 80), suggestion(r.OrganisationID, orgIDs(site)))
			}
			if r.Organisation != nil && r.OrganisationID != folderOrg {
				line, col := r.At("organisation")
				diags.Errorf(r.Path, line, col, "folder-mismatch", "tổ chức %q không khớp với thư mục %s chứa tệp: hãy sửa \"organisation\" hoặc chuyển tệp vào "+RegistrationsDir+"/%s/%s/", r.OrganisationID, folderOrg, folderYear, r.OrganisationID)
				ok = false
			}
		}
		if r.CampaignYear != 0 {
			if c, found := site.CampaignByYear[r.CampaignYear]; found {
				r.Campaign = c
			} else {
				line, col := r.At("campaign")
				diags.Errorf(r.Path, line, col, "unknown-campaign", "đợt đăng ký năm %d không tồn tại: các đợt hiện có là %s", r.CampaignYear, campaignYears(site))
			}
			if r.Campaign != nil && strconv.Itoa(r.CampaignYear) != folderYear {
				line, col := r.At("campaign")
				diags.Errorf(r.Path, line, col, "folder-mismatch", "đợt đăng ký %d không khớp với thư mục năm %s chứa tệp: hãy sửa \"campaign\" hoặc chuyển tệp vào "+RegistrationsDir+"/%d/%s/", r.CampaignYear, folderYear, r.CampaignYear, folderOrg)
				ok = false
			}
		}
		if r.FieldID != "" {
			if f, found := site.FieldByID[r.FieldID]; found {
				r.Field = f
			} else {
				line, col := r.At("field")
				diags.Errorf(r.Path, line, col, "unknown-field", "lĩnh vực %q không tồn tại%s", cut(r.FieldID, 80), suggestion(r.FieldID, fieldIDs(site)))
			}
		}
		if !ok || r.OrganisationID != folderOrg || strconv.Itoa(r.CampaignYear) != folderYear || r.Organisation == nil || r.Campaign == nil || r.Field == nil {
			continue
		}
		if o := r.Organisation; !o.MayRegister(r.Campaign) {
			line, col := r.At("organisation")
			msg := "tổ chức " + o.ID + " đã giải thể " + o.Dissolved.Prose() + ", trước đợt đăng ký " + strconv.Itoa(r.Campaign.Year)
			if o.Successor != nil {
				msg += ": hãy đăng ký dưới tên tổ chức kế thừa " + o.Successor.ID
			}
			diags.Errorf(r.Path, line, col, "dissolved-organisation", "%s", msg)
		}
		kept = append(kept, r)
	}
	return kept
}

// Timeliness says whether r was signed by its call's deadline.
func (r *Registration) Timeliness() Timeliness {
	switch {
	case r.Date.IsZero() || r.Campaign == nil || r.Campaign.Deadline.IsZero():
		return TimeUnknown
	case r.Date.After(r.Campaign.Deadline):
		return Late
	}
	return OnTime
}

// DaysLate returns how many days after the deadline r was signed.
func (r *Registration) DaysLate() int {
	if r.Timeliness() != Late {
		return 0
	}
	return r.Date.DaysAfter(r.Campaign.Deadline)
}

// Individual reports whether a Party member registered the model in their
// own name (cá nhân) rather than the organisation (tập thể).
func (r *Registration) Individual() bool { return r.Member != "" }

// Ancestors returns the organisations above o, from the root down.
func (o *Organisation) Ancestors() []*Organisation {
	var out []*Organisation
	for p := o.Parent; p != nil; p = p.Parent {
		out = append(out, p)
	}
	slices.Reverse(out)
	return out
}

// Descendants returns o and every organisation below it, level by level.
func (o *Organisation) Descendants() []*Organisation {
	out := []*Organisation{o}
	for i := 0; i < len(out); i++ {
		out = append(out, out[i].Children...)
	}
	return out
}

// folderOf returns the year and organisation folders of a registration's
// path (RegistrationPath) without allocating: it runs for every
// registration on every rebuild of serve.
func folderOf(p string) (year, org string) {
	rest, ok := strings.CutPrefix(p, RegistrationsDir+"/")
	if !ok {
		return "", ""
	}
	year, rest, _ = strings.Cut(rest, "/")
	org, rest, _ = strings.Cut(rest, "/")
	if strings.Contains(rest, "/") {
		return "", ""
	}
	return year, org
}

func orgIDs(site *Site) []string {
	ids := make([]string, 0, len(site.OrganisationByID))
	for _, o := range site.Organisations {
		ids = append(ids, o.ID)
	}
	return ids
}

func fieldIDs(site *Site) []string {
	ids := make([]string, 0, len(site.Fields))
	for _, f := range site.Fields {
		ids = append(ids, f.ID)
	}
	return ids
}

func campaignYears(site *Site) string {
	s := ""
	for i, c := range site.Campaigns {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(c.Year)
	}
	if s == "" {
		return "(chưa có)"
	}
	return s
}

func countRegistrations(loaded []loadedFile) int {
	n := 0
	for _, l := range loaded {
		if l.registration != nil {
			n++
		}
	}
	return n
}

// SuperiorName is the Party organisation written at the top left of o's
// documents, above o's own name: its parent's, or for the portal's highest
// committee the one its "superior" names; "" when unknown.
func (o *Organisation) SuperiorName() string {
	if o.Parent != nil {
		return o.Parent.PartyName
	}
	return o.Superior
}
