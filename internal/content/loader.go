package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/mohinh/mohinh/internal/diag"
)

// Loader loads a site and keeps what it read, so that after a change only
// the changed files are read again; linking and validation, which span
// files, run again in full. It is what "mohinh serve" rebuilds with. A
// Loader is not safe for concurrent use.
type Loader struct {
	fsys  fs.FS
	opts  Options
	files map[string]loadedFile // every file under content/, read or refused
}

// NewLoader returns a Loader of the site in fsys.
func NewLoader(fsys fs.FS, opts Options) *Loader {
	return &Loader{fsys: fsys, opts: opts}
}

// Load reads every file again.
func (l *Loader) Load() (*Site, diag.List) {
	l.files = map[string]loadedFile{}
	found, diags := findFiles(l.fsys)
	for _, d := range diags {
		if d.Code == "no-content" {
			continue // result says so while it lasts
		}
		// A problem of the walk (a misplaced file, a symlink) belongs to
		// its path, so that fixing it clears it.
		l.files[d.Path] = loadedFile{file: sourceFile{path: d.Path}, diags: diag.List{d}}
	}
	for i, lf := range readFiles(l.fsys, found) {
		l.files[found[i].path] = lf
	}
	return l.result()
}

// Update reads again the given paths, slash-separated and relative to the
// site folder: files that changed, appeared or disappeared, and folders,
// whose whole content is read again.
func (l *Loader) Update(changed []string) (*Site, diag.List) {
	if l.files == nil {
		return l.Load()
	}
	var reread []sourceFile
	for _, p := range changed {
		p = path.Clean(p)
		if p != "content" && !strings.HasPrefix(p, "content/") {
			continue
		}
		if doc, ok := attachmentDocument(p); ok {
			p = doc // its attachments are read with it
		}
		// Forget what was there: the path itself and, for a folder,
		// everything under it.
		for known := range l.files {
			if known == p || strings.HasPrefix(known, p+"/") {
				delete(l.files, known)
			}
		}
		info, err := fs.Lstat(l.fsys, p)
		if err != nil {
			continue // removed
		}
		if !info.IsDir() {
			if f, ok := l.classifyOne(p, info); ok {
				reread = append(reread, f)
			}
			continue
		}
		fs.WalkDir(l.fsys, p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || q == p {
				return nil
			}
			if IsEditorFile(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if isAttachmentDir(q) {
					return fs.SkipDir // read with its document
				}
				return nil
			}
			info, err := d.Info()
			if err == nil {
				if f, ok := l.classifyOne(q, info); ok {
					reread = append(reread, f)
				}
			}
			return nil
		})
	}
	for i, lf := range readFiles(l.fsys, reread) {
		l.files[reread[i].path] = lf
	}
	return l.result()
}

// classifyOne records what a single path holds; ok is true when the file
// is content to read.
func (l *Loader) classifyOne(p string, info fs.FileInfo) (sourceFile, bool) {
	var diags diag.List
	switch {
	case IsEditorFile(path.Base(p)):
		return sourceFile{}, false
	case info.Mode()&fs.ModeSymlink != 0:
		diags.Errorf(p, 0, 0, "symlink", "liên kết tượng trưng (symlink) không được phép trong content/: hãy thay bằng một tệp thật")
	case !info.Mode().IsRegular():
		diags.Errorf(p, 0, 0, "not-regular", "không phải tệp thường: hãy xóa khỏi content/")
	default:
		f, problem := classify(p)
		if problem == "" {
			return f, true
		}
		diags.Errorf(p, 0, 0, "misplaced", "%s", problem)
	}
	l.files[p] = loadedFile{file: sourceFile{path: p}, diags: diags}
	return sourceFile{}, false
}

// result links what is known, in path order so that the result does not
// depend on the order of changes.
func (l *Loader) result() (*Site, diag.List) {
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	loaded := make([]loadedFile, 0, len(paths))
	var diags diag.List
	if _, err := fs.Stat(l.fsys, "content"); err != nil {
		diags.Errorf("content", 0, 0, "no-content", "không tìm thấy thư mục content/: hãy chạy lệnh trong thư mục của trang, hoặc chỉ ra thư mục đó bằng --site")
	}
	for _, p := range paths {
		lf := l.files[p]
		diags = append(diags, lf.diags...)
		loaded = append(loaded, lf)
	}
	return finish(loaded, diags, l.opts)
}
