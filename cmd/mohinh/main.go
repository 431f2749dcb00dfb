// Command mohinh builds the portal of "mô hình mới, cách làm sáng tạo"
// registrations from a folder of Markdown files. Run "mohinh help".
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mohinh/mohinh/internal/gitrepo"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors
	exitUsage   = 2 // wrong usage
)

func main() { os.Exit(main1(os.Args[1:], os.Stdout, os.Stderr)) }

// exitFor is the exit code of a command that could not run for err: 2 when
// what the command line names is wrong — a revision git does not know, a
// folder outside any git repository (--base) —, 1 otherwise.
func exitFor(err error) int {
	for _, usage := range []error{gitrepo.ErrUnknownRevision, gitrepo.ErrNotRepository, gitrepo.ErrNoCommits, gitrepo.ErrNoGit} {
		if errors.Is(err, usage) {
			return exitUsage
		}
	}
	return exitContent
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "kiểm tra nội dung rồi tạo các trang của cổng thông tin trong thư mục public/", runBuild},
		{"serve", "xem trước cổng thông tin, tự dựng lại khi lưu tệp (cho người duyệt)", runServe},
		{"check", "kiểm tra nội dung, không tạo trang (dùng cho pull request)", runCheck},
		{"new", "tạo sẵn tệp đăng ký mô hình mới để điền vào", runNew},
		{"import", "nhập bản đăng ký từ văn bản Word (.docx, .doc) hoặc danh sách .xlsx, .csv", runImport},
		{"codeowners", "tạo tệp CODEOWNERS từ danh sách người duyệt của các tổ chức", runCodeowners},
		{"report", "báo cáo một đợt đăng ký cho Ban Tổ chức: xlsx, csv, json hoặc md", runReport},
		{"version", "in phiên bản của mohinh (cũng là mohinh --version)", runVersion},
		{"help", "hướng dẫn sử dụng", runHelp},
	}
}

func main1(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		usage(stdout)
		return exitOK
	case "--version", "-version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			defer startProfiles(stderr)()
			return c.run(args[1:], stdout, stderr)
		}
	}
	if strings.HasPrefix(name, "-") {
		fmt.Fprintf(stderr, "mohinh: không có tùy chọn %s ở đây: tùy chọn đứng sau tên lệnh, ví dụ mohinh build --site THƯ-MỤC\n\n", name)
	} else {
		fmt.Fprintf(stderr, "mohinh: không có lệnh %q\n\n", name)
	}
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `mohinh — cổng thông tin đăng ký mô hình mới, cách làm sáng tạo

Cách dùng:
  mohinh <lệnh> [tùy chọn]

Các lệnh:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Xem tùy chọn của từng lệnh: mohinh <lệnh> -h
Định dạng nội dung: docs/content-format.md; hướng dẫn đăng ký: docs/huong-dan-dang-ky.md
`)
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"-h"}, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "mohinh help: không có lệnh %q\n", args[0])
	return exitUsage
}
