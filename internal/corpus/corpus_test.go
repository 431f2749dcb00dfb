package corpus

import (
	"bytes"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
	"github.com/mohinh/mohinh/internal/vi"
	"go.yaml.in/yaml/v3"
)

// keys allowed in each kind of file; true = required.
var schema = map[string]map[string]bool{
	"index":        {"title": true, "description": false, "repository": false},
	"campaign":     {"title": true, "year": true, "number": true, "issued": true, "deadline": true, "issuer": true, "signer": false, "signer_title": false, "recipients": false, "results_deadline": false, "criteria": false, "pass_score": false},
	"field":        {"title": true, "order": false},
	"organisation": {"title": true, "kind": true, "parent": false, "party_name": false, "place": false, "dissolved": false, "successor": false},
	"registration": registrationKeys(),
	"decision":     {"title": true, "kind": true, "issuer": true, "campaign": true, "number": true, "date": true, "signer": false, "signer_title": false, "approved": false, "rejected": false, "scores": false, "recognised": false, "not_recognised": false},
	"result":       {"number": false, "date": true, "signer": false, "signer_title": false, "achieved": true, "lessons": false},
}

// registrationKeys are the contract's.
func registrationKeys() map[string]bool {
	keys := map[string]bool{}
	for _, k := range content.RegistrationKeys() {
		keys[k.Name] = k.Required
	}
	return keys
}

var dateKeys = map[string]bool{"issued": true, "deadline": true, "dissolved": true, "date": true, "results_deadline": true}

// listKeys are the keys whose value is a non-empty list.
var listKeys = map[string]bool{"recipients": true, "approved": true, "rejected": true, "criteria": true, "scores": true, "recognised": true, "not_recognised": true}

type doc struct {
	path, kind string
	meta       map[string]string
	size       int
}

func generate(t *testing.T, n int) (string, Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := Generate(dir, Options{Registrations: n, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// parse checks one file's front matter against the schema and returns its
// scalar values.
func parse(t *testing.T, rel string, b []byte) doc {
	t.Helper()
	d := doc{path: rel, meta: map[string]string{}, size: len(b)}
	switch {
	case rel == "content/_index.md":
		d.kind = "index"
	case strings.HasPrefix(rel, "content/campaigns/"):
		d.kind = "campaign"
	case strings.HasPrefix(rel, "content/fields/"):
		d.kind = "field"
	case strings.HasPrefix(rel, "content/organisations/"):
		d.kind = "organisation"
	case strings.HasPrefix(rel, "content/registrations/"):
		d.kind = "registration"
	case strings.HasPrefix(rel, "content/decisions/"):
		d.kind = "decision"
	case strings.HasPrefix(rel, "content/results/"):
		d.kind = "result"
	default:
		t.Fatalf("%s: unexpected file", rel)
	}
	parts := bytes.SplitN(b, []byte("---\n"), 3)
	if !bytes.HasPrefix(b, []byte("---\n")) || len(parts) != 3 {
		t.Fatalf("%s: no front matter block", rel)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(parts[1], &n); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode {
		t.Fatalf("%s: front matter is not a mapping", rel)
	}
	allowed := schema[d.kind]
	for i := 0; i < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		if _, ok := allowed[k]; !ok {
			t.Errorf("%s: unknown key %q", rel, k)
		}
		if _, dup := d.meta[k]; dup {
			t.Errorf("%s: duplicate key %q", rel, k)
		}
		switch {
		case listKeys[k]:
			if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
				t.Errorf("%s: %s is not a list", rel, k)
			}
			d.meta[k] = ""
			continue
		case v.Kind != yaml.ScalarNode:
			t.Errorf("%s: %s is not a scalar", rel, k)
		case k == "year" || k == "campaign" || k == "order" || k == "pass_score":
			if v.Tag != "!!int" {
				t.Errorf("%s: %s = %q is not a bare integer", rel, k, v.Value)
			}
		case dateKeys[k]:
			if _, err := time.Parse("2006-01-02", v.Value); err != nil || v.Style != 0 {
				t.Errorf("%s: %s = %q is not an unquoted date", rel, k, v.Value)
			}
		case v.Tag != "!!str":
			t.Errorf("%s: %s = %q reads as %s, not text", rel, k, v.Value, v.Tag)
		}
		d.meta[k] = v.Value
	}
	for k, req := range allowed {
		if _, ok := d.meta[k]; req && !ok {
			t.Errorf("%s: required key %q missing", rel, k)
		}
	}
	return d
}

func TestDeterministic(t *testing.T) {
	a, _ := generate(t, 300)
	b, _ := generate(t, 300)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d", len(ta), len(tb))
	}
	for p, x := range ta {
		if !bytes.Equal(x, tb[p]) {
			t.Fatalf("%s differs between two runs with the same seed", p)
		}
	}
	c := t.TempDir()
	if _, err := Generate(c, Options{Registrations: 300, Seed: 43}); err != nil {
		t.Fatal(err)
	}
	if len(readTree(t, c)) == len(ta) && bytes.Equal(readTree(t, c)["content/_index.md"], ta["content/_index.md"]) {
		t.Error("another seed gives the same site")
	}
}

func TestCorpus(t *testing.T) {
	const n = 300
	dir, st := generate(t, n)
	tree := readTree(t, dir)
	byKind := map[string]map[string]doc{}
	for rel, b := range tree {
		d := parse(t, rel, b)
		if byKind[d.kind] == nil {
			byKind[d.kind] = map[string]doc{}
		}
		name := strings.TrimSuffix(filepath.Base(rel), ".md")
		if d.kind != "index" && !vi.IsSlug(name) {
			t.Errorf("%s: file name is not a slug", rel)
		}
		if d.kind == "registration" || d.kind == "decision" || d.kind == "result" {
			name = rel
		}
		byKind[d.kind][name] = d
	}
	orgs, regs, camps, flds := byKind["organisation"], byKind["registration"], byKind["campaign"], byKind["field"]
	if len(regs) != n || st.Registrations != n {
		t.Errorf("%d registration files, stats say %d, want %d", len(regs), st.Registrations, n)
	}
	if len(orgs) != st.OrganisationsTotal || len(camps) != 3 || len(flds) != len(fields) || len(byKind["index"]) != 1 {
		t.Errorf("%d organisations (stats %d), %d campaigns, %d fields", len(orgs), st.OrganisationsTotal, len(camps), len(flds))
	}
	if r := float64(n) / float64(len(orgs)); r < 6 || r > 8 {
		t.Errorf("%.1f registrations per organisation, want about 7", r)
	}
	if st.Files != len(tree) {
		t.Errorf("stats say %d files, %d written", st.Files, len(tree))
	}
	if len(byKind["decision"]) != st.Decisions+st.Appraisals+st.Recognitions || st.Decisions == 0 {
		t.Errorf("%d decision files, stats say %d + %d + %d", len(byKind["decision"]), st.Decisions, st.Appraisals, st.Recognitions)
	}
	if len(byKind["result"]) != st.Results || st.Results == 0 || st.Appraisals == 0 || st.Recognitions == 0 || st.Recognised == 0 || st.NotRecognised == 0 {
		t.Errorf("%d results files, stats say %d; %d appraisals, %d recognitions (%d recognised, %d not)", len(byKind["result"]), st.Results, st.Appraisals, st.Recognitions, st.Recognised, st.NotRecognised)
	}
	for rel, res := range byKind["result"] {
		if _, ok := regs["content/registrations/"+strings.TrimPrefix(rel, "content/results/")]; !ok {
			t.Errorf("%s: no registration of that path", rel)
		}
		if n := res.meta["number"]; n != "" && !regexp.MustCompile(content.NumberPattern).MatchString(n) {
			t.Errorf("%s: number %q", rel, n)
		}
		if len([]rune(res.meta["achieved"])) < 60 {
			t.Errorf("%s: achieved %q is short", rel, res.meta["achieved"])
		}
	}
	numbers := map[string]bool{}
	for rel, d := range byKind["decision"] {
		if k := d.meta["issuer"] + " " + d.meta["date"][:4] + " " + d.meta["number"]; numbers[k] {
			t.Errorf("%s: number %s used twice by its issuer in a year", rel, d.meta["number"])
		} else {
			numbers[k] = true
		}
		parts := strings.Split(rel, "/")
		if d.meta["campaign"] != parts[2] || d.meta["issuer"] != parts[3] {
			t.Errorf("%s: issuer %s, campaign %s", rel, d.meta["issuer"], d.meta["campaign"])
		}
		if !regexp.MustCompile(content.NumberPattern).MatchString(d.meta["number"]) {
			t.Errorf("%s: number %q", rel, d.meta["number"])
		}
	}

	// campaigns
	issued := map[string]time.Time{}
	for y, c := range camps {
		if c.meta["year"] != y {
			t.Errorf("campaign %s: year %s", y, c.meta["year"])
		}
		if _, ok := orgs[c.meta["issuer"]]; !ok {
			t.Errorf("campaign %s: issuer %q does not exist", y, c.meta["issuer"])
		}
		is, _ := time.Parse("2006-01-02", c.meta["issued"])
		dl, _ := time.Parse("2006-01-02", c.meta["deadline"])
		if dl.Before(is) {
			t.Errorf("campaign %s: deadline before issue", y)
		}
		issued[y] = is
	}

	// organisations: one root, parents exist, no cycles, successors
	roots := 0
	for id, o := range orgs {
		p, hasParent := o.meta["parent"]
		if !hasParent {
			roots++
			continue
		}
		if _, ok := orgs[p]; !ok {
			t.Errorf("organisation %s: parent %q does not exist", id, p)
		}
		seen := map[string]bool{id: true}
		depth := 1
		for cur := p; cur != ""; cur = orgs[cur].meta["parent"] {
			if seen[cur] {
				t.Fatalf("organisation %s: cycle through %s", id, cur)
			}
			seen[cur] = true
			depth++
		}
		if depth > 5 {
			t.Errorf("organisation %s: depth %d", id, depth)
		}
		if s, ok := o.meta["successor"]; ok {
			succ, exists := orgs[s]
			switch {
			case o.meta["dissolved"] == "":
				t.Errorf("organisation %s: successor without dissolved", id)
			case !exists:
				t.Errorf("organisation %s: successor %q does not exist", id, s)
			case succ.meta["dissolved"] != "" || succ.meta["parent"] != p:
				t.Errorf("organisation %s: successor %s is dissolved or not a sibling", id, s)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%d roots, want 1", roots)
	}
	if st.Dissolved == 0 {
		t.Error("no organisation dissolved")
	}

	// registrations
	used := map[string]bool{}
	titles := map[string]bool{}
	total := 0
	for rel, r := range regs {
		parts := strings.Split(rel, "/")
		year, org := parts[2], parts[3]
		if r.meta["campaign"] != year || r.meta["organisation"] != org {
			t.Errorf("%s: organisation %s, campaign %s", rel, r.meta["organisation"], r.meta["campaign"])
		}
		o, ok := orgs[org]
		if !ok {
			t.Errorf("%s: organisation does not exist", rel)
		}
		if _, ok := camps[year]; !ok {
			t.Errorf("%s: campaign does not exist", rel)
		}
		if _, ok := flds[r.meta["field"]]; !ok {
			t.Errorf("%s: field %q does not exist", rel, r.meta["field"])
		}
		if ds := o.meta["dissolved"]; ds != "" {
			if d, _ := time.Parse("2006-01-02", ds); d.Before(issued[year]) {
				t.Errorf("%s: %s was dissolved on %s, before the call", rel, org, ds)
			}
		}
		if s, ok := r.meta["status"]; ok && !strings.Contains(" "+strings.Join(Statuses, " ")+" ", " "+s+" ") {
			t.Errorf("%s: status %q", rel, s)
		}
		key := org + "/" + year + "/" + r.meta["title"]
		if titles[key] {
			t.Errorf("%s: title %q used twice by the organisation in a year", rel, r.meta["title"])
		}
		titles[key] = true
		used[r.meta["field"]] = true
		total += r.size
	}
	if len(used) != len(fields) {
		t.Errorf("%d fields used, want %d", len(used), len(fields))
	}
	if avg := float64(total) / float64(len(regs)); avg < 2048 || avg > 3072 {
		t.Errorf("average registration is %.0f bytes, want 2-3 KB", avg)
	}
	if math.Abs(float64(st.Individual)/n-0.25) > 0.1 || math.Abs(float64(st.Late)/n-0.1) > 0.06 {
		t.Errorf("%d individual, %d late of %d", st.Individual, st.Late, n)
	}
}

// Ids are vi.Slug of the title, unique, and cut before the 80th byte.
func TestIDs(t *testing.T) {
	u := ids{}
	if a, b, c := u.take("Tân Hòa"), u.take("Tân Hoà"), u.take("tan hoa"); a != "tan-hoa" || b != "tan-hoa-2" || c != "tan-hoa-3" {
		t.Errorf("clashes: %s %s %s", a, b, c)
	}
	words := strings.Repeat("abcd-", 16) // 80 bytes with the last hyphen
	for in, want := range map[string]string{
		"Thị trấn D'Ran":    "thi-tran-dran",
		words[:79]:          words[:79],
		words[:79] + "-ef":  words[:79],
		words[:79] + "e-fg": words[:74], // content.FileSlug keeps "abcde", which ends on the 80th byte
	} {
		if got := cutSlug(vi.Slug(in)); got != want || !vi.IsSlug(got) {
			t.Errorf("cutSlug(vi.Slug(%q)) = %q, want %q", in, got, want)
		}
	}
}

func TestYears(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, Options{Registrations: 50, Seed: 1, Years: []int{2025, 2024}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Campaigns != 2 || st.Registrations != 50 {
		t.Errorf("%+v", st)
	}
	for _, y := range []int{2024, 2025} {
		if _, err := os.Stat(filepath.Join(dir, "content", "campaigns", strconv.Itoa(y)+".md")); err != nil {
			t.Error(err)
		}
	}
	if _, err := Generate(t.TempDir(), Options{Registrations: -1}); err == nil {
		t.Error("negative count accepted")
	}
}

// The site loads without an error, on the corpus's own today and on the
// real one, and the statuses the loader derives from the decisions,
// results reports, appraisals and recognitions are the ones the generator
// counted.
func TestLoads(t *testing.T) {
	const n = 1000
	dir, st := generate(t, n)
	last := DefaultYears[len(DefaultYears)-1]
	snapshot, _ := content.ParseDate(day(last, time.January, 10).AddDate(0, 0, horizonDays).Format("2006-01-02"))
	for _, today := range []content.Date{snapshot, {}} {
		site, diags := content.LoadWith(os.DirFS(dir), content.Options{Today: today})
		for _, d := range diags {
			if d.Severity == diag.Error || d.Code == "below-pass-score" || d.Code == "text-too-short" {
				t.Errorf("today %s: %s", today, d)
			}
		}
		if want := st.Decisions + st.Appraisals + st.Recognitions; len(site.Decisions) != want {
			t.Errorf("%d decisions loaded, %d written", len(site.Decisions), want)
		}
		if len(site.Results) != st.Results {
			t.Errorf("%d results loaded, %d written", len(site.Results), st.Results)
		}
		checkJudgements(t, site, st)
		statuses, decided, undecided := map[string]int{}, 0, 0
		for _, r := range site.Registrations {
			statuses[string(r.Status)]++
			switch {
			case r.Decision != nil:
				decided++
			case r.Status != content.Registered:
				undecided++
			}
		}
		for _, s := range Statuses {
			if statuses[s] != st.Statuses[s] {
				t.Errorf("%s: %d loaded, %d generated", s, statuses[s], st.Statuses[s])
			}
		}
		if decided != st.Decided || undecided != st.Undecided {
			t.Errorf("decided %d, undecided %d; stats say %d, %d", decided, undecided, st.Decided, st.Undecided)
		}
		if st.Decided < n/2 || st.Undecided == 0 || st.Supplementary == 0 {
			t.Errorf("decided %d, undecided %d, supplementary notices %d of %d registrations", st.Decided, st.Undecided, st.Supplementary, n)
		}
	}
}

// A level that ended before it could decide, and a group registered after
// the corpus's today, stay undecided; a level that ended after its group
// decides before it ends.
func TestDecisionDates(t *testing.T) {
	c := &campaign{year: 2024, number: "1-CV/TU", issued: day(2023, time.December, 15), deadline: day(2024, time.January, 10)}
	root := &org{idx: 0, parent: -1, id: "tinh-uy", kind: KindCapUy, numSuffix: "TU"}
	ended := &org{idx: 1, parent: 0, id: "chi-bo-a", kind: KindChiBoCoSo, numSuffix: "CB", dissolved: day(2024, time.January, 5)}
	late := &org{idx: 2, parent: 0, id: "chi-bo-b", kind: KindChiBoCoSo, numSuffix: "CB", dissolved: day(2024, time.January, 9)}
	open := &org{idx: 3, parent: 0, id: "chi-bo-c", kind: KindChiBoCoSo, numSuffix: "CB"}
	orgs := []*org{root, ended, late, open}
	decided := 0
	for seed := range 40 {
		regs := []*reg{
			{idx: 0, org: ended, camp: c, member: "A", date: day(2024, time.January, 5), status: "approved", writeStatus: true},
			{idx: 1, org: late, camp: c, member: "B", date: day(2024, time.January, 5), status: "rejected", writeStatus: true},
			{idx: 2, org: open, camp: c, member: "C", date: c.deadline.AddDate(0, 0, horizonDays+1), status: "approved", writeStatus: true},
		}
		for _, d := range planDecisions(rand.New(rand.NewPCG(uint64(seed), 1)), regs, []*campaign{c}, orgs) {
			switch d.issuer {
			case late:
				decided++
				if d.date.Before(regs[1].date) || !d.date.Before(late.dissolved) || len(d.rejected) != 1 || d.number != "1-TB/CB" || regs[1].writeStatus {
					t.Errorf("seed %d: %+v", seed, d)
				}
			default:
				t.Errorf("seed %d: %s decided on %s", seed, d.issuer.id, d.date.Format(time.DateOnly))
			}
		}
		if !regs[0].writeStatus || !regs[2].writeStatus {
			t.Errorf("seed %d: an undecided registration lost its status", seed)
		}
	}
	if decided == 0 {
		t.Error("a level that could decide never did")
	}
}

// checkJudgements checks the second half of the year as loaded: each
// report after its approval, each appraisal after the reports it scores
// and by the approving level or an advisory body under it, each
// recognition after the appraisal and only of models at the pass score.
func checkJudgements(t *testing.T, site *content.Site, st Stats) {
	t.Helper()
	scored, recognised, notRecognised := 0, 0, 0
	for _, r := range site.Registrations {
		ref := content.RegistrationRef(r)
		if res := r.Result; res != nil {
			if r.Decision == nil || r.DecisionRejects || !res.Date.After(r.Decision.Date) {
				t.Errorf("%s: results report of %s not after its approval", res.Path, res.Date)
			}
			if r.Campaign.Year == DefaultYears[len(DefaultYears)-1] {
				t.Errorf("%s: results report in the newest call", res.Path)
			}
		}
		if a := r.Appraisal; a != nil {
			scored++
			level := r.ApprovingLevel()
			if a.Issuer != level && (a.Issuer.Kind != content.CoQuanThamMuu || a.Issuer.Parent != level) {
				t.Errorf("%s: %s appraised by %s, approved by %s", a.Path, ref, a.Issuer.ID, level.ID)
			}
			if a.Date.Before(r.Result.Date) {
				t.Errorf("%s: %s appraised before its report", a.Path, ref)
			}
		}
		if d := r.Recognition; d != nil {
			if r.Appraisal == nil || d.Date.Before(r.Appraisal.Date) || d.Issuer != r.ApprovingLevel() {
				t.Errorf("%s: %s recognised without an appraisal before, or by another level", d.Path, ref)
				continue
			}
			if r.RecognitionRejects {
				notRecognised++
			} else {
				recognised++
				if r.Score.Total < r.Campaign.PassScore {
					t.Errorf("%s: %s recognised with %d points", d.Path, ref, r.Score.Total)
				}
			}
		}
	}
	if scored != st.Scored || recognised != st.Recognised || notRecognised != st.NotRecognised {
		t.Errorf("scored %d, recognised %d, not %d; stats say %d, %d, %d", scored, recognised, notRecognised, st.Scored, st.Recognised, st.NotRecognised)
	}
	if st.Results == 0 || st.LateResults == 0 || st.Appraisals == 0 || st.Recognised == 0 || st.NotRecognised == 0 {
		t.Errorf("results %d (late %d), appraisals %d, recognised %d, not %d", st.Results, st.LateResults, st.Appraisals, st.Recognised, st.NotRecognised)
	}
	boards := 0
	for _, d := range site.Decisions {
		if d.Kind == content.Appraisal && d.Issuer.Kind == content.CoQuanThamMuu && len(d.Scores) > 0 && d.Scores[0].Registration.ApprovingLevel() != d.Issuer {
			boards++
		}
	}
	if boards == 0 {
		t.Error("no appraisal by a committee's Ban Tổ chức")
	}
}
