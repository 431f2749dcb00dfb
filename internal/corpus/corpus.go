// Package corpus generates a realistic, deterministic content tree for
// mohinh: a province's Party organisations, their registrations of "mô
// hình mới, cách làm sáng tạo", the notices approving them and, for the
// calls whose year is over, the results reports, appraisals and
// recognitions (results.go), in the format of docs/content-format.md. It
// is what the benchmarks are measured on.
package corpus

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/work"
)

// Options says what to generate.
type Options struct {
	Registrations int   // number of registration files
	Seed          int64 // same options, same bytes
	Years         []int // campaign years; default 2023, 2024, 2025
}

// DefaultYears are the campaign years when Options.Years is empty.
var DefaultYears = []int{2023, 2024, 2025}

// Stats counts what was written.
type Stats struct {
	Organisations      map[string]int // by kind
	OrganisationsTotal int
	Dissolved          int
	MaxDepth           int
	Campaigns          int
	Fields             int
	Registrations      int
	Individual         int
	Late               int
	Statuses           map[string]int
	Decisions          int // approval notices (appraisals and recognitions are counted below)
	Supplementary      int // of which supplementary ones, for late registrations
	Decided            int // registrations a decision lists
	Undecided          int // registrations past "registered" that no decision lists
	Results            int // results reports
	LateResults        int // of which filed after the call's results deadline
	Appraisals         int // appraisal reports
	Scored             int // registrations an appraisal scores
	Recognitions       int // recognition decisions
	Recognised         int // registrations a recognition recognises
	NotRecognised      int // registrations a recognition does not recognise
	Files              int
	Bytes              int64
	RegistrationBytes  int64
}

// String formats the stats, one figure a line, in a fixed order.
func (s Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "organisations     %d (depth %d, dissolved %d)\n", s.OrganisationsTotal, s.MaxDepth, s.Dissolved)
	for _, k := range Kinds {
		fmt.Fprintf(&b, "  %-18s %d\n", k, s.Organisations[k])
	}
	fmt.Fprintf(&b, "campaigns         %d\n", s.Campaigns)
	fmt.Fprintf(&b, "fields            %d\n", s.Fields)
	fmt.Fprintf(&b, "registrations     %d (individual %d, late %d)\n", s.Registrations, s.Individual, s.Late)
	for _, st := range Statuses {
		fmt.Fprintf(&b, "  %-18s %d\n", st, s.Statuses[st])
	}
	fmt.Fprintf(&b, "decisions         %d (supplementary %d; deciding %d registrations, %d past registered undecided)\n", s.Decisions, s.Supplementary, s.Decided, s.Undecided)
	fmt.Fprintf(&b, "results           %d (late %d)\n", s.Results, s.LateResults)
	fmt.Fprintf(&b, "appraisals        %d (scoring %d registrations)\n", s.Appraisals, s.Scored)
	fmt.Fprintf(&b, "recognitions      %d (recognising %d, not %d)\n", s.Recognitions, s.Recognised, s.NotRecognised)
	avg := 0.0
	if s.Registrations > 0 {
		avg = float64(s.RegistrationBytes) / float64(s.Registrations)
	}
	fmt.Fprintf(&b, "files             %d\n", s.Files)
	fmt.Fprintf(&b, "bytes             %d (registrations %d, %.0f B each)\n", s.Bytes, s.RegistrationBytes, avg)
	return b.String()
}

type task struct {
	path   string
	reg    bool
	render func(*bytes.Buffer)
}

// Generate writes a complete site into dir (dir/content/...). Existing files
// with the same names are overwritten; nothing else is removed.
func Generate(dir string, opts Options) (Stats, error) {
	if opts.Registrations < 0 {
		return Stats{}, fmt.Errorf("corpus: negative number of registrations %d", opts.Registrations)
	}
	years := slices.Clone(opts.Years)
	if len(years) == 0 {
		years = slices.Clone(DefaultYears)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	if years[0] < 1901 || years[len(years)-1] > 9998 {
		return Stats{}, fmt.Errorf("corpus: years must be between 1901 and 9998, got %v", years)
	}
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x6d6f68696e68))
	orgs := buildOrgs(r, int(math.Round(float64(opts.Registrations)/registrationsPerOrg)))
	dissolve(r, orgs, years[len(years)/2])
	root := orgs[0]
	camps := planCampaigns(r, years, root)
	regs := planRegs(r, opts.Registrations, camps, orgs)
	decs := planDecisions(r, regs, camps, orgs)
	results := planResults(r, regs, camps)
	judged := planJudgements(r, regs, camps, orgs)
	numberDecisions(append(slices.Clone(decs), judged...))

	st := Stats{
		Organisations: map[string]int{}, Statuses: map[string]int{},
		OrganisationsTotal: len(orgs), Campaigns: len(camps), Fields: len(fields), Registrations: len(regs),
		Decisions: len(decs),
	}
	contentDir := filepath.Join(dir, "content")
	var tasks []task
	tasks = append(tasks, task{path: filepath.Join(contentDir, "_index.md"), render: func(b *bytes.Buffer) { renderIndex(b, root, years) }})
	for _, c := range camps {
		tasks = append(tasks, task{
			path:   filepath.Join(contentDir, "campaigns", strconv.Itoa(c.year)+".md"),
			render: func(b *bytes.Buffer) { renderCampaign(b, c, root) },
		})
	}
	for i := range fields {
		f := &fields[i]
		tasks = append(tasks, task{
			path:   filepath.Join(contentDir, "fields", f.id+".md"),
			render: func(b *bytes.Buffer) { renderField(b, f, i+1) },
		})
	}
	for _, o := range orgs {
		st.Organisations[o.kind]++
		st.MaxDepth = max(st.MaxDepth, o.depth)
		if !o.dissolved.IsZero() {
			st.Dissolved++
		}
		tasks = append(tasks, task{
			path:   filepath.Join(contentDir, "organisations", o.id+".md"),
			render: func(b *bytes.Buffer) { renderOrg(b, o, orgs) },
		})
	}
	dirs := []string{filepath.Join(contentDir, "campaigns"), filepath.Join(contentDir, "fields"), filepath.Join(contentDir, "organisations")}
	seen := map[string]bool{}
	for _, rg := range regs {
		file := filepath.Join(dir, filepath.FromSlash(content.RegistrationPath(rg.camp.year, rg.org.id, rg.slug)))
		d := filepath.Dir(file)
		if !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
		if rg.member != "" {
			st.Individual++
		}
		if rg.late {
			st.Late++
		}
		st.Statuses[rg.status]++
		switch {
		case rg.decided:
			st.Decided++
		case rg.status != "registered":
			st.Undecided++
		}
		tasks = append(tasks, task{
			path: file, reg: true,
			render: func(b *bytes.Buffer) { renderReg(b, rg, opts.Seed) },
		})
	}
	for _, d := range decs {
		if d.supplementary {
			st.Supplementary++
		}
		file := filepath.Join(dir, filepath.FromSlash(content.DecisionPath(d.camp.year, d.issuer.id, d.slug())))
		if dd := filepath.Dir(file); !seen[dd] {
			seen[dd] = true
			dirs = append(dirs, dd)
		}
		tasks = append(tasks, task{path: file, render: func(b *bytes.Buffer) { renderDecision(b, d, root, orgs) }})
	}
	for _, res := range results {
		st.Results++
		if res.late {
			st.LateResults++
		}
		file := filepath.Join(dir, filepath.FromSlash(resultFile(res.rg)))
		if dd := filepath.Dir(file); !seen[dd] {
			seen[dd] = true
			dirs = append(dirs, dd)
		}
		tasks = append(tasks, task{path: file, render: func(b *bytes.Buffer) { renderResult(b, res, opts.Seed) }})
	}
	for _, d := range judged {
		if d.kind == "appraisal" {
			st.Appraisals++
			st.Scored += len(d.scores)
		} else {
			st.Recognitions++
			st.Recognised += len(d.approved)
			st.NotRecognised += len(d.rejected)
		}
		file := filepath.Join(dir, filepath.FromSlash(content.DecisionPath(d.camp.year, d.issuer.id, d.slug())))
		if dd := filepath.Dir(file); !seen[dd] {
			seen[dd] = true
			dirs = append(dirs, dd)
		}
		tasks = append(tasks, task{path: file, render: func(b *bytes.Buffer) { renderDecision(b, d, root, orgs) }})
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return st, err
		}
	}
	st.Files = len(tasks)
	var err error
	st.Bytes, st.RegistrationBytes, err = write(tasks)
	return st, err
}

// write renders and writes the files on all cores; it returns the bytes
// written in all and in registrations, and the first error. Each job is a
// run of neighbouring files, so that workers seldom create files in the
// same folder at the same time.
func write(tasks []task) (all, regs int64, err error) {
	const chunk = 64
	var total, regBytes atomic.Int64
	err = work.Each((len(tasks)+chunk-1)/chunk, func() *bytes.Buffer { return new(bytes.Buffer) }, func(j int, b *bytes.Buffer) error {
		for _, t := range tasks[j*chunk : min((j+1)*chunk, len(tasks))] {
			b.Reset()
			t.render(b)
			if err := os.WriteFile(t.path, b.Bytes(), 0o644); err != nil {
				return err
			}
			total.Add(int64(b.Len()))
			if t.reg {
				regBytes.Add(int64(b.Len()))
			}
		}
		return nil
	})
	return total.Load(), regBytes.Load(), err
}
