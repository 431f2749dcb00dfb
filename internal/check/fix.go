package check

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/fileerr"
	"github.com/mohinh/mohinh/internal/vi"
)

// Fix is what --fix did to one file: what it changed, and what it would
// have changed but could not, with why.
type Fix struct {
	Path      string
	Changes   []string // in Vietnamese, e.g. "chuẩn hóa Unicode dựng sẵn (NFC)"
	NotFixed  []string // in Vietnamese, each starting "không sửa", with why
	RenamedTo string
}

// Changed reports whether the file was changed.
func (f Fix) Changed() bool { return len(f.Changes) > 0 }

// String is the line a report gives the file: "path: đã sửa: …; …", then
// what was not fixed ("Không sửa tên tệp: …"), each as its own sentence.
func (f Fix) String() string {
	var parts []string
	if f.Changed() {
		parts = append(parts, "đã sửa: "+strings.Join(f.Changes, "; "))
	}
	for _, n := range f.NotFixed {
		if len(parts) > 0 {
			n = strings.ToUpper(n[:1]) + n[1:]
		}
		parts = append(parts, n)
	}
	return f.Path + ": " + strings.Join(parts, ". ")
}

// FixedFiles counts the files --fix changed.
func FixedFiles(fixes []Fix) int {
	n := 0
	for _, f := range fixes {
		if f.Changed() {
			n++
		}
	}
	return n
}

// fixFiles applies the safe, mechanical fixes to the content files (or to
// paths when given): Unicode NFC, spaces at the end of front-matter lines
// and of blank lines, a missing final newline, and a registration file name
// that is not a slug, renamed after its title. None of them removes a
// character of content: NFC only changes how letters are encoded, and
// trailing spaces are kept where Markdown gives them meaning (a line break
// at the end of a body line). A file that cannot be fixed — not text, not
// writable, its new name taken — is listed with why, and the others are
// fixed all the same.
func fixFiles(site string, paths pathSet) ([]Fix, error) {
	var fixes []Fix
	root := filepath.Join(site, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p != root && paths.has(rel) {
				fixes = append(fixes, Fix{Path: rel, NotFixed: []string{"không sửa: " + fileerr.Read(rel, err).Error()}})
			}
			if p == root {
				return fileerr.Read(rel, err)
			}
			return nil
		}
		if d.IsDir() || d.Type()&fs.ModeSymlink != 0 || !paths.has(rel) {
			return nil
		}
		if kind := imageKinds[strings.ToLower(path.Ext(p))]; kind != "" {
			if fix := fixImage(site, rel, kind); len(fix.Changes) > 0 || len(fix.NotFixed) > 0 {
				fixes = append(fixes, fix)
			}
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			return nil
		}
		if fix := fixFile(site, rel); len(fix.Changes) > 0 || len(fix.NotFixed) > 0 {
			fixes = append(fixes, fix)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil // no content/: the check says so
	}
	return fixes, err
}

func fixFile(site, rel string) Fix {
	fix := Fix{Path: rel}
	notFixed := func(why string) Fix {
		fix.NotFixed = append(fix.NotFixed, why)
		return fix
	}
	full := filepath.Join(site, filepath.FromSlash(rel))
	info, err := os.Stat(full)
	if err != nil {
		return notFixed("không sửa: " + fileerr.Read(rel, err).Error())
	}
	data, err := os.ReadFile(full)
	switch {
	case err != nil:
		return notFixed("không sửa: " + fileerr.Read(rel, err).Error())
	case len(data) > content.MaxFileSize:
		return notFixed(fmt.Sprintf("không sửa: tệp lớn hơn %d MB, không phải một bản đăng ký (xem lỗi bên dưới)", content.MaxFileSize>>20))
	case !utf8.Valid(data):
		return notFixed("không sửa: tệp không được lưu bằng mã UTF-8, đổi mã có thể làm sai chữ (xem lỗi bên dưới)")
	case bytes.IndexByte(data, 0) >= 0:
		return notFixed("không sửa: tệp có ký tự NUL, không phải văn bản (xem lỗi bên dưới)")
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
			fix.Changes = nil
			return notFixed("không sửa: " + fileerr.Write(rel, err).Error())
		}
	}
	if content.IsRegistrationPath(rel) {
		to, why := slugName(rel, []byte(text))
		switch {
		case why != "":
			notFixed("không sửa tên tệp: " + why)
		case to == "":
		default:
			// The same file under another case (Windows, macOS) is no clash.
			if taken, err := os.Lstat(filepath.Join(site, filepath.FromSlash(to))); err == nil && !os.SameFile(taken, info) {
				notFixed("không sửa tên tệp: tên theo tên mô hình, " + path.Base(to) + ", đã là tên của một tệp khác; hãy tự đặt cho tệp một tên khác")
			} else if err := os.Rename(full, filepath.Join(site, filepath.FromSlash(to))); err != nil {
				notFixed("không sửa tên tệp: " + fileerr.Write(to, err).Error())
			} else {
				fix.RenamedTo = to
				fix.Changes = append(fix.Changes, "đổi tên tệp thành "+path.Base(to)+" theo tên mô hình")
			}
		}
	}
	return fix
}

// imageKinds are the images --fix looks into, by extension.
var imageKinds = map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}

// fixImage removes the metadata of a JPEG or PNG that carries GPS
// coordinates (content.StripImageMetadata), which may tell where a Party
// member lives. The image is not encoded again: its pixels stay as they
// are. An image without coordinates is left untouched, so that --fix
// changes nothing a check does not warn about.
func fixImage(site, rel, kind string) Fix {
	fix := Fix{Path: rel}
	full := filepath.Join(site, filepath.FromSlash(rel))
	f, err := os.Open(full)
	if err != nil {
		fix.NotFixed = append(fix.NotFixed, "không sửa: "+fileerr.Read(rel, err).Error())
		return fix
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() > content.MaxAttachmentSize {
		return fix // the check reports it
	}
	gps, err := content.ImageHasGPS(kind, bufio.NewReader(f))
	if err != nil || !gps {
		return fix // not such an image, or a broken one: the check reports it
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		fix.NotFixed = append(fix.NotFixed, "không sửa: "+fileerr.Read(rel, err).Error())
		return fix
	}
	var out bytes.Buffer
	out.Grow(int(info.Size()))
	if _, err := content.StripImageMetadata(kind, &out, f); err != nil {
		fix.NotFixed = append(fix.NotFixed, "không xóa được thông tin kèm ảnh: tệp "+strings.ToUpper(kind)+" bị hỏng ("+err.Error()+"); hãy mở ảnh, lưu lại rồi chạy lại lệnh")
		return fix
	}
	if err := writeAtomic(full, out.Bytes(), info.Mode().Perm()); err != nil {
		fix.NotFixed = append(fix.NotFixed, "không sửa: "+fileerr.Write(rel, err).Error())
		return fix
	}
	fix.Changes = append(fix.Changes, "xóa thông tin kèm ảnh (Exif, có tọa độ GPS), ảnh giữ nguyên")
	if kind == "png" {
		fix.Changes[len(fix.Changes)-1] = "xóa thông tin kèm ảnh (Exif, chữ kèm ảnh, có tọa độ GPS), ảnh giữ nguyên"
	}
	return fix
}

// slugName returns the path a registration should have when its file name
// is not a slug: the file name of its title, as "mohinh new" and the form
// give it (content.FileSlug); "" when the name is a slug. why says what
// keeps the file from being renamed.
func slugName(rel string, data []byte) (to, why string) {
	name := strings.TrimSuffix(path.Base(rel), ".md")
	if vi.IsSlug(name) {
		return "", ""
	}
	r, _ := content.ParseRegistration(path.Dir(rel)+"/x.md", data)
	if r == nil || r.Title == "" {
		return "", "chưa có tên mô hình (title) để đặt tên tệp theo"
	}
	slug := content.FileSlug(r.Title)
	if slug == "" {
		return "", "tên mô hình không có chữ cái hay chữ số nào để đặt tên tệp"
	}
	return path.Dir(rel) + "/" + slug + ".md", ""
}

// trimTrailingSpaces removes spaces and tabs at the end of front-matter
// lines and of lines that are blank, and returns how many lines changed.
// Body lines keep theirs: two spaces at the end are a Markdown line break.
// A line ends at "\r\n", "\n" or a "\r" alone, as YAML and Markdown read it:
// the spaces before a "\r" are at the end of a line too.
func trimTrailingSpaces(text string) (string, int) {
	var out strings.Builder
	inFront, seenOpener, changed := false, false, 0
	for len(text) > 0 {
		body, end, rest := cutLine(text)
		text = rest
		trimmed := strings.TrimRight(body, " \t")
		switch {
		case !seenOpener && trimmed == "---":
			seenOpener, inFront = true, true
		case inFront && trimmed == "---":
			inFront = false
		}
		if trimmed != body && (inFront || trimmed == "---" || strings.TrimSpace(trimmed) == "") {
			body = trimmed
			changed++
		}
		out.WriteString(body)
		out.WriteString(end)
	}
	return out.String(), changed
}

// cutLine splits off the first line of text: its body, its ending ("\r\n",
// "\n", "\r" or "" at the end of the text) and the rest.
func cutLine(text string) (body, end, rest string) {
	i := strings.IndexAny(text, "\r\n")
	switch {
	case i < 0:
		return text, "", ""
	case strings.HasPrefix(text[i:], "\r\n"):
		return text[:i], "\r\n", text[i+2:]
	default:
		return text[:i], text[i : i+1], text[i+1:]
	}
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
