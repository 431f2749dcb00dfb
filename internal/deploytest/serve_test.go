package deploytest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// client asks without following redirects, so that the tests see them.
var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// fetched is one answer, its body read whole (ungzipped by the client
// unless the request asked for an encoding itself).
type fetched struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, u string, header ...string) fetched {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return fetched{resp.StatusCode, resp.Header, body}
}

// waitReady asks origin's home page until an HTTP answer comes, at most a
// bounded number of times: each try ends when a connection succeeds or
// fails, so no try waits on a clock. exited is closed when the server's
// process ends, which fails t at once with the server's output.
func waitReady(t *testing.T, origin string, exited <-chan struct{}, output fmt.Stringer) {
	t.Helper()
	var lastErr error
	for range 200 {
		select {
		case <-exited:
			t.Fatalf("the server ended before it answered:\n%s", output)
		default:
		}
		resp, err := client.Get(origin + basePath)
		if err == nil {
			resp.Body.Close()
			return
		}
		lastErr = err
	}
	t.Fatalf("the server did not answer at %s: %v\n%s", origin, lastErr, output)
}

// checkServer checks what docs/deploy.md promises of a server serving the
// sample site out at origin+basePath.
func checkServer(t *testing.T, origin, out string) {
	site := origin + strings.TrimSuffix(basePath, "/")

	t.Run("links", func(t *testing.T) {
		pages := []string{basePath}
		for _, pattern := range []string{
			"mo-hinh/*/*/*/index.html",         // a registration
			"dot-dang-ky/*/bao-cao/index.html", // a call's report
			"to-chuc/*/bao-cao/*/index.html",   // an organisation's report of a call
		} {
			pages = append(pages, basePath+strings.TrimSuffix(filepath.ToSlash(first(t, out, pattern)), "index.html"))
		}
		checked := map[string]bool{}
		for _, page := range pages {
			res := get(t, origin+page)
			if res.status != http.StatusOK {
				t.Errorf("%s: %d, want 200", page, res.status)
				continue
			}
			links, err := internalLinks(page, res.body)
			if err != nil {
				t.Errorf("%s: %v", page, err)
				continue
			}
			if len(links) < 10 {
				t.Errorf("%s: only %d internal links: %q", page, len(links), links)
			}
			for _, link := range links {
				if !strings.HasPrefix(link, basePath) {
					t.Errorf("%s links to %s, outside %s", page, link, basePath)
					continue
				}
				if checked[link] {
					continue
				}
				checked[link] = true
				if res := get(t, origin+link); res.status != http.StatusOK {
					t.Errorf("%s links to %s: %d, want 200", page, link, res.status)
				}
			}
		}
		t.Logf("%d pages, %d distinct internal links, each 200", len(pages), len(checked))
	})

	t.Run("404", func(t *testing.T) {
		want, err := os.ReadFile(filepath.Join(out, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"khong-co-trang-nay", "to-chuc/khong-co/trang-nay/", "assets/khong-co.css"} {
			res := get(t, site+"/"+path)
			if res.status != http.StatusNotFound {
				t.Errorf("/mohinh/%s: %d, want 404", path, res.status)
			}
			if !bytes.Equal(res.body, want) {
				t.Errorf("/mohinh/%s: the body is not the portal's 404.html:\n%.300s", path, res.body)
			}
			wantType(t, path, res.header, "text/html", "utf-8")
			if got := res.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("/mohinh/%s: X-Content-Type-Options %q, want nosniff", path, got)
			}
		}
	})

	t.Run("content-types", func(t *testing.T) {
		for _, c := range []struct {
			file, media, charset string
			also                 []string // other names of the same type
		}{
			{first(t, out, "to-chuc/*/bao-cao/*/*.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "", nil},
			{firstDeep(t, out, ".docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "", nil},
			{"du-lieu/mo-hinh.json", "application/json", "", nil},
			{first(t, out, "dot-dang-ky/*/*.csv"), "text/csv", "utf-8", nil},
			{"assets/style.css", "text/css", "utf-8", nil},
			// RFC 9239 names text/javascript; application/javascript, the
			// older name, is what Debian's nginx mime.types says.
			{"assets/menu.js", "text/javascript", "utf-8", []string{"application/javascript"}},
			{"feed.xml", "application/atom+xml", "", nil},
			{mdFile, "text/markdown", "utf-8", nil},
			{"index.html", "text/html", "utf-8", nil},
			{"favicon.ico", "image/x-icon", "", []string{"image/vnd.microsoft.icon"}},
			{"assets/favicon.svg", "image/svg+xml", "", nil},
			{"assets/fonts/" + filepath.Base(first(t, out, "assets/fonts/*.woff2")), "font/woff2", "", nil},
		} {
			res := get(t, site+"/"+filepath.ToSlash(c.file))
			if res.status != http.StatusOK {
				t.Errorf("%s: %d, want 200", c.file, res.status)
				continue
			}
			wantType(t, c.file, res.header, c.media, c.charset, c.also...)
			if got := res.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options %q, want nosniff", c.file, got)
			}
		}
	})

	t.Run("cache", func(t *testing.T) {
		for _, c := range []struct{ path, want string }{
			{"/assets/style.css", "public, max-age=3600"},
			{"/assets/menu.js", "public, max-age=3600"},
			{"/", "no-cache"},
			{"/to-chuc/", "no-cache"},
			{"/du-lieu/mo-hinh.json", "no-cache"},
			{"/feed.xml", "no-cache"},
		} {
			res := get(t, site+c.path)
			if got := res.header.Get("Cache-Control"); got != c.want {
				t.Errorf("/mohinh%s: Cache-Control %q, want %q", c.path, got, c.want)
			}
		}
		// no-cache means asking again, answered 304 while unchanged.
		home := get(t, site+"/")
		etag := home.header.Get("ETag")
		if etag == "" {
			t.Fatal("the home page has no ETag")
		}
		if res := get(t, site+"/", "If-None-Match", etag); res.status != http.StatusNotModified {
			t.Errorf("home page with If-None-Match %s: %d, want 304", etag, res.status)
		}
	})

	t.Run("headers", func(t *testing.T) {
		res := get(t, site+"/")
		csp := map[string]string{}
		for _, d := range strings.Split(res.header.Get("Content-Security-Policy"), ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			csp[name] = value
		}
		// Scripts from the site only, never inline: the layouts have none.
		for name, want := range map[string]string{"default-src": "'self'", "script-src": "'self'", "object-src": "'none'"} {
			if csp[name] != want {
				t.Errorf("Content-Security-Policy: %s %q, want %q", name, csp[name], want)
			}
		}
		if got := res.header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("X-Content-Type-Options %q, want nosniff", got)
		}
	})

	t.Run("gzip", func(t *testing.T) {
		for _, c := range []struct {
			path string
			gzip bool
		}{
			{"/", true},
			{"/assets/style.css", true},
			{"/du-lieu/mo-hinh.json", true},
			{"/" + filepath.ToSlash(first(t, out, "to-chuc/*/bao-cao/*/*.xlsx")), false},
		} {
			// Asking for gzip ourselves keeps the client from ungzipping.
			res := get(t, site+c.path, "Accept-Encoding", "gzip")
			if got := res.header.Get("Content-Encoding") == "gzip"; got != c.gzip {
				t.Errorf("/mohinh%s: gzipped %v, want %v", c.path, got, c.gzip)
			}
		}
	})

	t.Run("redirects", func(t *testing.T) {
		for _, c := range []struct{ path, want string }{
			{"", "/mohinh/"},
			{"/to-chuc", "/mohinh/to-chuc/"},
		} {
			res := get(t, site+c.path)
			loc := res.header.Get("Location")
			if res.status/100 != 3 || (loc != c.want && loc != origin+c.want) {
				t.Errorf("/mohinh%s: %d to %q, want a redirect to %s", c.path, res.status, loc, c.want)
			}
		}
	})
}

// wantType checks the Content-Type of what name was answered with: the
// media type (or one of also) and the charset, none when charset is "".
func wantType(t *testing.T, name string, h http.Header, media, charset string, also ...string) {
	t.Helper()
	ct := h.Get("Content-Type")
	got, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Errorf("%s: Content-Type %q: %v", name, ct, err)
		return
	}
	if got != media && !slices.Contains(also, got) {
		t.Errorf("%s: Content-Type %q, want %s", name, ct, media)
	}
	if cs := params["charset"]; charset != "" && !strings.EqualFold(cs, charset) {
		t.Errorf("%s: Content-Type %q, want charset=%s", name, ct, charset)
	}
}

// first is the first file of out matching pattern, relative to out.
func first(t *testing.T, out, pattern string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, pattern))
	if err != nil || len(m) == 0 {
		t.Fatalf("the sample site has no %s (%v)", pattern, err)
	}
	sort.Strings(m)
	rel, err := filepath.Rel(out, m[0])
	if err != nil {
		t.Fatal(err)
	}
	return rel
}

// firstDeep is the first file of out, at any depth, whose name ends in ext.
func firstDeep(t *testing.T, out, ext string) string {
	t.Helper()
	var found string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			found, err = filepath.Rel(out, p)
		}
		return err
	})
	if err != nil || found == "" {
		t.Fatalf("the sample site has no %s file (%v)", ext, err)
	}
	return found
}

// internalLinks are the paths a page at pagePath links to on its own host
// (a, link, script, img, form), fragments and queries dropped.
func internalLinks(pagePath string, body []byte) ([]string, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	base := &url.URL{Path: pagePath}
	seen := map[string]bool{}
	var links []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if a.Key != "href" && a.Key != "src" && a.Key != "action" {
				continue
			}
			v := strings.TrimSpace(a.Val)
			if v == "" || strings.HasPrefix(v, "#") {
				continue
			}
			u, err := url.Parse(v)
			if err != nil {
				return nil, fmt.Errorf("<%s %s=%q>: %v", n.Data, a.Key, v, err)
			}
			if u.Scheme != "" || u.Host != "" {
				continue // another host (the repository), mailto:, data:
			}
			p := base.ResolveReference(u).EscapedPath()
			if !seen[p] {
				seen[p] = true
				links = append(links, p)
			}
		}
	}
	return links, nil
}

// requestLineLimit is the longest request-target a server at addr answers
// (anything but 414), by a binary search over raw GET requests of growing
// length, from 1 KB (answered) to 64 KB (refused).
func requestLineLimit(t *testing.T, addr string) int {
	t.Helper()
	status := func(n int) int {
		target := basePath + "?" + strings.Repeat("a", n-len(basePath)-1)
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// The server may answer 414 and close before it has read the whole
		// request: the write's error is not the test's.
		go fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET of a %d-byte target: %v", n, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	lo, hi := 1<<10, 1<<16
	if s := status(lo); s == http.StatusRequestURITooLong {
		t.Fatalf("a %d-byte target: 414", lo)
	}
	if s := status(hi); s != http.StatusRequestURITooLong {
		t.Fatalf("a %d-byte target: %d, want 414", hi, s)
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if status(mid) == http.StatusRequestURITooLong {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo
}
