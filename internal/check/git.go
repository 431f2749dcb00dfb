package check

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// Changes lists the content files a branch adds, modifies and deletes
// compared with its base revision.
type Changes struct {
	Base                     string
	Added, Modified, Deleted []string
	Renamed                  [][2]string // from, to
}

// next lists where each status may move: registered → approved | rejected;
// approved → implementing; implementing → completed; completed →
// recognised | not-recognised.
var next = map[content.Status][]content.Status{
	content.Registered:   {content.Approved, content.Rejected},
	content.Approved:     {content.Implementing},
	content.Implementing: {content.Completed},
	content.Completed:    {content.Recognised, content.NotRecognised},
}

// compareWithBase asks git what the working tree changes in content/
// compared with base, and checks each changed registration against its
// version at base: one "git diff" and one "git cat-file --batch" in all.
func compareWithBase(site, base string) (*Changes, diag.List, error) {
	out, err := git(site, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, nil, fmt.Errorf("--base cần một kho git: %w", err)
	}
	prefix := strings.TrimSpace(string(out))
	if _, err := git(site, nil, "rev-parse", "--verify", "--quiet", base+"^{commit}"); err != nil {
		return nil, nil, fmt.Errorf("không tìm thấy phiên bản %q trong kho git (với pull request, hãy checkout với fetch-depth: 0)", base)
	}
	out, err = git(site, nil, "-c", "core.quotepath=false", "diff", "--name-status", "-z", "-M", "--relative", base, "--", "content")
	if err != nil {
		return nil, nil, err
	}
	ch := &Changes{Base: base}
	var oldPaths []string // registrations whose old version is needed, by new path
	type pair struct{ old, new string }
	var compare []pair
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	for i := 0; i < len(fields) && fields[i] != ""; {
		status := fields[i]
		switch status[0] {
		case 'R', 'C':
			from, to := fields[i+1], fields[i+2]
			i += 3
			if status[0] == 'C' {
				ch.Added = append(ch.Added, to)
				continue
			}
			ch.Renamed = append(ch.Renamed, [2]string{from, to})
			if isRegistration(from) {
				compare = append(compare, pair{from, to})
				oldPaths = append(oldPaths, from)
			}
		default:
			p := fields[i+1]
			i += 2
			switch status[0] {
			case 'A':
				ch.Added = append(ch.Added, p)
			case 'D':
				ch.Deleted = append(ch.Deleted, p)
			default:
				ch.Modified = append(ch.Modified, p)
				if isRegistration(p) {
					compare = append(compare, pair{p, p})
					oldPaths = append(oldPaths, p)
				}
			}
		}
	}

	var diags diag.List
	for _, p := range ch.Deleted {
		if isRegistration(p) {
			diags.Errorf(p, 0, 0, "deleted", "bản đăng ký có ở %s đã bị xóa: không được xóa bản đăng ký đã nộp; nếu đăng ký nhầm, hãy liên hệ Ban Tổ chức để xử lý", base)
		}
	}
	old, err := showAll(site, base, prefix, oldPaths)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range compare {
		data, ok := old[c.old]
		if !ok {
			continue
		}
		before, _ := content.ParseRegistration(c.old, data)
		after, err := readRegistration(site, c.new)
		if before == nil || after == nil || err != nil {
			continue // the file's own problems are reported by the loader
		}
		compareRegistration(base, before, after, &diags)
	}
	return ch, diags, nil
}

func compareRegistration(base string, before, after *content.Registration, diags *diag.List) {
	if before.OrganisationID != after.OrganisationID && before.OrganisationID != "" {
		line, col := after.At("organisation")
		diags.Errorf(after.Path, line, col, "organisation-changed", "tổ chức của bản đăng ký không được thay đổi: ở %s là %q, nay là %q", base, before.OrganisationID, after.OrganisationID)
	}
	if before.CampaignYear != after.CampaignYear && before.CampaignYear != 0 {
		line, col := after.At("campaign")
		diags.Errorf(after.Path, line, col, "campaign-changed", "đợt đăng ký của bản đăng ký không được thay đổi: ở %s là %d, nay là %d", base, before.CampaignYear, after.CampaignYear)
	}
	if before.Status == after.Status {
		return
	}
	for _, s := range next[before.Status] {
		if s == after.Status {
			return
		}
	}
	line, col := after.At("status")
	allowed := "không còn bước nào sau trạng thái này"
	if n := next[before.Status]; len(n) > 0 {
		var names []string
		for _, s := range n {
			names = append(names, string(s)+" ("+s.Label()+")")
		}
		allowed = "bước tiếp theo chỉ có thể là " + strings.Join(names, " hoặc ")
	}
	diags.Errorf(after.Path, line, col, "status-jump", "trạng thái không được chuyển từ %s (%s) sang %s (%s): %s", before.Status, before.Status.Label(), after.Status, after.Status.Label(), allowed)
}

// showAll reads the given paths at rev through one "git cat-file --batch".
func showAll(site, rev, prefix string, paths []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(paths) == 0 {
		return out, nil
	}
	var in bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&in, "%s:%s%s\n", rev, prefix, p)
	}
	raw, err := git(site, &in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(raw))
	for _, p := range paths {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		f := strings.Fields(header)
		if len(f) != 3 { // "<rev:path> missing"
			continue
		}
		size, _ := strconv.Atoi(f[2])
		data := make([]byte, size+1) // the object and its newline
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		out[p] = data[:size]
	}
	return out, nil
}

// git runs git in dir and returns its standard output.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
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

// readRegistration decodes a registration of the working tree.
func readRegistration(site, p string) (*content.Registration, error) {
	data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(p)))
	if err != nil {
		return nil, err
	}
	r, _ := content.ParseRegistration(p, data)
	return r, nil
}
