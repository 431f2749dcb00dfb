package browsertest

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
)

// The printed documents are set in one serif with every Vietnamese letter:
// the fonts Chromium really used for each text of a document view, as the
// DevTools protocol reports them (CSS.getPlatformFontsForNode), are one
// family — Times New Roman where the machine has it, else the site's own
// Mohinh Serif — never a fallback for the letters the first one lacks
// (Ả Ộ Ệ Ơ Ư from a sans-serif in the middle of a word).
func TestDocumentsUseOneSerifWithEveryVietnameseLetter(t *testing.T) {
	e := setup(t)
	site := e.loadSample(t)
	var reg *content.Registration
	for _, r := range site.Registrations {
		if strings.ContainsAny(r.Organisation.Title, "ĐƠƯđơư") {
			reg = r
			break
		}
	}
	if reg == nil {
		t.Fatal("the sample has no organisation whose name needs Vietnamese letters")
	}
	var decision *content.Decision
	for _, d := range site.Decisions {
		if d.Issuer != nil && d.Campaign != nil {
			decision = d
			break
		}
	}
	views := []struct{ url, root string }{
		{"/mo-hinh/" + strconv.Itoa(reg.CampaignYear) + "/" + reg.OrganisationID + "/" + reg.Slug + "/#ban-in", "#ban-in .page"},
		{"/dot-dang-ky/" + strconv.Itoa(site.Campaigns[len(site.Campaigns)-1].Year) + "/bao-cao/", ".report-doc .page"},
	}
	if decision != nil {
		views = append(views, struct{ url, root string }{"/van-ban/" + strconv.Itoa(decision.CampaignYear) + "/" + decision.IssuerID + "/" + decision.Slug + "/#ban-in", "#ban-in .page"})
	}
	for _, v := range views {
		p := e.newPage(t)
		e.open(t, p, v.url)
		if err := p.Eval(`document.fonts.ready.then(() => true)`, nil); err != nil {
			t.Fatal(err)
		}
		families := map[string]int{}
		var text string
		p.Eval(`document.querySelector(`+cdp.JSString(v.root)+`).innerText`, &text)
		if !strings.ContainsAny(text, "ẢỘỆƠƯốửĐ") {
			t.Fatalf("%s: the document has no letter to test: %q", v.url, text)
		}
		for _, f := range platformFonts(t, p, v.root) {
			families[f]++
		}
		var names []string
		for f := range families {
			names = append(names, f)
		}
		slices.Sort(names)
		if len(names) != 1 {
			t.Errorf("%s: the document is set in %q, want one family", v.url, names)
			continue
		}
		if names[0] != "Mohinh Serif" && !strings.HasPrefix(names[0], "Times New Roman") {
			t.Errorf("%s: set in %q, want Times New Roman or Mohinh Serif", v.url, names[0])
		}
	}
}

// platformFonts returns the family of every platform font Chromium used for
// the texts under the element of selector root.
func platformFonts(t *testing.T, p *cdp.Page, root string) []string {
	t.Helper()
	for _, m := range []string{"DOM.enable", "CSS.enable"} {
		if err := p.Call(m, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	if err := p.Call("DOM.getDocument", map[string]any{"depth": 0}, &doc); err != nil {
		t.Fatal(err)
	}
	var nodes struct {
		NodeIDs []int `json:"nodeIds"`
	}
	if err := p.Call("DOM.querySelectorAll", map[string]any{"nodeId": doc.Root.NodeID, "selector": root + ", " + root + " *"}, &nodes); err != nil {
		t.Fatal(err)
	}
	if len(nodes.NodeIDs) == 0 {
		t.Fatalf("no element %s", root)
	}
	var out []string
	for _, id := range nodes.NodeIDs {
		var res struct {
			Fonts []struct {
				FamilyName   string `json:"familyName"`
				IsCustomFont bool   `json:"isCustomFont"`
				GlyphCount   int    `json:"glyphCount"`
			} `json:"fonts"`
		}
		if err := p.Call("CSS.getPlatformFontsForNode", map[string]any{"nodeId": id}, &res); err != nil {
			continue // a node without text of its own
		}
		for _, f := range res.Fonts {
			if f.GlyphCount > 0 {
				out = append(out, f.FamilyName)
			}
		}
	}
	return out
}

// The file the form writes, shown before it is sent, is set in one
// monospace with every Vietnamese letter — Consolas where the machine has
// it, else the site's Mohinh Mono — not the system's default monospace,
// whose tone marks land beside the vowel.
func TestFilePreviewUsesOneMonospace(t *testing.T) {
	e := setup(t)
	p := e.newPage(t)
	e.open(t, p, "/dang-ky/")
	// Show the preview with a text that needs the letters.
	if err := p.Eval(`(() => {
		const out = document.getElementById("dang-ky-tep");
		out.hidden = false;
		document.getElementById("dang-ky-noi-dung").textContent = "signer: \"Nguyễn Văn Bình\"\nnovelty: Đảng viên hướng dẫn từng hộ, ủy ban xã theo dõi.\n";
		return document.fonts.ready.then(() => true);
	})()`, nil); err != nil {
		t.Fatal(err)
	}
	families := map[string]bool{}
	for _, f := range platformFonts(t, p, "#dang-ky-noi-dung") {
		families[f] = true
	}
	if len(families) != 1 || !families["Mohinh Mono"] && !families["Consolas"] {
		t.Errorf("the file preview is set in %v, want Mohinh Mono (or Consolas) alone", families)
	}
}
