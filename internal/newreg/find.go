package newreg

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// CheckMayRegister explains why o may not answer c
// (content.Organisation.RegisterProblem).
func CheckMayRegister(o *content.Organisation, c *content.Campaign) error {
	if problem := o.RegisterProblem(c); problem != "" {
		return errors.New(problem)
	}
	return nil
}

// Organisations returns the organisations that may answer c in the order of
// the hierarchy: each followed by those under it, so that a numbered list
// indented by Depth reads as the tree. An organisation that may not answer
// is left out, not those under it.
func Organisations(site *content.Site, c *content.Campaign) []*content.Organisation {
	out := make([]*content.Organisation, 0, len(site.Organisations))
	seen := make(map[*content.Organisation]bool, len(site.Organisations))
	var walk func(o *content.Organisation)
	walk = func(o *content.Organisation) {
		if seen[o] {
			return
		}
		seen[o] = true
		if o.MayRegister(c) {
			out = append(out, o)
		}
		for _, child := range o.Children {
			walk(child)
		}
	}
	for _, root := range site.Roots {
		walk(root)
	}
	for _, o := range site.Organisations { // outside the tree only when the site has errors
		if !seen[o] && o.MayRegister(c) {
			out = append(out, o)
		}
	}
	return out
}

// FindCampaign returns the call of the year s.
func FindCampaign(site *content.Site, s string) (*content.Campaign, error) {
	if year, err := strconv.Atoi(s); err == nil {
		if c, ok := site.CampaignByYear[year]; ok {
			return c, nil
		}
	}
	years := make([]string, len(site.Campaigns))
	for i, c := range site.Campaigns {
		years[i] = strconv.Itoa(c.Year)
	}
	return nil, fmt.Errorf("đợt đăng ký %q không tồn tại: các đợt hiện có là %s", s, strings.Join(years, ", "))
}

// FindOrganisation returns the organisation of id.
func FindOrganisation(site *content.Site, id string) (*content.Organisation, error) {
	if o, ok := site.OrganisationByID[id]; ok {
		return o, nil
	}
	ids := make([]string, len(site.Organisations))
	for i, o := range site.Organisations {
		ids[i] = o.ID
	}
	if best := content.Closest(id, ids); best != "" {
		return nil, fmt.Errorf("tổ chức %q không tồn tại — có phải %q?", id, best)
	}
	return nil, fmt.Errorf("tổ chức %q không tồn tại: mã của tổ chức là tên tệp của nó trong content/organisations/, bỏ đuôi .md", id)
}

// FindField returns the field of id.
func FindField(site *content.Site, id string) (*content.Field, error) {
	if f, ok := site.FieldByID[id]; ok {
		return f, nil
	}
	ids := make([]string, len(site.Fields))
	for i, f := range site.Fields {
		ids[i] = f.ID
	}
	if best := content.Closest(id, ids); best != "" {
		return nil, fmt.Errorf("lĩnh vực %q không tồn tại — có phải %q?", id, best)
	}
	return nil, fmt.Errorf("lĩnh vực %q không tồn tại: các lĩnh vực hiện có là %s", id, strings.Join(ids, ", "))
}
