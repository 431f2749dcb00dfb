package check

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// Fix is what --fix changed in one file.
type Fix struct {
	Path      string
	Changes   []string // in Vietnamese, e.g. "chuẩn hóa Unicode NFC"
	RenamedTo string
}

// fixFiles applies the safe, mechanical fixes to the content files (or to
// paths when given): Unicode NFC, spaces at the end of front-matter lines
// and of blank lines, a missing final newline, and a registration file name
// that is not a slug, renamed after its title. None of them removes a
// character of content: NFC only changes how letters are encoded, and
// trailing spaces are kept where Markdown gives them meaning (a line break
// at the end of a body line).
func fixFiles(site string, paths pathSet) ([]Fix, error) {
	var fixes []Fix
	root := filepath.Join(site, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		if !paths.has(rel) {
			return nil
		}
		fix, err := fixFile(site, rel)
		if err != nil {
			return err
		}
		if len(fix.Changes) > 0 {
			fixes = append(fixes, fix)
		}
		return nil
	})
	return fixes, err
}

func fixFile(site, rel string) (Fix, error) {
	fix := Fix{Path: rel}
	full := filepath.Join(site, filepath.FromSlash(rel))
	info, err := os.Stat(full)
	if err != nil {
		return fix, err
	}
	data, err := os.ReadFile(full)
	if err != nil || len(data) > content.MaxFileSize || !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return fix, err // not text: --fix does not touch it; check says why
	}
	text := string(data)
	if !vi.IsNFC(text) {
		text = vi.NFC(text)
		fix.Changes = append(fix.Changes, "chuẩn hóa Unicode dựng sẵn (NFC)")
	}
	if trimmed, n := trimTrailingSpaces(text); n > 0 {
		text = trimmed
		fix.Changes = append(fix.Changes, "xóa khoảng trắng thừa ở cuối "+itoa(n)+" dòng")
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += lineEnd(text)
		fix.Changes = append(fix.Changes, "thêm dấu xuống dòng ở cuối tệp")
	}
	if len(fix.Changes) > 0 {
		if err := writeAtomic(full, []byte(text), info.Mode().Perm()); err != nil {
			return fix, err
		}
	}
	if content.IsRegistrationPath(rel) {
		if to := slugName(rel, []byte(text)); to != "" {
			if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(to))); err == nil {
				fix.Changes = append(fix.Changes, "không đổi tên thành "+path.Base(to)+" vì đã có tệp cùng tên")
			} else if err := os.Rename(full, filepath.Join(site, filepath.FromSlash(to))); err != nil {
				return fix, err
			} else {
				fix.RenamedTo = to
				fix.Changes = append(fix.Changes, "đổi tên tệp thành "+path.Base(to)+" theo tên mô hình")
			}
		}
	}
	return fix, nil
}

// slugName returns the path a registration should have when its file name
// is not a slug: the file name of its title, as "mohinh new" and the form
// give it (content.FileSlug).
func slugName(rel string, data []byte) string {
	name := strings.TrimSuffix(path.Base(rel), ".md")
	if vi.IsSlug(name) {
		return ""
	}
	r, _ := content.ParseRegistration(path.Dir(rel)+"/x.md", data)
	if r == nil || r.Title == "" {
		return ""
	}
	slug := content.FileSlug(r.Title)
	if slug == "" {
		return ""
	}
	return path.Dir(rel) + "/" + slug + ".md"
}

// trimTrailingSpaces removes spaces and tabs at the end of front-matter
// lines and of lines that are blank, and returns how many lines changed.
// Body lines keep theirs: two spaces at the end are a Markdown line break.
func trimTrailingSpaces(text string) (string, int) {
	lines := strings.SplitAfter(text, "\n")
	inFront, seenOpener, changed := false, false, 0
	for i, l := range lines {
		body, end := splitLineEnd(l)
		trimmed := strings.TrimRight(body, " \t")
		switch {
		case !seenOpener && trimmed == "---":
			seenOpener, inFront = true, true
		case inFront && trimmed == "---":
			inFront = false
		}
		if trimmed != body && (inFront || trimmed == "---" || strings.TrimSpace(trimmed) == "") {
			lines[i] = trimmed + end
			changed++
		}
	}
	return strings.Join(lines, ""), changed
}

func splitLineEnd(l string) (string, string) {
	for _, end := range []string{"\r\n", "\n"} {
		if body, ok := strings.CutSuffix(l, end); ok {
			return body, end
		}
	}
	return l, ""
}

func lineEnd(text string) string {
	if strings.Contains(text, "\r\n") {
		return "\r\n"
	}
	return "\n"
}

// writeAtomic replaces a file through a temporary file and a rename, so an
// interrupted fix never leaves half a file.
func writeAtomic(p string, data []byte, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".mohinh-fix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

func itoa(n int) string { return strconv.Itoa(n) }
