// Package render turns a linked content.Site and a folder of layouts into
// the files of the portal.
//
// # Rendering a site
//
// mohinh build calls Render once. mohinh serve keeps a Renderer, which
// remembers the rendered table row of every registration: Render writes
// everything, RenderAffected only the pages a change to some registrations
// touches, RenderFiles the reports and exports that RenderAffected leaves
// for later, and SetBranch makes every page show what a branch under review
// changes. Files go to a Writer — a folder on disk, or memory — and the
// largest exports stream to it when it is also a Creator.
//
// Where the site is published is a URLs, made once from the base URL by
// NewURLs and passed in Options; the zero URLs is a site at "/". URLs is
// the one place that decides where every page lives: templates ask it
// (.URLs.Organisation …) and never build an address themselves. ExportLinks
// gives the same addresses made absolute for the exports, the feed and the
// sitemap.
//
// # What is written
//
//   - a page per registration, organisation, field, call, status and
//     decision, the home page, the indexes and 404.html; a list longer than PageSize
//     continues on further pages (paging.go);
//   - for every call with recognised models, their page by field
//     (/dot-dang-ky/<year>/cong-nhan/, recognised.go);
//   - search, the filtered list and the form, with the data they read in
//     the browser (search.go, table.go, vitext.go, schema.go);
//   - for every call, the Board's summary report and compliance page, its
//     spreadsheet, CSV and JSON; every call's JSON, the Atom feed and the
//     sitemap (reports.go; the files themselves are internal/export's);
//   - layouts/assets/, copied as it is.
//
// # Layouts
//
// Layouts are an fs.FS; Overlay lays a site's own layouts/ over the default
// ones, file by file. base.html holds the frame and each page kind has its
// own template (home.html, registration.html, …, the list in pageTemplates)
// that defines the block "main"; partials/*.html are shared by all.
//
// Every template receives a page (views.go): .Site, .URLs, .Title, .URL,
// .Nav (the menu item), .Crumbs, .Body (the page's Markdown, as HTML),
// .Branch (with serve --base) and .Data, the view of its kind:
//
//	home.html          homeView          counts, the newest registrations
//	registration.html  registrationView  with its print view, printView (print.go),
//	                                     its year's timeline and its results report
//	                                     printed as a second document (timeline.go)
//	organisation.html  organisationView  one page of its list (lists.go)
//	field.html         listView          (lists.go)
//	status.html        listView          (lists.go)
//	campaign.html      campaignView      (lists.go)
//	organisations.html organisationsView the structure in place; apart, those ended
//	fields.html        []fieldRow
//	statuses.html      []statusRow
//	report.html        reportView        (reports.go)
//	compliance.html    complianceView    (reports.go)
//	changes.html       changesView       (branch.go)
//	decision.html      decisionView      with its print view (decisions.go); an
//	                                     appraisal's sheet, a recognition's decision
//	                                     form (decisionkinds.go)
//	recognised.html    recognisedView    a call's recognised models (recognised.go)
//	decisions.html     []decisionGroup   (decisions.go)
//	form.html          FormView          (schema.go)
//	campaigns.html, search.html, filter.html, 404.html: no Data
//
// Go computes everything a page shows — sorting, grouping, counting, the
// wording of documents, URLs — and templates only place it. The functions
// they may call (templateFuncs, layouts.go) present values: href (the page
// of a registration, organisation, field, call or status), asset, upper,
// rows (the cached rows of a list) and chrome (the shared header and
// footer, chrome.go).
//
// # How a render runs
//
// Every output file is a job, listed before anything renders (plan.go): its
// URL, its template and a function that computes its page. Jobs run on all
// cores (internal/work), each worker rendering into a buffer of its own.
// The views are computed inside the jobs, so that they spread over the
// cores too, and what many pages of one list share is computed once
// (memo, lists.go).
//
// The files of the package:
//
//	render.go    Renderer, Render, RenderFiles: the order of a render
//	affected.go  RenderAffected: what a change touches
//	plan.go      the jobs: every page of a site
//	layouts.go   parsing the layouts, template functions, assets, the row cache
//	views.go     the page every template receives, the views of single pages
//	lists.go     the views of lists of registrations; paging.go their pages
//	print.go     a registration as the printed Party document
//	decisions.go the notices that approve: their pages, print view, lists
//	decisionkinds.go  an appraisal's sheet, a recognition as a Party decision
//	timeline.go  a model's year step by step; its results report printed
//	recognised.go  a call's recognised models, to learn from
//	chrome.go    the header and footer, rendered once per menu item
//	urls.go      URLs: every address; branch.go the branch under review
//	reports.go   the Board's reports and the exports
//	levelreports.go  what each level compiles for the level above, as reports.go
//	search.go, table.go, vitext.go, schema.go: what the browser reads
//	markdown.go  submitted Markdown, made safe
//	overlay.go   a site's layouts over the defaults
package render
