package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// JSONVersion is the version of the JSON shape. It changes only when a
// field is removed or changes meaning; new fields may appear within a
// version, so readers should ignore fields they do not know.
const JSONVersion = 1

// Document is the shape of registrations.json: the whole portal's at the
// root, one call's beside the call's page. docs/json.md documents it for
// other tools. Every field is always present; absent values are "" or null
// as documented, never a missing key.
type Document struct {
	Version   int        `json:"version"`   // JSONVersion
	Site      string     `json:"site"`      // the portal's title
	Campaigns []Campaign `json:"campaigns"` // newest first; one in a call's file
}

// Campaign is one call and what answered it.
type Campaign struct {
	Year          int            `json:"year"`
	Title         string         `json:"title"`
	Number        string         `json:"number"`   // "943-CV/HU"
	Issued        *string        `json:"issued"`   // YYYY-MM-DD
	Deadline      *string        `json:"deadline"` // YYYY-MM-DD
	Issuer        *Organisation  `json:"issuer"`   // null when unknown
	URL           string         `json:"url"`
	Criteria      []Criterion    `json:"criteria"`      // how appraisals score; [] when the call has no scoring
	PassScore     int            `json:"pass_score"`    // 0 when the call has no scoring
	Registrations []Registration `json:"registrations"` // by organisation, then title
	Compliance    []Compliance   `json:"compliance"`    // every organisation expected to answer
	Evaluation    []Evaluation   `json:"evaluation"`    // the year-end evaluation of every expected organisation
}

// Criterion is one criterion of a call's appraisals.
type Criterion struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Max   int    `json:"max"`
}

// Organisation names an organisation.
type Organisation struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Kind  string `json:"kind"` // cap-uy, co-quan-tham-muu, dang-uy-co-so, chi-bo-co-so, chi-bo-truc-thuoc
}

// Field names a field.
type Field struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Registration is one registration.
type Registration struct {
	Path            string        `json:"path"` // the file in the content repository
	URL             string        `json:"url"`
	Title           string        `json:"title"`
	Organisation    Organisation  `json:"organisation"`
	Field           Field         `json:"field"`
	Individual      bool          `json:"individual"` // true: a Party member's (cá nhân); false: the organisation's (tập thể)
	Member          string        `json:"member"`     // the member's name; "" when collective
	Number          string        `json:"number"`     // "12-CV/ĐU"; "" when none
	Date            *string       `json:"date"`       // YYYY-MM-DD; null when not given
	Timeliness      string        `json:"timeliness"` // ontime, late, unknown (no date)
	DaysLate        int           `json:"days_late"`  // 0 unless late
	Status          string        `json:"status"`     // registered, approved, rejected, implementing, completed, recognised, not-recognised
	Signer          string        `json:"signer"`
	SignerTitle     string        `json:"signer_title"`
	Novelty         string        `json:"novelty"`
	ExpectedResults string        `json:"expected_results"`
	ApprovingLevel  *Organisation `json:"approving_level"` // who approves it; null when nobody is above
	Decision        *Decision     `json:"decision"`        // the document that decided it; null while undecided
	Result          *Result       `json:"result"`          // its results report; null while none
	Appraisal       *Appraisal    `json:"appraisal"`       // its line of the appraisal that scored it; null while none
	Recognition     *Recognition  `json:"recognition"`     // the decision that recognised it or not; null while none
}

// Result is a registration's results report.
type Result struct {
	Path        string  `json:"path"`
	Number      string  `json:"number"`
	Date        *string `json:"date"`
	DaysLate    int     `json:"days_late"` // after the call's results deadline; 0 when on time
	Signer      string  `json:"signer"`
	SignerTitle string  `json:"signer_title"`
	Achieved    string  `json:"achieved"`
	Lessons     string  `json:"lessons"`
}

// Appraisal is a registration's scores in the appraisal that scored it.
type Appraisal struct {
	Path   string       `json:"path"`
	Issuer Organisation `json:"issuer"`
	Number string       `json:"number"`
	Date   *string      `json:"date"`
	Points []Points     `json:"points"` // in the call's order of criteria
	Total  int          `json:"total"`
	Max    int          `json:"max"`
	Note   string       `json:"note"`
}

// Points are the points given for one criterion.
type Points struct {
	Criterion string `json:"criterion"` // its id
	Points    int    `json:"points"`
}

// Recognition is the decision that recognised a registration, or did not.
type Recognition struct {
	Path       string       `json:"path"`
	Issuer     Organisation `json:"issuer"`
	Number     string       `json:"number"`
	Date       *string      `json:"date"`
	Recognised bool         `json:"recognised"`
	Reason     string       `json:"reason"` // why it was not; "" when recognised
}

// Evaluation is one expected organisation at the year's end.
type Evaluation struct {
	Organisation  Organisation `json:"organisation"`
	State         string       `json:"state"` // of its registering: ontime, late, undated, missing
	Registered    int          `json:"registered"`
	Approved      int          `json:"approved"`
	Rejected      int          `json:"rejected"`
	Undecided     int          `json:"undecided"`
	Results       int          `json:"results"`
	ResultsLate   int          `json:"results_late"`
	Appraised     int          `json:"appraised"`
	Scores        []int        `json:"scores"` // the totals of its appraised models
	Recognised    int          `json:"recognised"`
	NotRecognised int          `json:"not_recognised"`
	Gaps          []string     `json:"gaps"`    // what it has not done, in Vietnamese
	Pending       []string     `json:"pending"` // what awaits the levels above it, in Vietnamese
}

// Decision is the document that approved or rejected a registration.
type Decision struct {
	Path     string       `json:"path"` // the file in the content repository
	Issuer   Organisation `json:"issuer"`
	Number   string       `json:"number"` // "15-TB/ĐU"
	Date     *string      `json:"date"`   // YYYY-MM-DD
	Approved bool         `json:"approved"`
	Reason   string       `json:"reason"` // why it was rejected; "" when approved
}

// Compliance is whether one expected organisation answered the call.
type Compliance struct {
	Organisation  Organisation `json:"organisation"`
	State         string       `json:"state"`         // ontime, late, undated, missing
	DaysLate      int          `json:"days_late"`     // 0 unless late
	FirstDate     *string      `json:"first_date"`    // its first registration's date; null when none
	Registrations int          `json:"registrations"` // its own and its branches' and members'
}

// campaignHead is the call of s without its lists, which JSON streams.
func campaignHead(s *report.Summary, links Links) Campaign {
	c := s.Campaign
	jc := Campaign{
		Year: c.Year, Title: c.Title, Number: c.Number,
		Issued: date(c.Issued), Deadline: date(c.Deadline),
		URL: links.Campaign(c),
	}
	if c.Issuer != nil {
		o := organisation(c.Issuer)
		jc.Issuer = &o
	}
	jc.Criteria, jc.PassScore = []Criterion{}, c.PassScore
	for _, k := range c.Criteria {
		jc.Criteria = append(jc.Criteria, Criterion{ID: k.ID, Title: k.Title, Max: k.Max})
	}
	return jc
}

func registrationRecord(r *content.Registration, links Links) Registration {
	return Registration{
		Path: r.Path, URL: links.Registration(r), Title: r.Title,
		Organisation: organisation(r.Organisation),
		Field:        Field{ID: r.Field.ID, Title: r.Field.Title},
		Individual:   r.Individual(), Member: r.Member, Number: r.Number,
		Date: date(r.Date), Timeliness: r.Timeliness().Key(), DaysLate: r.DaysLate(),
		Status: string(r.Status), Signer: r.Signer, SignerTitle: r.SignerTitle,
		Novelty: r.Novelty, ExpectedResults: r.ExpectedResults,
		ApprovingLevel: organisationOrNil(r.ApprovingLevel()),
		Decision:       decisionRecord(r),
		Result:         resultRecord(r.Result),
		Appraisal:      appraisalRecord(r),
		Recognition:    recognitionRecord(r),
	}
}

func resultRecord(res *content.Result) *Result {
	if res == nil {
		return nil
	}
	return &Result{
		Path: res.Path, Number: res.Number, Date: date(res.Date), DaysLate: res.DaysLate(),
		Signer: res.Signer, SignerTitle: res.SignerTitle, Achieved: res.Achieved, Lessons: res.Lessons,
	}
}

func appraisalRecord(r *content.Registration) *Appraisal {
	d, sc := r.Appraisal, r.Score
	if d == nil || sc == nil || d.Issuer == nil {
		return nil
	}
	a := &Appraisal{
		Path: d.Path, Issuer: organisation(d.Issuer), Number: d.Number, Date: date(d.Date),
		Points: make([]Points, 0, len(sc.Points)), Total: sc.Total, Max: r.Campaign.MaxScore(), Note: sc.Note,
	}
	for i, n := range sc.Points {
		a.Points = append(a.Points, Points{Criterion: r.Campaign.Criteria[i].ID, Points: n})
	}
	return a
}

func recognitionRecord(r *content.Registration) *Recognition {
	d := r.Recognition
	if d == nil || d.Issuer == nil {
		return nil
	}
	return &Recognition{
		Path: d.Path, Issuer: organisation(d.Issuer), Number: d.Number, Date: date(d.Date),
		Recognised: !r.RecognitionRejects, Reason: r.RecognitionReason,
	}
}

func evaluationRecord(e report.Evaluated) Evaluation {
	return Evaluation{
		Organisation: organisation(e.Organisation), State: e.State.Key(),
		Registered: e.Registered, Approved: e.Approved, Rejected: e.Rejected, Undecided: e.Undecided,
		Results: e.Results, ResultsLate: e.ResultsLate, Appraised: e.Appraised, Scores: nonNil(e.Scores),
		Recognised: e.Recognised, NotRecognised: e.NotRecognised, Gaps: nonNil(e.Gaps), Pending: nonNil(e.Pending),
	}
}

// nonNil is s, or an empty list: every list is [] when empty, never null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func decisionRecord(r *content.Registration) *Decision {
	d := r.Decision
	if d == nil || d.Issuer == nil {
		return nil
	}
	return &Decision{
		Path: d.Path, Issuer: organisation(d.Issuer), Number: d.Number, Date: date(d.Date),
		Approved: !r.DecisionRejects, Reason: r.DecisionReason,
	}
}

func organisationOrNil(o *content.Organisation) *Organisation {
	if o == nil {
		return nil
	}
	jo := organisation(o)
	return &jo
}

func complianceRecord(e report.Entry) Compliance {
	return Compliance{
		Organisation: organisation(e.Organisation), State: e.State.Key(), DaysLate: e.DaysLate,
		FirstDate: date(e.First), Registrations: len(e.Registrations),
	}
}

func organisation(o *content.Organisation) Organisation {
	return Organisation{ID: o.ID, Title: o.Title, Kind: string(o.Kind)}
}

func date(d content.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// JSON writes the Document of the calls summarised in sums: indented with
// two spaces down to the lists, each registration and each compliance
// entry on a line of its own, text as it is (no "\u003c" for "<"), with a
// final newline. It writes one record at a time, so that a province's file
// (~70 MB at 50,000 registrations) is never whole in memory; a record on
// one line keeps the file greppable and a change to one registration one
// line of a diff, and costs a third less to write than indenting it.
func JSON(w io.Writer, site *content.Site, sums []*report.Summary, links Links) error {
	j := jsonStream{w: w}
	j.text("{\n  \"version\": ")
	j.value(JSONVersion, "  ")
	j.text(",\n  \"site\": ")
	j.value(site.Settings.Title, "  ")
	j.text(",\n  \"campaigns\": [")
	for i, s := range sums {
		if i > 0 {
			j.text(",")
		}
		j.text("\n    ")
		// The call's fields, then its two lists in the place of the nulls
		// that end the head.
		head := j.encode(campaignHead(s, links), "    ", false)
		lists := bytes.LastIndex(head, []byte(`,
      "registrations": null`))
		if lists < 0 {
			return fmt.Errorf("json: unexpected encoding of a call")
		}
		j.bytes(head[:lists])
		j.text(",\n      \"registrations\": ")
		streamList(&j, len(s.Rows), func(i int) any { return registrationRecord(s.Rows[i].R, links) })
		j.text(",\n      \"compliance\": ")
		streamList(&j, len(s.Compliance.Entries), func(i int) any { return complianceRecord(s.Compliance.Entries[i]) })
		j.text(",\n      \"evaluation\": ")
		streamList(&j, len(s.Evaluation.Rows), func(i int) any { return evaluationRecord(s.Evaluation.Rows[i]) })
		j.text("\n    }")
	}
	if len(sums) == 0 {
		j.text("]\n}\n")
	} else {
		j.text("\n  ]\n}\n")
	}
	return j.err
}

// streamList writes a list of n records, each item(i), at the depth of a
// call's lists.
func streamList(j *jsonStream, n int, item func(i int) any) {
	if n == 0 {
		j.text("[]")
		return
	}
	j.text("[")
	for i := range n {
		if i > 0 {
			j.text(",")
		}
		j.text("\n        ")
		j.compact(item(i))
	}
	j.text("\n      ]")
}

// jsonStream writes JSON piece by piece, keeping the first error.
type jsonStream struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func (j *jsonStream) text(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *jsonStream) bytes(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// encode returns v without the final newline: indented as if it stood at
// prefix, or on one line when compact; the bytes are valid until the next
// call.
func (j *jsonStream) encode(v any, prefix string, compact bool) []byte {
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	return bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
}

// value writes v indented at prefix.
func (j *jsonStream) value(v any, prefix string) { j.bytes(j.encode(v, prefix, false)) }

// compact writes v on one line.
func (j *jsonStream) compact(v any) { j.bytes(j.encode(v, "", true)) }
