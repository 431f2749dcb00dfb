// Package history reads, from git, the commits that touched each file of a
// site's content/ folder, so that a registration's page can show when it
// was registered, approved and completed, and by whom.
//
// Load runs one git process for the whole tree, whatever the number of
// files, and streams its output into a map by path. A site outside a git
// repository, or on a machine without git, simply has no history.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mohinh/mohinh/internal/gitrepo"
)

// Commit is one commit that touched a file.
type Commit struct {
	Hash    string
	Date    time.Time // the author date, in the author's own time zone
	Author  string
	Subject string
}

// History maps the path of a file, slash-separated and relative to the site
// folder ("content/registrations/2024/xa-ka-do/x.md"), to the commits that
// touched it, newest first.
type History map[string][]Commit

// format is one commit's header: an empty field that marks its start, then
// four fields. With -z every field and every path ends in NUL, so subjects
// and paths may hold any other character, and no path is ever empty.
const format = "--format=%x00%H%x00%aI%x00%an%x00%s"

// Load reads the history of siteDir/content from the git repository that
// holds siteDir, which may be a subfolder of the repository. Outside a
// repository, in a repository without commits, or without git installed,
// it returns an empty History and no error.
//
// Renames are not followed: a file's history starts where it got its
// current path. Merge commits list no files, so the commits that a merge
// brings in stand for it. In a shallow clone the oldest commit fetched
// seems to add every file: publish from a full clone (fetch-depth: 0).
//
// Paths come back as they are, Vietnamese and spaces included: -z never
// quotes them, and core.quotepath=false says so again for any other output.
func Load(siteDir string) (History, error) {
	var h History
	err := gitrepo.Stream(siteDir, []string{
		"-c", "core.quotepath=false",
		"log", "-z", format, "--name-only", "--no-renames", "--relative", "--root",
		"--no-show-signature", "--", "content",
	}, func(r io.Reader) (err error) {
		h, err = parse(r)
		return err
	})
	switch {
	case errors.Is(err, gitrepo.ErrNoGit), errors.Is(err, gitrepo.ErrNotRepository), errors.Is(err, gitrepo.ErrNoCommits):
		return History{}, nil
	case err != nil:
		return nil, fmt.Errorf("lịch sử các tệp: %w", err)
	}
	return h, nil
}

// parse reads the output of git log -z with format and --name-only: each
// commit is its header, then "\n" and the paths it touched, each ending in
// NUL (nothing for a merge). The empty field that starts a header tells it
// from a path. Commits come newest first, so appending keeps each list
// newest first.
func parse(r io.Reader) (History, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	sc.Split(scanNUL)
	h := History{}
	var c Commit
	inCommit, first := false, false
	for sc.Scan() {
		field := sc.Bytes()
		if len(field) == 0 {
			var err error
			if c, err = header(sc); err != nil {
				return nil, err
			}
			inCommit, first = true, true
			continue
		}
		if !inCommit {
			return nil, fmt.Errorf("unexpected output %q before the first commit", field)
		}
		if first {
			field = bytes.TrimPrefix(field, []byte("\n"))
			first = false
		}
		path := string(field)
		h[path] = append(h[path], c)
	}
	return h, sc.Err()
}

// header reads the four fields of a commit after its empty start field.
func header(sc *bufio.Scanner) (Commit, error) {
	var f [4]string
	for i := range f {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return Commit{}, err
			}
			return Commit{}, errors.New("output ends inside a commit header")
		}
		f[i] = sc.Text()
	}
	date, err := time.Parse(time.RFC3339, f[1])
	if err != nil {
		return Commit{}, fmt.Errorf("commit %s: %w", f[0], err)
	}
	return Commit{Hash: f[0], Date: date, Author: f[2], Subject: f[3]}, nil
}

// scanNUL splits NUL-terminated fields; a last field without NUL is kept.
func scanNUL(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
