package build

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/render"
	"github.com/rogpeppe/go-internal/txtar"
)

// Site tests: each testdata/sites/*.txtar is a whole small site, built into
// a temporary folder, with assertions on the output in the file "assert":
//
//	base-url https://example.org/sub/   build with this base URL (--base-url); without
//	                                    one, at base_url of content/_index.md or "/"
//	exists PATH                         the output has PATH
//	! exists PATH                       it does not
//	PATH TEXT                           PATH contains TEXT
//	! PATH TEXT                         PATH does not contain TEXT
//	error LINE                          the build fails, printing LINE
//	links                               every internal link of every page resolves
//	inert                               no page has anything that could run or load
//	                                    from elsewhere (internal/htmlcheck), and every
//	                                    JSON and XML file is well-formed
//	order PATH A | B | C                PATH contains A, then B, then C
//
// When there are "error" lines, the build must print exactly those (in any
// order) and write nothing.

func TestSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(files) == 0 {
		t.Fatal("no site tests in testdata/sites")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runSiteTest(t, file)
		})
	}
}

func runSiteTest(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	var assertions []string
	for _, f := range ar.Files {
		if f.Name == "assert" {
			assertions = lines(string(f.Data))
			continue
		}
		p := filepath.Join(site, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Site: site, Out: filepath.Join(dir, "public")}
	baseURL := "/"
	var wantErrors []string
	for _, a := range assertions {
		if v, ok := strings.CutPrefix(a, "base-url "); ok {
			baseURL, opts.URLs = v, parseURLs(t, v)
		}
		if v, ok := strings.CutPrefix(a, "error "); ok {
			wantErrors = append(wantErrors, v)
		}
	}
	res, diags, err := Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if opts.URLs.IsZero() { // built at base_url of content/_index.md, or "/"
		baseURL = res.URLs.Home()
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if len(wantErrors) > 0 || diags.HasErrors() {
		slices.Sort(got)
		slices.Sort(wantErrors)
		if !slices.Equal(got, wantErrors) {
			t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(wantErrors, "\n      "))
		}
		if _, err := os.Stat(opts.Out); err == nil {
			t.Errorf("a build with errors wrote %s", opts.Out)
		}
		return
	}
	for _, a := range assertions {
		checkAssertion(t, opts, baseURL, a)
	}
}

// parseURLs is render.NewURLs for a base URL a test knows to be valid.
func parseURLs(t *testing.T, baseURL string) render.URLs {
	t.Helper()
	u, err := render.NewURLs(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func checkAssertion(t *testing.T, opts Options, baseURL, a string) {
	t.Helper()
	negate := false
	if rest, ok := strings.CutPrefix(a, "! "); ok {
		negate, a = true, rest
	}
	switch {
	case strings.HasPrefix(a, "base-url "), strings.HasPrefix(a, "error "):
	case a == "inert":
		for _, problem := range activeContent(t, opts.Out) {
			t.Error(problem)
		}
	case a == "links":
		for _, problem := range brokenLinks(t, opts.Out, baseURL) {
			t.Error(problem)
		}
	case strings.HasPrefix(a, "order "):
		p, list, _ := strings.Cut(strings.TrimPrefix(a, "order "), " ")
		data, err := os.ReadFile(filepath.Join(opts.Out, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return
		}
		rest := string(data)
		for _, want := range strings.Split(list, " | ") {
			i := strings.Index(rest, want)
			if i < 0 {
				t.Errorf("%s: %q missing or out of order in %q", p, want, list)
				return
			}
			rest = rest[i+len(want):]
		}
	case strings.HasPrefix(a, "exists "):
		p := strings.TrimPrefix(a, "exists ")
		_, err := os.Stat(filepath.Join(opts.Out, p))
		if exists := err == nil; exists == negate {
			t.Errorf("exists %s: %v, want %v", p, exists, !negate)
		}
	default:
		p, text, _ := strings.Cut(a, " ")
		data, err := os.ReadFile(filepath.Join(opts.Out, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return
		}
		if strings.Contains(string(data), text) == negate {
			if negate {
				t.Errorf("%s contains %q", p, text)
			} else {
				t.Errorf("%s does not contain %q", p, text)
			}
		}
	}
}

func lines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
