// Package cdp is a small client of the Chrome DevTools Protocol over the
// pipe Chromium opens with --remote-debugging-pipe: commands are JSON
// messages written to its file descriptor 3, answers and events come back
// on 4, each ended by a NUL byte. It does what the tests of
// internal/browsertest and internal/forgetest need — open a page,
// navigate, evaluate JavaScript, wait for the document to change, type,
// take a screenshot, watch requests and errors — and nothing else, with
// the standard library alone. Only tests use it.
//
// Tests never sleep to wait: a page is waited for by its load event or by
// a change of its document (see [Page.WaitFor]), each bounded by a limit
// for a page that never gets there, not a measure of speed.
package cdp

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

// ErrNoChromium is what [FindChromium] returns when there is no Chromium.
var ErrNoChromium = errors.New("no chromium")

// FindChromium returns the browser to run: $CHROMIUM, or Debian's.
func FindChromium() (string, error) {
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
	return "", ErrNoChromium
}

// flags keep Chromium quiet on a machine without a network and make each
// run start afresh.
var flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
	"--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
	"--remote-debugging-pipe",
}

// Browser is a running Chromium.
type Browser struct {
	cmd  *exec.Cmd
	in   io.WriteCloser // its fd 3
	mu   sync.Mutex
	next int
	wait map[int]chan message
	subs []*Subscription
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

// Subscription receives the events of one method of one session, on C.
// Events that find C full are dropped.
type Subscription struct {
	C               <-chan json.RawMessage // the events' parameters
	ch              chan json.RawMessage
	session, method string
}

// Start starts Chromium at path with a fresh profile in dir.
func Start(path, dir string) (*Browser, error) {
	cmdR, cmdW, err := os.Pipe() // commands: we write, Chromium reads fd 3
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe() // answers: Chromium writes fd 4, we read
	if err != nil {
		return nil, err
	}
	args := append(append([]string{}, flags...), "--user-data-dir="+dir, "about:blank")
	cmd := exec.Command(path, args...)
	cmd.ExtraFiles = []*os.File{cmdR, evW}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	cmdR.Close()
	evW.Close()
	b := &Browser{cmd: cmd, in: cmdW, wait: map[int]chan message{}, dead: make(chan struct{})}
	go b.read(evR)
	return b, nil
}

func (b *Browser) read(r io.Reader) {
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

// Call sends the command method to session ("" for the browser itself)
// and decodes its result into result, if not nil.
func (b *Browser) Call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan message, 1)
	b.wait[id] = ch
	b.mu.Unlock()
	raw := []byte("{}")
	if params != nil {
		var err error
		if raw, err = json.Marshal(params); err != nil {
			return err
		}
	}
	data, _ := json.Marshal(message{ID: id, SessionID: session, Method: method, Params: raw})
	b.mu.Lock()
	_, err := b.in.Write(append(data, 0))
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

// Subscribe returns a subscription to the events method of session (""
// for every session), holding up to size events not yet received.
func (b *Browser) Subscribe(session, method string, size int) *Subscription {
	ch := make(chan json.RawMessage, size)
	s := &Subscription{C: ch, ch: ch, session: session, method: method}
	b.mu.Lock()
	b.subs = append(b.subs, s)
	b.mu.Unlock()
	return s
}

// Unsubscribe stops the events of s. It leaves s.C open.
func (b *Browser) Unsubscribe(s *Subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, x := range b.subs {
		if x == s {
			b.subs = append(b.subs[:i], b.subs[i+1:]...)
			return
		}
	}
}

// Close asks Chromium to quit, and kills it if it does not.
func (b *Browser) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b.Call(ctx, "", "Browser.close", nil, nil)
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

// Page is one tab. Its commands are bounded by the context it was opened
// with.
type Page struct {
	// LoadTimeout bounds the wait for a load event (see [Page.Loading]):
	// 20 s unless set otherwise before the page is used.
	LoadTimeout time.Duration

	b       *Browser
	ctx     context.Context
	session string
	target  string
	watched []*Subscription

	mu       sync.Mutex
	problems []string // uncaught exceptions, console errors, failed loads
	requests []string // every URL the page asked for
	hosts    []string // the servers it may ask
}

// NewPage opens a tab of 1280×900 pixels and starts watching it: its
// errors (see [Page.TakeProblems]) and its requests (see
// [Page.Requested]).
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.Call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.Call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	p := &Page{LoadTimeout: 20 * time.Second, b: b, ctx: ctx, session: s.SessionID, target: t.TargetID}
	p.watch("Runtime.exceptionThrown", 64, func(raw json.RawMessage) string {
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
	p.watch("Runtime.consoleAPICalled", 64, func(raw json.RawMessage) string {
		var e struct {
			Type string `json:"type"`
		}
		json.Unmarshal(raw, &e)
		if e.Type != "error" {
			return ""
		}
		return "console.error: " + string(raw)
	})
	p.watch("Log.entryAdded", 64, func(raw json.RawMessage) string {
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
	reqs := b.Subscribe(s.SessionID, "Network.requestWillBeSent", 1024)
	p.watched = append(p.watched, reqs)
	go func() {
		for raw := range reqs.C {
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
		if err := p.Call(m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := p.Call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	return p, nil
}

// watch records, as problems, the events method that describe says are.
func (p *Page) watch(method string, size int, describe func(json.RawMessage) string) {
	s := p.b.Subscribe(p.session, method, size)
	p.watched = append(p.watched, s)
	go func() {
		for raw := range s.C {
			if d := describe(raw); d != "" {
				p.mu.Lock()
				p.problems = append(p.problems, d)
				p.mu.Unlock()
			}
		}
	}()
}

// Call sends the command method to the page and decodes its result into
// result, if not nil.
func (p *Page) Call(method string, params, result any) error {
	return p.b.Call(p.ctx, p.session, method, params, result)
}

// Close closes the tab and stops watching it.
func (p *Page) Close() {
	p.b.Call(p.ctx, "", "Target.closeTarget", map[string]any{"targetId": p.target}, nil)
	for _, s := range p.watched {
		p.b.Unsubscribe(s)
		close(s.ch) // no more sends once unsubscribed: read holds b.mu
	}
	p.watched = nil
}

// Navigate loads url and waits for its load event.
func (p *Page) Navigate(url string) error {
	return p.Loading("navigate "+url, func() error {
		var res struct {
			ErrorText string `json:"errorText"`
		}
		if err := p.Call("Page.navigate", map[string]any{"url": url}, &res); err != nil {
			return err
		}
		if res.ErrorText != "" {
			return errors.New(res.ErrorText)
		}
		return nil
	})
}

// Reload reloads the page and waits for its load event.
func (p *Page) Reload() error {
	return p.Loading("reload", func() error { return p.Call("Page.reload", nil, nil) })
}

// Loading does what makes the page load another (a click, a key, a form
// submitted), and waits for that page's load event, at most
// p.LoadTimeout. what names the action in errors.
func (p *Page) Loading(what string, do func() error) error {
	loaded := p.b.Subscribe(p.session, "Page.loadEventFired", 4)
	defer p.b.Unsubscribe(loaded)
	if err := do(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	select {
	case <-loaded.C:
		return nil
	case <-time.After(p.LoadTimeout):
		return fmt.Errorf("%s: no load event in %v", what, p.LoadTimeout)
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
}

// Eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its value into out (if not nil).
func (p *Page) Eval(expr string, out any) error {
	return p.eval(p.ctx, expr, out)
}

func (p *Page) eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.b.Call(ctx, p.session, "Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &res)
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

// WaitFor waits until the JavaScript expression expr is true, bounded by
// the page's context. The page says when to look again: expr is evaluated
// at once and after every change of the document (a MutationObserver),
// never on a timer; every condition the tests wait for is a change of the
// document (a data- attribute, an element shown, a field filled).
func (p *Page) WaitFor(expr string) error {
	return p.waitFor(p.ctx, expr)
}

// WaitForWithin is [Page.WaitFor] that gives up after limit, a bound for a
// page that never gets there, not a measure of speed.
func (p *Page) WaitForWithin(expr string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(p.ctx, limit)
	defer cancel()
	return p.waitFor(ctx, expr)
}

func (p *Page) waitFor(ctx context.Context, expr string) error {
	err := p.eval(ctx, `new Promise(resolve => {
		const ok = () => { try { return !!(`+expr+`); } catch (e) { return false; } };
		if (ok()) { resolve(true); return; }
		const o = new MutationObserver(() => { if (ok()) { o.disconnect(); resolve(true); } });
		o.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
	})`, nil)
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", expr, err)
	}
	return nil
}

// TypeInto focuses the element of the CSS selector, empties it and types
// text as a keyboard does: each character fires the input events.
func (p *Page) TypeInto(selector, text string) error {
	if err := p.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.focus(); e.select && e.select(); if (e.value !== undefined) { e.value = ""; } })()`, JSString(selector)), nil); err != nil {
		return err
	}
	for _, r := range text {
		if err := p.Call("Input.insertText", map[string]any{"text": string(r)}, nil); err != nil {
			return err
		}
	}
	return nil
}

// Press sends one key, such as "Enter" or "Tab".
func (p *Page) Press(key string) error {
	codes := map[string]int{"Enter": 13, "Tab": 9, "Escape": 27}
	ev := map[string]any{"key": key, "code": key, "windowsVirtualKeyCode": codes[key]}
	if key == "Enter" {
		ev["text"] = "\r"
	}
	ev["type"] = "keyDown"
	if err := p.Call("Input.dispatchKeyEvent", ev, nil); err != nil {
		return err
	}
	ev["type"] = "keyUp"
	delete(ev, "text")
	return p.Call("Input.dispatchKeyEvent", ev, nil)
}

// Choose selects value in the <select> of the CSS selector, as a person
// picking from the list does: the change event fires.
func (p *Page) Choose(selector, value string) error {
	q, v := JSString(selector), JSString(value)
	var found bool
	err := p.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.focus(); if (![...e.options].some(o => o.value === %s)) return false; e.value = %s; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, q, v, v), &found)
	if err == nil && !found {
		err = fmt.Errorf("%s has no option %s", selector, value)
	}
	return err
}

// Screenshot saves the whole page, 1280 pixels wide and up to 6000 high,
// as a PNG.
func (p *Page) Screenshot(file string) error {
	var m struct {
		CSSContentSize struct {
			Width, Height float64
		} `json:"cssContentSize"`
	}
	if err := p.Call("Page.getLayoutMetrics", nil, &m); err != nil {
		return err
	}
	var shot struct {
		Data string `json:"data"`
	}
	clip := map[string]any{"x": 0, "y": 0, "width": 1280, "height": min(m.CSSContentSize.Height, 6000), "scale": 1}
	if err := p.Call("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true, "clip": clip}, &shot); err != nil {
		return err
	}
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}

// TakeProblems returns and forgets the errors the page reported: uncaught
// exceptions ("uncaught: …"), console errors ("console.error: …") and
// errors of its log, such as failed loads ("log: … URL").
func (p *Page) TakeProblems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.problems
	p.problems = nil
	return out
}

// Requested returns every URL the page asked for.
func (p *Page) Requested() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// Allow adds servers (scheme://host:port) the page may ask, for
// [Page.Allowed].
func (p *Page) Allow(servers ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hosts = append(p.hosts, servers...)
}

// Allowed reports whether the page may ask for u: a server allowed by
// [Page.Allow], its own blobs and data, about:blank.
func (p *Page) Allowed(u string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, h := range p.hosts {
		if strings.HasPrefix(u, h+"/") {
			return true
		}
	}
	return strings.HasPrefix(u, "blob:") || strings.HasPrefix(u, "data:") || u == "about:blank"
}

// JSString quotes s for JavaScript source. (encoding/json escapes U+2028
// and U+2029, which end a line in older JavaScript.)
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
