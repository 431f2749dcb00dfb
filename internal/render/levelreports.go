package render

import (
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/report"
	"github.com/mohinh/mohinh/internal/vi"
)

// The reports every level compiles for the level above (tổng hợp báo cáo
// cấp trên, the call 943-CV/HU items 2 and 3): a đảng ủy whose chi bộ or
// members register, a chi bộ whose members do, gets for each call its own
// summary (report.Levels, report.ForLevel) at
// /to-chuc/<id>/bao-cao/<year>/, laid out by report.html as its own
// document to the level above, with its spreadsheet and CSV beside it.

// levelReportJobs are the pages and files of the reports the levels below
// call c's issuer compile.
func levelReportJobs(site *content.Site, c *content.Campaign, u URLs) []job {
	links := exportLinks{u}
	var jobs []job
	for _, l := range report.Levels(c) {
		o := l.Organisation
		sum := sync.OnceValue(func() *report.Summary { return report.ForLevel(site, c, l) })
		crumbs := []Link{{"Trang chủ", u.Home()}, {"Tổ chức", u.Organisations()}}
		for _, a := range o.Ancestors() {
			crumbs = append(crumbs, Link{a.Title, u.Organisation(a)})
		}
		crumbs = append(crumbs, Link{o.Title, u.Organisation(o)})
		jobs = append(jobs,
			job{"report", u.LevelReport(o, c), func() page {
				return page{
					Site: site, URLs: u, Title: "Báo cáo tổng hợp năm " + itoa(c.Year) + " của " + o.Title, URL: u.LevelReport(o, c),
					Nav: "to-chuc", Crumbs: crumbs, Data: newLevelReportView(sum(), u),
				}
			}},
			fileJob(u.LevelXLSX(o, c), func(b io.Writer) error { return export.XLSX(b, sum(), links) }),
			fileJob(u.LevelCSV(o, c), func(b io.Writer) error { return export.CSV(b, export.RegistrationsTable(sum(), links)) }),
		)
		if report.Evaluates(o, c) {
			jobs = append(jobs, levelEvaluationJobs(site, c, o, u, sum, append(crumbs, Link{"Báo cáo tổng hợp năm " + itoa(c.Year), u.LevelReport(o, c)}))...)
		}
	}
	return jobs
}

// levelReportURLs are the pages and files of the levels' reports of c:
// what a change to its registrations makes stale.
func (u URLs) levelReportURLs(c *content.Campaign) []string {
	var urls []string
	for _, l := range report.Levels(c) {
		urls = append(urls, u.levelFiles(l.Organisation, c)...)
	}
	return urls
}

// levelFiles are the page and files of o's report of c.
func (u URLs) levelFiles(o *content.Organisation, c *content.Campaign) []string {
	return []string{u.LevelReport(o, c), u.LevelXLSX(o, c), u.LevelCSV(o, c), u.LevelReportDOCX(o, c), u.LevelEvaluation(o, c), u.LevelEvaluationCSV(o, c)}
}

// newLevelReportView lays out s, what a level compiles, as its own
// document to the level above: its parent, or for a top committee the
// call's issuer — never itself.
func newLevelReportView(s *report.Summary, u URLs) reportView {
	v := newReportView(s, u)
	o, c := s.Level, s.Campaign
	if above := o.Parent; above != nil {
		v.Recipients = punctuate([]string{above.Addressee()})
	} else if c.Issuer != nil && c.Issuer != o {
		v.Recipients = punctuate([]string{c.Issuer.Addressee()})
	}
	v.Copies = []string{"Như trên,", o.FileCopy()}
	v.Eyebrow = "Đợt đăng ký năm " + itoa(c.Year) + " — tổng hợp báo cáo cấp trên"
	v.Compliance, v.Downloads, v.Evaluation = "", u.LevelDownloads(o, c), ""
	if report.Evaluates(o, c) {
		v.Evaluation = u.LevelEvaluation(o, c)
	}
	v.Number = "Số       -BC/" + documentSymbol(o.Kind)
	// Its secretary signs, named by hand; an advisory body's head signs
	// in their own title, not on its behalf.
	v.SignerRole, v.Signer = "BÍ THƯ", ""
	if o.Kind == content.CoQuanThamMuu {
		v.SignerRole = headOf(o)
	}
	whom := o.Title + " và đảng viên"
	if kinds := s.Compliance.Kinds; len(kinds) > 0 {
		sub := "các tổ chức trực thuộc"
		if !slices.ContainsFunc(kinds, func(k content.Kind) bool { return k != content.ChiBoTrucThuoc }) {
			sub = "các chi bộ trực thuộc"
		}
		whom = o.Title + ", " + sub + " và đảng viên"
	}
	v.Intro = reportIntro(c, whom)
	return v
}

// headOf is the title of the head of an advisory body, by what its name
// says it is: "TRƯỞNG BAN" of a Ban, "CHÁNH VĂN PHÒNG" of a Văn phòng,
// "CHỦ NHIỆM" of an Ủy ban Kiểm tra; "" to write by hand otherwise.
func headOf(o *content.Organisation) string {
	name := vi.Fold(o.Title)
	switch {
	case strings.HasPrefix(name, "uy ban kiem tra"):
		return "CHỦ NHIỆM"
	case strings.HasPrefix(name, "van phong"):
		return "CHÁNH VĂN PHÒNG"
	case strings.HasPrefix(name, "ban "):
		return "TRƯỞNG BAN"
	}
	return ""
}

// documentSymbol is the symbol of the documents of an organisation of
// kind k below a district, after the document's kind: "-BC/ĐU" for a đảng
// ủy, "-BC/CB" for a chi bộ; "……" to write by hand for the others.
func documentSymbol(k content.Kind) string {
	switch k {
	case content.DangUyCoSo:
		return "ĐU"
	case content.ChiBoCoSo, content.ChiBoTrucThuoc:
		return "CB"
	}
	return "……"
}

// levelChanges compares who compiles a report of the calls of the
// registrations at paths before and after a change to them. The reports
// themselves are RenderFiles' to write, as the call's are; but the first
// page of an organisation whose report comes or goes links to it (pages),
// and the page and files of a report that goes are gone.
func (u URLs) levelChanges(before, after *content.Site, paths []string) (pages, gone []string) {
	years := map[int]bool{}
	for _, site := range []*content.Site{before, after} {
		for _, p := range paths {
			if r := site.RegistrationByPath[p]; r != nil {
				years[r.CampaignYear] = true
			}
		}
	}
	levels := func(site *content.Site, year int) map[string]*content.Organisation {
		m := map[string]*content.Organisation{}
		if c := site.CampaignByYear[year]; c != nil {
			for _, l := range report.Levels(c) {
				m[l.Organisation.ID] = l.Organisation
			}
		}
		return m
	}
	for year := range years {
		was, is := levels(before, year), levels(after, year)
		for id, o := range was {
			if is[id] == nil {
				pages = append(pages, u.Organisation(o))
				for _, url := range u.levelFiles(o, &content.Campaign{Year: year}) {
					gone = append(gone, u.outputPath(url))
				}
			}
		}
		for id, o := range is {
			if was[id] == nil {
				pages = append(pages, u.Organisation(o))
			}
		}
	}
	return pages, gone
}
