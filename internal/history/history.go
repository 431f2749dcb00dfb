// Package history reads, from git, the commits that touched each file of a
// site's content/ folder, and for a registration what each of them changed
// in it, so that a registration's page can tell, in the visitor's words,
// when it was submitted and what was changed since.
//
// Load runs one git log for the whole tree, whatever the number of files,
// and streams its output into a map by path; the versions of the
// registrations it names are then read by blob id through a few
// "git cat-file --batch" processes at once (changes.go). A site outside a
// git repository, or on a machine without git, simply has no history.
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
	// Changes is, for a registration, what the commit changed in it and in
	// the folder of its attachments, in the order a reader wants them
	// (changes.go). It is empty for a commit that changed nothing a
	// reader sees (spacing, comments, the quoting of a value), and nil for
	// every file other than a registration.
	Changes []Change
}

// History maps the path of a file, slash-separated and relative to the site
// folder ("content/registrations/2024/xa-ka-do/x.md"), to the commits that
// touched it, newest first. A registration's list also holds the commits
// that touched only its attachments, and, when it was renamed, the commits
// of its file under its former name.
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
// Renames are detected (git's -M) for a registration, whose history then
// goes on under its former name; a renamed file is listed under both its
// names. Merge commits list no files, so the commits that a merge brings
// in stand for it. In a shallow clone the oldest commit fetched seems to
// add every file: publish from a full clone (fetch-depth: 0).
//
// Paths come back as they are, Vietnamese and spaces included: -z never
// quotes them, and core.quotepath=false says so again for any other output.
func Load(siteDir string) (History, error) {
	var commits []rawCommit
	err := gitrepo.Stream(siteDir, []string{
		"-c", "core.quotepath=false",
		"log", "-z", format, "--raw", "--no-abbrev", "-M", "--relative", "--root",
		"--no-show-signature", "--", "content",
	}, func(r io.Reader) (err error) {
		commits, err = parse(r)
		return err
	})
	switch {
	case errors.Is(err, gitrepo.ErrNoGit), errors.Is(err, gitrepo.ErrNotRepository), errors.Is(err, gitrepo.ErrNoCommits):
		return History{}, nil
	case err != nil:
		return nil, fmt.Errorf("lịch sử các tệp: %w", err)
	}
	blobs, err := readVersions(siteDir, commits)
	if err != nil {
		return nil, fmt.Errorf("lịch sử các tệp: %w", err)
	}
	return assemble(commits, blobs), nil
}

// rawCommit is a commit as git log --raw tells it: its header and what it
// did to each file.
type rawCommit struct {
	Commit
	files []fileChange
}

// fileChange is one line of --raw: a file added, modified, deleted or
// renamed, with the blob of its content before and after.
type fileChange struct {
	status   byte   // 'A', 'M', 'D', 'R', 'C', 'T'
	old, new string // blob ids; all zeros for none
	path     string // the new path of a rename or copy
	from     string // the old path of a rename or copy
}

// parse reads the output of git log -z with format and --raw: each commit
// is its header, then "\n" and a line for each file it touched (nothing for
// a merge): ":<modes> <old blob> <new blob> <status>", its path, and a
// second path for a rename or copy, each ending in NUL. The empty field
// that starts a header tells it from a file line. Commits come newest
// first.
func parse(r io.Reader) ([]rawCommit, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	sc.Split(scanNUL)
	var commits []rawCommit
	for sc.Scan() {
		field := sc.Bytes()
		if len(field) == 0 {
			c, err := header(sc)
			if err != nil {
				return nil, err
			}
			commits = append(commits, rawCommit{Commit: c})
			continue
		}
		if len(commits) == 0 {
			return nil, fmt.Errorf("unexpected output %q before the first commit", field)
		}
		fc, err := fileLine(sc, bytes.TrimPrefix(field, []byte("\n")))
		if err != nil {
			return nil, err
		}
		c := &commits[len(commits)-1]
		c.files = append(c.files, fc)
	}
	return commits, sc.Err()
}

// fileLine reads a --raw line whose first field is meta, then its paths.
func fileLine(sc *bufio.Scanner, meta []byte) (fileChange, error) {
	// ":100644 100644 <old> <new> M" or "R086"
	f := bytes.Fields(bytes.TrimPrefix(meta, []byte(":")))
	if len(meta) == 0 || meta[0] != ':' || len(f) != 5 || len(f[4]) == 0 {
		return fileChange{}, fmt.Errorf("unexpected output %q where a file's line was expected", meta)
	}
	fc := fileChange{status: f[4][0], old: string(f[2]), new: string(f[3])}
	n := 1
	if fc.status == 'R' || fc.status == 'C' {
		n = 2
	}
	var paths [2]string
	for i := range n {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return fileChange{}, err
			}
			return fileChange{}, errors.New("output ends inside a file's line")
		}
		paths[i] = sc.Text()
	}
	if n == 2 {
		fc.from, fc.path = paths[0], paths[1]
	} else {
		fc.path = paths[0]
	}
	return fc, nil
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
