package content

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// Who a registration goes to and who approves it (the call 943-CV/HU,
// items 2, 3 and 5): every level approves what is registered directly
// under it, by a decision, and compiles for the level above.

// ApprovingLevel returns the organisation that approves r. An individual
// registration is approved by the member's own organisation (its chi bộ,
// or the đảng ủy the member is filed under). A collective one is approved
// by the committee directly above the organisation that registers: a chi
// bộ trực thuộc by its đảng ủy cơ sở, a base organisation or an advisory
// body by the committee that issued the call. nil when nobody is above
// (a top committee answering its own call).
func (r *Registration) ApprovingLevel() *Organisation {
	o := r.Organisation
	switch {
	case o == nil:
		return nil
	case r.Individual():
		return o
	case o.Parent != nil:
		return o.Parent
	case r.Campaign != nil && r.Campaign.Issuer != nil && r.Campaign.Issuer != o:
		return r.Campaign.Issuer
	}
	return nil
}

// Recipients are the "Kính gửi" of r's printed registration: the approving
// level's collective body (Addressee); where that level is the call's
// issuer, the call's recipients, which default to its Standing Committee
// and, for a committee with one, its Organisation Board. Nobody addresses
// a document to itself: a line naming the registering organisation is
// left out of a collective registration's.
func (r *Registration) Recipients() []string {
	level := r.ApprovingLevel()
	var lines []string
	switch {
	case level == nil:
		return nil
	case r.Campaign != nil && level == r.Campaign.Issuer:
		lines = r.Campaign.Recipients
	default:
		lines = []string{level.Addressee()}
	}
	if r.Individual() { // a member writes to their own organisation
		return slices.Clone(lines)
	}
	own := vi.Fold(r.Organisation.Title)
	return slices.DeleteFunc(slices.Clone(lines), func(line string) bool {
		return strings.HasPrefix(vi.Fold(line), own)
	})
}

// Addressee is how a document to o as the level that decides is
// addressed: the Standing Committee of a committee (Ban Thường vụ Đảng ủy
// xã Ka Đô), the chi bộ itself, whose meeting approves, or the advisory
// body.
func (o *Organisation) Addressee() string {
	switch o.Kind {
	case CapUy, DangUyCoSo:
		return "Ban Thường vụ " + o.Title
	}
	return o.Title
}

// defaultRecipients are the recipients of a call that names none.
func defaultRecipients(issuer *Organisation) []string {
	if issuer.Kind == CapUy {
		return []string{"Ban Thường vụ " + issuer.Title, "Ban Tổ chức " + issuer.Title}
	}
	return []string{issuer.Addressee()}
}

// decisionLinker links the decisions of a site, in two passes: the
// approvals, which results reports need; then, once results are linked
// (result.go), the appraisals and recognitions, which need the results.
type decisionLinker struct {
	site  *Site
	diags *diag.List
	refs  *refIndex // built when a reference is not found
	// first is, by kind, the decision that decided each registration
	// first, by date: a later one listing it again is the problem.
	first map[DecisionKind]map[*Registration]*Decision
	valid map[*Decision]bool // issuer, call and date right
}

// linkDecisions resolves each decision's issuer and call, checks its
// date, and links the approvals: competence, dates, a registration
// decided once. Items that do not resolve are reported and left out.
func linkDecisions(site *Site, decs []*Decision, diags *diag.List) *decisionLinker {
	l := &decisionLinker{site: site, diags: diags, first: map[DecisionKind]map[*Registration]*Decision{}, valid: map[*Decision]bool{}}
	slices.SortFunc(decs, func(a, b *Decision) int {
		return cmp.Or(cmp.Compare(a.Date.Time().Unix(), b.Date.Time().Unix()), cmp.Compare(a.Path, b.Path))
	})
	for _, d := range decs {
		site.DecisionByPath[d.Path] = d
		if d.IssuerID != "" {
			d.Issuer = lookupOrganisation(site, d.IssuerID, d.Source, "issuer", "cấp ủy ban hành", diags)
		}
		if d.CampaignYear != 0 {
			if c, ok := site.CampaignByYear[d.CampaignYear]; ok {
				d.Campaign = c
			} else {
				line, col := d.At("campaign")
				diags.Errorf(d.Path, line, col, "unknown-campaign", "đợt đăng ký năm %d không tồn tại: các đợt hiện có là %s", d.CampaignYear, campaignYears(site))
			}
		}
		// A decision whose date or issuer is wrong decides nothing until it
		// is fixed: the registrations it lists keep the status their files
		// give, so that one mistake is one problem.
		if !checkDecisionDates(d, diags) || d.Issuer == nil || d.Campaign == nil {
			d.Approved, d.Rejected, d.Scores = nil, nil, nil
			continue
		}
		l.valid[d] = true
		if d.Kind == Approval {
			l.decide(d)
		}
	}
	return l
}

// linkLater links the appraisals and recognitions, after the results.
func (l *decisionLinker) linkLater(decs []*Decision) {
	for _, d := range decs {
		if !l.valid[d] {
			continue
		}
		switch d.Kind {
		case Recognition:
			l.decide(d)
		case Appraisal:
			l.score(d)
		}
	}
}

// decide links the lists of an approval or a recognition.
func (l *decisionLinker) decide(d *Decision) {
	keep := func(items []DecisionItem) []DecisionItem {
		kept := make([]DecisionItem, 0, len(items))
		for _, it := range items {
			if r := l.resolve(d, it.Ref, it.Line, it.Col); r != nil {
				it.Registration = r
				kept = append(kept, it)
			}
		}
		return kept
	}
	d.Approved = keep(d.Approved)
	d.Rejected = keep(d.Rejected)
	for _, it := range d.Approved {
		if d.Kind == Recognition {
			it.Registration.Recognition = d
		} else {
			it.Registration.Decision = d
		}
	}
	for _, it := range d.Rejected {
		r := it.Registration
		if d.Kind == Recognition {
			r.Recognition, r.RecognitionRejects, r.RecognitionReason = d, true, it.Reason
		} else {
			r.Decision, r.DecisionRejects, r.DecisionReason = d, true, it.Reason
		}
	}
}

// resolve finds the registration ref names in d's call and checks that d
// may decide it, and decides it first; nil, reported, otherwise.
func (l *decisionLinker) resolve(d *Decision, ref string, line, col int) *Registration {
	site := l.site
	r := site.RegistrationByPath[RegistrationPath(d.CampaignYear, refOrg(ref), refSlug(ref))]
	if r == nil {
		if l.refs == nil {
			l.refs = newRefIndex(site)
		}
		l.diags.Errorf(d.Path, line, col, "unknown-registration", "%s", l.refs.explain(site, d, ref))
		return nil
	}
	if !decisionMayDecide(d, r, ref, line, col, l.diags) {
		return nil
	}
	first := l.first[d.Kind]
	if first == nil {
		first = map[*Registration]*Decision{}
		l.first[d.Kind] = first
	}
	if prev, ok := first[r]; ok {
		where := "ở một mục khác của chính văn bản này"
		if prev != d {
			where = "trong văn bản " + prev.Label() + " (" + prev.Path + ")"
		}
		l.diags.Errorf(d.Path, line, col, "decided-twice", "mô hình %s đã được %s %s: mỗi mô hình chỉ được %s một lần; hãy xóa mục này", ref, kindVerb(d.Kind), where, kindVerb(d.Kind))
		return nil
	}
	first[r] = d
	return r
}

// kindVerb is what a kind of decision does to a model, in a sentence.
func kindVerb(k DecisionKind) string {
	switch k {
	case Appraisal:
		return "thẩm định"
	case Recognition:
		return "xét công nhận"
	}
	return "xét duyệt"
}

// finishDecisions lists the decisions in the site's order and under
// their issuers and calls.
func finishDecisions(site *Site, decs []*Decision) {
	slices.SortFunc(decs, func(a, b *Decision) int {
		return cmp.Or(
			cmp.Compare(b.CampaignYear, a.CampaignYear),
			cmp.Compare(rankOf(a.Issuer), rankOf(b.Issuer)),
			cmp.Compare(a.Date.Time().Unix(), b.Date.Time().Unix()),
			cmp.Compare(a.Number, b.Number),
			cmp.Compare(a.Path, b.Path),
		)
	})
	site.Decisions = decs
	for _, d := range decs {
		if d.Issuer != nil {
			d.Issuer.Decisions = append(d.Issuer.Decisions, d)
		}
		if d.Campaign != nil {
			d.Campaign.Decisions = append(d.Campaign.Decisions, d)
		}
	}
}

// Label names d in a sentence, after the kind of document: "số 15-TB/ĐU
// ngày 20/01/2024".
func (d *Decision) Label() string {
	s := "số " + d.Number
	if !d.Date.IsZero() {
		s += " ngày " + d.Date.Short()
	}
	return s
}

func rankOf(o *Organisation) int {
	if o == nil {
		return -1
	}
	return o.rank
}

func refOrg(ref string) string  { org, _, _ := strings.Cut(ref, "/"); return org }
func refSlug(ref string) string { _, slug, _ := strings.Cut(ref, "/"); return slug }

// checkDecisionDates checks the date of d against its call and its
// issuer's lifetime, and reports whether it is right.
func checkDecisionDates(d *Decision, diags *diag.List) bool {
	if d.Date.IsZero() {
		return false // "date" is required: reported when read
	}
	ok := true
	line, col := d.At("date")
	if c := d.Campaign; c != nil && !c.Issued.IsZero() && d.Date.Before(c.Issued) {
		diags.Errorf(d.Path, line, col, "date-before-call", "ngày ký %s trước ngày ban hành Công văn số %s (%s) của đợt đăng ký: hãy kiểm tra lại ngày ký", d.Date.Short(), c.Number, c.Issued.Short())
		ok = false
	}
	if o := d.Issuer; o != nil && !o.ExistedOn(d.Date) {
		diags.Errorf(d.Path, line, col, "organisation-not-in-place", "%s", notInPlace(o, d.Date, decisionDocument))
		ok = false
	}
	return ok
}

// decisionMayDecide checks that d may decide on r: its issuer is r's
// approving level (for an appraisal, or one of that level's advisory
// bodies); an appraisal or recognition has a results report to judge;
// and d is dated on or after what it judges.
func decisionMayDecide(d *Decision, r *Registration, ref string, line, col int, diags *diag.List) bool {
	level := r.ApprovingLevel()
	competent := level == d.Issuer || d.Kind == Appraisal && d.Issuer.Kind == CoQuanThamMuu && d.Issuer.Parent == level && level != nil
	if !competent {
		who := "không có cấp xét duyệt"
		if level != nil {
			who = "cấp xét duyệt là " + level.Title + " (" + level.ID + ")"
			if d.Kind == Appraisal {
				who += " hoặc một cơ quan tham mưu của cấp đó"
			}
		}
		diags.Errorf(d.Path, line, col, "not-competent", "%s không có thẩm quyền %s mô hình %s của %s: %s, %s", d.Issuer.Title, kindVerb(d.Kind), ref, registrant(r), who, approvalRule(r))
		return false
	}
	after, what := r.Date, "bản đăng ký"
	if d.Kind != Approval {
		if r.Result == nil {
			diags.Errorf(d.Path, line, col, "no-result", "mô hình %s chưa có báo cáo kết quả (tệp %s): chỉ %s mô hình đã báo cáo kết quả thực hiện", ref, ResultPath(r), kindVerb(d.Kind))
			return false
		}
		after, what = r.Result.Date, "báo cáo kết quả"
	}
	if !after.IsZero() && !d.Date.IsZero() && d.Date.Before(after) {
		if d.Kind == Approval {
			diags.Errorf(d.Path, line, col, "decision-before-registration", "văn bản ký ngày %s, trước ngày ký bản đăng ký %s (%s): chỉ xét duyệt được mô hình đã đăng ký; hãy kiểm tra lại ngày của hai văn bản", d.Date.Short(), ref, after.Short())
		} else {
			diags.Errorf(d.Path, line, col, "decision-before-result", "văn bản ký ngày %s, trước ngày ký %s của mô hình %s (%s): hãy kiểm tra lại ngày của hai văn bản", d.Date.Short(), what, ref, after.Short())
		}
		return false
	}
	return true
}

// registrant names who registered r in a sentence.
func registrant(r *Registration) string {
	if r.Individual() {
		return "đồng chí " + r.Member + " (" + r.Organisation.Title + ")"
	}
	return r.Organisation.Title
}

// approvalRule says why r's approving level is what it is.
func approvalRule(r *Registration) string {
	if r.Individual() {
		return "vì bản đăng ký cá nhân do chi bộ, đảng ủy nơi đảng viên sinh hoạt xét duyệt"
	}
	return "vì bản đăng ký của tập thể do cấp ủy cấp trên trực tiếp của tổ chức đăng ký xét duyệt"
}

// refIndex finds what a reference that names no registration of its
// call was meant to be: the same model in another call, or the models of
// that organisation in this one.
type refIndex struct {
	years   map[string][]int    // "<organisation>/<slug>" → the years it was registered in
	ofOrgIn map[string][]string // "<organisation> <year>" → its references that year
}

func newRefIndex(site *Site) *refIndex {
	x := &refIndex{years: map[string][]int{}, ofOrgIn: map[string][]string{}}
	for _, r := range site.Registrations {
		ref := RegistrationRef(r)
		x.years[ref] = append(x.years[ref], r.CampaignYear)
		k := r.OrganisationID + " " + itoa(r.CampaignYear)
		x.ofOrgIn[k] = append(x.ofOrgIn[k], ref)
	}
	return x
}

// explain says why ref of d names no registration of its call.
func (x *refIndex) explain(site *Site, d *Decision, ref string) string {
	msg := "không có bản đăng ký " + ref + " trong đợt đăng ký năm " + itoa(d.CampaignYear) + " (tệp " + RegistrationPath(d.CampaignYear, refOrg(ref), refSlug(ref)) + ")"
	if years := x.years[ref]; len(years) > 0 {
		return msg + ": mô hình này thuộc đợt năm " + itoa(years[0]) + "; mỗi văn bản chỉ xét các mô hình của đợt đăng ký ghi ở \"campaign\""
	}
	o, ok := site.OrganisationByID[refOrg(ref)]
	if !ok {
		return msg + ": tổ chức " + refOrg(ref) + " không tồn tại" + suggestion(refOrg(ref), orgIDs(site))
	}
	refs := x.ofOrgIn[o.ID+" "+itoa(d.CampaignYear)]
	if len(refs) == 0 {
		return msg + ": " + o.Title + " chưa có bản đăng ký nào trong đợt này; hãy kiểm tra lại mã tổ chức"
	}
	return msg + suggestion(ref, refs)
}

// applyStatuses gives each registration the status its documents give —
// recognised or not by a recognition, completed with a results report,
// approved or rejected by an approval — and reports a "status" written in
// the file that its documents contradict: one behind them in the
// lifecycle, or after a rejection. A status further on than the documents
// (implementing after an approval) stands.
func applyStatuses(site *Site, diags *diag.List) {
	for _, r := range site.Registrations {
		derived, by := Status(""), ""
		switch {
		case r.Recognition != nil:
			derived, by = Recognised, "văn bản "+r.Recognition.Label()+" của "+r.Recognition.Issuer.Title+" ("+r.Recognition.Path+")"
			if r.RecognitionRejects {
				derived = NotRecognised
			}
		case r.Result != nil:
			derived, by = Completed, "báo cáo kết quả "+r.Result.Path
		case r.Decision != nil:
			derived, by = Approved, "văn bản "+r.Decision.Label()+" của "+r.Decision.Issuer.Title+" ("+r.Decision.Path+")"
			if r.DecisionRejects {
				derived = Rejected
			}
		default:
			continue
		}
		written := r.Status
		if !r.statusWritten || written == derived {
			r.Status = derived
			continue
		}
		if derived != Rejected && reachable(derived, written) {
			continue // further on than the documents: the file says so
		}
		r.Status = derived
		line, col := r.At("status")
		diags.Errorf(r.Path, line, col, "status-contradicts-decision", "trạng thái %q (%s) mâu thuẫn với %s, theo đó mô hình %s: hãy xóa dòng \"status\", trạng thái lấy theo văn bản", string(written), written.Label(), by, lowerInitial(derived.Label()))
	}
}

// lifecycleNext lists where each status may go next.
var lifecycleNext = map[Status][]Status{
	Registered:   {Approved, Rejected},
	Approved:     {Implementing},
	Implementing: {Completed},
	Completed:    {Recognised, NotRecognised},
}

// reachable reports whether status to comes after from in the lifecycle.
func reachable(from, to Status) bool {
	for _, n := range lifecycleNext[from] {
		if n == to || reachable(n, to) {
			return true
		}
	}
	return false
}

// MayFollow reports whether a registration's status may move from before
// to after: stay, or one step forward (check --base).
func MayFollow(before, after Status) bool {
	if before == after {
		return true
	}
	for _, n := range lifecycleNext[before] {
		if n == after {
			return true
		}
	}
	return false
}

// NextStatuses lists where a status may move next.
func NextStatuses(s Status) []Status { return slices.Clone(lifecycleNext[s]) }

// checkLifetimes reports a registration dated when its organisation did
// not exist: after its dissolution, or before it was established.
func checkLifetimes(site *Site, diags *diag.List) {
	for _, r := range site.Registrations {
		o := r.Organisation
		if r.Date.IsZero() || o.ExistedOn(r.Date) || !o.MayRegister(r.Campaign) {
			continue // MayRegister's failure is reported when linking
		}
		line, col := r.At("date")
		diags.Errorf(r.Path, line, col, "organisation-not-in-place", "%s", notInPlace(o, r.Date, "bản đăng ký"))
	}
}

// decisionDocument is how notInPlace names a decision.
const decisionDocument = "văn bản"

// notInPlace explains that o did not exist on day d, when what (a
// document) was signed.
func notInPlace(o *Organisation, d Date, what string) string {
	if !o.Established.IsZero() && d.Before(o.Established) {
		return what + " ký ngày " + d.Short() + ", trước khi " + o.Title + " (" + o.ID + ") được thành lập ngày " + o.Established.Short() + ": hãy kiểm tra lại ngày ký, hoặc ngày \"established\" của tổ chức"
	}
	msg := what + " ký ngày " + d.Short() + ", khi " + o.Title + " (" + o.ID + ") đã giải thể, sáp nhập từ ngày " + o.Dissolved.Short()
	if what == decisionDocument {
		// The approving level of a registration is the one of its year:
		// its successor cannot decide in its place.
		return msg + ": văn bản xét duyệt phải do " + o.Title + " ký trước ngày đó; hãy kiểm tra lại ngày ký, hoặc ngày \"dissolved\" của tổ chức"
	}
	if o.Successor != nil {
		return msg + ": văn bản từ ngày đó do tổ chức kế thừa " + o.Successor.Title + " (" + o.Successor.ID + ") ký"
	}
	return msg + ": hãy kiểm tra lại ngày ký, hoặc ngày \"dissolved\" của tổ chức"
}

// lowerInitial lowers the first letter, to use a label inside a sentence.
func lowerInitial(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

func itoa(n int) string { return strconv.Itoa(n) }
