package browsertest

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
)

// filteredTitles returns the titles the filtered list shows, on every page.
func filteredTitles(t *testing.T, p *cdp.Page) []string {
	t.Helper()
	var titles []string
	for range 100 {
		var page []string
		if err := p.Eval(`[...document.querySelectorAll("#bo-loc tbody tr td:nth-child(2) > a")].map(a => a.textContent)`, &page); err != nil {
			t.Fatal(err)
		}
		titles = append(titles, page...)
		var more bool
		p.Eval(`(() => { const b = [...document.querySelectorAll("#bo-loc .pager button")].find(b => b.textContent.startsWith("Trang sau")); if (b) b.click(); return !!b; })()`, &more)
		if !more {
			break
		}
	}
	return titles
}

func TestFiltersCombineAndSurviveReload(t *testing.T) {
	e := setup(t)
	site := e.loadSample(t)
	// The combination: an organisation with those under it, a call, on
	// time; the expected set computed from the model, in site order.
	org := site.OrganisationByID["xa-ka-do"]
	under := map[*content.Organisation]bool{}
	for _, o := range org.Descendants() {
		under[o] = true
	}
	var want []string
	for _, r := range site.Registrations {
		if under[r.Organisation] && r.CampaignYear == 2024 && r.Timeliness() == content.OnTime {
			want = append(want, r.Title)
		}
	}
	if len(want) < 2 {
		t.Fatalf("the sample site has %d such registrations: choose another combination", len(want))
	}

	p := e.newPage(t)
	e.open(t, p, "/mo-hinh/")
	if err := p.WaitFor(`document.getElementById("bo-loc").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	if got := filteredTitles(t, p); len(got) != len(site.Registrations) {
		t.Errorf("without filters: %d registrations, want %d", len(got), len(site.Registrations))
	}
	p.Eval(`(() => { const b = [...document.querySelectorAll("#bo-loc .pager button")].find(b => b.textContent === "1"); if (b) b.click(); })()`, nil)
	for _, c := range [][2]string{{"#loc-to-chuc", "xa-ka-do"}, {"#loc-dot", "2024"}, {"#loc-han", "dung-han"}} {
		if err := p.Choose(c[0], c[1]); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		if got := filteredTitles(t, p); !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", when, got, want)
		}
		var summary string
		p.Eval(`document.getElementById("bo-loc-ket-qua").textContent`, &summary)
		if wantText := strconv.Itoa(len(want)) + " trong " + strconv.Itoa(len(site.Registrations)) + " mô hình"; !strings.Contains(summary, wantText) {
			t.Errorf("%s: the count reads %q, want %q", when, summary, wantText)
		}
		// Each choice left shows its count; those that would give nothing
		// are hidden: with these filters, no field option reads (0).
		var options []string
		p.Eval(`[...document.querySelectorAll("#loc-linh-vuc option")].map(o => o.textContent)`, &options)
		for _, o := range options[1:] {
			if strings.Contains(o, "(0)") {
				t.Errorf("%s: the field option %q gives nothing", when, o)
			}
		}
		var state struct {
			Org, Year, Time, URL string
		}
		p.Eval(`({org: document.getElementById("loc-to-chuc").value, year: document.getElementById("loc-dot").value, time: document.getElementById("loc-han").value, url: location.search})`, &state)
		if state.Org != "xa-ka-do" || state.Year != "2024" || state.Time != "dung-han" {
			t.Errorf("%s: the controls show %+v", when, state)
		}
	}
	check("after choosing")
	shoot(t, p, "-filtered")
	var query string
	p.Eval(`location.search`, &query)
	if query != "?to-chuc=xa-ka-do&dot=2024&han=dung-han" {
		t.Errorf("the address keeps %q", query)
	}
	// The same address, reloaded or shared, gives the same view.
	if err := p.Reload(); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitFor(`document.getElementById("bo-loc").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	check("after a reload")
	q := e.newPage(t)
	e.open(t, q, "/mo-hinh/"+query)
	if err := q.WaitFor(`document.getElementById("bo-loc").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	if got := filteredTitles(t, q); !slices.Equal(got, want) {
		t.Errorf("opened from the address: %q", got)
	}
}

// The year's second half filters too: "Đã báo cáo kết quả" keeps the
// models with a results report, and with the status "Được công nhận" those
// recognised; each as the model says, in site order.
func TestFilterByResults(t *testing.T) {
	e := setup(t)
	site := e.loadSample(t)
	var reported, recognised []string
	for _, r := range site.Registrations {
		if r.Result != nil {
			reported = append(reported, r.Title)
			if r.Status == content.Recognised {
				recognised = append(recognised, r.Title)
			}
		}
	}
	if len(reported) < 2 || len(recognised) < 1 || len(reported) == len(recognised) {
		t.Fatalf("the sample site has %d models with results, %d of them recognised: it needs both, and some not recognised", len(reported), len(recognised))
	}
	p := e.newPage(t)
	e.open(t, p, "/mo-hinh/")
	if err := p.WaitFor(`document.getElementById("bo-loc").dataset.ready`); err != nil {
		t.Fatal(err)
	}
	if err := p.Choose("#loc-ket-qua", "co"); err != nil {
		t.Fatal(err)
	}
	if got := filteredTitles(t, p); !slices.Equal(got, reported) {
		t.Errorf("with results:\n got %q\nwant %q", got, reported)
	}
	p.Eval(`(() => { const b = [...document.querySelectorAll("#bo-loc .pager button")].find(b => b.textContent === "1"); if (b) b.click(); })()`, nil)
	if err := p.Choose("#loc-trang-thai", string(content.Recognised)); err != nil {
		t.Fatal(err)
	}
	if got := filteredTitles(t, p); !slices.Equal(got, recognised) {
		t.Errorf("recognised:\n got %q\nwant %q", got, recognised)
	}
	var query string
	p.Eval(`location.search`, &query)
	if query != "?trang-thai=recognised&ket-qua=co" {
		t.Errorf("the address keeps %q", query)
	}
}
