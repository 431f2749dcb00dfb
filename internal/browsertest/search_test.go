package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mohinh/mohinh/internal/cdp"
)

// The registrations of testdata/search-site.txtar, by title.
const (
	soTay     = "Sổ tay điện tử cho hội viên" // Đảng ủy xã Ka Đô
	hoaGiai   = "Tổ hoà giải ở thôn"          // Chi bộ thôn Ka Đô Mới; "Uỷ ban" in its novelty
	conDuong  = "Con đường bích họa"          // Chi bộ cơ quan Lạc Lâm
	duongLieu = "Vườn dương liễu chắn gió"    // Chi bộ cơ quan Lạc Lâm
	banDo     = "Bản đồ số các hộ khó khăn"   // Chi bộ cơ quan Lạc Lâm; "con đường số hóa" in its novelty
)

// searchResults types q into the search page, as a person does, and
// returns the titles of the results in order.
func searchResults(t *testing.T, e *env, p *cdp.Page, q string) []string {
	t.Helper()
	var before string
	p.Eval(`document.getElementById("tim-kiem-form").dataset.done || ""`, &before)
	if err := p.TypeInto("#tim-kiem-q", q); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitFor(fmt.Sprintf(`(document.getElementById("tim-kiem-form").dataset.done || "") !== %s && document.getElementById("tim-kiem-q").value === %s && new URLSearchParams(location.search).get("q") === %s`, cdp.JSString(before), cdp.JSString(q), cdp.JSString(q))); err != nil {
		t.Fatal(err)
	}
	var titles []string
	if err := p.Eval(`[...document.querySelectorAll("#tim-kiem-ket-qua h2 a")].map(a => a.textContent)`, &titles); err != nil {
		t.Fatal(err)
	}
	return titles
}

func TestSearchFoldsAndRanks(t *testing.T) {
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, e.searchBase+"tim-kiem/")
	for _, tc := range []struct {
		q    string
		want []string
		why  string
	}{
		{"dang uy ka do", []string{soTay}, "without tone marks, through the organisation's title"},
		{"Đảng ủy xã Ka Đô", []string{soTay}, "with them"},
		{"duong", []string{conDuong, duongLieu, banDo}, "d matches đ: titles first, then the novelty; ties in site order"},
		{"đường", []string{conDuong, banDo, duongLieu}, "the exact spelling first, even in the novelty"},
		{"dương", []string{duongLieu, conDuong, banDo}, "and the other way round"},
		{"hòa ", []string{hoaGiai, conDuong, duongLieu, banDo}, "hòa is hoà: an exact match whatever the place of the tone mark"},
		{"hòa", []string{hoaGiai, conDuong, duongLieu, banDo, soTay}, "without the space, the last word also begins others: hoạt"},
		{"uy", []string{soTay, hoaGiai}, "uy matches ủy (in an organisation) and uỷ (in a novelty)"},
		{"uỷ ban", []string{hoaGiai}, "every word must match"},
		{"con đường", []string{conDuong, banDo, duongLieu}, "a title before a novelty"},
		{"ka đ", []string{soTay, hoaGiai}, "the last word matches the words it begins"},
		{"ban do", []string{banDo, "Đội thanh niên tình nguyện", hoaGiai}, "words typed without marks rank no spelling first: the title's match wins over the text's"},
		{"không có chữ này", nil, "nothing"},
	} {
		got := searchResults(t, e, p, tc.q)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q (%s):\n got %q\nwant %q", tc.q, tc.why, got, tc.want)
		}
	}

	// The address keeps the query: reloading shows the same results.
	if err := p.Reload(); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitFor(`document.getElementById("tim-kiem-form").dataset.done`); err != nil {
		t.Fatal(err)
	}
	var q string
	p.Eval(`document.getElementById("tim-kiem-q").value`, &q)
	if q != "không có chữ này" {
		t.Errorf("after a reload the query is %q", q)
	}

	// Every result links to its registration's page.
	searchResults(t, e, p, "duong")
	var broken []string
	if err := p.Eval(`Promise.all([...document.querySelectorAll("#tim-kiem-ket-qua a")].map(a => fetch(a.href).then(r => r.ok ? "" : a.href))).then(l => l.filter(Boolean))`, &broken); err != nil {
		t.Fatal(err)
	}
	if len(broken) > 0 {
		t.Errorf("broken result links: %v", broken)
	}
	shoot(t, p, "-results")
}

// The search box of every page sends its query to the search page, and
// the index loads only then.
func TestSearchBoxOnEveryPage(t *testing.T) {
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, e.searchBase)
	var fetched []string
	p.Eval(`performance.getEntriesByType("resource").map(r => r.name).filter(n => n.includes("/du-lieu/"))`, &fetched)
	if len(fetched) > 0 {
		t.Errorf("the home page loaded %v", fetched)
	}
	if err := p.TypeInto("#tim-nhanh", "ka do"); err != nil {
		t.Fatal(err)
	}
	if err := p.Loading("search", func() error { return p.Press("Enter") }); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitFor(`document.getElementById("tim-kiem-form") && document.getElementById("tim-kiem-form").dataset.done`); err != nil {
		t.Fatal(err)
	}
	var titles []string
	p.Eval(`[...document.querySelectorAll("#tim-kiem-ket-qua h2 a")].map(a => a.textContent)`, &titles)
	if !slices.Equal(titles, []string{hoaGiai, soTay}) && !slices.Equal(titles, []string{soTay, hoaGiai}) {
		t.Errorf("ka do: %q", titles)
	}
}

// The text rules of the browser (assets/vi.js, from du-lieu/chu-viet.json)
// pass the cases Go's pass (internal/render/testdata/vi-cases.json).
func TestTextRulesMatchGo(t *testing.T) {
	e := setup(t)
	data, err := os.ReadFile(filepath.Join(repoRoot, "internal", "render", "testdata", "vi-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := e.newPage(t)
	e.open(t, p, "/")
	var failures []string
	script := `(async () => {
		const cases = ` + string(data) + `;
		const vi = await import("/assets/vi.js");
		const t = vi.textRules(await (await fetch("/du-lieu/chu-viet.json")).json());
		const bad = [];
		for (const [input, fold, slug] of cases.fold_slug) {
			if (t.fold(input) !== fold) bad.push("fold " + JSON.stringify(input) + " = " + JSON.stringify(t.fold(input)) + ", want " + JSON.stringify(fold));
			if (t.fileSlug(input) !== slug) bad.push("slug " + JSON.stringify(input) + " = " + JSON.stringify(t.fileSlug(input)) + ", want " + JSON.stringify(slug));
		}
		for (const [input, words] of cases.words) {
			if (JSON.stringify(t.words(input)) !== JSON.stringify(words)) bad.push("words " + JSON.stringify(input) + " = " + JSON.stringify(t.words(input)));
		}
		for (const [a, b] of cases.same_tone) if (vi.toneKey(a.toLowerCase()) !== vi.toneKey(b.toLowerCase())) bad.push("same tone " + a + " " + b);
		for (const [a, b] of cases.different_tone) if (vi.toneKey(a) === vi.toneKey(b)) bad.push("different tone " + a + " " + b);
		return bad;
	})()`
	if err := p.Eval(script, &failures); err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Error(f)
	}
}

// TestSearchAtScale measures search on a built site, when
// MOHINH_BROWSER_SITE names its folder: what the index transfers,
// compressed, and how long queries take in the browser.
//
//	go run ./cmd/mohinh-corpus -n 10000 -seed 1 -out /tmp/c10k
//	go run ./cmd/mohinh build --site /tmp/c10k --out /tmp/c10k-out
//	MOHINH_BROWSER_SITE=/tmp/c10k-out go test -run SearchAtScale -v ./internal/browsertest/
func TestSearchAtScale(t *testing.T) {
	dir := os.Getenv("MOHINH_BROWSER_SITE")
	if dir == "" {
		t.Skip("MOHINH_BROWSER_SITE is not set")
	}
	e := setup(t)
	srv := newStaticServer(t, dir)
	p := e.newPage(t)
	p.Allow(srv)
	if err := p.Navigate(srv + "/tim-kiem/"); err != nil {
		t.Fatal(err)
	}
	queries := []string{"dang uy", "chuyen doi so", "ứng dụng công nghệ", "thon", "zalo", "mo hinh dan van kheo", "tổ tự quản an ninh", "hộ nghèo", "đảng viên", "sinh hoạt chi bộ", "kinh te", "d"}
	var res struct {
		First    float64   `json:"first"`
		FirstKB  float64   `json:"firstKB"`
		Times    []float64 `json:"times"`
		Counts   []int     `json:"counts"`
		Transfer []struct {
			Name     string  `json:"name"`
			Encoded  float64 `json:"encoded"`
			Decoded  float64 `json:"decoded"`
			Transfer float64 `json:"transfer"`
		} `json:"transfer"`
	}
	qs, _ := json.Marshal(queries)
	script := `(async () => {
		const s = window.mohinhSearch;
		const queries = ` + string(qs) + `;
		let t0 = performance.now();
		await s.search("dang uy ka do");
		const first = performance.now() - t0;
		const firstKB = performance.getEntriesByType("resource").filter(r => r.name.includes("/du-lieu/")).reduce((n, r) => n + r.encodedBodySize, 0) / 1024;
		// Warm: every shard the queries need is fetched once.
		for (const q of queries) await s.search(q);
		const times = [], counts = [];
		for (const q of queries) {
			const runs = [];
			for (let i = 0; i < 5; i++) { t0 = performance.now(); const r = await s.search(q); runs.push(performance.now() - t0); if (i === 0) counts.push(r.regs.length); }
			runs.sort((a, b) => a - b);
			times.push(runs[2]);
		}
		const transfer = performance.getEntriesByType("resource").filter(r => r.name.includes("/du-lieu/")).map(r => ({name: r.name, encoded: r.encodedBodySize, decoded: r.decodedBodySize, transfer: r.transferSize}));
		return {first, firstKB, times, counts, transfer};
	})()`
	if err := p.Eval(script, &res); err != nil {
		t.Fatal(err)
	}
	var enc, dec float64
	for _, f := range res.Transfer {
		enc += f.Encoded
		dec += f.Decoded
		u, _ := url.Parse(f.Name)
		t.Logf("  %-32s %8.0f bytes gzipped, %8.0f raw", u.Path, f.Encoded, f.Decoded)
	}
	t.Logf("fetched for all %d queries: %.0f KB gzipped (%.0f KB raw)", len(queries), enc/1024, dec/1024)
	t.Logf("first query, \"dang uy ka do\": %.0f ms with loading, %.0f KB gzipped fetched", res.First, res.FirstKB)
	sorted := slices.Clone(res.Times)
	slices.Sort(sorted)
	for i, q := range queries {
		t.Logf("  %-24q %6d results  %6.1f ms (median of 5)", q, res.Counts[i], res.Times[i])
	}
	t.Logf("median query: %.1f ms, slowest: %.1f ms", sorted[len(sorted)/2], sorted[len(sorted)-1])
	if sorted[len(sorted)-1] > 50 {
		t.Errorf("a query took %.1f ms, more than 50 ms", sorted[len(sorted)-1])
	}
}
