package gitrepo

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// The kinds of failure a person can act on. An *Error of one of these kinds
// matches it with errors.Is.
var (
	ErrNoGit           = errors.New("máy này chưa cài git")
	ErrNotRepository   = errors.New("thư mục không nằm trong kho git nào")
	ErrNoCommits       = errors.New("kho git chưa có commit nào")
	ErrUnknownRevision = errors.New("không tìm thấy phiên bản trong kho git")
	ErrUnsafe          = errors.New("git không tin thư mục của người dùng khác")
)

// Error is a failure of git, explained in Vietnamese. git's own words, in
// English, are kept in Stderr for whoever helps; the message quotes them
// only when the failure is none of the known kinds.
type Error struct {
	Dir     string   // the folder git ran in
	Args    []string // git's arguments
	Kind    error    // ErrNoGit, ErrNotRepository, …; nil for any other failure
	Rev     string   // with ErrUnknownRevision: the revision not found
	Shallow bool     // with ErrUnknownRevision: the clone holds part of the history
	Stderr  string   // what git said
	Err     error    // the failure of the process, or of reading its output
}

func (e *Error) Error() string {
	dir := e.Dir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	switch e.Kind {
	case ErrNoGit:
		return "máy này chưa cài git (hoặc không tìm thấy chương trình git): hãy cài git từ https://git-scm.com rồi chạy lại"
	case ErrNotRepository:
		return fmt.Sprintf("thư mục %s không nằm trong kho git nào: hãy chạy lệnh trong thư mục đã lấy về bằng git clone", dir)
	case ErrNoCommits:
		return fmt.Sprintf("kho git chứa thư mục %s chưa có commit nào: hãy commit trước", dir)
	case ErrUnknownRevision:
		msg := fmt.Sprintf("không tìm thấy phiên bản %q trong kho git", e.Rev)
		if e.Shallow {
			return msg + ": kho này chỉ có một phần lịch sử (shallow clone); hãy chạy git fetch --unshallow, hoặc trong CI lấy toàn bộ lịch sử (GitHub Actions: actions/checkout với fetch-depth: 0; GitLab: GIT_DEPTH: 0)"
		}
		return msg + ": hãy kiểm tra lại tên nhánh hoặc commit (ví dụ origin/main) và chạy git fetch để lấy về các nhánh mới; trong CI, hãy lấy toàn bộ lịch sử (GitHub Actions: actions/checkout với fetch-depth: 0; GitLab: GIT_DEPTH: 0)"
	case ErrUnsafe:
		return fmt.Sprintf("git không đọc kho ở %s vì thư mục thuộc người dùng khác trên máy: nếu tin thư mục này, hãy chạy git config --global --add safe.directory %s", dir, dir)
	}
	what := "git " + strings.Join(e.Args, " ")
	if e.Stderr == "" {
		var exit *exec.ExitError
		if errors.As(e.Err, &exit) {
			return fmt.Sprintf("%s không chạy được trong %s (mã thoát %d)", what, dir, exit.ExitCode())
		}
		return fmt.Sprintf("%s không chạy được trong %s (%v)", what, dir, e.Err)
	}
	return fmt.Sprintf("%s không chạy được trong %s; git báo: %s", what, dir, firstFatal(e.Stderr))
}

// Unwrap gives the kind, for errors.Is, and the failure of the process.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// revisionMessages are git's ways of saying that a revision does not
// exist; the first group, when there is one, is the revision.
var revisionMessages = regexp.MustCompile(`(?m)^fatal: (?:bad revision '([^']*)'|ambiguous argument '([^']*)': unknown revision|Not a valid object name (\S+)|invalid object name '([^']*)'|bad object (\S+)|Needed a single revision)`)

// explain turns the failure of git args in dir into an *Error, from git's
// standard error (in English: run sets LC_ALL=C).
func explain(dir string, args []string, err error, stderr string) error {
	e := &Error{Dir: dir, Args: args, Stderr: strings.TrimSpace(stderr), Err: err}
	switch {
	case errors.Is(err, exec.ErrNotFound):
		e.Kind = ErrNoGit
	case strings.Contains(stderr, "not a git repository"):
		e.Kind = ErrNotRepository
	case strings.Contains(stderr, "does not have any commits yet"):
		e.Kind = ErrNoCommits
	case strings.Contains(stderr, "detected dubious ownership"):
		e.Kind = ErrUnsafe
	default:
		if m := revisionMessages.FindStringSubmatch(stderr); m != nil {
			e.Kind = ErrUnknownRevision
			for _, rev := range m[1:] {
				if rev != "" {
					e.Rev = rev
					break
				}
			}
		}
	}
	return e
}

// firstFatal is the line of git's message that says what failed.
func firstFatal(stderr string) string {
	for line := range strings.SplitSeq(stderr, "\n") {
		if strings.HasPrefix(line, "fatal: ") || strings.HasPrefix(line, "error: ") {
			return strings.TrimSpace(line)
		}
	}
	return strings.TrimSpace(stderr)
}
