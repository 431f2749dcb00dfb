// Package deploytest serves the sample site with the web server
// configurations of docs/deploy/ (nginx.conf, Caddyfile), run by the real
// servers, and checks over HTTP what docs/deploy.md promises: the site under
// a sub-path, its own 404 page, content types, cache headers and security
// headers. It has test files only.
//
// A test whose server is missing skips, except nginx under CI (CI set),
// which .ci/run installs: there a missing nginx fails.
package deploytest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mohinh/mohinh/internal/build"
	"github.com/mohinh/mohinh/internal/render"
)

// basePath is the sub-path the configurations serve the site under.
const basePath = "/mohinh/"

// baseURL is the address the sample is built for: absolute, so that the
// build writes the feed. Pages link by path only, so the site works on the
// test's 127.0.0.1 address.
const baseURL = "https://mohinh.example.internal" + basePath

// mdFile is a Markdown file the tests add to the output, to check its type:
// the build itself writes none.
const mdFile = "kiem-thu-deploytest.md"

var (
	siteOnce sync.Once
	siteDir  string // the temporary folder holding the output
	siteOut  string
	siteErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}

// site builds the repository's sample site once, for /mohinh/, and returns
// the output folder.
func site(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		siteDir, siteErr = os.MkdirTemp("", "mohinh-deploytest-")
		if siteErr != nil {
			return
		}
		siteOut = filepath.Join(siteDir, "public")
		urls, err := render.NewURLs(baseURL)
		if err != nil {
			siteErr = err
			return
		}
		_, diags, err := build.Build(build.Options{Site: "../..", Out: siteOut, URLs: urls})
		if err != nil || diags.HasErrors() {
			siteErr = fmt.Errorf("build the sample site: %v %v", err, diags)
			return
		}
		siteErr = os.WriteFile(filepath.Join(siteOut, mdFile), []byte("# Kiểm thử\n\nTệp Markdown.\n"), 0o644)
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteOut
}

// findServer is the path of a server program, looked up in PATH and then
// in dirs (Debian installs nginx in /usr/sbin, outside a user's PATH).
func findServer(name string, dirs ...string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

// deployConfig reads a file of docs/deploy/ and makes each substitution
// of subs (old, new pairs), failing t when the file no longer has an old
// text: the test and the documented file must change together.
func deployConfig(t *testing.T, name string, subs ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i+1 < len(subs); i += 2 {
		if !strings.Contains(text, subs[i]) {
			t.Fatalf("docs/deploy/%s has no %q for the test to replace: update the test with the file", name, subs[i])
		}
		text = strings.ReplaceAll(text, subs[i], subs[i+1])
	}
	return text
}

// lockedBuffer collects a server's output, written by the process's
// copying goroutine and read by the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
