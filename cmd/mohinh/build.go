package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/fileerr"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("build", stderr)
	site := siteFlag(fl)
	out := fl.String("out", "", "thư mục kết quả (mặc định: <site>/public)")
	baseURL := baseURLFlag(fl, "địa chỉ nơi đăng cổng thông tin, ví dụ https://example.org/mohinh/")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh build [--site THƯ-MỤC] [--out THƯ-MỤC] [--base-url ĐỊA-CHỈ]

Kiểm tra toàn bộ nội dung trong content/ rồi tạo các trang của cổng thông tin.
Nếu nội dung có lỗi, in mọi lỗi dưới dạng đường-dẫn:dòng:cột: thông báo,
không ghi gì vào thư mục kết quả và thoát với mã 1.
feed.xml và sitemap.xml chỉ được ghi khi biết địa chỉ đầy đủ của trang:
base_url trong content/_index.md, hoặc --base-url https://….

Tùy chọn:
`)
		printFlags(fl, "site", "out", "base-url")
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	if *out == "" {
		*out = filepath.Join(*site, "public")
	}
	urls, err := flagURLs(fl, *baseURL)
	if err != nil {
		fmt.Fprintf(stderr, "mohinh build: --base-url không hợp lệ: %s\n", baseURLProblem(*baseURL))
		return exitUsage
	}
	if !requireSite("build", *site, stderr) {
		return exitUsage
	}
	if err := checkOutput(*site, *out); err != nil {
		fmt.Fprintf(stderr, "mohinh build: %v\n", err)
		return exitUsage
	}

	limitMemory()
	start := time.Now()
	waiting := func() {
		fmt.Fprintf(stderr, "mohinh build: một lần dựng khác đang ghi vào %s: đang chờ nó xong…\n", *out)
	}
	res, diags, err := build.Build(build.Options{Site: *site, Out: *out, URLs: urls, Today: todayForTests(), Waiting: waiting})
	printErrors(stderr, diags)
	if diags.HasErrors() {
		errs, warns := diags.Count()
		fmt.Fprintf(stderr, "mohinh build: %d lỗi, %d cảnh báo; chưa tạo trang nào, %s giữ nguyên.\n", errs, warns, *out)
		return exitContent
	}
	if err != nil {
		var pathErr *fs.PathError
		var linkErr *os.LinkError
		var errno syscall.Errno
		if errors.As(err, &pathErr) || errors.As(err, &linkErr) || errors.As(err, &errno) {
			err = fileerr.Write(*out, err)
		}
		fmt.Fprintf(stderr, "mohinh build: %v; %s giữ nguyên.\n", err, *out)
		return exitContent
	}
	if !res.URLs.Absolute() {
		fmt.Fprintln(stderr, "mohinh build: "+noAddress)
	}
	fmt.Fprintf(stdout, "Đã tạo %d tệp từ %d bản đăng ký, %d tổ chức trong %s (%d ms).\n",
		res.Files, len(res.Site.Registrations), len(res.Site.Organisations), *out, time.Since(start).Milliseconds())
	if _, warns := diags.Count(); warns > 0 {
		fmt.Fprintf(stdout, "%d cảnh báo (ví dụ nộp muộn): chạy mohinh check để xem.\n", warns)
	}
	return exitOK
}

// checkOutput refuses an output folder that would swallow the site.
func checkOutput(site, out string) error {
	s, err1 := filepath.Abs(site)
	o, err2 := filepath.Abs(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if o == s || strings.HasPrefix(s+string(filepath.Separator), o+string(filepath.Separator)) {
		return fmt.Errorf("thư mục kết quả %s chứa cả thư mục của trang: hãy chọn thư mục khác cho --out", out)
	}
	if rel, err := filepath.Rel(filepath.Join(s, "content"), o); err == nil && filepath.IsLocal(rel) || o == filepath.Join(s, "content") {
		return fmt.Errorf("thư mục kết quả %s nằm trong content/: hãy chọn thư mục khác cho --out", out)
	}
	if fi, err := os.Lstat(o); err == nil && !fi.IsDir() {
		return fmt.Errorf("thư mục kết quả %s đã có và là một tệp, không phải thư mục: hãy chọn thư mục khác cho --out", out)
	}
	return nil
}

// printErrors prints every error; warnings are for mohinh check, which a
// build only counts.
func printErrors(w io.Writer, diags diag.List) {
	for _, d := range diags {
		if d.Severity == diag.Error {
			fmt.Fprintln(w, d.String())
		}
	}
}

// printDiagnostics prints every diagnostic, errors and warnings.
func printDiagnostics(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
}

// memoryLimit is the memory a build aims to stay under: a province's
// 50,000 registrations (~300 MB live while pages render) fit, with the
// process under 500 MB (docs/performance.md). It is a soft limit: the
// collector works harder near it, a larger site goes over it rather than
// fail, and GOMEMLIMIT in the environment overrides it.
const memoryLimit = 420 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
