package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/export"
	"github.com/mohinh/mohinh/internal/render"
	"github.com/mohinh/mohinh/internal/report"
)

func runReport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("report", stderr)
	siteDir := siteFlag(fl)
	year := fl.String("campaign", "", "`NĂM` của đợt đăng ký, ví dụ 2024 (mặc định: đợt mới nhất)")
	orgID := fl.String("organisation", "", "`MÃ` của tổ chức tổng hợp báo cáo cấp trên (đảng ủy, chi bộ có tổ chức trực thuộc hoặc đảng viên đăng ký); mặc định: báo cáo của cấp ủy ban hành đợt đăng ký")
	format := fl.String("format", "md", "xlsx (bảng tính Excel), docx (văn bản Word), csv, json hoặc md (Markdown)")
	table := fl.String("table", "registrations", "chỉ với --format csv: registrations (danh sách đăng ký), compliance (tình hình đăng ký)\nhoặc evaluation (đánh giá cuối năm)")
	out := fl.String("o", "", "ghi vào tệp này (mặc định: in ra màn hình; với xlsx và docx phải có -o hoặc chuyển hướng vào tệp)")
	baseURL := baseURLFlag(fl, "địa chỉ nơi đăng cổng thông tin, cho các đường dẫn trong báo cáo, ví dụ https://example.org/mohinh/")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh report [--site THƯ-MỤC] [--campaign NĂM] [--organisation MÃ]
                     [--format xlsx|docx|csv|json|md] [--table registrations|compliance|evaluation] [-o TỆP]
                     [--base-url ĐỊA-CHỈ]

Báo cáo một đợt đăng ký cho Ban Tổ chức, giống các tệp cổng thông tin cho tải về;
với --organisation, báo cáo mà tổ chức đó tổng hợp gửi cấp trên:
  xlsx  bảng tính gồm các trang Danh sách đăng ký, Theo tổ chức, Theo lĩnh vực,
        Tình hình đăng ký, Đánh giá cuối năm;
  docx  báo cáo tổng hợp dạng văn bản Word, như bản in, để sửa, ghi số và trình ký;
  csv   một bảng (--table), UTF-8 có BOM để Excel hiển thị đúng tiếng Việt;
  json  dữ liệu theo mô tả trong docs/json.md;
  md    báo cáo tổng hợp dạng Markdown, để dán vào văn bản.
Không có -o thì in ra màn hình; tệp xlsx và docx không in ra màn hình được: hãy dùng -o
(hoặc chuyển hướng vào tệp, ví dụ > bao-cao.xlsx).
Mã thoát: 0 đã lập báo cáo; 1 nội dung của trang có lỗi; 2 dùng sai lệnh (đợt đăng ký,
định dạng hoặc bảng không có, thư mục của trang không có).

Tùy chọn:
`)
		printFlags(fl, "site", "campaign", "organisation", "format", "table", "o", "base-url")
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	if !slices.Contains([]string{"xlsx", "docx", "csv", "json", "md"}, *format) {
		fmt.Fprintf(stderr, "mohinh report: không có định dạng %q: hãy dùng xlsx, docx, csv, json hoặc md\n", *format)
		return exitUsage
	}
	if !slices.Contains([]string{"registrations", "compliance", "evaluation"}, *table) {
		fmt.Fprintf(stderr, "mohinh report: không có bảng %q: hãy dùng registrations, compliance hoặc evaluation\n", *table)
		return exitUsage
	}
	if flagSet(fl, "table") && *format != "csv" {
		fmt.Fprintf(stderr, "mohinh report: --table chỉ dùng với --format csv; định dạng %s đã có sẵn cả danh sách đăng ký lẫn tình hình đăng ký\n", *format)
		return exitUsage
	}
	if f, ok := stdout.(*os.File); ok && binaryFormats[*format] != "" && *out == "" && isTerminal(f) {
		fmt.Fprintf(stderr, "mohinh report: không in %s ra màn hình vì đó là tệp nhị phân, chỉ hiện ra ký tự lạ: hãy ghi vào tệp bằng -o, ví dụ\n", binaryFormats[*format])
		fmt.Fprintf(stderr, "  mohinh report --format %s -o bao-cao.%s\n", *format, *format)
		return exitUsage
	}
	urls, err := flagURLs(fl, *baseURL)
	if err != nil {
		fmt.Fprintf(stderr, "mohinh report: --base-url không hợp lệ: %s\n", baseURLProblem(*baseURL))
		return exitUsage
	}

	if !requireSite("report", *siteDir, stderr) {
		return exitUsage
	}

	// Only errors: warnings (a late registration) are part of the report.
	site, diags := content.LoadWith(os.DirFS(*siteDir), content.Options{Today: todayForTests()})
	if diags.HasErrors() {
		errs := slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return d.Severity != diag.Error })
		printDiagnostics(stderr, errs)
		fmt.Fprintf(stderr, "mohinh report: %d lỗi trong nội dung; chưa lập báo cáo.\n", len(errs))
		return exitContent
	}
	urls, _ = urls.Or(site.Settings.BaseURL) // checked by the loader
	links := render.ExportLinks(urls)
	c, msg := pickCampaign(site, *year)
	if c == nil {
		fmt.Fprintf(stderr, "mohinh report: %s\n", msg)
		return exitUsage
	}

	sum, msg := pickSummary(site, c, *orgID)
	if sum == nil {
		fmt.Fprintf(stderr, "mohinh report: %s\n", msg)
		return exitUsage
	}
	var buf bytes.Buffer
	switch *format {
	case "xlsx":
		err = export.XLSX(&buf, sum, links)
	case "docx":
		err = render.WriteReportDOCX(&buf, sum, urls)
	case "csv":
		t := export.RegistrationsTable(sum, links)
		switch *table {
		case "compliance":
			t = export.ComplianceTable(sum)
		case "evaluation":
			t = export.EvaluationTable(sum)
		}
		err = export.CSV(&buf, t)
	case "json":
		err = export.JSON(&buf, site, []*report.Summary{sum}, links)
	case "md":
		err = export.Markdown(&buf, sum, links)
	}
	if err != nil {
		fmt.Fprintf(stderr, "mohinh report: %v\n", err)
		return exitContent
	}
	if *out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "mohinh report: %v\n", err)
			return exitContent
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "mohinh report: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Đã ghi %s: báo cáo đợt đăng ký năm %d của %s, %d bản đăng ký.\n", *out, c.Year, levelName(sum), len(sum.Rows))
	return exitOK
}

// binaryFormats are the formats that are not text, by what they are
// called in a sentence: not to be printed to a terminal.
var binaryFormats = map[string]string{"xlsx": "bảng tính xlsx", "docx": "văn bản Word docx"}

// pickSummary returns the report of call c that organisation id compiles
// for the level above, or the call's own when id is empty or names its
// issuer; otherwise nil and what is wrong.
func pickSummary(site *content.Site, c *content.Campaign, id string) (*report.Summary, string) {
	if id == "" || c.Issuer != nil && id == c.Issuer.ID {
		return report.New(site, c), ""
	}
	o, ok := site.OrganisationByID[id]
	if !ok {
		ids := make([]string, len(site.Organisations))
		for i, o := range site.Organisations {
			ids[i] = o.ID
		}
		hint := ""
		if best := content.Closest(id, ids); best != "" {
			hint = ` — có phải "` + best + `"?`
		}
		return nil, fmt.Sprintf("không có tổ chức %q%s", id, hint)
	}
	for _, l := range report.Levels(c) {
		if l.Organisation == o {
			return report.ForLevel(site, c, l), ""
		}
	}
	return nil, fmt.Sprintf("%s không xét duyệt mô hình nào của đợt đăng ký năm %d, nên không có báo cáo tổng hợp: chỉ tổ chức có chi bộ trực thuộc hoặc đảng viên đăng ký mới tổng hợp báo cáo cấp trên", o.Title, c.Year)
}

// levelName names who compiled sum.
func levelName(sum *report.Summary) string {
	if sum.Level == nil {
		return "cấp ủy ban hành"
	}
	return sum.Level.Title
}

// pickCampaign returns the call of year, or the newest when year is
// empty; otherwise nil and what is wrong.
func pickCampaign(site *content.Site, year string) (*content.Campaign, string) {
	if len(site.Campaigns) == 0 {
		return nil, "chưa có đợt đăng ký nào: hãy tạo content/campaigns/<năm>.md"
	}
	if year == "" {
		return site.Campaigns[0], ""
	}
	var years []string
	for _, c := range site.Campaigns {
		years = append(years, strconv.Itoa(c.Year))
	}
	if y, err := strconv.Atoi(year); err == nil {
		if c := site.CampaignByYear[y]; c != nil {
			return c, ""
		}
	}
	return nil, fmt.Sprintf("không có đợt đăng ký năm %q: các đợt hiện có là %s", year, strings.Join(years, ", "))
}
