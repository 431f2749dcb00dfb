// Package report computes what the Organisation Board (Ban Tổ chức) reports
// to the Standing Committee about one call for registrations: the summary
// report (Báo cáo tổng hợp) — every registration, grouped by organisation,
// and the counts by field, by kind of organisation, collective or
// individual, and by status — and the compliance report (tình hình đăng
// ký): which organisations had to answer the call and whether each did, on
// time, late or not at all.
//
// Everything is computed here, once, from a linked content.Site; the pages
// (internal/render) and the export files (internal/export) only present a
// Summary. A Summary is read-only once made and safe to share between
// goroutines.
package report

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// ShortLength is how many characters the summary table keeps of the novelty
// and the expected results: about five lines of its column on A4 landscape.
const ShortLength = 120

// Summary is the Báo cáo tổng hợp of one call: the issuer's of every
// registration (New), or a level's of those it compiles (ForLevel).
type Summary struct {
	Campaign *content.Campaign
	// Level is who compiles it: the call's issuer, or an organisation
	// below it compiling for the level above (level.go).
	Level  *content.Organisation
	Rows   []Row   // every registration, numbered, in the call's order (by organisation, then title)
	Groups []Group // the same rows, by organisation

	ByField        []Tally // every field, in the site's order
	ByKind         []Tally // every kind of organisation, from the top of the hierarchy down
	ByForm         []Tally // collective (tập thể), then individual (cá nhân)
	ByStatus       []Tally // every status, in lifecycle order
	ByOrganisation []Tally // every organisation that registered, as Groups
	Total          Tally   // the whole call

	Compliance Compliance
	Evaluation Evaluation // of the organisations Compliance expects (evaluation.go)
	// Approvals are, in the issuer's report, what each organisation
	// directly under the issuer approved of its own sub-units' and
	// members' models; in the order of the organisations.
	Approvals []ApprovalTally
}

// Row is one registration in the summary table.
type Row struct {
	N               int // STT, from 1
	R               *content.Registration
	Novelty         string // shortened to ShortLength
	ExpectedResults string // shortened to ShortLength
	Approval        string // how its approving level decided it (Approval)
	DecidedBy       string // the same without the verdict (DecidedBy)
}

// Group is the registrations of one organisation.
type Group struct {
	Organisation *content.Organisation
	Rows         []Row
}

// Tally counts registrations that share a value (a field, a kind, a
// status…): how many, how many collective and individual, on time and late.
type Tally struct {
	Key        string // the value's id: a field or organisation id, a kind, a status, "tap-the"/"ca-nhan"
	Label      string // the value in Vietnamese
	N          int
	Collective int
	Individual int
	OnTime     int
	Late       int
	Undated    int // without a date, so neither on time nor late
}

func (t *Tally) add(r *content.Registration) {
	t.N++
	if r.Individual() {
		t.Individual++
	} else {
		t.Collective++
	}
	switch r.Timeliness() {
	case content.OnTime:
		t.OnTime++
	case content.Late:
		t.Late++
	default:
		t.Undated++
	}
}

// The two forms of a registration.
const (
	FormCollective = "tap-the"
	FormIndividual = "ca-nhan"
)

// New computes the summary of call c of site, its issuer's.
func New(site *content.Site, c *content.Campaign) *Summary {
	s := summarise(site, c, c.Registrations)
	s.Level = c.Issuer
	s.Compliance = NewCompliance(site, c)
	s.Evaluation = Evaluate(c, s.Compliance)
	s.Approvals = approvalsBelow(c)
	rank := make(map[*content.Organisation]int, len(site.Organisations))
	for i, o := range site.Organisations {
		rank[o] = i
	}
	slices.SortFunc(s.Approvals, func(a, b ApprovalTally) int { return cmp.Compare(rank[a.Organisation], rank[b.Organisation]) })
	return s
}

// summarise computes the rows, groups and counts of regs, registrations
// of call c in the call's order.
func summarise(site *content.Site, c *content.Campaign, regs []*content.Registration) *Summary {
	s := &Summary{Campaign: c, Total: Tally{Key: "tong-cong", Label: "Tổng cộng"}}
	fields := make(map[*content.Field]*Tally, len(site.Fields))
	s.ByField = make([]Tally, len(site.Fields))
	for i, f := range site.Fields {
		s.ByField[i] = Tally{Key: f.ID, Label: f.Title}
		fields[f] = &s.ByField[i]
	}
	kinds := make(map[content.Kind]*Tally, len(content.Kinds))
	s.ByKind = make([]Tally, len(content.Kinds))
	for i, k := range content.Kinds {
		s.ByKind[i] = Tally{Key: string(k), Label: k.Label()}
		kinds[k] = &s.ByKind[i]
	}
	statuses := make(map[content.Status]*Tally, len(content.Statuses))
	s.ByStatus = make([]Tally, len(content.Statuses))
	for i, st := range content.Statuses {
		s.ByStatus[i] = Tally{Key: string(st), Label: st.Label()}
		statuses[st] = &s.ByStatus[i]
	}
	s.ByForm = []Tally{{Key: FormCollective, Label: "Tập thể"}, {Key: FormIndividual, Label: "Cá nhân"}}

	s.Rows = make([]Row, len(regs))
	for i, r := range regs {
		s.Rows[i] = Row{N: i + 1, R: r, Novelty: Shorten(r.Novelty, ShortLength), ExpectedResults: Shorten(r.ExpectedResults, ShortLength), Approval: Approval(r), DecidedBy: DecidedBy(r)}
		s.Total.add(r)
		if t := fields[r.Field]; t != nil {
			t.add(r)
		}
		if t := kinds[r.Organisation.Kind]; t != nil {
			t.add(r)
		}
		if t := statuses[r.Status]; t != nil {
			t.add(r)
		}
		if r.Individual() {
			s.ByForm[1].add(r)
		} else {
			s.ByForm[0].add(r)
		}
		// The call lists registrations by organisation already.
		if n := len(s.Groups); n == 0 || s.Groups[n-1].Organisation != r.Organisation {
			s.Groups = append(s.Groups, Group{Organisation: r.Organisation})
			s.ByOrganisation = append(s.ByOrganisation, Tally{Key: r.Organisation.ID, Label: r.Organisation.Title})
		}
		g := &s.Groups[len(s.Groups)-1]
		g.Rows = append(g.Rows, s.Rows[i])
		s.ByOrganisation[len(s.ByOrganisation)-1].add(r)
	}
	return s
}

// Approval says how r's approving level decided it, naming the document:
// "Thông qua: số 15-TB/ĐU ngày 20/01/2024 của Đảng ủy xã Ka Đô";
// "Không thông qua: số … của …. Lý do: …"; "Chưa xét duyệt" while it is
// registered and no document decided it; "" when its status was written
// without the document that decided it.
func Approval(r *content.Registration) string {
	doc := decidedBy(r)
	switch {
	case doc != "" && r.DecisionRejects:
		return "Không thông qua: " + doc
	case doc != "":
		return "Thông qua: " + doc
	}
	return undecided(r)
}

// DecidedBy is Approval without the verdict, to print beside r's status,
// which says it: "số 15-TB/ĐU ngày 20/01/2024 của Đảng ủy xã Ka Đô", with
// the reason when it rejects; "Chưa xét duyệt"; "".
func DecidedBy(r *content.Registration) string {
	if doc := decidedBy(r); doc != "" {
		return doc
	}
	return undecided(r)
}

// decidedBy names the document that decided r, with the reason it gave
// for a rejection; "" when none did.
func decidedBy(r *content.Registration) string {
	d := r.Decision
	if d == nil || d.Issuer == nil {
		return ""
	}
	s := d.Label() + " của " + d.Issuer.Title
	if reason := collapseSpace(r.DecisionReason); r.DecisionRejects && reason != "" {
		s += ". Lý do: " + reason
	}
	return s
}

func undecided(r *content.Registration) string {
	if r.Status == content.Registered {
		return "Chưa xét duyệt"
	}
	return ""
}

// Title is the report's title: "Báo cáo tổng hợp đăng ký mô hình mới,
// cách làm sáng tạo năm 2024" for the call of that title.
func (s *Summary) Title() string {
	t := s.Campaign.Title
	if t == "" {
		return "Báo cáo tổng hợp"
	}
	r, size := utf8.DecodeRuneInString(t)
	return "Báo cáo tổng hợp " + string(unicode.ToLower(r)) + t[size:]
}

// Shorten returns s with its white space collapsed, cut at a word boundary
// to at most n characters, "…" included, when it is longer.
func Shorten(s string, n int) string {
	s = collapseSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i := range s {
		if count == n-1 {
			cut = i
			break
		}
		count++
	}
	head := s[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimRightFunc(head, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// collapseSpace is strings.Join(strings.Fields(s), " "), without copying
// a text that needs no change (most do not).
func collapseSpace(s string) string {
	clean := true
	prevSpace := true // a leading space is not clean
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			clean = false
			break
		}
		prevSpace = space
	}
	if clean && !prevSpace || s == "" {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
