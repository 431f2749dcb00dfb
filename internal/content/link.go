package content

import (
	"bytes"
	"cmp"
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
		DecisionByPath:     map[string]*Decision{},
		ResultByPath:       map[string]*Result{},
		ByStatus:           map[Status][]*Registration{},
	}
	var regs []*Registration
	var decs []*Decision
	var results []*Result
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
		case l.decision != nil:
			d := *l.decision
			d.Approved, d.Rejected, d.Scores = slices.Clone(d.Approved), slices.Clone(d.Rejected), slices.Clone(d.Scores)
			decs = append(decs, &d)
		case l.result != nil:
			res := *l.result
			results = append(results, &res)
		}
	}
	if !haveSettings {
		diags.Errorf("content/_index.md", 0, 0, "no-settings", "thiếu tệp content/_index.md chứa tên cổng thông tin: hãy tạo tệp này, có dòng \"title: …\" trong phần đầu tệp")
	}

	slices.SortFunc(site.Organisations, func(a, b *Organisation) int {
		return cmp.Or(bytes.Compare(a.sortKey, b.sortKey), cmp.Compare(a.ID, b.ID))
	})
	linkOrganisations(site, diags)
	checkReviewers(site, diags)
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
	}
	// The year in order: approvals, then the results of the approved, then
	// the appraisals and recognitions of those with results.
	decided := linkDecisions(site, decs, diags)
	linkResults(site, results, diags)
	decided.linkLater(decs)
	checkRecognitionAfterAppraisal(site, diags)
	finishDecisions(site, decs)
	applyStatuses(site, diags)
	warnBelowPass(site, diags)
	for _, r := range regs {
		r.Organisation.Registrations = append(r.Organisation.Registrations, r)
		r.Campaign.Registrations = append(r.Campaign.Registrations, r)
		r.Field.Registrations = append(r.Field.Registrations, r)
		site.ByStatus[r.Status] = append(site.ByStatus[r.Status], r)
	}
	// Campaign lists are by organisation, then title: the global order
	// within one year already is.
	for _, root := range site.Roots {
		countTotals(root)
	}
	return site
}

func linkCampaigns(site *Site, diags *diag.List) {
	slices.SortFunc(site.Campaigns, func(a, b *Campaign) int { return cmp.Compare(b.Year, a.Year) })
	for _, c := range site.Campaigns {
		if c.IssuerID == "" {
			continue
		}
		issuer := lookupOrganisation(site, c.IssuerID, c.Source, "issuer", "tổ chức ban hành", diags)
		if issuer == nil {
			continue
		}
		c.Issuer = issuer
		if len(c.Recipients) == 0 {
			c.Recipients = defaultRecipients(issuer)
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
			r.Organisation = lookupOrganisation(site, r.OrganisationID, r.Source, "organisation", "tổ chức", diags)
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
		if code, problem := r.Organisation.registerProblem(r.Campaign); problem != "" {
			line, col := r.At("organisation")
			diags.Errorf(r.Path, line, col, code, "%s", problem)
		}
		kept = append(kept, r)
	}
	return kept
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

// lookupOrganisation returns the organisation id names, which src writes
// under key; when there is none it reports, at that key, that the what
// (“tổ chức cấp trên”, “cấp ủy ban hành”…) does not exist, with the id it
// was likely meant to be, and returns nil.
func lookupOrganisation(site *Site, id string, src Source, key, what string, diags *diag.List) *Organisation {
	if o, ok := site.OrganisationByID[id]; ok {
		return o
	}
	line, col := src.At(key)
	diags.Errorf(src.Path, line, col, "unknown-organisation", "%s %q không tồn tại%s", what, cut(id, 80), suggestion(id, orgIDs(site)))
	return nil
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
