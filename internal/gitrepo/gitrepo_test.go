package gitrepo

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// git runs git for a test's setup, failing the test when it fails.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=An", "GIT_AUTHOR_EMAIL=an@example.org",
		"GIT_COMMITTER_NAME=An", "GIT_COMMITTER_EMAIL=an@example.org", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
}

// repo makes a repository with one commit on main.
func repo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "add", "a.md")
	git(t, dir, "commit", "-q", "-m", "một")
	return dir
}

// english are the words of git's own messages and of Go's process errors
// that must never reach a person.
var english = []string{"fatal", "exit status", "not a git repository", "unknown revision", "bad revision", "executable file not found"}

func assertVietnamese(t *testing.T, what string, err error) {
	t.Helper()
	for _, w := range english {
		if strings.Contains(err.Error(), w) {
			t.Errorf("%s: the message says %q in English: %v", what, w, err)
		}
	}
}

// Each failure a person can act on has its kind and says, in Vietnamese,
// what it means and what to do.
func TestFailuresAreExplained(t *testing.T) {
	needGit(t)
	outside := t.TempDir()
	main := repo(t)
	empty := t.TempDir()
	git(t, empty, "init", "-q", "-b", "main")
	shallow := t.TempDir()
	git(t, main, "commit", "-q", "--allow-empty", "-m", "hai")
	git(t, shallow, "clone", "-q", "--depth", "1", "file://"+main, ".")

	for _, tc := range []struct {
		name string
		err  error
		kind error
		says []string
	}{
		{
			"outside a repository", second(Prefix(outside)), ErrNotRepository,
			[]string{"thư mục " + outside + " không nằm trong kho git nào", "git clone"},
		},
		{
			"a revision outside a repository", CheckRevision(outside, "main"), ErrNotRepository,
			[]string{"không nằm trong kho git nào"},
		},
		{
			"an unknown revision", CheckRevision(main, "origin/main"), ErrUnknownRevision,
			[]string{`không tìm thấy phiên bản "origin/main" trong kho git`, "git fetch", "fetch-depth: 0"},
		},
		{
			"an unknown revision in a shallow clone", CheckRevision(shallow, "main~1"), ErrUnknownRevision,
			[]string{`không tìm thấy phiên bản "main~1"`, "shallow clone", "git fetch --unshallow", "fetch-depth: 0"},
		},
		{
			"a revision that looks like an option", CheckRevision(main, "--output=x"), ErrUnknownRevision,
			[]string{`không tìm thấy phiên bản "--output=x"`},
		},
		{
			"a diff with an unknown revision", second(Diff(main, "khong-co", ".", false)), ErrUnknownRevision,
			[]string{`không tìm thấy phiên bản "khong-co"`},
		},
		{
			"a repository without commits", second(Run(empty, nil, "log")), ErrNoCommits,
			[]string{"chưa có commit nào"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !errors.Is(tc.err, tc.kind) {
				t.Fatalf("error %v, want kind %v", tc.err, tc.kind)
			}
			for _, s := range tc.says {
				if !strings.Contains(tc.err.Error(), s) {
					t.Errorf("the message does not say %q: %v", s, tc.err)
				}
			}
			assertVietnamese(t, tc.name, tc.err)
		})
	}

	if err := CheckRevision(main, "main~1"); err != nil {
		t.Errorf("a revision that exists: %v", err)
	}
	if p, err := Prefix(main); err != nil || p != "" {
		t.Errorf("Prefix at the root = %q, %v", p, err)
	}
}

func second[T any](_ T, err error) error { return err }

func TestWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Prefix(t.TempDir())
	if !errors.Is(err, ErrNoGit) || !strings.Contains(err.Error(), "máy này chưa cài git") {
		t.Errorf("without git: %v", err)
	}
	assertVietnamese(t, "without git", err)
}

// A failure of no known kind names the command and quotes git's own line,
// under Vietnamese words.
func TestOtherFailure(t *testing.T) {
	needGit(t)
	_, err := Run(repo(t), nil, "khong-co-lenh-nay")
	var e *Error
	if !errors.As(err, &e) || e.Kind != nil {
		t.Fatalf("error %#v, want an *Error of no kind", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "git khong-co-lenh-nay không chạy được trong ") || !strings.Contains(msg, "git báo: ") {
		t.Errorf("message %q", msg)
	}
}

// Stream hands the output over as it comes; a failure to read it is the
// error, and git is waited for.
func TestStream(t *testing.T) {
	needGit(t)
	dir := repo(t)
	var got string
	err := Stream(dir, []string{"log", "--format=%s"}, func(r io.Reader) error {
		b, err := io.ReadAll(r)
		got = string(b)
		return err
	})
	if err != nil || got != "một\n" {
		t.Errorf("Stream = %q, %v", got, err)
	}
	stop := errors.New("dừng")
	if err := Stream(dir, []string{"log"}, func(io.Reader) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("a failed read: %v", err)
	}
}
