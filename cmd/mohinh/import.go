package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/fileerr"
	"github.com/mohinh/mohinh/internal/newreg"
	"github.com/mohinh/mohinh/internal/wordimport"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("import", stderr)
	siteDir := siteFlag(fl)
	campaign := fl.String("campaign", "", "đợt đăng ký, ghi bằng `NĂM`, ví dụ 2024; mặc định: theo ngày ký của văn bản")
	dryRun := fl.Bool("dry-run", false, "chỉ in ra các tệp sẽ được tạo và nội dung của chúng, không ghi gì")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh import [--site THƯ-MỤC] [--campaign NĂM] [--dry-run] TỆP...

Nhập bản đăng ký từ văn bản Word (.docx; .doc cần LibreOffice) viết theo mẫu của
đợt đăng ký, hoặc từ danh sách .xlsx, .csv có dòng tiêu đề ("Tên mô hình", "Tổ chức",
"Lĩnh vực", "Tính mới", "Dự kiến kết quả", "Số văn bản", "Ngày", "Đảng viên").
Mỗi mô hình thành một tệp content/registrations/<năm>/<mã-tổ-chức>/<tên-tệp>.md.
Không bao giờ ghi đè tệp đã có. Mục nào không xác định được thì để trống và được
liệt kê để người nhập điền tiếp.

Ví dụ:
  mohinh import dang-ky-xa-ka-do.docx
  mohinh import --campaign 2024 --dry-run danh-sach.xlsx

Mã thoát: 0 đã nhập đủ; 1 còn mục phải điền, tệp đã có hoặc tệp không đọc được;
2 dùng sai lệnh.

Tùy chọn:
`)
		printFlags(fl, "site", "campaign", "dry-run")
	}
	// Files and flags in any order: "mohinh import a.docx --dry-run".
	var files, flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && (strings.TrimLeft(a, "-") == "site" || strings.TrimLeft(a, "-") == "campaign") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			files = append(files, a)
		}
	}
	if code, done := parseFlags(fl, flags, stdout); done {
		return code
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "mohinh import: chưa có tệp nào để nhập; ví dụ: mohinh import dang-ky.docx")
		return exitUsage
	}
	year := 0
	if *campaign != "" {
		y, err := strconv.Atoi(*campaign)
		if err != nil {
			fmt.Fprintf(stderr, "mohinh import: --campaign %q: hãy ghi năm của đợt, ví dụ 2024\n", *campaign)
			return exitUsage
		}
		year = y
	}
	if !requireSite("import", *siteDir, stderr) {
		return exitUsage
	}
	site, code := loadForImport(*siteDir, stderr)
	if site == nil {
		return code
	}
	if year != 0 && site.CampaignByYear[year] == nil {
		fmt.Fprintf(stderr, "mohinh import: --campaign %d: trang không có đợt đăng ký năm %d\n", year, year)
		return exitUsage
	}

	result := exitOK
	written := 0
	seen := map[string]bool{}
	for _, name := range files {
		entries, err := wordimport.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "mohinh import: %s: %v\n", name, err)
			result = exitContent
			continue
		}
		for _, e := range entries {
			r := wordimport.Resolve(site, e, year)
			path := r.Path()
			file := filepath.Join(*siteDir, filepath.FromSlash(path))
			if seen[path] {
				fmt.Fprintf(stderr, "mohinh import: %s: mô hình “%s” trùng tên tệp %s với một mô hình khác vừa nhập: bỏ qua\n", e.Source, r.Title, file)
				result = exitContent
				continue
			}
			seen[path] = true
			if err := clash(*siteDir, site, r); errors.Is(err, newreg.ErrExists) {
				fmt.Fprintf(stderr, "mohinh import: %s: tệp %s đã có, không ghi đè; bỏ qua mô hình này\n", e.Source, file)
				result = exitContent
				continue
			} else if err != nil {
				fmt.Fprintf(stderr, "mohinh import: %s: %v; bỏ qua mô hình này\n", e.Source, err)
				result = exitContent
				continue
			}
			data := r.File()
			if *dryRun {
				fmt.Fprintf(stdout, "Sẽ tạo tệp %s\n%s\n", file, data)
			} else if err := writeNew(file, data); err != nil {
				if errors.Is(err, fs.ErrExist) {
					fmt.Fprintf(stderr, "mohinh import: %s: tệp %s đã có, không ghi đè; bỏ qua mô hình này\n", e.Source, file)
				} else {
					fmt.Fprintf(stderr, "mohinh import: %v\n", fileerr.Write(file, err))
				}
				result = exitContent
				continue
			} else {
				fmt.Fprintf(stdout, "Đã tạo tệp %s\n", file)
				written++
			}
			if len(r.Missing) > 0 {
				result = exitContent
				fmt.Fprintf(stdout, "  Còn phải điền (nhập từ %s):\n", e.Source)
				for _, m := range r.Missing {
					fmt.Fprintf(stdout, "  - %s: %s\n", m.Key, m.Message)
				}
			}
		}
	}
	if result != exitOK && !*dryRun && written > 0 {
		check := "mohinh check"
		if *siteDir != "." {
			check += " --site " + *siteDir
		}
		fmt.Fprintf(stdout, "Mở các tệp trên, điền các mục còn trống (dòng có ghi chú CẦN ĐIỀN), rồi kiểm tra: %s\n", check)
	}
	return result
}

// clash explains why r cannot be written: newreg.Clash when its call and
// organisation are known, else whether its file exists.
func clash(siteDir string, site *content.Site, r *wordimport.Registration) error {
	c, o := site.CampaignByYear[r.Year], site.OrganisationByID[r.Organisation]
	if c != nil && o != nil && content.FileSlug(r.Title) != "" {
		return newreg.Clash(siteDir, site, newreg.Draft{Campaign: c, Organisation: o, Title: r.Title})
	}
	if _, err := os.Lstat(filepath.Join(siteDir, filepath.FromSlash(r.Path()))); err == nil {
		return newreg.ErrExists
	}
	return nil
}

// writeNew writes a file that must not exist yet, creating its folders.
func writeNew(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file) // a half-written file would block the next attempt
	}
	return err
}

// loadForImport loads the site the registrations go into: problems of
// registrations already there do not stop an import, those of the calls,
// organisations and fields it matches against do.
func loadForImport(dir string, stderr io.Writer) (*content.Site, int) {
	site, diags := content.LoadWith(os.DirFS(dir), content.Options{Today: today()})
	var blocking diag.List
	for _, d := range diags {
		if !content.InRegistrations(d.Path) {
			blocking = append(blocking, d)
		}
	}
	if blocking.HasErrors() {
		printDiagnostics(stderr, blocking)
		fmt.Fprintln(stderr, "mohinh import: nội dung của trang có lỗi (ở trên): hãy sửa trước khi nhập bản đăng ký.")
		return nil, exitContent
	}
	if len(site.Campaigns) == 0 || len(site.Organisations) == 0 || len(site.Fields) == 0 {
		fmt.Fprintln(stderr, "mohinh import: trang chưa có đợt đăng ký, tổ chức hoặc lĩnh vực: hãy thêm trước.")
		return nil, exitContent
	}
	return site, exitOK
}
