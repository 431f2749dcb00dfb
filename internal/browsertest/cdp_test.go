package browsertest

// A small client of the Chrome DevTools Protocol over the pipe Chromium
// opens with --remote-debugging-pipe: commands are JSON messages written to
// its file descriptor 3, answers and events come back on 4, each ended by a
// NUL byte. It does what the tests need — open a page, navigate, evaluate
// JavaScript, type, take a screenshot, watch requests and errors — and
// nothing else, with the standard library alone.

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// browser is a running Chromium.
type browser struct {
	cmd  *exec.Cmd
	in   io.WriteCloser // its fd 3
	dir  string
	mu   sync.Mutex
	next int
	wait map[int]chan message
	subs []*subscription
	dead chan struct{}
	err  error
}

type message struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// subscription receives the events of one method of one session.
type subscription struct {
	session, method string
	ch              chan json.RawMessage
}

// chromiumFlags keep Chromium quiet on a machine without a network and
// make each run start afresh.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
	"--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
	"--remote-debugging-pipe",
}

// startBrowser starts Chromium at path with a fresh profile in dir.
func startBrowser(path, dir string) (*browser, error) {
	cmdR, cmdW, err := os.Pipe() // commands: we write, Chromium reads fd 3
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe() // answers: Chromium writes fd 4, we read
	if err != nil {
		return nil, err
	}
	args := append(append([]string{}, chromiumFlags...), "--user-data-dir="+dir, "about:blank")
	cmd := exec.Command(path, args...)
	cmd.ExtraFiles = []*os.File{cmdR, evW}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	cmdR.Close()
	evW.Close()
	b := &browser{cmd: cmd, in: cmdW, dir: dir, wait: map[int]chan message{}, dead: make(chan struct{})}
	go b.read(evR)
	return b, nil
}

func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		data, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.err = fmt.Errorf("chromium closed the pipe: %w", err)
			b.mu.Unlock()
			close(b.dead)
			return
		}
		var m message
		if json.Unmarshal(data[:len(data)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch := b.wait[m.ID]; ch != nil {
				ch <- m
				delete(b.wait, m.ID)
			}
		} else {
			for _, s := range b.subs {
				if s.method == m.Method && (s.session == "" || s.session == m.SessionID) {
					select {
					case s.ch <- m.Params:
					default: // nobody is listening closely: drop
					}
				}
			}
		}
		b.mu.Unlock()
	}
}

// call sends a command and decodes its result into result, if not nil.
func (b *browser) call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan message, 1)
	b.wait[id] = ch
	b.mu.Unlock()
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if params == nil {
		raw = []byte("{}")
	}
	data, _ := json.Marshal(message{ID: id, SessionID: session, Method: method, Params: raw})
	b.mu.Lock()
	_, err = b.in.Write(append(data, 0))
	b.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-b.dead:
		return b.err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// subscribe returns a channel of the events method of session ("" for
// every session).
func (b *browser) subscribe(session, method string, size int) *subscription {
	s := &subscription{session: session, method: method, ch: make(chan json.RawMessage, size)}
	b.mu.Lock()
	b.subs = append(b.subs, s)
	b.mu.Unlock()
	return s
}

func (b *browser) unsubscribe(s *subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, x := range b.subs {
		if x == s {
			b.subs = append(b.subs[:i], b.subs[i+1:]...)
			return
		}
	}
}

// close asks Chromium to quit, and kills it if it does not.
func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b.call(ctx, "", "Browser.close", nil, nil)
	done := make(chan struct{})
	go func() { b.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		b.cmd.Process.Kill()
		<-done
	}
	b.in.Close()
}

// page is one tab.
type page struct {
	b       *browser
	ctx     context.Context
	session string
	target  string

	mu       sync.Mutex
	problems []string // uncaught exceptions, console errors, failed loads
	requests []string // every URL the page asked for
	hosts    []string // the servers it may ask, besides the test server
}

// allowed reports whether the page may ask for u: the test server, its
// own blobs and data.
func (p *page) allowed(server, u string) bool {
	for _, h := range append([]string{server}, p.hosts...) {
		if strings.HasPrefix(u, h+"/") {
			return true
		}
	}
	return strings.HasPrefix(u, "blob:") || strings.HasPrefix(u, "data:") || u == "about:blank"
}

// newPage opens a tab of 1280×900 pixels and starts watching it.
func (b *browser) newPage(ctx context.Context) (*page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	p := &page{b: b, ctx: ctx, session: s.SessionID, target: t.TargetID}
	go p.watch(b.subscribe(s.SessionID, "Runtime.exceptionThrown", 64), func(raw json.RawMessage) string {
		var e struct {
			ExceptionDetails struct {
				Text      string `json:"text"`
				Exception struct {
					Description string `json:"description"`
				} `json:"exception"`
			} `json:"exceptionDetails"`
		}
		json.Unmarshal(raw, &e)
		return "uncaught: " + e.ExceptionDetails.Text + " " + e.ExceptionDetails.Exception.Description
	})
	go p.watch(b.subscribe(s.SessionID, "Runtime.consoleAPICalled", 64), func(raw json.RawMessage) string {
		var e struct {
			Type string            `json:"type"`
			Args []json.RawMessage `json:"args"`
		}
		json.Unmarshal(raw, &e)
		if e.Type != "error" {
			return ""
		}
		return "console.error: " + string(raw)
	})
	go p.watch(b.subscribe(s.SessionID, "Log.entryAdded", 64), func(raw json.RawMessage) string {
		var e struct {
			Entry struct {
				Level string `json:"level"`
				Text  string `json:"text"`
				URL   string `json:"url"`
			} `json:"entry"`
		}
		json.Unmarshal(raw, &e)
		if e.Entry.Level != "error" {
			return ""
		}
		return "log: " + e.Entry.Text + " " + e.Entry.URL
	})
	reqs := b.subscribe(s.SessionID, "Network.requestWillBeSent", 1024)
	go func() {
		for raw := range reqs.ch {
			var e struct {
				Request struct {
					URL string `json:"url"`
				} `json:"request"`
			}
			json.Unmarshal(raw, &e)
			p.mu.Lock()
			p.requests = append(p.requests, e.Request.URL)
			p.mu.Unlock()
		}
	}()
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"} {
		if err := p.call(m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := p.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *page) watch(s *subscription, describe func(json.RawMessage) string) {
	for raw := range s.ch {
		if d := describe(raw); d != "" {
			p.mu.Lock()
			p.problems = append(p.problems, d)
			p.mu.Unlock()
		}
	}
}

func (p *page) call(method string, params, result any) error {
	return p.b.call(p.ctx, p.session, method, params, result)
}

// close closes the tab.
func (p *page) close() {
	p.b.call(p.ctx, "", "Target.closeTarget", map[string]any{"targetId": p.target}, nil)
}

// navigate loads url and waits for its load event.
func (p *page) navigate(url string) error {
	loaded := p.b.subscribe(p.session, "Page.loadEventFired", 4)
	defer p.b.unsubscribe(loaded)
	var res struct {
		ErrorText string `json:"errorText"`
	}
	if err := p.call("Page.navigate", map[string]any{"url": url}, &res); err != nil {
		return err
	}
	if res.ErrorText != "" {
		return fmt.Errorf("navigate %s: %s", url, res.ErrorText)
	}
	return p.awaitEvent(loaded, url)
}

// reload reloads the page and waits for its load event.
func (p *page) reload() error {
	loaded := p.b.subscribe(p.session, "Page.loadEventFired", 4)
	defer p.b.unsubscribe(loaded)
	if err := p.call("Page.reload", nil, nil); err != nil {
		return err
	}
	return p.awaitEvent(loaded, "reload")
}

func (p *page) awaitEvent(s *subscription, what string) error {
	select {
	case <-s.ch:
		return nil
	case <-time.After(20 * time.Second):
		return fmt.Errorf("%s: no load event in 20 s", what)
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
}

// eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its value into out (if not nil).
func (p *page) eval(expr string, out any) error {
	var res struct {
		Result struct {
			Type  string          `json:"type"`
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.call("Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &res)
	if err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("javascript: %s %s", e.Text, e.Exception.Description)
	}
	if out != nil && res.Result.Value != nil {
		return json.Unmarshal(res.Result.Value, out)
	}
	return nil
}

// waitFor waits until expr is true. The page says when to look again:
// expr is evaluated at once and after every change of the document
// (a MutationObserver), never on a timer; every condition the tests wait
// for is a change of the document (a data- attribute, an element shown).
func (p *page) waitFor(expr string) error {
	return p.eval(`new Promise(resolve => {
		const ok = () => { try { return !!(`+expr+`); } catch (e) { return false; } };
		if (ok()) { resolve(true); return; }
		const o = new MutationObserver(() => { if (ok()) { o.disconnect(); resolve(true); } });
		o.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
	})`, nil)
}

// typeInto focuses the element of the CSS selector, empties it and types
// text as a keyboard does: each character fires the input events.
func (p *page) typeInto(selector, text string) error {
	q, _ := json.Marshal(selector)
	if err := p.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.focus(); e.select && e.select(); if (e.value !== undefined) { e.value = ""; } })()`, q), nil); err != nil {
		return err
	}
	for _, r := range text {
		if err := p.call("Input.insertText", map[string]any{"text": string(r)}, nil); err != nil {
			return err
		}
	}
	return nil
}

// press sends one key, such as "Enter" or "Tab".
func (p *page) press(key string) error {
	codes := map[string]int{"Enter": 13, "Tab": 9, "Escape": 27}
	ev := map[string]any{"key": key, "code": key, "windowsVirtualKeyCode": codes[key]}
	if key == "Enter" {
		ev["text"] = "\r"
	}
	ev["type"] = "keyDown"
	if err := p.call("Input.dispatchKeyEvent", ev, nil); err != nil {
		return err
	}
	ev["type"] = "keyUp"
	delete(ev, "text")
	return p.call("Input.dispatchKeyEvent", ev, nil)
}

// choose selects value in the <select> of the CSS selector, as a person
// picking from the list does: the change event fires.
func (p *page) choose(selector, value string) error {
	q, _ := json.Marshal(selector)
	v, _ := json.Marshal(value)
	var found bool
	err := p.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.focus(); if (![...e.options].some(o => o.value === %s)) return false; e.value = %s; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, q, v, v), &found)
	if err == nil && !found {
		err = fmt.Errorf("%s has no option %s", selector, value)
	}
	return err
}

// screenshot saves the whole page as a PNG.
func (p *page) screenshot(file string) error {
	var m struct {
		CSSContentSize struct {
			Width, Height float64
		} `json:"cssContentSize"`
	}
	if err := p.call("Page.getLayoutMetrics", nil, &m); err != nil {
		return err
	}
	var shot struct {
		Data string `json:"data"`
	}
	clip := map[string]any{"x": 0, "y": 0, "width": 1280, "height": min(m.CSSContentSize.Height, 6000), "scale": 1}
	if err := p.call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true, "clip": clip}, &shot); err != nil {
		return err
	}
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}

// takeProblems returns and forgets the errors the page reported.
func (p *page) takeProblems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.problems
	p.problems = nil
	return out
}

// requested returns every URL the page asked for.
func (p *page) requested() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

var errNoBrowser = errors.New("no chromium")

// findChromium returns the browser to run: $CHROMIUM, or Debian's.
func findChromium() (string, error) {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errNoBrowser
}

// jsString quotes s for JavaScript source.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return strings.ReplaceAll(string(b), "\u2028", `\u2028`)
}
