package render

import (
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/history"
)

// The plan: every file of the output is a job, listed before anything
// renders. A job knows its URL and its template at once, so that the
// sitemap, RenderAffected and RenderFiles can choose jobs by URL, and
// computes its page only when it runs, on whichever core takes it: the
// views (views.go) are most of the work of a build.

// job is one output file: a page of the kind template, or an export
// (template "", reports.go). A document's Word file (docx.go) has its
// page's url, so that it is chosen with its page; the file's own address
// is its page's URL.
type job struct {
	template string
	url      string
	makePage func() page // computes the page when the job runs, on any core
}

// plan lists the pages of site, with the branch's changes page under
// review, and apart the Board's reports and files; it renders the header
// and footer they share.
func (r *Renderer) plan(site *content.Site) (pages, reports []job) {
	r.chrome.fill(site, r.urls)
	pages = sitePages(site, r.urls, r.history)
	// Search, filters and the form (search.go).
	pages = append(pages, browserJobs(site, r.urls)...)
	// Reports and files (reports.go), after the pages: the sitemap lists
	// every page.
	reports = r.reportJobs(site, pages)
	// The reports' Word files, made from their pages' views (docx.go).
	reports = append(reports, reportDOCXJobs(reports, r.urls)...)
	// The attached files (attachments.go), copied, after the sitemap too.
	reports = append(reports, attachmentJobs(site, r.urls, r.files)...)
	if b := r.branch; b != nil { // branch.go
		b.mark(pages)
		b.mark(reports)
		pages = append(pages, b.changesJob(site, r.urls))
	}
	return pages, reports
}

// planAll lists every job of plan in one list.
func (r *Renderer) planAll(site *content.Site) []job {
	pages, reports := r.plan(site)
	return append(pages, reports...)
}

// sitePages lists the pages of the site's content: the home page, the
// indexes, every page of every list and every registration's page.
func sitePages(site *content.Site, urls URLs, hist history.History) []job {
	b := newViewBuilder(site, urls, hist)
	home := Link{"Trang chủ", urls.Home()}
	orgIndex := Link{"Tổ chức", urls.Organisations()}
	fieldIndex := Link{"Lĩnh vực", urls.Fields()}
	campaignIndex := Link{"Đợt đăng ký", urls.Campaigns()}
	statusIndex := Link{"Trạng thái", urls.Statuses()}
	newPage := func(title, url, nav string, crumbs []Link, body content.Markdown, data any) page {
		return page{Site: site, URLs: urls, Title: title, URL: url, Nav: nav, Crumbs: crumbs, Body: renderMarkdown(body.Text), Data: data}
	}

	jobs := make([]job, 0, 2*len(site.Registrations)+len(site.Organisations)+len(site.Fields)+len(site.Campaigns)+16)
	jobs = append(jobs,
		job{"home", urls.Home(), func() page {
			return newPage(site.Settings.Title, urls.Home(), "home", nil, site.Settings.Body, b.home())
		}},
		job{"404", urls.NotFound(), func() page {
			return newPage("Không tìm thấy trang", urls.NotFound(), "", nil, content.Markdown{}, nil)
		}},
		job{"organisations", urls.Organisations(), func() page {
			return newPage("Tổ chức đảng", urls.Organisations(), "to-chuc", []Link{home}, content.Markdown{}, b.organisations())
		}},
		job{"fields", urls.Fields(), func() page {
			return newPage("Lĩnh vực", urls.Fields(), "linh-vuc", []Link{home}, content.Markdown{}, b.fieldRows())
		}},
		job{"campaigns", urls.Campaigns(), func() page {
			return newPage("Các đợt đăng ký", urls.Campaigns(), "dot-dang-ky", []Link{home}, content.Markdown{}, nil)
		}},
		job{"statuses", urls.Statuses(), func() page {
			return newPage("Trạng thái", urls.Statuses(), "trang-thai", []Link{home}, content.Markdown{}, b.statusRows())
		}},
	)
	// Lists of registrations page (paging.go): one job per page.
	for _, s := range content.Statuses {
		for n := 1; n <= pageCount(len(site.ByStatus[s])); n++ {
			jobs = append(jobs, job{"status", urls.Paged(urls.Status(s), n), func() page {
				return newPage(s.Label(), urls.Paged(urls.Status(s), n), "trang-thai", []Link{home, statusIndex}, content.Markdown{}, b.status(s, n))
			}})
		}
	}
	for _, c := range site.Campaigns {
		for n := 1; n <= pageCount(len(c.Registrations)); n++ {
			jobs = append(jobs, job{"campaign", urls.Paged(urls.Campaign(c), n), func() page {
				return newPage(c.Title, urls.Paged(urls.Campaign(c), n), "dot-dang-ky", []Link{home, campaignIndex}, firstPage(c.Body, n), b.campaign(c, n))
			}})
		}
	}
	for _, f := range site.Fields {
		for n := 1; n <= pageCount(len(f.Registrations)); n++ {
			jobs = append(jobs, job{"field", urls.Paged(urls.Field(f), n), func() page {
				return newPage(f.Title, urls.Paged(urls.Field(f), n), "linh-vuc", []Link{home, fieldIndex}, firstPage(f.Body, n), b.field(f, n))
			}})
		}
	}
	for _, o := range site.Organisations {
		for n := 1; n <= pageCount(o.TotalRegistrations); n++ {
			jobs = append(jobs, job{"organisation", urls.Paged(urls.Organisation(o), n), func() page {
				crumbs := []Link{home, orgIndex}
				for _, a := range o.Ancestors() {
					crumbs = append(crumbs, Link{a.Title, urls.Organisation(a)})
				}
				return newPage(o.Title, urls.Paged(urls.Organisation(o), n), "to-chuc", crumbs, firstPage(o.Body, n), b.organisation(o, n))
			}})
		}
	}
	decisionIndex := Link{"Văn bản xét duyệt", urls.Decisions()}
	jobs = append(jobs, job{"decisions", urls.Decisions(), func() page {
		return newPage("Văn bản xét duyệt", urls.Decisions(), "", []Link{home}, content.Markdown{}, b.decisionIndex())
	}})
	for _, d := range linkedDecisions(site.Decisions) {
		jobs = append(jobs, job{"decision", urls.Decision(d), func() page {
			crumbs := []Link{home, decisionIndex, {d.Issuer.Title, urls.Organisation(d.Issuer)}}
			return newPage(d.Title, urls.Decision(d), "", crumbs, d.Body, b.decision(d))
		}}, decisionDOCXJob(b, d)) // docx.go
	}
	// Each call's recognised models (recognised.go).
	for _, c := range site.Campaigns {
		if len(recognisedIn(c)) > 0 {
			jobs = append(jobs, job{"recognised", urls.CampaignRecognised(c), func() page {
				return newPage("Các mô hình được công nhận năm "+itoa(c.Year), urls.CampaignRecognised(c), "dot-dang-ky", []Link{home, campaignIndex, {c.Title, urls.Campaign(c)}}, content.Markdown{}, b.recognised(c))
			}})
		}
	}
	for _, r := range site.Registrations {
		crumbs := func() []Link {
			return []Link{home, {r.Campaign.Title, urls.Campaign(r.Campaign)}, {r.Organisation.Title, urls.Organisation(r.Organisation)}}
		}
		jobs = append(jobs, job{"registration", urls.Registration(r), func() page {
			return newPage(r.Title, urls.Registration(r), "", crumbs(), r.Body, b.registration(r))
		}})
		jobs = append(jobs, registrationDOCXJobs(b, r)...) // docx.go
	}
	return jobs
}

// firstPage keeps a list's introduction for its first page only.
func firstPage(body content.Markdown, n int) content.Markdown {
	if n > 1 {
		return content.Markdown{}
	}
	return body
}
