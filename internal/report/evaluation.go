package report

import (
	"strconv"

	"github.com/mohinh/mohinh/internal/content"
)

// The year-end evaluation (the call 943-CV/HU, item 4: registering and
// reporting the results of models "là căn cứ để đánh giá, xếp loại cuối
// năm"): for every organisation expected to answer a call, what it
// registered and when, what was approved, whether it reported results and
// when, how its models were appraised and whether they were recognised —
// and, in plain words, what it has not done and what awaits the levels
// above it.

// Evaluation is the year-end evaluation of the organisations a summary's
// compliance expects: the call issuer's of the organisations under it,
// or a level's of its sub-units.
type Evaluation struct {
	Rows   []Evaluated // as the compliance's entries
	Total  Progress    // of every row
	Scored bool        // the call defines criteria, so models are appraised
}

// Evaluated is one expected organisation at the year's end.
type Evaluated struct {
	Entry
	Progress
	Scores  []int    // the totals of its appraised models, in the call's order
	Gaps    []string // what it has not done: "Chưa báo cáo kết quả 2 mô hình"
	Pending []string // what awaits the levels above it: "1 mô hình chờ thẩm định"
}

// Progress counts registrations by how far through the year they went.
type Progress struct {
	Registered    int
	Approved      int // approved, and whatever came after
	Rejected      int
	Undecided     int
	Results       int // results reported
	ResultsLate   int // of those, after the call's results deadline
	Appraised     int
	Recognised    int
	NotRecognised int
}

// add counts r.
func (p *Progress) add(r *content.Registration) {
	p.Registered++
	switch r.Status {
	case content.Registered:
		p.Undecided++
	case content.Rejected:
		p.Rejected++
	default:
		p.Approved++
	}
	if r.Result != nil {
		p.Results++
		if r.Result.DaysLate() > 0 {
			p.ResultsLate++
		}
	}
	if r.Score != nil {
		p.Appraised++
	}
	if r.Recognition != nil {
		if r.RecognitionRejects {
			p.NotRecognised++
		} else {
			p.Recognised++
		}
	}
}

func (p *Progress) plus(q Progress) {
	p.Registered += q.Registered
	p.Approved += q.Approved
	p.Rejected += q.Rejected
	p.Undecided += q.Undecided
	p.Results += q.Results
	p.ResultsLate += q.ResultsLate
	p.Appraised += q.Appraised
	p.Recognised += q.Recognised
	p.NotRecognised += q.NotRecognised
}

// Evaluate computes the year-end evaluation of cp, the compliance of
// call c: linear in the registrations it counts.
func Evaluate(c *content.Campaign, cp Compliance) Evaluation {
	ev := Evaluation{Rows: make([]Evaluated, len(cp.Entries)), Scored: len(c.Criteria) > 0}
	for i, e := range cp.Entries {
		row := Evaluated{Entry: e}
		for _, r := range e.Registrations {
			row.add(r)
			if r.Score != nil {
				row.Scores = append(row.Scores, r.Score.Total)
			}
		}
		row.Gaps, row.Pending = gaps(e, row.Progress), pending(row.Progress, ev.Scored)
		ev.Total.plus(row.Progress)
		ev.Rows[i] = row
	}
	return ev
}

// gaps says what an organisation has not done of what the call asks.
func gaps(e Entry, p Progress) []string {
	var out []string
	switch e.State {
	case Missing:
		return []string{"Chưa đăng ký mô hình"}
	case Late:
		out = append(out, "Đăng ký muộn "+strconv.Itoa(e.DaysLate)+" ngày")
	}
	if p.Approved == 0 && p.Undecided == 0 {
		out = append(out, "Không có mô hình được thông qua")
	}
	if n := p.Approved - p.Results; n > 0 {
		out = append(out, "Chưa báo cáo kết quả "+models(n, p.Approved))
	}
	if p.ResultsLate > 0 {
		out = append(out, "Báo cáo kết quả muộn "+models(p.ResultsLate, p.Results))
	}
	return out
}

// pending says what of an organisation's models awaits a decision of the
// levels above it.
func pending(p Progress, scored bool) []string {
	var out []string
	if p.Undecided > 0 {
		out = append(out, strconv.Itoa(p.Undecided)+" mô hình chờ xét duyệt")
	}
	if n := p.Results - p.Appraised; scored && n > 0 {
		out = append(out, strconv.Itoa(n)+" mô hình chờ thẩm định")
	}
	if n := p.Results - p.Recognised - p.NotRecognised; n > 0 {
		out = append(out, strconv.Itoa(n)+" mô hình chờ xét công nhận")
	}
	return out
}

// models is "2 mô hình", or "2/3 mô hình" when not all of its of.
func models(n, of int) string {
	if n == of {
		return strconv.Itoa(n) + " mô hình"
	}
	return strconv.Itoa(n) + "/" + strconv.Itoa(of) + " mô hình"
}

// Evaluates reports whether level o evaluates sub-units for call c: some
// organisation directly under it existed to answer the call. Levels
// gives the levels; the call's issuer evaluates those the call expects.
func Evaluates(o *content.Organisation, c *content.Campaign) bool {
	for _, child := range o.Children {
		if existed(child, c) {
			return true
		}
	}
	return false
}
