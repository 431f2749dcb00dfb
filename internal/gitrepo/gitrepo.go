// Package gitrepo runs git for the commands that compare a working tree
// with a revision (check --base, serve --base). It is a thin layer over the
// git program, which every machine that has the repository has.
package gitrepo

import (
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// Run runs git in dir and returns its standard output.
func Run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// Prefix returns the path of dir inside its repository ("" at the root,
// "portal/" in a subfolder); err when dir is not in a repository.
func Prefix(dir string) (string, error) {
	out, err := Run(dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Verify reports whether rev names a commit.
func Verify(dir, rev string) bool {
	_, err := Run(dir, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	return err == nil
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
