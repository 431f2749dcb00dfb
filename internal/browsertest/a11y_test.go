package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/render"
)

// axeScript is axe-core, installed by "npm ci" in this folder.
func axeScript(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is not installed (npm ci in internal/browsertest): %v", err)
		}
		t.Skip("axe-core is not installed: run npm ci in internal/browsertest")
	}
	return string(data)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core (WCAG 2.0 and 2.1, A and AA) on the
// pages the issue names and on the pages of search and filters; a
// violation of serious or critical impact fails.
func TestAccessibility(t *testing.T) {
	e := setup(t)
	axe := axeScript(t)
	site := e.loadSample(t)
	u, _ := render.NewURLs("/")
	pages := map[string]struct {
		path  string
		ready string // JavaScript that is true once the page has done its work
		then  string // JavaScript to run before the check
	}{
		"home":          {path: u.Home()},
		"registration":  {path: u.Registration(site.Registrations[0])},
		"organisations": {path: u.Organisations()},
		"field":         {path: u.Field(site.Fields[0])},
		"campaign":      {path: u.Campaign(site.Campaigns[0])},
		"search":        {path: u.Search() + "?q=chuyen+doi+so", ready: `document.getElementById("tim-kiem-form").dataset.done`},
		"filter":        {path: u.Filter() + "?dot=2024", ready: `document.getElementById("bo-loc").dataset.ready`},
		"form":          {path: u.Form(), ready: `document.getElementById("dang-ky").dataset.ready`},
		"form-errors": {
			path: u.Form(), ready: `document.getElementById("dang-ky").dataset.ready`,
			then: `document.querySelector("#dang-ky button[type=submit]").click()`,
		},
	}
	// The reports of each call (report.html, compliance.html), when the build makes them.
	reports, _ := filepath.Glob(filepath.Join(e.sampleDir, "dot-dang-ky", "*", "*", "index.html"))
	for _, r := range reports {
		rel, _ := filepath.Rel(e.sampleDir, filepath.Dir(r))
		pages["report-"+strings.ReplaceAll(rel, "/", "-")] = struct{ path, ready, then string }{path: "/" + filepath.ToSlash(rel) + "/"}
	}
	for name, pg := range pages {
		t.Run(name, func(t *testing.T) {
			p := e.newPage(t)
			e.open(t, p, pg.path)
			if pg.ready != "" {
				if err := p.WaitFor(pg.ready); err != nil {
					t.Fatal(err)
				}
			}
			if pg.then != "" {
				if err := p.Eval(pg.then, nil); err != nil {
					t.Fatal(err)
				}
			}
			if err := p.Eval(axe, nil); err != nil {
				t.Fatal(err)
			}
			var violations []axeViolation
			if err := p.Eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, resultTypes: ["violations"]}).then(r => r.violations)`, &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, n.HTML)
				}
				msg := v.Impact + " " + v.ID + ": " + v.Help + "\n    " + strings.Join(where, "\n    ")
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Error(msg)
				} else {
					t.Log(msg)
				}
			}
		})
	}
}
