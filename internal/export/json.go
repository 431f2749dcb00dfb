package export

import (
	"encoding/json"
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
	Path            string       `json:"path"` // the file in the content repository
	URL             string       `json:"url"`
	Title           string       `json:"title"`
	Organisation    Organisation `json:"organisation"`
	Field           Field        `json:"field"`
	Individual      bool         `json:"individual"` // true: a Party member's (cá nhân); false: the organisation's (tập thể)
	Member          string       `json:"member"`     // the member's name; "" when collective
	Number          string       `json:"number"`     // "12-CV/ĐU"; "" when none
	Date            *string      `json:"date"`       // YYYY-MM-DD; null when not given
	Timeliness      string       `json:"timeliness"` // ontime, late, unknown (no date)
	DaysLate        int          `json:"days_late"`  // 0 unless late
	Status          string       `json:"status"`     // registered, approved, rejected, implementing, completed, recognised, not-recognised
	Signer          string       `json:"signer"`
	SignerTitle     string       `json:"signer_title"`
	Novelty         string       `json:"novelty"`
	ExpectedResults string       `json:"expected_results"`
}

// Compliance is whether one expected organisation answered the call.
type Compliance struct {
	Organisation  Organisation `json:"organisation"`
	State         string       `json:"state"`         // ontime, late, undated, missing
	DaysLate      int          `json:"days_late"`     // 0 unless late
	FirstDate     *string      `json:"first_date"`    // its first registration's date; null when none
	Registrations int          `json:"registrations"` // its own and its branches' and members'
}

// NewDocument makes the Document of the calls summarised in sums.
func NewDocument(site *content.Site, sums []*report.Summary, links Links) Document {
	d := Document{Version: JSONVersion, Site: site.Settings.Title, Campaigns: make([]Campaign, len(sums))}
	for i, s := range sums {
		d.Campaigns[i] = newCampaign(s, links)
	}
	return d
}

func newCampaign(s *report.Summary, links Links) Campaign {
	c := s.Campaign
	jc := Campaign{
		Year: c.Year, Title: c.Title, Number: c.Number,
		Issued: date(c.Issued), Deadline: date(c.Deadline),
		URL:           links.Campaign(c),
		Registrations: make([]Registration, len(s.Rows)),
		Compliance:    make([]Compliance, len(s.Compliance.Entries)),
	}
	if c.Issuer != nil {
		o := organisation(c.Issuer)
		jc.Issuer = &o
	}
	for i, row := range s.Rows {
		r := row.R
		jc.Registrations[i] = Registration{
			Path: r.Path, URL: links.Registration(r), Title: r.Title,
			Organisation: organisation(r.Organisation),
			Field:        Field{ID: r.Field.ID, Title: r.Field.Title},
			Individual:   r.Individual(), Member: r.Member, Number: r.Number,
			Date: date(r.Date), Timeliness: r.Timeliness().Key(), DaysLate: r.DaysLate(),
			Status: string(r.Status), Signer: r.Signer, SignerTitle: r.SignerTitle,
			Novelty: r.Novelty, ExpectedResults: r.ExpectedResults,
		}
	}
	for i, e := range s.Compliance.Entries {
		jc.Compliance[i] = Compliance{
			Organisation: organisation(e.Organisation), State: e.State.Key(), DaysLate: e.DaysLate,
			FirstDate: date(e.First), Registrations: len(e.Registrations),
		}
	}
	return jc
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

// JSON writes d, indented, text as it is (no "\u003c" for "<"), with a
// final newline.
func JSON(w io.Writer, d Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
