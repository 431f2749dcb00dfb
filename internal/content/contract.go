package content

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// The rules below are the ones other packages need besides the loader:
// the form's schema (internal/render), "mohinh new" (internal/newreg),
// "check --fix" (internal/check). Each is written here once and asked for
// there, so that what they write is what the loader accepts.

// NumberPattern is the form of a Party document number, "12-CV/ĐU",
// "943-CV/HU", "05-CV/BTCHU": a number, the kind of document, the
// issuer's symbol. It is written for Go's regexp and JavaScript's alike:
// the form checks numbers with it.
const NumberPattern = `^\d{1,4}-[A-ZĐ]{1,6}/[A-ZĐ][A-ZĐ0-9.-]*$`

var numberPattern = regexp.MustCompile(NumberPattern)

// MayRegister reports whether o may answer call c (RegisterProblem).
func (o *Organisation) MayRegister(c *Campaign) bool { return o.RegisterProblem(c) == "" }

// RegisterProblem says, in Vietnamese, why o may not answer call c, or
// returns "". A call is answered by the organisations under its issuer
// (a district's by its base organisations and their branches, a đảng ủy
// xã's by its chi bộ) that exist while it runs: one dissolved on or before
// the day it was issued cannot, and its successor answers in its place;
// one established after its deadline cannot either.
func (o *Organisation) RegisterProblem(c *Campaign) string {
	_, problem := o.registerProblem(c)
	return problem
}

// registerProblem is RegisterProblem with the code of its diagnostic.
func (o *Organisation) registerProblem(c *Campaign) (code, problem string) {
	year := strconv.Itoa(c.Year)
	name := strconv.Quote(o.ID) + " (" + o.Title + ")"
	switch {
	case !o.Dissolved.IsZero() && !c.Issued.Before(o.Dissolved):
		msg := "tổ chức " + name + " đã giải thể " + o.Dissolved.Prose() + ", trước đợt đăng ký " + year
		if o.Successor != nil {
			msg += ": hãy đăng ký dưới tên tổ chức kế thừa " + strconv.Quote(o.Successor.ID) + " (" + o.Successor.Title + ")"
		} else {
			msg += ": tổ chức đã giải thể không đăng ký được nữa; hãy kiểm tra lại \"organisation\" và \"campaign\""
		}
		return "dissolved-organisation", msg
	case !o.Established.IsZero() && !c.Deadline.IsZero() && c.Deadline.Before(o.Established):
		return "not-established", "tổ chức " + name + " thành lập " + o.Established.Prose() + ", sau hạn đăng ký của đợt " + year + " (" + c.Deadline.Short() + "): tổ chức đăng ký từ đợt sau"
	case c.Issuer != nil && o != c.Issuer && !o.Under(c.Issuer) && o.inTree():
		return "not-under-issuer", "tổ chức " + name + " không trực thuộc " + c.Issuer.Title + ", cấp ủy ban hành đợt đăng ký " + year + ": mỗi đợt chỉ nhận đăng ký của các tổ chức trực thuộc cấp ủy ban hành; hãy kiểm tra lại \"organisation\" hoặc \"campaign\""
	}
	return "", ""
}

// inTree reports whether o's chain of parents ends at a top committee:
// not at one whose "parent" was cut for a problem already reported (an
// unknown parent, a cycle).
func (o *Organisation) inTree() bool {
	top := o
	for top.Parent != nil {
		top = top.Parent
	}
	return top.ParentID == ""
}

// Under reports whether o is below a in the hierarchy.
func (o *Organisation) Under(a *Organisation) bool {
	for p := o.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// MaxSlugLen bounds a registration's file name, in bytes, without .md:
// long enough to recognise the model, short enough for paths and
// addresses to stay readable.
const MaxSlugLen = 80

// FileSlug returns the file name, without .md, that a registration of
// this title is given — by "mohinh new", by "check --fix" and by the
// form: vi.Slug of the title, cut after the last whole word that fits in
// MaxSlugLen, or at MaxSlugLen inside a first word longer than that. ""
// when the title has no letter or digit to name a file by.
func FileSlug(title string) string {
	s := vi.Slug(title)
	if len(s) <= MaxSlugLen {
		return s
	}
	// s[MaxSlugLen] is a hyphen when the word before it ends exactly at
	// the bound: the cut keeps that word.
	if i := strings.LastIndexByte(s[:MaxSlugLen+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:MaxSlugLen]
}
