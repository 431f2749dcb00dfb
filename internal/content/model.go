// Package content is the typed model of a mohinh site and its loader.
//
// A site is a folder holding content/: the site settings (_index.md), the
// calls for registrations (campaigns/<year>.md), the fields
// (fields/<id>.md), the Party organisations (organisations/<id>.md) and the
// registrations (registrations/<year>/<organisation>/<slug>.md), each a
// Markdown file with YAML front matter. docs/content-format.md is the
// contract.
//
// Load reads a site from an fs.FS in three steps, in order:
//
//  1. read: every file is parsed in parallel into its typed record; problems
//     local to one file (YAML, unknown keys, types, dates) become diagnostics;
//  2. link: references between records are resolved by id through maps,
//     never by scanning, and cross-file rules are checked (references exist,
//     folders agree, no cycles, one root);
//  3. index: lists are sorted in Vietnamese order and the derived indexes
//     (children, registrations of each organisation, field, call, status,
//     counts including descendants) are computed once.
//
// Load always returns every problem it finds, never only the first. A site
// with errors is still returned, so that a caller can show what loaded.
//
// The rules of the contract that other packages need are here too, each
// written once, for them to ask instead of writing it again: the keys of a
// registration (keys.go: RegistrationKeys, MinWords), where files go and
// which files are an editor's (layout.go), a registration's file name
// (FileSlug), who may answer a call (Organisation.MayRegister), the form
// of a document number (NumberPattern) (contract.go), how a value is
// written in YAML (YAMLScalar) and which characters no text may hold
// (RefusedRune).
package content

import (
	"slices"

	"github.com/mohinh/mohinh/internal/diag"
)

// Site is everything under content/, linked and indexed.
type Site struct {
	Settings      Settings
	Campaigns     []*Campaign     // newest year first
	Fields        []*Field        // by order, then title
	Organisations []*Organisation // Vietnamese order of titles
	Registrations []*Registration // newest call first, then organisation, then title
	Decisions     []*Decision     // newest call first, then issuer, then date and number
	Results       []*Result       // in the order of their registrations
	// Roots are the top committees: the organisations without a parent.
	// Over the years a site may hold several (a district's committee,
	// then the communes that replaced it); those still in place come
	// first, each in Vietnamese order.
	Roots []*Organisation

	CampaignByYear     map[int]*Campaign
	FieldByID          map[string]*Field
	OrganisationByID   map[string]*Organisation
	RegistrationByPath map[string]*Registration
	DecisionByPath     map[string]*Decision
	ResultByPath       map[string]*Result
	ByStatus           map[Status][]*Registration
}

// Settings are the site-wide settings of content/_index.md.
type Settings struct {
	Source
	Title       string
	Description string
	Repository  string // URL of the git repository, may be empty
	Forge       Forge  // the kind of server holding it (forge.go); GitHub when not said and no repository
	Branch      string // the branch the content lives on: DefaultBranch unless said
	BaseURL     string // where the site is published: absolute, ending in "/" (BaseURL); may be empty
	Body        Markdown
}

// Source says where a record came from, so that later checks can point at
// the exact line and column of a value.
type Source struct {
	Path      string // slash-separated, relative to the site folder
	FrontLine int    // line of the opening "---"
	positions []keyPosition
}

type keyPosition struct {
	key       string // the key's spec name: a constant, not a copy per file
	line, col int32
}

// At returns the line and column of the value of key, or of the front
// matter when the key is absent.
func (s Source) At(key string) (line, col int) {
	for _, p := range s.positions {
		if p.key == key {
			return int(p.line), int(p.col)
		}
	}
	return s.FrontLine, 1
}

// Markdown is a body of Markdown text and the line it starts on.
type Markdown struct {
	Text []byte
	Line int
}

// Campaign is one call for registrations (đợt đăng ký).
type Campaign struct {
	Source
	Year        int
	Title       string
	Number      string
	Issued      Date
	Deadline    Date
	IssuerID    string
	Signer      string
	SignerTitle string
	Recipients  []string // "Kính gửi" of the registrations answering it
	// Bases are the documents the call's form cites first ("Thực hiện Kết
	// luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị về …"): the
	// registrations answering it cite them, as the form does.
	Bases []string
	Body  Markdown

	// Expected are the kinds of organisation that must answer the call;
	// empty means every organisation directly under the issuer
	// (internal/report.NewCompliance).
	Expected []Kind

	// Criteria score an appraisal (thẩm định) of the call's models and
	// PassScore is the total a recognised model is expected to reach;
	// none means the call has no scoring. ResultsDeadline is when results
	// reports are due: 31 January of the next year unless the call says.
	Criteria        []Criterion
	PassScore       int
	ResultsDeadline Date

	Issuer        *Organisation
	Registrations []*Registration // by organisation, then title
	Decisions     []*Decision     // by issuer, then date and number
}

// Criterion is one criterion of a call's appraisal, scored 0..Max.
type Criterion struct {
	ID    string
	Title string
	Max   int
}

// Field is a field of work (lĩnh vực).
type Field struct {
	Source
	ID    string
	Title string
	Order int
	Body  Markdown

	Registrations []*Registration // newest call first, then organisation, then title
}

// Organisation is a Party organisation in the hierarchy.
type Organisation struct {
	Source
	ID          string
	Title       string
	Kind        Kind
	ParentID    string
	PartyName   string // as written at the top left of subordinates' documents
	Superior    string // for the portal's highest committee: the Party organisation above it
	Place       string // written before the date of its documents
	Archive     string // who keeps its copy: "Lưu <Archive>" ends Nơi nhận (FileCopy)
	Established Date   // the day it began; zero when it predates the site
	Dissolved   Date
	SuccessorID string
	Reviewers   []string // handles on the site's forge of those who review its registrations
	Body        Markdown

	Parent        *Organisation
	Successor     *Organisation
	Predecessors  []*Organisation // organisations whose successor this is
	Children      []*Organisation // by kind, then Vietnamese order
	Registrations []*Registration // its own, newest call first, then title
	Decisions     []*Decision     // the decisions it issued, as Site.Decisions
	Depth         int             // 0 at the root
	// TotalRegistrations counts its own registrations and its descendants'.
	TotalRegistrations int

	sortKey   []byte // collation key of Title
	rank      int    // position in Site.Organisations
	badParent bool   // "parent" is written but not an id (reported): not a root
}

// Registration is one registration of a model (đăng ký mô hình).
type Registration struct {
	Source
	Slug            string // file name without .md
	Title           string
	OrganisationID  string
	CampaignYear    int
	FieldID         string
	Member          string // set for an individual registration
	Number          string
	Date            Date
	Signer          string
	SignerTitle     string
	Novelty         string
	ExpectedResults string
	Status          Status // from its decision when one decided it (approval.go)
	Body            Markdown
	Attachments     []Attachment // the files in the folder beside it (attachments.go)

	Organisation *Organisation
	Campaign     *Campaign
	Field        *Field
	// Decision is the document that approved or rejected it; nil while
	// none has. DecisionReason is the reason a rejection gives.
	Decision        *Decision
	DecisionRejects bool
	DecisionReason  string
	// Result is its results report; Appraisal the appraisal that scored
	// it and Score its line there; Recognition the decision that
	// recognised it or not (RecognitionRejects, with the reason it
	// gives). nil while none has.
	Result             *Result
	Appraisal          *Decision
	Score              *Score
	Recognition        *Decision
	RecognitionRejects bool
	RecognitionReason  string

	statusWritten bool // "status" is in the file

	titleKey string // Fold(Title): equal for titles that differ only in marks and case
	sortKey  []byte // collation key of Title
}

// diagnostics gathers problems for one file.
type diagnostics = diag.List

// Timeliness says whether r was signed by its call's deadline.
func (r *Registration) Timeliness() Timeliness {
	switch {
	case r.Date.IsZero() || r.Campaign == nil || r.Campaign.Deadline.IsZero():
		return TimeUnknown
	case r.Date.After(r.Campaign.Deadline):
		return Late
	}
	return OnTime
}

// DaysLate returns how many days after the deadline r was signed.
func (r *Registration) DaysLate() int {
	if r.Timeliness() != Late {
		return 0
	}
	return r.Date.DaysAfter(r.Campaign.Deadline)
}

// Individual reports whether a Party member registered the model in their
// own name (cá nhân) rather than the organisation (tập thể).
func (r *Registration) Individual() bool { return r.Member != "" }

// Current reports whether o is in place: it has no date of dissolution.
// The portal shows the structure of today from what the files say, not
// from the clock, so that the same content is the same site.
func (o *Organisation) Current() bool { return o.Dissolved.IsZero() }

// ExistedOn reports whether o existed on day d: established on or before
// it, dissolved after it. A zero d is any day.
func (o *Organisation) ExistedOn(d Date) bool {
	if d.IsZero() {
		return true
	}
	return (o.Established.IsZero() || !d.Before(o.Established)) && (o.Dissolved.IsZero() || d.Before(o.Dissolved))
}

// Ancestors returns the organisations above o, from the root down.
func (o *Organisation) Ancestors() []*Organisation {
	var out []*Organisation
	for p := o.Parent; p != nil; p = p.Parent {
		out = append(out, p)
	}
	slices.Reverse(out)
	return out
}

// Descendants returns o and every organisation below it, level by level.
func (o *Organisation) Descendants() []*Organisation {
	out := []*Organisation{o}
	for i := 0; i < len(out); i++ {
		out = append(out, out[i].Children...)
	}
	return out
}

// SuperiorName is the Party organisation written at the top left of o's
// documents, above o's own name: its parent's, or for the portal's highest
// committee the one its "superior" names; "" when unknown.
func (o *Organisation) SuperiorName() string {
	if o.Parent != nil {
		return o.Parent.PartyName
	}
	return o.Superior
}
