package render

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// The year of a model on its page: a timeline from its registration to its
// recognition, each step with the document that made it, and, once it has
// a results report, what it achieved beside what it expected, and the
// report printed as the Party document it is (#ban-in-ket-qua).

// timelineStep is one step of a model's year.
type timelineStep struct {
	Label  string // "Đăng ký", "Được thông qua", …
	Doc    string // "Báo cáo số 45-BC/ĐU ngày 15/11/2024"
	URL    string // the document: its page, or its print view on this page
	By     string // who issued it
	Detail string // the reason of a rejection, the score of an appraisal
	Bad    bool   // rejected, not recognised
}

// resultView is what a registration's page shows of its results report.
type resultView struct {
	Expected string
	Achieved string
	Lessons  string
	Body     template.HTML
	Doc      string // "Báo cáo số 45-BC/ĐU ngày 15/11/2024"
	PrintURL string
}

// resultPrint is the results report laid out as a Party report (Hướng dẫn
// 36-HD/VPTW): BÁO CÁO, its subject, Kính gửi the approving level, what
// was achieved, the lessons, the body, Nơi nhận and the signature.
type resultPrint struct {
	Superior   string
	Issuer     string
	Number     string
	PlaceDate  string
	Type       string // "BÁO CÁO"
	Subject    string // "Kết quả thực hiện mô hình <title>"
	Recipients []string
	Intro      string
	Achieved   string
	Lessons    string
	Body       template.HTML
	Copies     []string
	OnBehalf   string
	SignerRole string
	Signer     string
}

// docLabel names a document in a sentence: "Báo cáo số 45-BC/ĐU ngày
// 15/11/2024"; without a number, "Báo cáo ngày 15/11/2024".
func docLabel(kind, number string, date content.Date) string {
	s := kind
	if number != "" {
		s += " số " + number
	}
	if !date.IsZero() {
		s += " ngày " + date.Short()
	}
	return s
}

// decisionKindWord is the kind of document a decision is, as its title
// starts, for a sentence: "Thông báo", "Quyết định", "Phiếu thẩm định".
func decisionKindWord(d *content.Decision) string {
	for _, t := range append([]string{"Phiếu thẩm định", "Báo cáo"}, documentTypes...) {
		if strings.HasPrefix(d.Title, t) {
			return t
		}
	}
	switch d.Kind {
	case content.Appraisal:
		return "Phiếu thẩm định"
	case content.Recognition:
		return "Quyết định"
	}
	return "Thông báo"
}

// timeline lists the steps r has taken, in the order of the year.
func (b *viewBuilder) timeline(r *content.Registration) []timelineStep {
	steps := []timelineStep{{Label: "Đăng ký", Doc: docLabel("Bản đăng ký", r.Number, r.Date), URL: b.urls.RegistrationPrint(r), By: registrantOf(r)}}
	if d := r.Decision; d != nil {
		s := timelineStep{Label: "Được thông qua", Doc: docLabel(decisionKindWord(d), d.Number, d.Date), URL: b.urls.Decision(d), By: d.Issuer.Title}
		if r.DecisionRejects {
			s.Label, s.Detail, s.Bad = "Không được thông qua", r.DecisionReason, true
		}
		steps = append(steps, s)
	}
	if res := r.Result; res != nil {
		steps = append(steps, timelineStep{Label: "Báo cáo kết quả", Doc: docLabel("Báo cáo", res.Number, res.Date), URL: b.urls.ResultPrint(r), By: r.Organisation.Title})
	}
	if d, sc := r.Appraisal, r.Score; d != nil && sc != nil {
		s := timelineStep{Label: "Được thẩm định", Doc: docLabel(decisionKindWord(d), d.Number, d.Date), URL: b.urls.Decision(d), By: d.Issuer.Title}
		s.Detail = "Đạt " + itoa(sc.Total) + "/" + itoa(d.Campaign.MaxScore()) + " điểm"
		if p := d.Campaign.PassScore; p > 0 {
			s.Detail += " (điểm đạt " + itoa(p) + ")"
		}
		steps = append(steps, s)
	}
	if d := r.Recognition; d != nil {
		s := timelineStep{Label: "Được công nhận", Doc: docLabel(decisionKindWord(d), d.Number, d.Date), URL: b.urls.Decision(d), By: d.Issuer.Title}
		if r.RecognitionRejects {
			s.Label, s.Bad, s.Detail = "Không được công nhận", true, r.RecognitionReason
		}
		steps = append(steps, s)
	}
	return steps
}

// result presents r's results report; nil while it has none.
func (b *viewBuilder) result(r *content.Registration) *resultView {
	res := r.Result
	if res == nil {
		return nil
	}
	return &resultView{
		Expected: r.ExpectedResults,
		Achieved: res.Achieved,
		Lessons:  res.Lessons,
		Body:     renderMarkdown(res.Body.Text),
		Doc:      docLabel("Báo cáo", res.Number, res.Date),
		PrintURL: b.urls.ResultPrint(r),
	}
}

// resultPrintOf lays out r's results report as a Party report.
func resultPrintOf(r *content.Registration) *resultPrint {
	res := r.Result
	if res == nil {
		return nil
	}
	// After a merger the successor reports on the model it took over.
	o := res.Reporter()
	superior, issuer := o.DocumentHeading()
	v := &resultPrint{
		Superior:   upper(superior),
		Issuer:     upper(issuer),
		Type:       "BÁO CÁO",
		Subject:    "Kết quả thực hiện mô hình " + r.Title,
		Achieved:   res.Achieved,
		Lessons:    res.Lessons,
		Body:       renderMarkdown(res.Body.Text),
		SignerRole: upper(res.SignerTitle),
		Signer:     res.Signer,
		OnBehalf:   onBehalf(o.Kind),
	}
	if res.Number != "" {
		v.Number = "Số " + res.Number
	} else {
		v.Number = "Số       -BC/……"
	}
	place := o.Place
	if place == "" {
		place = "……"
	}
	date := "ngày      tháng      năm " + itoa(r.CampaignYear+1)
	if !res.Date.IsZero() {
		date = res.Date.Prose()
	}
	v.PlaceDate = place + ", " + date
	if l := r.ApprovingLevel(); l != nil {
		v.Recipients = punctuate([]string{l.Addressee()})
	}
	who := o.Title
	if o != r.Organisation {
		who += " (tổ chức kế thừa " + r.Organisation.Title + ")"
	}
	if r.Individual() {
		who = "đồng chí " + r.Member + ", đảng viên " + r.Organisation.Title + ","
		v.OnBehalf, v.SignerRole = "NGƯỜI BÁO CÁO", ""
		if v.Signer == "" {
			v.Signer = r.Member
		}
	}
	v.Intro = "Thực hiện mô hình mới, cách làm sáng tạo năm " + itoa(r.CampaignYear) + " \"" + r.Title + "\" đã đăng ký"
	if r.Number != "" {
		v.Intro += " tại văn bản số " + r.Number
	}
	if d := r.Decision; d != nil && !r.DecisionRejects {
		v.Intro += " và được " + d.Issuer.Title + " thông qua tại " + lowerFirst(decisionKindWord(d)) + " " + d.Label()
	}
	v.Intro += ", " + who + " báo cáo kết quả thực hiện như sau:"
	v.Copies = []string{"Như trên,", o.FileCopy()}
	return v
}

// shorten cuts s to about n characters at a word, for a list.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i, c := range s {
		if count > n {
			break
		}
		if c == ' ' {
			cut = i
		}
		count++
	}
	if cut == 0 {
		return s
	}
	return strings.TrimRight(s[:cut], ",.;: ") + "…"
}
