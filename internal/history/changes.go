package history

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/gitrepo"
)

// ChangeKind is what a commit did to a registration.
type ChangeKind int

// The kinds of change, in the order a commit's changes are listed.
const (
	Submitted           ChangeKind = iota + 1 // the file was added: the registration was submitted
	Renamed                                   // the file was renamed, from OldPath
	StatusChanged                             // the status written in the file went From → To
	KeysEdited                                // the values of Keys were edited
	BodyEdited                                // the Markdown body was edited
	AttachmentsAdded                          // Files were added to its attachments folder
	AttachmentsReplaced                       // Files of its attachments folder were replaced
	AttachmentsRemoved                        // Files were removed from its attachments folder
	Edited                                    // the file changed, but a version of it could not be read
	Removed                                   // the file was deleted, or renamed away (then listed under its new name)
)

// Change is one thing a commit changed in a registration.
type Change struct {
	Kind     ChangeKind
	From, To content.Status // StatusChanged
	// Keys are the Vietnamese names (content.Key.Form) of the items
	// edited, in the order of content.RegistrationKeys: KeysEdited.
	Keys    []string
	Files   []string // file names, sorted: Attachments…
	OldPath string   // Renamed
}

// zeroBlob is the blob id --raw gives for no content (an added file's old
// side, a deleted file's new side).
const zeroBlob = "0000000000000000000000000000000000000000"

// version is what a reader sees of one version of a registration.
type version struct {
	values []string // the value of each key of content.RegistrationKeys, as text
	body   [sha256.Size]byte
}

// keys are the registration's keys that versions compare, as the contract
// lists them.
var keys = content.RegistrationKeys()

// keyValue returns the value of key as decoded into r, as text; false for a
// key this package does not know, which TestKeyValueKnowsEveryKey forbids.
func keyValue(r *content.Registration, key string) (string, bool) {
	switch key {
	case "title":
		return r.Title, true
	case "organisation":
		return r.OrganisationID, true
	case "campaign":
		return strconv.Itoa(r.CampaignYear), true
	case "field":
		return r.FieldID, true
	case "member":
		return r.Member, true
	case "number":
		return r.Number, true
	case "date":
		return r.Date.String(), true
	case "signer":
		return r.Signer, true
	case "signer_title":
		return r.SignerTitle, true
	case "novelty":
		return r.Novelty, true
	case "expected_results":
		return r.ExpectedResults, true
	case "status":
		// "" when the file writes none: the status is then its decisions'
		// (content/decisions), which this file's history does not tell.
		// At gives the front matter's own line, at column 1, for a key
		// not written; a value written is never there.
		if line, col := r.At("status"); line == r.FrontLine && col == 1 {
			return "", true
		}
		return string(r.Status), true
	}
	return "", false
}

// decodeVersion reads one version of the registration at p; nil when it
// cannot be read at all.
func decodeVersion(p string, data []byte) *version {
	r, _ := content.ParseRegistration(p, data)
	if r == nil {
		return nil
	}
	v := &version{values: make([]string, len(keys)), body: bodySum(r.Body.Text)}
	for i, k := range keys {
		v.values[i], _ = keyValue(r, k.Name)
	}
	return v
}

// bodySum sums the body as a reader sees it: paragraphs (blocks between
// blank lines) and their words, whatever the spacing and the wrapping of
// the lines within them. Spacing is ASCII's: the body's text, not its
// Markdown, is compared, and a change of any other character is one.
func bodySum(text []byte) [sha256.Size]byte {
	out := make([]byte, 0, len(text))
	para, word := false, false // a paragraph is open; a word is
	blank := true              // the line so far is blank
	for _, c := range text {
		switch c {
		case '\n':
			if blank { // a blank line ends the paragraph
				para = false
			}
			word, blank = false, true
		case ' ', '\t', '\r', '\v', '\f':
			word = false
		default:
			switch {
			case word:
			case para: // a space, or a line wrapped, within the paragraph
				out = append(out, ' ')
			case len(out) > 0: // a new paragraph
				out = append(out, '\n')
			}
			out = append(out, c)
			para, word, blank = true, true, false
		}
	}
	return sha256.Sum256(out)
}

// compare says what changed between two versions of a registration whose
// blobs differ.
func compare(before, after *version) []Change {
	if before == nil || after == nil {
		return []Change{{Kind: Edited}}
	}
	var out []Change
	var edited []string
	for i, k := range keys {
		if before.values[i] == after.values[i] {
			continue
		}
		if k.Value == content.StatusValue {
			if c, ok := statusChange(content.Status(before.values[i]), content.Status(after.values[i])); ok {
				out = append(out, c)
			}
			continue
		}
		edited = append(edited, k.Form)
	}
	if edited != nil {
		out = append(out, Change{Kind: KeysEdited, Keys: edited})
	}
	if before.body != after.body {
		out = append(out, Change{Kind: BodyEdited})
	}
	return out
}

// statusChange is the change of the status written in a file from before
// to after, "" for none. A file without one is registered until a
// decision says otherwise: writing a status into it changes it from
// Registered; writing "registered" or taking that away changes nothing;
// taking another away is a change To "", the status being the decisions'
// from then on.
func statusChange(before, after content.Status) (Change, bool) {
	if before == "" {
		before = content.Registered
	}
	if before == after || before == content.Registered && after == "" {
		return Change{}, false
	}
	return Change{Kind: StatusChanged, From: before, To: after}, true
}

// blob is what Load knows of one version of a registration: its front
// matter and body summed as bytes, and, when a commit changed its front
// matter, what the content package reads in it.
type blob struct {
	path        string // a path it had, to decode it as
	split       bool   // its front matter was found between "---" lines
	front, body [sha256.Size]byte
	version     *version // nil unless decoded, or when it cannot be read
}

// readVersions reads every version of a registration that a commit
// modified, by blob id, through "git cat-file --batch" processes, a few at
// once. Decoding a version with the content package costs most, so a pair
// of versions whose front matter is the same byte for byte is compared by
// its body alone, and only the others are read again and decoded.
func readVersions(dir string, commits []rawCommit) (map[string]*blob, error) {
	blobs := map[string]*blob{}
	type pair struct{ old, new string }
	var pairs []pair
	want := func(id, p string) {
		if _, ok := blobs[id]; !ok {
			blobs[id] = &blob{path: p}
		}
	}
	for _, c := range commits {
		for _, f := range c.files {
			if !content.IsRegistrationPath(f.path) || f.old == f.new || f.old == zeroBlob || f.new == zeroBlob {
				continue
			}
			from := f.path
			switch f.status {
			case 'M', 'T':
			case 'R':
				if !content.IsRegistrationPath(f.from) {
					continue
				}
				from = f.from
			default:
				continue
			}
			want(f.old, from)
			want(f.new, f.path)
			pairs = append(pairs, pair{f.old, f.new})
		}
	}
	ids := slices.Sorted(maps.Keys(blobs))
	err := eachBlob(dir, ids, func(id string, data []byte) {
		b := blobs[id]
		var front, body []byte
		front, body, b.split = splitFront(data)
		b.front, b.body = sha256.Sum256(front), bodySum(body)
	})
	if err != nil {
		return nil, err
	}
	decode := map[string]bool{}
	for _, p := range pairs {
		if o, n := blobs[p.old], blobs[p.new]; !o.split || !n.split || o.front != n.front {
			decode[p.old], decode[p.new] = true, true
		}
	}
	err = eachBlob(dir, slices.Sorted(maps.Keys(decode)), func(id string, data []byte) {
		b := blobs[id]
		b.version = decodeVersion(b.path, data)
	})
	return blobs, err
}

// compareBlobs says what changed between two versions of a registration
// whose blobs differ; nil for a blob that could not be read.
func compareBlobs(before, after *blob) []Change {
	if before != nil && after != nil && before.split && after.split && before.front == after.front {
		if before.body != after.body {
			return []Change{{Kind: BodyEdited}}
		}
		return nil
	}
	var b, a *version
	if before != nil {
		b = before.version
	}
	if after != nil {
		a = after.version
	}
	return compare(b, a)
}

// splitFront returns the front matter of a file (the lines between its
// first line "---" and the next) and its body; false when it has none,
// and then the whole file is the front matter.
func splitFront(data []byte) (front, body []byte, ok bool) {
	rest := bytes.TrimPrefix(data, []byte("\uFEFF"))
	line, rest, _ := bytes.Cut(rest, []byte("\n"))
	if string(bytes.TrimRight(line, " \t\r")) != "---" {
		return data, nil, false
	}
	for i := 0; i < len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		end := len(rest)
		if j >= 0 {
			end = i + j
		}
		if string(bytes.TrimRight(rest[i:end], " \t\r")) == "---" {
			return rest[:i], rest[min(end+1, len(rest)):], true
		}
		i = end + 1
	}
	return data, nil, false
}

// eachBlob reads the blobs ids through "git cat-file --batch" and hands
// each to fn, which may run for several blobs at once. A blob git does not
// have (a partial clone) is skipped.
func eachBlob(dir string, ids []string, fn func(id string, data []byte)) error {
	// A few batches for each processor, so that the workers finish
	// together; each batch is one git process and at most a few MB.
	procs := min(runtime.GOMAXPROCS(0), 8)
	batch := min(max((len(ids)+4*procs-1)/(4*procs), 64), 2048)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan []string)
	)
	for range min(procs, (len(ids)+batch-1)/batch) {
		wg.Go(func() {
			for ids := range next {
				if err := catBlobs(dir, ids, fn); err != nil {
					mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					mu.Unlock()
				}
			}
		})
	}
	for i := 0; i < len(ids); i += batch {
		next <- ids[i:min(i+batch, len(ids))]
	}
	close(next)
	wg.Wait()
	return firstErr
}

// catBlobs reads the blobs ids with one git cat-file --batch.
func catBlobs(dir string, ids []string, fn func(id string, data []byte)) error {
	var in bytes.Buffer
	for _, id := range ids {
		in.WriteString(id)
		in.WriteByte('\n')
	}
	raw, err := gitrepo.Run(dir, &in, "cat-file", "--batch")
	if err != nil {
		return err
	}
	for range ids {
		header, rest, ok := bytes.Cut(raw, []byte("\n"))
		if !ok {
			return fmt.Errorf("git cat-file: câu trả lời bị cắt ngắn")
		}
		f := strings.Fields(string(header))
		if len(f) != 3 { // "<id> missing"
			raw = rest
			continue
		}
		size, err := strconv.Atoi(f[2])
		if err != nil || size < 0 || size+1 > len(rest) {
			return fmt.Errorf("git cat-file: câu trả lời lạ %q", header)
		}
		if f[1] == "blob" {
			fn(f[0], rest[:size])
		}
		raw = rest[size+1:]
	}
	return nil
}

// registrationOf returns the registration whose attachments folder holds
// p, and the name of p in it: content/registrations/<year>/<org>/<slug>/<name>.
func registrationOf(p string) (reg, name string, ok bool) {
	parts := strings.SplitN(p, "/", 6)
	if len(parts) < 6 || parts[0] != "content" || parts[1] != "registrations" {
		return "", "", false
	}
	if content.IsEditorFile(path.Base(p)) {
		return "", "", false
	}
	return strings.Join(parts[:5], "/") + ".md", parts[5], true
}

// touch is what one commit did to one registration and its attachments.
type touch struct {
	file                     *fileChange // to the registration's file; nil when only attachments changed
	added, replaced, removed []string
	moved                    []moved // attachments renamed into its folder
}

// moved is an attachment renamed or moved into a registration's folder.
type moved struct{ name, fromReg, fromName string }

// entry is a commit in a registration's history: its index in the log.
type entry struct {
	index  int
	commit Commit
}

// assemble makes the History of the commits of git log: each file its
// commits, and each registration what each of them changed.
func assemble(commits []rawCommit, blobs map[string]*blob) History {
	h := History{}
	regs := map[string][]entry{}
	for i, c := range commits {
		touched := map[string]*touch{}
		at := func(reg string) *touch {
			t := touched[reg]
			if t == nil {
				t = &touch{}
				touched[reg] = t
			}
			return t
		}
		for j := range c.files {
			f := &c.files[j]
			// Every other file lists the commit under each of its names.
			if !content.IsRegistrationPath(f.path) {
				h[f.path] = append(h[f.path], c.Commit)
			}
			if f.from != "" && f.from != f.path && !content.IsRegistrationPath(f.from) {
				h[f.from] = append(h[f.from], c.Commit)
			}
			if content.IsRegistrationPath(f.path) {
				at(f.path).file = f
			}
			if f.status == 'R' && content.IsRegistrationPath(f.from) {
				at(f.from).file = &fileChange{status: 'D', old: f.old, new: zeroBlob, path: f.from}
			}
			if reg, name, ok := registrationOf(f.path); ok {
				t := at(reg)
				switch f.status {
				case 'A', 'C':
					t.added = append(t.added, name)
				case 'M', 'T':
					t.replaced = append(t.replaced, name)
				case 'D':
					t.removed = append(t.removed, name)
				case 'R':
					fromReg, fromName, _ := registrationOf(f.from)
					t.moved = append(t.moved, moved{name, fromReg, fromName})
				}
			}
			if f.status == 'R' {
				if reg, name, ok := registrationOf(f.from); ok {
					at(reg).removed = append(at(reg).removed, name)
				}
			}
		}
		for _, t := range touched {
			if f := t.file; f != nil && f.status == 'R' && touched[f.from] != nil {
				// The attachments its former folder lost and it did not
				// take along are removed from the renamed registration.
				for _, n := range touched[f.from].removed {
					if !slices.ContainsFunc(t.moved, func(m moved) bool { return m.fromReg == f.from && m.fromName == n }) {
						t.removed = append(t.removed, n)
					}
				}
			}
		}
		for reg, t := range touched {
			regs[reg] = append(regs[reg], entry{i, withChanges(c.Commit, t, blobs)})
		}
	}
	for reg := range regs {
		h[reg] = follow(reg, regs)
	}
	return h
}

// withChanges returns c with what it did to a registration, as t tells.
func withChanges(c Commit, t *touch, blobs map[string]*blob) Commit {
	changes := []Change{}
	var renamedFrom string
	if f := t.file; f != nil {
		switch f.status {
		case 'A', 'C':
			changes = append(changes, Change{Kind: Submitted})
		case 'D':
			changes = append(changes, Change{Kind: Removed})
		case 'R':
			if content.IsRegistrationPath(f.from) {
				renamedFrom = f.from
				changes = append(changes, Change{Kind: Renamed, OldPath: f.from})
			} else {
				changes = append(changes, Change{Kind: Submitted})
			}
		}
		if (f.status == 'M' || f.status == 'T' || renamedFrom != "") && f.old != f.new {
			changes = append(changes, compareBlobs(blobs[f.old], blobs[f.new])...)
		}
	}
	added := t.added
	for _, m := range t.moved {
		// An attachment that moved along with its registration is the same.
		if renamedFrom == "" || m.fromReg != renamedFrom || m.fromName != m.name {
			added = append(added, m.name)
		}
	}
	removed := t.removed
	for _, a := range []struct {
		kind  ChangeKind
		files []string
	}{{AttachmentsAdded, added}, {AttachmentsReplaced, t.replaced}, {AttachmentsRemoved, removed}} {
		if len(a.files) > 0 {
			files := slices.Clone(a.files)
			slices.Sort(files)
			changes = append(changes, Change{Kind: a.kind, Files: slices.Compact(files)})
		}
	}
	c.Changes = changes
	return c
}

// follow returns the commits of the registration at reg, newest first,
// going on under its former names when it was renamed.
func follow(reg string, regs map[string][]entry) []Commit {
	list := regs[reg]
	out := make([]Commit, 0, len(list))
	seen := map[string]bool{reg: true}
	for {
		for _, e := range list {
			out = append(out, e.commit)
		}
		if len(list) == 0 {
			return out
		}
		last := list[len(list)-1]
		if len(last.commit.Changes) == 0 || last.commit.Changes[0].Kind != Renamed || seen[last.commit.Changes[0].OldPath] {
			return out
		}
		old := last.commit.Changes[0].OldPath
		seen[old] = true
		list = nil
		for _, e := range regs[old] {
			if e.index > last.index {
				list = append(list, e)
			}
		}
	}
}
