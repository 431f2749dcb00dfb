package render

import (
	"slices"

	"github.com/mohinh/mohinh/internal/content"
)

// The year's later decisions, each as its document: an appraisal is the
// Phiếu thẩm định — a table of the points of each model by criterion, the
// total and a note, against the call's pass score; a recognition is the
// Party decision form — QUYẾT ĐỊNH, its bases, the deciding body, Điều 1
// the recognised models, Điều 2 those not recognised and why, Điều 3 who
// carries it out.

// appraisalView is an appraisal's sheet, on its page and on paper.
type appraisalView struct {
	Criteria  []criterionHead
	Rows      []scoreRow
	Max       int
	PassScore int // 0: the call sets none
	Passed    int // how many reached it
}

// criterionHead is a column of the sheet: "Tính mới, sáng tạo (tối đa 30)".
type criterionHead struct {
	Title string
	Max   int
}

// scoreRow is one model on the sheet.
type scoreRow struct {
	N          int
	Title      string
	URL        string
	Registrant string
	Points     []int
	Total      int
	Passed     bool
	Note       string
}

func (b *viewBuilder) appraisal(d *content.Decision) *appraisalView {
	c := d.Campaign
	v := &appraisalView{Max: c.MaxScore(), PassScore: c.PassScore}
	for _, k := range c.Criteria {
		v.Criteria = append(v.Criteria, criterionHead{Title: k.Title, Max: k.Max})
	}
	for i, sc := range d.Scores {
		r := sc.Registration
		row := scoreRow{N: i + 1, Title: r.Title, URL: b.urls.Registration(r), Registrant: registrantOf(r), Points: sc.Points, Total: sc.Total, Note: sc.Note}
		row.Passed = c.PassScore > 0 && sc.Total >= c.PassScore
		if row.Passed {
			v.Passed++
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// recognitionPrint is the body of a recognition as the Party decision
// form; the heading, Nơi nhận and signature are its decisionPrint's.
type recognitionPrint struct {
	Subject    string   // "Về việc công nhận mô hình mới, cách làm sáng tạo năm 2024"
	Bases      []string // "Căn cứ …;"
	Body       string   // "BAN THƯỜNG VỤ HUYỆN ỦY ĐƠN DƯƠNG"
	Recognised decisionList
	Rejected   decisionList
	Article1   string // what Điều 1 decides, the list follows
	Article2   string // Điều 2, when some are not recognised
	Article3   string // who carries it out
}

// recognitionPrintOf lays out a recognition as a Party decision.
func recognitionPrintOf(d *content.Decision, recognised, rejected []decisionRow) *recognitionPrint {
	c := d.Campaign
	v := &recognitionPrint{
		Subject:    "Về việc công nhận mô hình mới, cách làm sáng tạo năm " + itoa(c.Year),
		Body:       upper(deciding(d.Issuer)),
		Recognised: decisionList{Rows: recognised},
		Rejected:   decisionList{Rows: rejected, ReasonHead: "Lý do không công nhận"},
	}
	v.Bases = append(v.Bases, "Căn cứ Quy chế làm việc của "+d.Issuer.Title+";")
	call := "Căn cứ " + lowerFirst(docLabel("Công văn", c.Number, c.Issued))
	if c.Issuer != nil {
		call += " của " + c.Issuer.Title
	}
	v.Bases = append(v.Bases, call+" về việc "+lowerFirst(c.Title)+";")
	for _, a := range appraisalsOf(d) {
		v.Bases = append(v.Bases, "Căn cứ "+lowerFirst(decisionKindWord(a))+" "+a.Label()+" của "+a.Issuer.Title+";")
	}
	v.Bases = append(v.Bases, "Xét báo cáo kết quả thực hiện mô hình của các tổ chức đảng, đảng viên,")
	v.Article1 = "Công nhận " + itoa(len(recognised)) + " mô hình mới, cách làm sáng tạo năm " + itoa(c.Year) + " sau đây:"
	if len(rejected) > 0 {
		v.Article2 = "Không công nhận " + itoa(len(rejected)) + " mô hình sau đây, với lý do nêu kèm từng mô hình:"
	}
	v.Article3 = "Các tổ chức đảng, đảng viên có tên tại Điều 1 và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký."
	return v
}

// deciding is the body that decides in o's name: a committee's Standing
// Committee, a chi bộ itself.
func deciding(o *content.Organisation) string {
	switch o.Kind {
	case content.CapUy, content.DangUyCoSo:
		return "Ban Thường vụ " + o.Title
	}
	return o.Title
}

// appraisalsOf are the appraisals that scored the models d decides, in
// the order of its items.
func appraisalsOf(d *content.Decision) []*content.Decision {
	var out []*content.Decision
	for _, it := range d.Decided() {
		if a := it.Registration.Appraisal; a != nil && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}
