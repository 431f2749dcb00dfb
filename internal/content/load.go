package content

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
	"github.com/mohinh/mohinh/internal/work"
)

// MaxFileSize bounds the work one file can cost: a registration is a page
// of text, and a larger file is a mistake (a pasted document, an image).
const MaxFileSize = 1 << 20

// fileKind is what a path under content/ holds.
type fileKind int

const (
	kindSettings fileKind = iota
	kindCampaign
	kindField
	kindOrganisation
	kindRegistration
	kindDecision
	kindResult
)

// sourceFile is one file to read, with what its path says about it.
type sourceFile struct {
	path  string // relative to the site folder, e.g. content/fields/kinh-te.md
	kind  fileKind
	parts []string // path elements after the kind's folder, without .md
}

// Options change how a site is read.
type Options struct {
	// Today is the date against which dates in the future are refused;
	// the zero Date means the current date.
	Today Date
	// IsNew, when set, tells the files a branch adds ("check --base"):
	// of two registrations with the same title, the problem is reported
	// on the new one, never on the one already published. Without it, the
	// later one is taken as new (duplicate.go).
	IsNew func(path string) bool
}

// Load reads, links and indexes the site in fsys, whose root is the site
// folder (the one holding content/). It returns every problem found.
func Load(fsys fs.FS) (*Site, diag.List) { return LoadWith(fsys, Options{}) }

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, opts Options) (*Site, diag.List) {
	if opts.Today.IsZero() {
		opts.Today = Today()
	}
	files, diags := findFiles(fsys)
	loaded := readFiles(fsys, files)
	for _, l := range loaded {
		diags = append(diags, l.diags...)
	}
	return finish(loaded, diags, opts)
}

// finish links the files read and validates what spans files.
func finish(loaded []loadedFile, diags diag.List, opts Options) (*Site, diag.List) {
	if opts.Today.IsZero() {
		opts.Today = Today()
	}
	limitSiteMarkdown(loaded, &diags)
	site := link(loaded, opts.IsNew, &diags)
	validateRegistrations(site, opts, &diags)
	diags.Sort()
	return site, diags
}

// findFiles walks content/ and classifies every file by its path.
func findFiles(fsys fs.FS) ([]sourceFile, diag.List) {
	var files []sourceFile
	var diags diag.List
	if _, err := fs.Stat(fsys, "content"); err != nil {
		diags.Errorf("content", 0, 0, "no-content", "không tìm thấy thư mục content/: hãy chạy lệnh trong thư mục chứa content/, hoặc ghi thư mục đó sau --site")
		return nil, diags
	}
	if info, err := fs.Lstat(fsys, "content"); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// Walking it would read files outside the site.
		diags.Errorf("content", 0, 0, "symlink", "thư mục content/ là một liên kết tượng trưng (symlink), không được phép: hãy thay bằng một thư mục thật")
		return nil, diags
	}
	fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(p, 0, 0, "unreadable", "không đọc được tệp hoặc thư mục này: %v", err)
			return nil
		}
		name := d.Name()
		if p != "content" && IsEditorFile(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(p, 0, 0, "symlink", "liên kết tượng trưng (symlink) không được phép trong content/: hãy thay bằng một tệp thật")
			return nil
		}
		if d.IsDir() {
			if isAttachmentDir(p) {
				// Its files are read with its document (attachments.go).
				if _, err := fs.Stat(fsys, p+".md"); err != nil {
					diags.Errorf(p, 0, 0, "misplaced", "thư mục tệp đính kèm không có bản đăng ký hay báo cáo kết quả cùng tên bên cạnh (%s.md): tệp đính kèm phải nằm trong thư mục mang tên tệp .md của văn bản, bỏ đuôi .md; hãy đổi tên thư mục cho khớp hoặc chuyển các tệp vào đúng thư mục", path.Base(p))
				}
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			diags.Errorf(p, 0, 0, "not-regular", "không phải tệp thông thường: hãy xóa khỏi content/")
			return nil
		}
		f, problem := classify(p)
		if problem != "" {
			diags.Errorf(p, 0, 0, "misplaced", "%s", problem)
			return nil
		}
		files = append(files, f)
		return nil
	})
	return files, diags
}

const layoutHelp = "mỗi tệp trong content/ phải nằm ở một trong các vị trí: content/_index.md (thông tin chung của cổng), content/campaigns/<năm>.md (đợt đăng ký), content/fields/<mã>.md (lĩnh vực), content/organisations/<mã>.md (tổ chức), " + registrationPathHelp + " (bản đăng ký), " + decisionPathHelp + " (văn bản xét duyệt, thẩm định, công nhận) hoặc " + resultPathHelp + " (báo cáo kết quả)"

// classify maps a path to its kind, or explains why it has no place.
func classify(p string) (sourceFile, string) {
	rel := strings.TrimPrefix(p, "content/")
	if !strings.HasSuffix(rel, ".md") {
		return sourceFile{}, "content/ chỉ nhận tệp có đuôi .md: nếu đây là bản đăng ký, hãy đổi đuôi tệp thành .md; nếu không, hãy chuyển tệp ra khỏi content/"
	}
	parts := strings.Split(strings.TrimSuffix(rel, ".md"), "/")
	f := sourceFile{path: p, parts: parts[1:]}
	switch {
	case rel == "_index.md":
		f.kind = kindSettings
		return f, ""
	case parts[0] == "campaigns" && len(parts) == 2:
		f.kind = kindCampaign
		if !isYear(parts[1]) {
			return f, "tên tệp của đợt đăng ký phải là năm của đợt, ví dụ content/campaigns/2024.md"
		}
	case parts[0] == "fields" && len(parts) == 2:
		f.kind = kindField
	case parts[0] == "organisations" && len(parts) == 2:
		f.kind = kindOrganisation
	case parts[0] == "decisions" && len(parts) == 4:
		f.kind = kindDecision
		if !isYear(parts[1]) {
			return f, "thư mục \"" + parts[1] + "\" không phải là năm (4 chữ số, ví dụ 2024): văn bản xét duyệt phải nằm ở " + decisionPathHelp
		}
		if !vi.IsSlug(parts[2]) {
			return f, "tên thư mục \"" + parts[2] + "\" không phải mã cấp ủy ban hành: hãy đổi thành mã của tổ chức, chỉ gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang" + slugHint(parts[2])
		}
	case parts[0] == "results" && len(parts) == 4:
		f.kind = kindResult
		if !isYear(parts[1]) {
			return f, "thư mục \"" + parts[1] + "\" không phải là năm (4 chữ số, ví dụ 2024): báo cáo kết quả phải nằm ở " + resultPathHelp
		}
		if !vi.IsSlug(parts[2]) {
			return f, "tên thư mục \"" + parts[2] + "\" không phải mã tổ chức: báo cáo kết quả phải nằm ở " + resultPathHelp + slugHint(parts[2])
		}
	case parts[0] == "registrations" && len(parts) == 4:
		f.kind = kindRegistration
		if !isYear(parts[1]) {
			return f, "thư mục \"" + parts[1] + "\" không phải là năm (4 chữ số, ví dụ 2024): bản đăng ký phải nằm ở " + registrationPathHelp
		}
		if !vi.IsSlug(parts[2]) {
			return f, "tên thư mục \"" + parts[2] + "\" không phải mã tổ chức: hãy đổi thành mã của tổ chức, chỉ gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang" + slugHint(parts[2])
		}
	default:
		return f, "tệp nằm sai chỗ: " + layoutHelp
	}
	if name := parts[len(parts)-1]; !vi.IsSlug(name) {
		return f, "tên tệp " + name + ".md không hợp lệ: phần tên trước .md chỉ được gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang" + slugHint(name)
	}
	return f, ""
}

func slugHint(s string) string {
	if slug := vi.Slug(s); slug != "" && slug != s {
		return ", ví dụ " + slug
	}
	return ""
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s[0] != '0'
}

// loadedFile is the result of reading one file.
type loadedFile struct {
	file         sourceFile
	settings     *Settings
	campaign     *Campaign
	field        *Field
	organisation *Organisation
	registration *Registration
	decision     *Decision
	result       *Result
	sortKey      vi.Key // of the title, for Vietnamese order
	markdownWork int    // of its body (markdownShape)
	markdownLine int    // where its body starts
	diags        diag.List
}

// readFiles reads and decodes every file on all cores. The result is in the
// order of files, so that what follows does not depend on scheduling.
func readFiles(fsys fs.FS, files []sourceFile) []loadedFile {
	out := make([]loadedFile, len(files))
	work.Each(len(files), func() *textArena { return newTextArena(len(files)) }, func(i int, arena *textArena) error {
		out[i] = readFile(fsys, files[i], arena)
		return nil
	})
	return out
}

func readFile(fsys fs.FS, f sourceFile, arena *textArena) loadedFile {
	var diags diag.List
	data, ok := readBounded(fsys, f.path, &diags)
	if !ok {
		return loadedFile{file: f, diags: diags}
	}
	l := decodeFile(f, data, arena)
	l.diags = append(diags, l.diags...)
	switch {
	case l.registration != nil:
		l.registration.Attachments = readAttachments(fsys, f.path, &l.diags)
	case l.result != nil:
		l.result.Attachments = readAttachments(fsys, f.path, &l.diags)
	}
	return l
}

// ParseRegistration decodes one registration file on its own, as it was at
// another revision: references to other files are not resolved.
func ParseRegistration(path string, data []byte) (*Registration, diag.List) {
	var diags diag.List
	f, problem := classify(path)
	if problem != "" || f.kind != kindRegistration {
		diags.Errorf(path, 0, 0, "misplaced", "không phải tệp đăng ký; %s", layoutHelp)
		return nil, diags
	}
	text, ok := textOf(path, data, &diags)
	if !ok {
		return nil, diags
	}
	l := decodeFile(f, text, nil)
	return l.registration, l.diags
}

// decodeFile decodes the text of one file whose bytes are valid UTF-8 with
// LF line ends. What the file's record keeps is copied out of data, into
// arena when there is one (arena.go).
func decodeFile(f sourceFile, data []byte, arena *textArena) loadedFile {
	l := loadedFile{file: f}
	nfc := checkText(f.path, data, &l.diags)
	fm, ok := parseFrontMatter(f.path, data, &l.diags)
	if !ok {
		return l
	}
	l.markdownWork, l.markdownLine = checkMarkdown(f.path, fm.body, &l.diags), fm.body.Line
	fm.nfc = nfc
	if !nfc {
		fm.body.Text = []byte(vi.NFC(string(fm.body.Text)))
	} else if f.kind != kindRegistration {
		fm.body.Text = bytes.Clone(fm.body.Text) // registrations' go to the arena
	}
	last := ""
	if len(f.parts) > 0 {
		last = f.parts[len(f.parts)-1]
	}
	var title string
	switch f.kind {
	case kindSettings:
		s := decodeSettings(f.path, fm, &l.diags)
		l.settings, title = &s, s.Title
	case kindCampaign:
		l.campaign = decodeCampaign(f.path, last, fm, &l.diags)
		title = l.campaign.Title
	case kindField:
		l.field = decodeField(f.path, last, fm, &l.diags)
		title = l.field.Title
	case kindOrganisation:
		l.organisation = decodeOrganisation(f.path, last, fm, &l.diags)
		title = l.organisation.Title
	case kindRegistration:
		l.registration = decodeRegistration(f.path, last, fm, &l.diags)
		title = l.registration.Title
	case kindDecision:
		l.decision = decodeDecision(f.path, f.parts, fm, &l.diags)
		title = l.decision.Title
	case kindResult:
		l.result = decodeResult(f.path, f.parts, fm, &l.diags)
	}
	if l.registration != nil {
		arena.packRegistration(l.registration)
	}
	l.sortKey = arena.bytes(vi.SortKey(title))
	return l
}

// readBounded reads a file of at most MaxFileSize bytes and checks that it
// is text (textOf).
func readBounded(fsys fs.FS, p string, diags *diag.List) ([]byte, bool) {
	fh, err := fsys.Open(p)
	if err != nil {
		diags.Errorf(p, 0, 0, "unreadable", "không mở được tệp: %v", err)
		return nil, false
	}
	defer fh.Close()
	data, err := readAtMost(fh, MaxFileSize+1)
	if err != nil {
		diags.Errorf(p, 0, 0, "unreadable", "không đọc được tệp: %v", err)
		return nil, false
	}
	return textOf(p, data, diags)
}

// readAtMost reads f up to limit bytes, into one buffer of the size its
// Stat gives when it can (io.ReadAll would grow one from 512 bytes,
// allocating twice the file).
func readAtMost(f fs.File, limit int64) ([]byte, error) {
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		size = min(fi.Size(), limit) + 1 // + 1: room to see the end without growing
	}
	data := make([]byte, 0, size)
	for int64(len(data)) < limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):min(int64(cap(data)), limit)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// textOf checks that the bytes of a file are text of at most MaxFileSize
// bytes: valid UTF-8 without NUL bytes. It strips a BOM and turns CRLF
// line ends into LF.
func textOf(p string, data []byte, diags *diag.List) ([]byte, bool) {
	if len(data) > MaxFileSize {
		diags.Errorf(p, 0, 0, "too-large", "tệp lớn hơn 1 MB, quá lớn đối với một tệp chỉ chứa chữ: hãy bỏ hình ảnh hoặc tài liệu đã dán vào tệp")
		return nil, false
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		diags.Errorf(p, line, col, "nul-byte", "tệp không phải văn bản thuần (có ký tự NUL, thường do lưu bằng Word hoặc với bảng mã UTF-16): hãy lưu lại dưới dạng văn bản thuần, bảng mã UTF-8")
		return nil, false
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		line, col := position(data, i)
		diags.Errorf(p, line, col, "invalid-utf8", "tệp không được lưu với bảng mã UTF-8: hãy mở tệp, chọn Lưu thành (Save As), chọn bảng mã (Encoding) UTF-8 rồi lưu lại")
		return nil, false
	}
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data, true
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// position returns the 1-based line and column (in characters) of offset i.
func position(data []byte, i int) (int, int) {
	before := data[:i]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
