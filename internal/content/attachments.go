package content

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
)

// Attachments: a registration or a results report may carry files (a
// signed scan, photos of the model at work) in a folder beside it named as
// the file without .md:
//
//	content/registrations/2024/xa-ka-do/so-tay-dien-tu.md
//	content/registrations/2024/xa-ka-do/so-tay-dien-tu/van-ban-da-ky.pdf
//
// Only PDF, JPEG and PNG are taken, recognised by their first bytes, never
// by their name alone: the portal publishes them, and an HTML page or an
// SVG renamed .pdf would run in the reader's browser.

const (
	// MaxAttachmentSize bounds one attached file: a scanned document or a
	// photo; a larger file is a video or an unreduced scan.
	MaxAttachmentSize = 10 << 20
	// MaxAttachmentsSize bounds the files of one document together.
	MaxAttachmentsSize = 30 << 20
)

// Attachment is a file attached to a registration or a results report.
type Attachment struct {
	Name string // its file name, e.g. van-ban-da-ky.pdf
	Path string // slash-separated, relative to the site folder
	Size int64  // in bytes
	Type string // "pdf", "jpeg" or "png": what its content is
}

// AttachmentDir returns the folder of the files attached to the document
// at docPath: its path without ".md".
func AttachmentDir(docPath string) string { return strings.TrimSuffix(docPath, ".md") }

// attachmentTypes are the types taken, by their first bytes, with the
// extensions each may have.
var attachmentTypes = []struct {
	name  string
	magic string
	exts  []string
}{
	{"pdf", "%PDF-", []string{".pdf"}},
	{"jpeg", "\xFF\xD8\xFF", []string{".jpg", ".jpeg"}},
	{"png", "\x89PNG\r\n\x1a\n", []string{".png"}},
}

// sniffLen is how many first bytes decide a file's type.
const sniffLen = 8

// SniffAttachment returns the type of a file from its first bytes: "pdf",
// "jpeg", "png", or "" for anything else.
func SniffAttachment(head []byte) string {
	for _, t := range attachmentTypes {
		if bytes.HasPrefix(head, []byte(t.magic)) {
			return t.name
		}
	}
	return ""
}

// typeOfExt returns the type an extension promises, or "".
func typeOfExt(ext string) string {
	for _, t := range attachmentTypes {
		for _, e := range t.exts {
			if ext == e {
				return t.name
			}
		}
	}
	return ""
}

// isAttachmentDir reports whether the folder p is where the attachments of
// a registration or a results report go: content/<registrations or
// results>/<year>/<org>/<slug>.
func isAttachmentDir(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 5 && parts[0] == "content" && (parts[1] == "registrations" || parts[1] == "results")
}

// attachmentDocument returns the document whose attachment folder is p or
// holds p, so that a change to an attachment reads its document again.
func attachmentDocument(p string) (string, bool) {
	parts := strings.Split(p, "/")
	if len(parts) < 5 || parts[0] != "content" || parts[1] != "registrations" && parts[1] != "results" {
		return "", false
	}
	if len(parts) == 5 && strings.HasSuffix(p, ".md") {
		return "", false
	}
	return strings.Join(parts[:5], "/") + ".md", true
}

// readAttachments lists and checks the files attached to the document at
// docPath. A problem is reported on the file's own path; a file refused is
// left out of the list.
func readAttachments(fsys fs.FS, docPath string, diags *diag.List) []Attachment {
	dir := AttachmentDir(docPath)
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		diags.Errorf(dir, 0, 0, "unreadable", "không đọc được thư mục tệp đính kèm: %v", err)
		return nil
	}
	var list []Attachment
	var total int64
	for _, e := range entries {
		name := e.Name()
		if IsEditorFile(name) {
			continue
		}
		p := dir + "/" + name
		a, ok := readAttachment(fsys, p, e, diags)
		if !ok {
			continue
		}
		total += a.Size
		if total > MaxAttachmentsSize {
			diags.Errorf(p, 0, 0, "attachments-too-large", "các tệp đính kèm của %s cộng lại lớn hơn %d MB: hãy nén hoặc giảm độ phân giải các tệp, hoặc bớt tệp", path.Base(docPath), MaxAttachmentsSize>>20)
			continue
		}
		list = append(list, a)
	}
	return list
}

const attachmentNameHelp = "tên tệp đính kèm chỉ được gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang, rồi đến đuôi .pdf, .jpg, .jpeg hoặc .png"

func readAttachment(fsys fs.FS, p string, e fs.DirEntry, diags *diag.List) (Attachment, bool) {
	switch {
	case e.Type()&fs.ModeSymlink != 0:
		diags.Errorf(p, 0, 0, "symlink", "liên kết tượng trưng (symlink) không được phép làm tệp đính kèm: hãy thay bằng một tệp thật")
		return Attachment{}, false
	case e.IsDir():
		diags.Errorf(p, 0, 0, "attachment-folder", "thư mục tệp đính kèm không được chứa thư mục con: hãy chuyển các tệp lên thư mục %s rồi xóa thư mục con", path.Dir(p))
		return Attachment{}, false
	case !e.Type().IsRegular():
		diags.Errorf(p, 0, 0, "not-regular", "không phải tệp thông thường: hãy xóa khỏi content/")
		return Attachment{}, false
	}
	name := e.Name()
	ext := path.Ext(name)
	want := typeOfExt(ext)
	if want == "" {
		diags.Errorf(p, 0, 0, "attachment-type", "chỉ được đính kèm văn bản PDF và ảnh JPEG, PNG, không nhận tệp %s: hãy xuất lại tệp dưới dạng PDF (hoặc lưu ảnh dưới dạng PNG), hoặc xóa tệp này", extWords(ext))
		return Attachment{}, false
	}
	if stem := strings.TrimSuffix(name, ext); !vi.IsSlug(stem) {
		hint := ""
		if slug := vi.Slug(stem); slug != "" {
			hint = ", ví dụ " + slug + strings.ToLower(ext)
		}
		diags.Errorf(p, 0, 0, "attachment-name", "tên tệp đính kèm %s không hợp lệ: %s%s", name, attachmentNameHelp, hint)
		return Attachment{}, false
	}
	info, err := e.Info()
	if err != nil {
		diags.Errorf(p, 0, 0, "unreadable", "không đọc được tệp: %v", err)
		return Attachment{}, false
	}
	if info.Size() > MaxAttachmentSize {
		diags.Errorf(p, 0, 0, "attachment-too-large", "tệp đính kèm lớn hơn %d MB: hãy nén tệp PDF hoặc giảm độ phân giải của ảnh", MaxAttachmentSize>>20)
		return Attachment{}, false
	}
	f, err := fsys.Open(p)
	if err != nil {
		diags.Errorf(p, 0, 0, "unreadable", "không mở được tệp: %v", err)
		return Attachment{}, false
	}
	defer f.Close()
	br := bufio.NewReader(f)
	head, _ := br.Peek(sniffLen)
	got := SniffAttachment(head)
	switch {
	case got == "":
		diags.Errorf(p, 0, 0, "attachment-type", "nội dung tệp không phải PDF, JPEG hay PNG%s: chỉ được đính kèm văn bản PDF và ảnh JPEG, PNG; hãy xuất lại tệp dưới dạng PDF (hoặc lưu ảnh dưới dạng JPEG, PNG), hoặc xóa tệp này", contentGuess(head))
		return Attachment{}, false
	case got != want:
		diags.Errorf(p, 0, 0, "attachment-type", "nội dung tệp là %s nhưng đuôi tệp là %s: hãy đổi đuôi tệp thành %s", strings.ToUpper(got), ext, typeExts(got))
		return Attachment{}, false
	}
	if got == "jpeg" || got == "png" {
		gps, err := ImageHasGPS(got, br)
		if err != nil {
			diags.Errorf(p, 0, 0, "attachment-type", "tệp %s bị hỏng (%v): hãy mở ảnh và lưu lại, hoặc xóa tệp này", strings.ToUpper(got), err)
			return Attachment{}, false
		}
		if gps {
			diags.Warnf(p, 0, 0, "attachment-gps", "ảnh có tọa độ GPS, có thể lộ nơi ở của đảng viên: chạy mohinh check --fix để xóa")
		}
	}
	return Attachment{Name: name, Path: p, Size: info.Size(), Type: got}, true
}

// ImageHasGPS reports whether the image r of type kind ("jpeg", "png"),
// positioned at its start, carries GPS coordinates.
func ImageHasGPS(kind string, r *bufio.Reader) (bool, error) {
	if kind == "png" {
		return PNGHasGPS(r)
	}
	return JPEGHasGPS(r)
}

// StripImageMetadata copies the image src of type kind to dst without the
// metadata that may carry coordinates; the pixels stay as they are.
func StripImageMetadata(kind string, dst io.Writer, src io.Reader) (int, error) {
	if kind == "png" {
		return StripPNGMetadata(dst, src)
	}
	return StripJPEGMetadata(dst, src)
}

// contentGuess names what the first bytes of a refused file look like.
func contentGuess(head []byte) string {
	switch h := bytes.TrimLeft(head, " \t\r\n\uFEFF"); {
	case bytes.HasPrefix(h, []byte("<")):
		return " (tệp là trang HTML, SVG hoặc XML)"
	case bytes.HasPrefix(head, []byte("MZ")), bytes.HasPrefix(head, []byte("\x7fELF")):
		return " (tệp là một chương trình)"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return " (tệp là tệp nén ZIP hoặc Word, Excel)"
	}
	return ""
}

// extWords names a refused extension for people.
func extWords(ext string) string {
	switch strings.ToLower(ext) {
	case "":
		return "không có đuôi"
	case ".svg":
		return ".svg (ảnh vẽ SVG có thể chứa mã chạy trên trình duyệt của người xem)"
	case ".html", ".htm":
		return ext + " (trang web có thể chứa mã chạy trên trình duyệt của người xem)"
	}
	return ext
}

func typeExts(t string) string {
	for _, at := range attachmentTypes {
		if at.name == t {
			return strings.Join(at.exts, " hoặc ")
		}
	}
	return ""
}
