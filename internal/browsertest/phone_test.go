package browsertest

import (
	"strconv"
	"testing"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// On a phone (390 px), no page scrolls sideways: every page type of the
// sample, the A4 preview of a registration included, fits the screen's
// width; the menu is folded behind its button and opens with it.
func TestPhoneHasNoHorizontalScroll(t *testing.T) {
	e := setup(t)
	site := e.loadSample(t)
	var reg *content.Registration
	for _, r := range site.Registrations {
		if r.Result != nil && r.Appraisal != nil {
			reg = r
			break
		}
	}
	if reg == nil {
		t.Fatal("the sample has no appraised model")
	}
	regURL := "/mo-hinh/" + strconv.Itoa(reg.CampaignYear) + "/" + reg.OrganisationID + "/" + reg.Slug + "/"
	c := reg.Campaign
	year := "/dot-dang-ky/" + strconv.Itoa(c.Year) + "/"
	d := reg.Appraisal
	decision := "/van-ban/" + strconv.Itoa(d.CampaignYear) + "/" + d.IssuerID + "/" + d.Slug + "/"
	var level string
	for _, l := range report.Levels(c) {
		if report.Evaluates(l.Organisation, c) {
			level = "/to-chuc/" + l.Organisation.ID + "/bao-cao/" + strconv.Itoa(c.Year) + "/"
			break
		}
	}
	pages := []string{
		"/", "/to-chuc/", "/to-chuc/" + reg.OrganisationID + "/", "/linh-vuc/", "/linh-vuc/" + reg.Field.ID + "/",
		"/dot-dang-ky/", year, "/trang-thai/", "/trang-thai/" + string(reg.Status) + "/",
		regURL, regURL + "#ban-in", regURL + "#ban-in-ket-qua", "/van-ban/", decision, decision + "#ban-in",
		year + "bao-cao/", year + "tinh-hinh-dang-ky/", year + "danh-gia/", year + "cong-nhan/",
		"/tim-kiem/?q=so+tay", "/mo-hinh/", "/dang-ky/", "/404.html",
	}
	if level != "" {
		pages = append(pages, level, level+"danh-gia/")
	}
	p := e.newPage(t)
	if err := p.Call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}, nil); err != nil {
		t.Fatal(err)
	}
	for _, url := range pages {
		// A page of the same address with another #part would not load
		// again: come from elsewhere.
		if err := p.Navigate("about:blank"); err != nil {
			t.Fatal(err)
		}
		if err := p.Navigate(e.server.URL + url); err != nil {
			t.Fatal(err)
		}
		p.Eval(`document.fonts.ready.then(() => true)`, nil)
		var got struct {
			Width, Scroll int
			Widest        string
		}
		p.Eval(`(() => {
			const w = document.documentElement.clientWidth;
			let widest = "";
			for (const el of document.querySelectorAll("body *")) {
				const r = el.getBoundingClientRect();
				if (r.right > w + 1 && r.width > 0 && getComputedStyle(el).position !== "absolute") {
					let inScroller = false;
					for (let a = el.parentElement; a; a = a.parentElement) {
						const ox = getComputedStyle(a).overflowX;
						if (ox === "auto" || ox === "scroll" || ox === "hidden") { inScroller = true; break; }
					}
					if (!inScroller) { widest = el.tagName.toLowerCase() + "." + el.className + " (" + Math.round(r.right) + " px)"; break; }
				}
			}
			return {width: w, scroll: document.documentElement.scrollWidth, widest};
		})()`, &got)
		if got.Scroll > got.Width {
			t.Errorf("%s: %d px wide on a %d px screen; first too wide: %s", url, got.Scroll, got.Width, got.Widest)
		}
		shoot(t, p, "-phone")
	}

	// The menu: folded, then opened by its button.
	if err := p.Navigate(e.server.URL + "/"); err != nil {
		t.Fatal(err)
	}
	var menu struct{ Folded, Open bool }
	p.Eval(`(() => {
		const nav = document.getElementById("muc-chinh");
		const folded = nav.offsetHeight === 0;
		document.querySelector(".menu-toggle").click();
		return {folded, open: nav.offsetHeight > 0 && document.querySelector(".menu-toggle").getAttribute("aria-expanded") === "true"};
	})()`, &menu)
	if !menu.Folded || !menu.Open {
		t.Errorf("the phone's menu: folded %v, opens %v", menu.Folded, menu.Open)
	}
}
