package content

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
)

// Two registrations whose titles fold alike (vi.Fold: the same letters,
// whatever the marks and the case) are one problem, and it belongs to the
// newer of the two: the file a pull request adds, never the one already
// published, which the pull request did not touch and may not delete. In
// the same organisation and call that is an error and the newer file is
// left out of the site; elsewhere it is a warning.

// dropDuplicateTitles reports every registration whose title repeats an
// older one of the same organisation and call, and returns the others.
func dropDuplicateTitles(regs []*Registration, isNew func(string) bool, diags *diag.List) []*Registration {
	type titleKey struct {
		org   *Organisation
		year  int
		title string
	}
	oldest := make(map[titleKey]*Registration, len(regs))
	for _, r := range regs {
		k := titleKey{r.Organisation, r.CampaignYear, r.titleKey}
		if o, seen := oldest[k]; !seen || newer(o, r, isNew) {
			oldest[k] = r
		}
	}
	return slices.DeleteFunc(regs, func(r *Registration) bool {
		other := oldest[titleKey{r.Organisation, r.CampaignYear, r.titleKey}]
		if other == r {
			return false
		}
		line, col := r.At("title")
		diags.Errorf(r.Path, line, col, "duplicate-title", "tên mô hình %s với %s của cùng tổ chức, cùng đợt đăng ký: nếu là mô hình khác, hãy đặt một tên khác nêu rõ điểm khác; nếu là cùng một mô hình thì mô hình đã được đăng ký ở tệp đó, không cần đăng ký lại", sameOrSimilar(r, other), other.Path)
		return true
	})
}

// warnSimilarTitles warns of a registration whose title repeats an older
// one of another organisation or another call: a model continued the next
// year, one registered by a Đảng ủy and again by its own chi bộ, or two
// units that did not know of each other.
func warnSimilarTitles(site *Site, isNew func(string) bool, diags *diag.List) {
	oldest := make(map[string]*Registration, len(site.Registrations))
	for _, r := range site.Registrations {
		if o, seen := oldest[r.titleKey]; !seen || newer(o, r, isNew) {
			oldest[r.titleKey] = r
		}
	}
	for _, r := range site.Registrations {
		other := oldest[r.titleKey]
		if other == r {
			continue
		}
		line, col := r.At("title")
		advice := "nếu là mô hình khác, hãy đặt tên khác để dễ phân biệt"
		switch {
		case other.CampaignYear != r.CampaignYear:
			advice = "nếu là mô hình năm trước làm tiếp, hãy đặt tên nêu rõ phần mới; " + advice
		case isAncestor(other.Organisation, r.Organisation), isAncestor(r.Organisation, other.Organisation):
			advice = "nếu là cùng một mô hình, chỉ một trong hai tổ chức (cấp trên hoặc trực thuộc) đăng ký; " + advice
		}
		diags.Warnf(r.Path, line, col, "similar-title", "tên mô hình %s với %s (%s, năm %d): %s", sameOrSimilar(r, other), other.Path, other.Organisation.Title, other.CampaignYear, advice)
	}
}

// newer reports whether a is newer than b: added by the branch (isNew)
// when b is not; else of a later call, signed later (a registration
// without a date counts as the newest, as a draft usually is), or last by
// path. It is a total order, so that the problem goes to the same file
// whatever the order the files were read in.
func newer(a, b *Registration, isNew func(string) bool) bool {
	if isNew != nil {
		if c := compareBool(isNew(a.Path), isNew(b.Path)); c != 0 {
			return c > 0
		}
	}
	return cmp.Or(
		cmp.Compare(a.CampaignYear, b.CampaignYear),
		compareBool(a.Date.IsZero(), b.Date.IsZero()),
		a.Date.Time().Compare(b.Date.Time()),
		strings.Compare(a.Path, b.Path),
	) > 0
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// isAncestor reports whether a is above o in the Party hierarchy.
func isAncestor(a, o *Organisation) bool {
	for p := o.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// sameOrSimilar says how r's title repeats other's: "trùng" when written
// alike, "gần trùng" when only the marks or the case differ.
func sameOrSimilar(r, other *Registration) string {
	if r.Title == other.Title {
		return "trùng"
	}
	return "gần trùng"
}
