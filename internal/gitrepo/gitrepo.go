// Package gitrepo runs git for the commands that compare a working tree
// with a revision (check --base, serve --base) and for the history of each
// file. It is a thin layer over the git program, which every machine that
// has the repository has, and the one place that runs it: every failure
// comes back as an *Error that says in Vietnamese what went wrong — no git
// on the machine, a folder outside any repository, a revision that does
// not exist — and can be told apart with errors.Is (ErrNotRepository, …).
package gitrepo

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
)

// Run runs git in dir and returns its standard output.
func Run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	var out []byte
	err := run(dir, stdin, args, func(r io.Reader) (err error) {
		out, err = io.ReadAll(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Stream runs git in dir and hands its standard output to read as it
// comes, for an output too large to hold at once (the log of every commit).
// When read fails, the rest of the output is discarded and git waited for.
func Stream(dir string, args []string, read func(io.Reader) error) error {
	return run(dir, nil, args, read)
}

func run(dir string, stdin io.Reader, args []string, read func(io.Reader) error) error {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	// git's own messages in English, whatever the user's language, so that
	// explain recognises them; paths and commit text are bytes and unchanged.
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANGUAGE=C")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return explain(dir, args, err, "")
	}
	if err := cmd.Start(); err != nil {
		return explain(dir, args, err, "")
	}
	readErr := read(stdout)
	if readErr != nil {
		io.Copy(io.Discard, stdout) // let git finish before Wait
	}
	if err := cmd.Wait(); err != nil {
		return explain(dir, args, err, stderr.String())
	}
	if readErr != nil {
		return &Error{Dir: dir, Args: args, Err: readErr}
	}
	return nil
}

// Prefix returns the path of dir inside its repository ("" at the root,
// "portal/" in a subfolder); an error (ErrNotRepository) when dir is not in
// a repository.
func Prefix(dir string) (string, error) {
	out, err := Run(dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// CheckRevision returns nil when rev names a commit of the repository that
// holds dir. Otherwise the error says why: ErrUnknownRevision (with what to
// do when the clone is shallow, as GitHub Actions makes it by default),
// ErrNotRepository, ErrNoGit.
func CheckRevision(dir, rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") { // never an option of git's
		return unknownRevision(dir, rev)
	}
	_, err := Run(dir, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	var e *Error
	if errors.As(err, &e) && e.Kind == nil { // --quiet: git says nothing, only fails
		return unknownRevision(dir, rev)
	}
	return err
}

func unknownRevision(dir, rev string) error {
	e := &Error{Dir: dir, Args: []string{"rev-parse", rev}, Kind: ErrUnknownRevision, Rev: rev}
	if out, err := Run(dir, nil, "rev-parse", "--is-shallow-repository"); err == nil {
		e.Shallow = strings.TrimSpace(string(out)) == "true"
	}
	return e
}

// Files lists the files under path at rev, relative to dir.
func Files(dir, rev, path string) ([]string, error) {
	out, err := Run(dir, nil, "-c", "core.quotepath=false", "ls-tree", "-r", "-z", "--name-only", rev, "--", path)
	if err != nil {
		return nil, err
	}
	return splitNUL(out), nil
}

// Status is one line of "git diff --name-status": what happened to a path.
type Status struct {
	Code     byte   // 'A', 'M', 'D', 'R', 'C', 'T'
	Path     string // relative to dir; the new path of a rename or copy
	FromPath string // the old path of a rename or copy
}

// Diff compares the working tree with rev under path, detecting renames
// when renames is set.
func Diff(dir, rev, path string, renames bool) ([]Status, error) {
	args := []string{"-c", "core.quotepath=false", "diff", "--name-status", "-z", "--relative"}
	if renames {
		args = append(args, "-M")
	} else {
		args = append(args, "--no-renames")
	}
	out, err := Run(dir, nil, append(args, rev, "--", path)...)
	if err != nil {
		return nil, err
	}
	fields := splitNUL(out)
	var st []Status
	for i := 0; i < len(fields); {
		code := fields[i]
		if code == "" {
			i++
			continue
		}
		switch code[0] {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return st, nil
			}
			st = append(st, Status{Code: code[0], FromPath: fields[i+1], Path: fields[i+2]})
			i += 3
		default:
			if i+1 >= len(fields) {
				return st, nil
			}
			st = append(st, Status{Code: code[0], Path: fields[i+1]})
			i += 2
		}
	}
	return st, nil
}

func splitNUL(out []byte) []string {
	s := strings.TrimSuffix(string(out), "\x00")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

// Untracked lists the files under path that git does not track yet (and
// does not ignore), relative to dir: new files not yet added.
func Untracked(dir, path string) ([]string, error) {
	out, err := Run(dir, nil, "-c", "core.quotepath=false", "ls-files", "-z", "--others", "--exclude-standard", "--", path)
	if err != nil {
		return nil, err
	}
	return splitNUL(out), nil
}
