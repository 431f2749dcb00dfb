package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// baseSiteFS is testdata/base-site.txtar as a file system, for the cases
// that add thousands of files.
func baseSiteFS(t *testing.T) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/base-site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func addOrganisation(fsys fstest.MapFS, id, parent string) {
	fsys["content/organisations/"+id+".md"] = &fstest.MapFile{Data: fmt.Appendf(nil,
		"---\ntitle: Chi bộ %s\nkind: chi-bo-truc-thuoc\nparent: %s\n---\n", id, parent)}
}

func codes(diags []string) map[string]int {
	n := map[string]int{}
	for _, d := range diags {
		n[d]++
	}
	return n
}

// A parent chain ten thousand deep (before: a build of 4 min 30 s writing
// 5.1 GB, every page listing its ancestors) is one error, at the first
// organisation below MaxDepth, and nothing below it is walked.
func TestDeepHierarchyIsOneError(t *testing.T) {
	fsys := baseSiteFS(t)
	prev := "xa-ka-do" // depth 1
	for i := range 10_000 {
		id := fmt.Sprintf("cap-%d", i)
		addOrganisation(fsys, id, prev)
		prev = id
	}
	site, diags := Load(fsys)
	var errs []string
	for _, d := range diags {
		if d.Severity == 0 || d.Code == "too-deep" {
			errs = append(errs, d.String())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "cap-7.md:") || !strings.Contains(errs[0], "sâu hơn 8 cấp") {
		t.Fatalf("want one error at cap-7 (depth 9), got %d: %.300s", len(errs), strings.Join(errs, "\n"))
	}
	for _, o := range site.Organisations {
		if n := len(o.Ancestors()); n > MaxDepth {
			t.Fatalf("%s has %d ancestors, more than MaxDepth", o.ID, n)
		}
	}
}

// A cycle of ten thousand organisations (before: check printed 990 MB and
// used 2 GB, each of its 10,000 errors spelling the whole cycle) is one
// error naming a few of its members.
func TestLongCycleIsOneError(t *testing.T) {
	fsys := baseSiteFS(t)
	const n = 10_000
	for i := range n {
		addOrganisation(fsys, fmt.Sprintf("vong-%d", i), fmt.Sprintf("vong-%d", (i+1)%n))
	}
	_, diags := Load(fsys)
	var cycle []string
	for _, d := range diags {
		if d.Code == "parent-cycle" {
			cycle = append(cycle, d.String())
		}
	}
	if len(cycle) != 1 {
		t.Fatalf("%d cycle errors, want 1", len(cycle))
	}
	if len(cycle[0]) > 600 || !strings.Contains(cycle[0], "thêm 9992 tổ chức") {
		t.Errorf("the cycle's message is %d bytes: %.400s", len(cycle[0]), cycle[0])
	}
}

// A short cycle names every member, once.
func TestShortCycleNamesEveryMember(t *testing.T) {
	fsys := baseSiteFS(t)
	addOrganisation(fsys, "a", "b")
	addOrganisation(fsys, "b", "c")
	addOrganisation(fsys, "c", "a")
	_, diags := Load(fsys)
	var got []string
	for _, d := range diags {
		if d.Code == "parent-cycle" {
			got = append(got, d.Message)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "a → b → c → a") {
		t.Errorf("got %q", got)
	}
}

// An unknown id of 60 KB (before: 40 such files took 42 s, each compared
// by edit distance with every organisation) gets no suggestion and is
// shown cut; a near typo still gets one.
func TestSuggestionsAreBounded(t *testing.T) {
	long := strings.Repeat("x", 60_000)
	if got := Closest(long, []string{"xa-ka-do", strings.Repeat("x", 59_999)}); got != "" {
		t.Errorf("a 60 KB value got a suggestion of %d bytes", len(got))
	}
	if got := Closest("xa-ka-dô", []string{"xa-ka-do", "huyen-uy"}); got != "xa-ka-do" {
		t.Errorf("a typo got %q", got)
	}
	if got := Closest("xa-kado", []string{"xa-ka-do", "xa-ka-don"}); got != "xa-ka-do" {
		t.Errorf("a missing hyphen got %q", got)
	}
	if d := editDistance("abcdefgh", "zzzzzzzz", 3); d != 3 {
		t.Errorf("a distance past the limit is %d, want the limit", d)
	}
	fsys := baseSiteFS(t)
	for i := range 40 {
		addOrganisation(fsys, fmt.Sprintf("s%d", i), long+fmt.Sprint(i))
	}
	_, diags := Load(fsys)
	total := 0
	for _, d := range diags {
		total += len(d.String())
	}
	if total > 40*1000 {
		t.Errorf("40 unknown ids printed %d bytes", total)
	}
}

// check and build refuse the same bodies: MarkdownProblem is the one rule,
// and it bounds a whole body, not only each paragraph.
func TestBracketWorkIsBoundedPerBody(t *testing.T) {
	para := strings.Repeat("[](", 6600) + "\n\n" // just under the limit of one paragraph
	if _, problem := MarkdownProblem([]byte(para)); problem != "" {
		t.Fatalf("one paragraph under the limit is refused: %s", problem)
	}
	if _, problem := MarkdownProblem([]byte(strings.Repeat(para, 50))); problem == "" {
		t.Error("fifty paragraphs each under the limit are accepted")
	}
}

// Forty files each just under the limit of one body cost the build as much
// as many over it: the site's bodies share a budget, and the heaviest are
// refused until the rest fit.
func TestBracketWorkIsBoundedPerSite(t *testing.T) {
	fsys := baseSiteFS(t)
	body := strings.Repeat("[](", 6600) // one paragraph: 6,600 "]" × 19,800 bytes
	for i := range 40 {
		fsys[fmt.Sprintf("content/registrations/2024/xa-ka-do/mo-hinh-%02d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"---\ntitle: Mô hình số %d\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\n"+
				"novelty: Lần đầu chi bộ áp dụng cách làm này trong sinh hoạt.\nexpected_results: Hai mươi hộ đảng viên được hỗ trợ mỗi năm.\n---\n%s\n", i, body)}
	}
	_, diags := Load(fsys)
	var refused []string
	for _, d := range diags {
		if d.Code == "markdown-too-complex" {
			refused = append(refused, d.Path)
		}
	}
	// 40 × 130.7 M of work; the budget is 32 × 2²⁷ = 4,295 M: 8 must go.
	if len(refused) != 8 {
		t.Fatalf("%d bodies refused, want 8: %v", len(refused), refused)
	}
	if _, problem := MarkdownProblem([]byte(body)); problem != "" {
		t.Fatalf("one body alone is refused: %s", problem)
	}
}
