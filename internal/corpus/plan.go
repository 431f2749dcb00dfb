package corpus

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Registration statuses (docs/content-format.md).
var Statuses = []string{"registered", "approved", "rejected", "implementing", "completed", "recognised", "not-recognised"}

// statusWeights[age] are the weights of Statuses for a call age years old.
var statusWeights = [][]int{
	{30, 35, 5, 30, 0, 0, 0},
	{0, 5, 5, 40, 35, 10, 5},
	{0, 0, 5, 5, 20, 55, 15},
}

type campaign struct {
	year             int
	number           string
	issued, deadline time.Time
	signer           string
	recipients       []string
}

type reg struct {
	idx          int
	org          *org
	camp         *campaign
	field, topic int
	title, slug  string
	member       string
	number       string
	date         time.Time
	signer       string
	signerTitle  string
	status       string
	writeStatus  bool
	decided      bool      // listed by a decision (decisions.go)
	approval     *decision // the notice that approved it
	result       *result   // its results report (results.go)
	appraisal    *decision // the appraisal that scored it
	recognition  *decision // the recognition that decided on it
	late         bool
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func planCampaigns(r *rand.Rand, years []int, root *org) []*campaign {
	var cs []*campaign
	for i, y := range years {
		c := &campaign{
			year:     y,
			number:   strconv.Itoa(100+r.IntN(900)) + "-CV/" + root.numSuffix,
			issued:   day(y-1, time.December, 14+r.IntN(8)),
			deadline: day(y, time.January, 10),
			signer:   root.deputy,
		}
		if i == len(years)-1 {
			c.recipients = []string{"Ban Thường vụ " + root.title, "Ban Tổ chức " + root.title, "Ban Tuyên giáo " + root.title}
		}
		cs = append(cs, c)
	}
	return cs
}

// planRegs spreads n registrations over the calls and the organisations
// that existed when each call was issued.
func planRegs(r *rand.Rand, n int, camps []*campaign, orgs []*org) []*reg {
	var regs []*reg
	titles := map[string]bool{}
	slugs := map[string]ids{}
	last := camps[len(camps)-1].year
	for ci, c := range camps {
		count := n / len(camps)
		if ci < n%len(camps) {
			count++
		}
		var elig []*org
		var cum []float64
		total := 0.0
		for _, o := range orgs {
			if o.weight > 0 && (o.dissolved.IsZero() || o.dissolved.After(c.issued)) {
				total += o.weight
				elig = append(elig, o)
				cum = append(cum, total)
			}
		}
		for j := 0; j < count; j++ {
			x := r.Float64() * total
			o := elig[min(sort.SearchFloat64s(cum, x), len(elig)-1)]
			rg := &reg{idx: len(regs), org: o, camp: c, field: r.IntN(len(fields))}
			if rg.idx < len(fields) {
				rg.field = rg.idx
			}
			f := &fields[rg.field]
			rg.topic = r.IntN(len(f.topics))
			prefix := strconv.Itoa(o.idx) + "/" + strconv.Itoa(c.year) + "/"
			for try := 0; ; try++ {
				rg.title = regTitle(r, f, o.locus, f.topics[rg.topic], c.year)
				if try > 20 {
					rg.title += " – đợt " + strconv.Itoa(try-19)
				}
				if !titles[prefix+rg.title] {
					titles[prefix+rg.title] = true
					break
				}
			}
			if slugs[prefix] == nil {
				slugs[prefix] = ids{}
			}
			rg.slug = slugs[prefix].take(rg.title)
			if r.IntN(100) < 25 {
				rg.member = personName(r)
			} else if r.IntN(100) < 95 {
				if o.counter == 0 {
					o.counter = r.IntN(40)
				}
				o.counter += 1 + r.IntN(3)
				rg.number = strconv.Itoa(o.counter) + "-CV/" + o.numSuffix
			}
			if r.IntN(100) < 10 {
				rg.date = c.deadline.AddDate(0, 0, 1+r.IntN(5))
				rg.late = true
			} else {
				days := int(c.deadline.Sub(c.issued).Hours() / 24)
				rg.date = c.issued.AddDate(0, 0, 1+r.IntN(days))
			}
			rg.signer, rg.signerTitle = o.secretary, o.headTitle
			if r.IntN(100) < 15 {
				rg.signer, rg.signerTitle = o.deputy, o.deputyTitle
			}
			rg.status = pickStatus(r, min(last-c.year, len(statusWeights)-1))
			rg.writeStatus = rg.status != "registered" || r.IntN(2) == 0
			regs = append(regs, rg)
		}
	}
	return regs
}

func pickStatus(r *rand.Rand, age int) string {
	w := statusWeights[age]
	total := 0
	for _, x := range w {
		total += x
	}
	x := r.IntN(total)
	for i, v := range w {
		if x < v {
			return Statuses[i]
		}
		x -= v
	}
	return Statuses[0]
}

// regTitle composes a model's name.
func regTitle(r *rand.Rand, f *field, locus, topic string, year int) string {
	t := pick(r, f.titles)
	t = strings.ReplaceAll(t, "{L}", locus)
	t = strings.ReplaceAll(t, "{T}", topic)
	switch x := r.IntN(100); {
	case x < 10 && !strings.ContainsAny(t, "“\""):
		t = "Mô hình “" + t + "”"
	case x < 22:
		t += " năm " + strconv.Itoa(year)
	case x < 26:
		t += " giai đoạn " + strconv.Itoa(year) + "–" + strconv.Itoa(year+2)
	}
	return t
}
