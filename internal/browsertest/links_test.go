package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/render"
)

// scriptAddresses spells an address that runs script — it asks the test
// server for /ran?N — every way Markdown lets it be spelled.
func scriptAddresses(n int) []string {
	payload := fmt.Sprintf("fetch('/ran?%d')", n)
	return []string{
		"javascript:" + payload,
		"JaVaScRiPt:" + payload,
		"&#106;avascript:" + payload,
		"&#0106;avascript:" + payload,
		"&#x6a;avascript:" + payload,
		"&#X6A;avascript:" + payload,
		"javascript&colon;" + payload,
		"javascript&#58;" + payload,
		"javascript&#x3a;" + payload,
		`javascript\:` + payload,
		"&#x4A;&#x61;vascript&#x3A;" + payload,
		"ja&Tab;vascript:" + payload,
		"ja&#10;vascript:" + payload,
		"&#x64;ata:text/html,<script>" + payload + "</script>",
	}
}

// Every link of a page rendered from the encoding corpus is clicked, in a
// real browser, and no script runs. The control — a link the test writes
// itself, not the renderer — proves a click that runs script is seen.
func TestNoLinkRunsScript(t *testing.T) {
	e := setup(t)
	var ran atomic.Int64
	control := make(chan struct{}, 1)
	var md strings.Builder
	for i, addr := range scriptAddresses(0) {
		addr = strings.ReplaceAll(addr, "?0", fmt.Sprintf("?%d", i+1))
		fmt.Fprintf(&md, "[liên kết %d](%s) ![ảnh %d](%s) [chữ %d](<%s>) [tham chiếu %d][r%d] ![ảnh tham chiếu %d][r%d]\n\n[r%d]: %s\n\n", i, addr, i, addr, i, addr, i, i, i, i, i, addr)
	}
	md.WriteString("<javascript:fetch('/ran?99')>\n")
	page := "<!doctype html><html lang=vi><meta charset=utf-8><title>Liên kết</title><main>" +
		string(render.MarkdownHTML([]byte(md.String()))) +
		`</main><footer><a id="control" href="javascript:fetch('/ran?control')">kiểm chứng</a></footer>`
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {}) // where relative links lead
	mux.HandleFunc("/ran", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == "control" {
			control <- struct{}{}
			return
		}
		ran.Add(1)
		t.Errorf("a link ran script: /ran?%s", r.URL.RawQuery)
	})
	server := httptest.NewServer(mux)
	defer server.Close()

	p := e.newPage(t)
	p.Allow(server.URL)
	if err := p.Navigate(server.URL + "/page"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := p.Eval(`document.querySelectorAll("main a").length`, &n); err != nil {
		t.Fatal(err)
	}
	if want := 5 * len(scriptAddresses(0)); n < want { // <…<script>…> is no link
		t.Fatalf("the page has %d links, want at least %d", n, want)
	}
	for i := range n {
		// Each visit has an address of its own: a link of the previous
		// visit that leads to this server may fire its load event after
		// Navigate began waiting, and then this visit's comes next.
		visit := fmt.Sprintf("?visit=%d", i)
		if err := p.Navigate(server.URL + "/page" + visit); err != nil {
			t.Fatal(err)
		}
		for attempt := 0; ; attempt++ {
			var at string
			if err := p.Eval(`location.search + " " + document.readyState`, &at); err == nil && at == visit+" complete" {
				break
			}
			if attempt == 3 {
				t.Fatalf("link %d: the page never came back for the visit", i)
			}
			if err := p.Loading("visit "+visit, func() error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
		// Click, then let the page run every task the click queued (a
		// javascript: address runs in a task of its own) before the next.
		if err := p.Eval(fmt.Sprintf(`(() => { document.querySelectorAll("main a")[%d].click();
			return new Promise(r => setTimeout(() => setTimeout(r, 0), 0)) })()`, i), nil); err != nil &&
			!strings.Contains(err.Error(), "navigated") { // an address kept as a path leads to this server
			t.Fatalf("link %d: %v", i, err)
		}
	}
	if err := p.Eval(`document.getElementById("control").click()`, nil); err != nil {
		t.Fatal(err)
	}
	select {
	case <-control:
	case <-time.After(30 * time.Second): // a deadline for a broken browser, not a speed
		t.Fatal("the control link's script never ran: the test cannot see a script run")
	}
	if ran.Load() > 0 {
		t.Errorf("%d links ran script", ran.Load())
	}
}
