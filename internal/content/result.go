package content

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
)

// Result is the report of what a model achieved (báo cáo kết quả thực
// hiện mô hình), filed at the year's end by the organisation that
// registered it: content/results/<year>/<organisation>/<slug>.md, the same
// path as its registration's under content/registrations.
type Result struct {
	Source
	Slug           string
	CampaignYear   int
	OrganisationID string
	Number         string
	Date           Date
	Signer         string
	SignerTitle    string
	Achieved       string // Kết quả đạt được, with figures, against the expected results
	Lessons        string // Bài học kinh nghiệm; may be empty
	Body           Markdown
	Attachments    []Attachment // the files in the folder beside it (attachments.go)

	Registration *Registration
}

// DaysLate returns how many days after its call's results deadline
// (Campaign.ResultsDeadline) res was signed; 0 when on time or undated.
func (res *Result) DaysLate() int {
	r := res.Registration
	if r == nil || r.Campaign == nil || res.Date.IsZero() || !res.Date.After(r.Campaign.ResultsDeadline) {
		return 0
	}
	return res.Date.DaysAfter(r.Campaign.ResultsDeadline)
}

// Reporter is the organisation that reports res: its registration's, or,
// when that one was dissolved or merged by the report's date, the
// successor that took over its work (a successor's successor, …). An
// organisation that did not exist on the report's date and left no
// successor is still returned; the loader reports it.
func (res *Result) Reporter() *Organisation {
	o := res.Registration.Organisation
	for range MaxDepth {
		if o.ExistedOn(res.Date) || o.Successor == nil {
			break
		}
		o = o.Successor
	}
	return o
}

// ResultProblem says, in Vietnamese, why r may not have a results report:
// it was rejected, or no document approved it and its status does not say
// it was; "" when it may.
func (r *Registration) ResultProblem() string {
	switch {
	case r.Decision != nil && r.DecisionRejects:
		return "mô hình " + RegistrationRef(r) + " không được thông qua (văn bản " + r.Decision.Label() + " của " + r.Decision.Issuer.Title + "): chỉ báo cáo kết quả mô hình đã được thông qua"
	case r.Decision != nil:
		return ""
	case r.Status == Registered || r.Status == Rejected:
		level := "cấp xét duyệt"
		if l := r.ApprovingLevel(); l != nil {
			level = l.Title
		}
		return "mô hình " + RegistrationRef(r) + " chưa được thông qua: chỉ báo cáo kết quả sau khi " + level + " thông qua mô hình bằng văn bản xét duyệt"
	}
	return ""
}

// ResultKeys are the keys of a results report, in order.
func ResultKeys() []string {
	names := make([]string, len(resultKeys))
	for i, k := range resultKeys {
		names[i] = k.name
	}
	return names
}

// ResultsDir is the folder of the results reports.
const ResultsDir = "content/results"

// resultPathHelp is where a results report goes, for people.
const resultPathHelp = ResultsDir + "/<năm>/<mã-tổ-chức>/<tên-tệp-của-bản-đăng-ký>.md"

// ResultPath returns where the results report of r goes: the path of its
// registration under ResultsDir.
func ResultPath(r *Registration) string {
	return path.Join(ResultsDir, strconv.Itoa(r.CampaignYear), r.OrganisationID, r.Slug+".md")
}

// registrationPathOf returns the path of the registration a results
// report at p reports on.
func registrationPathOf(p string) string {
	return RegistrationsDir + strings.TrimPrefix(p, ResultsDir)
}

// resultKeys are the keys of a results report, in the order of
// docs/content-format.md.
var resultKeys = []keySpec{
	{"number", "số văn bản, ví dụ 45-BC/ĐU", false},
	{"date", "ngày ký", true},
	{"signer", "người ký", false},
	{"signer_title", "chức vụ người ký", false},
	{"achieved", "Kết quả đạt được", true},
	{"lessons", "Bài học kinh nghiệm", false},
}

func decodeResult(p string, parts []string, fm *frontMatter, diags *diagnostics) *Result {
	r := newRecord(p, fm, resultKeys, diags)
	res := &Result{
		Slug:           parts[len(parts)-1],
		OrganisationID: parts[1],
		Number:         r.text("number"),
		Date:           r.date("date"),
		Signer:         r.text("signer"),
		SignerTitle:    r.text("signer_title"),
		Achieved:       r.text("achieved"),
		Lessons:        r.text("lessons"),
		Body:           fm.body,
	}
	res.CampaignYear, _ = strconv.Atoi(parts[0])
	res.Source = r.src
	if res.Number != "" && !numberPattern.MatchString(res.Number) {
		line, col := r.src.At("number")
		diags.Errorf(p, line, col, "bad-number", "số văn bản %q không đúng dạng: hãy viết <số>-<loại văn bản>/<ký hiệu cơ quan>, không có dấu cách, ví dụ 45-BC/ĐU", res.Number)
	}
	for _, key := range []string{"achieved", "lessons"} {
		text := res.Achieved
		if key == "lessons" {
			text = res.Lessons
		}
		if n := wordCount(text); n > 0 && n < MinWords {
			line, col := r.src.At(key)
			diags.Warnf(p, line, col, "text-too-short", "nội dung của khóa %q chỉ có %d từ: hãy viết cụ thể hơn, có số liệu, để người đọc biết mô hình đã đạt được gì", key, n)
		}
	}
	return res
}

// linkResults gives each results report its registration and checks it:
// the registration exists and was approved; the report is dated after the
// approval and, late, after the call's results deadline (a warning).
func linkResults(site *Site, results []*Result, diags *diag.List) {
	for _, res := range results {
		regPath := registrationPathOf(res.Path)
		r := site.RegistrationByPath[regPath]
		line, col := res.FrontLine, 1
		if r == nil {
			diags.Errorf(res.Path, line, col, "unknown-registration", "không có bản đăng ký %s mà báo cáo kết quả này báo cáo: tệp báo cáo kết quả có cùng năm, cùng thư mục tổ chức và cùng tên tệp với bản đăng ký", regPath)
			continue
		}
		if why := r.ResultProblem(); why != "" {
			diags.Errorf(res.Path, line, col, "result-not-approved", "%s", why)
			continue
		}
		approvedOn := Date{}
		if r.Decision != nil {
			approvedOn = r.Decision.Date
		}
		dl, dc := res.At("date")
		if !res.Date.IsZero() && !approvedOn.IsZero() && res.Date.Before(approvedOn) {
			diags.Errorf(res.Path, dl, dc, "result-before-approval", "báo cáo ký ngày %s, trước ngày mô hình được thông qua (%s, văn bản %s): hãy kiểm tra lại ngày ký", res.Date.Short(), approvedOn.Short(), r.Decision.Label())
		}
		res.Registration = r
		if o := res.Reporter(); !o.ExistedOn(res.Date) {
			diags.Errorf(res.Path, dl, dc, "organisation-not-in-place", "%s", notInPlace(o, res.Date, "báo cáo kết quả"))
		}
		if late := res.DaysLate(); late > 0 {
			diags.Warnf(res.Path, dl, dc, "late", "nộp muộn %d ngày: hạn báo cáo kết quả của đợt %d là %s", late, r.Campaign.Year, r.Campaign.ResultsDeadline.Short())
		}
		r.Result = res
		site.ResultByPath[res.Path] = res
	}
	for _, r := range site.Registrations {
		if r.Result != nil {
			site.Results = append(site.Results, r.Result)
		}
	}
}

// score links the scores of an appraisal against its call's criteria:
// every criterion scored, as a whole number within 0..max.
func (l *decisionLinker) score(d *Decision) {
	crit := d.Campaign.Criteria
	if len(crit) == 0 {
		line, col := d.At("campaign")
		l.diags.Errorf(d.Path, line, col, "no-criteria", "đợt đăng ký năm %d chưa có tiêu chí thẩm định: hãy thêm \"criteria:\" và \"pass_score:\" vào %s trước khi chấm điểm", d.CampaignYear, d.Campaign.Path)
		d.Scores = nil
		return
	}
	kept := d.Scores[:0]
	for _, sc := range d.Scores {
		ok := true
		sc.Points = make([]int, len(crit))
		scored := make([]bool, len(crit))
		for _, w := range sc.written {
			i := slices.IndexFunc(crit, func(k Criterion) bool { return k.ID == w.criterion })
			if i < 0 {
				l.diags.Errorf(d.Path, w.line, w.col, "unknown-criterion", "tiêu chí %q không có trong đợt đăng ký năm %d: các tiêu chí là %s", w.criterion, d.CampaignYear, criterionIDs(crit))
				ok = false
				continue
			}
			n, err := strconv.Atoi(strings.TrimSpace(w.value))
			if err != nil || !w.whole || n < 0 || n > crit[i].Max {
				l.diags.Errorf(d.Path, w.line, w.col, "bad-points", "điểm %q của tiêu chí %s (%s) phải là số nguyên từ 0 đến %d", w.value, crit[i].ID, crit[i].Title, crit[i].Max)
				ok = false
				continue
			}
			sc.Points[i], scored[i] = n, true
			sc.Total += n
		}
		for i, done := range scored {
			if !done && ok {
				l.diags.Errorf(d.Path, sc.Line, sc.Col, "missing-points", "mô hình %s chưa có điểm tiêu chí %s (%s, tối đa %d): mỗi mô hình phải được chấm đủ các tiêu chí", sc.Ref, crit[i].ID, crit[i].Title, crit[i].Max)
				ok = false
			}
		}
		r := l.resolve(d, sc.Ref, sc.Line, sc.Col)
		if !ok || r == nil {
			continue
		}
		sc.Registration = r
		kept = append(kept, sc)
	}
	d.Scores = kept
	for i := range d.Scores {
		r := d.Scores[i].Registration
		r.Appraisal, r.Score = d, &d.Scores[i]
	}
}

func criterionIDs(crit []Criterion) string {
	ids := make([]string, len(crit))
	for i, k := range crit {
		ids[i] = k.ID
	}
	return strings.Join(ids, ", ")
}

// checkRecognitionAfterAppraisal reports a recognition dated before the
// appraisal it rests on: the decision weighs the scores, so it cannot be
// signed before them. Appraisals and recognitions are linked in file
// order, so the two dates are compared once both are.
func checkRecognitionAfterAppraisal(site *Site, diags *diag.List) {
	for _, r := range site.Registrations {
		d, a := r.Recognition, r.Appraisal
		if d == nil || a == nil || d.Date.IsZero() || a.Date.IsZero() || !d.Date.Before(a.Date) {
			continue
		}
		for _, it := range d.Decided() {
			if it.Registration == r {
				diags.Errorf(d.Path, it.Line, it.Col, "recognition-before-appraisal", "quyết định công nhận ký ngày %s, trước khi mô hình %s được thẩm định (văn bản %s): công nhận sau khi có kết quả thẩm định; hãy kiểm tra lại ngày của hai văn bản", d.Date.Short(), it.Ref, a.Label())
			}
		}
	}
}

// warnBelowPass warns of a model recognised with a score below its call's
// pass score.
func warnBelowPass(site *Site, diags *diag.List) {
	for _, r := range site.Registrations {
		d, sc, pass := r.Recognition, r.Score, r.Campaign.PassScore
		if d == nil || r.RecognitionRejects || sc == nil || pass == 0 || sc.Total >= pass {
			continue
		}
		for _, it := range d.Approved {
			if it.Registration == r {
				diags.Warnf(d.Path, it.Line, it.Col, "below-pass-score", "mô hình %s được công nhận nhưng điểm thẩm định %d thấp hơn điểm đạt %d của đợt (văn bản %s): hãy kiểm tra lại", it.Ref, sc.Total, pass, r.Appraisal.Label())
			}
		}
	}
}
