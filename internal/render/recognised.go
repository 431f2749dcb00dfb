package render

import (
	"github.com/mohinh/mohinh/internal/content"
)

// The recognised models of a call (/dot-dang-ky/<year>/cong-nhan/), by
// field: for someone looking for a model to learn from, what is new in
// each and what it achieved, shortened, with its score.

// recognisedView is a call's page of recognised models.
type recognisedView struct {
	Campaign Link
	Total    int
	Fields   []recognisedField
}

// recognisedField is the recognised models of one field.
type recognisedField struct {
	Anchor string // its section's id, which a field's page links to
	Field  Link
	Models []recognisedModel
}

// recognisedModel is one recognised model on the list.
type recognisedModel struct {
	Title        string
	URL          string
	Registrant   string
	Organisation string // its page
	Novelty      string // shortened
	Achieved     string // shortened
	Score        string // "85/100 điểm"; "" when not appraised
	Decision     Link
}

// shortText is how long a shortened text of the list may be.
const shortText = 220

// recognisedIn lists the models c's recognitions recognised, in the
// call's order.
func recognisedIn(c *content.Campaign) []*content.Registration {
	var out []*content.Registration
	for _, r := range c.Registrations {
		if r.Recognition != nil && !r.RecognitionRejects {
			out = append(out, r)
		}
	}
	return out
}

func (b *viewBuilder) recognised(c *content.Campaign) recognisedView {
	v := recognisedView{Campaign: Link{c.Title, b.urls.Campaign(c)}}
	byField := map[*content.Field][]recognisedModel{}
	for _, r := range recognisedIn(c) {
		m := recognisedModel{
			Title: r.Title, URL: b.urls.Registration(r), Registrant: registrantOf(r), Organisation: b.urls.Organisation(r.Organisation),
			Novelty:  shorten(r.Novelty, shortText),
			Decision: Link{decisionKindWord(r.Recognition) + " " + r.Recognition.Label(), b.urls.Decision(r.Recognition)},
		}
		if r.Result != nil {
			m.Achieved = shorten(r.Result.Achieved, shortText)
		}
		if r.Score != nil {
			m.Score = itoa(r.Score.Total) + "/" + itoa(c.MaxScore()) + " điểm"
		}
		byField[r.Field] = append(byField[r.Field], m)
		v.Total++
	}
	for _, f := range b.site.Fields {
		if ms := byField[f]; len(ms) > 0 {
			v.Fields = append(v.Fields, recognisedField{Anchor: recognisedAnchor(f), Field: Link{f.Title, b.urls.Field(f)}, Models: ms})
		}
	}
	return v
}

// recognisedAnchor is the id of field f's section on a call's page of
// recognised models.
func recognisedAnchor(f *content.Field) string { return "linh-vuc-" + f.ID }
