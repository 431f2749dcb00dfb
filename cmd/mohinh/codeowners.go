package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/codeowners"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/fileerr"
)

func runCodeowners(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("codeowners", stderr)
	siteDir := siteFlag(fl)
	forgeName := fl.String("forge", "", "loại máy chủ git đọc tệp: `LOẠI` là "+forgeNames()+" (mặc định: forge trong content/_index.md; không có thì github)")
	out := fl.String("o", "", "tệp kết quả; - để in ra màn hình (mặc định: tệp CODEOWNERS mà máy chủ git đang dùng; nếu chưa có thì CODEOWNERS ở gốc, với gitea và forgejo thì .gitea/CODEOWNERS)")
	check := fl.Bool("check", false, "chỉ kiểm tra, không ghi gì: thoát với mã 1 nếu CODEOWNERS chưa khớp với danh sách người duyệt")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), `Cách dùng: mohinh codeowners [--site THƯ-MỤC] [--forge LOẠI] [-o TỆP] [--check]

Tạo tệp CODEOWNERS từ khóa "reviewers" của các tổ chức, để máy chủ git (GitHub,
Gitea, Forgejo, GitLab) tự mời đúng người duyệt vào mỗi pull request hay merge
request: thư mục đăng ký của một tổ chức thuộc người duyệt của tổ chức đó; mọi
tệp khác thuộc người duyệt của Ban Tổ chức (mã ban-to-chuc), hoặc của tổ chức
cao nhất nếu Ban Tổ chức chưa có người duyệt.

Mỗi máy chủ git có cú pháp riêng: GitHub và GitLab dùng đường dẫn kiểu .gitignore,
Gitea và Forgejo dùng biểu thức chính quy. Máy chủ dùng tệp CODEOWNERS đầu tiên
tìm thấy, theo thứ tự:
`+forgeLocations()+`Lệnh ghi vào đúng tệp đó (thư mục của trang là gốc của kho git). Sau khi sửa
"reviewers", hãy chạy lại lệnh và commit tệp; mohinh check cảnh báo khi tệp của
máy chủ git ghi trong content/_index.md chưa khớp.

Tùy chọn:
`)
		printFlags(fl, "site", "forge", "o", "check")
	}
	if code, done := parseFlags(fl, args, stdout); done {
		return code
	}
	forge := content.Forge(*forgeName)
	if flagSet(fl, "forge") && !forge.Valid() {
		fmt.Fprintf(stderr, "mohinh codeowners: --forge %q không hợp lệ: hãy dùng %s\n", *forgeName, forgeNames())
		return exitUsage
	}
	if *check && *out != "" {
		fmt.Fprintln(stderr, "mohinh codeowners: không dùng --check cùng với -o: --check luôn so với tệp CODEOWNERS mà máy chủ git đang dùng")
		return exitUsage
	}

	if !requireSite("codeowners", *siteDir, stderr) {
		return exitUsage
	}

	// Only errors: warnings about the content are mohinh check's business.
	site, diags := content.Load(os.DirFS(*siteDir))
	if diags.HasErrors() {
		errs := slices.DeleteFunc(diags, func(d diag.Diagnostic) bool { return d.Severity != diag.Error })
		printDiagnostics(stderr, errs)
		fmt.Fprintf(stderr, "mohinh codeowners: %d lỗi trong nội dung; chưa ghi CODEOWNERS.\n", len(errs))
		return exitContent
	}
	if !forge.Valid() {
		forge = codeowners.SiteForge(site)
	}

	if *check {
		if d, stale := codeowners.CheckForge(*siteDir, site, forge); stale {
			fmt.Fprintln(stderr, d.String())
			return exitContent
		}
		fmt.Fprintln(stdout, "CODEOWNERS đã khớp với danh sách người duyệt.")
		return exitOK
	}

	text := codeowners.Generate(site, forge)
	if *out == "-" {
		if _, err := stdout.Write(text); err != nil {
			fmt.Fprintf(stderr, "mohinh codeowners: %v\n", err)
			return exitContent
		}
		return exitOK
	}
	path := *out
	if path == "" {
		rel, _, err := codeowners.Find(*siteDir, forge)
		if err != nil {
			fmt.Fprintf(stderr, "mohinh codeowners: %v\n", fileerr.Read("", err))
			return exitContent
		}
		if rel == "" {
			// The forge's own folder (.gitea/) may not exist yet.
			rel = codeowners.DefaultLocation(forge)
			if err := os.MkdirAll(filepath.Join(*siteDir, filepath.Dir(filepath.FromSlash(rel))), 0o755); err != nil {
				fmt.Fprintf(stderr, "mohinh codeowners: %v\n", fileerr.Write(filepath.Join(*siteDir, filepath.FromSlash(rel)), err))
				return exitContent
			}
		}
		path = filepath.Join(*siteDir, filepath.FromSlash(rel))
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, text) {
		fmt.Fprintf(stdout, "%s đã khớp với danh sách người duyệt, không cần ghi lại.\n", path)
		return exitOK
	}
	if err := writeFileAtomic(path, text); err != nil {
		fmt.Fprintf(stderr, "mohinh codeowners: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Đã ghi %s: hãy commit tệp này.\n", path)
	return exitOK
}

// forgeLocations lists, a line each, where each forge looks for
// CODEOWNERS, for the help.
func forgeLocations() string {
	var b strings.Builder
	for _, f := range content.Forges {
		fmt.Fprintf(&b, "  %-8s %s\n", f.Name()+":", strings.Join(f.CodeownersLocations(), ", "))
	}
	return b.String()
}

// forgeNames lists the forges for a message: "github, gitea, forgejo hoặc
// gitlab".
func forgeNames() string {
	names := make([]string, len(content.Forges))
	for i, f := range content.Forges {
		names[i] = string(f)
	}
	return strings.Join(names[:len(names)-1], ", ") + " hoặc " + names[len(names)-1]
}

// writeFileAtomic replaces path with data in one step, so that the file is
// never seen half-written. Its error says in words what kept path from
// being written.
func writeFileAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fileerr.Write(path, err)
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
			err = fileerr.Write(path, err)
		}
	}()
	_, err = f.Write(data)
	err = errors.Join(err, f.Chmod(0o644), f.Close())
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
