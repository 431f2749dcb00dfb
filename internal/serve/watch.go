package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// watcher watches every folder under content/ and layouts/, including
// folders created later: fsnotify watches folders, not trees, and editors
// save by rename, so watching files would lose them.
type watcher struct {
	fs     *fsnotify.Watcher
	events chan event
	errs   chan error
}

// errWatchLimit explains the inotify limit in the words of the person who
// must raise it.
var errWatchLimit = errors.New("đã hết số thư mục hệ điều hành cho phép theo dõi (giới hạn inotify): hãy tăng giới hạn, ví dụ: sudo sysctl fs.inotify.max_user_watches=524288 (và ghi vào /etc/sysctl.conf để giữ sau khi khởi động lại)")

func newWatcher(site string) (*watcher, error) {
	fw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, events: make(chan event, 1024), errs: make(chan error, 8)}
	for _, dir := range []string{"content", "layouts"} {
		if err := w.addTree(filepath.Join(site, dir)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	// The site folder itself, to see content/ or layouts/ appear.
	if err := w.fs.Add(site); err != nil {
		fw.Close()
		return nil, w.explain(err)
	}
	go w.loop()
	return w, nil
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
			if ev.Has(fsnotify.Create) {
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
