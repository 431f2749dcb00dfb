package export

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/report"
)

// decodeStrict decodes data into a Document, rejecting any field the
// documented shape does not have.
func decodeStrict(t *testing.T, data []byte) Document {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Document
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("not the documented shape: %v", err)
	}
	return d
}

func TestJSONShape(t *testing.T) {
	site, sum := fixture(t)
	var buf bytes.Buffer
	if err := JSON(&buf, site, []*report.Summary{sum}, testLinks{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "}\n") || !strings.Contains(buf.String(), "\n  \"version\": 1,") {
		t.Errorf("not indented JSON ending with a newline:\n%s", buf.String()[:80])
	}
	if !strings.Contains(buf.String(), `"title":"=HYPERLINK(\"http://x\",\"y\")"`) {
		t.Error("text is not written as it is")
	}
	d := decodeStrict(t, buf.Bytes())
	if d.Version != JSONVersion || d.Site != "Cổng thử" || len(d.Campaigns) != 1 {
		t.Fatalf("document %+v", d)
	}
	c := d.Campaigns[0]
	if c.Year != 2024 || c.Number != "943-CV/HU" || *c.Issued != "2023-12-21" || *c.Deadline != "2024-01-10" ||
		c.Issuer == nil || c.Issuer.ID != "huyen-uy" || c.URL != "https://example.org/dot-dang-ky/2024/" {
		t.Errorf("campaign %+v", c)
	}
	regs := site.CampaignByYear[2024].Registrations
	if len(c.Registrations) != len(regs) {
		t.Fatalf("%d registrations, want %d", len(c.Registrations), len(regs))
	}
	for i, r := range regs {
		j := c.Registrations[i]
		date := ""
		if j.Date != nil {
			date = *j.Date
		}
		if j.Path != r.Path || j.Title != r.Title || j.Organisation.ID != r.OrganisationID || j.Organisation.Kind != string(r.Organisation.Kind) ||
			j.Field.ID != r.FieldID || j.Individual != r.Individual() || j.Member != r.Member || j.Number != r.Number ||
			date != r.Date.String() || j.Timeliness != r.Timeliness().Key() || j.DaysLate != r.DaysLate() ||
			j.Status != string(r.Status) || j.Novelty != r.Novelty || j.ExpectedResults != r.ExpectedResults ||
			j.URL != (testLinks{}).Registration(r) {
			t.Errorf("registration %d: %+v\nfrom %+v", i, j, r)
		}
	}
	var states []string
	for _, e := range c.Compliance {
		first := "null"
		if e.FirstDate != nil {
			first = *e.FirstDate
		}
		states = append(states, e.Organisation.ID+" "+e.State+" "+first)
	}
	if want := "xa-ka-do ontime 2024-01-08|xa-pro missing null|xa-tu-tra ontime 2024-01-02"; strings.Join(states, "|") != want {
		t.Errorf("compliance %q, want %q", strings.Join(states, "|"), want)
	}
	// An absent date is null, never a missing key.
	if !strings.Contains(buf.String(), `"date":null`) || !strings.Contains(buf.String(), `"first_date":null`) {
		t.Error("absent dates are not written as null")
	}
}

// keys lists every object key of a decoded JSON value, as paths.
func keys(v any, prefix string, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			out[prefix+"."+k] = true
			keys(e, prefix+"."+k, out)
		}
	case []any:
		for _, e := range x {
			keys(e, prefix+"[]", out)
		}
	}
}

// docs/json.md shows the shape as it is: its example decodes into the
// Document type with no unknown field, and shows every field the exports
// write.
func TestJSONDocumentation(t *testing.T) {
	md, err := os.ReadFile("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(md), "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/json.md has no ```json example")
	}
	d := decodeStrict(t, []byte(example))
	if d.Version != JSONVersion {
		t.Errorf("the example is version %d, want %d", d.Version, JSONVersion)
	}

	documented := map[string]bool{}
	var v any
	json.Unmarshal([]byte(example), &v)
	keys(v, "", documented)

	site, sum := fixture(t)
	var buf bytes.Buffer
	JSON(&buf, site, []*report.Summary{sum}, testLinks{})
	written := map[string]bool{}
	json.Unmarshal(buf.Bytes(), &v)
	keys(v, "", written)

	var missing []string
	for k := range written {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("docs/json.md's example does not show %q", missing)
	}
	for _, field := range []string{"`timeliness`", "`days_late`", "`first_date`", "`state`", "`individual`"} {
		if !strings.Contains(string(md), field) {
			t.Errorf("docs/json.md does not describe %s", field)
		}
	}
	if !slices.Contains([]string{"ontime", "late", "undated", "missing"}, d.Campaigns[0].Compliance[1].State) {
		t.Errorf("the example's state %q is not documented", d.Campaigns[0].Compliance[1].State)
	}
}

// TestJSONStreamsTheDocument proves that the file written record by record
// holds the whole Document, for one call, several and none, with each
// record on a line of its own.
func TestJSONStreamsTheDocument(t *testing.T) {
	site, sum := fixture(t)
	for _, sums := range [][]*report.Summary{{sum}, {sum, sum}, {}} {
		var got bytes.Buffer
		if err := JSON(&got, site, sums, testLinks{}); err != nil {
			t.Fatal(err)
		}
		want := Document{Version: JSONVersion, Site: site.Settings.Title, Campaigns: []Campaign{}}
		records := 0
		for _, s := range sums {
			c := campaignHead(s, testLinks{})
			c.Registrations, c.Compliance, c.Evaluation = []Registration{}, []Compliance{}, []Evaluation{}
			for _, row := range s.Rows {
				c.Registrations = append(c.Registrations, registrationRecord(row.R, testLinks{}))
			}
			for _, e := range s.Compliance.Entries {
				c.Compliance = append(c.Compliance, complianceRecord(e))
			}
			for _, e := range s.Evaluation.Rows {
				c.Evaluation = append(c.Evaluation, evaluationRecord(e))
			}
			records += len(c.Registrations) + len(c.Compliance) + len(c.Evaluation)
			want.Campaigns = append(want.Campaigns, c)
		}
		if d := decodeStrict(t, got.Bytes()); !reflect.DeepEqual(d, want) {
			t.Errorf("%d calls: decoded\n%+v\nwant\n%+v", len(sums), d, want)
		}
		lines := 0
		for line := range strings.Lines(got.String()) {
			if strings.HasPrefix(line, `        {"`) {
				lines++
				var v map[string]any
				if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(line), ",")), &v); err != nil {
					t.Errorf("a record's line is not a JSON object: %v\n%s", err, line)
				}
			}
		}
		if lines != records {
			t.Errorf("%d calls: %d records on lines of their own, want %d:\n%s", len(sums), lines, records, got.String())
		}
	}
}
