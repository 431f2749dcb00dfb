package render

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// viCases is testdata/vi-cases.json, which the browser tests
// (internal/browsertest) run against assets/vi.js too.
type viCases struct {
	FoldSlug [][3]string `json:"fold_slug"` // input, vi.Fold, content.FileSlug
	Words    []struct {
		In    string
		Words []string
	} `json:"-"`
	RawWords [][2]json.RawMessage `json:"words"`
}

func loadVICases(t *testing.T) viCases {
	t.Helper()
	data, err := os.ReadFile("testdata/vi-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c viCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	for _, w := range c.RawWords {
		var in string
		var words []string
		if json.Unmarshal(w[0], &in) != nil || json.Unmarshal(w[1], &words) != nil {
			t.Fatalf("words case %s", w[0])
		}
		c.Words = append(c.Words, struct {
			In    string
			Words []string
		}{in, words})
	}
	return c
}

func TestVICasesGoSide(t *testing.T) {
	c := loadVICases(t)
	if len(c.FoldSlug) < 20 {
		t.Fatalf("only %d cases", len(c.FoldSlug))
	}
	for _, fs := range c.FoldSlug {
		if got := vi.Fold(fs[0]); got != fs[1] {
			t.Errorf("vi.Fold(%q) = %q, want %q", fs[0], got, fs[1])
		}
		if got := content.FileSlug(fs[0]); got != fs[2] {
			t.Errorf("content.FileSlug(%q) = %q, want %q", fs[0], got, fs[2])
		}
	}
	for _, w := range c.Words {
		if got := searchWords(w.In); !slices.Equal(got, w.Words) && !(len(got) == 0 && len(w.Words) == 0) {
			t.Errorf("searchWords(%q) = %q, want %q", w.In, got, w.Words)
		}
	}
}

// The tables hold what vi.Fold and vi.Slug do to each character: folding a
// string character by character through them gives vi.Fold's answer.
func TestTextTablesReproduceFold(t *testing.T) {
	tt := textTables()
	for in, want := range map[string]string{"Đ": "d", "Ð": "d", "ð": "d", "Ủ": "u", "ỷ": "y", "A": "a", "\u0301": "", "\u00ad": "", "\u200b": ""} {
		if got, ok := tt.Fold[in]; !ok || got != want {
			t.Errorf("Fold[%q] = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, sp := range []string{" ", "\t", "\n", "\u00a0", "\u3000"} {
		if !strings.Contains(tt.Spaces, sp) {
			t.Errorf("Spaces lacks %q", sp)
		}
	}
	for in, want := range map[string]string{"'": "", "’": "", "ß": "ss", "æ": "ae"} {
		if got, ok := tt.Slug[in]; !ok || got != want {
			t.Errorf("Slug[%q] = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := tt.Slug["-"]; ok {
		t.Error(`Slug["-"] is set: a hyphen separates`)
	}
	// Folding a Vietnamese text character by character through the table
	// gives vi.Fold's answer.
	text := "Đảng ủy xã Ka Đô — Hòa Bình, thuỷ lợi; ĐƯỜNG Mới"
	var b strings.Builder
	for _, r := range text {
		if strings.ContainsRune(tt.Spaces, r) {
			b.WriteByte(' ')
		} else if f, ok := tt.Fold[string(r)]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	if got, want := b.String(), vi.Fold(text); got != want {
		t.Errorf("through the table: %q, vi.Fold: %q", got, want)
	}
}

// The schema is the contract's (content.RegistrationKeys): every key, in
// its order, required as it is, with the form's labels; the texts whose
// words are counted; the number pattern; where the file goes.
func TestSchemaIsTheContract(t *testing.T) {
	s := buildFormSchema(loadSite(t, searchSite))
	var order, required, words []string
	for _, k := range content.RegistrationKeys() {
		order = append(order, k.Name)
		if k.Required {
			required = append(required, k.Name)
		}
		if k.Words {
			words = append(words, k.Name)
		}
		p, ok := s.Properties[k.Name]
		if !ok || p.Title != k.Form || p.Description != k.Hint {
			t.Errorf("%s: %+v, want the title %q and the description %q", k.Name, p, k.Form, k.Hint)
		}
	}
	if !slices.Equal(s.Order, order) || len(s.Properties) != len(order) {
		t.Errorf("x-order = %v, %d properties; want %v", s.Order, len(s.Properties), order)
	}
	if !slices.Equal(s.Required, required) || !slices.Equal(s.Required, []string{"title", "organisation", "campaign", "field", "novelty", "expected_results"}) {
		t.Errorf("required = %v, want %v", s.Required, required)
	}
	if s.Rules.MinWords != content.MinWords || !slices.Equal(s.Rules.WordsChecked, words) || len(words) == 0 {
		t.Errorf("minWords = %d on %v", s.Rules.MinWords, s.Rules.WordsChecked)
	}
	if s.Properties["number"].Pattern != content.NumberPattern || s.Properties["campaign"].Type != "integer" || s.Properties["date"].Format != "date" {
		t.Errorf("number %+v, campaign %+v, date %+v", s.Properties["number"], s.Properties["campaign"], s.Properties["date"])
	}
	if s.Rules.Path != content.RegistrationPathPattern || s.Rules.MaxSlug != content.MaxSlugLen || textTables().MaxSlug != content.MaxSlugLen {
		t.Errorf("path %q, maxSlug %d and %d", s.Rules.Path, s.Rules.MaxSlug, textTables().MaxSlug)
	}
}

const searchSite = `
-- content/_index.md --
---
title: Thử
repository: https://example.org/kho
forge: gitea
---
-- content/campaigns/2024.md --
---
title: Đợt 2024
year: 2024
number: 1-CV/HU
issued: 2023-12-01
deadline: 2024-01-10
issuer: huyen
---
-- content/fields/f.md --
---
title: Chuyển đổi số
---
-- content/organisations/huyen.md --
---
title: Huyện ủy
kind: cap-uy
---
-- content/organisations/xa.md --
---
title: Đảng ủy xã Ka Đô
kind: dang-uy-co-so
parent: huyen
dissolved: 2023-06-01
successor: huyen
---
-- content/registrations/2024/huyen/a.md --
---
title: Con đường số
organisation: huyen
campaign: 2024
field: f
novelty: Đường làng được số hóa, con đường mới.
expected_results: Một năm.
---
-- content/registrations/2024/huyen/b.md --
---
title: Vườn dương
organisation: huyen
campaign: 2024
field: f
novelty: Trồng cây.
expected_results: Có đường đi.
---
`

func loadSite(t *testing.T, archive string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	parts := strings.Split(archive, "\n-- ")
	for _, p := range parts[1:] {
		name, body, _ := strings.Cut(p, " --\n")
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags)
	}
	return site
}

// decodePostings reads a list of postings back: registration → in title.
func decodePostings(s string) map[int]bool {
	out := map[int]bool{}
	reg, v, shift := -1, 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqDigits, s[i])
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		reg += v>>1 + 1
		out[reg] = v&1 == 1
		v, shift = 0, 0
	}
	return out
}

func TestSearchIndex(t *testing.T) {
	site := loadSite(t, searchSite)
	m, shards := buildSearchIndex(site, func(n int) string { return "/s/" + string(rune('0'+n)) })
	if m.Registrations != 2 || len(shards) != 1 || m.First[0] != shards[0].Terms[0] {
		t.Fatalf("manifest %+v", m)
	}
	sh := shards[0]
	if !slices.IsSortedFunc(sh.Terms, compareUTF16) {
		t.Error("terms are not sorted")
	}
	i, ok := slices.BinarySearchFunc(sh.Terms, "duong", compareUTF16)
	if !ok {
		t.Fatal(`no term "duong"`)
	}
	// Site order: "Con đường số" (0) before "Vườn dương" (1).
	got := map[string]map[int]bool{}
	e := sh.Entries[i]
	for j := 0; j < len(e); j += 2 {
		got[e[j]] = decodePostings(e[j+1])
	}
	want := map[string]map[int]bool{
		"đường": {0: true, 1: false}, // title of 0; expected results of 1
		"dương": {1: true},
	}
	if len(got) != len(want) {
		t.Errorf("spellings of duong: %v", got)
	}
	for sp, w := range want {
		if !mapsEqual(got[sp], w) {
			t.Errorf("postings of %q = %v, want %v", sp, got[sp], w)
		}
	}
	// Organisations and fields are matched in the browser from the table,
	// not indexed for each registration.
	if _, ok := slices.BinarySearchFunc(sh.Terms, "huyen", compareUTF16); ok {
		t.Error("organisation titles are in the index")
	}
}

func mapsEqual(a, b map[int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestRegistrationTable(t *testing.T) {
	site := loadSite(t, searchSite)
	u, _ := NewURLs("https://example.org/sub/")
	tb := buildRegistrationTable(site, u)
	if tb.RegistrationURL != "/sub/mo-hinh/{year}/{org}/{slug}/" || tb.OrganisationURL != "/sub/to-chuc/{id}/" {
		t.Errorf("patterns %q %q", tb.RegistrationURL, tb.OrganisationURL)
	}
	// Every registration's page, from the pattern, is the one URLs gives.
	for i, r := range site.Registrations {
		slug := tb.Registrations.Slug[i]
		if slug == "" {
			slug = content.FileSlug(tb.Registrations.Title[i])
		}
		url := strings.NewReplacer("{year}", "2024", "{org}", tb.Organisations.ID[tb.Registrations.Organisation[i]], "{slug}", slug).Replace(tb.RegistrationURL)
		if url != u.Registration(r) {
			t.Errorf("pattern gives %q, URLs %q", url, u.Registration(r))
		}
	}
	o := tb.Organisations
	if !slices.Equal(o.ID, []string{"huyen", "xa"}) || !slices.Equal(o.End, []int{2, 2}) || !slices.Equal(o.Parent, []int{-1, 0}) {
		t.Errorf("organisations %+v", o)
	}
}

func TestFormSchema(t *testing.T) {
	site := loadSite(t, searchSite)
	s := buildFormSchema(site)
	if s.Rules.NewFileURL != "https://example.org/kho/_new/main/?filename={path}&value={value}" {
		t.Errorf("NewFileURL = %q", s.Rules.NewFileURL)
	}
	var xa FormOrganisation
	for _, o := range s.Rules.Organisations {
		if o.ID == "xa" {
			xa = o
		}
	}
	if !slices.Equal(xa.Closed, []int{2024}) || !strings.Contains(xa.Why["2024"], "hãy đăng ký dưới tên tổ chức kế thừa") || !strings.HasPrefix(xa.Why["2024"], "Tổ chức") {
		t.Errorf("a dissolved organisation: %+v", xa)
	}
	if p := s.Properties["number"]; p.Pattern != content.NumberPattern {
		t.Errorf("number: %+v", p)
	}
	if c := s.Rules.Campaigns[0]; c.Issued != "2023-12-01" || c.Deadline != "2024-01-10" {
		t.Errorf("campaign %+v", c)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Fatal(err)
	}
}
