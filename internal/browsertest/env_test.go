package browsertest

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/render"
	"github.com/rogpeppe/go-internal/txtar"
)

// repoRoot is the module's root, whose content/ is the sample site.
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// env is what every browser test shares: one Chromium, and one server of
// two built sites — the sample site at /, and the search test site
// (testdata/search-site.txtar) at /thu-tim-kiem/, under a sub-path.
type env struct {
	browser    *cdp.Browser
	server     *httptest.Server
	sampleDir  string // the built sample site
	sampleSite string // the sample site's folder (the repository)
	searchBase string // the search site's base path
	mohinh     string // the mohinh binary, built once
}

// loadSample loads the sample site the pages were built from.
func (e *env) loadSample(t *testing.T) *content.Site {
	t.Helper()
	site, diags := content.Load(os.DirFS(e.sampleSite))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return site
}

var (
	envOnce sync.Once
	shared  *env
	envErr  error
	skipMsg string
)

// TestMain stops the shared browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.browser.Close()
		shared.server.Close()
		os.RemoveAll(filepath.Dir(shared.sampleDir))
	}
	os.Exit(code)
}

// setup returns the shared environment, skipping the test without
// Chromium, unless under CI, where that is a failure.
func setup(t *testing.T) *env {
	t.Helper()
	envOnce.Do(func() { shared, envErr = start() })
	if skipMsg != "" {
		t.Skip(skipMsg)
	}
	if envErr != nil {
		t.Fatal(envErr)
	}
	return shared
}

func start() (*env, error) {
	chromium, err := cdp.FindChromium()
	if err != nil {
		if os.Getenv("CI") == "" {
			skipMsg = "no Chromium (install Debian's chromium, or set CHROMIUM): browser tests skipped"
			return nil, nil
		}
		return nil, err // under CI a missing browser fails
	}
	dir, err := os.MkdirTemp("", "mohinh-browser-")
	if err != nil {
		return nil, err
	}
	e := &env{sampleSite: repoRoot, sampleDir: filepath.Join(dir, "sample"), searchBase: "/thu-tim-kiem/"}
	if _, diags, err := build.Build(build.Options{Site: repoRoot, Out: e.sampleDir}); err != nil || diags.HasErrors() {
		return nil, fmt.Errorf("build the sample site: %v %v", err, diags)
	}
	searchSite := filepath.Join(dir, "search-site")
	if err := extract("testdata/search-site.txtar", searchSite); err != nil {
		return nil, err
	}
	searchOut := filepath.Join(dir, "search-out")
	searchURLs, err := render.NewURLs(e.searchBase)
	if err != nil {
		return nil, err
	}
	if _, diags, err := build.Build(build.Options{Site: searchSite, Out: searchOut, URLs: searchURLs}); err != nil || diags.HasErrors() {
		return nil, fmt.Errorf("build the search site: %v %v", err, diags)
	}
	e.mohinh = filepath.Join(dir, "mohinh")
	if out, err := exec.Command("go", "build", "-o", e.mohinh, "github.com/mohinh/mohinh/cmd/mohinh").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build mohinh: %v\n%s", err, out)
	}
	mux := http.NewServeMux()
	mux.Handle(e.searchBase, http.StripPrefix(strings.TrimSuffix(e.searchBase, "/"), gzipped(http.FileServer(http.Dir(searchOut)))))
	mux.Handle("/", gzipped(http.FileServer(http.Dir(e.sampleDir))))
	e.server = httptest.NewServer(mux)
	e.browser, err = cdp.Start(chromium, filepath.Join(dir, "profile"))
	if err != nil {
		return nil, err
	}
	return e, nil
}

// newPage opens a tab for t, closed at its end, where any JavaScript error
// or request to another host fails t.
func (e *env) newPage(t *testing.T) *cdp.Page {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	p, err := e.browser.NewPage(ctx)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	p.Allow(e.server.URL)
	t.Cleanup(func() {
		for _, problem := range p.TakeProblems() {
			if strings.HasSuffix(problem, "/favicon.ico") {
				continue // asked for by the browser itself
			}
			t.Errorf("the page reported: %s", problem)
		}
		for _, u := range p.Requested() {
			if !p.Allowed(u) {
				t.Errorf("the page asked another host: %s", u)
			}
		}
		p.Close()
		cancel()
	})
	return p
}

// open navigates p to path on the test server.
func (e *env) open(t *testing.T, p *cdp.Page, path string) {
	t.Helper()
	if err := p.Navigate(e.server.URL + path); err != nil {
		t.Fatal(err)
	}
	shoot(t, p, "")
}

// shoot saves a screenshot of p when MOHINH_SCREENSHOTS names a folder.
func shoot(t *testing.T, p *cdp.Page, suffix string) {
	dir := os.Getenv("MOHINH_SCREENSHOTS")
	if dir == "" {
		return
	}
	name := strings.NewReplacer("/", "-", " ", "-").Replace(t.Name()) + suffix + ".png"
	if err := p.Screenshot(filepath.Join(dir, name)); err != nil {
		t.Logf("screenshot: %v", err)
	}
}

// extract writes the files of a txtar archive into dir.
func extract(archive, dir string) error {
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		return err
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// gzipped compresses text files for clients that accept it, as static
// hosts do, so that what a page transfers can be measured.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := filepath.Ext(r.URL.Path)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !(ext == ".json" || ext == ".js" || ext == ".css" || ext == ".html" || strings.HasSuffix(r.URL.Path, "/")) {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

// newStaticServer serves dir, compressed, for the length of t.
func newStaticServer(t *testing.T, dir string) string {
	srv := httptest.NewServer(gzipped(http.FileServer(http.Dir(dir))))
	t.Cleanup(srv.Close)
	return srv.URL
}
