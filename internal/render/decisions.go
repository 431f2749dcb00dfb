package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// Decisions in the portal: each notice by which a level approved or
// rejected registrations has its page (decision.html) — its list of
// models, linked both ways — and prints as the Party document it is; the
// index (decisions.html) lists them all by call and issuer.

// decisionView is a decision's page.
type decisionView struct {
	D        *content.Decision
	Issuer   Link
	Campaign Link
	Date     string        // "ngày 20 tháng 01 năm 2024"
	Approved []decisionRow // in the order of the file
	Rejected []decisionRow
	Print    decisionPrint
	// Appraisal is an appraisal's sheet and Recognition a recognition's
	// decision form (decisionkinds.go); nil for other kinds.
	Appraisal   *appraisalView
	Recognition *recognitionPrint
	// Lists are its lists of models on screen, worded for its kind;
	// Summary counts them.
	Lists   []decisionList
	Summary string
	// IssuerRole is what the issuer is to the models: "Cấp xét duyệt",
	// "Cơ quan thẩm định", "Cấp công nhận".
	IssuerRole string
}

// decisionList is one list of a decision's page: "Các mô hình được công
// nhận" and its rows.
type decisionList struct {
	ID         string // the heading's anchor
	Heading    string
	ReasonHead string // the column of reasons; "" for a list without
	Rows       []decisionRow
}

// decisionRow is one model a decision lists.
type decisionRow struct {
	N          int
	Title      string
	URL        string
	Registrant string // the organisation, or "Đồng chí X (Chi bộ Y)"
	Field      string
	Reason     string // for a rejection
}

// decisionPrint is a decision laid out as the Party document (Hướng dẫn
// 36-HD/VPTW): the issuer's heading, number, place and date, the kind of
// document and its subject centred, the body, the list as a table, Nơi
// nhận and the signature. Every text is computed here.
type decisionPrint struct {
	Superior   string
	Issuer     string
	Number     string
	PlaceDate  string
	Type       string // "THÔNG BÁO"
	Subject    string // "Kết quả xét duyệt mô hình mới, cách làm sáng tạo năm 2024"
	Body       template.HTML
	Approved   []decisionRow
	Rejected   []decisionRow
	Copies     []string
	OnBehalf   string
	SignerRole string
	Signer     string
}

// decisionLine is what a registration's page says of its decision.
type decisionLine struct {
	Approved bool
	Label    string // "Thông báo số 15-TB/ĐU ngày 20/01/2024 của Đảng ủy xã Ka Đô"
	URL      string
	Reason   string
}

// decisionRows presents the items of a decision.
func (b *viewBuilder) decisionRows(items []content.DecisionItem) []decisionRow {
	rows := make([]decisionRow, len(items))
	for i, it := range items {
		r := it.Registration
		rows[i] = decisionRow{N: i + 1, Title: r.Title, URL: b.urls.Registration(r), Registrant: registrantOf(r), Field: r.Field.Title, Reason: it.Reason}
	}
	return rows
}

// registrantOf names who registered r: the organisation, or the member
// and their organisation.
func registrantOf(r *content.Registration) string {
	if r.Individual() {
		return "Đồng chí " + r.Member + " (" + r.Organisation.Title + ")"
	}
	return r.Organisation.Title
}

func (b *viewBuilder) decision(d *content.Decision) decisionView {
	v := decisionView{
		D:        d,
		Issuer:   Link{d.Issuer.Title, b.urls.Organisation(d.Issuer)},
		Campaign: Link{d.Campaign.Title, b.urls.Campaign(d.Campaign)},
		Date:     d.Date.Prose(),
		Approved: b.decisionRows(d.Approved),
		Rejected: b.decisionRows(d.Rejected),
	}
	v.Print = decisionPrintOf(d, v.Approved, v.Rejected)
	v.IssuerRole = map[content.DecisionKind]string{content.Appraisal: "Cơ quan thẩm định", content.Recognition: "Cấp công nhận"}[d.Kind]
	if v.IssuerRole == "" {
		v.IssuerRole = "Cấp xét duyệt"
	}
	yes, no := "được thông qua", "không được thông qua"
	if d.Kind == content.Recognition {
		yes, no = "được công nhận", "không được công nhận"
	}
	if len(v.Approved) > 0 {
		v.Lists = append(v.Lists, decisionList{ID: "duoc", Heading: "Các mô hình " + yes, Rows: v.Approved})
	}
	if len(v.Rejected) > 0 {
		v.Lists = append(v.Lists, decisionList{ID: "khong-duoc", Heading: "Các mô hình " + no, ReasonHead: "Lý do " + strings.Replace(no, "được ", "", 1), Rows: v.Rejected})
	}
	v.Summary = itoa(len(v.Approved)) + " mô hình " + yes
	if len(v.Rejected) > 0 {
		v.Summary += ", " + itoa(len(v.Rejected)) + " mô hình " + no
	}
	switch d.Kind {
	case content.Appraisal:
		v.Summary = itoa(len(d.Scores)) + " mô hình được thẩm định"
		v.Appraisal = b.appraisal(d)
		v.Print.Type, v.Print.Subject = "PHIẾU THẨM ĐỊNH", "Kết quả thực hiện mô hình mới, cách làm sáng tạo năm "+itoa(d.CampaignYear)
	case content.Recognition:
		v.Recognition = recognitionPrintOf(d, v.Approved, v.Rejected)
		v.Print.Type, v.Print.Subject = "QUYẾT ĐỊNH", v.Recognition.Subject
	}
	return v
}

// documentTypes are the kinds of Party document a decision's title may
// start with; the print view sets the kind apart, in capitals, above the
// subject, as such documents are laid out.
var documentTypes = []string{"Thông báo", "Quyết định", "Kết luận", "Nghị quyết"}

func decisionPrintOf(d *content.Decision, approved, rejected []decisionRow) decisionPrint {
	o := d.Issuer
	superior, issuer := o.DocumentHeading()
	v := decisionPrint{
		Superior:   upper(superior),
		Issuer:     upper(issuer),
		Number:     "Số " + d.Number,
		Type:       "THÔNG BÁO",
		Subject:    d.Title,
		Body:       renderMarkdown(d.Body.Text),
		Approved:   approved,
		Rejected:   rejected,
		OnBehalf:   onBehalf(o.Kind),
		SignerRole: upper(d.SignerTitle),
		Signer:     d.Signer,
	}
	for _, t := range documentTypes {
		if rest, ok := strings.CutPrefix(d.Title, t+" "); ok {
			v.Type, v.Subject = upper(t), upperFirst(rest)
			break
		}
	}
	place := o.Place
	if place == "" {
		place = "……"
	}
	v.PlaceDate = place + ", " + d.Date.Prose()
	v.Copies = decisionCopies(d)
	return v
}

// decisionCopies is the Nơi nhận of a decision: the level above, for its
// information (b/c); those whose models it lists — each by name while
// they are few, "Các chi bộ có tên trên" beyond; and the issuer's own
// file copy, kept by the committee's office where it has one.
func decisionCopies(d *content.Decision) []string {
	var lines []string
	if p := d.Issuer.Parent; p != nil {
		lines = append(lines, p.Addressee()+" (b/c),")
	}
	var orgs []*content.Organisation
	var members []string
	regs := make([]*content.Registration, 0, len(d.Approved)+len(d.Rejected)+len(d.Scores))
	for _, it := range d.Decided() {
		regs = append(regs, it.Registration)
	}
	for _, sc := range d.Scores { // an appraisal's
		regs = append(regs, sc.Registration)
	}
	for _, r := range regs {
		switch {
		case r.Individual():
			if m := "Đồng chí " + r.Member; !slices.Contains(members, m) {
				members = append(members, m)
			}
		case !slices.Contains(orgs, r.Organisation):
			orgs = append(orgs, r.Organisation)
		}
	}
	if len(orgs) > namedCopies {
		lines = append(lines, "Các "+groupName(orgs)+" có tên trên,")
	} else {
		for _, o := range orgs {
			lines = append(lines, o.Title+",")
		}
	}
	if len(members) > namedCopies {
		lines = append(lines, "Các đồng chí đảng viên có tên trên,")
	} else {
		for _, m := range members {
			lines = append(lines, m+",")
		}
	}
	return append(lines, d.Issuer.FileCopy())
}

// namedCopies is how many receivers of one kind Nơi nhận names one by one
// before it names them together.
const namedCopies = 3

// groupName names organisations together in Nơi nhận: "chi bộ" when all
// are chi bộ, "đảng ủy" when all are đảng ủy cơ sở, "cơ quan, tổ chức
// đảng" when advisory bodies are among them.
func groupName(orgs []*content.Organisation) string {
	chiBo, dangUy, advisory := true, true, false
	for _, o := range orgs {
		chiBo = chiBo && (o.Kind == content.ChiBoCoSo || o.Kind == content.ChiBoTrucThuoc)
		dangUy = dangUy && o.Kind == content.DangUyCoSo
		advisory = advisory || o.Kind == content.CoQuanThamMuu
	}
	switch {
	case chiBo:
		return "chi bộ"
	case dangUy:
		return "đảng ủy"
	case advisory:
		return "cơ quan, tổ chức đảng"
	}
	return "tổ chức đảng"
}

// decisionLineOf is what r's page says of the decision that decided it.
func (b *viewBuilder) decisionLineOf(r *content.Registration) *decisionLine {
	d := r.Decision
	if d == nil {
		return nil
	}
	kind := "Thông báo"
	for _, t := range documentTypes {
		if strings.HasPrefix(d.Title, t+" ") {
			kind = t
		}
	}
	return &decisionLine{
		Approved: !r.DecisionRejects,
		Label:    kind + " " + d.Label() + " của " + d.Issuer.Title,
		URL:      b.urls.Decision(d),
		Reason:   r.DecisionReason,
	}
}

// decisionGroup is the decisions of one call, on the index.
type decisionGroup struct {
	Campaign  *content.Campaign
	Decisions []decisionEntry
}

// decisionEntry is a decision on a list.
type decisionEntry struct {
	D        *content.Decision
	URL      string
	Date     string // dd/mm/yyyy
	Approved int
	Rejected int
}

func (b *viewBuilder) decisionEntries(decs []*content.Decision) []decisionEntry {
	out := make([]decisionEntry, 0, len(decs))
	for _, d := range linkedDecisions(decs) {
		out = append(out, decisionEntry{D: d, URL: b.urls.Decision(d), Date: d.Date.Short(), Approved: len(d.Approved), Rejected: len(d.Rejected)})
	}
	return out
}

// decisionIndex lists every decision by call, newest first, then issuer.
func (b *viewBuilder) decisionIndex() []decisionGroup {
	var groups []decisionGroup
	for _, c := range b.site.Campaigns {
		if len(c.Decisions) > 0 {
			groups = append(groups, decisionGroup{Campaign: c, Decisions: b.decisionEntries(c.Decisions)})
		}
	}
	return groups
}

// linkedDecisions are the decisions whose issuer and call resolve: the
// others are reported and have no page.
func linkedDecisions(decs []*content.Decision) []*content.Decision {
	out := make([]*content.Decision, 0, len(decs))
	for _, d := range decs {
		if d.Issuer != nil && d.Campaign != nil {
			out = append(out, d)
		}
	}
	return out
}
