package wordimport

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// Entry is one registration as read from a document or a row, before it is
// matched against the site: names as written, not ids.
type Entry struct {
	Source      string // where it was read: "dang-ky.docx", "danh-sach.csv, dòng 3"
	Campaign    string // the call's year, when the source says it
	Superior    string // the organisation above, as the heading writes it
	Issuer      string // the organisation's name or id
	Field       string // the field's name or id
	Title       string
	Member      string
	Number      string
	Date        string // YYYY-MM-DD or ""
	Signer      string
	SignerTitle string
	Novelty     string // paragraphs separated by blank lines
	Expected    string
	Body        string // Markdown
}

// Entries are the registrations of a letter: one per model.
func (lt Letter) Entries(source string) []Entry {
	var out []Entry
	for _, m := range lt.Models {
		out = append(out, Entry{
			Source: source, Superior: lt.Superior, Issuer: lt.Issuer, Field: m.Field, Title: m.Title,
			Number: lt.Number, Date: lt.Date, Signer: lt.Signer, SignerTitle: lt.Title,
			Member:  lt.Member,
			Novelty: m.Novelty, Expected: m.Expected, Body: m.Body,
		})
	}
	return out
}

// Missing is a value that could not be determined: the key left empty and
// why, in Vietnamese.
type Missing struct {
	Key     string
	Message string
}

// Registration is an entry matched against the site, ready to be written
// (File) at Path.
type Registration struct {
	Entry
	Year         int    // 0 when the call is not known
	Organisation string // id, "" when not known
	FieldID      string
	Missing      []Missing
}

// Unknown folders: where a registration goes when its call or its
// organisation could not be determined, for the person to move it.
const (
	UnknownYear         = "chua-ro-dot"
	UnknownOrganisation = "chua-ro-to-chuc"
	untitled            = "chua-co-ten-mo-hinh"
)

// Path is where r is written, relative to the site folder: where the
// contract puts it (content.RegistrationPath), or, when its call or its
// organisation is not known, in UnknownYear or UnknownOrganisation for the
// person to move it.
func (r *Registration) Path() string {
	slug := content.FileSlug(r.Title)
	if slug == "" {
		slug = untitled
	}
	if r.Year != 0 && r.Organisation != "" {
		return content.RegistrationPath(r.Year, r.Organisation, slug)
	}
	year, org := UnknownYear, UnknownOrganisation
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	if r.Organisation != "" {
		org = r.Organisation
	}
	return "content/registrations/" + year + "/" + org + "/" + slug + ".md"
}

// Resolve matches e against site: the call (campaign, a year, or else
// from the letter's date), the organisation (folded name among those that
// may answer the call; several close ones or none is left empty with the
// candidates named), the field (folded name or id). Every value that
// could not be determined is in Missing.
func Resolve(site *content.Site, e Entry, campaign int) *Registration {
	r := &Registration{Entry: e}
	miss := func(key, msg string) { r.Missing = append(r.Missing, Missing{key, msg}) }
	r.Title = clean(r.Title)
	if r.Title == "" {
		miss("title", "chưa có tên mô hình (mục “Tên mô hình”)")
	}
	var date content.Date
	if r.Date != "" {
		d, ok := content.ParseDate(r.Date)
		if ok {
			date = d
		} else {
			miss("date", "ngày ký “"+r.Date+"” không đọc được")
			r.Date = ""
		}
	}
	// The call.
	var c *content.Campaign
	if campaign == 0 && e.Campaign != "" {
		if y, err := strconv.Atoi(strings.TrimSpace(e.Campaign)); err == nil {
			campaign = y
		}
	}
	switch {
	case campaign != 0:
		c = site.CampaignByYear[campaign]
		if c == nil {
			miss("campaign", "trang không có đợt đăng ký năm "+strconv.Itoa(campaign))
		}
	case !date.IsZero():
		c = campaignOn(site, date)
		if c == nil {
			miss("campaign", "không có đợt đăng ký nào ban hành trước ngày ký "+date.Short()+": hãy ghi năm của đợt vào “campaign”")
		}
	default:
		miss("campaign", "không biết đợt đăng ký: văn bản không có ngày ký; hãy ghi năm của đợt vào “campaign” hoặc chạy lại với --campaign NĂM")
	}
	if c != nil {
		r.Year = c.Year
	}
	if r.Date == "" && !hasMissing(r, "date") {
		miss("date", "chưa có ngày ký (“…, ngày … tháng … năm …”)")
	}
	// The organisation.
	org, candidates := findOrganisation(site, c, e.Superior, e.Issuer, date)
	switch {
	case org != nil:
		r.Organisation = org.ID
	case e.Issuer == "":
		miss("organisation", "không tìm thấy tên tổ chức ở đầu văn bản")
	case len(candidates) == 0:
		miss("organisation", "tổ chức “"+clean(e.Issuer)+"” không có trong trang: hãy ghi mã tổ chức vào “organisation”")
	default:
		miss("organisation", "tổ chức “"+clean(e.Issuer)+"” chưa rõ là tổ chức nào, có thể là: "+strings.Join(candidates, ", "))
	}
	// The field.
	if f, candidates := findField(site, e.Field); f != nil {
		r.FieldID = f.ID
	} else if e.Field == "" {
		miss("field", "chưa có lĩnh vực (mục “Lĩnh vực”)")
	} else {
		msg := "lĩnh vực “" + clean(e.Field) + "” không khớp lĩnh vực nào của trang"
		if len(candidates) > 0 {
			msg += ", có thể là: " + strings.Join(candidates, ", ")
		}
		miss("field", msg)
	}
	r.Member = clean(r.Member)
	if r.Member != "" {
		if r.Signer == "" {
			r.Signer = r.Member
		}
		if r.SignerTitle == "" {
			r.SignerTitle = "Đảng viên"
		}
	}
	r.Number = cleanNumber(r.Number)
	if r.Number == "" && r.Member == "" {
		miss("number", "chưa có số văn bản (“Số …-CV/…”)")
	}
	r.Signer, r.SignerTitle = clean(r.Signer), clean(r.SignerTitle)
	if r.Signer == "" {
		miss("signer", "chưa có họ tên người ký")
	}
	if r.SignerTitle == "" {
		miss("signer_title", "chưa có chức vụ người ký")
	}
	if strings.TrimSpace(r.Novelty) == "" {
		miss("novelty", "chưa có tính mới của mô hình (mục “Tính mới của mô hình”)")
	}
	if strings.TrimSpace(r.Expected) == "" {
		miss("expected_results", "chưa có dự kiến kết quả đạt được (mục “Dự kiến kết quả đạt được sau khi triển khai thực hiện”)")
	}
	return r
}

func hasMissing(r *Registration, key string) bool {
	for _, m := range r.Missing {
		if m.Key == key {
			return true
		}
	}
	return false
}

// campaignOn is the call a letter of day d answers: the one whose days,
// from issue to deadline, hold d, else the newest issued before d.
func campaignOn(site *content.Site, d content.Date) *content.Campaign {
	var newest *content.Campaign
	for _, c := range site.Campaigns { // newest first
		if c.Issued.IsZero() || d.Before(c.Issued) {
			continue
		}
		if !c.Deadline.IsZero() && !d.After(c.Deadline) {
			return c
		}
		if newest == nil {
			newest = c
		}
	}
	return newest
}

// findOrganisation finds the organisation a heading names among those
// that may answer c: its name as its documents write it (DocumentHeading)
// or its title, folded; an id is taken too. When several match, the
// superior's name and the date decide; when still several, or none
// matches exactly, it returns nil and the close ones ("id (title)").
func findOrganisation(site *content.Site, c *content.Campaign, superior, issuer string, date content.Date) (*content.Organisation, []string) {
	name := vi.Fold(clean(issuer))
	if name == "" {
		return nil, nil
	}
	if o := site.OrganisationByID[strings.TrimSpace(issuer)]; o != nil {
		return o, nil
	}
	usable := func(o *content.Organisation) bool {
		return (c == nil || o.MayRegister(c)) && o.ExistedOn(date)
	}
	var exact, close []*content.Organisation
	for _, o := range site.Organisations {
		_, heading := o.DocumentHeading()
		h, t := vi.Fold(heading), vi.Fold(o.Title)
		switch {
		case h == name || t == name:
			exact = append(exact, o)
		case len(name) >= 4 && (strings.Contains(t, name) || strings.Contains(name, t) || strings.Contains(h, name) || strings.Contains(name, h)):
			close = append(close, o)
		}
	}
	exact = filter(exact, usable)
	if len(exact) > 1 && superior != "" {
		sup := vi.Fold(clean(superior))
		var same []*content.Organisation
		for _, o := range exact {
			s, _ := o.DocumentHeading()
			if vi.Fold(s) == sup || o.Parent != nil && vi.Fold(o.Parent.Title) == sup {
				same = append(same, o)
			}
		}
		if len(same) > 0 {
			exact = same
		}
	}
	if len(exact) == 1 {
		return exact[0], nil
	}
	if len(exact) == 0 {
		exact = filter(close, usable)
		if len(exact) == 0 {
			exact = close
		}
	}
	var names []string
	for _, o := range exact {
		names = append(names, o.ID+" ("+o.Title+")")
	}
	sort.Strings(names)
	return nil, names
}

func filter(os []*content.Organisation, keep func(*content.Organisation) bool) []*content.Organisation {
	var out []*content.Organisation
	for _, o := range os {
		if keep(o) {
			out = append(out, o)
		}
	}
	return out
}

// findField finds the field named: by id, or by its title folded, or the
// one field whose title holds the name or is held in it.
func findField(site *content.Site, name string) (*content.Field, []string) {
	name = clean(name)
	if name == "" {
		return nil, nil
	}
	if f := site.FieldByID[name]; f != nil {
		return f, nil
	}
	n := foldWords(name)
	var close []*content.Field
	for _, f := range site.Fields {
		t := foldWords(f.Title)
		if t == n {
			return f, nil
		}
		if len(n) >= 4 && (strings.Contains(t, n) || strings.Contains(n, t)) {
			close = append(close, f)
		}
	}
	if len(close) == 1 {
		return close[0], nil
	}
	var names []string
	for _, f := range close {
		names = append(names, f.ID+" ("+f.Title+")")
	}
	return nil, names
}

// foldWords folds s and keeps its words only: "Quốc phòng – an ninh" and
// "Quốc phòng - An ninh" are the same.
func foldWords(s string) string {
	return strings.Join(strings.FieldsFunc(vi.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
