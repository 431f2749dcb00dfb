package render

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// RegistrationTable is mo-hinh.json. Lists of registrations are columns,
// one entry per registration in site order, so that the file compresses
// well and the browser reads a facet as one array.
type RegistrationTable struct {
	// URL patterns: {year}, {org}, {slug}, {id} and {status} are replaced
	// by a registration's, an organisation's, a field's or a status's own.
	RegistrationURL string `json:"registrationURL"`
	OrganisationURL string `json:"organisationURL"`
	FieldURL        string `json:"fieldURL"`
	CampaignURL     string `json:"campaignURL"`
	StatusURL       string `json:"statusURL"`

	Campaigns     []TableCampaign   `json:"campaigns"` // newest first
	Fields        []TableField      `json:"fields"`    // in site order
	Statuses      []TableStatus     `json:"statuses"`  // lifecycle order
	Organisations TableOrganisation `json:"organisations"`
	Registrations TableRegistration `json:"registrations"`
}

// TableCampaign is a call in mo-hinh.json.
type TableCampaign struct {
	Year  int    `json:"year"`
	Title string `json:"title"`
}

// TableField is a field in mo-hinh.json.
type TableField struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// TableStatus is a status in mo-hinh.json.
type TableStatus struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// TableOrganisation lists the organisations in the order of the tree, each
// followed by those under it, so that the organisations under the one at i
// are exactly those from i+1 to End[i]-1: a filter by organisation "with
// its descendants" is a range.
type TableOrganisation struct {
	ID     []string `json:"id"`
	Title  []string `json:"title"`
	Depth  []int    `json:"depth"`
	Parent []int    `json:"parent"` // -1 for the root
	End    []int    `json:"end"`
}

// TableRegistration holds the registrations as columns.
type TableRegistration struct {
	Title        []string `json:"title"`
	Slug         []string `json:"slug"`         // "" when it is content.FileSlug(title), which the browser computes
	Organisation []int    `json:"organisation"` // index in Organisations
	Field        []int    `json:"field"`        // index in Fields
	Campaign     []int    `json:"campaign"`     // index in Campaigns
	Status       []int    `json:"status"`       // index in Statuses
	Member       []string `json:"member"`       // "" for a collective registration
	Date         []int    `json:"date"`         // YYYYMMDD, 0 when absent
	Timeliness   []int    `json:"timeliness"`   // 0 unknown, 1 on time, 2 late
	Results      []int    `json:"results"`      // 1 when its results are reported, else 0
}

// buildRegistrationTable computes mo-hinh.json.
func buildRegistrationTable(site *content.Site, u URLs) RegistrationTable {
	t := RegistrationTable{
		RegistrationURL: u.Registration(&content.Registration{CampaignYear: urlYearProbe, OrganisationID: "{org}", Slug: "{slug}"}),
		OrganisationURL: u.Organisation(&content.Organisation{ID: "{id}"}),
		FieldURL:        u.Field(&content.Field{ID: "{id}"}),
		CampaignURL:     u.Campaign(&content.Campaign{Year: urlYearProbe}),
		StatusURL:       u.Status("{status}"),
	}
	probe := strconv.Itoa(urlYearProbe)
	t.RegistrationURL = strings.Replace(t.RegistrationURL, probe, "{year}", 1)
	t.CampaignURL = strings.Replace(t.CampaignURL, probe, "{year}", 1)

	campaignAt := make(map[*content.Campaign]int, len(site.Campaigns))
	for i, c := range site.Campaigns {
		campaignAt[c] = i
		t.Campaigns = append(t.Campaigns, TableCampaign{Year: c.Year, Title: c.Title})
	}
	fieldAt := make(map[*content.Field]int, len(site.Fields))
	for i, f := range site.Fields {
		fieldAt[f] = i
		t.Fields = append(t.Fields, TableField{ID: f.ID, Title: f.Title})
	}
	statusAt := make(map[content.Status]int, len(content.Statuses))
	for i, s := range content.Statuses {
		statusAt[s] = i
		t.Statuses = append(t.Statuses, TableStatus{ID: string(s), Label: s.Label()})
	}
	orgAt := make(map[*content.Organisation]int, len(site.Organisations))
	o := &t.Organisations
	var walk func(org *content.Organisation, parent, depth int)
	walk = func(org *content.Organisation, parent, depth int) {
		if _, seen := orgAt[org]; seen {
			return
		}
		i := len(o.ID)
		orgAt[org] = i
		o.ID = append(o.ID, org.ID)
		o.Title = append(o.Title, org.Title)
		o.Depth = append(o.Depth, depth)
		o.Parent = append(o.Parent, parent)
		o.End = append(o.End, 0)
		for _, c := range org.Children {
			walk(c, i, depth+1)
		}
		o.End[i] = len(o.ID)
	}
	for _, root := range site.Roots {
		walk(root, -1, 0)
	}
	for _, org := range site.Organisations { // outside the tree only when the site has errors
		walk(org, -1, 0)
	}

	regs := &t.Registrations
	n := len(site.Registrations)
	regs.Title, regs.Slug, regs.Member = make([]string, n), make([]string, n), make([]string, n)
	regs.Organisation, regs.Field, regs.Campaign, regs.Status = make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	regs.Date, regs.Timeliness, regs.Results = make([]int, n), make([]int, n), make([]int, n)
	for i, r := range site.Registrations {
		regs.Title[i] = r.Title
		if r.Slug != content.FileSlug(r.Title) {
			regs.Slug[i] = r.Slug
		}
		regs.Member[i] = r.Member
		regs.Organisation[i] = orgAt[r.Organisation]
		regs.Field[i] = fieldAt[r.Field]
		regs.Campaign[i] = campaignAt[r.Campaign]
		regs.Status[i] = statusAt[r.Status]
		if !r.Date.IsZero() {
			d := r.Date.Time()
			regs.Date[i] = d.Year()*10000 + int(d.Month())*100 + d.Day()
		}
		regs.Timeliness[i] = int(r.Timeliness())
		if r.Result != nil {
			regs.Results[i] = 1
		}
	}
	return t
}

// urlYearProbe stands for {year} when URLs builds a pattern: a number no
// call will have, replaced in what it returns.
const urlYearProbe = 987654321
