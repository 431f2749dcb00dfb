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
	Registrations []Registration `json:"registrations"` // by organisation, then title
	Compliance    []Compliance   `json:"compliance"`    // every organisation expected to answer
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
	}
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
