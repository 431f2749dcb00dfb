package render

import (
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/report"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Every document the portal prints is also a Word file (.docx) beside its
// page, for the office to edit, number and sign: a registration and its
// results report, a decision (an approval notice, an appraisal sheet, a
// recognition), a call's summary report and each level's. Each is laid out
// from the very view its print view shows (printView, resultPrint,
// decisionView, reportView) — one computation, two presentations — as a
// clerk would type it: the heading and the signature as borderless
// tables, the body justified, the lists as tables with borders. The file
// itself is internal/export's (export.DOCX).
//
// A Word file goes with its page: its job carries the page's URL, so that
// RenderAffected and RenderFiles, which choose jobs by the pages a change
// touches, write it again whenever they write its page.

// The Word files' addresses: beside the page, named for what they are.

// RegistrationDOCX is a registration's document as a Word file.
func (u URLs) RegistrationDOCX(r *content.Registration) string {
	return u.Registration(r) + r.Slug + ".docx"
}

// ResultDOCX is a registration's results report as a Word file.
func (u URLs) ResultDOCX(r *content.Registration) string {
	return u.Registration(r) + r.Slug + "-ket-qua.docx"
}

// registrationFiles are a registration's page and the files written
// beside it: what goes when it goes.
func (u URLs) registrationFiles(r *content.Registration) []string {
	files := []string{u.Registration(r), u.RegistrationDOCX(r)}
	if r.Result != nil {
		files = append(files, u.ResultDOCX(r))
	}
	return files
}

// DecisionDOCX is a decision as a Word file.
func (u URLs) DecisionDOCX(d *content.Decision) string {
	return u.Decision(d) + d.Slug + ".docx"
}

// CampaignReportDOCX is a call's summary report as a Word file.
func (u URLs) CampaignReportDOCX(c *content.Campaign) string {
	return u.CampaignReport(c) + "bao-cao-" + strconv.Itoa(c.Year) + ".docx"
}

// LevelReportDOCX is a level's report as a Word file.
func (u URLs) LevelReportDOCX(o *content.Organisation, c *content.Campaign) string {
	return u.LevelReport(o, c) + "bao-cao-" + o.ID + "-" + strconv.Itoa(c.Year) + ".docx"
}

// ReportDOCX is the Word file of the summary s: the call's, or a level's.
func (u URLs) ReportDOCX(s *report.Summary) string {
	if s.Level != nil && s.Level != s.Campaign.Issuer {
		return u.LevelReportDOCX(s.Level, s.Campaign)
	}
	return u.CampaignReportDOCX(s.Campaign)
}

// docxJob writes doc's Word file at url, chosen with the page at pageURL.
func docxJob(pageURL, url string, doc func() *export.Word) job {
	return job{"", pageURL, func() page {
		return page{URL: url, Data: file{func(w io.Writer) error { return export.DOCX(w, doc()) }}}
	}}
}

// registrationDOCXJobs are the Word files of r: its document, and its
// results report once it has one.
func registrationDOCXJobs(b *viewBuilder, r *content.Registration) []job {
	u := b.urls
	jobs := []job{docxJob(u.Registration(r), u.RegistrationDOCX(r), func() *export.Word {
		return registrationWord(b.print(r))
	})}
	if r.Result != nil {
		jobs = append(jobs, docxJob(u.Registration(r), u.ResultDOCX(r), func() *export.Word {
			return resultWord(resultPrintOf(r), r)
		}))
	}
	return jobs
}

// decisionDOCXJob is the Word file of d.
func decisionDOCXJob(b *viewBuilder, d *content.Decision) job {
	return docxJob(b.urls.Decision(d), b.urls.DecisionDOCX(d), func() *export.Word {
		return decisionWord(b.decision(d))
	})
}

// reportDOCXJobs are the Word files of the summary reports among jobs:
// each made from its page's own view, the summary computed once for both.
func reportDOCXJobs(jobs []job, u URLs) []job {
	var out []job
	for _, j := range jobs {
		if j.template != "report" {
			continue
		}
		makePage := j.makePage
		// The file's URL is known from the summary, which the page's view
		// holds; the job's own is the page's.
		out = append(out, job{"", j.url, func() page {
			v := makePage().Data.(reportView)
			return page{URL: u.ReportDOCX(v.S), Data: file{func(w io.Writer) error { return export.DOCX(w, ReportWord(v)) }}}
		}})
	}
	return out
}

// The layout of the documents, as Hướng dẫn 36-HD/VPTW and the print
// views have it.
const (
	marginTop, marginBottom, marginLeft, marginRight = 20, 20, 30, 15 // mm
	bodySize                                         = 14             // pt
	tableSize                                        = 13
	copiesSize                                       = 12
	indent                                           = 12.7 // mm: a paragraph's first line
)

func newWord(title, subject, creator string, date content.Date, landscape bool) *export.Word {
	d := &export.Word{
		Title: title, Subject: subject, Creator: creator, Size: bodySize,
		Page: export.Page{Landscape: landscape, Top: marginTop, Bottom: marginBottom, Left: marginLeft, Right: marginRight, Numbers: true},
	}
	if !date.IsZero() {
		t := date.Time()
		d.Date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return d
}

// heading is the heading of a Party document as a borderless table: on
// the left the superior body, the issuing body in bold, the star, the
// number and, for a letter, its subject; on the right the Party's name,
// bold and underlined, and the place and date in italics.
type heading struct {
	Superior, Issuer, Number, Subject, PlaceDate string
}

func (h heading) table(width float64) export.WordTable {
	left := width * 0.5
	var l []export.Block
	if h.Superior != "" {
		l = append(l, centred(export.Run{Text: h.Superior}))
	}
	l = append(l, centred(export.Run{Text: h.Issuer, Bold: true}), centred(export.Run{Text: "*"}))
	if h.Number != "" {
		l = append(l, centred(export.Run{Text: h.Number}))
	}
	if h.Subject != "" {
		p := centred(export.Run{Text: h.Subject, Italic: true, Size: copiesSize})
		p.Before = 3
		l = append(l, p)
	}
	r := []export.Block{centred(export.Run{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Bold: true, Underline: true, Size: 15})}
	pd := centred(export.Run{Text: h.PlaceDate, Italic: true})
	pd.Before = 14
	r = append(r, pd)
	return export.WordTable{
		Widths: []float64{left, width - left},
		Rows:   []export.WordRow{{Cells: []export.WordCell{{Blocks: l}, {Blocks: r}}}},
	}
}

func centred(runs ...export.Run) export.Paragraph {
	return export.Paragraph{Runs: runs, Align: export.Center}
}

// bodyText is a paragraph of the body: justified, its first line indented.
func bodyText(runs ...export.Run) export.Paragraph {
	return export.Paragraph{Runs: runs, Align: export.Justify, FirstLine: indent, After: 6}
}

// item is a numbered item of a form: its label in bold, then its text.
func item(label, text string) export.Paragraph {
	return bodyText(export.Run{Text: label, Bold: true}, export.Run{Text: " " + text})
}

// title is the kind of document, bold and centred, its subject under it
// and the short rule below.
func title(kind, subject string) []export.Block {
	t := centred(export.Run{Text: kind, Bold: true, Size: 15})
	t.Before, t.KeepNext = 14, true
	s := centred(export.Run{Text: subject, Bold: true})
	s.KeepNext = true
	return []export.Block{t, s, centred(export.Run{Text: "-----"})}
}

// recipients is Kính gửi: one recipient on its line, several one a line
// beside the label.
func recipients(lines []string, width float64) []export.Block {
	switch len(lines) {
	case 0:
		return nil
	case 1:
		p := centred(export.Run{Text: "Kính gửi: "}, export.Run{Text: lines[0]})
		p.Before, p.After = 12, 12
		return []export.Block{p}
	}
	var list []export.Block
	for _, l := range lines {
		list = append(list, export.Text(l))
	}
	label := export.Paragraph{Runs: []export.Run{{Text: "Kính gửi:"}}, Align: export.Right}
	return []export.Block{
		spacer(6),
		export.WordTable{
			Widths: []float64{width * 0.25, width * 0.65},
			Rows:   []export.WordRow{{Cells: []export.WordCell{{Blocks: []export.Block{label}}, {Blocks: list}}}},
		},
		spacer(6),
	}
}

// spacer is an empty paragraph pt points high.
func spacer(pt float64) export.Paragraph {
	return export.Paragraph{Runs: []export.Run{{Text: "", Size: pt}}}
}

// footer is Nơi nhận on the left and the signature block on the right, a
// borderless table of two halves.
func footer(copies []string, onBehalf, role, signer string, width float64) []export.Block {
	label := export.Paragraph{Runs: []export.Run{{Text: "Nơi nhận:", Bold: true, Underline: true}}}
	left := []export.Block{label}
	for _, c := range copies {
		left = append(left, export.Paragraph{Runs: []export.Run{{Text: "- " + c, Size: copiesSize}}})
	}
	var right []export.Block
	if onBehalf != "" {
		right = append(right, centred(export.Run{Text: onBehalf, Bold: true}))
	}
	if role != "" {
		right = append(right, centred(export.Run{Text: role, Bold: true}))
	}
	for range 4 {
		right = append(right, export.Paragraph{})
	}
	right = append(right, centred(export.Run{Text: signer, Bold: true}))
	return []export.Block{
		spacer(10),
		export.WordTable{
			Widths: []float64{width / 2, width / 2},
			Rows:   []export.WordRow{{Cells: []export.WordCell{{Blocks: left}, {Blocks: right}}}},
		},
	}
}

// registrationWord is a registration's document: the print view, printView.
func registrationWord(v printView) *export.Word {
	r := v.R
	doc := newWord(r.Title, v.Subject, v.Issuer, r.Date, false)
	w := doc.Page.Width()
	doc.Body = append(doc.Body, heading{v.Superior, v.Issuer, v.Number, v.Subject, v.PlaceDate}.table(w))
	doc.Body = append(doc.Body, recipients(v.Recipients, w)...)
	doc.Body = append(doc.Body,
		bodyText(export.Run{Text: v.Intro}),
		item("1. Tên mô hình:", r.Title),
		item("2. Lĩnh vực:", r.Field.Title),
		item("3. Tính mới của mô hình:", r.Novelty),
		item("4. Dự kiến kết quả đạt được sau khi triển khai thực hiện:", r.ExpectedResults),
	)
	doc.Body = append(doc.Body, footer(v.Copies, v.OnBehalf, v.SignerRole, v.Signer, w)...)
	return doc
}

// resultWord is r's results report: the print view, resultPrint.
func resultWord(v *resultPrint, r *content.Registration) *export.Word {
	doc := newWord(v.Subject, v.Type, v.Issuer, r.Result.Date, false)
	w := doc.Page.Width()
	doc.Body = append(doc.Body, heading{v.Superior, v.Issuer, v.Number, "", v.PlaceDate}.table(w))
	doc.Body = append(doc.Body, title(v.Type, v.Subject)...)
	doc.Body = append(doc.Body, recipients(v.Recipients, w)...)
	doc.Body = append(doc.Body, bodyText(export.Run{Text: v.Intro}), item("1. Kết quả đạt được:", v.Achieved))
	if v.Lessons != "" {
		doc.Body = append(doc.Body, item("2. Bài học kinh nghiệm:", v.Lessons))
	}
	doc.Body = append(doc.Body, htmlBlocks(v.Body, w)...)
	doc.Body = append(doc.Body, footer(v.Copies, v.OnBehalf, v.SignerRole, v.Signer, w)...)
	return doc
}

// decisionWord is a decision: its print view, decisionPrint, with an
// appraisal's sheet or a recognition's articles as decision.html lays
// them out.
func decisionWord(v decisionView) *export.Word {
	p, d := v.Print, v.D
	doc := newWord(d.Title, p.Type, p.Issuer, d.Date, false)
	w := doc.Page.Width()
	doc.Body = append(doc.Body, heading{p.Superior, p.Issuer, p.Number, "", p.PlaceDate}.table(w))
	doc.Body = append(doc.Body, title(p.Type, p.Subject)...)
	switch {
	case v.Appraisal != nil:
		a := v.Appraisal
		doc.Body = append(doc.Body, htmlBlocks(p.Body, w)...)
		doc.Body = append(doc.Body, appraisalTable(a, w))
		if a.PassScore != 0 {
			doc.Body = append(doc.Body, bodyText(export.Run{Text: "Điểm đạt: " + itoa(a.PassScore) + "/" + itoa(a.Max) + " điểm; " + itoa(a.Passed) + " mô hình đạt."}))
		}
	case v.Recognition != nil:
		rp := v.Recognition
		for _, b := range rp.Bases {
			doc.Body = append(doc.Body, export.Paragraph{Runs: []export.Run{{Text: b, Italic: true}}, Align: export.Justify, FirstLine: indent})
		}
		for _, s := range []string{rp.Body, "QUYẾT ĐỊNH"} {
			c := centred(export.Run{Text: s, Bold: true})
			c.Before, c.After, c.KeepNext = 10, 3, true
			doc.Body = append(doc.Body, c)
		}
		doc.Body = append(doc.Body, htmlBlocks(p.Body, w)...)
		doc.Body = append(doc.Body, article("Điều 1.", rp.Article1))
		if len(rp.Recognised.Rows) > 0 {
			doc.Body = append(doc.Body, decisionTable(rp.Recognised, w))
		}
		if rp.Article2 != "" {
			doc.Body = append(doc.Body, article("Điều 2.", rp.Article2), decisionTable(rp.Rejected, w), article("Điều 3.", rp.Article3))
		} else {
			doc.Body = append(doc.Body, article("Điều 2.", rp.Article3))
		}
	default:
		doc.Body = append(doc.Body, htmlBlocks(p.Body, w)...)
		for i, l := range v.Lists {
			n := "I. "
			if i > 0 {
				n = "II. "
			}
			h := export.Paragraph{Runs: []export.Run{{Text: n + l.Heading + " (" + itoa(len(l.Rows)) + " mô hình)", Bold: true}}, Before: 6, After: 3, KeepNext: true}
			doc.Body = append(doc.Body, h, decisionTable(l, w))
		}
	}
	doc.Body = append(doc.Body, footer(p.Copies, p.OnBehalf, p.SignerRole, p.Signer, w)...)
	return doc
}

func article(label, text string) export.Paragraph {
	p := item(label, text)
	p.Before, p.After = 5, 5
	return p
}

// cell is a table's cell of one paragraph of runs.
func cell(align export.Align, runs ...export.Run) export.WordCell {
	return export.WordCell{Blocks: []export.Block{export.Paragraph{Runs: runs, Align: align}}}
}

func textCell(s string) export.WordCell { return cell(export.Left, export.Run{Text: s}) }
func numCell(n int) export.WordCell     { return cell(export.Center, export.Run{Text: itoa(n)}) }

// headerRow is a table's header: bold, centred, repeated on every page.
func headerRow(heads ...string) export.WordRow {
	row := export.WordRow{Header: true}
	for _, h := range heads {
		row.Cells = append(row.Cells, cell(export.Center, export.Run{Text: h, Bold: true}))
	}
	return row
}

// decisionTable is a decision's list of models, as decision-print-table.
func decisionTable(l decisionList, width float64) export.WordTable {
	n := 14.0
	heads := []string{"STT", "Tên mô hình", "Tổ chức, đảng viên đăng ký", "Lĩnh vực"}
	widths := []float64{n, width * .40, 0, width * .18}
	if l.ReasonHead != "" {
		heads = append(heads, l.ReasonHead)
		widths = []float64{n, width * .28, 0, width * .13, width * .25}
	}
	widths[2] = width - sum(widths)
	t := export.WordTable{Widths: widths, Borders: true, Size: tableSize, Rows: []export.WordRow{headerRow(heads...)}}
	for _, r := range l.Rows {
		row := export.WordRow{Cells: []export.WordCell{numCell(r.N), textCell(r.Title), textCell(r.Registrant), textCell(r.Field)}}
		if r.Reason != "" {
			row.Cells = append(row.Cells, textCell(r.Reason))
		} else if l.ReasonHead != "" {
			row.Cells = append(row.Cells, textCell(""))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// appraisalTable is an appraisal's sheet, as appraisal-print.
func appraisalTable(a *appraisalView, width float64) export.WordTable {
	heads := []string{"STT", "Tên mô hình", "Tổ chức, đảng viên"}
	fixed := []float64{14, width * .22, width * .15}
	for _, c := range a.Criteria {
		heads = append(heads, c.Title+" (tối đa "+itoa(c.Max)+")")
	}
	heads = append(heads, "Tổng điểm (tối đa "+itoa(a.Max)+")", "Ghi chú")
	note := width * .18
	each := (width - sum(fixed) - note) / float64(len(a.Criteria)+1)
	widths := fixed
	for range len(a.Criteria) + 1 {
		widths = append(widths, each)
	}
	widths = append(widths, note)
	t := export.WordTable{Widths: widths, Borders: true, Size: tableSize, Rows: []export.WordRow{headerRow(heads...)}}
	for _, r := range a.Rows {
		row := export.WordRow{Cells: []export.WordCell{numCell(r.N), textCell(r.Title), textCell(r.Registrant)}}
		for _, p := range r.Points {
			row.Cells = append(row.Cells, numCell(p))
		}
		row.Cells = append(row.Cells, cell(export.Center, export.Run{Text: itoa(r.Total), Bold: true}), textCell(r.Note))
		t.Rows = append(t.Rows, row)
	}
	return t
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// ReportWord is a summary report — a call's or a level's — as a Word
// document on A4 landscape, laid out from the view its page prints
// (report.html). mohinh report --format docx writes it with
// WriteReportDOCX.
func ReportWord(v reportView) *export.Word {
	s := v.S
	c := s.Campaign
	creator := v.Issuer
	doc := newWord("Báo cáo "+lowerFirst(v.Subject), c.Title, creator, c.Deadline, true)
	w := doc.Page.Width()
	doc.Body = append(doc.Body, heading{v.Superior, v.Issuer, v.Number, "", v.PlaceDate}.table(w))
	t := title("BÁO CÁO", v.Subject)
	doc.Body = append(doc.Body, t[:2]...) // report.html has no rule under the title
	doc.Body = append(doc.Body, recipients(v.Recipients, w)...)
	r := func(s string) export.Run { return export.Run{Text: s} }
	section := func(s string) export.Paragraph {
		return export.Paragraph{Runs: []export.Run{{Text: s, Bold: true}}, Before: 8, After: 4, KeepNext: true}
	}
	doc.Body = append(doc.Body, spacer(6), bodyText(r(v.Intro)), section("I. TÌNH HÌNH ĐĂNG KÝ"))
	for _, sn := range v.Situation {
		var runs []export.Run
		for _, sp := range sn {
			runs = append(runs, export.Run{Text: sp.Text, Bold: sp.Strong})
		}
		doc.Body = append(doc.Body, bodyText(runs...))
	}
	if len(s.Approvals) > 0 {
		doc.Body = append(doc.Body, bodyText(r("- Kết quả xét duyệt của cơ sở đối với mô hình của chi bộ trực thuộc và đảng viên:")))
		rest := (w - w*.4) / 4
		t := export.WordTable{
			Widths: []float64{w * .4, rest, rest, rest, rest}, Borders: true, Size: tableSize,
			Rows: []export.WordRow{headerRow("Tổ chức cơ sở đảng", "Số mô hình", "Đã thông qua", "Không thông qua", "Chưa xét duyệt")},
		}
		for _, a := range s.Approvals {
			t.Rows = append(t.Rows, export.WordRow{Cells: []export.WordCell{textCell(a.Organisation.Title), numCell(a.Total()), numCell(a.Approved), numCell(a.Rejected), numCell(a.Undecided)}})
		}
		doc.Body = append(doc.Body, t)
	}
	doc.Body = append(doc.Body, section("II. DANH SÁCH MÔ HÌNH ĐĂNG KÝ"))
	if len(s.Rows) > 0 {
		doc.Body = append(doc.Body, registrationsTable(s, w))
	} else {
		doc.Body = append(doc.Body, bodyText(r("Chưa có mô hình nào được đăng ký.")))
	}
	doc.Body = append(doc.Body, section("III. SỐ MÔ HÌNH THEO LĨNH VỰC, LOẠI TỔ CHỨC, HÌNH THỨC VÀ TRẠNG THÁI"), countsTable(v.Counts, w))
	doc.Body = append(doc.Body, footer(v.Copies, v.OnBehalf, v.SignerRole, v.Signer, w)...)
	return doc
}

// WriteReportDOCX writes s, a call's summary or a level's (report.New,
// report.ForLevel), as its Word document: what mohinh report --format
// docx writes.
func WriteReportDOCX(w io.Writer, s *report.Summary, u URLs) error {
	v := newReportView(s, u)
	if s.Level != nil && s.Level != s.Campaign.Issuer {
		v = newLevelReportView(s, u)
	}
	return export.DOCX(w, ReportWord(v))
}

// registrationsTable is the list of the report, as report.html's: the
// organisation's cell spans its rows.
func registrationsTable(s *report.Summary, w float64) export.WordTable {
	// The columns' shares of the width, as the print view's colgroup.
	shares := []float64{5.5, 11, 14, 8.5, 16, 16, 10, 7, 12}
	total := sum(shares)
	widths := make([]float64, len(shares))
	for i, sh := range shares {
		widths[i] = w * sh / total
	}
	t := export.WordTable{Widths: widths, Borders: true, Size: tableSize, Rows: []export.WordRow{headerRow(
		"STT", "Tổ chức đăng ký", "Tên mô hình", "Lĩnh vực", "Tính mới (tóm tắt)", "Dự kiến kết quả (tóm tắt)", "Ngày đăng ký", "Thời hạn", "Trạng thái")}}
	for _, g := range s.Groups {
		for i, row := range g.Rows {
			org := cell(export.Left, export.Run{Text: g.Organisation.Title, Bold: true})
			org.Merge = export.MergeStart
			if i > 0 {
				org = export.WordCell{Merge: export.MergeOn}
			} else if len(g.Rows) == 1 {
				org.Merge = export.MergeNone
			}
			title := []export.Run{{Text: row.R.Title}}
			if row.R.Individual() {
				title = append(title, export.Run{Text: "\nCá nhân: " + row.R.Member, Italic: true})
			}
			timely := row.R.Timeliness().Label()
			if n := row.R.DaysLate(); n != 0 {
				timely += " " + itoa(n) + " ngày"
			}
			status := []export.Run{{Text: row.R.Status.Label()}}
			if row.DecidedBy != "" {
				status = append(status, export.Run{Text: "\n" + row.DecidedBy, Italic: true})
			}
			t.Rows = append(t.Rows, export.WordRow{Cells: []export.WordCell{
				numCell(row.N), org, cell(export.Left, title...), textCell(row.R.Field.Title),
				textCell(row.Novelty), textCell(row.ExpectedResults),
				cell(export.Center, export.Run{Text: row.R.Date.Short()}), cell(export.Center, export.Run{Text: timely}),
				cell(export.Left, status...),
			}})
		}
	}
	return t
}

// countsTable is the four tables of counts side by side, as the print
// view sets them, in a borderless table.
func countsTable(counts []tallyTable, w float64) export.WordTable {
	gap := 5.0
	each := (w - gap*float64(len(counts)-1)) / float64(len(counts))
	var widths []float64
	var cells []export.WordCell
	for i, c := range counts {
		if i > 0 {
			widths = append(widths, gap)
			cells = append(cells, export.WordCell{})
		}
		widths = append(widths, each)
		caption := export.Paragraph{Runs: []export.Run{{Text: c.Caption, Bold: true, Italic: true}}, After: 2}
		t := export.WordTable{Widths: []float64{each - 25, 25}, Borders: true, Rows: []export.WordRow{headerRow(c.Label, "Số mô hình")}}
		for _, r := range c.Rows {
			t.Rows = append(t.Rows, export.WordRow{Cells: []export.WordCell{textCell(r.Label), numCell(r.N)}})
		}
		t.Rows = append(t.Rows, export.WordRow{Cells: []export.WordCell{
			cell(export.Left, export.Run{Text: c.Total.Label, Bold: true}), cell(export.Center, export.Run{Text: itoa(c.Total.N), Bold: true}),
		}})
		cells = append(cells, export.WordCell{Blocks: []export.Block{caption, t}})
	}
	return export.WordTable{Widths: widths, Size: tableSize, Rows: []export.WordRow{{Cells: cells}}}
}

// htmlBlocks are the paragraphs of a body the print view shows as HTML
// (renderMarkdown's, safe): its paragraphs justified, its headings bold,
// its lists a line an item, its tables with borders. Only the text is
// taken; links keep their words.
func htmlBlocks(body template.HTML, width float64) []export.Block {
	if body == "" {
		return nil
	}
	nodes, err := html.ParseFragment(strings.NewReader(string(body)), &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"})
	if err != nil {
		return []export.Block{bodyText(export.Run{Text: string(body)})}
	}
	var out []export.Block
	for _, n := range nodes {
		out = append(out, blocksOf(n, width, 0)...)
	}
	return out
}

// blocksOf converts a node of the body's HTML, depth lists deep.
func blocksOf(n *html.Node, width float64, depth int) []export.Block {
	if n.Type == html.TextNode {
		if strings.TrimSpace(n.Data) == "" {
			return nil
		}
		return []export.Block{bodyText(export.Run{Text: n.Data})}
	}
	if n.Type != html.ElementNode {
		return nil
	}
	switch n.DataAtom {
	case atom.P:
		return []export.Block{bodyText(runsOf(n, export.Run{})...)}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		p := export.Paragraph{Runs: runsOf(n, export.Run{Bold: true}), Before: 6, After: 3, KeepNext: true}
		return []export.Block{p}
	case atom.Ul, atom.Ol:
		var out []export.Block
		k := 0
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.DataAtom != atom.Li {
				continue
			}
			k++
			mark := "- "
			if n.DataAtom == atom.Ol {
				mark = itoa(k) + ". "
			}
			out = append(out, listItem(li, mark, width, depth)...)
		}
		return out
	case atom.Pre:
		var out []export.Block
		for _, line := range strings.Split(strings.TrimRight(textOf(n), "\n"), "\n") {
			out = append(out, export.Paragraph{Runs: []export.Run{{Text: line}}, Indent: indent})
		}
		return out
	case atom.Blockquote:
		var out []export.Block
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			for _, b := range blocksOf(c, width, depth) {
				if p, ok := b.(export.Paragraph); ok {
					p.Indent += indent
					for i := range p.Runs {
						p.Runs[i].Italic = true
					}
					b = p
				}
				out = append(out, b)
			}
		}
		return out
	case atom.Table:
		if t := tableOf(n, width); len(t.Rows) > 0 {
			return []export.Block{t}
		}
		return nil
	case atom.Hr:
		return nil
	}
	var out []export.Block
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, blocksOf(c, width, depth)...)
	}
	return out
}

// listItem is an item of a list: its first paragraph marked, the rest and
// the lists within indented.
func listItem(li *html.Node, mark string, width float64, depth int) []export.Block {
	ind := indent * float64(depth+1)
	var out []export.Block
	var inline []export.Run
	flush := func() {
		if len(inline) > 0 {
			out = append(out, export.Paragraph{Runs: inline, Align: export.Justify, Indent: ind, After: 3})
			inline = nil
		}
	}
	for c := li.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.DataAtom == atom.Ul || c.DataAtom == atom.Ol:
			flush()
			out = append(out, blocksOf(c, width, depth+1)...)
		case c.DataAtom == atom.P:
			flush()
			out = append(out, export.Paragraph{Runs: runsOf(c, export.Run{}), Align: export.Justify, Indent: ind, After: 3})
		default:
			inline = append(inline, runsOf(&html.Node{Type: html.ElementNode, FirstChild: c, LastChild: c}, export.Run{})...)
		}
	}
	flush()
	if len(out) > 0 {
		if p, ok := out[0].(export.Paragraph); ok {
			p.Runs = append([]export.Run{{Text: mark}}, p.Runs...)
			out[0] = p
		}
	}
	return out
}

// runsOf are the runs of an element's text, in the format of f and of the
// elements around each piece.
func runsOf(n *html.Node, f export.Run) []export.Run {
	var runs []export.Run
	var walk func(n *html.Node, f export.Run)
	walk = func(n *html.Node, f export.Run) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				r := f
				r.Text = c.Data
				if k := len(runs); k > 0 && sameFormat(runs[k-1], r) {
					runs[k-1].Text += r.Text
				} else {
					runs = append(runs, r)
				}
			case html.ElementNode:
				g := f
				switch c.DataAtom {
				case atom.Strong, atom.B, atom.Th:
					g.Bold = true
				case atom.Em, atom.I:
					g.Italic = true
				case atom.Br:
					runs = append(runs, export.Run{Text: "\n"})
					continue
				}
				walk(c, g)
			}
		}
		_ = n
	}
	walk(n, f)
	// A soft line break of the Markdown is a space in print.
	for i := range runs {
		if runs[i].Text != "\n" {
			runs[i].Text = strings.ReplaceAll(runs[i].Text, "\n", " ")
		}
	}
	return runs
}

func sameFormat(a, b export.Run) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Underline == b.Underline && a.Size == b.Size && a.Text != "\n"
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// tableOf is a table of the body, its columns of equal width.
func tableOf(n *html.Node, width float64) export.WordTable {
	var rows []export.WordRow
	cols := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, head bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Thead:
				walk(c, true)
			case atom.Tbody, atom.Tfoot:
				walk(c, false)
			case atom.Tr:
				row := export.WordRow{Header: head}
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						align := export.Left
						for _, a := range td.Attr {
							if a.Key == "style" && strings.Contains(a.Val, "center") {
								align = export.Center
							}
						}
						row.Cells = append(row.Cells, cell(align, runsOf(td, export.Run{Bold: td.DataAtom == atom.Th})...))
					}
				}
				cols = max(cols, len(row.Cells))
				rows = append(rows, row)
			}
		}
	}
	walk(n, false)
	if cols == 0 {
		return export.WordTable{}
	}
	widths := make([]float64, cols)
	for i := range widths {
		widths[i] = width / float64(cols)
	}
	for i := range rows {
		for len(rows[i].Cells) < cols {
			rows[i].Cells = append(rows[i].Cells, export.WordCell{})
		}
	}
	return export.WordTable{Widths: widths, Borders: true, Size: tableSize, Rows: rows}
}
