package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/report"
)

// The reports for the Organisation Board: for every call, the summary
// report (report.html, the document to sign, A4 landscape) and the
// compliance page (compliance.html), and the files — the call's
// spreadsheet, CSV and JSON; every call's JSON, the Atom feed and the
// sitemap (at an absolute address only), robots.txt and favicon.ico. The
// computations are internal/report's; the files are written by
// internal/export.

// file is the Data of a job that writes a file that is not a page: run
// streams it to the Writer.
type file struct {
	write func(io.Writer) error
}

// writeTo writes the file name to w: piece by piece when w can take it so,
// else whole through buf.
func (f file) writeTo(w Writer, name string, buf *bytes.Buffer) error {
	c, ok := w.(Creator)
	if !ok {
		if err := f.write(buf); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		return w.WriteFile(name, buf.Bytes())
	}
	out, err := c.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	err = f.write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// fileJob is a job that writes the file at url with write.
func fileJob(url string, write func(io.Writer) error) job {
	return job{"", url, func() page { return page{URL: url, Data: file{write}} }}
}

// reportView is a call's summary report, laid out as a Party document
// (Hướng dẫn 36-HD/VPTW) on A4 landscape. Every text is computed here.
type reportView struct {
	S          *report.Summary
	Superior   string // top left, upper case; empty for the root committee
	Issuer     string // under it, upper case, bold
	Number     string // "Số       -BC/HU": numbered by hand when issued
	PlaceDate  string // "Đơn Dương, ngày      tháng      năm 2024", dated by hand when signed
	Subject    string // under "BÁO CÁO": "Tổng hợp đăng ký mô hình mới, cách làm sáng tạo năm 2024"
	Intro      string
	Expected   string     // the kinds of organisation expected, in words
	Situation  []sentence // section I's counts, before the approvals
	OnBehalf   string     // "T/M BAN THƯỜNG VỤ"
	SignerRole string     // "PHÓ BÍ THƯ"
	Signer     string
	Copies     []string     // Nơi nhận
	Counts     []tallyTable // by field, kind, form and status
	Compliance string       // the compliance page's URL; "" for a level's report
	Evaluation string       // the year-end evaluation's URL; "" for a level without sub-units
	Downloads  []Link
	Eyebrow    string   // above the title, on screen
	Recipients []string // Kính gửi, a level's report to the level above; empty for the issuer's
}

// sentence is a paragraph of a document as spans of text, some in bold:
// what the page and the Word document both write.
type sentence []span

type span struct {
	Text   string
	Strong bool
}

// situation is section I of a summary report: how many organisations
// were to register and did, how many models, who was late or missing.
func situation(s *report.Summary, expected string) []sentence {
	cp, tot := s.Compliance, s.Total
	n := func(x int) span { return span{Text: itoa(x), Strong: true} }
	t := func(s string) span { return span{Text: s} }
	undated := func(x int) string {
		if x == 0 {
			return ""
		}
		return ", chưa rõ ngày " + itoa(x)
	}
	var out []sentence
	if expected != "" { // a level without sub-units expects none
		out = append(out, sentence{
			t("- Số tổ chức phải đăng ký (" + expected + "): "), n(len(cp.Entries)),
			t("; đã đăng ký: "), n(cp.Registered()),
			t(" (đúng hạn " + itoa(cp.OnTime) + ", nộp muộn " + itoa(cp.Late) + undated(cp.Undated) + "); chưa đăng ký: "), n(cp.Missing), t("."),
		})
	}
	out = append(out, sentence{
		t("- Số mô hình đăng ký: "), n(tot.N),
		t(" của " + itoa(len(s.Groups)) + " tổ chức (tập thể " + itoa(tot.Collective) + ", cá nhân " + itoa(tot.Individual) +
			"); đúng hạn " + itoa(tot.OnTime) + ", nộp muộn " + itoa(tot.Late) + undated(tot.Undated) + "."),
	})
	var late, missing, excluded []string
	for _, e := range cp.LateEntries() {
		late = append(late, fmt.Sprintf("%s (%d ngày)", e.Organisation.Title, e.DaysLate))
	}
	for _, e := range cp.MissingEntries() {
		missing = append(missing, e.Organisation.Title)
	}
	for _, o := range cp.Excluded {
		excluded = append(excluded, o.Title+" (giải thể "+o.Dissolved.Short()+")")
	}
	for _, l := range []struct {
		label string
		names []string
	}{
		{"- Các tổ chức nộp muộn: ", late},
		{"- Các tổ chức chưa đăng ký: ", missing},
		{"- Không tính các tổ chức đã giải thể trước ngày ban hành công văn: ", excluded},
	} {
		if len(l.names) > 0 {
			out = append(out, sentence{t(l.label + strings.Join(l.names, "; ") + ".")})
		}
	}
	return out
}

// tallyTable is one table of counts of the report.
type tallyTable struct {
	Caption string // "Theo lĩnh vực"
	Label   string // the header of its first column: "Lĩnh vực"
	Rows    []report.Tally
	Total   report.Tally
}

// complianceView is a call's compliance page.
type complianceView struct {
	S         *report.Summary
	Expected  string // the kinds of organisation expected, in words
	Report    string // the summary report's URL
	Downloads []Link
}

// reportJobs are the reports' pages and the files, to append to the pages
// of the site in pages: the sitemap lists those pages and the reports'.
func (r *Renderer) reportJobs(site *content.Site, pages []job) []job {
	u := r.urls
	links := exportLinks{u}
	home := Link{"Trang chủ", u.Home()}
	campaignIndex := Link{"Đợt đăng ký", u.Campaigns()}

	summaries := make([]func() *report.Summary, len(site.Campaigns))
	for i, c := range site.Campaigns {
		summaries[i] = sync.OnceValue(func() *report.Summary { return report.New(site, c) })
	}
	var jobs []job
	for i, c := range site.Campaigns {
		sum := summaries[i]
		crumbs := []Link{home, campaignIndex, {c.Title, u.Campaign(c)}}
		jobs = append(jobs,
			job{"report", u.CampaignReport(c), func() page {
				return page{
					Site: site, URLs: u, Title: "Báo cáo tổng hợp năm " + itoa(c.Year), URL: u.CampaignReport(c),
					Nav: "dot-dang-ky", Crumbs: crumbs, Data: newReportView(sum(), u),
				}
			}},
			job{"compliance", u.CampaignCompliance(c), func() page {
				return page{
					Site: site, URLs: u, Title: "Tình hình đăng ký năm " + itoa(c.Year), URL: u.CampaignCompliance(c),
					Nav: "dot-dang-ky", Crumbs: crumbs, Data: complianceView{
						S: sum(), Expected: kindsInWords(sum().Compliance.Kinds),
						Report: u.CampaignReport(c), Downloads: u.CampaignDownloads(c),
					},
				}
			}},
		)
		jobs = append(jobs, evaluationJobs(site, c, u, sum, crumbs)...) // evaluation.go
		jobs = append(jobs,
			fileJob(u.CampaignXLSX(c), func(b io.Writer) error { return export.XLSX(b, sum(), links) }),
			fileJob(u.CampaignCSV(c), func(b io.Writer) error { return export.CSV(b, export.RegistrationsTable(sum(), links)) }),
			fileJob(u.CampaignComplianceCSV(c), func(b io.Writer) error { return export.CSV(b, export.ComplianceTable(sum())) }),
			fileJob(u.CampaignJSON(c), func(b io.Writer) error {
				return export.JSON(b, site, []*report.Summary{sum()}, links)
			}),
		)
		jobs = append(jobs, levelReportJobs(site, c, u)...) // levelreports.go
	}
	var pageURLs []string
	// Not append(pages, jobs...): that could write these jobs into the
	// spare room of pages' array, keeping them alive as long as pages.
	for _, list := range [][]job{pages, jobs} {
		for _, j := range list {
			if j.template != "" && j.template != "404" {
				pageURLs = append(pageURLs, u.absolute(j.url))
			}
		}
	}
	jobs = append(jobs, fileJob(u.RegistrationsJSON(), func(b io.Writer) error {
		all := make([]*report.Summary, len(summaries))
		for i, sum := range summaries {
			all[i] = sum()
		}
		return export.JSON(b, site, all, links)
	}))
	return append(jobs, r.discoveryJobs(site, pageURLs)...)
}

// discoveryJobs are the files by which readers and search engines find
// the site: the feed and the sitemap, robots.txt and favicon.ico. The feed
// and the sitemap are written only when the site's address is known whole
// (URLs.Absolute): their addresses must be absolute, and a bare path would
// make them invalid, so a build without one leaves them out, and its pages
// do not link to the feed (partials/chrome.html).
func (r *Renderer) discoveryJobs(site *content.Site, pageURLs []string) []job {
	u := r.urls
	links := exportLinks{u}
	var jobs []job
	if u.Absolute() {
		lastCommit := func(path string) time.Time {
			if commits := r.history[path]; len(commits) > 0 {
				return commits[0].Date
			}
			return time.Time{}
		}
		jobs = append(jobs,
			fileJob(u.Feed(), func(b io.Writer) error { return export.Atom(b, site, links, lastCommit) }),
			fileJob(u.Sitemap(), func(b io.Writer) error { return export.Sitemap(b, pageURLs) }),
		)
	}
	jobs = append(jobs, fileJob(u.Robots(), func(b io.Writer) error {
		sitemap := ""
		if u.Absolute() {
			sitemap = links.Sitemap()
		}
		return export.Robots(b, sitemap)
	}))
	// The icon is an asset of the layouts; a site's own layouts that have
	// none simply go without.
	if icon, err := fs.ReadFile(r.layouts, "assets/favicon.ico"); err == nil {
		jobs = append(jobs, fileJob(u.Favicon(), func(b io.Writer) error {
			_, err := b.Write(icon)
			return err
		}))
	}
	return jobs
}

// reportURLs are the reports and files that a change to a registration of
// call c touches: the call's, and the site-wide files.
func (u URLs) reportURLs(c *content.Campaign) []string {
	return []string{u.CampaignReport(c), u.CampaignCompliance(c), u.CampaignEvaluation(c)}
}

// fileURLs are the exports a change to a call's registrations makes stale:
// its spreadsheets and JSON, and the site-wide JSON, feed and sitemap.
func (u URLs) fileURLs(c *content.Campaign) []string {
	return []string{
		u.CampaignXLSX(c), u.CampaignCSV(c), u.CampaignComplianceCSV(c), u.CampaignEvaluationCSV(c), u.CampaignJSON(c),
		u.RegistrationsJSON(), u.Feed(), u.Sitemap(),
	}
}

// newReportView lays out s, the call's summary, as its issuer's document;
// newLevelReportView (levelreports.go) a level's from it.
func newReportView(s *report.Summary, u URLs) reportView {
	c, cp := s.Campaign, s.Compliance
	v := reportView{
		S:          s,
		Subject:    upperFirst(strings.TrimPrefix(s.Title(), "Báo cáo ")),
		Expected:   kindsInWords(cp.Kinds),
		SignerRole: upper(c.SignerTitle),
		Signer:     c.Signer,
		Compliance: u.CampaignCompliance(c),
		Evaluation: u.CampaignEvaluation(c),
		Downloads:  u.CampaignDownloads(c),
		Eyebrow:    "Đợt đăng ký năm " + itoa(c.Year) + " — cho Ban Tổ chức",
		Counts: []tallyTable{
			{"Theo lĩnh vực", "Lĩnh vực", s.ByField, s.Total},
			{"Theo loại tổ chức", "Loại tổ chức", s.ByKind, s.Total},
			{"Tập thể và cá nhân", "Hình thức", s.ByForm, s.Total},
			{"Theo trạng thái", "Trạng thái", s.ByStatus, s.Total},
		},
	}
	number := "Số       -BC"
	if _, suffix, ok := strings.Cut(c.Number, "/"); ok {
		number += "/" + suffix
	}
	v.Number = number
	year := c.Year
	if !c.Deadline.IsZero() {
		year = c.Deadline.Time().Year()
	}
	place := "……"
	if o := s.Level; o != nil {
		superior, issuer := o.DocumentHeading()
		v.Superior, v.Issuer = upper(superior), upper(issuer)
		if o.Place != "" {
			place = o.Place
		}
		v.OnBehalf = onBehalf(o.Kind)
		v.Copies = []string{"Thường trực " + o.Title + " (b/c),", o.FileCopy()}
	} else {
		v.Copies = []string{"Lưu."}
	}
	v.PlaceDate = place + ", ngày      tháng      năm " + itoa(year)
	v.Intro = reportIntro(c, "các cơ quan, đơn vị")
	v.Situation = situation(s, v.Expected)
	return v
}

// reportIntro is the opening sentence of a summary report of call c
// that compiles the registrations of whom.
func reportIntro(c *content.Campaign, whom string) string {
	call := "Công văn số " + c.Number
	if !c.Issued.IsZero() {
		call += ", ngày " + c.Issued.Short()
	}
	if c.Issuer != nil {
		call += " của " + c.Issuer.Title
	}
	return "Thực hiện " + call + " về việc " + lowerFirst(c.Title) + ", hạn đăng ký " + c.Deadline.Prose() +
		", kết quả đăng ký mô hình mới, cách làm sáng tạo của " + whom + " được tổng hợp như sau:"
}

// kindsInWords names kinds of organisation in a sentence: "cơ quan tham
// mưu, giúp việc; đảng ủy cơ sở; chi bộ cơ sở".
func kindsInWords(kinds []content.Kind) string {
	words := make([]string, len(kinds))
	for i, k := range kinds {
		words[i] = lowerFirst(k.Label())
	}
	return strings.Join(words, "; ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	first := []rune(s)[0]
	return upper(string(first)) + s[len(string(first)):]
}

// exportLinks are the addresses written into the files: absolute, on the
// origin of the site's base URL, when it has one; a bare path otherwise
// (mohinh build --base-url /), which a browser resolves but a feed reader
// or a search engine cannot — publish with --base-url https://….
type exportLinks struct{ urls URLs }

// ExportLinks returns the addresses that the exports of a site published
// at urls carry.
func ExportLinks(urls URLs) export.FeedLinks { return exportLinks{urls} }

func (l exportLinks) Registration(r *content.Registration) string {
	return l.urls.absolute(l.urls.Registration(r))
}

func (l exportLinks) Campaign(c *content.Campaign) string {
	return l.urls.absolute(l.urls.Campaign(c))
}

func (l exportLinks) Home() string { return l.urls.absolute(l.urls.Home()) }

func (l exportLinks) Feed() string { return l.urls.absolute(l.urls.Feed()) }

func (l exportLinks) Sitemap() string { return l.urls.absolute(l.urls.Sitemap()) }
