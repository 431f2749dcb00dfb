package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// watcher watches every folder under content/ and layouts/, including
// folders created later: fsnotify watches folders, not trees, and editors
// save by rename, so watching files would lose them. With git folders
// (serve --base) it watches where git keeps HEAD and the refs too, so that
// a checkout, a commit or a fetch that moves the base is seen even when
// no content file changes.
type watcher struct {
	fs     *fsnotify.Watcher
	events chan event
	errs   chan error
	trees  []string // the folders watched with every folder below them, cleaned
}

// errWatchLimit explains the inotify limit in the words of the person who
// must raise it.
var errWatchLimit = errors.New("đã hết số thư mục hệ điều hành cho phép theo dõi (giới hạn inotify): hãy tăng giới hạn, ví dụ: sudo sysctl fs.inotify.max_user_watches=524288 (và ghi vào /etc/sysctl.conf để giữ sau khi khởi động lại)")

// newWatcher watches the site folder and the git folders, which are
// absolute (gitFolders): HEAD and packed-refs are files of theirs, and
// refs/ a tree.
func newWatcher(site string, git []string) (*watcher, error) {
	fw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, events: make(chan event, 1024), errs: make(chan error, 8)}
	trees := []string{filepath.Join(site, "content"), filepath.Join(site, "layouts")}
	folders := []string{site} // to see content/ or layouts/ appear
	for _, dir := range git {
		folders = append(folders, dir)
		trees = append(trees, filepath.Join(dir, "refs"))
	}
	for _, dir := range trees {
		w.trees = append(w.trees, filepath.Clean(dir))
		if err := w.addTree(dir); err != nil {
			fw.Close()
			return nil, err
		}
	}
	for _, dir := range folders {
		if err := w.fs.Add(dir); err != nil {
			fw.Close()
			return nil, w.explain(err)
		}
	}
	go w.loop()
	return w, nil
}

// inTree reports whether name is one of the trees watched or below one:
// a folder created there is watched too, one created elsewhere (git's
// objects/, logs/) is not.
func (w *watcher) inTree(name string) bool {
	name = filepath.Clean(name)
	for _, t := range w.trees {
		if name == t || strings.HasPrefix(name, t+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it; a missing dir is fine.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && editorFile(d.Name()) {
			return filepath.SkipDir
		}
		return w.explain(w.fs.Add(p))
	})
	return err
}

func (w *watcher) explain(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return errWatchLimit
	}
	return err
}

// loop forwards events, watching folders as they appear. A lost event
// (the kernel's queue overflowed) becomes a request to read everything.
func (w *watcher) loop() {
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				close(w.events)
				return
			}
			if ev.Has(fsnotify.Create) && w.inTree(ev.Name) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						w.report(err)
					}
				}
			}
			w.events <- event{name: ev.Name, op: ev.Op}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.events <- event{overflow: true}
				continue
			}
			w.report(err)
		}
	}
}

func (w *watcher) report(err error) {
	select {
	case w.errs <- fmt.Errorf("theo dõi thay đổi: %w", err):
	default:
	}
}

func (w *watcher) close() error { return w.fs.Close() }
