package render

import (
	"io"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/report"
)

// The year-end evaluation (report.Evaluation): for every organisation
// expected to answer a call, what it registered, what was approved, its
// results, appraisal and recognition, and what it has not done — the
// call's at /dot-dang-ky/<year>/danh-gia/, and each level's of its
// sub-units at /to-chuc/<id>/bao-cao/<year>/danh-gia/. Printable on A4
// landscape; the same table is the sheet "Đánh giá cuối năm" of the
// spreadsheets and a CSV file.

// evaluationView is an evaluation page.
type evaluationView struct {
	Eyebrow   string
	Lead      string // who is evaluated, against what
	Ev        report.Evaluation
	Rows      []evaluationRow
	MaxScore  int // 0: the call has no scoring
	Report    Link
	Downloads []Link
}

// evaluationRow is one organisation of the page.
type evaluationRow struct {
	report.Evaluated
	URL    string // its page
	Sub    string // its own evaluation of its sub-units; "" when it has none
	Scores string // "80, 45"
}

// newEvaluationView presents s's evaluation; levels are the levels with
// an evaluation of their own, to link.
func newEvaluationView(s *report.Summary, u URLs, levels map[*content.Organisation]bool) evaluationView {
	c := s.Campaign
	v := evaluationView{Ev: s.Evaluation, MaxScore: c.MaxScore()}
	call := "Công văn số " + c.Number
	if c.Issuer != nil {
		call += " của " + c.Issuer.Title
	}
	if o := s.Level; o != nil && o != c.Issuer {
		v.Eyebrow = "Đợt đăng ký năm " + itoa(c.Year) + " — " + o.Title
		v.Lead = "Các tổ chức trực thuộc " + o.Title + " tham gia đợt đăng ký theo " + call + ": đăng ký, xét duyệt, báo cáo kết quả, thẩm định và công nhận mô hình — căn cứ đánh giá, xếp loại cuối năm."
		v.Report = Link{"Báo cáo tổng hợp của " + o.Title, u.LevelReport(o, c)}
		v.Downloads = []Link{{"Đánh giá cuối năm (.csv)", u.LevelEvaluationCSV(o, c)}, {"Bảng tính Excel (.xlsx)", u.LevelXLSX(o, c)}}
	} else {
		v.Eyebrow = "Đợt đăng ký năm " + itoa(c.Year) + " — cho Ban Tổ chức"
		v.Lead = "Các tổ chức phải đăng ký theo " + call + " (" + kindsInWords(s.Compliance.Kinds) + "): đăng ký, xét duyệt, báo cáo kết quả, thẩm định và công nhận mô hình — căn cứ đánh giá, xếp loại cuối năm (Công văn, mục 4)."
		v.Report = Link{"Báo cáo tổng hợp", u.CampaignReport(c)}
		v.Downloads = []Link{{"Đánh giá cuối năm (.csv)", u.CampaignEvaluationCSV(c)}, {"Bảng tính Excel (.xlsx)", u.CampaignXLSX(c)}}
	}
	for _, row := range s.Evaluation.Rows {
		er := evaluationRow{Evaluated: row, URL: u.Organisation(row.Organisation)}
		if levels[row.Organisation] {
			er.Sub = u.LevelEvaluation(row.Organisation, c)
		}
		scores := make([]string, len(row.Scores))
		for i, n := range row.Scores {
			scores[i] = itoa(n)
		}
		er.Scores = strings.Join(scores, ", ")
		v.Rows = append(v.Rows, er)
	}
	return v
}

// evaluationLevels are the levels of c with an evaluation page of their
// own: those compiling for the level above with sub-units to evaluate.
func evaluationLevels(c *content.Campaign) map[*content.Organisation]bool {
	m := map[*content.Organisation]bool{}
	for _, l := range report.Levels(c) {
		if report.Evaluates(l.Organisation, c) {
			m[l.Organisation] = true
		}
	}
	return m
}

// evaluationJob is the call's evaluation page and its CSV.
func evaluationJobs(site *content.Site, c *content.Campaign, u URLs, sum func() *report.Summary, crumbs []Link) []job {
	return []job{
		{"evaluation", u.CampaignEvaluation(c), func() page {
			return page{
				Site: site, URLs: u, Title: "Đánh giá cuối năm " + itoa(c.Year), URL: u.CampaignEvaluation(c),
				Nav: "dot-dang-ky", Crumbs: crumbs, Data: newEvaluationView(sum(), u, evaluationLevels(c)),
			}
		}},
		fileJob(u.CampaignEvaluationCSV(c), func(b io.Writer) error { return export.CSV(b, export.EvaluationTable(sum())) }),
	}
}

// levelEvaluationJobs are a level's evaluation page and CSV.
func levelEvaluationJobs(site *content.Site, c *content.Campaign, o *content.Organisation, u URLs, sum func() *report.Summary, crumbs []Link) []job {
	return []job{
		{"evaluation", u.LevelEvaluation(o, c), func() page {
			return page{
				Site: site, URLs: u, Title: "Đánh giá cuối năm " + itoa(c.Year) + " của " + o.Title, URL: u.LevelEvaluation(o, c),
				Nav: "to-chuc", Crumbs: crumbs, Data: newEvaluationView(sum(), u, evaluationLevels(c)),
			}
		}},
		fileJob(u.LevelEvaluationCSV(o, c), func(b io.Writer) error { return export.CSV(b, export.EvaluationTable(sum())) }),
	}
}
