package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/check"
	"github.com/mohinh/mohinh/internal/codeowners"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("check", stderr)
	site := siteFlag(fl)
	format := fl.String("format", "text", "cách trình bày: text (cho người đọc), github (chú thích trong pull request), json (cho chương trình khác), gitlab (báo cáo Code Quality cho merge request của GitLab)")
	base := fl.String("base", "", "so sánh với phiên bản git này, ví dụ origin/main: trạng thái chỉ đi theo quy trình, không đổi tổ chức hay đợt, không xóa bản đăng ký")
	fix := fl.Bool("fix", false, "trước khi kiểm tra, tự sửa các lỗi đơn giản mà không làm thay đổi nội dung: chuẩn hóa Unicode dựng sẵn (NFC), xóa khoảng trắng cuối dòng, thêm dấu xuống dòng cuối tệp, đổi tên tệp đăng ký không hợp lệ theo tên mô hình")
	strict := fl.Bool("strict", false, "coi cảnh báo là lỗi (mã thoát 1)")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh check [--site THƯ-MỤC] [--format text|github|json|gitlab] [--base PHIÊN-BẢN] [--fix] [--strict] [TỆP…]

Kiểm tra nội dung như mohinh build nhưng không tạo trang. In mọi vấn đề cùng lúc
dưới dạng đường-dẫn:dòng:cột: thông báo — lỗi trước, cảnh báo sau — và một dòng tổng kết.
Có TỆP: chỉ báo vấn đề của các tệp đó, hoặc của mọi tệp trong thư mục được ghi
(vẫn đối chiếu với toàn bộ trang); đường dẫn tính từ thư mục đang đứng, kể cả khi
đứng trong một thư mục con của trang.
Có --base: chỉ in vấn đề của những gì nhánh thêm, sửa; vấn đề đã có sẵn trong các
tệp nhánh không sửa được gộp thành một dòng.
--format gitlab ghi báo cáo Code Quality của GitLab (một danh sách JSON) để lưu
thành artifacts: reports: codequality: trong .gitlab-ci.yml; GitLab chỉ hiện
trong merge request những vấn đề mà nhánh đích chưa có.
Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi (hoặc cảnh báo với --strict),
2 dùng sai lệnh.

Tùy chọn:
`)
		printFlags(fl, "site", "format", "base", "fix", "strict")
	}
	// Flags may follow the paths: "mohinh check content/x.md --format json".
	flagArgs, paths := splitPaths(args)
	if code, done := parseFlags(fl, flagArgs, stdout); done {
		return code
	}
	report, ok := check.Formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "mohinh check: --format %q không hợp lệ: hãy dùng text, github hoặc json, hay gitlab (báo cáo Code Quality của GitLab)\n", *format)
		return exitUsage
	}
	if !flagSet(fl, "site") {
		// From inside the site, as from inside a git repository: the
		// nearest folder above that holds content/; from outside any
		// site, the site of the first PATH.
		var found bool
		if *site, found = check.FindSite(*site); !found && len(paths) > 0 {
			if s, ok := check.FindSite(paths[0]); ok {
				*site = s
			}
		}
	}
	// With PATHs, check.Run says which of them lies outside the site.
	if len(paths) == 0 && !requireSite("check", *site, stderr) {
		return exitUsage
	}
	opts := check.Options{
		Site: *site, Paths: paths, Base: *base, Fix: *fix, Today: todayForTests(),
		Extra: []func(*content.Site, diag.List) diag.List{codeownersUpToDate(*site)},
	}
	res, err := check.Run(opts)
	var pathErr *check.PathError
	switch {
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "mohinh check: %s\n", diag.Escape(err.Error()))
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "mohinh check: %v\n", err)
		return exitFor(err)
	}
	if err := report(stdout, res); err != nil {
		fmt.Fprintf(stderr, "mohinh check: %v\n", err)
		return exitContent
	}
	if *format == "github" {
		if err := appendStepSummary(res); err != nil {
			fmt.Fprintf(stderr, "mohinh check: GITHUB_STEP_SUMMARY: %v\n", err)
		}
	}
	if res.Failed(*strict) {
		return exitContent
	}
	return exitOK
}

// splitPaths separates flags (with their values) from path arguments, so
// that paths may come before flags.
func splitPaths(args []string) (flags, paths []string) {
	valued := []string{"-site", "--site", "-format", "--format", "-base", "--base"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(paths, args[i+1:]...)
		case strings.HasPrefix(a, "-"):
			flags = append(flags, a)
			if slices.Contains(valued, a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			paths = append(paths, a)
		}
	}
	return flags, paths
}

// appendStepSummary adds the full list to the job's summary page when the
// check runs in GitHub Actions.
func appendStepSummary(res check.Result) error {
	p := os.Getenv("GITHUB_STEP_SUMMARY")
	if p == "" {
		return nil
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := check.StepSummary(f, res); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// todayForTests lets the tests fix "today" with MOHINH_TODAY=YYYY-MM-DD, so
// that dates in the future are judged the same whenever they run. Unset,
// it is the real date.
func todayForTests() content.Date {
	d, _ := content.ParseDate(os.Getenv("MOHINH_TODAY"))
	return d
}

// codeownersUpToDate warns when the committed CODEOWNERS no longer follows
// the organisations' reviewers. A site with errors may be partial, and
// would give a false warning: it is skipped.
func codeownersUpToDate(site string) func(*content.Site, diag.List) diag.List {
	return func(s *content.Site, found diag.List) diag.List {
		if found.HasErrors() {
			return nil
		}
		if d, stale := codeowners.Check(site, s); stale {
			return diag.List{d}
		}
		return nil
	}
}
