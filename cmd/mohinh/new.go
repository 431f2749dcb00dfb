package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/fileerr"
	"github.com/mohinh/mohinh/internal/newreg"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	return newRegistration(args, os.Stdin, isTerminal(os.Stdin), stdout, stderr)
}

// newRegistration is mohinh new with its input made explicit: answers are
// read from stdin, and asked for only when terminal is true.
func newRegistration(args []string, stdin io.Reader, terminal bool, stdout, stderr io.Writer) int {
	fl := newFlagSet("new", stderr)
	siteDir := siteFlag(fl)
	campaign := fl.String("campaign", "", "đợt đăng ký, ghi bằng `NĂM`, ví dụ 2024; mặc định: đợt mới nhất")
	org := fl.String("org", "", "tổ chức đăng ký, ghi bằng `MÃ`: tên tệp của tổ chức trong content/organisations/\nbỏ đuôi .md, ví dụ xa-ka-do; bản đăng ký cá nhân: chi bộ nơi đảng viên sinh hoạt")
	field := fl.String("field", "", "lĩnh vực, ghi bằng `MÃ`: tên tệp trong content/fields/ bỏ đuôi .md, ví dụ kinh-te")
	title := fl.String("title", "", "`TÊN` mô hình, đặt trong ngoặc kép; tên tệp được viết từ tên này:\nchữ thường, không dấu, các từ nối bằng gạch ngang")
	member := fl.String("member", "", "`HỌ-TÊN` đảng viên, đặt trong ngoặc kép; chỉ ghi với bản đăng ký cá nhân")
	results := fl.String("results", "", "tạo báo cáo kết quả thực hiện của mô hình đã được thông qua, ghi bằng\n`NĂM/MÃ-TỔ-CHỨC/TÊN-TỆP` của bản đăng ký, ví dụ 2024/xa-ka-do/so-tay-dang-vien-dien-tu")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh new [--site THƯ-MỤC] [--campaign NĂM] --org MÃ --field MÃ --title TÊN [--member HỌ-TÊN]
       mohinh new [--site THƯ-MỤC] --results NĂM/MÃ-TỔ-CHỨC/TÊN-TỆP

Tạo tệp đăng ký mô hình mới, cách làm sáng tạo để điền vào:
content/registrations/<năm>/<mã-tổ-chức>/<tên-tệp>.md. Tệp có đủ các khóa, mỗi khóa
kèm một ghi chú cách điền. Không bao giờ ghi đè tệp đã có.

Thiếu --org, --field hoặc --title thì, khi chạy trong cửa sổ dòng lệnh, lệnh sẽ hỏi:
chọn đợt đăng ký, tổ chức, lĩnh vực theo số thứ tự trong danh sách (hoặc gõ mã),
rồi gõ tên mô hình và, với bản đăng ký cá nhân, họ tên đảng viên.

Với --results: tạo tệp báo cáo kết quả thực hiện mô hình đã được thông qua,
content/results/<năm>/<mã-tổ-chức>/<tên-tệp>.md (cùng tên với bản đăng ký), có đủ các
khóa, người ký lấy từ bản đăng ký và dự kiến kết quả đã đăng ký để đối chiếu.

Ví dụ:
  mohinh new --campaign 2024 --org xa-ka-do --field kinh-te --title "Tên mô hình"
  mohinh new
  mohinh new --results 2024/xa-ka-do/so-tay-dang-vien-dien-tu

Mã thoát: 0 đã tạo tệp; 1 nội dung của trang có lỗi; 2 dùng sai lệnh: thiếu tùy chọn
khi không thể hỏi, đợt, tổ chức hoặc lĩnh vực không có, tệp đã có.

Tùy chọn:
`)
		printFlags(fl, "site", "campaign", "org", "field", "title", "member", "results")
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	if !requireSite("new", *siteDir, stderr) {
		return exitUsage
	}
	if flagSet(fl, "results") {
		for _, other := range []string{"campaign", "org", "field", "title", "member"} {
			if flagSet(fl, other) {
				fmt.Fprintf(stderr, "mohinh new: --results không đi cùng --%s: báo cáo kết quả lấy đợt, tổ chức và tên mô hình từ bản đăng ký\n", other)
				return exitUsage
			}
		}
		return newResult(*siteDir, *results, stdout, stderr)
	}
	d := newreg.Draft{Title: newreg.CleanText(*title), Member: newreg.CleanText(*member), Date: today()}

	var missing []string
	for _, f := range []struct{ name, value string }{{"--org", *org}, {"--field", *field}, {"--title", d.Title}} {
		if f.value == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 && !terminal {
		fmt.Fprintf(stderr, "mohinh new: thiếu %s. Lệnh không chạy trong cửa sổ dòng lệnh nên không hỏi được: hãy ghi đủ --org, --field và --title, ví dụ\n", strings.Join(missing, ", "))
		fmt.Fprintln(stderr, `  mohinh new --campaign 2024 --org xa-ka-do --field kinh-te --title "Tên mô hình"`)
		fmt.Fprintln(stderr, "Xem các tùy chọn: mohinh new -h")
		return exitUsage
	}
	if d.Title != "" {
		if err := newreg.CheckTitle(d.Title); err != nil {
			fmt.Fprintf(stderr, "mohinh new: --title: %v\n", err)
			return exitUsage
		}
	}

	site, code := loadForNew(*siteDir, d.Date, stderr)
	if site == nil {
		return code
	}
	var ask *newreg.Asker
	if len(missing) > 0 {
		ask = newreg.NewAsker(stdin, stdout)
		fmt.Fprintln(stdout, "Tạo bản đăng ký mô hình mới, cách làm sáng tạo (nhấn Ctrl+C để dừng).")
	}
	// What the flags or the answers name does not exist, may not be used
	// or is already there: the command line is wrong, not the site.
	if err := completeDraft(&d, site, *siteDir, *campaign, *org, *field, ask, !flagSet(fl, "member")); err != nil {
		if errors.Is(err, newreg.ErrNoAnswer) {
			fmt.Fprintf(stderr, "mohinh new: %v; chưa tạo tệp nào. Nếu không trả lời được câu hỏi, hãy ghi đủ --org, --field và --title.\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "mohinh new: %v\n", err)
		return exitUsage
	}
	file, err := newreg.Create(*siteDir, d)
	var pathErr *fs.PathError
	switch {
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "mohinh new: %v; chưa tạo tệp nào.\n", fileerr.Write(file, err))
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "mohinh new: %v\n", err)
		return exitUsage
	}
	if ask != nil {
		fmt.Fprintln(stdout) // a blank line between the questions and the result
	}
	printNextSteps(stdout, file, *siteDir, d)
	return exitOK
}

// newResult writes the results report of the registration ref names
// (mohinh new --results).
func newResult(siteDir, ref string, stdout, stderr io.Writer) int {
	date := today()
	site, code := loadForNew(siteDir, date, stderr)
	if site == nil {
		return code
	}
	r, err := newreg.FindRegistration(site, ref)
	if err != nil {
		fmt.Fprintf(stderr, "mohinh new: %v\n", err)
		return exitUsage
	}
	d := newreg.ResultDraft{Registration: r, Date: date}
	file, err := newreg.CreateResult(siteDir, d)
	var pathErr *fs.PathError
	switch {
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "mohinh new: %v; chưa tạo tệp nào.\n", fileerr.Write(file, err))
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "mohinh new: %v\n", err)
		return exitUsage
	}
	check := "mohinh check"
	if siteDir != "." {
		check += " --site " + siteDir
	}
	fmt.Fprintf(stdout, `Đã tạo tệp %s

Bước tiếp theo:
  1. Mở tệp, ghi số báo cáo, ngày ký, kết quả đạt được (achieved) với số liệu cụ thể
     so với dự kiến, bài học kinh nghiệm (lessons) nếu có.
  2. Văn bản đã ký (PDF) và ảnh (JPEG, PNG): đặt trong thư mục %s
  3. Kiểm tra: %s
  4. Gửi tệp lên bằng một pull request.
`, file, strings.TrimSuffix(file, ".md")+string(os.PathSeparator), check)
	if c := r.Campaign; !c.ResultsDeadline.IsZero() && date.After(c.ResultsDeadline) {
		fmt.Fprintf(stdout, "\nLưu ý: hạn báo cáo kết quả của đợt %d là %s; tệp ghi ngày ký là hôm nay, %s, nên sẽ được ghi là nộp muộn.\nNếu báo cáo ký sớm hơn, hãy sửa dòng date.\n",
			c.Year, c.ResultsDeadline.Short(), date.Short())
	}
	return exitOK
}

// completeDraft resolves the ids given by flags (campaign, org and field;
// "" when not given) and, when ask is not nil, asks for the rest; without
// ask, the call is the newest. Every id given is checked before any
// question is asked. The error is ErrNoAnswer when the input ends.
func completeDraft(d *newreg.Draft, site *content.Site, siteDir, campaign, org, field string, ask *newreg.Asker, askMember bool) error {
	var err error
	if campaign != "" {
		if d.Campaign, err = newreg.FindCampaign(site, campaign); err != nil {
			return err
		}
	}
	if org != "" {
		if d.Organisation, err = newreg.FindOrganisation(site, org); err != nil {
			return err
		}
	}
	if field != "" {
		if d.Field, err = newreg.FindField(site, field); err != nil {
			return err
		}
	}

	if d.Campaign == nil {
		if ask == nil {
			d.Campaign = site.Campaigns[0]
		} else if d.Campaign, err = ask.Campaign(site); err != nil {
			return err
		}
	}
	if d.Organisation != nil {
		if err := newreg.CheckMayRegister(d.Organisation, d.Campaign); err != nil {
			return err
		}
	} else if d.Organisation, err = ask.Organisation(site, d.Campaign); err != nil {
		return err
	}
	if d.Field == nil {
		if d.Field, err = ask.Field(site); err != nil {
			return err
		}
	}
	if d.Title != "" {
		if err := newreg.Clash(siteDir, site, *d); err != nil {
			return err
		}
	} else {
		d.Title, err = ask.Title(func(title string) error {
			try := *d
			try.Title = title
			return newreg.Clash(siteDir, site, try)
		})
		if err != nil {
			return err
		}
	}
	if ask != nil && askMember {
		if d.Member, err = ask.Member(); err != nil {
			return err
		}
	}
	return nil
}

// loadForNew loads the site. The calls, fields and organisations must be
// free of errors, for the lists to be right; a broken registration is
// someone else's, and only noted.
func loadForNew(dir string, today content.Date, stderr io.Writer) (*content.Site, int) {
	site, diags := content.LoadWith(os.DirFS(dir), content.Options{Today: today})
	var blocking diag.List
	others := 0
	for _, d := range diags {
		switch {
		case !content.InRegistrations(d.Path):
			blocking = append(blocking, d)
		case d.Severity == diag.Error:
			others++
		}
	}
	if blocking.HasErrors() {
		printDiagnostics(stderr, blocking)
		fmt.Fprintln(stderr, "mohinh new: nội dung của trang có lỗi (ở trên): hãy sửa trước khi tạo bản đăng ký mới.")
		return nil, exitContent
	}
	var lacking []string
	if len(site.Campaigns) == 0 {
		lacking = append(lacking, "đợt đăng ký (content/campaigns/)")
	}
	if len(site.Organisations) == 0 {
		lacking = append(lacking, "tổ chức (content/organisations/)")
	}
	if len(site.Fields) == 0 {
		lacking = append(lacking, "lĩnh vực (content/fields/)")
	}
	if len(lacking) > 0 {
		fmt.Fprintf(stderr, "mohinh new: trang chưa có %s nào: hãy thêm trước.\n", strings.Join(lacking, ", "))
		return nil, exitContent
	}
	if others > 0 {
		fmt.Fprintf(stderr, "Lưu ý: các bản đăng ký đã có còn %d lỗi; chạy mohinh check để xem.\n", others)
	}
	return site, exitOK
}

func printNextSteps(w io.Writer, file, siteDir string, d newreg.Draft) {
	check := "mohinh check"
	if siteDir != "." {
		check += " --site " + siteDir
	}
	fmt.Fprintf(w, `Đã tạo tệp %s

Bước tiếp theo:
  1. Mở tệp, điền tính mới của mô hình (novelty) và dự kiến kết quả đạt được
     (expected_results), số văn bản, người ký; viết nội dung dưới các đề mục.
  2. Kiểm tra: %s
  3. Gửi tệp lên bằng một pull request.
`, file, check)
	if c := d.Campaign; !c.Deadline.IsZero() && d.Date.After(c.Deadline) {
		fmt.Fprintf(w, "\nLưu ý: hạn đăng ký của đợt %d là %s; tệp ghi ngày ký là hôm nay, %s, nên sẽ được ghi là nộp muộn.\nNếu văn bản ký sớm hơn, hãy sửa dòng date.\n",
			c.Year, c.Deadline.Short(), d.Date.Short())
	}
}

// today is the date a registration is written on: the date in Vietnam, or
// MOHINH_TODAY when the tests fix it (todayForTests).
func today() content.Date {
	if d := todayForTests(); !d.IsZero() {
		return d
	}
	return content.Today() // the loader's own, so the date is never in its future
}
